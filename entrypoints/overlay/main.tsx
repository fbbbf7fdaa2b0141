document.getElementById('app')!.textContent = 'overlay';
