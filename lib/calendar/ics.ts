// iCalendar (RFC 5545) files for "Add to calendar": one booked session, several, or the whole
// series the cadence makes, and the cancellation of any of them.
//
// Times: DTSTART/DTEND are written in the user's zone, `TZID=<IANA name>` with a VTIMEZONE
// generated for it (vtimezone.ts), not as UTC `Z` times. A single event imports the same either
// way, but a series does not: an RRULE repeats the wall-clock time of DTSTART in DTSTART's
// zone, so a weekly 09:00 written in UTC would move to 10:00 (or 08:00) after the next
// daylight-saving change. Google and Apple Calendar take the IANA name itself; Outlook, which
// knows only Windows zones, matches the VTIMEZONE rules, and RFC 5545 requires the block for
// every TZID anyway. A user whose zone is UTC (or one the runtime does not know) gets `Z` times.
//
// Identity: every session has a stable UID (`sessionUid`), the series its own (`seriesUid`), so
// importing the file again after a reschedule replaces the event. Calendars take the version
// with the higher SEQUENCE: the caller keeps a counter per session (and per series), adds one on
// every change it exports, and passes it in.
//
// The meeting link goes in LOCATION (what Google and Outlook show and make clickable) and URL
// (what Apple shows), and after the topic in DESCRIPTION (Google's import drops URL).
//
// Lines end in CRLF and are folded at 75 octets of UTF-8, never inside a character.
//
// Pure: the clock (`now`, for DTSTAMP) and the zone are parameters; no browser APIs.

import { UserError } from '../errors';
import type { Mentorship, SessionRecord } from '../records';
import { MINUTE_MS } from '../time';
import { formatWall, vtimezoneLines } from './vtimezone';
import { canonicalZone, isUtcZone, utcAsWall, wallTimeOf, wallToInstant } from './zone';

export interface Repeat {
  /** Days between sessions: whole weeks become FREQ=WEEKLY, anything else FREQ=DAILY. */
  everyDays: number;
  /** The last day a session may fall on, YYYY-MM-DD in the user's zone (a time-framed end). */
  lastDay?: string;
  /** How many sessions in all, when there is no last day. */
  count?: number;
}

/** One event as the file will carry it. Times are UTC milliseconds. */
export interface CalendarEvent {
  uid: string;
  sequence: number;
  start: number;
  end: number;
  /** The title, in the user's language (the caller words it, e.g. "Mentoring: Ana"). */
  summary: string;
  /** Free text, usually the agreed topic. */
  description?: string;
  /** The meeting link (a web address). */
  link?: string;
  repeat?: Repeat;
}

export interface CalendarOptions {
  /** The instant the file is written (DTSTAMP). */
  now: number;
  /** The user's IANA zone: `Intl.DateTimeFormat().resolvedOptions().timeZone`. */
  timeZone: string;
}

const PRODID = '-//Mentor Companion//Calendar export 1//EN';
const UID_DOMAIN = 'mentor-companion';

export const sessionUid = (sessionId: string) => `session-${sessionId}@${UID_DOMAIN}`;
/** The series follows the pair's shared id, so both sides' files name the same series. */
export const seriesUid = (m: Mentorship) => `series-${m.pairId ?? m.id}@${UID_DOMAIN}`;

// biome-ignore lint/suspicious/noControlCharactersInRegex: TEXT may hold no control character but tab (RFC 5545 3.3.11): they are dropped.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** A TEXT value (RFC 5545 3.3.11): `\`, `;`, `,` and line breaks escaped; controls dropped. */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(CONTROLS, '')
    .replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

const encoder = new TextEncoder();

/**
 * One content line folded at 75 octets (RFC 5545 3.1): the continuation lines start with a
 * space, which counts toward their 75. Splits only between code points, so a multi-byte
 * character (Hebrew, an emoji) is never cut in half.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (octets + n > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join('\r\n');
}

const formatUtc = (at: number) => `${formatWall(utcAsWall(at))}Z`;

/** A web address for URL and LOCATION: a bare `meet.google.com/…` gets its `https://`. */
export function webLink(link: string | undefined): string | undefined {
  const trimmed = link?.trim();
  if (!trimmed) return undefined;
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(withScheme);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function repeatRule(repeat: Repeat, zone: string | undefined): string {
  const days = Math.max(1, Math.round(repeat.everyDays));
  const parts =
    days % 7 === 0 ? ['FREQ=WEEKLY', `INTERVAL=${days / 7}`] : ['FREQ=DAILY', `INTERVAL=${days}`];
  const m = repeat.lastDay ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(repeat.lastDay) : null;
  if (m) {
    const last = { year: +(m[1] ?? 0), month: +(m[2] ?? 0), day: +(m[3] ?? 0) };
    // The end of that day in the user's zone; UNTIL is UTC when DTSTART has a TZID (3.3.10).
    const wall = { ...last, hour: 23, minute: 59, second: 59 };
    const until = zone
      ? wallToInstant(zone, wall)
      : Date.UTC(last.year, last.month - 1, last.day, 23, 59, 59);
    parts.push(`UNTIL=${formatUtc(until)}`);
  } else if (repeat.count !== undefined && repeat.count > 0) {
    parts.push(`COUNT=${Math.round(repeat.count)}`);
  }
  return parts.join(';');
}

function eventLines(
  e: CalendarEvent,
  zone: string | undefined,
  now: number,
  cancelled: boolean,
): string[] {
  const time = (name: string, at: number) =>
    zone ? `${name};TZID=${zone}:${formatWall(wallTimeOf(zone, at))}` : `${name}:${formatUtc(at)}`;
  const link = webLink(e.link);
  const description = [e.description?.trim(), link].filter(Boolean).join('\n\n');
  const lines = [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `SEQUENCE:${Math.max(0, Math.round(e.sequence))}`,
    `DTSTAMP:${formatUtc(now)}`,
    time('DTSTART', e.start),
    time('DTEND', Math.max(e.end, e.start)),
    `SUMMARY:${escapeText(e.summary)}`,
  ];
  if (description) lines.push(`DESCRIPTION:${escapeText(description)}`);
  if (link) lines.push(`LOCATION:${escapeText(link)}`, `URL:${link}`);
  if (e.repeat) lines.push(`RRULE:${repeatRule(e.repeat, zone)}`);
  lines.push(`STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'END:VEVENT');
  return lines;
}

function calendar(events: CalendarEvent[], opts: CalendarOptions, method: 'PUBLISH' | 'CANCEL') {
  const known = canonicalZone(opts.timeZone);
  const zone = known && !isUtcZone(known) ? known : undefined;
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN'];
  lines.push(`METHOD:${method}`);
  if (zone && events.length > 0) {
    const from = Math.min(...events.map((e) => e.start));
    const to = Math.max(...events.map((e) => e.end));
    lines.push(...vtimezoneLines(zone, from, to));
  }
  for (const e of events) lines.push(...eventLines(e, zone, opts.now, method === 'CANCEL'));
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** A file that adds (or, with a higher SEQUENCE, updates) the events. */
export function toIcs(events: CalendarEvent[], opts: CalendarOptions): string {
  return calendar(events, opts, 'PUBLISH');
}

/**
 * A file that cancels the events (METHOD:CANCEL, each STATUS:CANCELLED, so a calendar that
 * ignores METHOD on import still marks them). Pass each event's next SEQUENCE.
 */
export function toCancelIcs(events: CalendarEvent[], opts: CalendarOptions): string {
  return calendar(events, opts, 'CANCEL');
}

/** A booked session as an event; a session with no time is refused (`not-booked`). */
export function sessionEvent(
  mentorship: Mentorship,
  session: SessionRecord,
  opts: { sequence: number; summary: string },
): CalendarEvent {
  if (session.scheduledAt === undefined) throw new UserError('not-booked');
  const start = session.scheduledAt;
  // A booking's own link (an invite's) is its meeting's, else the mentorship's usual one.
  const link = session.meetingLink ?? mentorship.meetingLink;
  return {
    uid: sessionUid(session.id),
    sequence: opts.sequence,
    start,
    end: start + mentorship.agreement.sessionMinutes * MINUTE_MS,
    summary: opts.summary,
    ...(session.topic?.text ? { description: session.topic.text } : {}),
    ...(link ? { link } : {}),
  };
}

/**
 * The series from the cadence, starting with the session at `firstAt` (usually the next booked
 * one): every `cadenceDays` at the same local time, until the agreement's last day for a
 * time-framed mentorship, else `count` sessions, else with no end.
 */
export function seriesEvent(
  mentorship: Mentorship,
  firstAt: number,
  opts: { sequence: number; summary: string; description?: string; count?: number },
): CalendarEvent {
  const { agreement } = mentorship;
  const repeat: Repeat = { everyDays: agreement.cadenceDays };
  if (agreement.type === 'time-framed' && agreement.endsOn) repeat.lastDay = agreement.endsOn;
  else if (opts.count !== undefined) repeat.count = opts.count;
  return {
    uid: seriesUid(mentorship),
    sequence: opts.sequence,
    start: firstAt,
    end: firstAt + agreement.sessionMinutes * MINUTE_MS,
    summary: opts.summary,
    ...(opts.description ? { description: opts.description } : {}),
    ...(mentorship.meetingLink ? { link: mentorship.meetingLink } : {}),
    repeat,
  };
}
