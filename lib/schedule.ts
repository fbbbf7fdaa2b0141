// The mentoring cadence: "keep the schedule a week ahead; reschedule within the same week rather
// than skip".
//
// Times are UTC milliseconds. Where a calendar matters (which week a time falls in) the caller
// passes `tzOffsetMinutes`, the minutes to add to UTC for local time (see lib/time.ts for the
// sign); it defaults to 0 so results never depend on the machine's zone. A week starts on the
// day the user's calendar starts it (`firstDay`, 1 = Monday … 7 = Sunday, as `Intl.Locale` week
// info counts): Sunday in Israel, where the work week runs Sunday to Thursday; Monday in Germany
// (and by default, the ISO week). `firstDayOfWeek(locale)` finds it.
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

/** Monday, as `Intl.Locale` week info numbers the days (7 is Sunday). */
export const MONDAY = 1;
export const SUNDAY = 7;

// Regions whose calendars start the week on Sunday or Saturday (CLDR's weekData), for runtimes
// without `Intl.Locale` week info (Firefox before 145, older Chromium and Safari). Any other
// region starts on Monday.
const SUNDAY_FIRST = new Set(
  'AG AS BD BR BS BT BW BZ CA CN CO DM DO ET GT GU HK HN ID IL IN JM JP KE KH KR LA MH MM MO MT MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW'.split(
    ' ',
  ),
);
const SATURDAY_FIRST = new Set('AE AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY'.split(' '));

type WeekLocale = Intl.Locale & {
  getWeekInfo?: () => { firstDay?: number };
  weekInfo?: { firstDay?: number };
};

/**
 * The first day of the week in `locale`'s calendar, 1 = Monday … 7 = Sunday: "he" or "he-IL"
 * gives 7 (Sunday), "de-DE" 1 (Monday), "en-US" 7, "en-GB" 1. A language without a region counts
 * as its main region ("he" as Israel). Not a locale at all: Monday.
 */
export function firstDayOfWeek(locale: string): number {
  let l: WeekLocale;
  try {
    l = new Intl.Locale(locale) as WeekLocale;
  } catch {
    return MONDAY;
  }
  try {
    // Chromium 130+ has getWeekInfo(); Chromium 99–129 and Safari the weekInfo getter.
    const first = (l.getWeekInfo?.() ?? l.weekInfo)?.firstDay;
    if (first !== undefined && Number.isInteger(first) && first >= 1 && first <= 7) return first;
  } catch {
    // A runtime that knows the method but not this locale's data: use the table.
  }
  const region = l.region ?? l.maximize().region;
  if (region && SUNDAY_FIRST.has(region)) return SUNDAY;
  if (region && SATURDAY_FIRST.has(region)) return 6;
  return MONDAY;
}

/** Day number (local) of the day that starts the week holding `at`. */
function weekStartDay(at: number, tzOffsetMinutes: number, firstDay: number): number {
  const day = localDayNumber(at, tzOffsetMinutes);
  // 1970-01-01 was a Thursday: weekday 4 counting Monday as 1 and Sunday as 7.
  const weekday = ((((day + 3) % 7) + 7) % 7) + 1;
  return day - ((weekday - firstDay + 7) % 7);
}

/** The first and last day of the week holding `at`, 1 = Monday … 7 = Sunday. */
export function weekDays(firstDay = MONDAY): { from: number; to: number } {
  return { from: firstDay, to: ((firstDay + 5) % 7) + 1 };
}

/**
 * The local midnight that starts the week holding `at`, and the one that starts the next
 * (UTC milliseconds at the fixed offset).
 */
export function weekBounds(
  at: number,
  tzOffsetMinutes = 0,
  firstDay = MONDAY,
): { from: number; to: number } {
  const start = weekStartDay(at, tzOffsetMinutes, firstDay);
  const offset = tzOffsetMinutes * 60_000;
  return { from: start * DAY_MS - offset, to: (start + 7) * DAY_MS - offset };
}

/** Whether both times fall in the same week, starting on `firstDay`, in local time. */
export function isWithinSameWeek(
  original: number,
  proposed: number,
  tzOffsetMinutes = 0,
  firstDay = MONDAY,
): boolean {
  return (
    weekStartDay(original, tzOffsetMinutes, firstDay) ===
    weekStartDay(proposed, tzOffsetMinutes, firstDay)
  );
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
  firstDay = MONDAY,
): RescheduleResult {
  if (!Number.isFinite(proposed) || !Number.isFinite(original)) {
    return { ok: false, reason: 'invalid' };
  }
  if (proposed <= now) return { ok: false, reason: 'past' };
  if (!isWithinSameWeek(original, proposed, tzOffsetMinutes, firstDay)) {
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
