// Deleting what a session holds, each delete undoable: an action item, the topic, a booking
// (cancelled), and a held call that was no mentoring session (removed from history with its
// notes and reflection). Each is one write that also puts what it removed into the trash
// (lib/repos/trash.ts); `undoDelete(d, deleted.token, now)` puts it back.
//
// "Not a mentoring session" deletes the session rather than flagging it: the person expects it
// gone from history, trends, search, the schedule's kinds and share packs, which a flag would
// need every one of those readers to honour (and every backup and pack to carry); the trash
// makes the delete undoable all the same.

import type { Db } from '../db';
import { UserError } from '../errors';
import type { SessionRecord } from '../records';
import { cancelKeepsPreparation, firstAfterRemoval } from '../rules/schedule';
import { type Deleted, putInTrash, takeSessionRecords } from './trash';
import { found, type WriteTx, write } from './tx';

/** Deletes one action item of a session. */
export function removeActionItem(
  d: Db,
  sessionId: string,
  itemId: string,
  now: number,
): Promise<Deleted> {
  return write(d, ['trash', 'sessions'], async (tx) => {
    const sessions = tx.objectStore('sessions');
    const s = found(await sessions.get(sessionId), 'session-gone');
    const index = s.actionItems.findIndex((a) => a.id === itemId);
    const item = found(s.actionItems[index], 'action-item-gone');
    await sessions.put({ ...s, actionItems: s.actionItems.filter((a) => a.id !== itemId) });
    return putInTrash(tx, 'action-item', { kind: 'action-item', sessionId, item, index }, now);
  });
}

/** Deletes a session's topic, with the versions it kept. */
export function clearTopic(d: Db, sessionId: string, now: number): Promise<Deleted> {
  return write(d, ['trash', 'sessions'], async (tx) => {
    const sessions = tx.objectStore('sessions');
    const s = found(await sessions.get(sessionId), 'session-gone');
    const { topic, ...rest } = s;
    if (!topic) throw new UserError('nothing-to-change');
    await sessions.put(rest);
    return putInTrash(tx, 'topic', { kind: 'topic', sessionId, topic }, now);
  });
}

type RemovalTx = WriteTx<['trash', 'sessions', 'notes', 'reflections']>;

/**
 * Deletes a session with its notes and reflections, in the write: when it was the first
 * session and nothing else was held, the earliest booking left becomes the first.
 */
async function removeWhole(
  tx: RemovalTx,
  s: SessionRecord,
  what: 'booking' | 'session',
  now: number,
): Promise<Deleted> {
  const sessions = tx.objectStore('sessions');
  const remaining = s.mentorshipId
    ? (await sessions.index('byMentorship').getAll(s.mentorshipId)).filter((x) => x.id !== s.id)
    : [];
  const rekinded = firstAfterRemoval(s, remaining);
  for (const r of rekinded) {
    const other = remaining.find((x) => x.id === r.sessionId);
    if (other) await sessions.put({ ...other, kind: r.to });
  }
  const taken = await takeSessionRecords(tx, [s]);
  return putInTrash(
    tx,
    what,
    { kind: 'records', mentorships: [], sessions: [s], ...taken, rekinded },
    now,
  );
}

/**
 * Cancels a booking. One that holds something prepared (a topic, action items, a note) keeps
 * it: the session only loses its date, and the next booking gets it with what was prepared.
 * Any other booking is deleted (with an empty note, if any). Only a session still to come can
 * be cancelled (`not-booked`).
 */
export function cancelBooking(d: Db, sessionId: string, now: number): Promise<Deleted> {
  return write(d, ['trash', 'sessions', 'notes', 'reflections'], async (tx) => {
    const sessions = tx.objectStore('sessions');
    const s = found(await sessions.get(sessionId), 'session-gone');
    if (s.status !== 'scheduled') throw new UserError('not-booked');
    const notes = await tx.objectStore('notes').index('bySession').getAll(s.id);
    if (cancelKeepsPreparation(s, notes) && s.scheduledAt !== undefined) {
      const { scheduledAt, ...undated } = s;
      await sessions.put(undated);
      return putInTrash(tx, 'booking', { kind: 'booking-date', sessionId, scheduledAt }, now);
    }
    return removeWhole(tx, s, 'booking', now);
  });
}

/**
 * A held call was no mentoring session: deletes it with its notes and reflection, so it leaves
 * history, trends and search. Refuses a booking still to come (`not-held`: cancel it instead)
 * and a call still going on (`session-live`).
 */
export function removeFromHistory(d: Db, sessionId: string, now: number): Promise<Deleted> {
  return write(d, ['trash', 'sessions', 'notes', 'reflections'], async (tx) => {
    const s = found(await tx.objectStore('sessions').get(sessionId), 'session-gone');
    if (s.status === 'live') throw new UserError('session-live');
    if (s.status === 'scheduled') throw new UserError('not-held');
    return removeWhole(tx, s, 'session', now);
  });
}
