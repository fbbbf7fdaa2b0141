// Reading a calendar invite the other person's calendar sent (Google, Outlook, Apple): the
// `.ics` attachment's text, or the raw text pasted from an email. What comes back is what the
// booking needs: the session's time, its meeting link, the title, the UID (so a later update or
// cancellation finds the booking), and the recurrence if it is a series.
//
// The parsing is Mozilla's ical.js (unfolding, unescaping, VTIMEZONE rules, RRULE/EXDATE and
// changed occurrences). ical.js is about 80 kB, so it is imported here and nowhere else: pages
// load this module with `await import('…/calendar/invite')` when an invite is pasted or dropped,
// never in the content script or on the popup's first paint (a unit test keeps it so).
//
// Time zones, in the order they are tried for a DTSTART/DTEND with a TZID:
//   1. the invite's own VTIMEZONE of that name (Outlook sends one even for its Windows names
//      such as "W. Europe Standard Time"), read by ical.js;
//   2. the TZID as an IANA name the runtime knows, or the IANA zone of a Windows or Outlook
//      display name, or the tail of a path-prefixed name (windows-zones.ts), through Intl;
//   3. otherwise `invite-unknown-zone`: a guessed zone would book the wrong hour.
// A time with no TZID and no `Z` is floating (RFC 5545 3.3.5): the user's own zone.
//
// Every refusal is a UserError naming the problem, and nothing is returned to book. A
// cancellation (METHOD:CANCEL, or the event's STATUS:CANCELLED) is not an error: it comes back
// as `{ kind: 'cancel' }` so the caller can offer to cancel the booking with that UID or time,
// and shows `invite-cancelled` (see `bookingOf`) when it books nothing.
//
// Pure: the clock (`now`) and the user's zone are parameters; no browser APIs, no network.

import ICAL from 'ical.js';
import { UserError } from '../errors';
import { LIMITS } from '../limits';
import type { Platform } from '../records';
import { LINK_FIELDS, type MeetingLink, pickMeetingLink } from './meeting-link';
import { zoneCandidates } from './windows-zones';
import { isKnownZone, wallToInstant } from './zone';

/** The most text an invite may be (an invite is a few kB; a mail with one rarely 200 kB). */
export const INVITE_MAX_CHARS = LIMITS.inviteInput;
/** Occurrences walked to find the next one of a series (20 years of daily sessions). */
const MAX_OCCURRENCES = 7_500;

export interface InviteRecurrence {
  /** The RRULE as the invite wrote it, e.g. `FREQ=WEEKLY;BYDAY=TU`. */
  rule: string;
  freq: string;
  interval: number;
  /** Days between sessions for a plain daily or weekly rule (at most one weekday). */
  cadenceDays?: number;
  /** The last occurrence's latest start (UNTIL), UTC ms. */
  until?: number;
  count?: number;
}

export interface Invite {
  uid?: string;
  sequence: number;
  summary: string;
  /** The session's start, UTC ms: for a series, its next occurrence after `now`. */
  start: number;
  /** Its end; absent when the invite gives no end or duration (use the agreed length). */
  end?: number;
  /** The meeting link: a Meet, Zoom or Teams link when the invite has one. */
  link: string;
  /** The platform and meeting key of `link` (lib/session/links.ts), for matching the call. */
  platform?: Platform;
  meetingKey?: string;
  recurrence?: InviteRecurrence;
}

export type InviteResult =
  | { kind: 'book'; invite: Invite }
  | {
      kind: 'cancel';
      uid?: string;
      sequence: number;
      summary: string;
      /** The cancelled session's start (the one occurrence's, for one of a series). */
      start?: number;
      /** Only this occurrence of a series is cancelled (the event has a RECURRENCE-ID). */
      occurrence: boolean;
    };

export interface InviteOptions {
  now: number;
  /** The user's IANA zone, for floating times. */
  timeZone: string;
}

/** The invite to book, or `invite-cancelled` for a cancellation. */
export function bookingOf(result: InviteResult): Invite {
  if (result.kind === 'cancel') throw new UserError('invite-cancelled');
  return result.invite;
}

/** The lines of a block quoted in a mail (`> `), unquoted; other text as it is. */
function unquote(block: string): string {
  const lines = block.split(/\r\n|\r|\n/);
  const quoted = lines.every((l) => l.trim() === '' || l.startsWith('>'));
  if (!quoted) return lines.join('\r\n');
  return lines
    .filter((l) => l.trim() !== '')
    .map((l) => l.replace(/^> ?/, ''))
    .join('\r\n');
}

/** The VCALENDAR in pasted text: mail around it, `> ` quoting, a bare VEVENT. */
function calendarText(text: string): string {
  const t = text.replace(/^\uFEFF/, '');
  const block = (name: string) => {
    const from = t.search(new RegExp(`^[> \\t]*BEGIN:${name}`, 'im'));
    if (from < 0) return undefined;
    const endRe = new RegExp(`END:${name}[^\\S\\r\\n]*$`, 'gim');
    endRe.lastIndex = from;
    const to = endRe.exec(t);
    return to ? unquote(t.slice(from, to.index + to[0].length)) : undefined;
  };
  const calendar = block('VCALENDAR');
  if (calendar !== undefined) return calendar;
  const event = block('VEVENT');
  if (event === undefined) throw new UserError('invite-not-calendar');
  return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${event}\r\nEND:VCALENDAR`;
}

function parseCalendar(text: string): ICAL.Component {
  let jcal: unknown;
  try {
    jcal = ICAL.parse(calendarText(text));
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError('invite-not-calendar');
  }
  const roots = (Array.isArray((jcal as unknown[])[0]) ? jcal : [jcal]) as unknown[];
  for (const root of roots) {
    const comp = new ICAL.Component(root as []);
    if (comp.name === 'vcalendar') return comp;
  }
  throw new UserError('invite-not-calendar');
}

/** The instant of a DTSTART/DTEND-like time; undefined for a date without a time. */
function instantOf(time: ICAL.Time, tzid: string | undefined, opts: InviteOptions) {
  if (time.isDate) return undefined;
  const zone = time.zone;
  const fromBlock =
    zone !== undefined &&
    zone !== ICAL.Timezone.localTimezone &&
    (zone === ICAL.Timezone.utcTimezone || (zone.component?.getAllSubcomponents().length ?? 0) > 0);
  if (fromBlock) return time.toUnixTime() * 1000;
  const wall = {
    year: time.year,
    month: time.month,
    day: time.day,
    hour: time.hour,
    minute: time.minute,
    second: time.second,
  };
  if (tzid === undefined) return wallToInstant(opts.timeZone, wall);
  const iana = zoneCandidates(tzid).find(isKnownZone);
  // The zone's name is shown in the sentence; `@` would make it a locale key.
  if (iana === undefined) throw new UserError('invite-unknown-zone', [tzid.replace(/^@+/, '')]);
  return wallToInstant(iana, wall);
}

const tzidOf = (comp: ICAL.Component, name: string) => {
  const tzid = comp.getFirstProperty(name)?.getParameter('tzid');
  return typeof tzid === 'string' ? tzid : undefined;
};

interface Timed {
  start: number;
  end?: number;
  item: ICAL.Event;
}

function timesOf(item: ICAL.Event, start: ICAL.Time, end: ICAL.Time, opts: InviteOptions) {
  const comp = item.component;
  const at = instantOf(start, tzidOf(comp, 'dtstart'), opts);
  if (at === undefined || !Number.isFinite(at)) throw new UserError('invite-no-time');
  if (!comp.hasProperty('dtend') && !comp.hasProperty('duration')) return { start: at, item };
  const until = instantOf(end, tzidOf(comp, 'dtend') ?? tzidOf(comp, 'dtstart'), opts);
  return { start: at, item, ...(until !== undefined && until > at ? { end: until } : {}) };
}

/** The first occurrence of the event that starts after `now`, changed occurrences included. */
function nextOccurrence(event: ICAL.Event, opts: InviteOptions): Timed | undefined {
  if (!event.component.hasProperty('dtstart')) throw new UserError('invite-no-time');
  if (!event.isRecurring()) {
    const t = timesOf(event, event.startDate, event.endDate, opts);
    return t.start > opts.now ? t : undefined;
  }
  // A series said to start before 1970 (a damaged year such as 0202) would be walked for all
  // MAX_OCCURRENCES, each slow that far before any time zone rule (20 seconds, seen here), to
  // end in the past anyway: no mentoring series started then.
  if (event.startDate.year < 1970) throw new UserError('invite-past');
  const it = event.iterator();
  for (let i = 0; i < MAX_OCCURRENCES; i++) {
    const next = it.next();
    if (!next) return undefined;
    const d = event.getOccurrenceDetails(next);
    if (String(d.item.component.getFirstPropertyValue('status')).toUpperCase() === 'CANCELLED') {
      continue;
    }
    const t = timesOf(d.item, d.startDate, d.endDate, opts);
    if (t.start > opts.now) return t;
  }
  return undefined;
}

function meetingLinkOf(comps: ICAL.Component[]): MeetingLink {
  const values = LINK_FIELDS.flatMap((field) =>
    comps.flatMap((c) =>
      c
        .getAllProperties(field)
        .flatMap((p) => p.getValues().map((v) => ({ field, value: String(v) }))),
    ),
  );
  const found = pickMeetingLink(values);
  if (!found) throw new UserError('invite-no-link');
  return found;
}

function recurrenceOf(event: ICAL.Event, opts: InviteOptions): InviteRecurrence | undefined {
  const rrule = event.component.getFirstPropertyValue('rrule');
  if (!(rrule instanceof ICAL.Recur)) return undefined;
  const interval = rrule.interval || 1;
  const byDay = rrule.parts.BYDAY ?? [];
  const cadenceDays =
    rrule.freq === 'DAILY'
      ? interval
      : rrule.freq === 'WEEKLY' && byDay.length <= 1
        ? 7 * interval
        : undefined;
  const until = rrule.until
    ? instantOf(rrule.until, tzidOf(event.component, 'dtstart'), opts)
    : undefined;
  return {
    rule: rrule.toString(),
    freq: rrule.freq,
    interval,
    ...(cadenceDays !== undefined ? { cadenceDays } : {}),
    ...(until !== undefined ? { until } : {}),
    ...(rrule.count ? { count: rrule.count } : {}),
  };
}

const isCancelled = (c: ICAL.Component) =>
  String(c.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';

/**
 * The invite in `text`, to book or to cancel. Throws a UserError: `text-too-long`,
 * `invite-not-calendar`, `invite-no-time`, `invite-unknown-zone`, `invite-past`,
 * `invite-no-link`.
 */
export function readInvite(text: string, opts: InviteOptions): InviteResult {
  if (text.length > INVITE_MAX_CHARS) throw new UserError('text-too-long', [INVITE_MAX_CHARS]);
  try {
    return readCalendar(parseCalendar(text), opts);
  } catch (error) {
    // ical.js reads some values only when asked (an integer, a date deep in a rule): a damaged
    // one throws its own error then, which is still a text that is no usable invite.
    if (error instanceof UserError) throw error;
    throw new UserError('invite-not-calendar', [], { cause: error });
  }
}

function readCalendar(calendar: ICAL.Component, opts: InviteOptions): InviteResult {
  const vevents = calendar.getAllSubcomponents('vevent');
  if (vevents.length === 0) throw new UserError('invite-not-calendar');
  const method = String(calendar.getFirstPropertyValue('method') ?? '').toUpperCase();
  const uidOf = (c: ICAL.Component) => {
    const uid = c.getFirstPropertyValue('uid');
    return typeof uid === 'string' && uid !== '' ? uid : undefined;
  };
  // An invite for one changed occurrence of a series has only that occurrence's VEVENT.
  const masters = vevents.filter((c) => !c.hasProperty('recurrence-id'));
  const heads = masters.length > 0 ? masters : vevents;

  const first = heads[0];
  if (first !== undefined && (method === 'CANCEL' || heads.every(isCancelled))) {
    const event = new ICAL.Event(first, { exceptions: [] });
    const rid = first.getFirstPropertyValue('recurrence-id');
    const when =
      rid instanceof ICAL.Time ? rid : first.hasProperty('dtstart') ? event.startDate : null;
    let start: number | undefined;
    try {
      start = when
        ? instantOf(when, tzidOf(first, rid ? 'recurrence-id' : 'dtstart'), opts)
        : undefined;
    } catch {
      start = undefined; // A cancellation is still one when its zone is unknown.
    }
    const uid = uidOf(first);
    return {
      kind: 'cancel',
      ...(uid ? { uid } : {}),
      sequence: event.sequence || 0,
      summary: event.summary ?? '',
      ...(start !== undefined ? { start } : {}),
      occurrence: rid instanceof ICAL.Time,
    };
  }

  let best: { event: ICAL.Event; next: Timed } | undefined;
  for (const head of heads.filter((c) => !isCancelled(c))) {
    const uid = uidOf(head);
    const exceptions = vevents.filter(
      (c) => c !== head && c.hasProperty('recurrence-id') && uidOf(c) === uid,
    );
    const event = new ICAL.Event(head, {
      exceptions: head.hasProperty('recurrence-id') ? [] : exceptions,
    });
    const next = nextOccurrence(event, opts);
    if (next && (!best || next.start < best.next.start)) best = { event, next };
  }
  if (!best) throw new UserError('invite-past');
  const { event, next } = best;
  const uid = uidOf(event.component);
  const recurrence = recurrenceOf(event, opts);
  return {
    kind: 'book',
    invite: {
      ...(uid ? { uid } : {}),
      sequence: event.sequence || 0,
      summary: (next.item.summary || event.summary) ?? '',
      start: next.start,
      ...(next.end !== undefined ? { end: next.end } : {}),
      ...meetingLinkOf([next.item.component, event.component]),
      ...(recurrence ? { recurrence } : {}),
    },
  };
}
