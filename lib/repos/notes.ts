// The notes repository: each side's pre-session thoughts, one note per session and author,
// saved as they are typed.

import type { Db } from '../db';
import { checkLength, LIMITS } from '../limits';
import type { Note, Role, SessionRecord } from '../records';
import { write } from './tx';

export function noteId(sessionId: string, author: Role): string {
  return `${sessionId}:pre:${author}`;
}

/** The note a session's pre-session thoughts by `author` are kept in. */
export function preNoteOf(
  session: Pick<SessionRecord, 'id' | 'mentorshipId'>,
  author: Role,
  text: string,
  now: number,
): Note {
  return {
    id: noteId(session.id, author),
    sessionId: session.id,
    mentorshipId: session.mentorshipId,
    kind: 'pre-session',
    author,
    text,
    updatedAt: now,
  };
}

export async function getPreNote(d: Db, sessionId: string, author: Role) {
  return d.get('notes', noteId(sessionId, author));
}

export async function notesOf(d: Db, sessionId: string): Promise<Note[]> {
  return d.getAllFromIndex('notes', 'bySession', sessionId);
}

/** Saves one side's pre-session thoughts; refuses text over LIMITS.note. */
export async function savePreNote(
  d: Db,
  session: Pick<SessionRecord, 'id' | 'mentorshipId'>,
  author: Role,
  text: string,
  now: number,
): Promise<Note> {
  const long = checkLength(text, LIMITS.note);
  if (long) throw long;
  const note = preNoteOf(session, author, text, now);
  await write(d, ['notes'], (tx) => tx.store.put(note));
  return note;
}
