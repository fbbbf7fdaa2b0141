// Weeks as the user's calendar has them: "reschedule within the same week" starts the week on
// Sunday in Israel (the work week runs Sunday to Thursday) and on Monday in Germany. Fixed
// clocks and zone offsets; the first day comes from the locale's week info (or the fallback
// table where a runtime has none).
import { describe, expect, it, vi } from 'vitest';
import {
  firstDayOfWeek,
  isWithinSameWeek,
  MONDAY,
  reschedule,
  SUNDAY,
  weekBounds,
  weekDays,
} from '../../lib/schedule';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Local wall-clock time at a fixed offset (minutes east of UTC) as UTC milliseconds. */
const local = (offset: number, y: number, mo: number, d: number, h = 0, mi = 0) =>
  Date.UTC(y, mo - 1, d, h, mi) - offset * 60_000;

const JERUSALEM = 120; // Israel Standard Time in December
const BERLIN = 60; // Central European Time in December

describe('firstDayOfWeek', () => {
  it.each([
    ['he', SUNDAY],
    ['he-IL', SUNDAY],
    ['en-US', SUNDAY],
    ['de-DE', MONDAY],
    ['de', MONDAY],
    ['en-GB', MONDAY],
    ['fr-FR', MONDAY],
    ['not a locale!', MONDAY],
  ] as const)('%s starts on %d', (locale, day) => {
    expect(firstDayOfWeek(locale)).toBe(day);
  });

  it('falls back to the table where the runtime has no week info', () => {
    const real = Intl.Locale;
    // A runtime whose Intl.Locale knows neither getWeekInfo() nor weekInfo (Firefox < 145).
    class Bare extends real {
      get weekInfo() {
        return undefined;
      }
    }
    Object.defineProperty(Bare.prototype, 'getWeekInfo', { value: undefined });
    vi.stubGlobal('Intl', { ...Intl, Locale: Bare });
    try {
      expect(firstDayOfWeek('he-IL')).toBe(SUNDAY);
      expect(firstDayOfWeek('he')).toBe(SUNDAY);
      expect(firstDayOfWeek('de-DE')).toBe(MONDAY);
      expect(firstDayOfWeek('ar-EG')).toBe(6);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('a Sunday session moved to Thursday of the same week', () => {
  // Friday 27 November 2026, noon: the Sunday after is 29 November, the Thursday 3 December.
  it('is accepted in he-IL', () => {
    const now = local(JERUSALEM, 2026, 11, 27, 12);
    const sunday = local(JERUSALEM, 2026, 11, 29, 10);
    const thursday = local(JERUSALEM, 2026, 12, 3, 10);
    expect(reschedule(sunday, thursday, now, JERUSALEM, firstDayOfWeek('he-IL'))).toEqual({
      ok: true,
      at: thursday,
    });
  });

  it('is refused as another week in de-DE', () => {
    const now = local(BERLIN, 2026, 11, 27, 12);
    const sunday = local(BERLIN, 2026, 11, 29, 10);
    const thursday = local(BERLIN, 2026, 12, 3, 10);
    expect(reschedule(sunday, thursday, now, BERLIN, firstDayOfWeek('de-DE'))).toEqual({
      ok: false,
      reason: 'other-week',
    });
  });

  it('keeps the ISO week (Monday first) when no first day is given', () => {
    const sunday = local(0, 2026, 11, 29, 10);
    expect(isWithinSameWeek(sunday, sunday + 4 * DAY)).toBe(false);
    expect(isWithinSameWeek(sunday, sunday - 6 * DAY)).toBe(true);
  });
});

describe('week bounds', () => {
  it('runs Sunday 00:00 to the next Sunday 00:00 local time in Israel', () => {
    const wednesday = local(JERUSALEM, 2026, 12, 2, 15);
    expect(weekBounds(wednesday, JERUSALEM, SUNDAY)).toEqual({
      from: local(JERUSALEM, 2026, 11, 29),
      to: local(JERUSALEM, 2026, 12, 6),
    });
  });

  it('runs Monday to Monday in Germany', () => {
    const sunday = local(BERLIN, 2026, 11, 29, 23, 30);
    expect(weekBounds(sunday, BERLIN, MONDAY)).toEqual({
      from: local(BERLIN, 2026, 11, 23),
      to: local(BERLIN, 2026, 11, 30),
    });
  });

  it.each([
    [MONDAY, { from: 1, to: 7 }],
    [SUNDAY, { from: 7, to: 6 }],
    [6, { from: 6, to: 5 }],
  ])('names the first and last day for a week starting on %d', (first, days) => {
    expect(weekDays(first)).toEqual(days);
  });
});
