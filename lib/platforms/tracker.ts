// Hysteresis over detector readings: one look can be wrong (a toolbar mid-render, a stale DOM
// right after a click), so the call state only moves on evidence that holds. A "look" is one
// Reading; an in-call look has a leave control and in-call evidence, and no waiting, lobby or
// end signal.
//
//                    in-call look ×2 in a row
//      ┌───────────────────────────────────────────────────┐
//      │                                                   ▼
//  ┌──────┐   lobby look   ┌───────┐  in-call look ×2  ┌─────────┐
//  │ none │ ─────────────▶ │ lobby │ ────────────────▶ │ in-call │
//  └──────┘ ◀───────────── └───────┘                   └─────────┘
//      │   nothing known,      │                            │
//      │   navigated away      │ end look,                  │ end look, leave click,
//      │                       │ leave click                │ navigated away,
//      │ end look              ▼                            │ no leave control ×3 in a row
//      └─────────────────▶ ┌───────┐ ◀──────────────────────┘
//                          │ ended │ ── lobby look ─────────▶ lobby
//                          └───────┘ ── in-call look ×2 ────▶ in-call (rejoin; counted only
//                                                             once the old call's leave
//                                                             control has been gone)
//
// In-call ignores partial and lobby-like looks while the leave control is present (a hidden
// toolbar is still in the DOM; chat text is no end signal). Ended ignores nothing-known looks.

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
}

export type TrackerInput = { reading: Reading } | { event: 'leave-clicked' | 'navigated-away' };

/** In-call looks in a row needed to go in-call. */
export const IN_CALL_CHECKS = 2;
/** Looks in a row without the leave control that end a call. */
export const GONE_CHECKS = 3;

export const initialTracker: TrackerState = Object.freeze({
  state: 'none',
  inCallStreak: 0,
  goneStreak: 0,
});

function withKey(next: Omit<TrackerState, 'meetingKey'>, key: string | undefined): TrackerState {
  return key === undefined ? next : { ...next, meetingKey: key };
}

function onEvent(prev: TrackerState, event: 'leave-clicked' | 'navigated-away'): TrackerState {
  const key = prev.meetingKey;
  if (event === 'leave-clicked') {
    // A lobby's leave (cancel the request to join) ends a call that never went live; the session
    // layer ignores those. The clicked call's DOM is still there: not armed for a rejoin yet.
    const state = prev.state === 'in-call' || prev.state === 'lobby' ? 'ended' : prev.state;
    return withKey({ state, inCallStreak: 0, goneStreak: 0 }, key);
  }
  // Navigated away: whatever page comes next is not the old call's DOM, so a rejoin may count.
  const state = prev.state === 'in-call' || prev.state === 'ended' ? 'ended' : 'none';
  return withKey({ state, inCallStreak: 0, goneStreak: state === 'ended' ? 1 : 0 }, key);
}

function onReading(prev: TrackerState, reading: Reading): TrackerState {
  const key = reading.meetingKey ?? prev.meetingKey;
  const s = reading.signals;
  const inCallLook = reading.state === 'in-call' && looksInCall(s);
  const goneStreak = s.primary ? 0 : Math.min(prev.goneStreak + 1, GONE_CHECKS);

  if (prev.state === 'in-call') {
    if (reading.state === 'ended' || s.ended) {
      return withKey({ state: 'ended', inCallStreak: 0, goneStreak }, key);
    }
    const inCallStreak = inCallLook ? Math.min(prev.inCallStreak + 1, IN_CALL_CHECKS) : 0;
    const state = goneStreak >= GONE_CHECKS ? 'ended' : 'in-call';
    return withKey({ state, inCallStreak: state === 'ended' ? 0 : inCallStreak, goneStreak }, key);
  }

  // After an end, in-call looks count only once the old call's leave control has been gone.
  const armed = prev.state !== 'ended' || prev.goneStreak > 0 || prev.inCallStreak > 0;
  if (inCallLook && armed) {
    const inCallStreak = Math.min(prev.inCallStreak + 1, IN_CALL_CHECKS);
    const state = inCallStreak >= IN_CALL_CHECKS ? 'in-call' : prev.state;
    return withKey({ state, inCallStreak, goneStreak: 0 }, key);
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
  return withKey({ state, inCallStreak: 0, goneStreak }, key);
}

/** The next tracked state. Pure: the caller owns the clock and the polling. */
export function track(prev: TrackerState, input: TrackerInput): TrackerState {
  return 'event' in input ? onEvent(prev, input.event) : onReading(prev, input.reading);
}
