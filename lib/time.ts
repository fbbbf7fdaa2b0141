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

/**
 * The instant local midnight starts the day `text` (YYYY-MM-DD) names, or null when `text` is
 * not exactly such a date or names a day that does not exist (2025-02-30).
 */
export function parseIsoDate(text: string, tzOffsetMinutes = 0): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return null;
  const [, ys, ms, ds] = match;
  const y = Number(ys);
  const m = Number(ms);
  const d = Number(ds);
  // Date.UTC maps years 0..99 to 1900..1999; setUTCFullYear does not.
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  // Rolled-over fields (month 13, day 30 of February) show up as a different date.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return date.getTime() - tzOffsetMinutes * MINUTE_MS;
}
