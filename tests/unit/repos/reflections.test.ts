import { describe, expect, it } from 'vitest';
import type { Reflection, SessionRecord } from '../../../lib/records';
import {
  changeReflection,
  getReflection,
  REFLECTION_HISTORY_MAX,
  reflectionId,
  reopenReflection,
  saveReflection,
  unreflectedSessions,
} from '../../../lib/repos/reflections';
import { expectUserError, rejectionOf } from '../sentences';
import { everything, useDb, watchAnnouncements } from './db';

const HOUR = 3_600_000;
/** 2026-11-03 10:00 UTC. */
const NOW = Date.UTC(2026, 10, 3, 10, 0);

const db = useDb();
const notices = watchAnnouncements();

const ended = (id: string, over: Partial<SessionRecord> = {}): SessionRecord => ({
  id,
  mentorshipId: 'm',
  kind: 'regular',
  status: 'ended',
  startedAt: NOW - HOUR,
  endedAt: NOW,
  actionItems: [],
  ...over,
});

const reflection = (over: Partial<Reflection> = {}): Reflection => ({
  id: reflectionId('s', 'mentor'),
  sessionId: 's',
  role: 'mentor',
  catalogueVersion: 2,
  answers: { 'mentor.listened': { score: 4, note: 'Mostly' } },
  complete: false,
  updatedAt: NOW,
  ...over,
});

describe('saveReflection', () => {
  it('saves as typed, and marks the session reflected once complete', async () => {
    const d = db.get();
    await d.put('sessions', ended('s'));
    notices.reset();
    await saveReflection(d, reflection());
    expect(notices.count()).toBe(1);
    expect(await getReflection(d, 's', 'mentor')).toEqual(reflection());
    expect((await d.get('sessions', 's'))?.status).toBe('ended');
    await saveReflection(d, reflection({ complete: true }));
    expect((await d.get('sessions', 's'))?.status).toBe('reflected');
    expect(await getReflection(d, 's', 'mentee')).toBeUndefined();
  });

  it('refuses a session that no longer exists, writing nothing', async () => {
    const d = db.get();
    expectUserError(
      await rejectionOf(saveReflection(d, reflection())),
      'reflection-session-gone',
      'This session no longer exists, so its reflection cannot be saved; nothing was changed.',
    );
    expect(await d.count('reflections')).toBe(0);
    expect(notices.count()).toBe(0);
  });

  it.each([
    [
      'a note over 100,000 characters',
      { answers: { q: { note: 'x'.repeat(100_001) } } },
      'text-too-long',
    ],
    ['a score of 6', { answers: { q: { score: 6 } } }, 'number-range'],
    ['a score of 2.5', { answers: { q: { score: 2.5 } } }, 'number-range'],
    ['a time a date cannot hold', { updatedAt: Number.POSITIVE_INFINITY }, 'time-invalid'],
    [
      'a question id over 200 characters',
      { answers: { ['q'.repeat(201)]: { score: 3 } } },
      'save-failed',
    ],
  ] as const)('refuses %s, as the importer would', async (_name, over, code) => {
    const d = db.get();
    await d.put('sessions', ended('s'));
    const before = await everything(d);
    expectUserError(await rejectionOf(saveReflection(d, reflection(over))), code);
    expect(await everything(d)).toEqual(before);
  });
});

describe('unreflectedSessions', () => {
  it('lists ended sessions not dismissed, the latest first', async () => {
    const d = db.get();
    await d.put('sessions', ended('old', { endedAt: NOW - 2 * HOUR }));
    await d.put('sessions', ended('new'));
    await d.put('sessions', ended('dismissed', { reflectionDismissed: true }));
    await d.put('sessions', ended('done', { status: 'reflected' }));
    expect((await unreflectedSessions(d)).map((s) => s.id)).toEqual(['new', 'old']);
  });
});

describe('changeReflection', () => {
  const base = { sessionId: 's', role: 'mentor' as const, catalogueVersion: 2 };

  it('merges two views answer by answer: neither loses what the other wrote', async () => {
    const d = db.get();
    await d.put('sessions', ended('s'));
    // The side panel and a "Reflect now" tab, both opened on the empty reflection.
    await changeReflection(d, { ...base, answers: { 'mentor.listened': { score: 4 } } }, NOW);
    await changeReflection(d, { ...base, answers: { 'mentor.empathy': { score: 5 } } }, NOW + 1);
    const got = await getReflection(d, 's', 'mentor');
    expect(got?.answers).toEqual({
      'mentor.listened': { score: 4 },
      'mentor.empathy': { score: 5 },
    });
    expect(got?.updatedAt).toBe(NOW + 1);
  });

  it('keeps a completion a stale view does not know about', async () => {
    const d = db.get();
    await d.put('sessions', ended('s'));
    await changeReflection(d, { ...base, answers: { 'mentor.listened': { score: 4 } } }, NOW);
    await changeReflection(d, { ...base, complete: true }, NOW + 1);
    // The other view, still showing "not done", changes an answer.
    await changeReflection(d, { ...base, answers: { 'mentor.listened': { score: 3 } } }, NOW + 2);
    const got = await getReflection(d, 's', 'mentor');
    expect(got?.complete).toBe(true);
    expect(got?.answers['mentor.listened']).toEqual({ score: 3 });
    expect((await d.get('sessions', 's'))?.status).toBe('reflected');
  });

  it('clears an answer on null and keeps odd question ids as plain keys', async () => {
    const d = db.get();
    await d.put('sessions', ended('s'));
    await changeReflection(
      d,
      { ...base, answers: { __proto__: { score: 2 }, 'mentor.listened': { score: 4 } } as never },
      NOW,
    );
    await changeReflection(d, { ...base, answers: { 'mentor.listened': null } }, NOW + 1);
    const got = await getReflection(d, 's', 'mentor');
    expect(Object.getPrototypeOf(got?.answers)).toBe(Object.prototype);
    expect(got?.answers['mentor.listened']).toBeUndefined();
  });

  it('refuses a change for a session that is gone, and writes nothing', async () => {
    const d = db.get();
    expectUserError(
      await rejectionOf(changeReflection(d, { ...base, complete: true }, NOW)),
      'reflection-session-gone',
    );
    expect(await getReflection(d, 's', 'mentor')).toBeUndefined();
  });
});

describe('reopening a completed reflection', () => {
  const base = { sessionId: 's', role: 'mentor' as const, catalogueVersion: 2 };

  it('keeps the completed version with when, and the change with its own time', async () => {
    const d = db.get();
    await d.put('sessions', ended('s'));
    await saveReflection(d, reflection({ complete: true }));
    notices.reset();
    const reopened = await reopenReflection(d, 's', 'mentor', NOW + HOUR);
    expect(notices.count()).toBe(1);
    expect(reopened).toEqual({
      ...reflection(),
      complete: false,
      updatedAt: NOW + HOUR,
      reopenedAt: NOW + HOUR,
      history: [{ answers: reflection().answers, completedAt: NOW }],
    });
    // Still reflected: the popup does not ask for it again.
    expect((await d.get('sessions', 's'))?.status).toBe('reflected');
    expect(await unreflectedSessions(d)).toEqual([]);
    const changed = await changeReflection(
      d,
      { ...base, answers: { 'mentor.listened': { score: 3, note: 'Less than I thought' } } },
      NOW + 2 * HOUR,
    );
    const done = await changeReflection(d, { ...base, complete: true }, NOW + 3 * HOUR);
    expect(done).toEqual({
      ...changed,
      complete: true,
      updatedAt: NOW + 3 * HOUR,
    });
    expect(done).toMatchObject({
      answers: { 'mentor.listened': { score: 3, note: 'Less than I thought' } },
      reopenedAt: NOW + HOUR,
      history: [{ answers: { 'mentor.listened': { score: 4, note: 'Mostly' } }, completedAt: NOW }],
    });
    expect(await getReflection(d, 's', 'mentor')).toEqual(done);
  });

  it('keeps the history when a view that did not know of it saves the whole reflection', async () => {
    const d = db.get();
    await d.put('sessions', ended('s'));
    await saveReflection(d, reflection({ complete: true }));
    const reopened = await reopenReflection(d, 's', 'mentor', NOW + HOUR);
    await saveReflection(d, reflection({ complete: true, updatedAt: NOW + 2 * HOUR }));
    expect(await getReflection(d, 's', 'mentor')).toMatchObject({
      reopenedAt: reopened.reopenedAt,
      history: reopened.history,
      updatedAt: NOW + 2 * HOUR,
    });
  });

  it(`keeps the last ${REFLECTION_HISTORY_MAX} completed versions`, async () => {
    const d = db.get();
    await d.put('sessions', ended('s'));
    await saveReflection(d, reflection({ complete: true }));
    for (let i = 1; i <= REFLECTION_HISTORY_MAX + 2; i++) {
      await reopenReflection(d, 's', 'mentor', NOW + i * HOUR);
      await changeReflection(d, { ...base, complete: true }, NOW + i * HOUR + 1);
    }
    const history = (await getReflection(d, 's', 'mentor'))?.history ?? [];
    expect(history).toHaveLength(REFLECTION_HISTORY_MAX);
    expect(history.at(-1)?.completedAt).toBe(NOW + (REFLECTION_HISTORY_MAX + 1) * HOUR + 1);
  });

  it('changes nothing for one open already', async () => {
    const d = db.get();
    await d.put('sessions', ended('s'));
    await saveReflection(d, reflection());
    notices.reset();
    expect(await reopenReflection(d, 's', 'mentor', NOW + HOUR)).toEqual(reflection());
    expect(notices.count()).toBe(0);
  });

  it('refuses a reflection or a session that is not there, writing nothing', async () => {
    const d = db.get();
    await d.put('sessions', ended('s'));
    const before = await everything(d);
    expectUserError(
      await rejectionOf(reopenReflection(d, 's', 'mentor', NOW)),
      'reflection-gone',
      'There is no reflection on this session yet, so there is nothing to reopen.',
    );
    expectUserError(
      await rejectionOf(reopenReflection(d, 'gone', 'mentor', NOW)),
      'reflection-session-gone',
    );
    expect(await everything(d)).toEqual(before);
  });
});
