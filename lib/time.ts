// Formatting and calendar helpers for times the rest of the core computes.
//
// Time zones: the pure core never asks the runtime for a zone. A caller passes
// `tzOffsetMinutes`, the minutes to ADD to UTC to get local wall-clock time (+60 for CET in
// winter, -300 for New York in winter). Note the sign is the opposite of
// `Date.prototype.getTimezoneOffset()`, so a caller in a page passes
// `-new Date(at).getTimezoneOffset()`, taken at the instant concerned because daylight saving
// changes it. A fixed offset keeps every result deterministic and testable.
//
// Pure: no clock (times are parameters), no browser APIs.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/**
 * A duration as a clock: "0:05", "1:12", "59:59", "1:02:03".
 * Negative values format their absolute value (the caller words overtime, "+3:10 over").
 * Whole seconds are truncated toward zero, so a countdown shows "0:00" during its last second
 * and a count-up never claims a second that has not passed. Not a number formats as "0:00".
 */
export function formatClock(ms: number): string {
  const totalSeconds = Number.isFinite(ms) ? Math.floor(Math.abs(ms) / 1000) : 0;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const ss = String(seconds).padStart(2, '0');
  if (hours > 0) return `${hours}:${String(minutes).padStart(2, '0')}:${ss}`;
  return `${minutes}:${ss}`;
}

/**
 * A duration as short text: "0 min", "<1 min", "45 min", "1 h", "1 h 5 min".
 * Rounded to the nearest minute; anything above zero that rounds to nothing is "<1 min" (so a
 * brief absence is not shown as none). Negative values format their absolute value.
 */
export function formatMinutes(ms: number): string {
  const abs = Number.isFinite(ms) ? Math.abs(ms) : 0;
  const total = Math.round(abs / MINUTE_MS);
  if (total === 0) return abs > 0 ? '<1 min' : '0 min';
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (hours === 0) return `${minutes} min`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

/** Whole days since 1970-01-01 in local time (negative before it). */
export function localDayNumber(at: number, tzOffsetMinutes = 0): number {
  return Math.floor((at + tzOffsetMinutes * MINUTE_MS) / DAY_MS);
}

/** The local calendar date of `at` as YYYY-MM-DD (years 0..9999). */
export function toIsoDate(at: number, tzOffsetMinutes = 0): string {
  // A Date read with the UTC getters after shifting by the offset gives local fields.
  const d = new Date(localDayNumber(at, tzOffsetMinutes) * DAY_MS);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

// ---------------------------------------------------------------------------------------------
// The one date parser. Every date people type or a file carries is read here: a calendar day
// (YYYY-MM-DD, an agreement's last day) or a day and a time to the minute (YYYY-MM-DDTHH:MM, a
// booking or the next session's date). Fields are checked, so 30 February, month 13 or 24:00
// are no date at all.

/** The calendar fields a date text names; `hour` and `minute` only when it names a time. */
export interface DateFields {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
}

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/** The fields of a date (YYYY-MM-DD) or date and time (YYYY-MM-DDTHH:MM), or null. */
export function parseDateFields(text: string): DateFields | null {
  const match = DATE_TEXT.exec(text);
  if (match === null) return null;
  const [, ys, mos, ds, hs, mis] = match;
  const year = Number(ys);
  const month = Number(mos);
  const day = Number(ds);
  // Date.UTC maps years 0..99 to 1900..1999; setUTCFullYear does not.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  // Rolled-over fields (month 13, day 30 of February) show up as a different date.
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return null;
  }
  if (hs === undefined || mis === undefined) return { year, month, day };
  const hour = Number(hs);
  const minute = Number(mis);
  if (hour > 23 || minute > 59) return null;
  return { year, month, day, hour, minute };
}

/** The instant the fields name at a fixed offset (midnight when they name no time). */
export function instantOf(f: DateFields, tzOffsetMinutes = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(f.year, f.month - 1, f.day);
  date.setUTCHours(f.hour ?? 0, f.minute ?? 0);
  return date.getTime() - tzOffsetMinutes * MINUTE_MS;
}

/**
 * The instant local midnight starts the day `text` (YYYY-MM-DD) names, or null when `text` is
 * not exactly such a date or names a day that does not exist (2025-02-30).
 */
export function parseIsoDate(text: string, tzOffsetMinutes = 0): number | null {
  const f = parseDateFields(text);
  return f === null || f.hour !== undefined ? null : instantOf(f, tzOffsetMinutes);
}

/** Whether `text` is a calendar day (YYYY-MM-DD) that exists. */
export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

/** The instant a day and time (YYYY-MM-DDTHH:MM) names at a fixed offset, or null. */
export function parseIsoDateTime(text: string, tzOffsetMinutes = 0): number | null {
  const f = parseDateFields(text);
  return f === null || f.hour === undefined ? null : instantOf(f, tzOffsetMinutes);
}
