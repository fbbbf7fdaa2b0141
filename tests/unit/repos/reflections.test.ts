import { describe, expect, it } from 'vitest';
import type { Reflection, SessionRecord } from '../../../lib/records';
import {
  getReflection,
  reflectionId,
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
