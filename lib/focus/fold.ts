// The machinery behind lib/focus.ts: events kept in order, the fold that turns them into
// presence and away spans, and the compaction that folds the oldest into a checkpoint so a long
// session's state stays small. lib/focus.ts explains the model; this file is its private half.
//
// Pure: no clock (times are parameters), no browser APIs.

import type { FocusEvent, FocusSignals, FocusState } from '../focus';

/** How long a window 'none' or a 'hidden' report waits for what explains it. */
export const FOCUS_BLIP_MS = 800;
/** The most events kept in the state before the oldest are folded into a checkpoint. */
export const FOCUS_MAX_EVENTS = 2000;
/** How many of the newest events a compaction aims to keep. */
export const FOCUS_KEEP_EVENTS = 1000;

export const HERE: FocusSignals = { tab: 'call', window: 'call', visible: true, locked: false };

// ---------------------------------------------------------------------------------------------
// Ordering

export function isTime(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** A fresh event with only the known fields, or null when `e` is not a focus event. */
export function normalizeEvent(e: unknown): FocusEvent | null {
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
export function compareEvents(a: FocusEvent, b: FocusEvent): number {
  return a.at - b.at || KIND_RANK[a.kind] - KIND_RANK[b.kind] || valueRank(a) - valueRank(b);
}

/** The first index whose event is not before `e`. */
export function lowerBound(events: readonly FocusEvent[], e: FocusEvent): number {
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
export function upperBoundAt(events: readonly FocusEvent[], at: number): number {
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
export function horizonOf(s: FocusState, now: number): number {
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
export function fold(
  s: FocusState,
  events: readonly FocusEvent[],
  horizon: number,
  until: number,
): Acc {
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

export function compact(s: FocusState): FocusState {
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
