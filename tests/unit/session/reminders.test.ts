import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Db } from '../../../lib/db';
import { bookSession, rescheduleSession } from '../../../lib/repos/sessions';
import { alarmName } from '../../../lib/rules/reminders';
import {
  createReminders,
  parseReminderName,
  REMINDER_NOTIFICATION,
  reminderTarget,
} from '../../../lib/session/reminders';
import { DEFAULT_SETTINGS, remindersShownItem, settingsItem } from '../../../lib/storage/items';
import { mentorshipIn } from '../models/options/page';
import { clock, countingTransactions, DAY, freshDb, MIN, NOW, useLocale } from '../models/setup';

let d: Db;
beforeEach(async () => {
  d = await freshDb();
  useLocale('en');
});
afterEach(() => {
  d.close();
  vi.restoreAllMocks();
});

function reminders(time = clock()) {
  return {
    r: createReminders({ db: async () => d, now: time.now, timeZone: () => 'Europe/Berlin' }),
    time,
  };
}

describe('reminders on browser.alarms', () => {
  it('keeps the alarms equal to the plan: a moved session clears its old ones', async () => {
    const m = await mentorshipIn(d, 'Ana', { cadenceDays: 7 });
    await d.put('mentorships', { ...m, meetingLink: 'https://meet.google.com/abc-defg-hij' });
    const at = NOW + 2 * DAY;
    const s = await bookSession(d, m.id, at, NOW);
    const { r } = reminders();
    await r.replan();
    const names = (await fakeBrowser.alarms.getAll()).map((a) => a.name).sort();
    expect(names).toEqual(
      [alarmName('day-before', s.id, at), alarmName('starting', s.id, at)].sort(),
    );
    const starting = await fakeBrowser.alarms.get(alarmName('starting', s.id, at));
    expect(starting?.scheduledTime).toBe(at - 5 * MIN);

    await rescheduleSession(d, s.id, at + 60 * MIN, NOW);
    await r.replan();
    const after = (await fakeBrowser.alarms.getAll()).map((a) => a.name);
    expect(after).not.toContain(alarmName('starting', s.id, at));
    expect(after).toContain(alarmName('starting', s.id, at + 60 * MIN));
  });

  it('plans once for a burst of changes, after the last of them', async () => {
    const m = await mentorshipIn(d, 'Ana', { cadenceDays: 7 });
    const counted = countingTransactions(d);
    const time = clock();
    const r = createReminders({
      db: async () => counted.db,
      now: time.now,
      timeZone: () => 'Europe/Berlin',
    });
    const first = r.replan();
    const at = NOW + 2 * DAY;
    const s = await bookSession(d, m.id, at, NOW);
    await Promise.all([first, r.replan(), r.replan(), r.replan(), r.replan()]);
    // The first plan, and one more for the four asked while it waited or ran.
    expect(counted.count()).toBeLessThanOrEqual(2);
    const names = (await fakeBrowser.alarms.getAll()).map((a) => a.name);
    expect(names).toContain(alarmName('day-before', s.id, at));
  });

  it('plans nothing the switches turned off', async () => {
    const m = await mentorshipIn(d, 'Ana', { cadenceDays: 7 });
    await bookSession(d, m.id, NOW + 2 * DAY, NOW);
    await settingsItem.set({
      ...DEFAULT_SETTINGS,
      reminders: { dayBefore: false, starting: false, bookNext: true, reflect: true },
    });
    const { r } = reminders();
    await r.replan();
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('shows a due reminder once, with its words, and leads to the meeting link', async () => {
    const m = await mentorshipIn(d, 'Ana', { cadenceDays: 7 });
    await d.put('mentorships', { ...m, meetingLink: 'meet.google.com/abc-defg-hij' });
    const at = NOW + 3 * MIN;
    const s = await bookSession(d, m.id, at, NOW);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const { r } = reminders();
    const name = alarmName('starting', s.id, at);
    expect(r.alarm(name)).toBe(true);
    await r.replan();
    expect(create).toHaveBeenCalledWith(
      `${REMINDER_NOTIFICATION}${name}`,
      expect.objectContaining({ title: 'Session with Ana starts in 5 minutes' }),
    );
    expect(await remindersShownItem.get()).toEqual([name]);
    // Shown once: firing again shows nothing.
    r.alarm(name);
    await r.replan();
    expect(create).toHaveBeenCalledTimes(1);

    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(r.clicked(`${REMINDER_NOTIFICATION}${name}`)).toBe(true);
    await r.replan();
    expect(tabs).toHaveBeenCalledWith({ url: 'https://meet.google.com/abc-defg-hij' });
  });

  it('shows nothing for a reminder whose session moved or went away', async () => {
    const m = await mentorshipIn(d, 'Ana', { cadenceDays: 7 });
    const at = NOW + 3 * MIN;
    const s = await bookSession(d, m.id, at, NOW);
    await rescheduleSession(d, s.id, at + 30 * MIN, NOW);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const { r } = reminders();
    r.alarm(alarmName('starting', s.id, at));
    await r.replan();
    expect(create).not.toHaveBeenCalled();
    expect(r.alarm('mc-nudge:1')).toBe(false);
  });

  it.each([
    ['reminder:book-next:m%201:5', { kind: 'book-next', id: 'm 1' }],
    ['reminder:starting:s1:5', { kind: 'starting', id: 's1' }],
    ['reminder:other:s1:5', undefined],
    ['mc-nudge:1', undefined],
  ])('reads the name %s', (name, expected) => {
    expect(parseReminderName(name)).toEqual(expected);
  });

  it('leads each kind to its place', () => {
    const records = {
      mentorships: [{ id: 'm', meetingLink: 'zoom.us/j/123456789' } as never],
      sessions: [{ id: 's', mentorshipId: 'm' } as never],
    };
    expect(reminderTarget('reminder:starting:s:1', records)).toEqual({
      open: 'link',
      url: 'https://zoom.us/j/123456789',
    });
    expect(reminderTarget('reminder:book-next:m:1', records)).toEqual({
      open: 'page',
      path: '/options.html#m=m',
    });
    expect(reminderTarget('reminder:reflect:s:1', records)).toEqual({
      open: 'page',
      path: '/sidepanel.html?view=reflect&session=s',
    });
    expect(reminderTarget('reminder:day-before:s:1', records)).toMatchObject({ open: 'popup' });
  });

  it("opens a booking's own link (an invite's) rather than the mentorship's", () => {
    const records = {
      mentorships: [{ id: 'm', meetingLink: 'zoom.us/j/123456789' } as never],
      sessions: [
        {
          id: 's',
          mentorshipId: 'm',
          meetingLink: 'https://meet.google.com/abc-defg-hij',
        } as never,
      ],
    };
    expect(reminderTarget('reminder:starting:s:1', records)).toEqual({
      open: 'link',
      url: 'https://meet.google.com/abc-defg-hij',
    });
  });
});
