// Hysteresis over detector readings: one look can be wrong (a toolbar mid-render, a stale DOM
// right after a click), so the call state only moves on evidence that holds. A "look" is one
// Reading; an in-call look has a leave control and in-call evidence, and no lobby or end signal
// (waiting text counts only when no strong in-call evidence outranks it).
//
//                    in-call look ×2 in a row
//      ┌───────────────────────────────────────────────────┐
//      │                                                   ▼
//  ┌──────┐   lobby look   ┌───────┐  in-call look ×2  ┌─────────┐ ◀─┐ leave click: provisional
//  │ none │ ─────────────▶ │ lobby │ ────────────────▶ │ in-call │ ──┘ (a host may cancel "End
//  └──────┘ ◀───────────── └───────┘                   └─────────┘      the call for everyone?")
//      │   nothing known,      │                            │
//      │   navigated away      │ end look,                  │ end look, navigated away,
//      │                       │ leave click                │ clicked leave control gone,
//      │ end look              ▼                            │ no leave control ×3 in a row *
//      └─────────────────▶ ┌───────┐ ◀──────────────────────┘
//                          │ ended │ ── lobby look ─────────▶ lobby
//                          └───────┘ ── in-call look ×2 ────▶ in-call (rejoin; counted only
//                                                             once the old call's leave
//                                                             control has been gone)
//
// * not while a reconnecting banner was seen in the last RECONNECT_HOLD_MS, and not within the
//   platform's join grace (Zoom redirects within /wc/ while audio starts). Explicit end signals
//   end the call at once, grace or not.
//
// In-call ignores partial and lobby-like looks while the leave control is present (a hidden
// toolbar is still in the DOM; chat text is no end signal). Ended ignores nothing-known looks.
// An unknown reading (the detector threw) changes nothing at all.

import { looksInCall } from './dom';
import type { Detected, Reading } from './types';

export interface TrackerState {
  state: Detected;
  /** In-call looks in a row (capped at `IN_CALL_CHECKS`). */
  inCallStreak: number;
  /**
   * Looks in a row without a leave control (capped at `GONE_CHECKS`). In-call: reaching the cap
   * ends the call. Ended: above zero means the old call's DOM is gone, so a rejoin may count.
   */
  goneStreak: number;
  /** The last meeting key seen; Teams' new app drops it from the URL once in. */
  meetingKey?: string;
  /** When the call went live (ms since the epoch), for the join grace. */
  liveSince?: number;
  /**
   * A leave control was clicked in the call: the number of looks since then that still showed a
   * leave control. The first look without one ends the call; CANCEL_CHECKS looks with one mean
   * the leave was cancelled.
   */
  leaveClicked?: number;
  /** A reconnecting banner was seen: the call stays live until at least then (ms). */
  holdUntil?: number;
  /** The user presents from this call (only ever true in-call). */
  presenting: boolean;
}

export type TrackerInput =
  | { reading: Reading; at: number }
  | { event: 'leave-clicked' | 'navigated-away'; at: number };

export interface TrackerOptions {
  /** After going live, a missing leave control is no end for this long (see PlatformDetector). */
  joinGraceMs?: number;
}

/** In-call looks in a row needed to go in-call. */
export const IN_CALL_CHECKS = 2;
/** Looks in a row without the leave control that end a call. */
export const GONE_CHECKS = 3;
/** Looks with the leave control still there after a click that mean the leave was cancelled. */
export const CANCEL_CHECKS = 3;
/** How long a reconnecting banner keeps a call live, at least. */
export const RECONNECT_HOLD_MS = 60_000;

export const initialTracker: TrackerState = Object.freeze({
  state: 'none',
  inCallStreak: 0,
  goneStreak: 0,
  presenting: false,
});

type Core = Pick<TrackerState, 'state' | 'inCallStreak' | 'goneStreak'>;

/** A state with the key kept and the in-call-only fields dropped (anything but in-call). */
function settled(next: Core, key: string | undefined): TrackerState {
  const out: TrackerState = { ...next, presenting: false };
  if (key !== undefined) out.meetingKey = key;
  return out;
}

function onEvent(prev: TrackerState, event: 'leave-clicked' | 'navigated-away'): TrackerState {
  const key = prev.meetingKey;
  if (event === 'leave-clicked') {
    // In a call the click only arms the end: the next look without a leave control ends it.
    if (prev.state === 'in-call') return { ...prev, leaveClicked: 0 };
    // A lobby's leave (cancel the request to join) ends a call that never went live; the session
    // layer ignores those. The clicked call's DOM is still there: not armed for a rejoin yet.
    const state = prev.state === 'lobby' ? 'ended' : prev.state;
    return settled({ state, inCallStreak: 0, goneStreak: 0 }, key);
  }
  // Navigated away: whatever page comes next is not the old call's DOM, so a rejoin may count.
  const state = prev.state === 'in-call' || prev.state === 'ended' ? 'ended' : 'none';
  return settled({ state, inCallStreak: 0, goneStreak: state === 'ended' ? 1 : 0 }, key);
}

function inCall(
  prev: TrackerState,
  reading: Reading,
  at: number,
  opts: TrackerOptions,
): TrackerState {
  const key = reading.meetingKey ?? prev.meetingKey;
  const s = reading.signals;
  const goneStreak = s.primary ? 0 : Math.min(prev.goneStreak + 1, GONE_CHECKS);
  const end = () => settled({ state: 'ended', inCallStreak: 0, goneStreak }, key);

  // Explicit end signals end the call at once: no grace, no hold.
  if (reading.state === 'ended' || s.ended) return end();

  const holdUntil = s.reconnecting ? at + RECONNECT_HOLD_MS : prev.holdUntil;
  const held = holdUntil !== undefined && at < holdUntil;
  const inGrace =
    opts.joinGraceMs !== undefined &&
    prev.liveSince !== undefined &&
    at - prev.liveSince < opts.joinGraceMs;

  let leaveClicked = prev.leaveClicked;
  if (leaveClicked !== undefined) {
    // The clicked control is gone: the leave was taken.
    if (!s.primary && !held) return end();
    leaveClicked = s.primary ? leaveClicked + 1 : leaveClicked;
    // Still there after several looks: the host cancelled "End the call for everyone?".
    if (leaveClicked >= CANCEL_CHECKS) leaveClicked = undefined;
  }
  if (goneStreak >= GONE_CHECKS && !held && !inGrace) return end();

  const inCallLook = reading.state === 'in-call' && looksInCall(s);
  const next: TrackerState = {
    state: 'in-call',
    inCallStreak: inCallLook ? Math.min(prev.inCallStreak + 1, IN_CALL_CHECKS) : 0,
    goneStreak,
    presenting: s.presenting,
  };
  if (key !== undefined) next.meetingKey = key;
  if (prev.liveSince !== undefined) next.liveSince = prev.liveSince;
  if (leaveClicked !== undefined) next.leaveClicked = leaveClicked;
  if (held) next.holdUntil = holdUntil;
  return next;
}

function onReading(
  prev: TrackerState,
  reading: Reading,
  at: number,
  opts: TrackerOptions,
): TrackerState {
  // The detector failed: conclude nothing, keep everything.
  if (reading.unknown) return prev;
  if (prev.state === 'in-call') return inCall(prev, reading, at, opts);

  const key = reading.meetingKey ?? prev.meetingKey;
  const s = reading.signals;
  const inCallLook = reading.state === 'in-call' && looksInCall(s);
  const goneStreak = s.primary ? 0 : Math.min(prev.goneStreak + 1, GONE_CHECKS);

  // After an end, in-call looks count only once the old call's leave control has been gone.
  const armed = prev.state !== 'ended' || prev.goneStreak > 0 || prev.inCallStreak > 0;
  if (inCallLook && armed) {
    const inCallStreak = Math.min(prev.inCallStreak + 1, IN_CALL_CHECKS);
    if (inCallStreak >= IN_CALL_CHECKS) {
      const live: TrackerState = {
        state: 'in-call',
        inCallStreak,
        goneStreak: 0,
        liveSince: at,
        presenting: s.presenting,
      };
      if (key !== undefined) live.meetingKey = key;
      return live;
    }
    return settled({ state: prev.state, inCallStreak, goneStreak: 0 }, key);
  }

  let state: Detected;
  switch (reading.state) {
    case 'lobby':
    case 'ended':
      state = reading.state;
      break;
    case 'in-call': // a first look, or a stale one right after a leave click
      state = prev.state;
      break;
    case 'none':
      state = prev.state === 'ended' ? 'ended' : 'none';
      break;
  }
  return settled({ state, inCallStreak: 0, goneStreak }, key);
}

/** The next tracked state. Pure: the caller owns the clock and the polling. */
export function track(
  prev: TrackerState,
  input: TrackerInput,
  opts: TrackerOptions = {},
): TrackerState {
  return 'event' in input
    ? onEvent(prev, input.event)
    : onReading(prev, input.reading, input.at, opts);
}
