// Reminder planning with fixed clocks: which alarms should exist, when, and whether a fired one
// is still due, across Berlin's daylight-saving changes (29 March and 25 October 2026).
import { describe, expect, it } from 'vitest';
import type { Mentorship, Note, Reflection, Role, SessionRecord } from '../../../lib/records';
import {
  ALL_REMINDERS,
  alarmChanges,
  alarmName,
  dueReminder,
  isStillDue,
  type PlannedAlarm,
  planReminders,
  type ReminderRecords,
} from '../../../lib/rules/reminders';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const utc = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);
const ZONE = 'Europe/Berlin';

function mentorship(role: Role = 'mentee', extra: Partial<Mentorship> = {}): Mentorship {
  return {
    id: 'm1',
    otherName: 'Ana',
    myRole: role,
    meetingLink: 'https://meet.google.com/abc-defg-hij',
    agreement: { type: 'goal-oriented', cadenceDays: 7, sessionMinutes: 45 },
    goals: [],
    createdAt: utc(2026, 1, 1),
    ...extra,
  };
}

function scheduled(id: string, at: number): SessionRecord {
  return {
    id,
    mentorshipId: 'm1',
    kind: 'regular',
    status: 'scheduled',
    scheduledAt: at,
    actionItems: [],
  };
}

function ended(id: string, at: number, extra: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id,
    mentorshipId: 'm1',
    kind: 'regular',
    status: 'ended',
    scheduledAt: at,
    startedAt: at,
    endedAt: at + 45 * MIN,
    actionItems: [],
    ...extra,
  };
}

function records(parts: Partial<ReminderRecords> = {}): ReminderRecords {
  return {
    mentorships: [mentorship()],
    sessions: [],
    notes: [],
    reflections: [],
    settings: ALL_REMINDERS,
    shown: [],
    timeZone: ZONE,
    ...parts,
  };
}

const pick = (alarms: PlannedAlarm[]) => alarms.map((a) => [a.kind, a.when]);

describe('a booked session: the day before and 5 minutes before', () => {
  it.each<[string, number, number]>([
    // Monday 30 March 09:00 CEST; the day before is Sunday 09:00 CEST: 24 hours.
    ['both days in summer time', utc(2026, 3, 30, 7), utc(2026, 3, 29, 7)],
    // Sunday 29 March 10:00 CEST; the day before is Saturday 10:00 CET: 23 hours.
    ['across the spring change', utc(2026, 3, 29, 8), utc(2026, 3, 28, 9)],
    // Sunday 25 October 10:00 CET; the day before is Saturday 10:00 CEST: 25 hours.
    ['across the autumn change', utc(2026, 10, 25, 9), utc(2026, 10, 24, 8)],
    ['in winter', utc(2026, 2, 10, 8), utc(2026, 2, 9, 8)],
  ])('%s', (_what, at, dayBefore) => {
    const now = at - 5 * DAY;
    const plan = planReminders(records({ sessions: [scheduled('s1', at)] }), now);
    expect(pick(plan)).toEqual([
      ['day-before', dayBefore],
      ['starting', at - 5 * MIN],
    ]);
    expect(plan.map((a) => a.name)).toEqual([
      `reminder:day-before:s1:${at}`,
      `reminder:starting:s1:${at}`,
    ]);
    expect(
      plan.every((a) => a.kind !== 'book-next' && a.sessionId === 's1' && a.mentorshipId === 'm1'),
    ).toBe(true);
  });

  const AT = utc(2026, 3, 29, 8); // Sunday 10:00 CEST

  it.each<[string, number, [string, number][]]>([
    [
      'a week before: both',
      AT - 7 * DAY,
      [
        ['day-before', utc(2026, 3, 28, 9)],
        ['starting', AT - 5 * MIN],
      ],
    ],
    [
      'booked 3 hours before: the day-before one now',
      AT - 3 * HOUR,
      [
        ['day-before', AT - 3 * HOUR],
        ['starting', AT - 5 * MIN],
      ],
    ],
    ['in the last hour: only the starting one', AT - 30 * MIN, [['starting', AT - 5 * MIN]]],
    ['the browser opened 8 minutes in: starting, now', AT + 8 * MIN, [['starting', AT + 8 * MIN]]],
    ['20 minutes in: nothing', AT + 20 * MIN, []],
  ])('%s', (_what, now, expected) => {
    const plan = planReminders(records({ sessions: [scheduled('s1', AT)] }), now);
    expect(pick(plan.filter((a) => a.kind !== 'book-next'))).toEqual(expected);
  });

  it('asks the mentee for thoughts; tells the mentor, when it fires, whether they came', () => {
    const at = utc(2026, 3, 30, 7);
    const name = alarmName('day-before', 's1', at);
    const fire = utc(2026, 3, 29, 7);
    for (const role of ['mentee', 'mentor'] as const) {
      const base = records({ mentorships: [mentorship(role)], sessions: [scheduled('s1', at)] });
      expect(dueReminder(name, base, fire)).toMatchObject({
        otherName: 'Ana',
        role,
        sessionAt: at,
        menteeNotes: false,
      });
      const note: Note = {
        id: 'n1',
        sessionId: 's1',
        mentorshipId: 'm1',
        kind: 'pre-session',
        author: 'mentee',
        text: 'My thoughts',
        updatedAt: fire - HOUR,
      };
      expect(dueReminder(name, { ...base, notes: [note] }, fire)?.menteeNotes).toBe(true);
      // The mentor's own notes are not the mentee's.
      const own = { ...note, author: 'mentor' as const };
      expect(dueReminder(name, { ...base, notes: [own] }, fire)?.menteeNotes).toBe(false);
    }
  });

  it('gives the starting reminder the meeting link to open', () => {
    const at = utc(2026, 3, 30, 7);
    const due = dueReminder(
      alarmName('starting', 's1', at),
      records({ sessions: [scheduled('s1', at)] }),
      at - 5 * MIN,
    );
    expect(due?.link).toBe('https://meet.google.com/abc-defg-hij');
  });

  it("opens a booking's own link (an invite's) rather than the mentorship's", () => {
    const at = utc(2026, 3, 30, 7);
    const zoom = 'https://acme.zoom.us/j/85912345678?pwd=x';
    const due = dueReminder(
      alarmName('starting', 's1', at),
      records({ sessions: [{ ...scheduled('s1', at), meetingLink: zoom }] }),
      at - 5 * MIN,
    );
    expect(due?.link).toBe(zoom);
  });
});

describe('a reminder whose session moved or went does not fire', () => {
  const at = utc(2026, 3, 30, 7);
  const old = alarmName('starting', 's1', at);
  const fire = at - 5 * MIN;

  it.each<[string, SessionRecord[]]>([
    ['moved to Tuesday', [scheduled('s1', at + DAY)]],
    ['moved an hour', [scheduled('s1', at + HOUR)]],
    ['deleted', []],
    ['already live', [{ ...scheduled('s1', at), status: 'live', startedAt: at - 6 * MIN }]],
  ])('%s', (_what, sessions) => {
    expect(isStillDue(old, records({ sessions }), fire)).toBe(false);
  });

  it('is due while nothing changed, and not once shown', () => {
    const r = records({ sessions: [scheduled('s1', at)] });
    expect(isStillDue(old, r, fire)).toBe(true);
    expect(isStillDue(old, { ...r, shown: [old] }, fire)).toBe(false);
    expect(planReminders({ ...r, shown: [old] }, fire).map((a) => a.name)).not.toContain(old);
  });

  it('plans the new time under a new name, so the old alarm is cleared', () => {
    const moved = planReminders(records({ sessions: [scheduled('s1', at + DAY)] }), at - 2 * DAY);
    const changes = alarmChanges([{ name: old }, { name: 'focus-tick' }], moved);
    expect(changes.clear).toEqual([old]);
    expect(changes.create.map((a) => a.name)).toEqual([
      alarmName('day-before', 's1', at + DAY),
      alarmName('starting', 's1', at + DAY),
    ]);
  });

  it('follows each switch in Settings', () => {
    const sessions = [scheduled('s1', at)];
    const kinds = (settings: typeof ALL_REMINDERS) =>
      planReminders(records({ sessions, settings }), at - 3 * DAY).map((a) => a.kind);
    expect(kinds({ ...ALL_REMINDERS, dayBefore: false })).toEqual(['starting']);
    expect(kinds({ ...ALL_REMINDERS, starting: false })).toEqual(['day-before']);
    expect(
      isStillDue(old, records({ sessions, settings: { ...ALL_REMINDERS, starting: false } }), fire),
    ).toBe(false);
  });

  it('keeps ids with separators apart in the name', () => {
    const odd = scheduled('a:b/c d', at);
    const [first] = planReminders(records({ sessions: [odd] }), at - 3 * DAY);
    expect(first?.name).toBe(`reminder:day-before:a%3Ab%2Fc%20d:${at}`);
    expect(isStillDue(first?.name ?? '', records({ sessions: [odd] }), at - DAY)).toBe(true);
  });

  it('says nothing for an archived mentorship or another extension alarm', () => {
    const r = records({
      mentorships: [mentorship('mentee', { archivedAt: 1 })],
      sessions: [scheduled('s1', at)],
    });
    expect(planReminders(r, at - 3 * DAY)).toEqual([]);
    expect(isStillDue('focus-tick', records({ sessions: [scheduled('s1', at)] }), fire)).toBe(
      false,
    );
  });
});

describe('book your next session', () => {
  // The last session ended Monday 23 March 09:45 CET; a day later is Tuesday 09:45 CET.
  const last = ended('s1', utc(2026, 3, 23, 8), { status: 'reflected' });
  const ENDED = utc(2026, 3, 23, 8, 45);

  it.each<[string, SessionRecord[], number, number | null]>([
    ['nothing booked: a day after the last session', [last], ENDED + HOUR, ENDED + DAY],
    [
      'booked within the cadence: nothing',
      [last, scheduled('s2', utc(2026, 3, 30, 7))],
      ENDED + HOUR,
      null,
    ],
    [
      'booked beyond the cadence: a day after',
      [last, scheduled('s2', utc(2026, 4, 20, 7))],
      ENDED + HOUR,
      ENDED + DAY,
    ],
    ['found days later: now', [last], ENDED + 5 * DAY, ENDED + 5 * DAY],
    [
      'the booked session was missed: a day after it',
      [last, scheduled('s2', utc(2026, 3, 30, 7))],
      utc(2026, 4, 2),
      utc(2026, 4, 2),
    ],
    ['no session yet: a day after the mentorship began', [], utc(2026, 1, 1, 12), utc(2026, 1, 2)],
    [
      'a call is live: nothing',
      [last, { ...scheduled('s2', 0), status: 'live', startedAt: ENDED + HOUR }],
      ENDED + 2 * HOUR,
      null,
    ],
  ])('%s', (_what, sessions, now, when) => {
    const plan = planReminders(
      records({ sessions, settings: { ...ALL_REMINDERS, reflect: false } }),
      now,
    ).filter((a) => a.kind === 'book-next');
    expect(plan.map((a) => a.when)).toEqual(when === null ? [] : [when]);
  });

  it('is named after the last session, so it is shown once for it', () => {
    const [alarm] = planReminders(records({ sessions: [last] }), ENDED + HOUR).filter(
      (a) => a.kind === 'book-next',
    );
    expect(alarm?.name).toBe(`reminder:book-next:m1:${ENDED}`);
    const r = records({ sessions: [last] });
    expect(dueReminder(alarm?.name ?? '', r, ENDED + DAY)).toMatchObject({
      otherName: 'Ana',
      role: 'mentee',
    });
    // Booked meanwhile: not due.
    expect(
      isStillDue(
        alarm?.name ?? '',
        records({ sessions: [last, scheduled('s2', ENDED + 3 * DAY)] }),
        ENDED + DAY,
      ),
    ).toBe(false);
    // Shown: not again, until there is a later session.
    expect(
      planReminders({ ...r, shown: [alarm?.name ?? ''] }, ENDED + 3 * DAY).filter(
        (a) => a.kind === 'book-next',
      ),
    ).toEqual([]);
  });

  it('stops after a time-framed mentorship’s last day, in local time', () => {
    const m = mentorship('mentor', {
      agreement: { type: 'time-framed', cadenceDays: 7, sessionMinutes: 45, endsOn: '2026-03-31' },
    });
    const plan = (now: number) =>
      planReminders(records({ mentorships: [m], sessions: [last] }), now).filter(
        (a) => a.kind === 'book-next',
      );
    expect(plan(utc(2026, 3, 31, 21, 30))).toHaveLength(1); // 23:30 CEST on the last day
    expect(plan(utc(2026, 3, 31, 22, 30))).toHaveLength(0); // 00:30 CEST the day after
  });

  it('is off with its switch', () => {
    const plan = planReminders(
      records({ sessions: [last], settings: { ...ALL_REMINDERS, bookNext: false } }),
      ENDED + HOUR,
    );
    expect(plan.filter((a) => a.kind === 'book-next')).toEqual([]);
  });
});

describe('a reflection left undone', () => {
  // Ended Saturday 28 March 18:45 CET; a day later is Sunday 18:45 CEST, 23 hours on.
  const s = ended('s1', utc(2026, 3, 28, 17));
  const END = utc(2026, 3, 28, 17, 45);
  const reflection = (role: Role, complete: boolean): Reflection => ({
    id: `s1:${role}`,
    sessionId: 's1',
    role,
    catalogueVersion: 2,
    answers: {},
    complete,
    updatedAt: END,
  });
  const reflect = (r: ReminderRecords, now: number) =>
    planReminders(r, now).filter((a) => a.kind === 'reflect');

  it.each<[string, Partial<ReminderRecords>, number, number[]]>([
    ['none yet: a day later, across the change', { sessions: [s] }, END + HOUR, [END + 23 * HOUR]],
    [
      'started, not finished',
      { sessions: [s], reflections: [reflection('mentee', false)] },
      END + HOUR,
      [END + 23 * HOUR],
    ],
    ['finished', { sessions: [s], reflections: [reflection('mentee', true)] }, END + HOUR, []],
    [
      'only the other role finished',
      { sessions: [s], reflections: [reflection('mentor', true)] },
      END + HOUR,
      [END + 23 * HOUR],
    ],
    ['dismissed', { sessions: [{ ...s, reflectionDismissed: true }] }, END + HOUR, []],
    ['reflected', { sessions: [{ ...s, status: 'reflected' }] }, END + HOUR, []],
    ['found 3 days later: now', { sessions: [s] }, END + 3 * DAY, [END + 3 * DAY]],
    ['more than a week after it was due: let go', { sessions: [s] }, END + 9 * DAY, []],
    [
      'switched off',
      { sessions: [s], settings: { ...ALL_REMINDERS, reflect: false } },
      END + HOUR,
      [],
    ],
  ])('%s', (_what, parts, now, whens) => {
    expect(reflect(records(parts), now).map((a) => a.when)).toEqual(whens);
  });

  it('is mentioned once', () => {
    const r = records({ sessions: [s] });
    const [alarm] = reflect(r, END + HOUR);
    expect(alarm?.name).toBe(`reminder:reflect:s1:${END}`);
    expect(isStillDue(alarm?.name ?? '', r, END + DAY)).toBe(true);
    expect(isStillDue(alarm?.name ?? '', { ...r, shown: [alarm?.name ?? ''] }, END + DAY)).toBe(
      false,
    );
    expect(reflect({ ...r, shown: [alarm?.name ?? ''] }, END + 2 * DAY)).toEqual([]);
    // Finished before it fired: not due.
    expect(
      isStillDue(alarm?.name ?? '', { ...r, reflections: [reflection('mentee', true)] }, END + DAY),
    ).toBe(false);
  });
});

describe('alarmChanges', () => {
  it('creates what is missing, clears reminder alarms no longer planned, leaves others alone', () => {
    const planned: PlannedAlarm[] = [
      {
        name: 'reminder:starting:s1:1',
        when: 1,
        kind: 'starting',
        sessionId: 's1',
        mentorshipId: 'm1',
      },
      { name: 'reminder:book-next:m1:0', when: 2, kind: 'book-next', mentorshipId: 'm1' },
    ];
    const existing = [
      { name: 'reminder:starting:s1:1' },
      { name: 'reminder:reflect:s0:0' },
      { name: 'other' },
    ];
    const { create, clear } = alarmChanges(existing, planned);
    expect(create.map((a) => a.name)).toEqual(['reminder:book-next:m1:0']);
    expect(clear).toEqual(['reminder:reflect:s0:0']);
  });
});
