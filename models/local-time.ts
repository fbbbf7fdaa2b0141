// The browser's local time as forms read and write it (`datetime-local` values) and the zone
// offset the pure core takes. The core works in UTC with an explicit offset; only pages (and
// so models) read the local zone. Dates are read by lib/time.ts's one parser.

import { parseDateFields } from '@/lib/time';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The value a datetime-local input shows for `at`, in local time, to the minute. */
export function toInputValue(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The time a datetime-local value names in local time, or NaN when it names none. */
export function fromInputValue(value: string): number {
  const f = parseDateFields(value);
  if (f?.hour === undefined || f.minute === undefined) return Number.NaN;
  return new Date(f.year, f.month - 1, f.day, f.hour, f.minute).getTime();
}

/** Minutes to add to UTC for local time at `at` (the sign lib/time.ts expects). */
export function tzOffsetAt(at: number): number {
  return -new Date(Number.isFinite(at) ? at : 0).getTimezoneOffset();
}
