// Reminders that keep the pace, as the alarms that should exist now. The background keeps
// `browser.alarms` equal to `planReminders(…)` (`alarmChanges` says what to create and clear)
// whenever records, settings or the shown list change and when the worker starts; nothing ticks,
// and alarms outlive a worker or browser restart. When one fires, the handler asks
// `dueReminder(name, records, now)` (or `isStillDue`) before showing anything, then adds the name
// to the shown list.
//
//   kind         when                                          for
//   day-before   the same local time a calendar day before      a booked session: the mentee is
//                                                              asked for their thoughts, the
//                                                              mentor told whether they came
//   starting     5 minutes before                              a booked session (opens the link)
//   book-next    a day after the last session, when nothing    a mentorship
//                is booked within one cadence of then
//   reflect      a day after a session ended, while the user   an ended session
//                has not finished (or dismissed) theirs
//
// An alarm's name carries what it is about and the time it was planned from:
// `reminder:<kind>:<session or mentorship id>:<scheduledAt | endedAt | last session>`. A session
// moved to another time plans a new name and the old one is no longer due; a deleted session
// plans none. Each name is shown once. One that comes due while the browser was closed is
// planned for `now` while it still makes sense (a day-before reminder up to an hour before the
// session, a starting one until 10 minutes after the start, a reflection for a week).
//
// Pure: the clock and the zone are parameters; no browser APIs.

import { addLocalDays, isKnownZone, wallTimeOf } from '../calendar/zone';
import type { Mentorship, Note, Reflection, Role, SessionRecord } from '../records';
import { clampCadenceDays } from '../schedule';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../time';

export type ReminderKind = 'day-before' | 'starting' | 'book-next' | 'reflect';

/** One switch per kind, as Settings shows them. */
export interface ReminderSettings {
  dayBefore: boolean;
  starting: boolean;
  bookNext: boolean;
  reflect: boolean;
}

export const ALL_REMINDERS: ReminderSettings = {
  dayBefore: true,
  starting: true,
  bookNext: true,
  reflect: true,
};

export interface ReminderRecords {
  mentorships: readonly Mentorship[];
  sessions: readonly SessionRecord[];
  notes: readonly Note[];
  reflections: readonly Reflection[];
  settings: ReminderSettings;
  /** Names of the reminders already shown. */
  shown: readonly string[];
  /** The user's IANA zone ("the day before" is a calendar day, 23 or 25 hours at a change). */
  timeZone: string;
}

type SessionReminder = Exclude<ReminderKind, 'book-next'>;

export type PlannedAlarm =
  | {
      name: string;
      when: number;
      kind: SessionReminder;
      sessionId: string;
      mentorshipId: string;
    }
  | { name: string; when: number; kind: 'book-next'; mentorshipId: string };

/** What a fired reminder should say, decided when it fires. */
export interface DueReminder {
  alarm: PlannedAlarm;
  otherName: string;
  role: Role;
  /** The session's time (day-before, starting, reflect). */
  sessionAt?: number;
  /** The meeting link to open (starting), when the mentorship has one. */
  link?: string;
  /** Day-before: whether the mentee's pre-session thoughts are there (for a mentee, written). */
  menteeNotes?: boolean;
}

export const REMINDER_PREFIX = 'reminder:';
export const STARTING_LEAD_MS = 5 * MINUTE_MS;
/** A day-before reminder is not worth showing in the last hour: the starting one comes. */
const DAY_BEFORE_LATEST_MS = HOUR_MS;
const STARTING_LATEST_MS = 10 * MINUTE_MS;
const REFLECT_WINDOW_MS = 7 * DAY_MS;

export function alarmName(kind: ReminderKind, id: string, at: number): string {
  return `${REMINDER_PREFIX}${kind}:${encodeURIComponent(id)}:${at}`;
}

export const isReminderAlarm = (name: string) => name.startsWith(REMINDER_PREFIX);

/** The day-before, starting and reflection reminders of one session. */
function sessionAlarms(
  s: SessionRecord,
  m: Mentorship,
  r: ReminderRecords,
  zone: string,
  now: number,
): PlannedAlarm[] {
  const out: PlannedAlarm[] = [];
  const plan = (kind: SessionReminder, at: number, due: number, latest: number) => {
    if (now >= latest) return;
    out.push({
      name: alarmName(kind, s.id, at),
      when: Math.max(due, now),
      kind,
      sessionId: s.id,
      mentorshipId: m.id,
    });
  };
  const at = s.scheduledAt;
  if (s.status === 'scheduled' && at !== undefined) {
    if (r.settings.dayBefore) {
      plan('day-before', at, addLocalDays(zone, at, -1), at - DAY_BEFORE_LATEST_MS);
    }
    if (r.settings.starting) plan('starting', at, at - STARTING_LEAD_MS, at + STARTING_LATEST_MS);
  }
  if (
    r.settings.reflect &&
    s.status === 'ended' &&
    s.endedAt !== undefined &&
    !s.reflectionDismissed
  ) {
    const mine = r.reflections.find((x) => x.sessionId === s.id && x.role === m.myRole);
    if (!mine?.complete) {
      const due = addLocalDays(zone, s.endedAt, 1);
      plan('reflect', s.endedAt, due, due + REFLECT_WINDOW_MS);
    }
  }
  return out;
}

/** When a session happened or was to happen. */
const timeOf = (s: SessionRecord) => s.endedAt ?? s.startedAt ?? s.scheduledAt;

function localDate(zone: string, at: number): string {
  const w = wallTimeOf(zone, at);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${String(w.year).padStart(4, '0')}-${p(w.month)}-${p(w.day)}`;
}

/** "Book your next session": none booked within one cadence, a day after the last one. */
function bookNextAlarm(
  m: Mentorship,
  sessions: readonly SessionRecord[],
  zone: string,
  now: number,
): PlannedAlarm | undefined {
  const { agreement } = m;
  if (agreement.endsOn && localDate(zone, now) > agreement.endsOn) return undefined;
  const horizon = now + clampCadenceDays(agreement.cadenceDays) * DAY_MS;
  // A session live right now is not "nothing booked".
  if (sessions.some((s) => s.status === 'live')) return undefined;
  const bookedSoon = sessions.some(
    (s) =>
      s.status === 'scheduled' &&
      s.scheduledAt !== undefined &&
      s.scheduledAt > now &&
      s.scheduledAt <= horizon,
  );
  if (bookedSoon) return undefined;
  const past = sessions.map(timeOf).filter((t): t is number => t !== undefined && t <= now);
  const anchor = Math.max(m.createdAt, ...past);
  return {
    name: alarmName('book-next', m.id, anchor),
    when: Math.max(addLocalDays(zone, anchor, 1), now),
    kind: 'book-next',
    mentorshipId: m.id,
  };
}

/** Every reminder alarm that should exist at `now`, soonest first. */
export function planReminders(records: ReminderRecords, now: number): PlannedAlarm[] {
  const zone = isKnownZone(records.timeZone) ? records.timeZone : 'UTC';
  const shown = new Set(records.shown);
  const out: PlannedAlarm[] = [];
  for (const m of records.mentorships) {
    if (m.archivedAt !== undefined) continue;
    const sessions = records.sessions.filter((s) => s.mentorshipId === m.id);
    for (const s of sessions) out.push(...sessionAlarms(s, m, records, zone, now));
    if (records.settings.bookNext) {
      const alarm = bookNextAlarm(m, sessions, zone, now);
      if (alarm) out.push(alarm);
    }
  }
  return out.filter((a) => !shown.has(a.name)).sort((a, b) => a.when - b.when);
}

/** Whether the alarm that fired is one that should still be shown. */
export function isStillDue(alarmName: string, records: ReminderRecords, now: number): boolean {
  return dueReminder(alarmName, records, now) !== null;
}

/** What to show for the alarm that fired, or null when it should not show (moved, done, off). */
export function dueReminder(
  alarmName: string,
  records: ReminderRecords,
  now: number,
): DueReminder | null {
  if (!isReminderAlarm(alarmName)) return null;
  const alarm = planReminders(records, now).find((a) => a.name === alarmName);
  if (!alarm) return null;
  const m = records.mentorships.find((x) => x.id === alarm.mentorshipId);
  if (!m) return null;
  const base: DueReminder = { alarm, otherName: m.otherName, role: m.myRole };
  if (alarm.kind === 'book-next') return base;
  const s = records.sessions.find((x) => x.id === alarm.sessionId);
  const sessionAt = s?.scheduledAt ?? s?.startedAt;
  const due: DueReminder = { ...base, ...(sessionAt !== undefined ? { sessionAt } : {}) };
  // A booking's own link (an invite's) is the meeting's, else the mentorship's usual one.
  const link = s?.meetingLink ?? m.meetingLink;
  if (alarm.kind === 'starting' && link) due.link = link;
  if (alarm.kind === 'day-before') {
    due.menteeNotes = records.notes.some(
      (n) => n.sessionId === alarm.sessionId && n.author === 'mentee' && n.text.trim() !== '',
    );
  }
  return due;
}

/** What to do to `browser.alarms` so that it holds exactly the planned reminder alarms. */
export function alarmChanges(
  existing: readonly { name: string }[],
  planned: readonly PlannedAlarm[],
): { create: PlannedAlarm[]; clear: string[] } {
  const have = new Set(existing.map((a) => a.name).filter(isReminderAlarm));
  const want = new Set(planned.map((a) => a.name));
  return {
    // An existing name keeps its alarm: its time follows from the name.
    create: planned.filter((a) => !have.has(a.name)),
    clear: [...have].filter((name) => !want.has(name)),
  };
}
