import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../lib/limits';
import { createMentorship } from '../../../lib/repos/mentorships';
import { clearNote, getPreNote, noteId, notesOf, savePreNote } from '../../../lib/repos/notes';
import { undoDelete } from '../../../lib/repos/trash';
import { input } from '../rules/agreement-cases';
import { expectUserError, rejectionOf } from '../sentences';
import { everything, records, useDb, watchAnnouncements } from './db';

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

describe('a session another view deleted', () => {
  it('refuses a note for it, writing nothing', async () => {
    const d = db.get();
    const { session } = await createMentorship(d, input(), NOW);
    await d.delete('sessions', session.id);
    const before = await everything(d);
    notices.reset();
    expectUserError(
      await rejectionOf(savePreNote(d, session, 'mentee', 'Thoughts', NOW)),
      'session-gone',
      'That session no longer exists.',
    );
    expect(await everything(d)).toEqual(before);
    expect(notices.count()).toBe(0);
  });
});

describe('clearing a note', () => {
  it("deletes it undoably; the other side's stays", async () => {
    const d = db.get();
    const { session } = await createMentorship(d, input(), NOW);
    await savePreNote(d, session, 'mentee', 'Mine', NOW);
    await savePreNote(d, session, 'mentor', 'Theirs', NOW);
    const before = await records(d);
    const deleted = await clearNote(d, session.id, 'mentee', NOW + MIN);
    expect(deleted.what).toBe('note');
    expect((await notesOf(d, session.id)).map((n) => n.author)).toEqual(['mentor']);
    await undoDelete(d, deleted.token, NOW + MIN + 1_000);
    expect(await records(d)).toEqual(before);
  });

  it('refuses an empty or missing note, and a session that is gone', async () => {
    const d = db.get();
    const { session } = await createMentorship(d, input(), NOW);
    expectUserError(
      await rejectionOf(clearNote(d, session.id, 'mentee', NOW)),
      'nothing-to-change',
    );
    await savePreNote(d, session, 'mentee', '', NOW);
    expectUserError(
      await rejectionOf(clearNote(d, session.id, 'mentee', NOW)),
      'nothing-to-change',
    );
    expectUserError(await rejectionOf(clearNote(d, 'gone', 'mentee', NOW)), 'session-gone');
    expect(await d.count('trash')).toBe(0);
  });
});
