// Focus accounting: how long, how often and for how long at most the user was away from the
// call during a session, from timestamped events.
//
// The background feeds events (tabs.onActivated, windows.onFocusChanged, idle.onStateChanged,
// the call tab's visibility from the content script) and persists the state; the displays ask
// for figures at their own `now`. Nothing ticks: the state is the events themselves, kept sorted,
// and every figure is a fold over them, so a restarted service worker, a late report or a
// duplicate changes nothing that an in-order, exactly-once feed would not.
//
// ## Signals and presence
//
// Four signals, each the latest value reported (at the session start: all "here"):
//
//   tab      call | companion | other   the active tab of the call's window
//   window   call | other | none        which browser window has focus (none: another app)
//   visible  boolean                    the call tab's document visibility
//   locked   boolean                    the screen is locked
//
// present = tab in {call, companion} AND window = call AND NOT locked
//           AND (visible OR tab = companion)
//
//                 some signal says "gone"
//   +---------+ ------------------------> +------+   on entry: awaySince = t, count += 1
//   | PRESENT |                           | AWAY |
//   +---------+ <------------------------ +------+   on exit: awayMs += t - awaySince,
//                 every signal says "here"             longest = max(longest, that span)
//
// Away spans are the union of the causes: the machine has one AWAY state whatever keeps it
// there, so overlapping causes never count twice. Events with the same timestamp are applied
// together before presence is looked at, so no zero-length span is ever counted.
//
// ## Visibility and companion tabs
//
// Visibility is evidence about the call tab only, and the call tab is hidden whenever another
// tab of its window is active. Hence:
// - Visibility is ignored while the tab signal is not 'call'. A companion tab (shared doc,
//   slides) is part of the session and hides the call tab by design; 'other' is away anyway.
// - Coming back (tab -> call, window -> call, or unlock) makes the call tab visible again
//   without waiting for the content script: its report comes from another process with its own
//   clock and delay (or never, while it reloads), and waiting would count a short away span on
//   every return from a companion tab. A later 'hidden' report still counts.
// - A 'hidden' report is tentative (see below) and is dropped when something explains it within
//   FOCUS_BLIP_MS: the tab leaving 'call', the window losing focus, a lock, or 'visible' again.
//   The content script and the background race, so a switch to a companion tab often reports
//   'hidden' a few ms BEFORE the tab change; without this, every such switch would count an
//   away episode. Visibility is the fallback signal for what the others miss (a minimised or
//   occluded window that reports no focus change).
//
// ## Tentative events: the no-window blip and unexplained 'hidden'
//
// Some window managers send window 'none' between two browser windows. So a 'none' at n:
// - followed within FOCUS_BLIP_MS by a window event 'call' or 'other': the none marks the
//   moment of the switch, so it is dropped and that event takes effect at n (none -> call: no
//   away at all; none -> other: away from n);
// - otherwise it is pending until the evaluation time passes n + FOCUS_BLIP_MS, and then counts
//   from n (back-dated). While pending it has no effect, so `awaySince` can appear already
//   FOCUS_BLIP_MS in the past.
// A 'hidden' report at h is pending in the same way and, unexplained, counts from h.
// A tentative event within FOCUS_BLIP_MS of the end never counts: the end came first.
//
// ## Order, duplicates and bounds
//
// - Events are kept sorted by (at, kind, value) and folded in that order, whatever order they
//   arrived in. Two events at the same millisecond that contradict each other have no true
//   order; the "here" value is applied last (the benefit of the doubt). An event equal to a
//   kept one (same at, kind and value) is a duplicate and changes nothing.
// - Events before the start are kept and take effect AT the start: they say how things stood
//   when the session began (the user was already on another tab). Events after the end are
//   ignored (dropped), and the end is final: a second endFocus changes nothing.
// - At most FOCUS_MAX_EVENTS events are kept. Beyond that the oldest are folded into a
//   checkpoint (signals and totals at a watermark), preferably at a cut no tentative event
//   straddles, which gives exactly the figures the full list would. An event older than the
//   watermark (over ~1,000 events late) is ignored. Only if no such cut exists (a flood of
//   flickering reports) may the checkpoint decide a tentative event near the cut on the events
//   known then, off by at most FOCUS_BLIP_MS if its answer arrives later still.
// - The state is plain JSON (numbers, strings, booleans, null, arrays), persisted as is.
//
// Pure: no clock (times are parameters), no browser APIs.

import {
  compact,
  compareEvents,
  FOCUS_BLIP_MS,
  FOCUS_MAX_EVENTS,
  fold,
  horizonOf,
  isTime,
  lowerBound,
  normalizeEvent,
  upperBoundAt,
} from './focus/fold';

export { FOCUS_BLIP_MS, FOCUS_MAX_EVENTS };

export type FocusEvent =
  /**
   * The active tab of the call's window is now the call tab / a tab the user marked as part of
   * the session (shared doc, slides) / something else.
   */
  | { at: number; kind: 'tab'; where: 'call' | 'companion' | 'other' }
  /** Browser window focus: the call's window, another browser window, none (another app). */
  | { at: number; kind: 'window'; focused: 'call' | 'other' | 'none' }
  /** The call tab's document visibility (from the content script). */
  | { at: number; kind: 'visibility'; visible: boolean }
  /** The screen is locked or not. */
  | { at: number; kind: 'idle'; locked: boolean };

export interface FocusSignals {
  tab: 'call' | 'companion' | 'other';
  window: 'call' | 'other' | 'none';
  visible: boolean;
  locked: boolean;
}

/** Everything before `at`, folded. */
export interface FocusCheckpoint {
  /** The watermark: events before it have been folded in and dropped. */
  at: number;
  signals: FocusSignals;
  /** Closed away spans only; an open one is `awaySince`. */
  closedAwayMs: number;
  /** Away spans entered, the open one included. */
  count: number;
  longestClosedMs: number;
  awaySince: number | null;
}

export interface FocusState {
  v: 1;
  startedAt: number;
  endedAt: number | null;
  /** Sorted by (at, kind, value), no duplicates, none after `endedAt` or before the checkpoint. */
  events: FocusEvent[];
  checkpoint: FocusCheckpoint | null;
}

export interface FocusFigures {
  /** Total away time, the open span included up to `now`. */
  awayMs: number;
  /** Away spans, the open one included. */
  count: number;
  /** The longest away span, the open one included. */
  longestMs: number;
  /** When the open away span began; null when present or once the session has ended. */
  awaySince: number | null;
  /** Share of the elapsed time present, 0..1 (1 before any time has passed). */
  presentShare: number;
  /** From the start to `now`, or to the end once ended. */
  elapsedMs: number;
}

export function startFocus(at: number): FocusState {
  if (!Number.isFinite(at)) throw new RangeError(`startFocus: not a time: ${at}`);
  return { v: 1, startedAt: at, endedAt: null, events: [], checkpoint: null };
}

/**
 * The state with `e` taken into account. Returns `s` itself when `e` changes nothing: a
 * duplicate, after the end, older than the checkpoint, or malformed (the feed comes partly from
 * messages, so shapes are checked).
 */
export function applyFocusEvent(s: FocusState, e: FocusEvent): FocusState {
  const event = normalizeEvent(e);
  if (event === null) return s;
  if (s.endedAt !== null && event.at > s.endedAt) return s;
  if (s.checkpoint !== null && event.at < s.checkpoint.at) return s;
  const i = lowerBound(s.events, event);
  const there = s.events[i];
  if (there !== undefined && compareEvents(there, event) === 0) return s;
  const events = [...s.events.slice(0, i), event, ...s.events.slice(i)];
  return compact({ ...s, events });
}

/**
 * The session ended at `at` (held to no earlier than the start and the checkpoint). Any open
 * away span closes there; later events are dropped. Ending an ended state changes nothing.
 */
export function endFocus(s: FocusState, at: number): FocusState {
  if (s.endedAt !== null) return s;
  const endedAt = Math.max(
    Number.isFinite(at) ? at : s.startedAt,
    s.startedAt,
    s.checkpoint?.at ?? s.startedAt,
  );
  return { ...s, endedAt, events: s.events.filter((e) => e.at <= endedAt) };
}

export function focusFigures(s: FocusState, now: number): FocusFigures {
  const horizon = horizonOf(s, now);
  const acc = fold(s, s.events.slice(0, upperBoundAt(s.events, horizon)), horizon, Infinity);
  const ended = s.endedAt !== null && horizon >= s.endedAt;
  const open = acc.awaySince === null ? 0 : horizon - acc.awaySince;
  const awayMs = acc.closedAwayMs + open;
  const elapsedMs = horizon - s.startedAt;
  const presentShare =
    elapsedMs > 0 ? Math.min(1, Math.max(0, (elapsedMs - awayMs) / elapsedMs)) : 1;
  return {
    awayMs,
    count: acc.count,
    longestMs: Math.max(acc.longestClosedMs, open),
    awaySince: ended ? null : acc.awaySince,
    presentShare,
    elapsedMs,
  };
}

/** Whether the user is away at `now` (never once the session has ended). */
export function isAway(s: FocusState, now: number): boolean {
  return focusFigures(s, now).awaySince !== null;
}

/** Whether `x` (read back from storage) is a focus state this module can use. */
export function isFocusState(x: unknown): x is FocusState {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as Record<string, unknown>;
  if (s.v !== 1 || !isTime(s.startedAt)) return false;
  if (s.endedAt !== null && !isTime(s.endedAt)) return false;
  if (!Array.isArray(s.events)) return false;
  for (let i = 0; i < s.events.length; i++) {
    const e = normalizeEvent(s.events[i]);
    if (e === null) return false;
    const before = i > 0 ? (s.events[i - 1] as FocusEvent) : null;
    if (before !== null && compareEvents(before, e) >= 0) return false;
  }
  if (s.checkpoint === null) return true;
  if (typeof s.checkpoint !== 'object') return false;
  const c = s.checkpoint as Record<string, unknown>;
  const sig = c.signals as Record<string, unknown> | null;
  return (
    isTime(c.at) &&
    isTime(c.closedAwayMs) &&
    isTime(c.count) &&
    isTime(c.longestClosedMs) &&
    (c.awaySince === null || isTime(c.awaySince)) &&
    typeof sig === 'object' &&
    sig !== null &&
    (sig.tab === 'call' || sig.tab === 'companion' || sig.tab === 'other') &&
    (sig.window === 'call' || sig.window === 'other' || sig.window === 'none') &&
    typeof sig.visible === 'boolean' &&
    typeof sig.locked === 'boolean'
  );
}
