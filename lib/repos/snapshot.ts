// Everything at once: the one consistent read the Mentorships page and backups use, restoring a
// backup, and applying a share pack's confirmed import plan. Each write is one transaction over
// the stores it touches, so it lands whole or not at all.

import { checkBackupData, type RestoreMode } from '../backup/format';
import { BACKUP_KINDS, type BackupData } from '../backup/schema';
import { type Db, newId } from '../db';
import { UserError } from '../errors';
import { checkLength, LIMITS } from '../limits';
import type { Role } from '../records';
import { changeTopic } from '../rules/topic';
import type { ImportPlan } from '../share/apply';
import { preNoteOf } from './notes';
import { found, read, write } from './tx';

/** Every record, read in one transaction so the four lists agree with each other. */
export function loadAll(d: Db): Promise<BackupData> {
  return read(d, ['mentorships', 'sessions', 'notes', 'reflections'], async (tx) => {
    const [mentorships, sessions, notes, reflections] = await Promise.all([
      tx.objectStore('mentorships').getAll(),
      tx.objectStore('sessions').getAll(),
      tx.objectStore('notes').getAll(),
      tx.objectStore('reflections').getAll(),
    ]);
    return { mentorships, sessions, notes, reflections };
  });
}

/** Waits for every queued request; throws the first failure once all have settled. */
async function settled(requests: Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(requests);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Writes a backup's records: 'merge' adds them and replaces records with the same id, keeping
 * the rest; 'replace' clears everything first, the trash included (an Undo of a delete made
 * before would put records back into data they no longer belong to). One transaction over all
 * the stores, so a record that fails to write aborts the whole restore and the database stays as
 * it was. The records are checked first, as `parseBackup` does.
 */
export async function restoreBackup(d: Db, data: BackupData, mode: RestoreMode): Promise<void> {
  // A replacing backup is checked alone, before any transaction; a merging one against what
  // the database holds too, inside the write: a note whose session is only here is no orphan.
  let clean = mode === 'replace' ? checkBackupData(data) : data;
  await write(d, [...BACKUP_KINDS, 'trash'], async (tx) => {
    if (mode === 'merge') {
      const [mentorships, sessions, notes, reflections] = await Promise.all(
        BACKUP_KINDS.map((kind) => tx.objectStore(kind).getAll()),
      );
      clean = checkBackupData(data, {
        mentorships: mentorships as BackupData['mentorships'],
        sessions: sessions as BackupData['sessions'],
        notes: notes as BackupData['notes'],
        reflections: reflections as BackupData['reflections'],
      });
    }
    // Requests on one store run in the order they are made: each clear before its puts. They
    // are queued without waiting, each with its failure taken, so one that fails after another
    // already threw is no unhandled rejection.
    const requests: Promise<unknown>[] = [];
    const queue = (request: Promise<unknown>) => {
      request.catch(() => {});
      requests.push(request);
    };
    try {
      const mentorships = tx.objectStore('mentorships');
      const sessions = tx.objectStore('sessions');
      const notes = tx.objectStore('notes');
      const reflections = tx.objectStore('reflections');
      if (mode === 'replace') {
        for (const store of [mentorships, sessions, notes, reflections]) queue(store.clear());
        queue(tx.objectStore('trash').clear());
      }
      for (const r of clean.mentorships) queue(mentorships.put(r));
      for (const r of clean.sessions) queue(sessions.put(r));
      for (const r of clean.notes) queue(notes.put(r));
      for (const r of clean.reflections) queue(reflections.put(r));
    } catch (error) {
      await Promise.allSettled(requests);
      throw error;
    }
    await settled(requests);
  });
}

type ConfirmedPlan = Extract<ImportPlan, { needsChoice: false }>;

/** Refuses a plan carrying more than the importer would take back from a backup. */
function checkPlan(plan: ConfirmedPlan): UserError | null {
  if ((plan.pairWith?.length ?? 0) > LIMITS.id) return new UserError('pack-invalid');
  const fingerprint = checkLength(plan.fingerprint, LIMITS.fingerprint);
  if (fingerprint) return fingerprint;
  for (const change of plan.changes) {
    const long =
      change.field === 'actionItems'
        ? change.added.map((text) => checkLength(text, LIMITS.actionItem)).find(Boolean)
        : checkLength(change.after, change.field === 'topic' ? LIMITS.topic : LIMITS.note);
    if (long) return long;
  }
  return null;
}

/** Applies a confirmed import plan in one transaction: all of it, or nothing. */
export async function applyImport(
  d: Db,
  plan: ConfirmedPlan,
  from: Role,
  now: number,
): Promise<void> {
  if (!plan.changes.length && !plan.pairWith && !plan.isNew) return;
  const problem = checkPlan(plan);
  if (problem) throw problem;
  await write(d, ['mentorships', 'sessions', 'notes'], async (tx) => {
    const mentorships = tx.objectStore('mentorships');
    const sessions = tx.objectStore('sessions');
    const m = found(await mentorships.get(plan.mentorship.id), 'mentorship-gone');
    const importedPacks = [
      ...(m.importedPacks ?? []).filter((f) => f !== plan.fingerprint),
      plan.fingerprint,
    ].slice(-LIMITS.importedPacks);
    await mentorships.put({
      ...m,
      ...(plan.pairWith ? { pairId: plan.pairWith } : {}),
      importedPacks,
    });
    let session = (await sessions.get(plan.session.id)) ?? plan.session;
    for (const change of plan.changes) {
      if (change.field === 'topic') {
        // The other side's text: the one before it is kept as a version, settled or not.
        const topic = changeTopic(session.topic, change.after, from, now, true);
        if (topic) session = { ...session, topic };
      } else if (change.field === 'actionItems') {
        session = {
          ...session,
          actionItems: [
            ...session.actionItems,
            ...change.added.map((text) => ({ id: newId(), text, createdAt: now })),
          ],
        };
      } else {
        const note = preNoteOf(
          { id: session.id, mentorshipId: m.id },
          change.author,
          change.after,
          now,
        );
        await tx.objectStore('notes').put(note);
      }
    }
    await sessions.put(session);
  });
}
