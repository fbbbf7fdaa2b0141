import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBackup, parseBackup } from '../../lib/backup/format';
import type { BackupData } from '../../lib/backup/schema';
import { DB_VERSION, type Db, openDb } from '../../lib/db';
import {
  type AgreementDraft,
  actionItemGroups,
  addGoal,
  agreementDraftOf,
  bookSession,
  DEFAULT_SETTINGS,
  deleteGoal,
  dismissReflection,
  historyOf,
  loadAll,
  readAgreementDraft,
  readSettingsDraft,
  rescheduleSession,
  restoreBackup,
  SCHEDULE_TEXT,
  scheduleOf,
  setGoalDone,
  setLastSession,
  settingsOf,
  updateMentorship,
} from '../../lib/mentorships';
import type { Mentorship, SessionRecord } from '../../lib/records';
import { createMentorship } from '../../lib/store';

const DAY = 86_400_000;
const HOUR = 3_600_000;
// Wednesday 11 March 2026, 10:00 UTC.
const NOW = Date.UTC(2026, 2, 11, 10, 0);

let d: Db;
let dbCount = 0;

beforeEach(async () => {
  d = await openDb(DB_VERSION, `mentorships-test-${++dbCount}`);
});

afterEach(() => {
  d.close();
});

async function seed(firstSessionAt?: number): Promise<Mentorship> {
  const { mentorship } = await createMentorship(
    d,
    { otherName: 'Ana', myRole: 'mentee', cadenceDays: 7, sessionMinutes: 45, firstSessionAt },
    NOW - 30 * DAY,
  );
  return mentorship;
}

async function sessionsOf(mentorshipId: string): Promise<SessionRecord[]> {
  return d.getAllFromIndex('sessions', 'byMentorship', mentorshipId);
}

function draftFor(m: Mentorship, patch: Partial<AgreementDraft>): AgreementDraft {
  return { ...agreementDraftOf(m), ...patch };
}

describe('the agreement form', () => {
  const base: Mentorship = {
    id: 'm',
    otherName: 'Ana',
    myRole: 'mentee',
    agreement: { type: 'goal-oriented', cadenceDays: 14, sessionMinutes: 45 },
    goals: [],
    createdAt: 0,
  };

  it('reads back what it was filled from', () => {
    const full: Mentorship = {
      ...base,
      meetingLink: 'https://meet.google.com/abc-defg-hij',
      agreement: {
        type: 'time-framed',
        cadenceDays: 7,
        sessionMinutes: 30,
        preparation: 'p',
        responsiveness: 'r',
        channels: 'c',
        medium: 'face-to-face',
        location: 'Café',
        inScope: 'i',
        desiredOutcomes: 'o',
        endsOn: '2026-06-30',
      },
    };
    const result = readAgreementDraft(agreementDraftOf(full));
    expect(result).toEqual({
      ok: true,
      edit: {
        otherName: 'Ana',
        myRole: 'mentee',
        meetingLink: full.meetingLink,
        agreement: full.agreement,
      },
    });
  });

  it('leaves empty optional fields out', () => {
    const result = readAgreementDraft(draftFor(base, { preparation: '  ', medium: '' }));
    expect(result.ok && result.edit.agreement).toEqual(base.agreement);
    expect(result.ok && 'meetingLink' in result.edit).toBe(false);
  });

  it.each([
    ['otherName', { otherName: '   ' }, 'Write the name of the person you are meeting.'],
    ['otherName', { otherName: 'x'.repeat(201) }, 'That name is too long; 200 characters at most.'],
    [
      'cadenceDays',
      { cadenceDays: '' },
      'Choose how many days apart your sessions are, from 1 to 365.',
    ],
    [
      'cadenceDays',
      { cadenceDays: '0' },
      'Choose how many days apart your sessions are, from 1 to 365.',
    ],
    [
      'cadenceDays',
      { cadenceDays: '7.5' },
      'Choose how many days apart your sessions are, from 1 to 365.',
    ],
    [
      'cadenceDays',
      { cadenceDays: '1e1' },
      'Choose how many days apart your sessions are, from 1 to 365.',
    ],
    ['sessionMinutes', { sessionMinutes: '4' }, 'Choose a session length from 5 to 240 minutes.'],
    ['sessionMinutes', { sessionMinutes: 'abc' }, 'Choose a session length from 5 to 240 minutes.'],
    [
      'meetingLink',
      { meetingLink: 'not a link' },
      'Paste the meeting link as a web address starting with https://.',
    ],
    [
      'meetingLink',
      { meetingLink: 'javascript:alert(1)' },
      'Paste the meeting link as a web address starting with https://.',
    ],
    ['endsOn', { endsOn: '2026-02-30' }, 'Write the last day as a date, such as 2026-06-30.'],
    ['inScope', { inScope: 'x'.repeat(5001) }, 'That text is too long; 5,000 characters at most.'],
  ] as const)('refuses a bad %s with one sentence', (field, patch, message) => {
    expect(readAgreementDraft(draftFor(base, patch))).toEqual({ ok: false, field, message });
  });

  it('saves the form and keeps goals; a bad edit writes nothing', async () => {
    const m = await seed();
    await addGoal(d, m.id, 'Lead a discovery sprint', NOW);
    const result = readAgreementDraft(
      draftFor(m, {
        otherName: 'Ana B.',
        cadenceDays: '14',
        medium: 'video',
        meetingLink: 'https://zoom.us/j/123456789',
      }),
    );
    if (!result.ok) throw new Error(result.message);
    const saved = await updateMentorship(d, m.id, result.edit);
    expect(saved.otherName).toBe('Ana B.');
    expect(saved.agreement.cadenceDays).toBe(14);
    expect(saved.goals).toHaveLength(1);

    await expect(
      updateMentorship(d, m.id, {
        ...result.edit,
        agreement: { ...result.edit.agreement, sessionMinutes: 0 },
      }),
    ).rejects.toThrow('Choose a session length from 5 to 240 minutes.');
    expect(await d.get('mentorships', m.id)).toEqual(saved);

    const cleared = await updateMentorship(d, m.id, { ...result.edit, meetingLink: undefined });
    expect(cleared).not.toHaveProperty('meetingLink');
  });

  it('refuses a mentorship that is gone', async () => {
    const edit = readAgreementDraft(agreementDraftOf(base));
    if (!edit.ok) throw new Error('setup');
    await expect(updateMentorship(d, 'nope', edit.edit)).rejects.toThrow(
      'That mentorship no longer exists.',
    );
  });
});

describe('goals', () => {
  it('adds, completes, reopens and deletes a goal', async () => {
    const m = await seed();
    const withGoal = await addGoal(d, m.id, '  Run a user interview  ', NOW);
    const goal = withGoal.goals[0];
    expect(goal).toMatchObject({ text: 'Run a user interview', createdAt: NOW });
    if (!goal) throw new Error('no goal');
    expect((await setGoalDone(d, m.id, goal.id, true, NOW + 1)).goals[0]?.doneAt).toBe(NOW + 1);
    expect((await setGoalDone(d, m.id, goal.id, true, NOW + 2)).goals[0]?.doneAt).toBe(NOW + 1);
    expect((await setGoalDone(d, m.id, goal.id, false, NOW + 3)).goals[0]).not.toHaveProperty(
      'doneAt',
    );
    expect((await deleteGoal(d, m.id, goal.id)).goals).toEqual([]);
  });

  it.each([
    ['', 'Write the goal first.'],
    ['   ', 'Write the goal first.'],
    ['x'.repeat(2001), 'That goal is too long; 2,000 characters at most.'],
  ])('refuses %j and writes nothing', async (text, message) => {
    const m = await seed();
    await expect(addGoal(d, m.id, text, NOW)).rejects.toThrow(message);
    expect((await d.get('mentorships', m.id))?.goals).toEqual([]);
  });
});

describe('the schedule', () => {
  it('dates the undated first session when booking, then books regular ones', async () => {
    const m = await seed();
    const first = await bookSession(d, m.id, NOW + 2 * DAY, NOW);
    expect(first.kind).toBe('first');
    expect(await sessionsOf(m.id)).toHaveLength(1);
    const second = await bookSession(d, m.id, NOW + 9 * DAY, NOW);
    expect(second.kind).toBe('regular');
    expect(await sessionsOf(m.id)).toHaveLength(2);
  });

  it.each([
    [NOW - 1, SCHEDULE_TEXT.past],
    [NOW, SCHEDULE_TEXT.past],
    [Number.NaN, SCHEDULE_TEXT.invalid],
  ])('refuses to book at %s', async (at, message) => {
    const m = await seed();
    await expect(bookSession(d, m.id, at, NOW)).rejects.toThrow(message);
    expect((await sessionsOf(m.id))[0]?.scheduledAt).toBeUndefined();
  });

  it('refuses to book for a mentorship that is gone', async () => {
    await expect(bookSession(d, 'nope', NOW + DAY, NOW)).rejects.toThrow(
      SCHEDULE_TEXT.noMentorship,
    );
  });

  // The booking is on Friday 13 March 2026 10:00 UTC; its ISO week runs Mon 9 to Sun 15 March.
  const FRIDAY = Date.UTC(2026, 2, 13, 10, 0);
  it.each([
    ['to Thursday the same week', Date.UTC(2026, 2, 12, 15, 0), 0, null],
    ['to Sunday evening the same week', Date.UTC(2026, 2, 15, 20, 0), 0, null],
    ['to Monday the week after', Date.UTC(2026, 2, 16, 9, 0), 0, SCHEDULE_TEXT.otherWeek],
    ['to the past', NOW - HOUR, 0, SCHEDULE_TEXT.past],
    // 23:30 UTC Sunday is already Monday in Berlin (+60): the next week there.
    ['across the week in local time', Date.UTC(2026, 2, 15, 23, 30), 60, SCHEDULE_TEXT.otherWeek],
    ['within the week in local time', Date.UTC(2026, 2, 15, 23, 30), -300, null],
  ])('reschedules %s', async (_name, at, tz, message) => {
    const m = await seed(FRIDAY);
    const [s] = await sessionsOf(m.id);
    if (!s) throw new Error('setup');
    if (message) {
      await expect(rescheduleSession(d, s.id, at, NOW, tz)).rejects.toThrow(message);
      expect((await d.get('sessions', s.id))?.scheduledAt).toBe(FRIDAY);
    } else {
      expect((await rescheduleSession(d, s.id, at, NOW, tz)).scheduledAt).toBe(at);
    }
  });

  it('lets a booking whose week is over move to any time to come', async () => {
    const m = await seed(NOW - 10 * DAY);
    const [s] = await sessionsOf(m.id);
    if (!s) throw new Error('setup');
    expect((await rescheduleSession(d, s.id, NOW + 12 * DAY, NOW)).scheduledAt).toBe(
      NOW + 12 * DAY,
    );
  });

  it('refuses to move a session that was held', async () => {
    const m = await seed(NOW + DAY);
    const [s] = await sessionsOf(m.id);
    if (!s) throw new Error('setup');
    await d.put('sessions', { ...s, status: 'ended', startedAt: NOW - HOUR, endedAt: NOW });
    await expect(rescheduleSession(d, s.id, NOW + 2 * DAY, NOW)).rejects.toThrow(
      SCHEDULE_TEXT.notBooked,
    );
  });

  it('marks one booking as the last session, and takes the mark off', async () => {
    const m = await seed(NOW + DAY);
    const a = (await sessionsOf(m.id))[0];
    const b = await bookSession(d, m.id, NOW + 8 * DAY, NOW);
    if (!a) throw new Error('setup');
    expect((await setLastSession(d, b.id, true)).kind).toBe('last');
    expect((await setLastSession(d, a.id, true)).kind).toBe('last');
    expect((await d.get('sessions', b.id))?.kind).toBe('regular');
    // Nothing held yet, and no other first: taking the mark off makes it the first again.
    expect((await setLastSession(d, a.id, false)).kind).toBe('first');
  });

  it('knows when to ask for a booking', () => {
    const m: Mentorship = {
      id: 'm',
      otherName: 'Ana',
      myRole: 'mentee',
      agreement: { type: 'goal-oriented', cadenceDays: 14, sessionMinutes: 45 },
      goals: [],
      createdAt: NOW - 60 * DAY,
    };
    const s = (over: Partial<SessionRecord>): SessionRecord => ({
      id: Math.random().toString(36),
      mentorshipId: 'm',
      kind: 'regular',
      status: 'scheduled',
      actionItems: [],
      ...over,
    });
    const lastHeld = s({
      status: 'reflected',
      scheduledAt: NOW - 3 * DAY,
      startedAt: NOW - 3 * DAY,
    });
    expect(scheduleOf(m, [], NOW).needsScheduling).toBe(true);
    expect(scheduleOf(m, [], NOW).suggestion).toBe(NOW + DAY);
    const none = scheduleOf(m, [lastHeld], NOW);
    expect(none.needsScheduling).toBe(true);
    expect(none.suggestion).toBe(NOW + 11 * DAY);
    // A booking one cadence (two weeks) out does not nag a fortnightly mentorship.
    const ok = scheduleOf(m, [lastHeld, s({ scheduledAt: NOW + 11 * DAY })], NOW);
    expect(ok.needsScheduling).toBe(false);
    expect(ok.next?.scheduledAt).toBe(NOW + 11 * DAY);
    expect(scheduleOf(m, [s({ scheduledAt: NOW + 20 * DAY })], NOW).needsScheduling).toBe(true);
    // A booking already past is no booking.
    expect(scheduleOf(m, [s({ scheduledAt: NOW - HOUR })], NOW).needsScheduling).toBe(true);
    // Once the last session is held, nothing more to book.
    const done = scheduleOf(m, [{ ...lastHeld, kind: 'last' }], NOW);
    expect(done).toMatchObject({ over: true, needsScheduling: false });
    const framed = {
      ...m,
      agreement: { ...m.agreement, type: 'time-framed' as const, endsOn: '2026-03-10' },
    };
    expect(scheduleOf(framed, [], NOW).over).toBe(true);
  });
});

describe('history and action items', () => {
  const s = (over: Partial<SessionRecord> & { id: string }): SessionRecord => ({
    mentorshipId: 'm',
    kind: 'regular',
    status: 'ended',
    actionItems: [],
    ...over,
  });

  it.each([
    [{ status: 'live' as const }, 'live'],
    [{ status: 'ended' as const }, 'to-reflect'],
    [{ status: 'ended' as const, reflectionDismissed: true }, 'dismissed'],
    [{ status: 'reflected' as const }, 'reflected'],
  ])('a held session %j is %s', (over, state) => {
    const [row] = historyOf('m', [s({ id: 'a', startedAt: NOW - HOUR, endedAt: NOW, ...over })]);
    expect(row?.state).toBe(state);
    expect(row?.lengthMs).toBe(HOUR);
  });

  it('lists held sessions of the mentorship only, newest first', () => {
    const rows = historyOf('m', [
      s({ id: 'old', startedAt: NOW - 2 * DAY }),
      s({ id: 'booked', status: 'scheduled', scheduledAt: NOW + DAY }),
      s({ id: 'other', mentorshipId: 'x', startedAt: NOW }),
      s({ id: 'new', startedAt: NOW - DAY }),
      s({ id: 'no-start', status: 'ended' }),
    ]);
    expect(rows.map((r) => r.session.id)).toEqual(['new', 'old']);
    expect(rows[0]).not.toHaveProperty('lengthMs');
  });

  it('groups action items by session: open groups first, open items first', () => {
    const item = (id: string, done: boolean) => ({
      id,
      text: id,
      createdAt: 0,
      ...(done ? { doneAt: 1 } : {}),
    });
    const groups = actionItemGroups('m', [
      s({ id: 'all-done', startedAt: NOW - DAY, actionItems: [item('d1', true)] }),
      s({ id: 'older-open', startedAt: NOW - 3 * DAY, actionItems: [item('o1', false)] }),
      s({
        id: 'mixed',
        startedAt: NOW - 2 * DAY,
        actionItems: [item('m1', true), item('m2', false), item('m3', true), item('m4', false)],
      }),
      s({ id: 'none', startedAt: NOW }),
      s({
        id: 'next',
        status: 'scheduled',
        scheduledAt: NOW + DAY,
        actionItems: [item('n1', false)],
      }),
      s({ id: 'other', mentorshipId: 'x', actionItems: [item('x1', false)] }),
    ]);
    expect(groups.map((g) => [g.session.id, g.open, g.upcoming])).toEqual([
      ['next', 1, true],
      ['mixed', 2, false],
      ['older-open', 1, false],
      ['all-done', 0, false],
    ]);
    expect(groups[1]?.items.map((a) => a.id)).toEqual(['m2', 'm4', 'm1', 'm3']);
  });
});

describe('dismissing a reflection', () => {
  it('sets and clears the mark', async () => {
    const m = await seed(NOW - DAY);
    const [s] = await sessionsOf(m.id);
    if (!s) throw new Error('setup');
    await d.put('sessions', {
      ...s,
      status: 'ended',
      startedAt: NOW - DAY,
      endedAt: NOW - DAY + HOUR,
    });
    expect((await dismissReflection(d, s.id, true)).reflectionDismissed).toBe(true);
    expect(await dismissReflection(d, s.id, false)).not.toHaveProperty('reflectionDismissed');
  });
});

type Method = (...args: unknown[]) => unknown;

/**
 * `target` with one method replaced; the others stay bound to `target` (idb's wrappers need
 * their own `this`).
 */
function override<T extends object>(
  target: T,
  name: string,
  make: (original: Method) => Method,
): T {
  const original = (Reflect.get(target, name) as Method).bind(target);
  const replaced = make(original);
  return new Proxy(target, {
    get(t, p) {
      if (p === name) return replaced;
      const v = Reflect.get(t, p, t);
      return typeof v === 'function' ? v.bind(t) : v;
    },
  });
}

describe('restoreBackup', () => {
  function backupOf(name: string): BackupData {
    return {
      mentorships: [
        {
          id: `m-${name}`,
          otherName: name,
          myRole: 'mentor',
          agreement: { type: 'ad-hoc', cadenceDays: 7, sessionMinutes: 30 },
          goals: [],
          createdAt: NOW,
        },
      ],
      sessions: [
        {
          id: `s-${name}`,
          mentorshipId: `m-${name}`,
          kind: 'first',
          status: 'ended',
          startedAt: NOW - HOUR,
          endedAt: NOW,
          actionItems: [{ id: 'a', text: 'Read', createdAt: NOW }],
        },
      ],
      notes: [
        {
          id: `s-${name}:pre:mentee`,
          sessionId: `s-${name}`,
          mentorshipId: `m-${name}`,
          kind: 'pre-session',
          author: 'mentee',
          text: 'Hello',
          updatedAt: NOW,
        },
      ],
      reflections: [
        {
          id: `s-${name}:mentor`,
          sessionId: `s-${name}`,
          role: 'mentor',
          catalogueVersion: 2,
          answers: { 'mentor.listened': { score: 5 } },
          complete: false,
          updatedAt: NOW,
        },
      ],
    };
  }

  it('round-trips the whole database through a file', async () => {
    const m = await seed(NOW + DAY);
    await addGoal(d, m.id, 'Goal', NOW);
    await restoreBackup(d, backupOf('Ben'), 'merge');
    const before = await loadAll(d);
    const text = exportBackup(before, NOW);

    const other = await openDb(DB_VERSION, `mentorships-test-${++dbCount}`);
    try {
      await restoreBackup(other, parseBackup(text), 'replace');
      const after = await loadAll(other);
      for (const kind of ['mentorships', 'sessions', 'notes', 'reflections'] as const) {
        const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
        expect([...after[kind]].sort(byId)).toEqual([...before[kind]].sort(byId));
      }
    } finally {
      other.close();
    }
  });

  it('merges: adds and replaces by id, keeps the rest', async () => {
    const m = await seed();
    await restoreBackup(d, backupOf('Ben'), 'merge');
    const changed = backupOf('Ben');
    changed.mentorships = changed.mentorships.map((x) => ({ ...x, otherName: 'Benjamin' }));
    await restoreBackup(d, changed, 'merge');
    const all = await loadAll(d);
    expect(all.mentorships.map((x) => x.otherName).sort()).toEqual(['Ana', 'Benjamin']);
    expect(all.sessions.some((s) => s.mentorshipId === m.id)).toBe(true);
  });

  it('replaces: leaves only what the backup holds', async () => {
    await seed();
    await restoreBackup(d, backupOf('Ben'), 'replace');
    const all = await loadAll(d);
    expect(all).toEqual(backupOf('Ben'));
  });

  it('writes nothing when a record is bad', async () => {
    await seed();
    const before = await loadAll(d);
    const bad = backupOf('Ben');
    (bad.sessions[0] as { status: string }).status = 'cancelled';
    // "Session 1 in this backup is not valid, so nothing was restored." (tests/unit/backup.test.ts)
    await expect(restoreBackup(d, bad, 'replace')).rejects.toMatchObject({
      code: 'backup-record',
      params: ['@recordKind_sessions', '1'],
      cause: 'status: choice',
    });
    expect(await loadAll(d)).toEqual(before);
  });

  it.each(['merge', 'replace'] as const)(
    'a record that fails to write aborts the whole %s, clears included',
    async (mode) => {
      await seed();
      const before = await loadAll(d);
      // The database refuses the third reflection, after everything else was queued.
      const backup = backupOf('Ben');
      const [r] = backup.reflections;
      const [session] = backup.sessions;
      if (!r || !session) throw new Error('setup');
      // The third reflection's session is in the backup too: a restore refuses orphans.
      backup.sessions.push({ ...session, id: 's-x' });
      backup.reflections.push(
        { ...r, id: 's-Ben:mentee', role: 'mentee' },
        { ...r, id: 's-x:mentor', sessionId: 's-x' },
      );
      const failing = override(d, 'transaction', (transaction) => (...args) => {
        const tx = transaction(...args) as object;
        return override(tx, 'objectStore', (objectStore) => (name) => {
          const store = objectStore(name) as object;
          if (name !== 'reflections') return store;
          let n = 0;
          return override(store, 'put', (put) => (value, key) => {
            if (++n === 3) throw new DOMException('Disk full', 'QuotaExceededError');
            return put(value, key);
          });
        });
      });
      await expect(restoreBackup(failing, backup, mode)).rejects.toThrow('Disk full');
      expect(await loadAll(d)).toEqual(before);
    },
  );
});

describe('settings', () => {
  it.each([
    [undefined, DEFAULT_SETTINGS],
    [{}, DEFAULT_SETTINGS],
    ['junk', DEFAULT_SETTINGS],
    [
      { graceSeconds: 45, nudges: false, defaultSessionMinutes: 60 },
      { graceSeconds: 45, nudges: false, defaultSessionMinutes: 60 },
    ],
    [{ graceSeconds: 0, nudges: 'no', defaultSessionMinutes: 1000 }, DEFAULT_SETTINGS],
    [{ graceSeconds: 2.5 }, DEFAULT_SETTINGS],
  ])('reads %j', (stored, expected) => {
    expect(settingsOf(stored)).toEqual(expected);
  });

  it.each([
    [
      { graceSeconds: '30', nudges: true, defaultSessionMinutes: '50' },
      { ok: true, settings: { graceSeconds: 30, nudges: true, defaultSessionMinutes: 50 } },
    ],
    [
      { graceSeconds: '0', nudges: true, defaultSessionMinutes: '50' },
      { ok: false, field: 'graceSeconds', message: 'Choose a grace time from 1 to 3600 seconds.' },
    ],
    [
      { graceSeconds: '', nudges: true, defaultSessionMinutes: '50' },
      { ok: false, field: 'graceSeconds', message: 'Choose a grace time from 1 to 3600 seconds.' },
    ],
    [
      { graceSeconds: '20', nudges: false, defaultSessionMinutes: '500' },
      {
        ok: false,
        field: 'defaultSessionMinutes',
        message: 'Choose a session length from 5 to 240 minutes.',
      },
    ],
  ])('checks the form %j', (draft, expected) => {
    expect(readSettingsDraft(draft)).toEqual(expected);
  });
});
