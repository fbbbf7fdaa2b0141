// Wall-clock time in a named (IANA) time zone, for the calendar export, invite import,
// reminders and Markdown: what lib/time.ts's fixed `tzOffsetMinutes` cannot do, because a
// weekly 09:00 session stays at 09:00 across a daylight-saving change while its UTC instant
// moves by an hour.
//
// The zone rules come from the runtime's own time-zone data (`Intl.DateTimeFormat` with
// `timeZone`), the same data the browser shows dates with: nothing is fetched, and the zone is
// always a parameter (the caller passes `Intl.DateTimeFormat().resolvedOptions().timeZone`).
//
// Pure: no clock (times are parameters), no browser APIs.

import { DAY_MS, MINUTE_MS } from '../time';

/** A local date and time; `month` is 1 to 12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      // RangeError: a name the runtime's zone data does not know.
      f = null;
    }
    formatters.set(zone, f);
  }
  return f;
}

/** The runtime's own spelling of a zone it knows (`europe/berlin` → `Europe/Berlin`). */
export function canonicalZone(zone: string): string | undefined {
  if (zone.trim() === '') return undefined;
  return formatter(zone)?.resolvedOptions().timeZone;
}

export function isKnownZone(zone: string): boolean {
  return canonicalZone(zone) !== undefined;
}

const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Etc/Zulu']);

/** Whether the zone is UTC itself (not merely a zone at offset 0 today, like London). */
export function isUtcZone(zone: string): boolean {
  const c = canonicalZone(zone);
  return c !== undefined && (UTC_NAMES.has(c) || UTC_NAMES.has(zone));
}

function zoneFormatter(zone: string): Intl.DateTimeFormat {
  const f = formatter(zone);
  if (f === null) throw new RangeError(`unknown time zone ${zone}`);
  return f;
}

/** The local wall-clock time of instant `at` in `zone` (seconds truncated). */
export function wallTimeOf(zone: string, at: number): WallTime {
  const parts = zoneFormatter(zone).formatToParts(new Date(Math.floor(at / 1000) * 1000));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Wall time fields read as if they were UTC: the arithmetic stand-in for a local time. */
export function wallAsUtc(w: WallTime): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, 0);
  return d.getTime();
}

/** The wall time that `wallAsUtc` gives back `ms` for. */
export function utcAsWall(ms: number): WallTime {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** Minutes to add to UTC for local time in `zone` at `at` (+60 for Berlin in winter). */
export function offsetMinutes(zone: string, at: number): number {
  const whole = Math.floor(at / 1000) * 1000;
  return Math.round((wallAsUtc(wallTimeOf(zone, whole)) - whole) / MINUTE_MS);
}

/**
 * The instant a wall time names in `zone`, as RFC 5545 (3.3.5) reads one: a time that occurs
 * twice (the hour repeated when clocks go back) is its first occurrence; a time that does not
 * exist (the hour skipped when clocks go forward) is read with the offset before the gap, so
 * 02:30 on the morning Berlin moves to summer time is 03:30 summer time.
 */
export function wallToInstant(zone: string, wall: WallTime): number {
  const local = wallAsUtc(wall);
  // The offsets half a day either side cover any one transition near this wall time.
  const before = offsetMinutes(zone, local - DAY_MS / 2);
  const after = offsetMinutes(zone, local + DAY_MS / 2);
  const early = local - before * MINUTE_MS;
  const late = local - after * MINUTE_MS;
  const fits = (t: number, o: number) => offsetMinutes(zone, t) === o;
  if (fits(early, before) && fits(late, after)) return Math.min(early, late);
  if (fits(early, before)) return early;
  if (fits(late, after)) return late;
  return early;
}

/** The same wall-clock time `days` calendar days later (earlier when negative) in `zone`. */
export function addLocalDays(zone: string, at: number, days: number): number {
  const w = wallTimeOf(zone, at);
  return wallToInstant(zone, utcAsWall(wallAsUtc(w) + days * DAY_MS));
}

export interface Transition {
  /** The instant the new offset starts. */
  at: number;
  from: number;
  to: number;
}

/**
 * Every change of offset in `zone` in [from, to), found by sampling each week (no zone in use
 * changes twice within a week) and narrowing each change to the minute.
 */
export function transitions(zone: string, from: number, to: number): Transition[] {
  const out: Transition[] = [];
  const step = 7 * DAY_MS;
  // Whole minutes, so the narrowing below always halves (offsets change on the minute).
  let t = Math.floor(from / MINUTE_MS) * MINUTE_MS;
  const end = Math.ceil(to / MINUTE_MS) * MINUTE_MS;
  let o = offsetMinutes(zone, t);
  while (t < end) {
    const next = Math.min(t + step, end);
    const o2 = offsetMinutes(zone, next);
    if (o2 !== o) {
      let lo = t;
      let hi = next;
      while (hi - lo > MINUTE_MS) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
        if (offsetMinutes(zone, mid) === o) lo = mid;
        else hi = mid;
      }
      out.push({ at: hi, from: o, to: o2 });
    }
    t = next;
    o = o2;
  }
  return out;
}
