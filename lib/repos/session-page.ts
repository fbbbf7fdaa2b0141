// The one read a session's page needs (opened from History, or from the popup's "waiting for a
// reflection"): the session, its mentorship, both sides' notes, its action items, my reflection,
// my own focus figure, and the held sessions before and after it. One read transaction, so all
// of it is one consistent moment.

import type { Db } from '../db';
import { UserError } from '../errors';
import type { Mentorship, Note, Reflection, Role, SessionRecord } from '../records';
import { type SessionActionItems, sessionActionItems } from '../rules/action-items';
import { neighboursOf } from '../rules/history';
import { noteId } from './notes';
import { reflectionId } from './reflections';
import { read } from './tx';

export interface SessionPage {
  session: SessionRecord;
  /** Absent for a call that belongs to no mentorship (or one whose mentorship is gone). */
  mentorship?: Mentorship;
  /** My role in it (the mentorship's); absent without a mentorship. */
  myRole?: Role;
  /** Each side's note, by author. */
  notes: { mine?: Note; theirs?: Note; byAuthor: Partial<Record<Role, Note>> };
  actionItems: SessionActionItems;
  /** My reflection on it, as stored (complete, or reopened, or begun). */
  reflection?: Reflection;
  /** My own focus figures; the other person's are never kept. */
  focus?: SessionRecord['focus'];
  /** The held sessions of the same mentorship just before and after it. */
  previousId?: string;
  nextId?: string;
}

const other = (role: Role): Role => (role === 'mentor' ? 'mentee' : 'mentor');

/** Everything a session's page shows; a session deleted refuses (`session-gone`). */
export async function loadSessionPage(d: Db, sessionId: string): Promise<SessionPage> {
  const page = await read(d, ['sessions', 'mentorships', 'notes', 'reflections'], async (tx) => {
    const sessions = tx.objectStore('sessions');
    const session = await sessions.get(sessionId);
    if (!session) return undefined;
    const mentorshipId = session.mentorshipId;
    const [mentorship, theirs, notes, reflections] = await Promise.all([
      mentorshipId ? tx.objectStore('mentorships').get(mentorshipId) : undefined,
      mentorshipId ? sessions.index('byMentorship').getAll(mentorshipId) : [],
      tx.objectStore('notes').index('bySession').getAll(sessionId),
      tx.objectStore('reflections').index('bySession').getAll(sessionId),
    ]);
    return { session, mentorship, theirs, notes, reflections };
  });
  if (!page) throw new UserError('session-gone');
  const { session, mentorship, theirs, notes, reflections } = page;
  const myRole = mentorship?.myRole;
  const byAuthor: Partial<Record<Role, Note>> = {};
  for (const role of ['mentor', 'mentee'] as const) {
    const note = notes.find((n) => n.id === noteId(sessionId, role));
    if (note) byAuthor[role] = note;
  }
  // Without a mentorship there is no role to go by: the reflection there is, is mine.
  const reflection = myRole
    ? reflections.find((r) => r.id === reflectionId(sessionId, myRole))
    : reflections[0];
  return {
    session,
    ...(mentorship ? { mentorship, myRole } : {}),
    notes: {
      ...(myRole && byAuthor[myRole] ? { mine: byAuthor[myRole] } : {}),
      ...(myRole && byAuthor[other(myRole)] ? { theirs: byAuthor[other(myRole)] } : {}),
      byAuthor,
    },
    actionItems: sessionActionItems(session),
    ...(reflection ? { reflection } : {}),
    ...(session.focus ? { focus: session.focus } : {}),
    ...neighboursOf(session, theirs),
  };
}
