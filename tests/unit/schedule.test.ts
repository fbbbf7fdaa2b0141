import { describe, expect, it } from 'vitest';
import {
  isWithinSameWeek,
  needsScheduling,
  type RescheduleResult,
  reschedule,
  suggestNextSession,
} from '../../lib/schedule';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** UTC time from (month 1-12, day, hour, minute) in 2025. */
const at = (month: number, day: number, hour = 0, minute = 0) =>
  Date.UTC(2025, month - 1, day, hour, minute);

// Monday 3 March 2025, 10:00 UTC.
const LAST = at(3, 3, 10);

describe('suggestNextSession', () => {
  it.each<[string, number, number, number]>([
    ['the day after: one cadence on', 7, LAST + DAY, LAST + 7 * DAY],
    ['the slot is after now', 7, LAST + 7 * DAY - 1, LAST + 7 * DAY],
    ['the slot is now: the next one', 7, LAST + 7 * DAY, LAST + 14 * DAY],
    ['a missed slot is skipped', 7, LAST + 20 * DAY, LAST + 21 * DAY],
    ['several missed slots', 7, LAST + 70 * DAY + HOUR, LAST + 77 * DAY],
    ['now before the last session', 7, LAST - DAY, LAST + 7 * DAY],
    ['every other week', 14, LAST + 15 * DAY, LAST + 28 * DAY],
    ['every 10 days', 10, LAST + 10 * DAY, LAST + 20 * DAY],
    ['a cadence of 0 is weekly', 0, LAST + DAY, LAST + 7 * DAY],
    ['a cadence that is not a number is weekly', Number.NaN, LAST + DAY, LAST + 7 * DAY],
    ['a fractional cadence rounds to whole days', 6.6, LAST + DAY, LAST + 7 * DAY],
  ])('%s', (_what, cadence, now, next) => {
    expect(suggestNextSession(LAST, cadence, now)).toBe(next);
  });

  it('keeps the weekday and the time of day for weekly cadences', () => {
    for (const cadence of [7, 14, 28]) {
      for (const now of [LAST + DAY, LAST + 100 * DAY + 5 * HOUR]) {
        const next = new Date(suggestNextSession(LAST, cadence, now));
        expect(next.getUTCDay()).toBe(1);
        expect(next.getUTCHours()).toBe(10);
        expect(next.getUTCMinutes()).toBe(0);
        expect(next.getTime()).toBeGreaterThan(now);
        expect(next.getTime() - now).toBeLessThanOrEqual(cadence * DAY);
      }
    }
  });
});

describe('isWithinSameWeek (ISO weeks, Monday first)', () => {
  it.each<[string, number, number, number, boolean]>([
    ['Monday 00:00 and Sunday 23:59', at(3, 3), at(3, 9, 23, 59), 0, true],
    ['Sunday and the next Monday', at(3, 9, 23, 59), at(3, 10), 0, false],
    ['the same day', at(3, 5, 9), at(3, 5, 17), 0, true],
    ['a week apart, same weekday', at(3, 5, 9), at(3, 12, 9), 0, false],
    ['across the new year', Date.UTC(2024, 11, 30), Date.UTC(2025, 0, 5, 12), 0, true],
    ['before 1970, same week', Date.UTC(1969, 11, 29), Date.UTC(1970, 0, 4, 23), 0, true],
    ['before 1970, Sunday and Monday', Date.UTC(1969, 11, 28), Date.UTC(1969, 11, 29), 0, false],
    ['UTC Sunday/Monday, local both Monday (+60)', at(3, 9, 23, 30), at(3, 10, 0, 30), 60, true],
    ['UTC Sunday/Monday, local both Sunday (-60)', at(3, 9, 22, 30), at(3, 10, 0, 30), -60, true],
    ['UTC same Monday, local Sunday and Monday (-300)', at(3, 10, 2), at(3, 10, 6), -300, false],
  ])('%s', (_what, a, b, tz, same) => {
    expect(isWithinSameWeek(a, b, tz)).toBe(same);
    expect(isWithinSameWeek(b, a, tz)).toBe(same);
  });
});

describe('reschedule', () => {
  // Booked Wednesday 5 March 10:00; it is Tuesday 4 March 12:00.
  const ORIGINAL = at(3, 5, 10);
  const NOW = at(3, 4, 12);

  it.each<[string, number, number, RescheduleResult]>([
    ['later the same week', at(3, 7, 15), 0, { ok: true, at: at(3, 7, 15) }],
    ['earlier the same week, still ahead', at(3, 4, 18), 0, { ok: true, at: at(3, 4, 18) }],
    ['Sunday night of the same week', at(3, 9, 23), 0, { ok: true, at: at(3, 9, 23) }],
    ['the next Monday', at(3, 10, 9), 0, { ok: false, reason: 'other-week' }],
    ['earlier today, already past', at(3, 4, 9), 0, { ok: false, reason: 'past' }],
    ['exactly now', NOW, 0, { ok: false, reason: 'past' }],
    ['past and in another week: past first', at(2, 25, 9), 0, { ok: false, reason: 'past' }],
    [
      'Sunday 23:00 UTC is Monday locally (+120)',
      at(3, 9, 23),
      120,
      { ok: false, reason: 'other-week' },
    ],
    ['not a time', Number.NaN, 0, { ok: false, reason: 'invalid' }],
  ])('%s', (_what, proposed, tz, result) => {
    expect(reschedule(ORIGINAL, proposed, NOW, tz)).toEqual(result);
  });

  it('allows moving a missed session later in its week', () => {
    // Booked Monday, missed; it is Wednesday: Thursday is fine.
    expect(reschedule(at(3, 3, 10), at(3, 6, 10), at(3, 5, 12))).toEqual({
      ok: true,
      at: at(3, 6, 10),
    });
  });
});

describe('needsScheduling (a week ahead)', () => {
  const NOW = at(3, 4, 12);
  it.each<[string, number | undefined, number | undefined, boolean]>([
    ['nothing booked', undefined, undefined, true],
    ['booked tomorrow', NOW + DAY, undefined, false],
    ['booked exactly a week ahead', NOW + 7 * DAY, undefined, false],
    ['booked just over a week ahead', NOW + 7 * DAY + 1, undefined, true],
    ['the booking is now', NOW, undefined, true],
    ['the booking is past', NOW - HOUR, undefined, true],
    ['the booking is not a time', Number.NaN, undefined, true],
    ['every other week: ten days ahead is fine', NOW + 10 * DAY, 14, false],
    ['every other week: fifteen days ahead is not', NOW + 15 * DAY, 14, true],
  ])('%s', (_what, nextAt, aheadDays, needs) => {
    expect(needsScheduling(nextAt, NOW, aheadDays)).toBe(needs);
  });
});
