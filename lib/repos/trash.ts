// The trash repository: every delete puts what it removes into the `trash` store in the very
// transaction that removes it, and `undoDelete` puts it back in one transaction. The window and
// what an Undo may restore are the pure rules in lib/rules/trash.ts.
//
// Because the trash lives in IndexedDB, not in a page or the background's memory, an Undo works
// after either restarted (the entry is there, or it expired and is refused), and is never half
// applied: a restore is one transaction, and an entry is marked undone in that same one.
//
// Expired entries are purged by the next delete, by any Undo, and by `purgeTrash`, for the
// background to call as it starts and a page when its Undo bar closes, so what a person
// deleted does not stay on the disk long after its window.

import { type Db, newId } from '../db';
import { UserError } from '../errors';
import type { DeleteKind, Note, Reflection, SessionRecord, TrashEntry, Trashed } from '../records';
import {
  type CurrentRecords,
  isExpired,
  keysToRead,
  planRestore,
  UNDO_WINDOW_MS,
} from '../rules/trash';
import { read, type Store, type WriteTx, write } from './tx';

/** What a delete gives back: the token its Undo takes, and until when it can. */
export interface Deleted {
  token: string;
  what: DeleteKind;
  deletedAt: number;
  undoUntil: number;
}

const deletedOf = (e: TrashEntry): Deleted => ({
  token: e.token,
  what: e.what,
  deletedAt: e.deletedAt,
  undoUntil: e.deletedAt + UNDO_WINDOW_MS,
});

/** The trash store of a write that holds it (whichever other stores it holds). */
interface TrashStore {
  getAll(): Promise<TrashEntry[]>;
  add(entry: TrashEntry): Promise<string>;
  delete(token: string): Promise<void>;
}

/** A write over the trash and the stores a delete removes records from. */
type DeleteTx = WriteTx<Store[]>;

/** Removes the expired entries, in a write that already holds the trash store. */
async function purgeIn(store: TrashStore, now: number): Promise<number> {
  const expired = (await store.getAll()).filter((e) => isExpired(e, now));
  await Promise.all(expired.map((e) => store.delete(e.token)));
  return expired.length;
}

/**
 * Puts what a delete removed into the trash, inside the delete's own write (which must hold the
 * 'trash' store), and purges what expired.
 */
export async function putInTrash(
  tx: DeleteTx,
  what: DeleteKind,
  trashed: Trashed,
  now: number,
): Promise<Deleted> {
  await purgeIn(tx.objectStore('trash'), now);
  const entry: TrashEntry = { token: newId(), what, deletedAt: now, state: 'waiting', trashed };
  await tx.objectStore('trash').add(entry);
  return deletedOf(entry);
}

/**
 * A session's notes and reflections, deleted from their stores in the write (which holds them)
 * and returned for the trash.
 */
export async function takeSessionRecords(
  tx: DeleteTx,
  sessions: readonly SessionRecord[],
): Promise<{ notes: Note[]; reflections: Reflection[] }> {
  const notes = tx.objectStore('notes');
  const reflections = tx.objectStore('reflections');
  const [n, r] = await Promise.all([
    Promise.all(sessions.map((s) => notes.index('bySession').getAll(s.id))),
    Promise.all(sessions.map((s) => reflections.index('bySession').getAll(s.id))),
  ]);
  const taken = { notes: n.flat(), reflections: r.flat() };
  await Promise.all([
    ...sessions.map((s) => tx.objectStore('sessions').delete(s.id)),
    ...taken.notes.map((x) => notes.delete(x.id)),
    ...taken.reflections.map((x) => reflections.delete(x.id)),
  ]);
  return taken;
}

/** What an Undo did: `again` when this delete was undone already (nothing changed this time). */
export interface Undone {
  what: DeleteKind;
  again: boolean;
}

type UndoOutcome = { ok: true; undone: Undone } | { ok: false; code: 'undo-expired' };

/**
 * Puts back what the delete with `token` removed, in one transaction. Refuses with
 * `undo-expired` once the window has passed (or for a token it does not know: purged), with
 * `undo-conflict` when newer text holds a place it would restore, and with `session-gone` /
 * `mentorship-gone` when what it belonged to was deleted since; a refusal restores nothing.
 * Undoing again what was undone changes nothing (`again: true`).
 */
export async function undoDelete(d: Db, token: string, now: number): Promise<Undone> {
  const outcome = await write(
    d,
    ['trash', 'mentorships', 'sessions', 'notes', 'reflections'],
    async (tx, unchanged): Promise<UndoOutcome> => {
      const trash = tx.objectStore('trash');
      const entry = await trash.get(token);
      await purgeIn(trash, now);
      // The purge is kept (the write commits) and the refusal thrown once it has; a purge
      // changes nothing a page shows, so nothing is announced for it.
      if (!entry || isExpired(entry, now)) {
        unchanged();
        return { ok: false, code: 'undo-expired' };
      }
      if (entry.state === 'undone') {
        unchanged();
        return { ok: true, undone: { what: entry.what, again: true } };
      }
      const keys = keysToRead(entry.trashed);
      const fetch = async <T>(
        get: (key: string) => Promise<T | undefined>,
        ids: string[],
      ): Promise<Map<string, T>> => {
        const found = await Promise.all(ids.map(async (id) => [id, await get(id)] as const));
        return new Map(found.filter((x): x is readonly [string, Awaited<T>] => x[1] !== undefined));
      };
      const mentorships = tx.objectStore('mentorships');
      const sessions = tx.objectStore('sessions');
      const notes = tx.objectStore('notes');
      const reflections = tx.objectStore('reflections');
      const current: CurrentRecords = {
        mentorships: await fetch((k) => mentorships.get(k), keys.mentorships),
        sessions: await fetch((k) => sessions.get(k), keys.sessions),
        notes: await fetch((k) => notes.get(k), keys.notes),
        reflections: await fetch((k) => reflections.get(k), keys.reflections),
      };
      // Throws (aborting the write whole) when it may not restore.
      const plan = planRestore(entry.trashed, current);
      await Promise.all([
        ...plan.mentorships.map((r) => mentorships.put(r)),
        ...plan.sessions.map((r) => sessions.put(r)),
        ...plan.notes.map((r) => notes.put(r)),
        ...plan.reflections.map((r) => reflections.put(r)),
      ]);
      await trash.put({
        token: entry.token,
        what: entry.what,
        deletedAt: entry.deletedAt,
        state: 'undone',
        undoneAt: now,
      });
      return { ok: true, undone: { what: entry.what, again: false } };
    },
  );
  if (!outcome.ok) throw new UserError(outcome.code);
  return outcome.undone;
}

/** Removes every expired entry; returns how many. */
export async function purgeTrash(d: Db, now: number): Promise<number> {
  return write(d, ['trash'], async (tx, unchanged) => {
    const n = await purgeIn(tx.store, now);
    // Nothing a page shows changed: no reload for a purge.
    unchanged();
    return n;
  });
}

/**
 * The deletes that can still be undone at `now`, the latest first: a page that opens (or
 * reopens after a restart) shows their Undo bar again.
 */
export async function pendingUndos(d: Db, now: number): Promise<Deleted[]> {
  const all = await read(d, ['trash'], (tx) => tx.store.getAll());
  return all
    .filter((e) => e.state === 'waiting' && !isExpired(e, now))
    .sort((a, b) => b.deletedAt - a.deletedAt)
    .map(deletedOf);
}
