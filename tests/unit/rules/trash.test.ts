import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../lib/errors';
import type {
  ActionItem,
  Goal,
  Mentorship,
  Note,
  Reflection,
  SessionRecord,
  Trashed,
} from '../../../lib/records';
import {
  type CurrentRecords,
  isExpired,
  keysToRead,
  planRestore,
  sameRecord,
  UNDO_WINDOW_MS,
} from '../../../lib/rules/trash';
import { expectUserError } from '../sentences';

// Wednesday 11 March 2026, 10:00 UTC.
const NOW = Date.UTC(2026, 2, 11, 10, 0);

const mentorship = (id: string, over: Partial<Mentorship> = {}): Mentorship => ({
  id,
  otherName: id,
  myRole: 'mentor',
  agreement: { type: 'ad-hoc', cadenceDays: 7, sessionMinutes: 30 },
  goals: [],
  createdAt: 0,
  ...over,
});
const session = (id: string, over: Partial<SessionRecord> = {}): SessionRecord => ({
  id,
  mentorshipId: 'm',
  kind: 'regular',
  status: 'ended',
  actionItems: [],
  ...over,
});
const note = (sessionId: string, text: string): Note => ({
  id: `${sessionId}:pre:mentee`,
  sessionId,
  mentorshipId: 'm',
  kind: 'pre-session',
  author: 'mentee',
  text,
  updatedAt: NOW,
});
const reflection = (sessionId: string, over: Partial<Reflection> = {}): Reflection => ({
  id: `${sessionId}:mentor`,
  sessionId,
  role: 'mentor',
  catalogueVersion: 2,
  answers: { q: { score: 4 } },
  complete: true,
  updatedAt: NOW,
  ...over,
});
const item = (id: string, text = id): ActionItem => ({ id, text, createdAt: NOW });
const goal = (id: string, text = id): Goal => ({ id, text, createdAt: NOW });

const current = (
  over: {
    mentorships?: Mentorship[];
    sessions?: SessionRecord[];
    notes?: Note[];
    reflections?: Reflection[];
  } = {},
): CurrentRecords => ({
  mentorships: new Map((over.mentorships ?? []).map((r) => [r.id, r])),
  sessions: new Map((over.sessions ?? []).map((r) => [r.id, r])),
  notes: new Map((over.notes ?? []).map((r) => [r.id, r])),
  reflections: new Map((over.reflections ?? []).map((r) => [r.id, r])),
});

const records = (over: Partial<Extract<Trashed, { kind: 'records' }>>): Trashed => ({
  kind: 'records',
  mentorships: [],
  sessions: [],
  notes: [],
  reflections: [],
  rekinded: [],
  ...over,
});

function refusal(t: Trashed, now: CurrentRecords): unknown {
  try {
    planRestore(t, now);
  } catch (e) {
    return e;
  }
  throw new Error('expected a refusal');
}

describe('the undo window', () => {
  it.each([
    ['just deleted', 0, false],
    ['at the last moment', UNDO_WINDOW_MS, false],
    ['a moment after', UNDO_WINDOW_MS + 1, true],
    ['an hour after', 3_600_000, true],
    ['with the clock set back a little', -5_000, false],
    ['with the clock set back by more than the window', -UNDO_WINDOW_MS - 1, true],
  ])('%s is expired: %s', (_name, since, expired) => {
    expect(isExpired({ deletedAt: NOW }, NOW + since)).toBe(expired);
  });

  it('is thirty seconds', () => {
    expect(UNDO_WINDOW_MS).toBe(30_000);
  });
});

describe('sameRecord', () => {
  it.each([
    [{ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [{ a: [1, 2] }, { a: [2, 1] }, false],
    [{ a: { 0: 1 } }, { a: [1] }, false],
    [{ a: null }, { a: null }, true],
    [{ a: null }, { a: {} }, false],
  ])('%j and %j: %s', (a, b, same) => {
    expect(sameRecord(a, b)).toBe(same);
  });
});

describe('keysToRead', () => {
  it('names the records to restore and the parents they need, each once', () => {
    const t = records({
      sessions: [session('s1'), session('s2', { mentorshipId: null })],
      notes: [note('s1', 'a'), note('s3', 'b')],
      reflections: [reflection('s1')],
      rekinded: [{ sessionId: 's4', from: 'regular', to: 'first' }],
    });
    expect(keysToRead(t)).toEqual({
      mentorships: ['m'],
      sessions: ['s1', 's2', 's3', 's4'],
      notes: ['s1:pre:mentee', 's3:pre:mentee'],
      reflections: ['s1:mentor'],
    });
    expect(keysToRead({ kind: 'goal', mentorshipId: 'm', goal: goal('g'), index: 0 })).toEqual({
      mentorships: ['m'],
      sessions: [],
      notes: [],
      reflections: [],
    });
    expect(keysToRead({ kind: 'topic', sessionId: 's', topic: topic('x') }).sessions).toEqual([
      's',
    ]);
  });
});

function topic(text: string) {
  return { text, by: 'mentor' as const, at: NOW, history: [] };
}

describe('planRestore: whole records', () => {
  const s1 = session('s1');
  const deleted = records({
    mentorships: [mentorship('m')],
    sessions: [s1],
    notes: [note('s1', 'Thoughts')],
    reflections: [reflection('s1')],
  });

  it('puts back everything that is not there', () => {
    expect(planRestore(deleted, current())).toEqual({
      mentorships: [mentorship('m')],
      sessions: [s1],
      notes: [note('s1', 'Thoughts')],
      reflections: [reflection('s1')],
    });
  });

  it('leaves out what is there already, the same', () => {
    expect(
      planRestore(deleted, current({ mentorships: [mentorship('m')], sessions: [s1] })),
    ).toEqual({
      mentorships: [],
      sessions: [],
      notes: [note('s1', 'Thoughts')],
      reflections: [reflection('s1')],
    });
  });

  it('writes a note back over one emptied since', () => {
    const t = records({ notes: [note('s1', 'Thoughts')] });
    expect(planRestore(t, current({ sessions: [s1], notes: [note('s1', '')] })).notes).toEqual([
      note('s1', 'Thoughts'),
    ]);
  });

  it.each<[string, Trashed, CurrentRecords, ErrorCode]>([
    [
      'a note typed anew since',
      records({ notes: [note('s1', 'Thoughts')] }),
      current({ sessions: [s1], notes: [note('s1', 'Newer thoughts')] }),
      'undo-conflict',
    ],
    [
      'a reflection changed since',
      records({ sessions: [s1], reflections: [reflection('s1')] }),
      current({ mentorships: [mentorship('m')], reflections: [reflection('s1', { answers: {} })] }),
      'undo-conflict',
    ],
    [
      'a mentorship with that id, different',
      deleted,
      current({ mentorships: [mentorship('m', { otherName: 'Other' })] }),
      'undo-conflict',
    ],
    [
      'a session whose mentorship is gone',
      records({ sessions: [s1] }),
      current(),
      'mentorship-gone',
    ],
    [
      'a note whose session is gone',
      records({ notes: [note('s1', 'Thoughts')] }),
      current(),
      'session-gone',
    ],
  ])('refuses %s', (_name, t, now, code) => {
    expectUserError(refusal(t, now), code);
  });

  it('gives a booking made the first session its kind back, if it still is one', () => {
    const rekinded = [{ sessionId: 'b', from: 'regular' as const, to: 'first' as const }];
    const booking = session('b', { status: 'scheduled', kind: 'first' });
    const t = records({ sessions: [session('gone', { kind: 'first' })], rekinded });
    const plan = planRestore(t, current({ mentorships: [mentorship('m')], sessions: [booking] }));
    expect(plan.sessions).toEqual([
      session('gone', { kind: 'first' }),
      { ...booking, kind: 'regular' },
    ]);
    // Held since as the first session: it stays the first.
    const held = { ...booking, status: 'ended' as const };
    const later = planRestore(t, current({ mentorships: [mentorship('m')], sessions: [held] }));
    expect(later.sessions).toEqual([session('gone', { kind: 'first' })]);
  });
});

describe('planRestore: parts of a record', () => {
  it('dates a cancelled booking again, unless it was booked or held since', () => {
    const t: Trashed = { kind: 'booking-date', sessionId: 's', scheduledAt: NOW + 3_600_000 };
    const undated = session('s', { status: 'scheduled' });
    expect(planRestore(t, current({ sessions: [undated] })).sessions).toEqual([
      { ...undated, scheduledAt: NOW + 3_600_000 },
    ]);
    expectUserError(
      refusal(t, current({ sessions: [{ ...undated, scheduledAt: NOW + 7_200_000 }] })),
      'undo-conflict',
    );
    expectUserError(
      refusal(t, current({ sessions: [{ ...undated, status: 'live' }] })),
      'undo-conflict',
    );
    expectUserError(refusal(t, current()), 'session-gone');
  });

  it('puts a topic back, unless a topic was written since', () => {
    const t: Trashed = { kind: 'topic', sessionId: 's', topic: topic('Career') };
    expect(planRestore(t, current({ sessions: [session('s')] })).sessions).toEqual([
      session('s', { topic: topic('Career') }),
    ]);
    // Emptied since: nothing to lose.
    expect(
      planRestore(t, current({ sessions: [session('s', { topic: topic('') })] })).sessions,
    ).toEqual([session('s', { topic: topic('Career') })]);
    expectUserError(
      refusal(t, current({ sessions: [session('s', { topic: topic('Promotion') })] })),
      'undo-conflict',
    );
  });

  it('puts an action item back where it was', () => {
    const t: Trashed = { kind: 'action-item', sessionId: 's', item: item('b'), index: 1 };
    const s = session('s', { actionItems: [item('a'), item('c')] });
    expect(planRestore(t, current({ sessions: [s] })).sessions[0]?.actionItems).toEqual([
      item('a'),
      item('b'),
      item('c'),
    ]);
    // Fewer items now: at the end.
    const short = session('s', { actionItems: [] });
    expect(planRestore(t, current({ sessions: [short] })).sessions[0]?.actionItems).toEqual([
      item('b'),
    ]);
    // There already (the same): nothing to write.
    const there = session('s', { actionItems: [item('b')] });
    expect(planRestore(t, current({ sessions: [there] })).sessions).toEqual([]);
    const changed = session('s', { actionItems: [item('b', 'Edited')] });
    expectUserError(refusal(t, current({ sessions: [changed] })), 'undo-conflict');
    const full = session('s', {
      actionItems: Array.from({ length: 200 }, (_, i) => item(`x${i}`)),
    });
    expectUserError(
      refusal(t, current({ sessions: [full] })),
      'action-items-full',
      undefined,
      [200],
    );
    expectUserError(refusal(t, current()), 'session-gone');
  });

  it('puts a goal back where it was', () => {
    const t: Trashed = { kind: 'goal', mentorshipId: 'm', goal: goal('b'), index: 0 };
    const m = mentorship('m', { goals: [goal('a')] });
    expect(planRestore(t, current({ mentorships: [m] })).mentorships[0]?.goals).toEqual([
      goal('b'),
      goal('a'),
    ]);
    const full = mentorship('m', { goals: Array.from({ length: 200 }, (_, i) => goal(`g${i}`)) });
    expectUserError(refusal(t, current({ mentorships: [full] })), 'goals-full');
    const changed = mentorship('m', { goals: [goal('b', 'Edited')] });
    expectUserError(refusal(t, current({ mentorships: [changed] })), 'undo-conflict');
    expectUserError(refusal(t, current()), 'mentorship-gone');
  });
});
