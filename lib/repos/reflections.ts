// The reflections repository: this user's reflection on a session, saved as it is typed.
// Completing it marks the session reflected, in the same write. A completed reflection can be
// reopened (from History, the session's page) and changed: reopening keeps the completed
// version in `history` with when it was completed, and `reopenedAt`; the change itself is saved
// as any other, with its `updatedAt`.
//
//   open ──complete──▶ complete ──reopen──▶ open (reopenedAt, the completed answers in history)

import type { Db } from '../db';
import { UserError } from '../errors';
import { checkLength, inRange, isTime, LIMITS, RANGES } from '../limits';
import type { Answer, Reflection, Role, SessionRecord } from '../records';
import { found, write } from './tx';

/** Completed versions a reflection keeps; the oldest are dropped first. */
export const REFLECTION_HISTORY_MAX = LIMITS.reflectionHistory;

export function reflectionId(sessionId: string, role: Role): string {
  return `${sessionId}:${role}`;
}

export async function getReflection(d: Db, sessionId: string, role: Role) {
  return d.get('reflections', reflectionId(sessionId, role));
}

/** Refuses a reflection the importer would refuse: ids, notes and scores past their limits. */
function checkReflection(r: Reflection): UserError | null {
  if (r.id.length > LIMITS.id || r.sessionId.length > LIMITS.id) {
    return new UserError('save-failed');
  }
  if (!isTime(r.updatedAt)) return new UserError('time-invalid');
  for (const [question, answer] of Object.entries(r.answers)) {
    if (question.length > LIMITS.id) return new UserError('save-failed');
    if (answer.score !== undefined && !inRange(answer.score, RANGES.score)) {
      return new UserError('number-range', RANGES.score);
    }
    const long = checkLength(answer.note ?? '', LIMITS.answerNote);
    if (long) return long;
  }
  if (r.reopenedAt !== undefined && !isTime(r.reopenedAt)) return new UserError('time-invalid');
  if ((r.history?.length ?? 0) > REFLECTION_HISTORY_MAX) return new UserError('save-failed');
  return null;
}

/** What a save must not lose of the stored record: its history is not any view's to write. */
function keptOf(stored: Reflection | undefined): Pick<Reflection, 'reopenedAt' | 'history'> {
  return {
    ...(stored?.reopenedAt !== undefined ? { reopenedAt: stored.reopenedAt } : {}),
    ...(stored?.history ? { history: stored.history } : {}),
  };
}

/**
 * Saves a reflection as it is typed. Marking it complete also marks the session reflected; a
 * session that no longer exists refuses the save and nothing is written.
 */
export async function saveReflection(d: Db, reflection: Reflection): Promise<void> {
  const problem = checkReflection(reflection);
  if (problem) throw problem;
  await write(d, ['reflections', 'sessions'], async (tx) => {
    const sessions = tx.objectStore('sessions');
    const session = found(await sessions.get(reflection.sessionId), 'reflection-session-gone');
    const reflections = tx.objectStore('reflections');
    // A view opened before a reopening does not know its history: keep what is stored.
    const stored = await reflections.get(reflection.id);
    await reflections.put({ ...keptOf(stored), ...reflection });
    if (reflection.complete && session.status === 'ended') {
      await sessions.put({ ...session, status: 'reflected' });
    }
  });
}

/**
 * What one view changed in a reflection: the answers it touched (null clears one) and, when the
 * person ticked or unticked "done", the completion. Two views of one reflection (the side panel
 * and a tab opened from "Reflect now") each send only their own changes, merged per answer in
 * one transaction, so neither overwrites the other's answers and a stale view never writes an
 * older completion back.
 */
export interface ReflectionChange {
  sessionId: string;
  role: Role;
  catalogueVersion: number;
  answers?: Readonly<Record<string, Answer | null>>;
  complete?: boolean;
}

export async function changeReflection(
  d: Db,
  change: ReflectionChange,
  now: number,
): Promise<Reflection> {
  const id = reflectionId(change.sessionId, change.role);
  return write(d, ['reflections', 'sessions'], async (tx) => {
    const sessions = tx.objectStore('sessions');
    const session = found(await sessions.get(change.sessionId), 'reflection-session-gone');
    const reflections = tx.objectStore('reflections');
    const stored = await reflections.get(id);
    // Own properties only: a question id such as "__proto__" stays a plain key.
    const answers: Record<string, Answer> = Object.fromEntries(
      Object.entries(stored?.answers ?? {}),
    );
    for (const [question, answer] of Object.entries(change.answers ?? {})) {
      if (answer === null) delete answers[question];
      else
        Object.defineProperty(answers, question, {
          value: answer,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
    const next: Reflection = {
      id,
      sessionId: change.sessionId,
      role: change.role,
      catalogueVersion: stored?.catalogueVersion ?? change.catalogueVersion,
      answers,
      complete: change.complete ?? stored?.complete ?? false,
      updatedAt: now,
      ...keptOf(stored),
    };
    const problem = checkReflection(next);
    if (problem) throw problem;
    await reflections.put(next);
    if (next.complete && session.status === 'ended') {
      await sessions.put({ ...session, status: 'reflected' });
    }
    return next;
  });
}

/**
 * Reopens a completed reflection so it can be changed: the completed version is kept in
 * `history` (with when it was completed) and `reopenedAt` says when. The session stays
 * reflected, so the popup does not ask for it again. One open already changes nothing; one
 * that does not exist refuses (`reflection-gone`), as does a session deleted
 * (`reflection-session-gone`).
 */
export async function reopenReflection(
  d: Db,
  sessionId: string,
  role: Role,
  now: number,
): Promise<Reflection> {
  return write(d, ['reflections', 'sessions'], async (tx, unchanged) => {
    found(await tx.objectStore('sessions').get(sessionId), 'reflection-session-gone');
    const reflections = tx.objectStore('reflections');
    const stored = found(await reflections.get(reflectionId(sessionId, role)), 'reflection-gone');
    if (!stored.complete) {
      unchanged();
      return stored;
    }
    const version = { answers: stored.answers, completedAt: stored.updatedAt };
    const next: Reflection = {
      ...stored,
      complete: false,
      updatedAt: now,
      reopenedAt: now,
      history: [...(stored.history ?? []), version].slice(-REFLECTION_HISTORY_MAX),
    };
    await reflections.put(next);
    return next;
  });
}

/** Sessions that ended and still wait for this user's reflection (not done, not dismissed). */
export async function unreflectedSessions(d: Db): Promise<SessionRecord[]> {
  const ended = await d.getAllFromIndex('sessions', 'byStatus', 'ended');
  return ended
    .filter((s) => !s.reflectionDismissed)
    .sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0));
}
