import '@/components/theme.css';
import './options.css';
import { effect, signal } from '@preact/signals';
import { render } from 'preact';
import { OptionsPage, type PageEffects } from '@/components/options/OptionsPage';
import type { ShortcutRow } from '@/components/Shortcuts';
import { db } from '@/lib/db';
import { startLanguage } from '@/lib/i18n';
import { languageItem, settingsItem } from '@/lib/storage/items';
import { hashOf, OptionsModel, parseHash } from '@/models/options/app';
import { keyCommand } from '@/models/options/keys';

// The Mentorships page: wiring only. The models read and write through lib/; this file connects
// them to the page: the address (#m=<id>, #s=<sessionId>, #new, #archived, #backups,
// #settings), the page's keys (models/options/keys.ts), downloads, new tabs.

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
  // Firefox lets no extension page open about:addons; the page says where to go instead.
  changeShortcuts: import.meta.env.FIREFOX
    ? undefined
    : () => browser.tabs.create({ url: 'chrome://extensions/shortcuts' }),
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

async function main() {
  await startLanguage(languageItem);
  const model = new OptionsModel({
    db,
    now: Date.now,
    settings: settingsItem,
    language: languageItem,
    storage: navigator.storage,
  });
  const opened = parseHash(location.hash);
  if (opened) model.select(opened);
  addEventListener('hashchange', () => {
    const next = parseHash(location.hash);
    if (next) model.select(next);
  });
  // Keep the address in step with the view, so a reload or a link opens the same place.
  effect(() => {
    const view = model.view.value;
    if (view && location.hash !== hashOf(view)) history.replaceState(null, '', hashOf(view));
  });
  addEventListener('keydown', (e) => {
    const el = e.target instanceof HTMLElement ? e.target : undefined;
    const typing = !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
    const onSessionPage = model.view.value?.page === 'session';
    const command = keyCommand({
      key: e.key,
      code: e.code,
      altKey: e.altKey,
      ctrlKey: e.ctrlKey,
      metaKey: e.metaKey,
      typing,
      onSessionPage,
    });
    if (!command) return;
    e.preventDefault();
    if (command === 'search')
      document.querySelector<HTMLInputElement>('input[type=search]')?.focus();
    else if (command === 'next-mentorship') {
      model.nextMentorship();
      effects.focusMain();
    } else {
      const p = model.sessionPage.page.value;
      const id = command === 'previous-session' ? p?.previousId : p?.nextId;
      if (id) {
        model.select({ page: 'session', id });
        effects.focusMain();
      }
    }
  });
  addEventListener('pagehide', () => {
    model.flush();
  });

  model.watch();
  model.load();
  model.undo.resume();
  model.settings.load();
  model.backups.askToPersist();

  // The shortcuts as the browser has them now (the person may have changed them).
  const shortcuts = signal<ShortcutRow[] | undefined>(undefined);
  browser.commands.getAll().then(
    (all) =>
      (shortcuts.value = all
        .filter((c) => c.name && c.name !== '_execute_action')
        .map((c) => ({
          name: c.name ?? '',
          description: c.description ?? '',
          shortcut: c.shortcut ?? '',
        }))),
    () => (shortcuts.value = []),
  );
  const App = () => <OptionsPage model={model} effects={effects} shortcuts={shortcuts.value} />;
  const root = document.getElementById('app');
  if (root) render(<App />, root);
}

main();
