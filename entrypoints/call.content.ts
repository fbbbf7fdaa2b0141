import { mountCard } from '@/lib/content/card-frame';
import { send } from '@/lib/messages';
import { detectionCheck, detectionReport } from '@/lib/platforms/check';
import { CALL_MATCHES } from '@/lib/platforms/hosts';
import { detectorFor, safeDetect } from '@/lib/platforms/index';
import {
  initialTracker,
  type TrackerInput,
  type TrackerState,
  track,
} from '@/lib/platforms/tracker';

// Detects the call state of this tab and reports it; mounts the session card (an extension
// iframe) while a call is live. It reads the page and never writes private data into it: the
// card's content lives in the iframe, which the page cannot read.

/** At most one DOM check per this many ms, however fast the page mutates. */
const THROTTLE_MS = 500;
/** A slow safety check, for changes that happen without DOM mutations (URL, timers). */
const SAFETY_MS = 2_000;
/** A change waiting for its confirming look gets one this soon, mutations or not. */
const CONFIRM_MS = 700;

export default defineContentScript({
  matches: [...CALL_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    const detector = detectorFor(new URL(location.href));
    if (!detector) return;

    let tracker: TrackerState = initialTracker;
    let reported = tracker.state;
    let reportedPresenting = false;
    const card = mountCard(ctx, detector.id);

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

    let confirm: number | undefined;
    const step = (input: TrackerInput) => {
      tracker = track(tracker, input, { joinGraceMs: detector.joinGraceMs });
      report();
      // Hysteresis needs a second (or third) look: take it soon rather than at the safety tick.
      const pending =
        (tracker.state !== 'in-call' && tracker.inCallStreak > 0) ||
        (tracker.state === 'in-call' &&
          (tracker.goneStreak > 0 || tracker.leaveClicked !== undefined));
      if (pending && confirm === undefined) {
        confirm = ctx.setTimeout(() => {
          confirm = undefined;
          check();
        }, CONFIRM_MS);
      }
    };

    const check = () => {
      const url = new URL(location.href);
      if (!detector.matchesUrl(url) && tracker.state === 'in-call') {
        step({ event: 'navigated-away', at: Date.now() });
        return;
      }
      step({
        reading: safeDetect(detector, url, document, (error) =>
          console.warn('Mentor Companion: call detection failed', error),
        ),
        at: Date.now(),
      });
    };

    // Throttled MutationObserver: the callback only schedules; the check runs at most every
    // THROTTLE_MS, since Meet and Teams mutate the DOM many times a second.
    let timer: number | undefined;
    let lastCheck = 0;
    const schedule = () => {
      if (timer !== undefined) return;
      const wait = Math.max(0, lastCheck + THROTTLE_MS - Date.now());
      timer = ctx.setTimeout(() => {
        timer = undefined;
        lastCheck = Date.now();
        check();
      }, wait);
    };
    const observer = new MutationObserver(schedule);
    observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
    });
    ctx.onInvalidated(() => observer.disconnect());
    ctx.setInterval(check, SAFETY_MS);
    ctx.addEventListener(window, 'wxt:locationchange', check);

    // A click on the platform's leave control, in any UI language, arms the end: the call ends at
    // the first look without a leave control. A host who cancels "End the call for everyone?"
    // stays in the call.
    ctx.addEventListener(
      document,
      'click',
      (event) => {
        if (tracker.state !== 'in-call') return;
        const target = event.target as Node | null;
        if (target && detector.leaveControls(document).some((el) => el.contains(target))) {
          step({ event: 'leave-clicked', at: Date.now() });
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

    // After a worker restart the background asks where this tab stands.
    const onPing = (msg: unknown) => {
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
          version: browser.runtime.getManifest().version,
        });
        return Promise.resolve({ check, report: detectionReport(check) });
      }
      if (type !== 'call-ping') return undefined;
      return Promise.resolve({
        platform: detector.id,
        state: tracker.state,
        meetingKey: tracker.meetingKey,
        ...(tracker.state === 'in-call' ? { presenting: tracker.presenting } : {}),
      });
    };
    browser.runtime.onMessage.addListener(onPing);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onPing));

    check();
  },
});
