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

/** How long a window 'none' or a 'hidden' report waits for what explains it. */
export const FOCUS_BLIP_MS = 800;
/** The most events kept in the state before the oldest are folded into a checkpoint. */
export const FOCUS_MAX_EVENTS = 2000;
/** How many of the newest events a compaction aims to keep. */
const FOCUS_KEEP_EVENTS = 1000;

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

const HERE: FocusSignals = { tab: 'call', window: 'call', visible: true, locked: false };

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

// ---------------------------------------------------------------------------------------------
// Ordering

function isTime(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** A fresh event with only the known fields, or null when `e` is not a focus event. */
function normalizeEvent(e: unknown): FocusEvent | null {
  if (typeof e !== 'object' || e === null) return null;
  const r = e as Record<string, unknown>;
  const at = r.at;
  if (!isTime(at)) return null;
  switch (r.kind) {
    case 'tab':
      return r.where === 'call' || r.where === 'companion' || r.where === 'other'
        ? { at, kind: 'tab', where: r.where }
        : null;
    case 'window':
      return r.focused === 'call' || r.focused === 'other' || r.focused === 'none'
        ? { at, kind: 'window', focused: r.focused }
        : null;
    case 'visibility':
      return typeof r.visible === 'boolean' ? { at, kind: 'visibility', visible: r.visible } : null;
    case 'idle':
      return typeof r.locked === 'boolean' ? { at, kind: 'idle', locked: r.locked } : null;
    default:
      return null;
  }
}

// Within one millisecond, visibility goes first so that a return (tab, window, unlock) applied
// after it sets the call tab visible; within a kind the "here" value goes last.
const KIND_RANK = { visibility: 0, idle: 1, window: 2, tab: 3 } as const;

function valueRank(e: FocusEvent): number {
  switch (e.kind) {
    case 'visibility':
      return e.visible ? 1 : 0;
    case 'idle':
      return e.locked ? 0 : 1;
    case 'window':
      return e.focused === 'none' ? 0 : e.focused === 'other' ? 1 : 2;
    case 'tab':
      return e.where === 'other' ? 0 : e.where === 'companion' ? 1 : 2;
  }
}

/** A total order on distinct events; 0 means the same event. */
function compareEvents(a: FocusEvent, b: FocusEvent): number {
  return a.at - b.at || KIND_RANK[a.kind] - KIND_RANK[b.kind] || valueRank(a) - valueRank(b);
}

/** The first index whose event is not before `e`. */
function lowerBound(events: readonly FocusEvent[], e: FocusEvent): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareEvents(events[mid] as FocusEvent, e) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The number of events at or before `at`. */
function upperBoundAt(events: readonly FocusEvent[], at: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((events[mid] as FocusEvent).at <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The time figures are taken at: `now`, held within start..end and not before the checkpoint. */
function horizonOf(s: FocusState, now: number): number {
  let h = Number.isFinite(now) ? now : s.startedAt;
  if (s.endedAt !== null) h = Math.min(h, s.endedAt);
  return Math.max(h, s.startedAt, s.checkpoint?.at ?? s.startedAt);
}

// ---------------------------------------------------------------------------------------------
// The fold

interface Item {
  /** When the event takes effect: its time, held to the start, or a blip's none. */
  t: number;
  e: FocusEvent;
  /** A none that was a blip: it never happened. */
  cancelled: boolean;
  /** Not applied: cancelled, explained, or still waiting for the blip window to pass. */
  skip: boolean;
}

interface Acc {
  signals: FocusSignals;
  closedAwayMs: number;
  count: number;
  longestClosedMs: number;
  awaySince: number | null;
}

function isPresent(s: FocusSignals): boolean {
  if (s.window !== 'call' || s.locked) return false;
  if (s.tab === 'companion') return true;
  return s.tab === 'call' && s.visible;
}

/** Whether `e`, soon after a 'hidden' report, accounts for it. */
function explainsHidden(e: FocusEvent): boolean {
  switch (e.kind) {
    case 'visibility':
      return e.visible;
    case 'tab':
      return e.where !== 'call';
    case 'window':
      return e.focused !== 'call';
    case 'idle':
      return e.locked;
  }
}

/**
 * The events as they take effect: tentative ones resolved (see the header), times held to the
 * start, sorted by effective time. `horizon` decides what is still pending.
 */
function resolve(events: readonly FocusEvent[], startedAt: number, horizon: number): Item[] {
  const items: Item[] = events.map((e) => ({
    t: Math.max(e.at, startedAt),
    e,
    cancelled: false,
    skip: false,
  }));
  // Window 'none' first: whether a none was a blip decides whether it explains a 'hidden'.
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Item;
    if (item.e.kind !== 'window' || item.e.focused !== 'none') continue;
    const limit = item.e.at + FOCUS_BLIP_MS;
    for (let j = i + 1; j < items.length; j++) {
      const next = items[j] as Item;
      if (next.e.at > limit) break;
      if (next.e.kind === 'window' && next.e.focused !== 'none') {
        next.t = Math.min(next.t, item.t);
        item.cancelled = true;
        break;
      }
    }
    item.skip = item.cancelled || horizon < limit;
  }
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Item;
    if (item.e.kind !== 'visibility' || item.e.visible) continue;
    const limit = item.e.at + FOCUS_BLIP_MS;
    let explained = false;
    for (let j = i + 1; j < items.length; j++) {
      const next = items[j] as Item;
      if (next.e.at > limit) break;
      if (!next.cancelled && explainsHidden(next.e)) {
        explained = true;
        break;
      }
    }
    item.skip = explained || horizon < limit;
  }
  return items.filter((item) => !item.skip).sort((a, b) => a.t - b.t || compareEvents(a.e, b.e));
}

function applySignal(s: FocusSignals, e: FocusEvent): void {
  switch (e.kind) {
    case 'tab':
      if (e.where === 'call' && s.tab !== 'call') s.visible = true;
      s.tab = e.where;
      return;
    case 'window':
      if (e.focused === 'call' && s.window !== 'call') s.visible = true;
      s.window = e.focused;
      return;
    case 'idle':
      if (!e.locked && s.locked) s.visible = true;
      s.locked = e.locked;
      return;
    case 'visibility':
      s.visible = e.visible;
      return;
  }
}

/**
 * Fold `events` onto the checkpoint (or the start), resolving tentative events as of `horizon`
 * and applying those that take effect before `until`.
 */
function fold(s: FocusState, events: readonly FocusEvent[], horizon: number, until: number): Acc {
  const c = s.checkpoint;
  const acc: Acc =
    c === null
      ? { signals: { ...HERE }, closedAwayMs: 0, count: 0, longestClosedMs: 0, awaySince: null }
      : {
          signals: { ...c.signals },
          closedAwayMs: c.closedAwayMs,
          count: c.count,
          longestClosedMs: c.longestClosedMs,
          awaySince: c.awaySince,
        };
  const timeline = resolve(events, s.startedAt, horizon);
  let i = 0;
  while (i < timeline.length) {
    const t = (timeline[i] as Item).t;
    if (t >= until) break;
    for (; i < timeline.length && (timeline[i] as Item).t === t; i++) {
      applySignal(acc.signals, (timeline[i] as Item).e);
    }
    const present = isPresent(acc.signals);
    if (!present && acc.awaySince === null) {
      acc.awaySince = t;
      acc.count += 1;
    } else if (present && acc.awaySince !== null) {
      const span = t - acc.awaySince;
      acc.closedAwayMs += span;
      acc.longestClosedMs = Math.max(acc.longestClosedMs, span);
      acc.awaySince = null;
    }
  }
  return acc;
}

// ---------------------------------------------------------------------------------------------
// Compaction

function isTentative(e: FocusEvent): boolean {
  return (e.kind === 'window' && e.focused === 'none') || (e.kind === 'visibility' && !e.visible);
}

/**
 * Where to cut `events` (the index of the first kept event) so that folding the part before it
 * into a checkpoint keeps every figure exact, nearest to `ideal`; -1 when there is no such cut.
 * A cut must fall between two timestamps, after the start (earlier events all take effect at
 * the start together), and no tentative event may be within FOCUS_BLIP_MS before it (its fate
 * may depend on events after the cut).
 */
function cutAt(s: FocusState, ideal: number, strict: boolean): number {
  const { events } = s;
  // lastTentative[k]: the time of the latest tentative event among events[0..k).
  const lastTentative: number[] = [Number.NEGATIVE_INFINITY];
  for (const e of events) {
    const prev = lastTentative[lastTentative.length - 1] as number;
    lastTentative.push(isTentative(e) ? e.at : prev);
  }
  const ok = (k: number): boolean => {
    const first = events[k] as FocusEvent;
    const before = events[k - 1] as FocusEvent;
    if (before.at >= first.at || first.at <= s.startedAt) return false;
    return !strict || (lastTentative[k] as number) < first.at - FOCUS_BLIP_MS;
  };
  for (let k = ideal; k < events.length; k++) if (ok(k)) return k;
  for (let k = Math.min(ideal, events.length) - 1; k >= 1; k--) if (ok(k)) return k;
  return -1;
}

function compact(s: FocusState): FocusState {
  const { events } = s;
  if (events.length <= FOCUS_MAX_EVENTS) return s;
  const ideal = events.length - FOCUS_KEEP_EVENTS;
  let cut = cutAt(s, ideal, true);
  if (cut < 0) cut = cutAt(s, ideal, false);
  // Every event predates the start: nothing can be folded yet (they all take effect at once).
  if (cut < 0) return s;
  const at = (events[cut] as FocusEvent).at;
  // Resolve with every known event and no pending: a checkpoint is final.
  const acc = fold(s, events, Infinity, at);
  return {
    ...s,
    events: events.slice(cut),
    checkpoint: {
      at,
      signals: acc.signals,
      closedAwayMs: acc.closedAwayMs,
      count: acc.count,
      longestClosedMs: acc.longestClosedMs,
      awaySince: acc.awaySince,
    },
  };
}
