// The session timer: where a call stands against the agreed session length.
//
// Nothing ticks and nothing is stored but the start: every figure is derived from
// `startedAt`, the agreed length and the caller's `now`, so a display can redraw at any rate and
// a restarted service worker computes the same answer.
//
//   running --halftimeAt--> second-half --wrapUpAt--> wrap-up --past endsAt--> overtime
//
//   running      the first half of the agreed length
//   second-half  from halftime
//   wrap-up      the last WRAP_UP_MS ("5 minutes left: capture action items and agree the next
//                session"), or the last 20 % of a short session, whichever is shorter
//   overtime     once the agreed length has passed (leftMs < 0); at exactly the end the session
//                is still in wrap-up with 0:00 left
//
// Short sessions: a fixed 5 minutes would be half of a 10-minute session and would swallow the
// second half altogether, so the wrap-up window is min(5 min, 20 % of the length). It is
// therefore always shorter than the second half and the phases always come in the order above;
// the window grows continuously with the length (no jump at some threshold) and is the full
// 5 minutes from 25-minute sessions up. A caller words it from `endsAt - wrapUpAt`, not a fixed
// "5 minutes".
//
// Pure: no clock (times are parameters), no browser APIs.

import { MINUTE_MS } from './time';

export const DEFAULT_SESSION_MINUTES = 45;
export const MIN_SESSION_MINUTES = 5;
export const MAX_SESSION_MINUTES = 240;
/** The wrap-up window of sessions of 25 minutes or more. */
export const WRAP_UP_MS = 5 * MINUTE_MS;
/** The wrap-up window of shorter sessions, as a share of the length. */
export const WRAP_UP_SHARE = 0.2;

export type TimerPhase = 'running' | 'second-half' | 'wrap-up' | 'overtime';

export interface SessionTimer {
  /** Time since the start; 0 before it (a clock running slightly behind). */
  elapsedMs: number;
  /** Time left of the agreed length; negative in overtime. */
  leftMs: number;
  phase: TimerPhase;
  halftimeAt: number;
  wrapUpAt: number;
  endsAt: number;
  /** The agreed length actually used, after `clampSessionMinutes`. */
  lengthMs: number;
}

/**
 * The session length to use for an agreed length: not a positive number (0, negative, NaN,
 * Infinity: a missing or broken agreement field) gives DEFAULT_SESSION_MINUTES; anything else is
 * held within MIN_SESSION_MINUTES..MAX_SESSION_MINUTES, so a typo cannot make a 0-second or a
 * 3-day session.
 */
export function clampSessionMinutes(lengthMinutes: number): number {
  if (!Number.isFinite(lengthMinutes) || lengthMinutes <= 0) return DEFAULT_SESSION_MINUTES;
  return Math.min(MAX_SESSION_MINUTES, Math.max(MIN_SESSION_MINUTES, lengthMinutes));
}

export function sessionTimer(startedAt: number, lengthMinutes: number, now: number): SessionTimer {
  const lengthMs = Math.round(clampSessionMinutes(lengthMinutes) * MINUTE_MS);
  const wrapUpMs = Math.min(WRAP_UP_MS, Math.round(lengthMs * WRAP_UP_SHARE));
  const halftimeAt = startedAt + Math.round(lengthMs / 2);
  const endsAt = startedAt + lengthMs;
  const wrapUpAt = endsAt - wrapUpMs;
  const elapsedMs = Number.isFinite(now) ? Math.max(0, now - startedAt) : 0;
  const leftMs = lengthMs - elapsedMs;
  const at = startedAt + elapsedMs;
  let phase: TimerPhase = 'running';
  if (leftMs < 0) phase = 'overtime';
  else if (at >= wrapUpAt) phase = 'wrap-up';
  else if (at >= halftimeAt) phase = 'second-half';
  return { elapsedMs, leftMs, phase, halftimeAt, wrapUpAt, endsAt, lengthMs };
}
