// The sessions repository, before and after the call: the session to prepare, its topic and
// action items, booking, moving and marking sessions, and dismissing a reflection. (The call
// itself, going live, ending and being assigned, is in live.ts.)
//
// Decisions are the pure rules in lib/rules/ (which session is next, what kind a booking is,
// when a topic text is kept as a version); these functions read, apply a rule, and write
// through `write`, which aborts on any refusal and announces the change once.

import { type Db, newId } from '../db';
import { UserError } from '../errors';
import { checkLength, isTime, LIMITS } from '../limits';
import type { Role, SessionRecord } from '../records';
import { type ActionItemEdit, applyActionItemEdit } from '../rules/action-items';
import { earliestScheduled, kindForBooking, kindWhenUnmarked } from '../rules/schedule';
import { changeTopic, settle } from '../rules/topic';
import { isWithinSameWeek, MONDAY, reschedule, weekDays } from '../schedule';
import { meetingKeyOf } from '../session/links';
import { found, write } from './tx';

export async function getSession(d: Db, id: string): Promise<SessionRecord | undefined> {
  return d.get('sessions', id);
}

/** The next session to prepare: the earliest still scheduled (undated ones last). */
export async function nextSession(
  d: Db,
  mentorshipId?: string,
): Promise<SessionRecord | undefined> {
  return earliestScheduled(
    await d.getAllFromIndex('sessions', 'byStatus', 'scheduled'),
    mentorshipId,
  );
}

/**
 * The session the popup prepares for a mentorship: the next one, or, when none is booked, a new
 * undated one (a later booking gives it its date, so what was prepared stays with it).
 */
export async function ensurePrepSession(d: Db, mentorshipId: string): Promise<SessionRecord> {
  return write(d, ['mentorships', 'sessions'], async (tx, unchanged) => {
    found(await tx.objectStore('mentorships').get(mentorshipId), 'mentorship-gone');
    const sessions = tx.objectStore('sessions');
    const theirs = await sessions.index('byMentorship').getAll(mentorshipId);
    const next = earliestScheduled(theirs);
    if (next) {
      unchanged();
      return next;
    }
    const fresh: SessionRecord = {
      id: newId(),
      mentorshipId,
      kind: kindForBooking(theirs),
      status: 'scheduled',
      actionItems: [],
    };
    await sessions.add(fresh);
    return fresh;
  });
}

/** One session changed in one write; `change` returns undefined when there is nothing to do. */
function changeSession(
  d: Db,
  sessionId: string,
  change: (s: SessionRecord) => SessionRecord | undefined,
): Promise<SessionRecord> {
  return write(d, ['sessions'], async (tx, unchanged) => {
    const s = found(await tx.store.get(sessionId), 'session-gone');
    const next = change(s);
    if (!next) {
      unchanged();
      return s;
    }
    await tx.store.put(next);
    return next;
  });
}

/**
 * The topic as `by` types it. A version of the earlier text is kept only once it settled (a
 * pause, a blur, the other person): see lib/rules/topic.ts.
 */
export function setTopic(
  d: Db,
  sessionId: string,
  text: string,
  by: Role,
  now: number,
): Promise<SessionRecord> {
  return changeSession(d, sessionId, (s) => {
    const topic = changeTopic(s.topic, text, by, now);
    return topic && { ...s, topic };
  });
}

/** The topic field was left (blur): keep its text as a version. */
export function settleTopic(d: Db, sessionId: string): Promise<SessionRecord> {
  return changeSession(d, sessionId, (s) => {
    const topic = s.topic && settle(s.topic);
    return topic && topic !== s.topic ? { ...s, topic } : undefined;
  });
}

/**
 * Adds an action item to a session, changes one's text, sets one done or not, or ticks one off
 * (or back on): see `ActionItemEdit`. An item another view deleted refuses the edit
 * (`action-item-gone`), a session deleted refuses it (`session-gone`); an edit that changes
 * nothing writes nothing and announces nothing. (Deleting one is `removeActionItem`.)
 */
export function editActionItems(
  d: Db,
  sessionId: string,
  edit: ActionItemEdit,
  now: number,
): Promise<SessionRecord> {
  const id = newId();
  return changeSession(d, sessionId, (s) => {
    const actionItems = applyActionItemEdit(s.actionItems, edit, now, id);
    return actionItems === s.actionItems ? undefined : { ...s, actionItems };
  });
}

/** The user chose not to reflect on a session (or changed their mind). */
export function dismissReflection(
  d: Db,
  sessionId: string,
  dismissed: boolean,
): Promise<SessionRecord> {
  return changeSession(d, sessionId, (s) => {
    const { reflectionDismissed: _, ...rest } = s;
    return dismissed ? { ...rest, reflectionDismissed: true } : rest;
  });
}

// ---------------------------------------------------------------------------------------------
// The schedule.

/**
 * Books a session at `at`. A session waiting without a date (made when notes were written
 * before any booking) gets the date, so what was prepared for it stays with it.
 */
export async function bookSession(
  d: Db,
  mentorshipId: string,
  at: number,
  now: number,
  extra: { meetingLink?: string } = {},
): Promise<SessionRecord> {
  const own = extra.meetingLink === undefined ? undefined : ownLink(extra.meetingLink);
  if (!isTime(at)) throw new UserError('time-invalid');
  if (at <= now) throw new UserError('time-past');
  return write(d, ['mentorships', 'sessions'], async (tx, unchanged) => {
    found(await tx.objectStore('mentorships').get(mentorshipId), 'mentorship-gone');
    const sessions = tx.objectStore('sessions');
    const theirs = await sessions.index('byMentorship').getAll(mentorshipId);
    // Booked already at that time (a reflection saved twice, an invite for that booking): keep
    // the one there is, with the meeting link it now has.
    const same = theirs.find((s) => s.status === 'scheduled' && s.scheduledAt === at);
    if (same && (!own || sameLink(same, own))) {
      unchanged();
      return same;
    }
    const undated = theirs.find((s) => s.status === 'scheduled' && s.scheduledAt === undefined);
    const base: SessionRecord = same ??
      (undated ? { ...undated, scheduledAt: at } : undefined) ?? {
        id: newId(),
        mentorshipId,
        kind: kindForBooking(theirs),
        status: 'scheduled',
        scheduledAt: at,
        actionItems: [],
      };
    const session = own ? withLink(base, own) : base;
    await sessions.put(session);
    return session;
  });
}

/**
 * Moves a booked session, within its own week ("reschedule within the week rather than
 * skip"). A booking whose week is already over (the session never happened) may move to any
 * time to come: that week cannot be kept any more. `tzOffsetMinutes` and `firstDay` (the user's
 * first day of the week, 1 = Monday … 7 = Sunday) decide the local week.
 */
export function rescheduleSession(
  d: Db,
  sessionId: string,
  at: number,
  now: number,
  tzOffsetMinutes = 0,
  firstDay = MONDAY,
): Promise<SessionRecord> {
  if (!isTime(at)) return Promise.reject(new UserError('time-invalid'));
  return changeSession(d, sessionId, (s) => {
    if (s.status !== 'scheduled') throw new UserError('not-booked');
    const original = s.scheduledAt;
    const weekGone =
      original === undefined ||
      (original <= now && !isWithinSameWeek(original, now, tzOffsetMinutes, firstDay));
    if (weekGone) {
      if (at <= now) throw new UserError('time-past');
    } else {
      const result = reschedule(original, at, now, tzOffsetMinutes, firstDay);
      if (!result.ok) {
        if (result.reason === 'other-week') {
          // The sentence names the week's first and last day (words of their own in _locales).
          const days = weekDays(firstDay);
          throw new UserError('other-week', [`@weekday_${days.from}`, `@weekday_${days.to}`]);
        }
        throw new UserError(result.reason === 'past' ? 'time-past' : 'time-invalid');
      }
    }
    return { ...s, scheduledAt: at };
  });
}

/** A booking's own link and the meeting key it names (none for a link that names no meeting). */
interface OwnLink {
  meetingLink: string;
  meetingKey?: string;
}

function ownLink(link: string): OwnLink {
  const meetingLink = link.trim();
  const tooLong = checkLength(meetingLink, LIMITS.link);
  if (tooLong) throw tooLong;
  const meetingKey = meetingKeyOf(meetingLink);
  return {
    meetingLink,
    ...(meetingKey && !checkLength(meetingKey, LIMITS.meetingKey) ? { meetingKey } : {}),
  };
}

const sameLink = (s: SessionRecord, own: OwnLink) =>
  s.meetingLink === own.meetingLink && s.meetingKey === own.meetingKey;

/** The session with `own` as its link; the key of an earlier link goes with that link. */
function withLink(s: SessionRecord, own: OwnLink): SessionRecord {
  const { meetingKey: _, ...rest } = s;
  return { ...rest, ...own };
}

/**
 * Gives a booked session its own meeting link (an invite's) and that link's meeting key
 * (lib/session/links.ts), so the call on it is matched to the session (lib/session/match.ts),
 * the reminder opens it and the calendar file carries it. A new link replaces the old one.
 */
export function setSessionMeetingLink(
  d: Db,
  sessionId: string,
  link: string,
): Promise<SessionRecord> {
  let own: OwnLink;
  try {
    own = ownLink(link);
  } catch (e) {
    return Promise.reject(e);
  }
  return changeSession(d, sessionId, (s) => {
    if (s.status !== 'scheduled') throw new UserError('not-booked');
    return sameLink(s, own) ? undefined : withLink(s, own);
  });
}

/**
 * Marks a booked session as the mentorship's last one (the reflection then asks for key
 * takeaways, a retrospective and what's next), or takes the mark off. One booking at most
 * carries the mark.
 */
export function setLastSession(d: Db, sessionId: string, last: boolean): Promise<SessionRecord> {
  return write(d, ['sessions'], async (tx) => {
    const s = found(await tx.store.get(sessionId), 'session-gone');
    if (s.status !== 'scheduled') throw new UserError('not-booked');
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
    return next;
  });
}
