import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatMinutes,
  isIsoDate,
  parseDateFields,
  parseIsoDate,
  parseIsoDateTime,
  toIsoDate,
} from '../../lib/time';

const MIN = 60_000;

describe('formatClock', () => {
  it.each<[number, string]>([
    [0, '0:00'],
    [999, '0:00'],
    [5_000, '0:05'],
    [72_000, '1:12'],
    [59 * MIN + 59_000, '59:59'],
    [60 * MIN, '1:00:00'],
    [62 * MIN + 3_000, '1:02:03'],
    [600 * MIN, '10:00:00'],
    [-5_000, '0:05'],
    [-(62 * MIN + 3_000), '1:02:03'],
    [-999, '0:00'],
    [Number.NaN, '0:00'],
    [Number.POSITIVE_INFINITY, '0:00'],
  ])('%s ms -> %s', (ms, text) => {
    expect(formatClock(ms)).toBe(text);
  });
});

describe('formatMinutes', () => {
  it.each<[number, string]>([
    [0, '0 min'],
    [1, '<1 min'],
    [29_999, '<1 min'],
    [30_000, '1 min'],
    [45 * MIN, '45 min'],
    [59 * MIN + 29_999, '59 min'],
    [59 * MIN + 30_000, '1 h'],
    [65 * MIN, '1 h 5 min'],
    [119.6 * MIN, '2 h'],
    [-45 * MIN, '45 min'],
    [Number.NaN, '0 min'],
  ])('%s ms -> %s', (ms, text) => {
    expect(formatMinutes(ms)).toBe(text);
  });
});

describe('ISO dates with an offset', () => {
  const lateSunday = Date.UTC(2025, 2, 2, 23, 30); // 2025-03-02 23:30 UTC

  it.each<[number, number, string]>([
    [lateSunday, 0, '2025-03-02'],
    [lateSunday, 60, '2025-03-03'],
    [lateSunday, -300, '2025-03-02'],
    [Date.UTC(2025, 2, 3, 2, 0), -300, '2025-03-02'],
    [0, 0, '1970-01-01'],
    [-1, 0, '1969-12-31'],
    [Date.UTC(2024, 1, 29, 12), 0, '2024-02-29'],
  ])('toIsoDate(%s, %s) = %s', (at, tz, text) => {
    expect(toIsoDate(at, tz)).toBe(text);
  });

  it.each<[string, number, number | null]>([
    ['2025-03-03', 0, Date.UTC(2025, 2, 3)],
    ['2025-03-03', 60, Date.UTC(2025, 2, 3) - 60 * MIN],
    ['2025-03-03', -300, Date.UTC(2025, 2, 3) + 300 * MIN],
    ['2024-02-29', 0, Date.UTC(2024, 1, 29)],
    ['0099-01-01', 0, -59_042_995_200_000],
    ['2023-02-29', 0, null],
    ['2025-02-30', 0, null],
    ['2025-13-01', 0, null],
    ['2025-00-10', 0, null],
    ['2025-3-3', 0, null],
    ['2025-03-03T10:00', 0, null],
    [' 2025-03-03', 0, null],
    ['', 0, null],
  ])('parseIsoDate(%j, %s)', (text, tz, at) => {
    expect(parseIsoDate(text, tz)).toBe(at);
  });

  it.each<[string, ReturnType<typeof parseDateFields>]>([
    ['2025-03-03', { year: 2025, month: 3, day: 3 }],
    ['2024-02-29T23:59', { year: 2024, month: 2, day: 29, hour: 23, minute: 59 }],
    ['0000-02-29', { year: 0, month: 2, day: 29 }],
    ['2025-03-03T00:00', { year: 2025, month: 3, day: 3, hour: 0, minute: 0 }],
    ['2025-03-03T24:00', null],
    ['2025-03-03T12:60', null],
    ['2025-03-03T9:00', null],
    ['2025-03-03T09:00:00', null],
    ['2025-03-03 09:00', null],
    ['2100-02-29', null],
    ['20311-06-30', null],
  ])('parseDateFields(%j)', (text, fields) => {
    expect(parseDateFields(text)).toEqual(fields);
  });

  it.each<[string, number, number | null]>([
    ['2025-03-03T10:30', 0, Date.UTC(2025, 2, 3, 10, 30)],
    ['2025-03-03T10:30', 60, Date.UTC(2025, 2, 3, 9, 30)],
    ['2025-03-03T10:30', -300, Date.UTC(2025, 2, 3, 15, 30)],
    ['2025-03-03', 0, null],
    ['2025-02-30T10:30', 0, null],
  ])('parseIsoDateTime(%j, %s)', (text, tz, at) => {
    expect(parseIsoDateTime(text, tz)).toBe(at);
  });

  it('knows a calendar day when it sees one', () => {
    expect(isIsoDate('2026-06-30')).toBe(true);
    expect(isIsoDate('2026-06-31')).toBe(false);
    expect(isIsoDate('2026-06-30T10:00')).toBe(false);
  });

  it('round-trips any day at any offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (at, tz) => {
          const day = toIsoDate(at, tz);
          const midnight = parseIsoDate(day, tz);
          expect(midnight).not.toBeNull();
          expect(toIsoDate(midnight ?? 0, tz)).toBe(day);
          expect(at - (midnight ?? 0)).toBeGreaterThanOrEqual(0);
          expect(at - (midnight ?? 0)).toBeLessThan(86_400_000);
        },
      ),
    );
  });
});
