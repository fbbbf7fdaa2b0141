import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../../lib/db';
import { bookSession, rescheduleSession } from '../../../../lib/repos/sessions';
import { eventSignature, fileSlug, nextSequence } from '../../../../models/options/calendar';
import { DAY, freshDb, NOW, useLocale } from '../setup';
import { mentorshipIn, page } from './page';

let d: Db;
beforeEach(async () => {
  d = await freshDb();
  useLocale('en');
});
afterEach(() => {
  d.close();
  vi.restoreAllMocks();
});

const eventsOf = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

describe('CalendarModel', () => {
  it.each([
    [undefined, 'a', 0],
    [{ sequence: 3, signature: 'a' }, 'a', 3],
    [{ sequence: 3, signature: 'a' }, 'b', 4],
  ])('numbers the SEQUENCE: before %j, now %s', (prev, signature, expected) => {
    expect(nextSequence(prev, signature)).toBe(expected);
  });

  it.each([
    ['Ana Lima', 'ana-lima'],
    ['  דנה / Dana ', 'דנה-dana'],
    ['***', 'mentorship'],
  ])('names the file after %j', (name, slug) => {
    expect(fileSlug(name)).toBe(slug);
  });

  it('downloads a booked session; the same SEQUENCE again, one more once it moved', async () => {
    const m = await mentorshipIn(d, 'Ana', { cadenceDays: 7 });
    await d.put('mentorships', { ...m, meetingLink: 'https://meet.google.com/abc-defg-hij' });
    const at = NOW + 2 * DAY;
    const s = await bookSession(d, m.id, at, NOW);
    const { model } = page(d);
    await model.load();
    model.select({ page: 'mentorship', id: m.id });
    const file = await model.calendar.sessionFile(s.id);
    expect(file?.name).toMatch(/^mentoring-ana-\d{4}-\d{2}-\d{2}\.ics$/);
    const [event] = eventsOf(file?.text ?? '');
    expect(event?.startDate.toJSDate().getTime()).toBe(at);
    expect(event?.sequence).toBe(0);
    expect(event?.summary).toBe('Mentoring with Ana');
    expect(event?.location).toBe('https://meet.google.com/abc-defg-hij');
    expect(eventsOf((await model.calendar.sessionFile(s.id))?.text ?? '')[0]?.sequence).toBe(0);

    await rescheduleSession(d, s.id, at + 60 * 60_000, NOW);
    await model.load();
    const moved = eventsOf((await model.calendar.sessionFile(s.id))?.text ?? '')[0];
    expect(moved?.sequence).toBe(1);
    expect(moved?.uid).toBe(event?.uid);
    expect(moved?.startDate.toJSDate().getTime()).toBe(at + 60 * 60_000);
  });

  it('downloads the series from the next booking at the cadence', async () => {
    const m = await mentorshipIn(d, 'Ana', { cadenceDays: 14 });
    await bookSession(d, m.id, NOW + 3 * DAY, NOW);
    const { model } = page(d);
    await model.load();
    model.select({ page: 'mentorship', id: m.id });
    const file = await model.calendar.seriesFile();
    const [event] = eventsOf(file?.text ?? '');
    expect(event?.isRecurring()).toBe(true);
    const it = event?.iterator();
    const first = it?.next()?.toJSDate().getTime();
    const second = it?.next()?.toJSDate().getTime();
    expect(first).toBe(NOW + 3 * DAY);
    expect(second).toBe(NOW + 17 * DAY);
    expect(eventSignature({ uid: 'u', sequence: 0, start: 1, end: 2, summary: 's' })).toBe(
      eventSignature({ uid: 'u', sequence: 5, start: 1, end: 2, summary: 's' }),
    );
  });
});
