// The sessions repository, during the call: a call going live (the matched booking, or a new
// record), ending, and being assigned to a mentorship by the user; the one read the card and
// the side panel show; the live session's heartbeat, and the sweep after a browser quit.
//
// Which tab is in which call lives in storage.session, which a browser quit, an extension update
// or reload clears. A session record still `live` that no live tab owns at a worker start was
// left behind: `endOrphanedSessions` ends it, so it is offered for reflection and the session
// prepared for the call is not used up. Its end time comes from `aliveAt`, the heartbeat the
// background writes into the record whenever it persists the focus ledger or the call state
// anyway (nothing ticks).

import { type Db, newId } from '../db';
import { checkLength, LIMITS } from '../limits';
import type { Mentorship, Note, Platform, SessionRecord } from '../records';
import { kindForNew, pendingSession } from '../rules/schedule';
import { matchCall } from '../session/match';
import { MINUTE_MS } from '../time';
import { clampSessionMinutes } from '../timer';
import { listMentorships } from './mentorships';
import { noteId, notesOf } from './notes';
import { found, read, write } from './tx';

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
/**
 * The mentorship a call would be matched to now (by its link, else a session scheduled near
 * now), if one is: the name the question from sound may say (lib/session/audio-watch.ts).
 */
export async function matchedMentorship(
  d: Db,
  meetingKey: string | undefined,
  now: number,
): Promise<Mentorship | undefined> {
  return read(d, ['mentorships', 'sessions'], async (tx) => {
    const [mentorships, sessions] = await Promise.all([
      tx.objectStore('mentorships').getAll(),
      tx.objectStore('sessions').getAll(),
    ]);
    const match = matchCall({ meetingKey: boundedKey(meetingKey), now }, mentorships, sessions);
    return match.mentorshipId ? mentorships.find((m) => m.id === match.mentorshipId) : undefined;
  });
}

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

/**
 * Notes that the live session was on at `at`, with this call's focus figures so far (they are
 * what a session ended by the sweep keeps). No change is announced: no view shows either.
 */
export async function touchLiveSession(
  d: Db,
  sessionId: string,
  at: number,
  focus?: SessionRecord['focus'],
): Promise<void> {
  const tx = d.transaction('sessions', 'readwrite');
  const session = await tx.store.get(sessionId);
  if (session?.status === 'live' && (session.aliveAt ?? 0) <= at) {
    await tx.store.put({ ...session, aliveAt: at, ...(focus ? { focus } : {}) });
  }
  await tx.done;
}

/**
 * When a session left live most likely ended: its heartbeat, or its start plus its length when
 * that is later (a call sat through without a focus change writes no heartbeat), but never after
 * `now`, when the sweep noticed.
 */
export function orphanEnd(session: SessionRecord, lengthMinutes: number, now: number): number {
  const start = session.startedAt ?? session.aliveAt ?? now;
  const byLength = start + clampSessionMinutes(lengthMinutes) * MINUTE_MS;
  const seen = Math.max(start, session.aliveAt ?? start);
  return Math.min(now, Math.max(seen, byLength));
}

/**
 * Ends every live session no tab owns (`owned`: the ids in storage.session's `live`), each at
 * `orphanEnd`. Returns the sessions it ended. One transaction: all or none.
 */
export async function endOrphanedSessions(
  d: Db,
  owned: ReadonlySet<string>,
  now: number,
  defaultMinutes: number,
): Promise<SessionRecord[]> {
  const live = await d.getAllFromIndex('sessions', 'byStatus', 'live');
  if (!live.some((s) => !owned.has(s.id))) return [];
  return write(d, ['sessions', 'mentorships'], async (tx) => {
    const sessions = tx.objectStore('sessions');
    const ended: SessionRecord[] = [];
    for (const s of await sessions.index('byStatus').getAll('live')) {
      if (owned.has(s.id)) continue;
      const m = s.mentorshipId
        ? await tx.objectStore('mentorships').get(s.mentorshipId)
        : undefined;
      const minutes = m?.agreement.sessionMinutes ?? defaultMinutes;
      const { aliveAt: _, ...rest } = s;
      const done: SessionRecord = { ...rest, status: 'ended', endedAt: orphanEnd(s, minutes, now) };
      await sessions.put(done);
      ended.push(done);
    }
    return ended;
  });
}
