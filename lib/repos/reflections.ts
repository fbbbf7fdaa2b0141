// The reflections repository: this user's reflection on a session, saved as it is typed.
// Completing it marks the session reflected, in the same write.

import type { Db } from '../db';
import { UserError } from '../errors';
import { checkLength, inRange, isTime, LIMITS, RANGES } from '../limits';
import type { Reflection, Role, SessionRecord } from '../records';
import { found, write } from './tx';

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
  return null;
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
    await tx.objectStore('reflections').put(reflection);
    if (reflection.complete && session.status === 'ended') {
      await sessions.put({ ...session, status: 'reflected' });
    }
  });
}

/** Sessions that ended and still wait for this user's reflection (not done, not dismissed). */
export async function unreflectedSessions(d: Db): Promise<SessionRecord[]> {
  const ended = await d.getAllFromIndex('sessions', 'byStatus', 'ended');
  return ended
    .filter((s) => !s.reflectionDismissed)
    .sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0));
}
