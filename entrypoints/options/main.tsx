import '@/components/theme.css';
import './options.css';
import { effect } from '@preact/signals';
import { render } from 'preact';
import { db } from '@/lib/db';
import { App, type PageEffects } from './App';
import { createOptionsModel, hashOf, parseHash } from './model';

// The Mentorships page: wiring only. The model reads and writes through lib/; this file connects
// it to the page: the address (#m=<id>, #new, #backups, #settings), downloads, new tabs.

const model = createOptionsModel({ db, now: Date.now });

const effects: PageEffects = {
  download(name, text) {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    // Chrome reads the blob after click() returns; give it time before letting go.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  },
  openReflection(sessionId) {
    const params = new URLSearchParams({ view: 'reflect', session: sessionId });
    browser.tabs.create({ url: `${browser.runtime.getURL('/sidepanel.html')}?${params}` });
  },
  focusMain() {
    requestAnimationFrame(() => {
      const target =
        document.querySelector<HTMLElement>('#main h1') ?? document.getElementById('main');
      if (!target) return;
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus();
    });
  },
};

const opened = parseHash(location.hash);
if (opened) model.actions.select(opened);
addEventListener('hashchange', () => {
  const next = parseHash(location.hash);
  if (next) model.actions.select(next);
});
// Keep the address in step with the view, so a reload or a link opens the same place.
effect(() => {
  const view = model.state.view.value;
  if (view && location.hash !== hashOf(view)) history.replaceState(null, '', hashOf(view));
});
addEventListener('pagehide', () => {
  model.flush();
});

model.watch();
model.actions.load();
model.settings.load();

const root = document.getElementById('app');
if (root) render(<App model={model} effects={effects} />, root);
