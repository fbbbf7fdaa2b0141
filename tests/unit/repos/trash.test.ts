import { IDBObjectStore } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../lib/db';
import type { SessionRecord } from '../../../lib/records';
import { createMentorship, deleteMentorship } from '../../../lib/repos/mentorships';
import { clearNote, savePreNote } from '../../../lib/repos/notes';
import { changeReflection } from '../../../lib/repos/reflections';
import { removeActionItem, removeFromHistory } from '../../../lib/repos/session-deletes';
import { editActionItems } from '../../../lib/repos/sessions';
import { pendingUndos, purgeTrash, undoDelete } from '../../../lib/repos/trash';
import { UNDO_WINDOW_MS } from '../../../lib/rules/trash';
import { input } from '../rules/agreement-cases';
import { expectUserError, rejectionOf } from '../sentences';
import { everything, records, useDb, watchAnnouncements } from './db';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** 2026-11-03 10:00 UTC. */
const NOW = Date.UTC(2026, 10, 3, 10, 0);

const db = useDb();
const notices = watchAnnouncements();

/** A mentorship with one held session holding an item, a note and a reflection. */
async function seed(d: Db = db.get()) {
  const { mentorship, session } = await createMentorship(d, input(), NOW - 10 * HOUR);
  const held: SessionRecord = {
    ...session,
    status: 'ended',
    startedAt: NOW - 2 * HOUR,
    endedAt: NOW - HOUR,
  };
  await d.put('sessions', held);
  const withItem = await editActionItems(d, held.id, { add: 'Read chapter 3' }, NOW - HOUR);
  await savePreNote(d, held, 'mentee', 'My thoughts', NOW - HOUR);
  await changeReflection(
    d,
    {
      sessionId: held.id,
      role: 'mentor',
      catalogueVersion: 2,
      answers: { 'mentor.listened': { score: 4, note: 'Mostly' } },
      complete: true,
    },
    NOW - HOUR,
  );
  const item = withItem.actionItems[0];
  if (!item) throw new Error('setup');
  return { mentorship, session: withItem, item };
}

describe('undoDelete', () => {
  it('puts back what a delete removed, in one write, announced once', async () => {
    const d = db.get();
    const { session, item } = await seed();
    const before = await records(d);
    const deleted = await removeActionItem(d, session.id, item.id, NOW);
    expect(deleted).toEqual({
      token: expect.any(String),
      what: 'action-item',
      deletedAt: NOW,
      undoUntil: NOW + UNDO_WINDOW_MS,
    });
    expect((await d.get('sessions', session.id))?.actionItems).toEqual([]);
    notices.reset();
    expect(await undoDelete(d, deleted.token, NOW + 5_000)).toEqual({
      what: 'action-item',
      again: false,
    });
    expect(notices.count()).toBe(1);
    expect(await records(d)).toEqual(before);
  });

  it('works after the database was closed and opened again (a restart)', async () => {
    const { mentorship } = await seed();
    const before = await records(db.get());
    const deleted = await deleteMentorship(db.get(), mentorship.id, NOW);
    const reopened = await db.reopen();
    expect(await reopened.count('sessions')).toBe(0);
    await undoDelete(reopened, deleted.token, NOW + UNDO_WINDOW_MS);
    expect(await records(reopened)).toEqual(before);
  });

  it('is cleanly gone after the window, across a restart too: nothing restored, trash purged', async () => {
    const { mentorship } = await seed();
    const deleted = await deleteMentorship(db.get(), mentorship.id, NOW);
    const gone = await records(db.get());
    const reopened = await db.reopen();
    notices.reset();
    expectUserError(
      await rejectionOf(undoDelete(reopened, deleted.token, NOW + UNDO_WINDOW_MS + 1)),
      'undo-expired',
      'It is too late to undo that; it was deleted for good.',
    );
    expect(await records(reopened)).toEqual(gone);
    expect(await reopened.count('trash')).toBe(0);
    expect(notices.count()).toBe(0);
    // And stays refused.
    expectUserError(await rejectionOf(undoDelete(reopened, deleted.token, NOW)), 'undo-expired');
  });

  it('undone twice changes nothing the second time', async () => {
    const d = db.get();
    const { session } = await seed();
    const deleted = await removeFromHistory(d, session.id, NOW);
    await undoDelete(d, deleted.token, NOW + 1_000);
    const restored = await everything(d);
    notices.reset();
    expect(await undoDelete(d, deleted.token, NOW + 2_000)).toEqual({
      what: 'session',
      again: true,
    });
    expect(await everything(d)).toEqual(restored);
    expect(notices.count()).toBe(0);
    // The undone entry keeps no text of what was deleted.
    expect(await d.get('trash', deleted.token)).toEqual({
      token: deleted.token,
      what: 'session',
      deletedAt: NOW,
      state: 'undone',
      undoneAt: NOW + 1_000,
    });
  });

  it('restores nothing over newer text, says so, and can still be tried again', async () => {
    const d = db.get();
    const { session } = await seed();
    const deleted = await clearNote(d, session.id, 'mentee', NOW);
    await savePreNote(d, session, 'mentee', 'Written anew', NOW + 1_000);
    const before = await everything(d);
    expectUserError(
      await rejectionOf(undoDelete(d, deleted.token, NOW + 2_000)),
      'undo-conflict',
      'Not undone: it was changed elsewhere since it was deleted, and that newer text is kept.',
    );
    expect(await everything(d)).toEqual(before);
    // Emptied again: now the Undo has nothing to overwrite.
    await savePreNote(d, session, 'mentee', '', NOW + 3_000);
    await undoDelete(d, deleted.token, NOW + 4_000);
    expect((await d.get('notes', `${session.id}:pre:mentee`))?.text).toBe('My thoughts');
  });

  it('refuses, restoring nothing, when what it belonged to was deleted since', async () => {
    const d = db.get();
    const { mentorship, session, item } = await seed();
    const first = await removeActionItem(d, session.id, item.id, NOW);
    await deleteMentorship(d, mentorship.id, NOW + 1_000);
    const before = await everything(d);
    expectUserError(
      await rejectionOf(undoDelete(d, first.token, NOW + 2_000)),
      'session-gone',
      'That session no longer exists.',
    );
    expect(await everything(d)).toEqual(before);
  });

  it('is never half applied: a restore failing at its last write restores nothing', async () => {
    const d = db.get();
    const { mentorship } = await seed();
    const before = await records(d);
    const deleted = await deleteMentorship(d, mentorship.id, NOW);
    const gone = await everything(d);
    const put = IDBObjectStore.prototype.put;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      value: unknown,
      key?: IDBValidKey,
    ) {
      // The mark that the entry was undone is the Undo's last write.
      if ((value as { state?: string }).state === 'undone') {
        throw new DOMException('Disk full', 'QuotaExceededError');
      }
      return put.call(this, value, key);
    });
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expectUserError(await rejectionOf(undoDelete(d, deleted.token, NOW + 1_000)), 'storage-full');
    } finally {
      spy.mockRestore();
      log.mockRestore();
    }
    expect(await everything(d)).toEqual(gone);
    // The entry still waits, so the Undo can be tried again.
    await undoDelete(d, deleted.token, NOW + 2_000);
    expect(await records(d)).toEqual(before);
  });

  it('refuses a token it never gave', async () => {
    expectUserError(await rejectionOf(undoDelete(db.get(), 'nope', NOW)), 'undo-expired');
  });
});

describe('purging the trash', () => {
  it('drops expired entries on the next delete, and on purgeTrash', async () => {
    const d = db.get();
    const { session, item } = await seed();
    const old = await removeActionItem(d, session.id, item.id, NOW);
    const later = NOW + UNDO_WINDOW_MS + 1;
    const fresh = await clearNote(d, session.id, 'mentee', later);
    expect((await d.getAll('trash')).map((e) => e.token)).toEqual([fresh.token]);
    expect(old.token).not.toBe(fresh.token);
    notices.reset();
    expect(await purgeTrash(d, later + 1)).toBe(0);
    expect(await purgeTrash(d, later + UNDO_WINDOW_MS + 1)).toBe(1);
    expect(await d.count('trash')).toBe(0);
    expect(notices.count()).toBe(0);
  });

  it('lists what can still be undone, the latest first, for a page opened again', async () => {
    const d = db.get();
    const { session, item } = await seed();
    const a = await removeActionItem(d, session.id, item.id, NOW);
    const b = await clearNote(d, session.id, 'mentee', NOW + 1_000);
    expect(await pendingUndos(d, NOW + 2_000)).toEqual([b, a]);
    await undoDelete(d, b.token, NOW + 3_000);
    expect(await pendingUndos(d, NOW + 3_000)).toEqual([a]);
    expect(await pendingUndos(d, NOW + UNDO_WINDOW_MS + 1)).toEqual([]);
  });
});
