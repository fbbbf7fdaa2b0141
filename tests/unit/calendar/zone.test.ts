import { describe, expect, it } from 'vitest';
import {
  addLocalDays,
  canonicalZone,
  isUtcZone,
  offsetMinutes,
  transitions,
  wallTimeOf,
  wallToInstant,
} from '../../../lib/calendar/zone';

const wall = (year: number, month: number, day: number, hour = 0, minute = 0) => ({
  year,
  month,
  day,
  hour,
  minute,
  second: 0,
});
const utc = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);

describe('zone names', () => {
  it.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['europe/berlin', 'Europe/Berlin'],
    ['W. Europe Standard Time', undefined],
    ['', undefined],
  ])('%s is %s', (name, canonical) => {
    expect(canonicalZone(name)).toBe(canonical);
  });

  it('tells UTC from a zone at offset 0 today', () => {
    expect(isUtcZone('UTC')).toBe(true);
    expect(isUtcZone('Etc/UTC')).toBe(true);
    expect(isUtcZone('Europe/London')).toBe(false);
    expect(isUtcZone('Nowhere/City')).toBe(false);
  });
});

describe('offsets and wall time', () => {
  it.each<[string, number, number]>([
    ['Europe/Berlin', utc(2026, 1, 15, 12), 60],
    ['Europe/Berlin', utc(2026, 7, 15, 12), 120],
    ['Asia/Jerusalem', utc(2026, 1, 15, 12), 120],
    ['Asia/Jerusalem', utc(2026, 7, 15, 12), 180],
    ['America/New_York', utc(2026, 1, 15, 12), -300],
    ['America/New_York', utc(2026, 7, 15, 12), -240],
    ['Asia/Kolkata', utc(2026, 7, 15, 12), 330],
  ])('%s at %s is %s minutes', (zone, at, offset) => {
    expect(offsetMinutes(zone, at)).toBe(offset);
  });

  it('reads a wall time back to its instant', () => {
    const at = utc(2026, 3, 29, 7, 30); // 09:30 in Berlin, the first day of summer time
    expect(wallTimeOf('Europe/Berlin', at)).toEqual(wall(2026, 3, 29, 9, 30));
    expect(wallToInstant('Europe/Berlin', wall(2026, 3, 29, 9, 30))).toBe(at);
  });

  it('reads a skipped time with the offset before the gap (RFC 5545 3.3.5)', () => {
    // 02:30 does not exist in Berlin on 29 March 2026: it is 03:30 summer time, 01:30 UTC.
    expect(wallToInstant('Europe/Berlin', wall(2026, 3, 29, 2, 30))).toBe(utc(2026, 3, 29, 1, 30));
    // New York, 8 March 2026, 02:30 does not exist: 03:30 EDT = 07:30 UTC.
    expect(wallToInstant('America/New_York', wall(2026, 3, 8, 2, 30))).toBe(utc(2026, 3, 8, 7, 30));
  });

  it('reads a repeated time as its first occurrence', () => {
    // 02:30 happens twice in Berlin on 25 October 2026: first in summer time (00:30 UTC).
    expect(wallToInstant('Europe/Berlin', wall(2026, 10, 25, 2, 30))).toBe(
      utc(2026, 10, 25, 0, 30),
    );
    // New York, 1 November 2026, 01:30 twice: first in EDT (05:30 UTC).
    expect(wallToInstant('America/New_York', wall(2026, 11, 1, 1, 30))).toBe(
      utc(2026, 11, 1, 5, 30),
    );
  });

  it('moves by calendar days, keeping the wall-clock time across a change', () => {
    const sat = wallToInstant('Europe/Berlin', wall(2026, 3, 28, 9));
    const sun = addLocalDays('Europe/Berlin', sat, 1);
    expect(wallTimeOf('Europe/Berlin', sun)).toEqual(wall(2026, 3, 29, 9));
    expect(sun - sat).toBe(23 * 3_600_000);
    expect(addLocalDays('Europe/Berlin', sun, -1)).toBe(sat);
  });

  it('finds the changes of a year to the minute', () => {
    const found = transitions('Asia/Jerusalem', utc(2026, 1, 1), utc(2027, 1, 1));
    expect(found).toEqual([
      { at: utc(2026, 3, 27, 0), from: 120, to: 180 },
      { at: utc(2026, 10, 24, 23), from: 180, to: 120 },
    ]);
    expect(transitions('Asia/Tokyo', utc(2026, 1, 1), utc(2027, 1, 1))).toEqual([]);
  });
});
