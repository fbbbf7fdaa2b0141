import '@/components/theme.css';
import './overlay.css';
import { effect } from '@preact/signals';
import { render } from 'preact';
import { LiveCard } from '@/components/LiveCard';
import { startLanguage } from '@/lib/i18n';
import { send } from '@/lib/messages';
import { openPanel } from '@/lib/session/browser-ui';
import { liveCommands, portFeed, storedDrafts } from '@/lib/session/live-client';
import { LIVE_PORT } from '@/lib/session/live-projection';
import { languageItem } from '@/lib/storage/language';
import { LiveModel, systemClock } from '@/models/live';
import { createFrameLink } from './frame-link';

// The session card, shown in the call page as an extension iframe. The page cannot read this
// frame: the topic, the notes and anything typed here stay in the extension. It reads the live
// projection over a port (in Firefox this frame has no storage.session; in Chrome no IndexedDB)
// and sends its size and moves to the content script through the background.

async function main() {
  await startLanguage(languageItem);
  const model = new LiveModel(
    {
      feed: portFeed({ connect: () => browser.runtime.connect({ name: LIVE_PORT }) }),
      ...liveCommands(),
      drafts: storedDrafts,
    },
    systemClock,
  );
  const link = createFrameLink((view) => {
    // Firefox: this frame has no sidebarAction, and a click in it is no user action for one.
    if (import.meta.env.FIREFOX) {
      send({ type: 'open-panel', view, sessionId: model.sessionId.value }).catch(() => {});
      return;
    }
    // Straight from the click, before any await: the panel needs the user gesture.
    openPanel({ tabId: model.tabId.value }).catch(() => {});
  });
  effect(() => {
    link.platform(model.call.value?.platform ?? model.live.value?.platform);
  });
  const root = document.getElementById('app');
  if (root) render(<LiveCard model={model} frame={link.actions} />, root);
}

main();
