import { mountCard } from '@/lib/content/card-frame';
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

// The close watch of a call page: detects the call state of this tab and reports it; mounts the
// session card (an extension iframe) while a call is live. It reads the page and never writes
// private data into it: the card's content lives in the iframe, which the page cannot read.
//
// Not a content script of its own: call.content.ts imports this module (web-accessible) once a
// cheap look hints at a call, and hands it back to those looks when the call is gone, so a tab
// without a call carries no observer and no timer.

/** At most one DOM check per this many ms, however fast the page mutates. */
const THROTTLE_MS = 500;
/** A slow safety check, for changes that happen without DOM mutations (URL, timers). */
const SAFETY_MS = 2_000;
/** The safety check's pace once a live call has settled (see below). */
const SETTLED_SAFETY_MS = 3_000;
/** A change waiting for its confirming look gets one this soon, mutations or not. */
const CONFIRM_MS = 700;

// How closely the page is watched. Until a call is live and settled, every DOM change asks for a
// look (at most every THROTTLE_MS): joining must show quickly. Once it is live and nothing waits
// for a confirming look, a call page mutates hundreds of times a second (tiles, meters,
// captions) and almost none of it is news: then only the leave control leaving the page asks
// for a look at once (that is how a call ends), and the safety check takes the rest (an end
// dialog over a still-present toolbar, presenting, a reconnect banner) within SETTLED_SAFETY_MS. The
// leave control can only leave when the child list of one of its ancestors changes, so those
// lists are all that is observed then: the tiles, meters and captions elsewhere cost nothing.
const CLOSE: MutationObserverInit = { childList: true, subtree: true, attributes: true };

/** The nodes whose child lists hold an element in the page: its ancestors, across shadow roots. */
function ancestorsOf(el: Element): Node[] {
  const out: Node[] = [];
  for (let n: Node | null = el.parentNode; n; ) {
    out.push(n);
    n = n.parentNode ?? (n as ShadowRoot).host ?? null;
  }
  return out;
}

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

  let confirm: number | undefined;
  /** Hysteresis needs a second (or third) look: one is due. */
  const pending = () =>
    (tracker.state !== 'in-call' && tracker.inCallStreak > 0) ||
    (tracker.state === 'in-call' && (tracker.goneStreak > 0 || tracker.leaveClicked !== undefined));
  const step = (input: TrackerInput) => {
    tracker = track(tracker, input, { joinGraceMs: detector.joinGraceMs });
    report();
    // Hysteresis needs a second (or third) look: take it soon rather than at the safety tick.
    if (awake && pending() && confirm === undefined) {
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
      sleep();
      return;
    }
    leaves = tracker.state === 'in-call' && !pending() ? detector.leaveControls(document) : [];
    if (leaves.length > 0) observeLeaves();
    else observeAll();
    if (safety !== undefined) clearTimeout(safety);
    safety = ctx.setTimeout(check, leaves.length > 0 ? SETTLED_SAFETY_MS : SAFETY_MS);
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
  /** The live call's leave controls while it is settled: the one change worth a look at once. */
  let leaves: Element[] = [];
  const observer = new MutationObserver(() => {
    if (leaves.length > 0 && leaves.every((el) => el.isConnected)) return;
    schedule();
  });
  /** What is observed now: the whole page, or the ancestors of these leave controls. */
  let watching: 'all' | Element[] | undefined;
  const observeAll = () => {
    if (watching === 'all') return;
    observer.disconnect();
    observer.observe(document.documentElement, CLOSE);
    watching = 'all';
  };
  const observeLeaves = () => {
    const same =
      Array.isArray(watching) &&
      watching.length === leaves.length &&
      watching.every((el, i) => el === leaves[i]);
    if (same) return;
    observer.disconnect();
    const lists = new Set(leaves.flatMap(ancestorsOf));
    for (const node of lists) observer.observe(node, { childList: true });
    watching = leaves;
  };
  let safety: number | undefined;
  let awake = false;
  const sleep = () => {
    awake = false;
    watching = undefined;
    leaves = [];
    observer.disconnect();
    for (const t of [timer, confirm, safety]) if (t !== undefined) clearTimeout(t);
    timer = confirm = safety = undefined;
    rest();
  };
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    if (awake) check();
  });

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

  return {
    wake() {
      if (awake) return;
      awake = true;
      observeAll();
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
      });
    },
  };
}

export default defineUnlistedScript(() => startWatch);
