// The browser's local time as forms read and write it (`datetime-local` values) and the zone
// offset the pure core takes. The core works in UTC with an explicit offset; only pages (and
// so models) read the local zone. Candidates for lib/time.ts once the restructuring settles.

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
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return Number.NaN;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi);
  // Rolled-over fields (30 February) are no date at all.
  return date.getMonth() === mo - 1 && date.getDate() === d ? date.getTime() : Number.NaN;
}

/** Minutes to add to UTC for local time at `at` (the sign lib/time.ts expects). */
export function tzOffsetAt(at: number): number {
  return -new Date(Number.isFinite(at) ? at : 0).getTimezoneOffset();
}
