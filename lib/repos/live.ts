// The sessions repository, during the call: a call going live (the matched booking, or a new
// record), ending, and being assigned to a mentorship by the user; and the one read the card
// and the side panel show.

import { type Db, newId } from '../db';
import { checkLength, LIMITS } from '../limits';
import type { Mentorship, Note, Platform, SessionRecord } from '../records';
import { kindForNew, pendingSession } from '../rules/schedule';
import { matchCall } from '../session/match';
import { listMentorships } from './mentorships';
import { noteId, notesOf } from './notes';
import { found, write } from './tx';

/**
 * A meeting key as it may be stored: one longer than LIMITS.meetingKey (no detector makes one)
 * is dropped rather than refused, so the call still becomes a session and can be exported.
 */
function boundedKey(meetingKey: string | undefined): string | undefined {
  return meetingKey === undefined || checkLength(meetingKey, LIMITS.meetingKey)
    ? undefined
    : meetingKey;
}

/**
 * A call went live: turn the matched scheduled session live, or start a new record. Returns the
 * live session. Runs in one transaction, so two reports can't start two records.
 */
export async function startLiveSession(
  d: Db,
  call: { platform: Platform; meetingKey?: string },
  now: number,
): Promise<SessionRecord> {
  const meetingKey = boundedKey(call.meetingKey);
  return write(d, ['mentorships', 'sessions'], async (tx) => {
    const sessions = tx.objectStore('sessions');
    const [mentorships, all] = await Promise.all([
      tx.objectStore('mentorships').getAll(),
      sessions.getAll(),
    ]);
    const match = matchCall({ meetingKey, now }, mentorships, all);
    const base = match.sessionId ? all.find((s) => s.id === match.sessionId) : undefined;
    const live: SessionRecord = base
      ? { ...base, status: 'live', platform: call.platform, meetingKey, startedAt: now }
      : {
          id: newId(),
          mentorshipId: match.mentorshipId,
          kind: match.mentorshipId
            ? kindForNew(all.filter((s) => s.mentorshipId === match.mentorshipId))
            : 'regular',
          status: 'live',
          platform: call.platform,
          meetingKey,
          startedAt: now,
          actionItems: [],
        };
    await sessions.put(live);
    return live;
  });
}

/** The call ended: the live session ends at `now` with `extra` (its focus figures). */
export async function endLiveSession(
  d: Db,
  sessionId: string,
  now: number,
  extra: Partial<SessionRecord> = {},
): Promise<SessionRecord | undefined> {
  return write(d, ['sessions'], async (tx, unchanged) => {
    const session = await tx.store.get(sessionId);
    if (session?.status !== 'live') {
      unchanged();
      return session;
    }
    const ended: SessionRecord = { ...session, ...extra, status: 'ended', endedAt: now };
    await tx.store.put(ended);
    return ended;
  });
}

/**
 * The user said which mentorship a call belongs to (null: none, an ad hoc call). When that
 * mentorship has a session waiting to happen, the call becomes that session, so the topic and
 * notes prepared for it show; the record started for the call is folded into it. Returns the
 * session the call is now.
 */
export async function assignSession(
  d: Db,
  sessionId: string,
  mentorshipId: string | null,
  now: number,
): Promise<SessionRecord> {
  return write(d, ['sessions', 'mentorships', 'notes'], async (tx) => {
    const sessions = tx.objectStore('sessions');
    const session = found(await sessions.get(sessionId), 'session-gone');
    if (mentorshipId === null) {
      const adHoc: SessionRecord = { ...session, mentorshipId: null, adHoc: true };
      await sessions.put(adHoc);
      return adHoc;
    }
    found(await tx.objectStore('mentorships').get(mentorshipId), 'mentorship-gone');
    const theirs = (await sessions.index('byMentorship').getAll(mentorshipId)).filter(
      (s) => s.id !== sessionId,
    );
    const pending = pendingSession(theirs, mentorshipId, now);
    if (!pending) {
      const next: SessionRecord = {
        ...session,
        mentorshipId,
        adHoc: false,
        kind: kindForNew(theirs),
      };
      await sessions.put(next);
      return next;
    }
    const next: SessionRecord = {
      ...pending,
      status: session.status,
      platform: session.platform,
      meetingKey: session.meetingKey,
      startedAt: session.startedAt,
      endedAt: session.endedAt,
      topic: pending.topic ?? session.topic,
      actionItems: [...pending.actionItems, ...session.actionItems],
    };
    const notes = tx.objectStore('notes');
    for (const note of await notes.index('bySession').getAll(sessionId)) {
      await notes.delete(note.id);
      // A note prepared for the session and one typed during the call are both kept.
      const prepared = await notes.get(noteId(pending.id, note.author));
      const text = prepared ? `${prepared.text}\n\n${note.text}` : note.text;
      const long = checkLength(text, LIMITS.note);
      if (long) throw long;
      await notes.put({
        ...note,
        text,
        id: note.id.replace(sessionId, pending.id),
        sessionId: pending.id,
        mentorshipId,
      });
    }
    await sessions.delete(sessionId);
    await sessions.put(next);
    return next;
  });
}

/** Everything the session card and panel show about one session. */
export interface LiveView {
  session?: SessionRecord;
  mentorship?: Mentorship;
  mentorships: Mentorship[];
  notes: Note[];
}

export async function loadLiveView(d: Db, sessionId: string | undefined): Promise<LiveView> {
  const mentorships = await listMentorships(d);
  if (!sessionId) return { mentorships, notes: [] };
  const session = await d.get('sessions', sessionId);
  const mentorship = session?.mentorshipId
    ? await d.get('mentorships', session.mentorshipId)
    : undefined;
  const notes = session ? await notesOf(d, session.id) : [];
  return { session, mentorship, mentorships, notes };
}
