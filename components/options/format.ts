// Dates and names as the Mentorships page shows them, in the browser's locale and time zone.
// (The pure core works in UTC with an explicit offset; only views read the local zone.)

import { t } from '@/lib/i18n';
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
  return new Date(at).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function formatDay(at: number): string {
  return new Date(at).toLocaleDateString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  });
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The value a datetime-local input shows for `at`, in local time, to the minute. */
export function toInputValue(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Monday 00:00 and Sunday 23:59 (local) of the week holding `at`. */
export function weekAround(at: number): { from: number; to: number } {
  const d = new Date(at);
  const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
  const sunday = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 6, 23, 59);
  return { from: monday.getTime(), to: sunday.getTime() };
}

/** A session's length as the History shows it: "45 min", "1 h 5 min", "<1 min". */
export function formatLength(ms: number): string {
  const abs = Number.isFinite(ms) ? Math.abs(ms) : 0;
  const total = Math.round(abs / 60_000);
  if (total === 0) return abs > 0 ? t('lengthUnderMinute') : t('minutesShort', '0');
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (hours === 0) return t('minutesShort', String(minutes));
  return minutes === 0
    ? t('lengthHours', String(hours))
    : t('lengthHoursMinutes', [String(hours), String(minutes)]);
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** One decimal, as the locale writes it. */
export function oneDecimal(n: number): string {
  return n.toLocaleString(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
