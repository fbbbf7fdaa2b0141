import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../lib/records';
import { createMentorship } from '../../../lib/repos/mentorships';
import { savePreNote } from '../../../lib/repos/notes';
import { changeReflection } from '../../../lib/repos/reflections';
import { loadSessionPage } from '../../../lib/repos/session-page';
import { input } from '../rules/agreement-cases';
import { expectUserError, rejectionOf } from '../sentences';
import { useDb, watchAnnouncements } from './db';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
/** 2026-11-03 10:00 UTC. */
const NOW = Date.UTC(2026, 10, 3, 10, 0);

const db = useDb();
const notices = watchAnnouncements();

const heldAt = (
  id: string,
  mentorshipId: string | null,
  at: number,
  over: Partial<SessionRecord> = {},
): SessionRecord => ({
  id,
  mentorshipId,
  kind: 'regular',
  status: 'reflected',
  scheduledAt: at,
  startedAt: at,
  endedAt: at + 45 * MIN,
  actionItems: [],
  ...over,
});

describe('loadSessionPage', () => {
  it('reads everything a session page shows in one go, announcing nothing', async () => {
    const d = db.get();
    const { mentorship: m } = await createMentorship(
      d,
      input({ myRole: 'mentee' }),
      NOW - 60 * DAY,
    );
    const { mentorship: other } = await createMentorship(d, input(), NOW - 60 * DAY);
    const focus = { awayMs: 60_000, count: 1, longestMs: 60_000, presentShare: 0.98 };
    const items = [
      { id: 'a', text: 'Read chapter 3', createdAt: NOW - 14 * DAY, doneAt: NOW - 10 * DAY },
      { id: 'b', text: 'Book the interviews', createdAt: NOW - 14 * DAY },
    ];
    const first = heldAt('s1', m.id, NOW - 21 * DAY);
    const second = heldAt('s2', m.id, NOW - 14 * DAY, { actionItems: items, focus });
    const third = heldAt('s3', m.id, NOW - 7 * DAY, { status: 'ended' });
    const elsewhere = heldAt('o1', other.id, NOW - 10 * DAY);
    const booked: SessionRecord = {
      id: 's4',
      mentorshipId: m.id,
      kind: 'regular',
      status: 'scheduled',
      scheduledAt: NOW + DAY,
      actionItems: [],
    };
    for (const s of [first, second, third, elsewhere, booked]) await d.put('sessions', s);
    const mine = await savePreNote(d, second, 'mentee', 'What I want to ask', NOW - 15 * DAY);
    const theirs = await savePreNote(d, second, 'mentor', 'Ask about pricing', NOW - 15 * DAY);
    const reflection = await changeReflection(
      d,
      {
        sessionId: second.id,
        role: 'mentee',
        catalogueVersion: 2,
        answers: { 'mentee.clear': { score: 5 } },
        complete: true,
      },
      NOW - 14 * DAY,
    );
    // The other role's reflection (a role changed since) is not mine.
    await changeReflection(
      d,
      { sessionId: second.id, role: 'mentor', catalogueVersion: 2, answers: {} },
      NOW - 14 * DAY,
    );
    notices.reset();
    const page = await loadSessionPage(d, second.id);
    expect(page).toEqual({
      session: { ...second, status: 'reflected' },
      mentorship: m,
      myRole: 'mentee',
      notes: { mine, theirs, byAuthor: { mentee: mine, mentor: theirs } },
      actionItems: { planned: items, done: [items[0]], carriedForward: [items[1]] },
      reflection,
      focus,
      previousId: 's1',
      nextId: 's3',
    });
    expect(notices.count()).toBe(0);
    expect((await loadSessionPage(d, first.id)).previousId).toBeUndefined();
    expect(await loadSessionPage(d, third.id)).toMatchObject({ previousId: 's2' });
    expect(await loadSessionPage(d, third.id)).not.toHaveProperty('nextId');
    expect(await loadSessionPage(d, booked.id)).toMatchObject({ previousId: 's3' });
  });

  it('reads a call of no mentorship, with its only reflection', async () => {
    const d = db.get();
    const call = heldAt('adhoc', null, NOW - DAY, { adHoc: true });
    await d.put('sessions', call);
    const reflection = await changeReflection(
      d,
      { sessionId: call.id, role: 'mentor', catalogueVersion: 2, answers: {} },
      NOW,
    );
    const page = await loadSessionPage(d, call.id);
    expect(page).toEqual({
      session: call,
      notes: { byAuthor: {} },
      actionItems: { planned: [], done: [], carriedForward: [] },
      reflection,
    });
  });

  it('refuses a session that is gone', async () => {
    expectUserError(
      await rejectionOf(loadSessionPage(db.get(), 'gone')),
      'session-gone',
      'That session no longer exists.',
    );
  });
});
