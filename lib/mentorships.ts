// What the Mentorships page reads and changes: the agreement, goals, the schedule kept a week
// ahead, reflections left undone, backups and settings. Each write function takes the database
// and the time, checks its input first (a bad value is refused with one sentence and nothing is
// written), writes in one transaction, and announces the change to the other pages.
//
// The pure helpers (drafts of the agreement form, the schedule's state, settings) sit next to the
// writes they guard, so the page and the tests use the same checks.

import { checkBackupData, type RestoreMode } from './backup/format';
import { BACKUP_KINDS, type BackupData } from './backup/schema';
import { announceChange } from './changes';
import type { Db } from './db';
import { newId } from './db';
import type {
  Agreement,
  Goal,
  Mentorship,
  MentorshipType,
  Role,
  SessionKind,
  SessionRecord,
} from './records';
import {
  clampCadenceDays,
  isWithinSameWeek,
  needsScheduling,
  reschedule,
  SCHEDULE_AHEAD_DAYS,
  suggestNextSession,
} from './schedule';
import { checkNewMentorship } from './store';
import { DAY_MS, HOUR_MS, parseIsoDate } from './time';

// ---------------------------------------------------------------------------------------------
// The agreement form.

/** What the agreement form holds: text as typed, numbers still as text. */
export interface AgreementDraft {
  otherName: string;
  myRole: Role;
  meetingLink: string;
  type: MentorshipType;
  cadenceDays: string;
  sessionMinutes: string;
  preparation: string;
  responsiveness: string;
  channels: string;
  /** '' while not chosen. */
  medium: '' | 'video' | 'face-to-face';
  location: string;
  inScope: string;
  desiredOutcomes: string;
  /** YYYY-MM-DD or ''. */
  endsOn: string;
}

/** The part of a mentorship the agreement form edits. */
export interface MentorshipEdit {
  otherName: string;
  myRole: Role;
  meetingLink?: string;
  agreement: Agreement;
}

export type DraftResult =
  | { ok: true; edit: MentorshipEdit }
  | { ok: false; field: keyof AgreementDraft; message: string };

export const MAX_AGREEMENT_TEXT = 5_000;

const TEXT_FIELDS = [
  'preparation',
  'responsiveness',
  'channels',
  'location',
  'inScope',
  'desiredOutcomes',
] as const;

export function agreementDraftOf(m: Mentorship): AgreementDraft {
  const a = m.agreement;
  return {
    otherName: m.otherName,
    myRole: m.myRole,
    meetingLink: m.meetingLink ?? '',
    type: a.type,
    cadenceDays: String(a.cadenceDays),
    sessionMinutes: String(a.sessionMinutes),
    preparation: a.preparation ?? '',
    responsiveness: a.responsiveness ?? '',
    channels: a.channels ?? '',
    medium: a.medium ?? '',
    location: a.location ?? '',
    inScope: a.inScope ?? '',
    desiredOutcomes: a.desiredOutcomes ?? '',
    endsOn: a.endsOn ?? '',
  };
}

/** A whole number written as digits only ("14", not "14.5", "1e1" or ""), else NaN. */
function wholeNumber(text: string): number {
  return /^\s*\d{1,6}\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** Checks an edit; returns the field and sentence to show, or null when it is fine. */
export function checkMentorshipEdit(
  edit: MentorshipEdit,
): { field: keyof AgreementDraft; message: string } | null {
  const a = edit.agreement;
  // The same sentences as when the mentorship was created, each tied to its field.
  const named = { ...edit, cadenceDays: 7, sessionMinutes: 45 };
  const name = checkNewMentorship(named);
  if (name) return { field: 'otherName', message: name };
  const cadence = checkNewMentorship({ ...named, cadenceDays: a.cadenceDays });
  if (cadence) return { field: 'cadenceDays', message: cadence };
  const length = checkNewMentorship({ ...named, sessionMinutes: a.sessionMinutes });
  if (length) return { field: 'sessionMinutes', message: length };
  if (edit.myRole !== 'mentor' && edit.myRole !== 'mentee') {
    return { field: 'myRole', message: 'Choose whether you are the mentor or the mentee.' };
  }
  if (!['ad-hoc', 'goal-oriented', 'time-framed'].includes(a.type)) {
    return { field: 'type', message: 'Choose the kind of mentorship.' };
  }
  if (edit.meetingLink !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(edit.meetingLink);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      return {
        field: 'meetingLink',
        message: 'Paste the meeting link as a web address starting with https://.',
      };
    }
    if (edit.meetingLink.length > 2_000) {
      return { field: 'meetingLink', message: 'That link is too long; 2,000 characters at most.' };
    }
  }
  for (const field of TEXT_FIELDS) {
    if ((a[field]?.length ?? 0) > MAX_AGREEMENT_TEXT) {
      return { field, message: 'That text is too long; 5,000 characters at most.' };
    }
  }
  if (a.endsOn !== undefined && parseIsoDate(a.endsOn) === null) {
    return { field: 'endsOn', message: 'Write the last day as a date, such as 2026-06-30.' };
  }
  return null;
}

/** Reads the form: the edit to save, or the first field that is wrong with its sentence. */
export function readAgreementDraft(draft: AgreementDraft): DraftResult {
  const agreement: Agreement = {
    type: draft.type,
    cadenceDays: wholeNumber(draft.cadenceDays),
    sessionMinutes: wholeNumber(draft.sessionMinutes),
  };
  for (const field of TEXT_FIELDS) {
    if (draft[field].trim()) agreement[field] = draft[field];
  }
  if (draft.medium) agreement.medium = draft.medium;
  if (draft.endsOn.trim()) agreement.endsOn = draft.endsOn.trim();
  const edit: MentorshipEdit = {
    otherName: draft.otherName.trim(),
    myRole: draft.myRole,
    agreement,
  };
  if (draft.meetingLink.trim()) edit.meetingLink = draft.meetingLink.trim();
  const problem = checkMentorshipEdit(edit);
  return problem ? { ok: false, ...problem } : { ok: true, edit };
}

/** Saves the agreement form's fields; goals, sessions and the rest stay as they are. */
export async function updateMentorship(
  d: Db,
  mentorshipId: string,
  edit: MentorshipEdit,
): Promise<Mentorship> {
  const problem = checkMentorshipEdit(edit);
  if (problem) throw new Error(problem.message);
  return changeMentorship(d, mentorshipId, (m) => {
    const next: Mentorship = {
      ...m,
      otherName: edit.otherName,
      myRole: edit.myRole,
      agreement: { ...edit.agreement },
    };
    if (edit.meetingLink) next.meetingLink = edit.meetingLink;
    else delete next.meetingLink;
    return next;
  });
}

async function changeMentorship(
  d: Db,
  mentorshipId: string,
  change: (m: Mentorship) => Mentorship,
): Promise<Mentorship> {
  const tx = d.transaction('mentorships', 'readwrite');
  const m = await tx.store.get(mentorshipId);
  if (!m) {
    tx.abort();
    await tx.done.catch(() => {});
    throw new Error('That mentorship no longer exists.');
  }
  const next = change(m);
  await tx.store.put(next);
  await tx.done;
  announceChange();
  return next;
}

// ---------------------------------------------------------------------------------------------
// Goals.

export const MAX_GOAL_CHARS = 2_000;

export function checkGoalText(text: string): string | null {
  const clean = text.trim();
  if (!clean) return 'Write the goal first.';
  if (clean.length > MAX_GOAL_CHARS) return 'That goal is too long; 2,000 characters at most.';
  return null;
}

export async function addGoal(
  d: Db,
  mentorshipId: string,
  text: string,
  now: number,
): Promise<Mentorship> {
  const problem = checkGoalText(text);
  if (problem) throw new Error(problem);
  const goal: Goal = { id: newId(), text: text.trim(), createdAt: now };
  return changeMentorship(d, mentorshipId, (m) => ({ ...m, goals: [...m.goals, goal] }));
}

/** Marks a goal reached (done) or not yet. */
export async function setGoalDone(
  d: Db,
  mentorshipId: string,
  goalId: string,
  done: boolean,
  now: number,
): Promise<Mentorship> {
  return changeMentorship(d, mentorshipId, (m) => ({
    ...m,
    goals: m.goals.map((g) => {
      if (g.id !== goalId) return g;
      const { doneAt: _, ...open } = g;
      return done ? { ...open, doneAt: g.doneAt ?? now } : open;
    }),
  }));
}

export async function deleteGoal(d: Db, mentorshipId: string, goalId: string) {
  return changeMentorship(d, mentorshipId, (m) => ({
    ...m,
    goals: m.goals.filter((g) => g.id !== goalId),
  }));
}

// ---------------------------------------------------------------------------------------------
// The schedule.

/** A session that took place: it went live at some point. */
export function wasHeld(s: SessionRecord): boolean {
  return s.status !== 'scheduled' && s.startedAt !== undefined;
}

export interface ScheduleState {
  /** Sessions still to happen, dated ones by time, undated ones last. */
  booked: SessionRecord[];
  /** The earliest booking still to come. */
  next?: SessionRecord;
  /** Nothing is booked close enough: show the banner. */
  needsScheduling: boolean;
  /** When to offer the next booking: one cadence after the latest session, held or booked. */
  suggestion: number;
  /** The last session was held, or a time-framed mentorship is past its last day. */
  over: boolean;
}

export function scheduleOf(
  m: Mentorship,
  sessions: SessionRecord[],
  now: number,
  tzOffsetMinutes = 0,
): ScheduleState {
  const mine = sessions.filter((s) => s.mentorshipId === m.id);
  const booked = mine
    .filter((s) => s.status === 'scheduled')
    .sort(
      (a, b) =>
        (a.scheduledAt ?? Number.MAX_SAFE_INTEGER) - (b.scheduledAt ?? Number.MAX_SAFE_INTEGER),
    );
  const next = booked.find((s) => s.scheduledAt !== undefined && s.scheduledAt > now);
  const times = mine.flatMap((s) => {
    const at = wasHeld(s) ? (s.scheduledAt ?? s.startedAt) : s.scheduledAt;
    return at === undefined ? [] : [at];
  });
  const cadence = clampCadenceDays(m.agreement.cadenceDays);
  const latest = times.length ? Math.max(...times) : undefined;
  // With nothing to go by: tomorrow, on the next full hour.
  const suggestion =
    latest === undefined
      ? Math.ceil(now / HOUR_MS) * HOUR_MS + DAY_MS
      : suggestNextSession(latest, cadence, now);
  const endsAt = m.agreement.endsOn ? parseIsoDate(m.agreement.endsOn, tzOffsetMinutes) : null;
  const over =
    mine.some((s) => s.kind === 'last' && wasHeld(s)) ||
    (m.agreement.type === 'time-framed' && endsAt !== null && now >= endsAt + DAY_MS);
  return {
    booked,
    next,
    // Every other week may book a cadence ahead without being nagged.
    needsScheduling:
      !over && needsScheduling(next?.scheduledAt, now, Math.max(SCHEDULE_AHEAD_DAYS, cadence)),
    suggestion,
    over,
  };
}

export const SCHEDULE_TEXT = {
  invalid: 'Choose a date and time for the session.',
  past: 'Choose a time that is still to come.',
  otherWeek:
    'Move the session within its own week (Monday to Sunday): reschedule within the week rather than skip one.',
  notBooked: 'Only a session still to come can be moved or marked.',
  gone: 'That session no longer exists.',
  noMentorship: 'That mentorship no longer exists.',
};

/** A booking losing its 'last' mark is the first session if nothing is held or booked before it. */
function kindWhenUnmarked(s: SessionRecord, others: SessionRecord[]): SessionKind {
  const at = s.scheduledAt ?? Number.MAX_SAFE_INTEGER;
  const before = others.some(
    (o) =>
      o.status !== 'scheduled' ||
      o.kind === 'first' ||
      (o.scheduledAt ?? Number.MAX_SAFE_INTEGER) < at,
  );
  return before ? 'regular' : 'first';
}

/** A booking is the first session until one was held or the first is already booked. */
function kindForBooking(theirs: SessionRecord[]): SessionKind {
  const started = theirs.some((s) => s.status !== 'scheduled');
  const firstWaiting = theirs.some((s) => s.status === 'scheduled' && s.kind === 'first');
  return started || firstWaiting ? 'regular' : 'first';
}

/**
 * Books a session at `at`. A session waiting without a date (made when notes were written
 * before any booking) gets the date, so what was prepared for it stays with it.
 */
export async function bookSession(
  d: Db,
  mentorshipId: string,
  at: number,
  now: number,
): Promise<SessionRecord> {
  if (!Number.isSafeInteger(at)) throw new Error(SCHEDULE_TEXT.invalid);
  if (at <= now) throw new Error(SCHEDULE_TEXT.past);
  const tx = d.transaction(['mentorships', 'sessions'], 'readwrite');
  const sessions = tx.objectStore('sessions');
  if (!(await tx.objectStore('mentorships').get(mentorshipId))) {
    tx.abort();
    await tx.done.catch(() => {});
    throw new Error(SCHEDULE_TEXT.noMentorship);
  }
  const theirs = await sessions.index('byMentorship').getAll(mentorshipId);
  // Booked already at that time (a reflection saved twice): keep the one there is.
  const same = theirs.find((s) => s.status === 'scheduled' && s.scheduledAt === at);
  if (same) {
    await tx.done;
    return same;
  }
  const undated = theirs.find((s) => s.status === 'scheduled' && s.scheduledAt === undefined);
  const session: SessionRecord = undated
    ? { ...undated, scheduledAt: at }
    : {
        id: newId(),
        mentorshipId,
        kind: kindForBooking(theirs),
        status: 'scheduled',
        scheduledAt: at,
        actionItems: [],
      };
  await sessions.put(session);
  await tx.done;
  announceChange();
  return session;
}

/**
 * Moves a booked session, within its own ISO week ("reschedule within the week rather than
 * skip"). A booking whose week is already over (the session never happened) may move to any
 * time to come: that week cannot be kept any more. `tzOffsetMinutes` decides the local week.
 */
export async function rescheduleSession(
  d: Db,
  sessionId: string,
  at: number,
  now: number,
  tzOffsetMinutes = 0,
): Promise<SessionRecord> {
  if (!Number.isSafeInteger(at)) throw new Error(SCHEDULE_TEXT.invalid);
  const tx = d.transaction('sessions', 'readwrite');
  const s = await tx.store.get(sessionId);
  const fail = async (message: string): Promise<never> => {
    tx.abort();
    await tx.done.catch(() => {});
    throw new Error(message);
  };
  if (!s) return fail(SCHEDULE_TEXT.gone);
  if (s.status !== 'scheduled') return fail(SCHEDULE_TEXT.notBooked);
  const original = s.scheduledAt;
  const weekGone =
    original === undefined ||
    (original <= now && !isWithinSameWeek(original, now, tzOffsetMinutes));
  if (weekGone) {
    if (at <= now) return fail(SCHEDULE_TEXT.past);
  } else {
    const result = reschedule(original, at, now, tzOffsetMinutes);
    if (!result.ok) {
      return fail(
        result.reason === 'past'
          ? SCHEDULE_TEXT.past
          : result.reason === 'other-week'
            ? SCHEDULE_TEXT.otherWeek
            : SCHEDULE_TEXT.invalid,
      );
    }
  }
  const next = { ...s, scheduledAt: at };
  await tx.store.put(next);
  await tx.done;
  announceChange();
  return next;
}

/**
 * Marks a booked session as the mentorship's last one (the reflection then asks for key
 * takeaways, a retrospective and what's next), or takes the mark off. One booking at most
 * carries the mark.
 */
export async function setLastSession(
  d: Db,
  sessionId: string,
  last: boolean,
): Promise<SessionRecord> {
  const tx = d.transaction('sessions', 'readwrite');
  const s = await tx.store.get(sessionId);
  if (s?.status !== 'scheduled') {
    tx.abort();
    await tx.done.catch(() => {});
    throw new Error(s ? SCHEDULE_TEXT.notBooked : SCHEDULE_TEXT.gone);
  }
  const theirs = s.mentorshipId
    ? (await tx.store.index('byMentorship').getAll(s.mentorshipId)).filter((x) => x.id !== s.id)
    : [];
  let next: SessionRecord;
  if (last) {
    next = { ...s, kind: 'last' };
    for (const other of theirs) {
      if (other.status === 'scheduled' && other.kind === 'last') {
        const rest = [next, ...theirs.filter((x) => x.id !== other.id)];
        await tx.store.put({ ...other, kind: kindWhenUnmarked(other, rest) });
      }
    }
  } else {
    next = { ...s, kind: s.kind === 'last' ? kindWhenUnmarked(s, theirs) : s.kind };
  }
  await tx.store.put(next);
  await tx.done;
  announceChange();
  return next;
}

/** The user chose not to reflect on a session (or changed their mind). */
export async function dismissReflection(
  d: Db,
  sessionId: string,
  dismissed: boolean,
): Promise<SessionRecord> {
  const tx = d.transaction('sessions', 'readwrite');
  const s = await tx.store.get(sessionId);
  if (!s) {
    tx.abort();
    await tx.done.catch(() => {});
    throw new Error(SCHEDULE_TEXT.gone);
  }
  const { reflectionDismissed: _, ...rest } = s;
  const next: SessionRecord = dismissed ? { ...rest, reflectionDismissed: true } : rest;
  await tx.store.put(next);
  await tx.done;
  announceChange();
  return next;
}

// ---------------------------------------------------------------------------------------------
// History and action items, as the page lists them.

/** Where a held session stands: still live, waiting for a reflection, or done with. */
export type HistoryState = 'live' | 'to-reflect' | 'dismissed' | 'reflected';

export interface HistoryRow {
  session: SessionRecord;
  state: HistoryState;
  /** endedAt - startedAt, when both are known. */
  lengthMs?: number;
}

/** The mentorship's held sessions, newest first. */
export function historyOf(mentorshipId: string, sessions: SessionRecord[]): HistoryRow[] {
  return sessions
    .filter((s) => s.mentorshipId === mentorshipId && wasHeld(s))
    .sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0))
    .map((session) => {
      const state: HistoryState =
        session.status === 'live'
          ? 'live'
          : session.status === 'reflected'
            ? 'reflected'
            : session.reflectionDismissed
              ? 'dismissed'
              : 'to-reflect';
      const { startedAt, endedAt } = session;
      return startedAt !== undefined && endedAt !== undefined && endedAt >= startedAt
        ? { session, state, lengthMs: endedAt - startedAt }
        : { session, state };
    });
}

export interface ActionItemGroup {
  session: SessionRecord;
  /** The session is still to come: its items were carried forward to it. */
  upcoming: boolean;
  /** Open items first, each part in the order they were written. */
  items: SessionRecord['actionItems'];
  open: number;
}

/**
 * The action items of a mentorship, one group per session: groups with open items first, then
 * the rest; within each part, the latest session first.
 */
export function actionItemGroups(
  mentorshipId: string,
  sessions: SessionRecord[],
): ActionItemGroup[] {
  const when = (s: SessionRecord) => s.startedAt ?? s.scheduledAt ?? Number.MAX_SAFE_INTEGER;
  return sessions
    .filter((s) => s.mentorshipId === mentorshipId && s.actionItems.length > 0)
    .map((session) => {
      const open = session.actionItems.filter((a) => a.doneAt === undefined);
      const done = session.actionItems.filter((a) => a.doneAt !== undefined);
      return {
        session,
        upcoming: session.status === 'scheduled',
        items: [...open, ...done],
        open: open.length,
      };
    })
    .sort((a, b) => Number(b.open > 0) - Number(a.open > 0) || when(b.session) - when(a.session));
}

// ---------------------------------------------------------------------------------------------
// Everything at once: the page and backups read the same snapshot.

/** Every record, read in one transaction so the four lists agree with each other. */
export async function loadAll(d: Db): Promise<BackupData> {
  const tx = d.transaction(['mentorships', 'sessions', 'notes', 'reflections'], 'readonly');
  const [mentorships, sessions, notes, reflections] = await Promise.all([
    tx.objectStore('mentorships').getAll(),
    tx.objectStore('sessions').getAll(),
    tx.objectStore('notes').getAll(),
    tx.objectStore('reflections').getAll(),
    tx.done,
  ]);
  return { mentorships, sessions, notes, reflections };
}

/**
 * Writes a backup's records: 'merge' adds them and replaces records with the same id, keeping
 * the rest; 'replace' clears everything first. One transaction over all four stores, so a record
 * that fails to write aborts the whole restore and the database stays as it was. The records are
 * checked first, as `parseBackup` does.
 */
export async function restoreBackup(d: Db, data: BackupData, mode: RestoreMode): Promise<void> {
  const clean = checkBackupData(data);
  const tx = d.transaction([...BACKUP_KINDS], 'readwrite');
  const writes: Promise<unknown>[] = [];
  try {
    // Requests on one store run in the order they are made: each clear before its puts.
    const mentorships = tx.objectStore('mentorships');
    const sessions = tx.objectStore('sessions');
    const notes = tx.objectStore('notes');
    const reflections = tx.objectStore('reflections');
    if (mode === 'replace') {
      writes.push(mentorships.clear(), sessions.clear(), notes.clear(), reflections.clear());
    }
    for (const r of clean.mentorships) writes.push(mentorships.put(r));
    for (const r of clean.sessions) writes.push(sessions.put(r));
    for (const r of clean.notes) writes.push(notes.put(r));
    for (const r of clean.reflections) writes.push(reflections.put(r));
    await Promise.all([...writes, tx.done]);
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the request that failed.
    }
    await Promise.allSettled([...writes, tx.done]);
    throw error;
  }
  announceChange();
}

// ---------------------------------------------------------------------------------------------
// Settings, kept in storage.local under `settings` (lib/session/focus-feed.ts reads the first
// two).

export interface OptionsSettings {
  /** Seconds away from the call tab before a nudge. */
  graceSeconds: number;
  nudges: boolean;
  /** The timer's length for a call that belongs to no mentorship. */
  defaultSessionMinutes: number;
}

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: OptionsSettings = {
  graceSeconds: 20,
  nudges: true,
  defaultSessionMinutes: 45,
};

const GRACE_RANGE = [1, 3600] as const;
const MINUTES_RANGE = [5, 240] as const;

function inRange(n: unknown, [min, max]: readonly [number, number]): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;
}

/** The settings in storage, with defaults for anything missing or out of range. */
export function settingsOf(stored: unknown): OptionsSettings {
  const o = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<
    string,
    unknown
  >;
  return {
    graceSeconds: inRange(o.graceSeconds, GRACE_RANGE)
      ? o.graceSeconds
      : DEFAULT_SETTINGS.graceSeconds,
    nudges: o.nudges !== false,
    defaultSessionMinutes: inRange(o.defaultSessionMinutes, MINUTES_RANGE)
      ? o.defaultSessionMinutes
      : DEFAULT_SETTINGS.defaultSessionMinutes,
  };
}

export interface SettingsDraft {
  graceSeconds: string;
  nudges: boolean;
  defaultSessionMinutes: string;
}

export type SettingsResult =
  | { ok: true; settings: OptionsSettings }
  | { ok: false; field: keyof SettingsDraft; message: string };

export function readSettingsDraft(draft: SettingsDraft): SettingsResult {
  const grace = wholeNumber(draft.graceSeconds);
  if (!inRange(grace, GRACE_RANGE)) {
    return {
      field: 'graceSeconds',
      ok: false,
      message: 'Choose a grace time from 1 to 3600 seconds.',
    };
  }
  const minutes = wholeNumber(draft.defaultSessionMinutes);
  if (!inRange(minutes, MINUTES_RANGE)) {
    return {
      ok: false,
      field: 'defaultSessionMinutes',
      message: 'Choose a session length from 5 to 240 minutes.',
    };
  }
  return {
    ok: true,
    settings: { graceSeconds: grace, nudges: draft.nudges, defaultSessionMinutes: minutes },
  };
}
