// Reading and writing the records, shared by the background and the extension pages. Each
// function takes the database and the time, so tests run them on a fake IndexedDB with a
// fixed clock.

import { announceChange } from './changes';
import type { Db } from './db';
import { newId } from './db';
import type {
  Agreement,
  Mentorship,
  Note,
  Platform,
  Reflection,
  Role,
  SessionKind,
  SessionRecord,
} from './records';
import { matchCall } from './session/match';
import type { ImportPlan } from './share/apply';

const WEEK_MS = 7 * 24 * 3600 * 1000;

export const DEFAULT_AGREEMENT: Agreement = {
  type: 'goal-oriented',
  cadenceDays: 14,
  sessionMinutes: 45,
  medium: 'video',
};

export interface NewMentorship {
  otherName: string;
  myRole: Role;
  meetingLink?: string;
  cadenceDays: number;
  sessionMinutes: number;
  /** When the first session is; when absent, none is booked yet. */
  firstSessionAt?: number;
}

/** Checks what a person typed; returns the sentence to show, or null when it is fine. */
export function checkNewMentorship(input: NewMentorship): string | null {
  if (!input.otherName.trim()) return 'Write the name of the person you are meeting.';
  if (input.otherName.length > 200) return 'That name is too long; 200 characters at most.';
  if (!Number.isInteger(input.cadenceDays) || input.cadenceDays < 1 || input.cadenceDays > 365) {
    return 'Choose how many days apart your sessions are, from 1 to 365.';
  }
  if (
    !Number.isInteger(input.sessionMinutes) ||
    input.sessionMinutes < 5 ||
    input.sessionMinutes > 240
  ) {
    return 'Choose a session length from 5 to 240 minutes.';
  }
  return null;
}

export async function createMentorship(d: Db, input: NewMentorship, now: number) {
  const problem = checkNewMentorship(input);
  if (problem) throw new Error(problem);
  const mentorship: Mentorship = {
    id: newId(),
    otherName: input.otherName.trim(),
    myRole: input.myRole,
    meetingLink: input.meetingLink?.trim() || undefined,
    agreement: {
      ...DEFAULT_AGREEMENT,
      cadenceDays: input.cadenceDays,
      sessionMinutes: input.sessionMinutes,
    },
    goals: [],
    createdAt: now,
  };
  const first: SessionRecord = {
    id: newId(),
    mentorshipId: mentorship.id,
    kind: 'first',
    status: 'scheduled',
    scheduledAt: input.firstSessionAt,
    actionItems: [],
  };
  const tx = d.transaction(['mentorships', 'sessions'], 'readwrite');
  await Promise.all([
    tx.objectStore('mentorships').add(mentorship),
    tx.objectStore('sessions').add(first),
    tx.done,
  ]);
  announceChange();
  return { mentorship, session: first };
}

export async function listMentorships(d: Db): Promise<Mentorship[]> {
  const all = await d.getAll('mentorships');
  return all.filter((m) => !m.archivedAt).sort((a, b) => a.createdAt - b.createdAt);
}

/** The next session to prepare: the earliest still scheduled (undated ones last). */
export async function nextSession(
  d: Db,
  mentorshipId?: string,
): Promise<SessionRecord | undefined> {
  const scheduled = await d.getAllFromIndex('sessions', 'byStatus', 'scheduled');
  return scheduled
    .filter((s) => !mentorshipId || s.mentorshipId === mentorshipId)
    .sort(
      (a, b) =>
        (a.scheduledAt ?? Number.MAX_SAFE_INTEGER) - (b.scheduledAt ?? Number.MAX_SAFE_INTEGER),
    )[0];
}

export function noteId(sessionId: string, author: Role): string {
  return `${sessionId}:pre:${author}`;
}

export async function getPreNote(d: Db, sessionId: string, author: Role) {
  return d.get('notes', noteId(sessionId, author));
}

export async function notesOf(d: Db, sessionId: string): Promise<Note[]> {
  return d.getAllFromIndex('notes', 'bySession', sessionId);
}

export async function savePreNote(
  d: Db,
  session: Pick<SessionRecord, 'id' | 'mentorshipId'>,
  author: Role,
  text: string,
  now: number,
): Promise<Note> {
  const note: Note = {
    id: noteId(session.id, author),
    sessionId: session.id,
    mentorshipId: session.mentorshipId,
    kind: 'pre-session',
    author,
    text,
    updatedAt: now,
  };
  await d.put('notes', note);
  announceChange();
  return note;
}

export async function setTopic(d: Db, sessionId: string, text: string, by: Role, now: number) {
  const tx = d.transaction('sessions', 'readwrite');
  const session = await tx.store.get(sessionId);
  if (!session) throw new Error('That session no longer exists.');
  const clean = text.trim();
  if (session.topic?.text === clean) return session;
  const history = session.topic
    ? [
        ...session.topic.history,
        { text: session.topic.text, by: session.topic.by, at: session.topic.at },
      ]
    : [];
  const next: SessionRecord = { ...session, topic: { text: clean, by, at: now, history } };
  await tx.store.put(next);
  await tx.done;
  announceChange();
  return next;
}

/**
 * The kind of a session that happens now: the first one until one has been held (a call before
 * the booked first session is the first meeting all the same).
 */
export function kindForNew(theirs: SessionRecord[]): SessionKind {
  return theirs.some((s) => s.status !== 'scheduled') ? 'regular' : 'first';
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
  const tx = d.transaction(['mentorships', 'sessions'], 'readwrite');
  const sessions = tx.objectStore('sessions');
  const [mentorships, all] = await Promise.all([
    tx.objectStore('mentorships').getAll(),
    sessions.getAll(),
  ]);
  const match = matchCall({ meetingKey: call.meetingKey, now }, mentorships, all);
  const base = match.sessionId ? all.find((s) => s.id === match.sessionId) : undefined;
  const live: SessionRecord = base
    ? {
        ...base,
        status: 'live',
        platform: call.platform,
        meetingKey: call.meetingKey,
        startedAt: now,
      }
    : {
        id: newId(),
        mentorshipId: match.mentorshipId,
        kind: match.mentorshipId
          ? kindForNew(all.filter((s) => s.mentorshipId === match.mentorshipId))
          : 'regular',
        status: 'live',
        platform: call.platform,
        meetingKey: call.meetingKey,
        startedAt: now,
        actionItems: [],
      };
  await sessions.put(live);
  await tx.done;
  announceChange();
  return live;
}

export async function endLiveSession(
  d: Db,
  sessionId: string,
  now: number,
  extra: Partial<SessionRecord> = {},
): Promise<SessionRecord | undefined> {
  const tx = d.transaction('sessions', 'readwrite');
  const session = await tx.store.get(sessionId);
  if (session?.status !== 'live') {
    await tx.done;
    return session;
  }
  const ended: SessionRecord = { ...session, ...extra, status: 'ended', endedAt: now };
  await tx.store.put(ended);
  await tx.done;
  announceChange();
  return ended;
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
  const tx = d.transaction(['sessions', 'mentorships', 'notes'], 'readwrite');
  const sessions = tx.objectStore('sessions');
  const session = await sessions.get(sessionId);
  if (!session) throw new Error('That session no longer exists.');
  if (mentorshipId === null) {
    const adHoc: SessionRecord = { ...session, mentorshipId: null, adHoc: true };
    await sessions.put(adHoc);
    await tx.done;
    announceChange();
    return adHoc;
  }
  if (!(await tx.objectStore('mentorships').get(mentorshipId))) {
    throw new Error('That mentorship no longer exists.');
  }
  const theirs = (await sessions.index('byMentorship').getAll(mentorshipId)).filter(
    (s) => s.id !== sessionId,
  );
  // The session waiting to happen: the earliest scheduled one, unless it is more than a week off.
  const pending = theirs
    .filter((s) => s.status === 'scheduled' && (s.scheduledAt ?? now) < now + WEEK_MS)
    .sort((a, b) => (a.scheduledAt ?? 0) - (b.scheduledAt ?? 0))[0];
  let next: SessionRecord;
  if (pending) {
    next = {
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
      await notes.put({
        ...note,
        ...(prepared ? { text: `${prepared.text}\n\n${note.text}` } : {}),
        id: note.id.replace(sessionId, pending.id),
        sessionId: pending.id,
        mentorshipId,
      });
    }
    await sessions.delete(sessionId);
  } else {
    next = { ...session, mentorshipId, adHoc: false, kind: kindForNew(theirs) };
  }
  await sessions.put(next);
  await tx.done;
  announceChange();
  return next;
}

/** Applies a confirmed import plan in one transaction: all of it, or nothing. */
export async function applyImport(
  d: Db,
  plan: Extract<ImportPlan, { needsChoice: false }>,
  from: Role,
  now: number,
): Promise<void> {
  if (!plan.changes.length && !plan.pairWith && !plan.isNew) return;
  const tx = d.transaction(['mentorships', 'sessions', 'notes'], 'readwrite');
  const mentorships = tx.objectStore('mentorships');
  const sessions = tx.objectStore('sessions');
  const m = await mentorships.get(plan.mentorship.id);
  if (!m) {
    tx.abort();
    await tx.done.catch(() => {});
    throw new Error('That mentorship no longer exists.');
  }
  const importedPacks = [
    ...(m.importedPacks ?? []).filter((f) => f !== plan.fingerprint),
    plan.fingerprint,
  ].slice(-200);
  await mentorships.put({
    ...m,
    ...(plan.pairWith ? { pairId: plan.pairWith } : {}),
    importedPacks,
  });
  let session = (await sessions.get(plan.session.id)) ?? plan.session;
  for (const change of plan.changes) {
    if (change.field === 'topic') {
      const history = session.topic
        ? [
            ...session.topic.history,
            { text: session.topic.text, by: session.topic.by, at: session.topic.at },
          ]
        : [];
      session = { ...session, topic: { text: change.after, by: from, at: now, history } };
    } else if (change.field === 'actionItems') {
      session = {
        ...session,
        actionItems: [
          ...session.actionItems,
          ...change.added.map((text) => ({ id: newId(), text, createdAt: now })),
        ],
      };
    } else {
      const note: Note = {
        id: noteId(session.id, change.author),
        sessionId: session.id,
        mentorshipId: m.id,
        kind: 'pre-session',
        author: change.author,
        text: change.after,
        updatedAt: now,
      };
      await tx.objectStore('notes').put(note);
    }
  }
  await sessions.put(session);
  await tx.done;
  announceChange();
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

/** Adds an action item to a session, or ticks one off (or back on). */
export async function editActionItems(
  d: Db,
  sessionId: string,
  edit: { add: string } | { toggle: string },
  now: number,
): Promise<SessionRecord> {
  const tx = d.transaction('sessions', 'readwrite');
  const s = await tx.store.get(sessionId);
  if (!s) throw new Error('That session no longer exists.');
  let actionItems = s.actionItems;
  if ('add' in edit) {
    const text = edit.add.trim();
    if (!text) throw new Error('Write the action item first.');
    actionItems = [...actionItems, { id: newId(), text, createdAt: now }];
  } else {
    actionItems = actionItems.map((a) =>
      a.id !== edit.toggle
        ? a
        : a.doneAt
          ? { id: a.id, text: a.text, createdAt: a.createdAt }
          : { ...a, doneAt: now },
    );
  }
  const next = { ...s, actionItems };
  await tx.store.put(next);
  await tx.done;
  announceChange();
  return next;
}

export function reflectionId(sessionId: string, role: Role): string {
  return `${sessionId}:${role}`;
}

export async function getReflection(d: Db, sessionId: string, role: Role) {
  return d.get('reflections', reflectionId(sessionId, role));
}

/**
 * Saves a reflection as it is typed. Marking it complete also marks the session reflected; a
 * session that no longer exists refuses the save and nothing is written.
 */
export async function saveReflection(d: Db, reflection: Reflection): Promise<void> {
  const tx = d.transaction(['reflections', 'sessions'], 'readwrite');
  const session = await tx.objectStore('sessions').get(reflection.sessionId);
  if (!session) {
    tx.abort();
    await tx.done.catch(() => {});
    throw new Error(
      'This session no longer exists, so its reflection cannot be saved; nothing was changed.',
    );
  }
  await tx.objectStore('reflections').put(reflection);
  if (reflection.complete && session.status === 'ended') {
    await tx.objectStore('sessions').put({ ...session, status: 'reflected' });
  }
  await tx.done;
  announceChange();
}

/** Sessions that ended and still wait for this user's reflection (not done, not dismissed). */
export async function unreflectedSessions(d: Db): Promise<SessionRecord[]> {
  const ended = await d.getAllFromIndex('sessions', 'byStatus', 'ended');
  return ended
    .filter((s) => !s.reflectionDismissed)
    .sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0));
}
