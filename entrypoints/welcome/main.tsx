import '@/components/theme.css';
import './welcome.css';
import { signal } from '@preact/signals';
import { render } from 'preact';
import type { ShortcutRow } from '@/components/Shortcuts';
import { Welcome } from '@/components/Welcome';
import { t } from '@/lib/i18n';
import cardPicture from '../../docs/screenshots/call-card.png';
import popupPicture from '../../docs/screenshots/popup.png';
import reflectionPicture from '../../docs/screenshots/reflection.png';

// The first-run page, opened once on install (background.ts). The pictures are the README's
// screenshots, which scripts/screenshots.ts takes from the real build, so they show what is
// shipped. Wiring only: the shortcuts come from the browser, the rest is the component.

async function readShortcuts(): Promise<ShortcutRow[]> {
  const commands = await browser.commands.getAll();
  return commands
    .filter((c) => c.name && c.name !== '_execute_action')
    .map((c) => ({
      name: c.name ?? '',
      description: c.description ?? '',
      shortcut: c.shortcut ?? '',
    }));
}

function main() {
  document.title = t('welcomeTitle');
  const shortcuts = signal<ShortcutRow[] | undefined>(undefined);
  readShortcuts().then(
    (rows) => (shortcuts.value = rows),
    () => (shortcuts.value = []),
  );
  const pictures = [
    { src: popupPicture, caption: t('welcomePic1'), alt: t('welcomePic1Alt') },
    { src: cardPicture, caption: t('welcomePic2'), alt: t('welcomePic2Alt') },
    { src: reflectionPicture, caption: t('welcomePic3'), alt: t('welcomePic3Alt') },
  ];
  const App = () => (
    <Welcome
      pictures={pictures}
      shortcuts={shortcuts.value}
      firefox={import.meta.env.FIREFOX}
      // Firefox lets no extension page open about:addons; the page says where to go instead.
      onChangeShortcuts={
        import.meta.env.FIREFOX
          ? undefined
          : () => browser.tabs.create({ url: 'chrome://extensions/shortcuts' })
      }
      onOpenOptions={() => browser.runtime.openOptionsPage()}
      privacyUrl={browser.runtime.getURL('/privacy.html')}
    />
  );
  const root = document.getElementById('app');
  if (root) render(<App />, root);
}

main();
