import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../lib/limits';
import { createMentorship } from '../../../lib/repos/mentorships';
import { getPreNote, noteId, notesOf, savePreNote } from '../../../lib/repos/notes';
import { input } from '../rules/agreement-cases';
import { expectUserError, rejectionOf } from '../sentences';
import { useDb, watchAnnouncements } from './db';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
/** 2026-11-03 10:00 UTC. */
const NOW = Date.UTC(2026, 10, 3, 10, 0);

const db = useDb();
const notices = watchAnnouncements();

describe('pre-session notes', () => {
  it('saves, reads back and overwrites one note per author', async () => {
    const d = db.get();
    const { session } = await createMentorship(d, input({ firstSessionAt: NOW + DAY }), NOW);
    expect(await getPreNote(d, session.id, 'mentee')).toBeUndefined();
    notices.reset();
    const first = await savePreNote(
      d,
      session,
      'mentee',
      'Two interviews done.\n- Is 5 enough?',
      NOW,
    );
    expect(notices.count()).toBe(1);
    expect(first.id).toBe(noteId(session.id, 'mentee'));
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

  it('takes 2,000,000 characters and refuses more, keeping the note as it was', async () => {
    const d = db.get();
    const { session } = await createMentorship(d, input(), NOW);
    await savePreNote(d, session, 'mentee', 'x'.repeat(LIMITS.note), NOW);
    expectUserError(
      await rejectionOf(savePreNote(d, session, 'mentee', 'y'.repeat(LIMITS.note + 1), NOW + MIN)),
      'text-too-long',
      'That text is too long; 2,000,000 characters at most.',
    );
    expect((await getPreNote(d, session.id, 'mentee'))?.text).toBe('x'.repeat(LIMITS.note));
  });
});
