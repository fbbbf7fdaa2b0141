// Dates and names as the Mentorships page shows them, in the UI language and the browser's time
// zone. (The pure core works in UTC with an explicit offset; only views read the local zone.)

import {
  formatDay as dayIn,
  formatDateTime,
  formatDuration,
  formatNumber,
  t,
  weekStart,
} from '@/lib/i18n';
import type { Role } from '@/lib/records';

/** A message, or `fallback` while the key has no translation (t() shows missing keys as is). */
export function tOr(key: string, fallback: string): string {
  const text = t(key);
  return text === key ? fallback : text;
}

export function roleName(role: Role): string {
  return t(role === 'mentor' ? 'roleMentor' : 'roleMentee');
}

export function formatWhen(at: number): string {
  return formatDateTime(at);
}

export function formatDay(at: number): string {
  return dayIn(at);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The value a datetime-local input shows for `at`, in local time, to the minute. */
export function toInputValue(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * The first day's 00:00 and the last day's 23:59 (local) of the week holding `at`, the week
 * starting where the user's calendar starts it (Sunday in Israel, Monday in Germany).
 */
export function weekAround(at: number): { from: number; to: number } {
  const d = new Date(at);
  const weekday = d.getDay() === 0 ? 7 : d.getDay();
  const back = (weekday - weekStart() + 7) % 7;
  const first = new Date(d.getFullYear(), d.getMonth(), d.getDate() - back);
  const last = new Date(first.getFullYear(), first.getMonth(), first.getDate() + 6, 23, 59);
  return { from: first.getTime(), to: last.getTime() };
}

/** A session's length as the History shows it: "45 min", "1 h 5 min"; "שעתיים" in Hebrew. */
export function formatLength(ms: number): string {
  return formatDuration(ms);
}

export function percent(share: number): string {
  return formatNumber(Math.round(share * 100) / 100, { style: 'percent' });
}

/** One decimal, as the locale writes it. */
export function oneDecimal(n: number): string {
  return formatNumber(n, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
