import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDb, db } from '../../../lib/db';
import type { SessionRecord } from '../../../lib/records';
import { endOrphanedSessions, orphanEnd, touchLiveSession } from '../../../lib/repos/live';
import { createMentorship } from '../../../lib/repos/mentorships';
import { savePreNote } from '../../../lib/repos/notes';
import { unreflectedSessions } from '../../../lib/repos/reflections';
import { setTopic } from '../../../lib/repos/sessions';

// A session the browser left live when it quit: its heartbeat, and the sweep that ends it.

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 3, 10, 0);

const live = (extra: Partial<SessionRecord> = {}): SessionRecord => ({
  id: 's1',
  mentorshipId: null,
  kind: 'regular',
  status: 'live',
  startedAt: T0,
  actionItems: [],
  ...extra,
});

beforeEach(async () => {
  fakeBrowser.reset();
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => closeDb());

describe('orphanEnd', () => {
  it.each([
    ['no heartbeat: the start plus the length', {}, 45, T0 + 10 * 60 * MIN, T0 + 45 * MIN],
    [
      'an early heartbeat: still the length',
      { aliveAt: T0 + 5 * MIN },
      45,
      T0 + 99 * MIN,
      T0 + 45 * MIN,
    ],
    [
      'a heartbeat past the length: the heartbeat',
      { aliveAt: T0 + 70 * MIN },
      45,
      T0 + 99 * MIN,
      T0 + 70 * MIN,
    ],
    ['noticed before the length was up: now', {}, 45, T0 + 20 * MIN, T0 + 20 * MIN],
    ['a length out of range is held to it', {}, 100_000, T0 + 9e9, T0 + 240 * MIN],
  ])('%s', (_name, extra, minutes, now, end) => {
    expect(orphanEnd(live(extra), minutes, now)).toBe(end);
  });
});

describe('touchLiveSession', () => {
  it('keeps the latest heartbeat and the figures so far, on a live session only', async () => {
    const d = await db();
    await d.put('sessions', live());
    await d.put('sessions', live({ id: 's2', status: 'ended', endedAt: T0 + MIN }));
    const figures = { awayMs: 1000, count: 1, longestMs: 1000, presentShare: 0.9 };
    await touchLiveSession(d, 's1', T0 + 5 * MIN, figures);
    await touchLiveSession(d, 's1', T0 + 3 * MIN);
    await touchLiveSession(d, 's2', T0 + 5 * MIN, figures);
    await touchLiveSession(d, 'gone', T0 + 5 * MIN);
    expect(await d.get('sessions', 's1')).toMatchObject({ aliveAt: T0 + 5 * MIN, focus: figures });
    expect(await d.get('sessions', 's2')).toEqual(
      live({ id: 's2', status: 'ended', endedAt: T0 + MIN }),
    );
  });
});

describe('endOrphanedSessions', () => {
  it('ends the live sessions no tab owns, keeping what was prepared for them', async () => {
    const d = await db();
    const { mentorship, session: prepared } = await createMentorship(
      d,
      { otherName: 'Ana', myRole: 'mentee', cadenceDays: 14, sessionMinutes: 30 },
      T0 - 60 * MIN,
    );
    await setTopic(d, prepared.id, 'Saying no to a VP', 'mentee', T0 - 30 * MIN);
    await savePreNote(d, prepared, 'mentee', 'My thoughts', T0 - 30 * MIN);
    const withTopic = await d.get('sessions', prepared.id);
    await d.put('sessions', {
      ...withTopic,
      status: 'live',
      startedAt: T0,
      aliveAt: T0 + 10 * MIN,
    } as SessionRecord);
    await d.put('sessions', live({ id: 'owned' }));
    await d.put('sessions', live({ id: 'adhoc' }));

    const ended = await endOrphanedSessions(d, new Set(['owned']), T0 + 12 * 60 * MIN, 50);
    expect(ended.map((s) => s.id).sort()).toEqual(['adhoc', prepared.id].sort());
    const done = await d.get('sessions', prepared.id);
    // The mentorship's length: 30 minutes; the heartbeat at 10 is earlier.
    expect(done).toMatchObject({
      status: 'ended',
      endedAt: T0 + 30 * MIN,
      mentorshipId: mentorship.id,
    });
    expect(done?.topic?.text).toBe('Saying no to a VP');
    expect(done?.aliveAt).toBeUndefined();
    expect((await d.getAllFromIndex('notes', 'bySession', prepared.id))[0]?.text).toBe(
      'My thoughts',
    );
    // No mentorship: the default length.
    expect((await d.get('sessions', 'adhoc'))?.endedAt).toBe(T0 + 50 * MIN);
    expect((await d.get('sessions', 'owned'))?.status).toBe('live');
    // Offered for reflection.
    expect((await unreflectedSessions(d)).map((s) => s.id).sort()).toEqual(
      ['adhoc', prepared.id].sort(),
    );
    // Again: nothing more to end.
    expect(await endOrphanedSessions(d, new Set(['owned']), T0 + 13 * 60 * MIN, 50)).toEqual([]);
  });
});
