// The schedule as people see it: which session is the next one, which one a call is, what kind
// a booking is, and the Mentorships page's schedule view (booked sessions, the banner asking for
// a booking, the suggested time, whether the mentorship is over).
//
// Two rules that used to be written out wherever they were needed live here once:
//   - the earliest scheduled session: dated ones by time, undated ones last (the popup prepares
//     it, the schedule lists in that order, a pack lands on it);
//   - the pending session: the earliest scheduled one unless it is more than a week off (a call
//     of that mentorship becomes it, so what was prepared for it shows).
//
// Pure: no browser, no clock (`now` is a parameter).

import type { Mentorship, Note, Rekind, SessionKind, SessionRecord } from '../records';
import {
  clampCadenceDays,
  needsScheduling,
  SCHEDULE_AHEAD_DAYS,
  suggestNextSession,
} from '../schedule';
import { DAY_MS, HOUR_MS, MINUTE_MS, parseIsoDate } from '../time';

/** How far ahead a scheduled session still counts as the one waiting to happen. */
export const PENDING_WITHIN_MS = 7 * DAY_MS;

/** A session that took place: it went live at some point. */
export function wasHeld(s: SessionRecord): boolean {
  return s.status !== 'scheduled' && s.startedAt !== undefined;
}

const whenScheduled = (s: SessionRecord) => s.scheduledAt ?? Number.MAX_SAFE_INTEGER;

/** Scheduled sessions in the order they come: dated ones by time, undated ones last. */
export function scheduledInOrder(sessions: readonly SessionRecord[]): SessionRecord[] {
  return sessions
    .filter((s) => s.status === 'scheduled')
    .sort((a, b) => whenScheduled(a) - whenScheduled(b));
}

/** The earliest scheduled session (of one mentorship, when given), undated ones last. */
export function earliestScheduled(
  sessions: readonly SessionRecord[],
  mentorshipId?: string,
): SessionRecord | undefined {
  return scheduledInOrder(
    mentorshipId === undefined ? sessions : sessions.filter((s) => s.mentorshipId === mentorshipId),
  )[0];
}

/**
 * The session of a mentorship waiting to happen at `now`: the earliest scheduled one, unless it
 * is more than a week off (a session of a later week is left alone). An undated one waits now.
 */
export function pendingSession(
  sessions: readonly SessionRecord[],
  mentorshipId: string,
  now: number,
): SessionRecord | undefined {
  return earliestScheduled(
    sessions.filter((s) => (s.scheduledAt ?? now) < now + PENDING_WITHIN_MS),
    mentorshipId,
  );
}

/**
 * The kind of a session that happens now: the first one until one has been held (a call before
 * the booked first session is the first meeting all the same).
 */
export function kindForNew(theirs: readonly SessionRecord[]): SessionKind {
  return theirs.some((s) => s.status !== 'scheduled') ? 'regular' : 'first';
}

/** A booking is the first session until one was held or the first is already booked. */
export function kindForBooking(theirs: readonly SessionRecord[]): SessionKind {
  const started = theirs.some((s) => s.status !== 'scheduled');
  const firstWaiting = theirs.some((s) => s.status === 'scheduled' && s.kind === 'first');
  return started || firstWaiting ? 'regular' : 'first';
}

/** A booking losing its 'last' mark is the first session if nothing is held or booked before it. */
export function kindWhenUnmarked(s: SessionRecord, others: readonly SessionRecord[]): SessionKind {
  const at = whenScheduled(s);
  const before = others.some(
    (o) => o.status !== 'scheduled' || o.kind === 'first' || whenScheduled(o) < at,
  );
  return before ? 'regular' : 'first';
}

/**
 * When the first session goes (a cancelled booking, a call that was no mentoring session) and
 * nothing else was held, the earliest booking left becomes the first session: the first meeting
 * is still to come. (A booking marked last keeps its mark.)
 */
export function firstAfterRemoval(
  removed: SessionRecord,
  remaining: readonly SessionRecord[],
): Rekind[] {
  if (removed.kind !== 'first') return [];
  if (remaining.some((s) => s.status !== 'scheduled' || s.kind === 'first')) return [];
  const [next] = scheduledInOrder(remaining);
  return next?.kind === 'regular' ? [{ sessionId: next.id, from: 'regular', to: 'first' }] : [];
}

/**
 * Whether cancelling a booking keeps the session, undated, rather than deleting it: it holds
 * something prepared (a topic, action items carried forward to it, a note) and has a date to
 * lose. The next booking then gets that session, and what was prepared with it.
 */
export function cancelKeepsPreparation(
  session: SessionRecord,
  notes: readonly Pick<Note, 'text'>[],
): boolean {
  if (session.scheduledAt === undefined) return false;
  return (
    Boolean(session.topic?.text) ||
    session.actionItems.length > 0 ||
    notes.some((n) => n.text.trim() !== '')
  );
}

// ---------------------------------------------------------------------------------------------
// The Mentorships page's schedule view.

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
  sessions: readonly SessionRecord[],
  now: number,
  tzOffsetMinutes = 0,
): ScheduleState {
  const mine = sessions.filter((s) => s.mentorshipId === m.id);
  const booked = scheduledInOrder(mine);
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

// ---------------------------------------------------------------------------------------------
// Who is next, across mentorships (a mentor with several mentees).

export interface NextUp {
  mentorship: Mentorship;
  /** Its next booking: the earliest one still to come, or else one waiting without a date. */
  session?: SessionRecord;
  /** When that booking is; absent when it has no date (or there is none). */
  at?: number;
}

/**
 * Every active mentorship, the one whose booking comes first at the top, then the others by
 * their next booking's time, then those with no dated booking (oldest mentorship first). A
 * booking still counts as next until its agreed length has passed (the call may be starting a
 * few minutes late); one further past was missed and is left out.
 */
export function nextAcross(
  mentorships: readonly Mentorship[],
  sessions: readonly SessionRecord[],
  now: number,
): NextUp[] {
  const byMentorship = new Map<string, SessionRecord[]>();
  for (const s of sessions) {
    if (s.status !== 'scheduled' || s.mentorshipId === null) continue;
    const list = byMentorship.get(s.mentorshipId);
    if (list) list.push(s);
    else byMentorship.set(s.mentorshipId, [s]);
  }
  const rows = mentorships
    .filter((m) => !m.archivedAt)
    .map((m): NextUp => {
      const length = Math.max(0, m.agreement.sessionMinutes) * MINUTE_MS;
      const booked = scheduledInOrder(byMentorship.get(m.id) ?? []);
      const dated = booked.find((s) => s.scheduledAt !== undefined && s.scheduledAt + length > now);
      if (dated) return { mentorship: m, session: dated, at: dated.scheduledAt };
      const undated = booked.find((s) => s.scheduledAt === undefined);
      return undated ? { mentorship: m, session: undated } : { mentorship: m };
    });
  const older = (a: NextUp, b: NextUp) =>
    a.mentorship.createdAt - b.mentorship.createdAt ||
    (a.mentorship.id < b.mentorship.id ? -1 : a.mentorship.id > b.mentorship.id ? 1 : 0);
  return rows.sort((a, b) => {
    if (a.at !== undefined && b.at !== undefined) return a.at - b.at || older(a, b);
    if (a.at !== undefined) return -1;
    if (b.at !== undefined) return 1;
    return older(a, b);
  });
}
