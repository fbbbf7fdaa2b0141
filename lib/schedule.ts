// The mentoring cadence: "keep the schedule a week ahead; reschedule within the same week rather
// than skip".
//
// Times are UTC milliseconds. Where a calendar matters (which week a time falls in) the caller
// passes `tzOffsetMinutes`, the minutes to add to UTC for local time (see lib/time.ts for the
// sign); it defaults to 0 so results never depend on the machine's zone. Weeks are ISO weeks:
// Monday 00:00 to Sunday 24:00 local time.
//
// suggestNextSession takes no offset on purpose: it only adds whole days of 24 h, which keeps
// the time of day at any fixed offset, so an offset could not change its answer. Across a
// daylight-saving change the wall-clock time moves by the shift (a 9:00 session suggests 10:00
// or 8:00); the caller may show the suggestion for the user to adjust.
//
// Pure: no clock (times are parameters), no browser APIs.

import { DAY_MS, localDayNumber } from './time';

export const DEFAULT_CADENCE_DAYS = 7;
/** "A week ahead": how far ahead the next session should already be booked. */
export const SCHEDULE_AHEAD_DAYS = 7;

/**
 * The cadence to use for an agreed one: whole days, at least 1; not a positive number gives
 * DEFAULT_CADENCE_DAYS (weekly).
 */
export function clampCadenceDays(cadenceDays: number): number {
  if (!Number.isFinite(cadenceDays) || cadenceDays <= 0) return DEFAULT_CADENCE_DAYS;
  return Math.max(1, Math.round(cadenceDays));
}

/**
 * The next slot after `now`: `cadenceDays` after `lastAt` at the same time of day, moved on by
 * whole cadences while it is not after `now` (a missed slot is not suggested). The weekday is
 * kept whenever the cadence is a whole number of weeks (7, 14, 28).
 */
export function suggestNextSession(lastAt: number, cadenceDays: number, now: number): number {
  const step = clampCadenceDays(cadenceDays) * DAY_MS;
  const first = lastAt + step;
  if (first > now || !Number.isFinite(now)) return first;
  return first + (Math.floor((now - first) / step) + 1) * step;
}

/** Day number (local) of the Monday that starts the ISO week holding `at`. */
function weekStartDay(at: number, tzOffsetMinutes: number): number {
  const day = localDayNumber(at, tzOffsetMinutes);
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting Monday as 0.
  const weekday = (((day + 3) % 7) + 7) % 7;
  return day - weekday;
}

/** Whether both times fall in the same ISO week (Monday first) in local time. */
export function isWithinSameWeek(original: number, proposed: number, tzOffsetMinutes = 0): boolean {
  return weekStartDay(original, tzOffsetMinutes) === weekStartDay(proposed, tzOffsetMinutes);
}

export type RescheduleResult =
  | { ok: true; at: number }
  /**
   * 'past': not after `now`. 'other-week': outside the original's week (move within the week
   * rather than skip). 'invalid': not a time at all (a date field that did not parse).
   */
  | { ok: false; reason: 'past' | 'other-week' | 'invalid' };

/** Check a proposed new time for a booked session. Reasons are checked in the order above. */
export function reschedule(
  original: number,
  proposed: number,
  now: number,
  tzOffsetMinutes = 0,
): RescheduleResult {
  if (!Number.isFinite(proposed) || !Number.isFinite(original)) {
    return { ok: false, reason: 'invalid' };
  }
  if (proposed <= now) return { ok: false, reason: 'past' };
  if (!isWithinSameWeek(original, proposed, tzOffsetMinutes)) {
    return { ok: false, reason: 'other-week' };
  }
  return { ok: true, at: proposed };
}

/**
 * True when no session is booked within the next `aheadDays` (default a week): nothing booked,
 * the booking already past, or the booking further out than that. A mentorship that meets every
 * other week may pass its cadence so a booking two weeks out does not nag.
 */
export function needsScheduling(
  nextAt: number | undefined,
  now: number,
  aheadDays = SCHEDULE_AHEAD_DAYS,
): boolean {
  if (nextAt === undefined || !Number.isFinite(nextAt)) return true;
  return nextAt <= now || nextAt > now + aheadDays * DAY_MS;
}
