import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDb, DB_VERSION, type Db, openDb } from '../../lib/db';
import type { SessionRecord } from '../../lib/records';
import { planImport } from '../../lib/share/apply';
import type { Pack } from '../../lib/share/pack';
import {
  applyImport,
  assignSession,
  checkNewMentorship,
  createMentorship,
  DEFAULT_AGREEMENT,
  editActionItems,
  endLiveSession,
  getPreNote,
  listMentorships,
  loadLiveView,
  type NewMentorship,
  nextSession,
  notesOf,
  savePreNote,
  setTopic,
  startLiveSession,
} from '../../lib/store';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
/** 2026-11-03 10:00 UTC. */
const NOW = Date.UTC(2026, 10, 3, 10, 0);

const input = (extra: Partial<NewMentorship> = {}): NewMentorship => ({
  otherName: 'Ana Müller',
  myRole: 'mentor',
  cadenceDays: 14,
  sessionMinutes: 45,
  ...extra,
});

let d: Db;
let counter = 0;

beforeEach(async () => {
  fakeBrowser.reset();
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
  d = await openDb(DB_VERSION, `store-test-${++counter}`);
});

afterEach(() => {
  d.close();
});

async function counts() {
  return {
    mentorships: await d.count('mentorships'),
    sessions: await d.count('sessions'),
    notes: await d.count('notes'),
  };
}

describe('checkNewMentorship', () => {
  it.each([
    ['no name', { otherName: '' }, 'Write the name of the person you are meeting.'],
    ['a name of spaces', { otherName: '  \n ' }, 'Write the name of the person you are meeting.'],
    [
      'a name too long',
      { otherName: 'x'.repeat(201) },
      'That name is too long; 200 characters at most.',
    ],
    [
      'cadence 0 days',
      { cadenceDays: 0 },
      'Choose how many days apart your sessions are, from 1 to 365.',
    ],
    [
      'cadence 366 days',
      { cadenceDays: 366 },
      'Choose how many days apart your sessions are, from 1 to 365.',
    ],
    [
      'cadence 1.5 days',
      { cadenceDays: 1.5 },
      'Choose how many days apart your sessions are, from 1 to 365.',
    ],
    [
      'cadence not a number',
      { cadenceDays: Number.NaN },
      'Choose how many days apart your sessions are, from 1 to 365.',
    ],
    ['a 4 minute session', { sessionMinutes: 4 }, 'Choose a session length from 5 to 240 minutes.'],
    [
      'a 241 minute session',
      { sessionMinutes: 241 },
      'Choose a session length from 5 to 240 minutes.',
    ],
    [
      'a 30.5 minute session',
      { sessionMinutes: 30.5 },
      'Choose a session length from 5 to 240 minutes.',
    ],
  ] as [string, Partial<NewMentorship>, string][])(
    'refuses %s with one sentence, and createMentorship writes nothing',
    async (_name, extra, sentence) => {
      expect(checkNewMentorship(input(extra))).toBe(sentence);
      expect(sentence).toMatch(/^[A-Z][^.]*\.$/);
      await expect(createMentorship(d, input(extra), NOW)).rejects.toThrow(sentence);
      expect(await counts()).toEqual({ mentorships: 0, sessions: 0, notes: 0 });
    },
  );

  it.each([
    ['the smallest values', { otherName: 'A', cadenceDays: 1, sessionMinutes: 5 }],
    ['the largest values', { otherName: 'x'.repeat(200), cadenceDays: 365, sessionMinutes: 240 }],
  ] as [string, Partial<NewMentorship>][])('accepts %s', (_name, extra) => {
    expect(checkNewMentorship(input(extra))).toBeNull();
  });
});

describe('createMentorship', () => {
  it('writes the mentorship and its first session, scheduled', async () => {
    const { mentorship, session } = await createMentorship(
      d,
      input({
        otherName: '  Ana Müller ',
        meetingLink: ' https://meet.google.com/abc-defg-hij ',
        firstSessionAt: NOW + DAY,
      }),
      NOW,
    );
    expect(mentorship).toEqual({
      id: mentorship.id,
      otherName: 'Ana Müller',
      myRole: 'mentor',
      meetingLink: 'https://meet.google.com/abc-defg-hij',
      agreement: { ...DEFAULT_AGREEMENT, cadenceDays: 14, sessionMinutes: 45 },
      goals: [],
      createdAt: NOW,
    });
    expect(session).toEqual({
      id: session.id,
      mentorshipId: mentorship.id,
      kind: 'first',
      status: 'scheduled',
      scheduledAt: NOW + DAY,
      actionItems: [],
    });
    expect(await listMentorships(d)).toEqual([mentorship]);
    expect(await nextSession(d, mentorship.id)).toEqual(session);
  });

  it('keeps no empty meeting link, and books no date when none is given', async () => {
    const { mentorship, session } = await createMentorship(d, input({ meetingLink: '   ' }), NOW);
    expect(mentorship.meetingLink).toBeUndefined();
    expect(session.scheduledAt).toBeUndefined();
    expect(await nextSession(d, mentorship.id)).toEqual(session);
  });

  it('lists mentorships oldest first, without archived ones', async () => {
    const b = await createMentorship(d, input({ otherName: 'Ben' }), NOW);
    const a = await createMentorship(d, input({ otherName: 'Ana' }), NOW - DAY);
    const c = await createMentorship(d, input({ otherName: 'Cy' }), NOW + DAY);
    await d.put('mentorships', { ...c.mentorship, archivedAt: NOW + 2 * DAY });
    expect((await listMentorships(d)).map((m) => m.otherName)).toEqual(['Ana', 'Ben']);
    expect(await nextSession(d, a.mentorship.id)).toEqual(a.session);
    expect(await nextSession(d, b.mentorship.id)).toEqual(b.session);
  });
});

describe('pre-session notes', () => {
  it('saves, reads back and overwrites one note per author', async () => {
    const { session } = await createMentorship(d, input({ firstSessionAt: NOW + DAY }), NOW);
    expect(await getPreNote(d, session.id, 'mentee')).toBeUndefined();
    const first = await savePreNote(
      d,
      session,
      'mentee',
      'Two interviews done.\n- Is 5 enough?',
      NOW,
    );
    expect(await getPreNote(d, session.id, 'mentee')).toEqual(first);
    await savePreNote(d, session, 'mentee', 'Three interviews done.', NOW + MIN);
    await savePreNote(d, session, 'mentor', 'Ask about synthesis.', NOW + 2 * MIN);
    expect(await getPreNote(d, session.id, 'mentee')).toMatchObject({
      sessionId: session.id,
      mentorshipId: session.mentorshipId,
      kind: 'pre-session',
      author: 'mentee',
      text: 'Three interviews done.',
      updatedAt: NOW + MIN,
    });
    expect((await notesOf(d, session.id)).map((n) => [n.author, n.text]).sort()).toEqual([
      ['mentee', 'Three interviews done.'],
      ['mentor', 'Ask about synthesis.'],
    ]);
    expect(await notesOf(d, 'another-session')).toEqual([]);
  });
});

describe('setTopic', () => {
  it('keeps every earlier text, oldest first', async () => {
    const { session } = await createMentorship(d, input(), NOW);
    const a = await setTopic(d, session.id, ' Roadmap ', 'mentor', NOW);
    expect(a.topic).toEqual({ text: 'Roadmap', by: 'mentor', at: NOW, history: [] });
    await setTopic(d, session.id, 'Roadmap review', 'mentee', NOW + MIN);
    const c = await setTopic(d, session.id, 'Roadmap review prep', 'mentor', NOW + 2 * MIN);
    expect(c.topic).toEqual({
      text: 'Roadmap review prep',
      by: 'mentor',
      at: NOW + 2 * MIN,
      history: [
        { text: 'Roadmap', by: 'mentor', at: NOW },
        { text: 'Roadmap review', by: 'mentee', at: NOW + MIN },
      ],
    });
    expect((await d.get('sessions', session.id))?.topic).toEqual(c.topic);
  });

  it('changes nothing for the same text (spaces aside)', async () => {
    const { session } = await createMentorship(d, input(), NOW);
    const a = await setTopic(d, session.id, 'Roadmap', 'mentor', NOW);
    const again = await setTopic(d, session.id, '  Roadmap\n', 'mentee', NOW + MIN);
    expect(again).toEqual(a);
    expect((await d.get('sessions', session.id))?.topic).toEqual({
      text: 'Roadmap',
      by: 'mentor',
      at: NOW,
      history: [],
    });
  });

  it('refuses a session that no longer exists', async () => {
    await expect(setTopic(d, 'gone', 'x', 'mentor', NOW)).rejects.toThrow(
      'That session no longer exists.',
    );
  });
});

describe('startLiveSession', () => {
  it('matches by link and turns the prepared session live, keeping its topic and notes', async () => {
    const { mentorship, session } = await createMentorship(
      d,
      input({ meetingLink: 'https://meet.google.com/abc-defg-hij', firstSessionAt: NOW + 3 * DAY }),
      NOW - DAY,
    );
    await setTopic(d, session.id, 'Goals', 'mentee', NOW - DAY);
    await savePreNote(d, session, 'mentee', 'I want to get better at discovery.', NOW - DAY);
    const live = await startLiveSession(
      d,
      { platform: 'meet', meetingKey: 'meet:abc-defg-hij' },
      NOW,
    );
    expect(live).toEqual({
      ...session,
      topic: { text: 'Goals', by: 'mentee', at: NOW - DAY, history: [] },
      status: 'live',
      platform: 'meet',
      meetingKey: 'meet:abc-defg-hij',
      startedAt: NOW,
    });
    expect(live.mentorshipId).toBe(mentorship.id);
    expect(await d.count('sessions')).toBe(1);
    expect((await notesOf(d, live.id)).map((n) => n.text)).toEqual([
      'I want to get better at discovery.',
    ]);
    expect(await nextSession(d, mentorship.id)).toBeUndefined();
  });

  it('matches by a session scheduled within the hour', async () => {
    const { session } = await createMentorship(
      d,
      input({ firstSessionAt: NOW + 20 * MIN }),
      NOW - DAY,
    );
    const live = await startLiveSession(
      d,
      { platform: 'zoom', meetingKey: 'zoom:85912345678' },
      NOW,
    );
    expect(live.id).toBe(session.id);
    expect(live.status).toBe('live');
  });

  it('creates an unassigned live record when nothing matches', async () => {
    const { session } = await createMentorship(
      d,
      input({ firstSessionAt: NOW + 2 * DAY }),
      NOW - DAY,
    );
    const live = await startLiveSession(
      d,
      { platform: 'teams', meetingKey: 'teams:21234567890123' },
      NOW,
    );
    expect(live).toEqual({
      id: live.id,
      mentorshipId: null,
      kind: 'regular',
      status: 'live',
      platform: 'teams',
      meetingKey: 'teams:21234567890123',
      startedAt: NOW,
      actionItems: [],
    });
    expect(live.id).not.toBe(session.id);
    expect(await d.get('sessions', session.id)).toEqual(session);
    expect(await d.count('sessions')).toBe(2);
  });

  it('starts a new record of a linked mentorship when its next session is weeks off', async () => {
    const { mentorship, session } = await createMentorship(
      d,
      input({
        meetingLink: 'https://meet.google.com/abc-defg-hij',
        firstSessionAt: NOW + 20 * DAY,
      }),
      NOW - DAY,
    );
    const live = await startLiveSession(
      d,
      { platform: 'meet', meetingKey: 'meet:abc-defg-hij' },
      NOW,
    );
    expect(live).toMatchObject({ mentorshipId: mentorship.id, kind: 'first', status: 'live' });
    expect(live.id).not.toBe(session.id);
    expect((await d.get('sessions', session.id))?.status).toBe('scheduled');
  });
});

describe('endLiveSession', () => {
  it('ends a live session with its end time and the extra figures', async () => {
    const live = await startLiveSession(d, { platform: 'meet' }, NOW);
    const focus = { awayMs: 90_000, count: 2, longestMs: 60_000, presentShare: 0.96 };
    const ended = await endLiveSession(d, live.id, NOW + 45 * MIN, { focus });
    expect(ended).toEqual({ ...live, status: 'ended', endedAt: NOW + 45 * MIN, focus });
    expect(await d.get('sessions', live.id)).toEqual(ended);
  });

  it('changes nothing for a session that is not live, or gone', async () => {
    const live = await startLiveSession(d, { platform: 'meet' }, NOW);
    const ended = await endLiveSession(d, live.id, NOW + 45 * MIN);
    expect(await endLiveSession(d, live.id, NOW + 50 * MIN)).toEqual(ended);
    expect((await d.get('sessions', live.id))?.endedAt).toBe(NOW + 45 * MIN);
    expect(await endLiveSession(d, 'gone', NOW)).toBeUndefined();
  });
});

describe('assignSession', () => {
  async function prepared() {
    const made = await createMentorship(d, input({ firstSessionAt: NOW + 2 * DAY }), NOW - DAY);
    const pending = await setTopic(d, made.session.id, 'Goals', 'mentee', NOW - DAY);
    await d.put('sessions', {
      ...pending,
      actionItems: [{ id: 'a-1', text: 'Bring the goals list', createdAt: NOW - DAY }],
    });
    const live = await startLiveSession(
      d,
      { platform: 'meet', meetingKey: 'meet:xyz-abcd-efg' },
      NOW,
    );
    expect(live.mentorshipId).toBeNull();
    return { ...made, live };
  }

  it("folds the live record into the mentorship's pending session, moving notes and items", async () => {
    const { mentorship, session, live } = await prepared();
    await savePreNote(d, live, 'mentor', 'Noted during the call', NOW + MIN);
    const withItem = await editActionItems(d, live.id, { add: 'Send the article' }, NOW + 2 * MIN);
    const next = await assignSession(d, live.id, mentorship.id, NOW + 3 * MIN);
    expect(next).toMatchObject({
      id: session.id,
      mentorshipId: mentorship.id,
      kind: 'first',
      status: 'live',
      scheduledAt: NOW + 2 * DAY,
      platform: 'meet',
      meetingKey: 'meet:xyz-abcd-efg',
      startedAt: NOW,
      topic: { text: 'Goals', by: 'mentee', at: NOW - DAY, history: [] },
    });
    expect(next.actionItems.map((a) => a.text)).toEqual([
      'Bring the goals list',
      ...withItem.actionItems.map((a) => a.text),
    ]);
    expect(await d.get('sessions', live.id)).toBeUndefined();
    expect(await d.get('sessions', session.id)).toEqual(next);
    expect(await notesOf(d, live.id)).toEqual([]);
    expect(await getPreNote(d, session.id, 'mentor')).toEqual({
      id: `${session.id}:pre:mentor`,
      sessionId: session.id,
      mentorshipId: mentorship.id,
      kind: 'pre-session',
      author: 'mentor',
      text: 'Noted during the call',
      updatedAt: NOW + MIN,
    });
  });

  it('gives the record to the mentorship when its next session is more than a week off', async () => {
    const { mentorship } = await createMentorship(
      d,
      input({ firstSessionAt: NOW + 10 * DAY }),
      NOW - DAY,
    );
    const live = await startLiveSession(d, { platform: 'zoom' }, NOW);
    const next = await assignSession(d, live.id, mentorship.id, NOW);
    expect(next).toEqual({ ...live, mentorshipId: mentorship.id, adHoc: false, kind: 'first' });
    expect(await d.count('sessions')).toBe(2);
  });

  it('marks an ad hoc call', async () => {
    const { live } = await prepared();
    const next = await assignSession(d, live.id, null, NOW);
    expect(next).toEqual({ ...live, mentorshipId: null, adHoc: true });
    expect(await d.get('sessions', live.id)).toEqual(next);
  });

  it('refuses a mentorship or a session that no longer exists, changing nothing', async () => {
    const { live, session } = await prepared();
    const before = await d.getAll('sessions');
    await expect(assignSession(d, live.id, 'gone', NOW)).rejects.toThrow(
      'That mentorship no longer exists.',
    );
    await expect(assignSession(d, 'gone', session.mentorshipId, NOW)).rejects.toThrow(
      'That session no longer exists.',
    );
    expect(await d.getAll('sessions')).toEqual(before);
  });
});

describe('editActionItems', () => {
  it('adds, ticks off and ticks back on', async () => {
    const { session } = await createMentorship(d, input(), NOW);
    const added = await editActionItems(d, session.id, { add: '  Read chapter 3 ' }, NOW);
    const [item] = added.actionItems;
    expect(item).toEqual({ id: expect.any(String), text: 'Read chapter 3', createdAt: NOW });
    if (!item) throw new Error('no item');
    const done = await editActionItems(d, session.id, { toggle: item.id }, NOW + MIN);
    expect(done.actionItems).toEqual([{ ...item, doneAt: NOW + MIN }]);
    const undone = await editActionItems(d, session.id, { toggle: item.id }, NOW + 2 * MIN);
    expect(undone.actionItems).toEqual([item]);
    expect(Object.keys(undone.actionItems[0] ?? {})).not.toContain('doneAt');
    expect((await d.get('sessions', session.id))?.actionItems).toEqual([item]);
  });

  it('refuses an empty item and a missing session, writing nothing', async () => {
    const { session } = await createMentorship(d, input(), NOW);
    await expect(editActionItems(d, session.id, { add: '   ' }, NOW)).rejects.toThrow(
      'Write the action item first.',
    );
    await expect(editActionItems(d, 'gone', { add: 'x' }, NOW)).rejects.toThrow(
      'That session no longer exists.',
    );
    expect((await d.get('sessions', session.id))?.actionItems).toEqual([]);
  });
});

describe('loadLiveView', () => {
  it('shows the session, its mentorship, every mentorship and its notes', async () => {
    const { mentorship, session } = await createMentorship(
      d,
      input({ firstSessionAt: NOW }),
      NOW - DAY,
    );
    const other = await createMentorship(d, input({ otherName: 'Ben' }), NOW);
    const note = await savePreNote(d, session, 'mentee', 'Thoughts', NOW);
    expect(await loadLiveView(d, session.id)).toEqual({
      session,
      mentorship,
      mentorships: [mentorship, other.mentorship],
      notes: [note],
    });
  });

  it('shows the mentorships alone without a session, and nothing for a gone one', async () => {
    const { mentorship } = await createMentorship(d, input(), NOW);
    expect(await loadLiveView(d, undefined)).toEqual({ mentorships: [mentorship], notes: [] });
    expect(await loadLiveView(d, 'gone')).toEqual({
      session: undefined,
      mentorship: undefined,
      mentorships: [mentorship],
      notes: [],
    });
  });

  it('shows an unassigned live record without a mentorship', async () => {
    const live = await startLiveSession(d, { platform: 'meet' }, NOW);
    const view = await loadLiveView(d, live.id);
    expect(view.session).toEqual(live);
    expect(view.mentorship).toBeUndefined();
  });
});

describe('applyImport', () => {
  const pack: Pack = {
    v: 1,
    kind: 'pre-session',
    from: 'mentee',
    topic: 'Discovery sprint',
    notes: 'Two interviews done.',
    createdAt: '2026-11-02T18:00:00.000Z',
    mentorship: { id: 'their-id', mentorName: 'Chidi', menteeName: 'Ana' },
    session: { scheduledAt: '2026-11-05T10:00:00.000Z' },
    actionItems: ['Bring the interview guide'],
  };

  async function planned() {
    const { mentorship } = await createMentorship(d, input(), NOW - DAY);
    const plan = planImport(pack, {
      mentorships: await d.getAll('mentorships'),
      sessions: await d.getAll('sessions'),
      notes: await d.getAll('notes'),
      now: NOW,
    });
    if (plan.needsChoice) throw new Error('expected one mentorship');
    return { mentorship, plan };
  }

  it('writes the pairing, the session, its topic, notes and action items', async () => {
    const { mentorship, plan } = await planned();
    expect(plan.pairWith).toBe('their-id');
    await applyImport(d, plan, 'mentee', NOW);
    expect((await d.get('mentorships', mentorship.id))?.pairId).toBe('their-id');
    const session = await d.get('sessions', plan.session.id);
    expect(session).toMatchObject({
      mentorshipId: mentorship.id,
      topic: { text: 'Discovery sprint', by: 'mentee', at: NOW, history: [] },
      actionItems: [{ text: 'Bring the interview guide', createdAt: NOW }],
    });
    expect((await getPreNote(d, plan.session.id, 'mentee'))?.text).toBe('Two interviews done.');
  });

  it('writes nothing for a plan with nothing in it', async () => {
    const { mentorship, session } = await createMentorship(d, input(), NOW);
    const before = await counts();
    await applyImport(
      d,
      { needsChoice: false, mentorship, session, isNew: false, changes: [], fingerprint: 'f' },
      'mentee',
      NOW,
    );
    expect(await counts()).toEqual(before);
    expect(await d.get('sessions', session.id)).toEqual(session);
  });

  // One transaction: a write that fails (a full disk, say) after the pairing and the notes were
  // written leaves none of them. The failure is injected into the last write, the session's.
  it('is all or nothing when its last write fails', async () => {
    const { mentorship, plan } = await planned();
    const before = {
      mentorships: await d.getAll('mentorships'),
      sessions: await d.getAll('sessions'),
      notes: await d.getAll('notes'),
    };
    await expect(applyImport(failingSessionWrites(d), plan, 'mentee', NOW)).rejects.toThrow(
      'The disk is full.',
    );
    expect(await d.getAll('mentorships')).toEqual(before.mentorships);
    expect(await d.getAll('sessions')).toEqual(before.sessions);
    expect(await d.getAll('notes')).toEqual(before.notes);
    expect((await d.get('mentorships', mentorship.id))?.pairId).toBeUndefined();
  });
});

/** The same database, except that a write to `sessions` fails and aborts its transaction. */
function failingSessionWrites(real: Db): Db {
  const bound = <T extends object>(target: T, prop: string | symbol) => {
    const value = Reflect.get(target, prop);
    return typeof value === 'function' ? value.bind(target) : value;
  };
  return new Proxy(real, {
    get(target, prop) {
      if (prop !== 'transaction') return bound(target, prop);
      return (...args: Parameters<Db['transaction']>) => {
        const tx = target.transaction(...args);
        // This test makes the transaction fail, so it also takes its rejection.
        tx.done.catch(() => {});
        return new Proxy(tx, {
          get(t, p) {
            if (p !== 'objectStore') return bound(t, p);
            return (name: string) => {
              const store = t.objectStore(name as never);
              if (name !== 'sessions') return store;
              return new Proxy(store, {
                get(s, k) {
                  if (k !== 'put') return bound(s, k);
                  return (_value: SessionRecord) => {
                    t.abort();
                    return Promise.reject(new Error('The disk is full.'));
                  };
                },
              });
            };
          },
        });
      };
    },
  });
}
