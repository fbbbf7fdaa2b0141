import { mountCard } from '@/lib/content/card-frame';
import { pace } from '@/lib/content/pace';
import { manifestVersion, sendMessage } from '@/lib/content/runtime';
import type { CallWatch, WatchDeps } from '@/lib/content/watch';
import type { Message } from '@/lib/messages';
import { detectionCheck, detectionReport } from '@/lib/platforms/check';
import { callHint } from '@/lib/platforms/hints';
import { detectorFor, safeDetect } from '@/lib/platforms/index';
import {
  initialTracker,
  type TrackerInput,
  type TrackerState,
  track,
} from '@/lib/platforms/tracker';
import { pageFacts } from '@/lib/platforms/urls';

// The close watch of a call page: detects the call state of this tab and reports it; mounts the
// session card (an extension iframe) while a call is live. It reads the page and never writes
// private data into it: the card's content lives in the iframe, which the page cannot read.
//
// Not a content script of its own: call.content.ts imports this module (web-accessible) once a
// cheap look hints at a call, and hands it back to those looks when the call is gone, so a tab
// without a call carries no observer and no timer. How often it looks: lib/content/pace.ts.

function startWatch({ ctx, platform, rest }: WatchDeps): CallWatch | undefined {
  const detector = detectorFor(new URL(location.href));
  if (!detector || detector.id !== platform) return undefined;

  let tracker: TrackerState = initialTracker;
  let reported = tracker.state;
  let reportedPresenting = false;
  const card = mountCard(ctx, detector.id);
  const send = (msg: Message) => sendMessage(msg);

  const report = () => {
    if (tracker.state === reported && tracker.presenting === reportedPresenting) return;
    // The end card shows only for a call that was live; a lobby left behind gets nothing.
    if (tracker.state !== reported && (tracker.state !== 'ended' || reported === 'in-call')) {
      card.follow(tracker.state);
    }
    reported = tracker.state;
    reportedPresenting = tracker.presenting;
    send({
      type: 'call-state',
      platform: detector.id,
      state: reported,
      meetingKey: tracker.meetingKey,
      at: Date.now(),
      ...(reported === 'in-call' ? { presenting: reportedPresenting } : {}),
    }).catch(() => {
      // The background is being reloaded; the next check or its ping catches up.
      reported = 'none';
    });
  };

  /** Hysteresis needs a second (or third) look: one is due. */
  const pending = () =>
    (tracker.state !== 'in-call' && tracker.inCallStreak > 0) ||
    (tracker.state === 'in-call' && (tracker.goneStreak > 0 || tracker.leaveClicked !== undefined));
  const step = (input: TrackerInput) => {
    tracker = track(tracker, input, { joinGraceMs: detector.joinGraceMs });
    report();
  };

  let awake = false;
  const check = () => {
    const url = new URL(location.href);
    if (!detector.matchesUrl(url) && tracker.state === 'in-call') {
      step({ event: 'navigated-away', at: Date.now() });
    } else {
      step({
        reading: safeDetect(detector, url, document, (error) =>
          console.warn('Mentor Companion: call detection failed', error),
        ),
        at: Date.now(),
      });
    }
    if (!awake) return;
    // Nothing to watch any more (no call, none on its way, nothing on the page hinting at one):
    // back to the content script's cheap looks.
    const over = tracker.state === 'none' || tracker.state === 'ended';
    if (over && !pending() && !callHint(platform, url, document)) {
      awake = false;
      paced.stop();
      rest();
      return;
    }
    const settled = tracker.state === 'in-call' && !pending();
    paced.after({ leaves: settled ? detector.leaveControls(document) : [], pending: pending() });
  };
  const paced = pace(ctx, check);
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    if (awake) check();
  });

  // A click on the platform's leave control, in any UI language, arms the end: the call ends at
  // the first look without a leave control. A host who cancels "End the call for everyone?"
  // stays in the call. Any other click in a call (present, stop presenting) gets a look soon.
  ctx.addEventListener(
    document,
    'click',
    (event) => {
      if (tracker.state !== 'in-call' || !awake) return;
      const target = event.target as Node | null;
      if (target && detector.leaveControls(document).some((el) => el.contains(target))) {
        step({ event: 'leave-clicked', at: Date.now() });
        paced.confirmSoon();
      } else {
        paced.soon();
      }
    },
    { capture: true },
  );

  ctx.addEventListener(document, 'visibilitychange', () => {
    if (tracker.state !== 'in-call') return;
    send({
      type: 'visibility',
      visible: document.visibilityState === 'visible',
      at: Date.now(),
    }).catch(() => {});
  });

  return {
    wake() {
      if (awake) return;
      awake = true;
      check();
    },

    answer(msg) {
      const type = (msg as { type?: string } | null)?.type;
      if (type === 'toggle-card') {
        card.toggle();
        return Promise.resolve({ ok: true });
      }
      if (type === 'card-state') {
        // The background's word on this tab's session (a session started or ended by hand).
        card.follow((msg as { state: 'in-call' | 'ended' }).state);
        return Promise.resolve({ ok: true });
      }
      if (type === 'detect-check') {
        const check = detectionCheck({
          url: new URL(location.href),
          doc: document,
          tracker,
          at: Date.now(),
          version: manifestVersion(),
        });
        return Promise.resolve({ check, report: detectionReport(check) });
      }
      // After a worker restart the background asks where this tab stands.
      if (type !== 'call-ping') return undefined;
      return Promise.resolve({
        platform: detector.id,
        state: tracker.state,
        meetingKey: tracker.meetingKey,
        ...(tracker.state === 'in-call' ? { presenting: tracker.presenting } : {}),
        page: pageFacts(new URL(location.href)),
      });
    },
  };
}

export default defineUnlistedScript(() => startWatch);
