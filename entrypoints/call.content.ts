import { looksAt } from '@/lib/content/looks';
import { onMessage } from '@/lib/content/runtime';
import { watchLoader } from '@/lib/content/watch';
import { callHint } from '@/lib/platforms/hints';
import { CALL_MATCHES, platformOfHost } from '@/lib/platforms/hosts';
import { pageFacts } from '@/lib/platforms/urls';

// The content script every page of the three platforms gets, kept to a few kilobytes: it looks
// cheaply, and only when something could have brought a call (lib/content/looks.ts), whether the
// page hints at a call (lib/platforms/hints.ts: URL, ids, test ids). A hint loads the close
// watch (entrypoints/call-watch.ts: the detectors, the tracker, the card) and hands the page to
// it; when the call is gone, the watch hands the page back. A Teams chat open all day carries no
// observer and no timer.

export default defineContentScript({
  matches: [...CALL_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    const platform = platformOfHost(location.hostname);
    if (!platform) return;

    const loader = watchLoader({ ctx, platform, rest: () => looks.resume() });
    let loaded = false;
    const load = () => {
      loaded = true;
      return loader();
    };
    const looks = looksAt(ctx, () => {
      if (!callHint(platform, new URL(location.href), document)) return;
      looks.stop();
      load().then((watch) => {
        // No watch (it could not be loaded): try again at the next trigger, not in a loop.
        if (watch) watch.wake();
        else looks.resume();
      });
    });

    // Messages about this tab's call, which the watch answers. Before any hint the tab has no
    // call: a ping gets that answer without loading anything; the detection check, the card
    // shortcut or a session started by hand are reason to load the watch.
    const ours = new Set(['call-ping', 'detect-check', 'toggle-card', 'card-state']);
    const off = onMessage((msg) => {
      const type = (msg as { type?: string } | null)?.type;
      if (type === undefined || !ours.has(type)) return undefined;
      // What the page is goes with it: a Zoom client page loading anew holds its call.
      if (type === 'call-ping' && !loaded)
        return Promise.resolve({
          platform,
          state: 'none',
          page: pageFacts(new URL(location.href)),
        });
      return load().then((watch) => watch?.answer(msg));
    });
    ctx.onInvalidated(off);

    looks.start();
  },
});
