// The notes repository: each side's pre-session thoughts, one note per session and author,
// saved as they are typed, and cleared undoably.

import type { Db } from '../db';
import { UserError } from '../errors';
import { checkLength, LIMITS } from '../limits';
import type { Note, Role, SessionRecord } from '../records';
import { type Deleted, putInTrash } from './trash';
import { found, write } from './tx';

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

/**
 * Saves one side's pre-session thoughts; refuses text over LIMITS.note, and a session another
 * view deleted (`session-gone`), writing nothing.
 */
export async function savePreNote(
  d: Db,
  session: Pick<SessionRecord, 'id' | 'mentorshipId'>,
  author: Role,
  text: string,
  now: number,
): Promise<Note> {
  const long = checkLength(text, LIMITS.note);
  if (long) throw long;
  return write(d, ['sessions', 'notes'], async (tx) => {
    const stored = found(await tx.objectStore('sessions').get(session.id), 'session-gone');
    // The session as stored: a call assigned to a mentorship since keeps its notes with it.
    const note = preNoteOf(stored, author, text, now);
    await tx.objectStore('notes').put(note);
    return note;
  });
}

/** Clears one side's note on a session, undoably; an empty one refuses (`nothing-to-change`). */
export async function clearNote(
  d: Db,
  sessionId: string,
  author: Role,
  now: number,
): Promise<Deleted> {
  return write(d, ['trash', 'sessions', 'notes'], async (tx) => {
    found(await tx.objectStore('sessions').get(sessionId), 'session-gone');
    const notes = tx.objectStore('notes');
    const note = await notes.get(noteId(sessionId, author));
    if (!note?.text) throw new UserError('nothing-to-change');
    await notes.delete(note.id);
    return putInTrash(
      tx,
      'note',
      {
        kind: 'records',
        mentorships: [],
        sessions: [],
        notes: [note],
        reflections: [],
        rekinded: [],
      },
      now,
    );
  });
}
