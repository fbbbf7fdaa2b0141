// The exported files, read back with an independent parser (Mozilla's ical.js, which shares no
// code with the writer): every event's times, across zones and daylight-saving changes, the
// series' occurrences, the link, the identity, and the text, equal what was exported.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  type CalendarEvent,
  escapeText,
  foldLine,
  seriesEvent,
  seriesUid,
  sessionEvent,
  sessionUid,
  toCancelIcs,
  toIcs,
} from '../../../lib/calendar/ics';
import { vtimezoneLines } from '../../../lib/calendar/vtimezone';
import { UserError } from '../../../lib/errors';
import type { Mentorship, SessionRecord } from '../../../lib/records';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 0, 10, 12);
const LINK = 'https://meet.google.com/abc-defg-hij';

function mentorship(extra: Partial<Mentorship> = {}): Mentorship {
  return {
    id: 'm1',
    otherName: 'Ana',
    myRole: 'mentee',
    meetingLink: LINK,
    agreement: { type: 'goal-oriented', cadenceDays: 7, sessionMinutes: 45 },
    goals: [],
    createdAt: Date.UTC(2025, 11, 1),
    ...extra,
  };
}

function session(id: string, scheduledAt: number, topic?: string): SessionRecord {
  return {
    id,
    mentorshipId: 'm1',
    kind: 'regular',
    status: 'scheduled',
    scheduledAt,
    actionItems: [],
    ...(topic ? { topic: { text: topic, by: 'mentee', at: NOW, history: [] } } : {}),
  };
}

function parse(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  return { cal, events: cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c)) };
}
const ms = (t: ICAL.Time) => t.toUnixTime() * 1000;

const localFormats = new Map<string, Intl.DateTimeFormat>();
/** Local wall time by the runtime's Intl, for expectations (not through lib/calendar/zone). */
function localOf(zone: string, at: number): string {
  let f = localFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('sv-SE', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    localFormats.set(zone, f);
  }
  return f.format(at);
}

describe('text', () => {
  it.each([
    ['a; b, c\\d', 'a\\; b\\, c\\\\d'],
    ['line one\nline two\r\nthree\rfour', 'line one\\nline two\\nthree\\nfour'],
    ['tab\tstays, bell\u0007 goes', 'tab\tstays\\, bell goes'],
    ['שלום, עולם', 'שלום\\, עולם'],
  ])('escapes %j', (text, escaped) => {
    expect(escapeText(text)).toBe(escaped);
  });

  const octets = (s: string) => new TextEncoder().encode(s).length;

  it.each([
    ['ASCII', `DESCRIPTION:${'x'.repeat(300)}`],
    ['Hebrew (2 octets each)', `SUMMARY:${'שלום '.repeat(40)}`],
    ['emoji (4 octets, two UTF-16 units)', `SUMMARY:${'🙂'.repeat(50)}`],
    ['mixed at every offset', `X:${'a'.repeat(3)}${'€🙂ש'.repeat(30)}`],
  ])('folds %s at 75 octets, never inside a character', (_what, line) => {
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(1);
    for (const [i, l] of physical.entries()) {
      expect(octets(l)).toBeLessThanOrEqual(75);
      if (i > 0) expect(l.startsWith(' ')).toBe(true);
      // A lone surrogate would show that a character was cut.
      expect(l).toBe(l.toWellFormed());
    }
    expect(physical.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
  });

  it('leaves a short line alone', () => {
    expect(foldLine('VERSION:2.0')).toBe('VERSION:2.0');
    expect(foldLine(`X:${'a'.repeat(73)}`)).toBe(`X:${'a'.repeat(73)}`);
  });
});

describe('a file of booked sessions', () => {
  it("carries a booking's own link (an invite's) rather than the mentorship's", () => {
    const zoom = 'https://acme.zoom.us/j/85912345678?pwd=x';
    const own = { ...session('s1', NOW + DAY), meetingLink: zoom };
    const opts = { sequence: 0, summary: 'Mentoring: Ana' };
    expect(sessionEvent(mentorship(), own, opts).link).toBe(zoom);
    expect(sessionEvent(mentorship({ meetingLink: undefined }), own, opts).link).toBe(zoom);
    expect(sessionEvent(mentorship(), session('s2', NOW + DAY), opts).link).toBe(LINK);
    expect(
      sessionEvent(mentorship({ meetingLink: undefined }), session('s3', NOW + DAY), opts),
    ).not.toHaveProperty('link');
  });

  const tricky = 'Roadmap; pricing, and \\ "quotes"\nSecond line: שלום 🙂 #1 *bold*';

  it('ends every line in CRLF and holds no line over 75 octets', () => {
    const ics = toIcs(
      [
        sessionEvent(mentorship(), session('s1', NOW + DAY, tricky), {
          sequence: 0,
          summary: 'Mentoring: Ana',
        }),
      ],
      { now: NOW, timeZone: 'Europe/Berlin' },
    );
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) {
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    }
  });

  // Each zone's sessions straddle its spring and autumn changes (2026).
  it.each<[string, number[]]>([
    [
      'Europe/Berlin',
      [
        Date.UTC(2026, 2, 28, 8),
        Date.UTC(2026, 2, 30, 7),
        Date.UTC(2026, 9, 24, 7),
        Date.UTC(2026, 9, 26, 8),
      ],
    ],
    [
      'Asia/Jerusalem',
      [
        Date.UTC(2026, 2, 26, 7),
        Date.UTC(2026, 2, 29, 6),
        Date.UTC(2026, 9, 23, 6),
        Date.UTC(2026, 9, 26, 7),
      ],
    ],
    [
      'America/New_York',
      [
        Date.UTC(2026, 2, 6, 14),
        Date.UTC(2026, 2, 9, 13),
        Date.UTC(2026, 9, 30, 13),
        Date.UTC(2026, 10, 2, 14),
      ],
    ],
  ])('%s: each event is the session, before and after the clocks change', (zone, times) => {
    const m = mentorship();
    const sessions = times.map((t, i) => session(`s${i}`, t, i === 0 ? tricky : `Topic ${i}`));
    const ics = toIcs(
      sessions.map((s, i) => sessionEvent(m, s, { sequence: i, summary: `Mentoring: Ana (${i})` })),
      { now: NOW, timeZone: zone },
    );
    const { cal, events } = parse(ics);
    expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(zone);
    expect(events).toHaveLength(sessions.length);
    for (const [i, e] of events.entries()) {
      const s = sessions[i] as SessionRecord;
      expect(e.uid).toBe(sessionUid(s.id));
      expect(e.sequence).toBe(i);
      expect(ms(e.startDate)).toBe(s.scheduledAt);
      expect(ms(e.endDate)).toBe((s.scheduledAt ?? 0) + 45 * 60_000);
      // Written as the wall time in the user's zone, with its TZID.
      expect(e.startDate.zone?.tzid).toBe(zone);
      expect(e.startDate.toString().slice(0, 16).replace('T', ' ')).toBe(
        localOf(zone, s.scheduledAt ?? 0),
      );
      expect(e.summary).toBe(`Mentoring: Ana (${i})`);
      expect(e.description).toBe(`${s.topic?.text}\n\n${LINK}`);
      expect(e.location).toBe(LINK);
      expect(e.component.getFirstPropertyValue('url')).toBe(LINK);
      expect(e.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-01-10T12:00:00Z');
      expect(e.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    }
  });

  it('keeps the UID and raises SEQUENCE when a session is moved', () => {
    const m = mentorship();
    const before = parse(
      toIcs([sessionEvent(m, session('s1', NOW + DAY), { sequence: 2, summary: 'S' })], {
        now: NOW,
        timeZone: 'Europe/Berlin',
      }),
    ).events[0];
    const after = parse(
      toIcs([sessionEvent(m, session('s1', NOW + 2 * DAY), { sequence: 3, summary: 'S' })], {
        now: NOW + HOUR,
        timeZone: 'Europe/Berlin',
      }),
    ).events[0];
    expect(after?.uid).toBe(before?.uid);
    expect(after?.sequence).toBe((before?.sequence ?? 0) + 1);
    expect(ms(after?.startDate as ICAL.Time)).toBe(NOW + 2 * DAY);
  });

  it('writes UTC times for a user in UTC, or in a zone the runtime does not know', () => {
    for (const zone of ['UTC', 'Etc/UTC', 'Nowhere/Atlantis']) {
      const ics = toIcs(
        [sessionEvent(mentorship(), session('s1', NOW + DAY), { sequence: 0, summary: 'S' })],
        {
          now: NOW,
          timeZone: zone,
        },
      );
      expect(ics).not.toContain('VTIMEZONE');
      expect(ics).toContain('DTSTART:20260111T120000Z');
      expect(ms(parse(ics).events[0]?.startDate as ICAL.Time)).toBe(NOW + DAY);
    }
  });

  it('turns a bare meeting link into a web address and leaves out a link that is none', () => {
    const bare = toIcs(
      [
        sessionEvent(
          mentorship({ meetingLink: 'meet.google.com/abc-defg-hij' }),
          session('s', NOW + DAY),
          { sequence: 0, summary: 'S' },
        ),
      ],
      { now: NOW, timeZone: 'Europe/Berlin' },
    );
    expect(parse(bare).events[0]?.location).toBe(LINK);
    const none = toIcs(
      [
        sessionEvent(mentorship({ meetingLink: 'javascript:alert(1)' }), session('s', NOW + DAY), {
          sequence: 0,
          summary: 'S',
        }),
      ],
      { now: NOW, timeZone: 'Europe/Berlin' },
    );
    expect(none).not.toMatch(/^(URL|LOCATION)/m);
  });

  it('refuses a session with no time', () => {
    const s: SessionRecord = { ...session('s', 0), scheduledAt: undefined } as SessionRecord;
    delete s.scheduledAt;
    expect(() => sessionEvent(mentorship(), s, { sequence: 0, summary: 'S' })).toThrow(UserError);
    try {
      sessionEvent(mentorship(), s, { sequence: 0, summary: 'S' });
    } catch (e) {
      expect((e as UserError).code).toBe('not-booked');
    }
  });
});

describe('the series from the cadence', () => {
  /** The first n occurrences' starts, as ical.js expands the RRULE. */
  function occurrences(ics: string, n: number): number[] {
    const event = parse(ics).events[0] as ICAL.Event;
    const it = event.iterator();
    const out: number[] = [];
    for (let t = it.next(); t && out.length < n; t = it.next()) out.push(ms(t));
    return out;
  }

  it.each<[string, number]>([
    ['Europe/Berlin', Date.UTC(2026, 1, 23, 8)], // Monday 09:00, summer time from 29 March
    ['Asia/Jerusalem', Date.UTC(2026, 2, 5, 8)], // Thursday 10:00, summer time from 27 March
    ['America/New_York', Date.UTC(2026, 1, 17, 14)], // Tuesday 09:00, summer time from 8 March
  ])('%s: weekly at the same local time across the change, for 20 sessions', (zone, first) => {
    const ics = toIcs([seriesEvent(mentorship(), first, { sequence: 0, summary: 'S' })], {
      now: NOW,
      timeZone: zone,
    });
    expect(ics).toContain('RRULE:FREQ=WEEKLY;INTERVAL=1\r\n');
    const got = occurrences(ics, 20);
    expect(got).toHaveLength(20);
    const time = localOf(zone, first).slice(11);
    for (const [i, at] of got.entries()) {
      expect(localOf(zone, at).slice(11)).toBe(time);
      // Seven calendar days apart: 7 × 24 h, give or take the hour the clocks moved.
      const prev = i === 0 ? at : (got[i - 1] as number);
      expect([0, 7 * DAY, 7 * DAY - HOUR, 7 * DAY + HOUR]).toContain(at - prev);
    }
    // The change fell inside the 20 weeks: the UTC time moved by exactly an hour.
    const utcHours = new Set(got.map((t) => new Date(t).getUTCHours()));
    expect(utcHours.size).toBe(2);
    expect(parse(ics).events[0]?.uid).toBe(seriesUid(mentorship()));
  });

  it.each<[number, string, number]>([
    [14, 'FREQ=WEEKLY;INTERVAL=2', 14],
    [28, 'FREQ=WEEKLY;INTERVAL=4', 28],
    [10, 'FREQ=DAILY;INTERVAL=10', 10],
    [1, 'FREQ=DAILY;INTERVAL=1', 1],
  ])('a cadence of %s days is %s', (days, rule, step) => {
    const first = Date.UTC(2026, 0, 20, 9); // Tuesday 10:00 in Berlin
    const m = mentorship({ agreement: { type: 'ad-hoc', cadenceDays: days, sessionMinutes: 30 } });
    const ics = toIcs([seriesEvent(m, first, { sequence: 0, summary: 'S' })], {
      now: NOW,
      timeZone: 'Europe/Berlin',
    });
    expect(ics).toContain(`RRULE:${rule}\r\n`);
    // Every `step` calendar days at 10:00 local, summer time (from 29 March) or not.
    const got = occurrences(ics, 12);
    expect(got.map((at) => localOf('Europe/Berlin', at))).toEqual(
      got.map(
        (_, i) => `${new Date(Date.UTC(2026, 0, 20 + i * step)).toISOString().slice(0, 10)} 10:00`,
      ),
    );
  });

  it('ends a time-framed series on its last day, in the user zone', () => {
    const m = mentorship({
      agreement: { type: 'time-framed', cadenceDays: 7, sessionMinutes: 45, endsOn: '2026-04-27' },
    });
    const first = Date.UTC(2026, 2, 2, 17, 30); // Monday 18:30 Berlin
    const ics = toIcs([seriesEvent(m, first, { sequence: 0, summary: 'S', count: 99 })], {
      now: NOW,
      timeZone: 'Europe/Berlin',
    });
    expect(ics).toMatch(/RRULE:FREQ=WEEKLY;INTERVAL=1;UNTIL=20260427T215959Z\r\n/);
    const got = occurrences(ics, 50);
    expect(got).toHaveLength(9); // 2 March to 27 April, Mondays
    expect(localOf('Europe/Berlin', got.at(-1) as number)).toBe('2026-04-27 18:30');
  });

  it('stops after a count when there is no last day', () => {
    const ics = toIcs(
      [seriesEvent(mentorship(), NOW + DAY, { sequence: 0, summary: 'S', count: 6 })],
      {
        now: NOW,
        timeZone: 'Asia/Jerusalem',
      },
    );
    expect(ics).toContain('RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=6\r\n');
    expect(occurrences(ics, 50)).toHaveLength(6);
  });
});

describe('a cancellation', () => {
  it('names the same UID with a higher SEQUENCE, METHOD:CANCEL and STATUS:CANCELLED', () => {
    const m = mentorship();
    const e: CalendarEvent = sessionEvent(m, session('s1', NOW + DAY, 'Topic'), {
      sequence: 4,
      summary: 'Mentoring: Ana',
    });
    const { cal, events } = parse(toCancelIcs([e], { now: NOW, timeZone: 'America/New_York' }));
    expect(cal.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(events[0]?.uid).toBe(sessionUid('s1'));
    expect(events[0]?.sequence).toBe(4);
    expect(events[0]?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(ms(events[0]?.startDate as ICAL.Time)).toBe(NOW + DAY);
  });
});

describe('the generated VTIMEZONE', () => {
  // ical.js reads the block's rules itself (the zone is not in its registry), so its offsets
  // show what Outlook, which reads the rules too, will make of them.
  it.each([
    'Europe/Berlin',
    'Asia/Jerusalem',
    'America/New_York',
    'Australia/Sydney',
    'America/Sao_Paulo',
    'Asia/Kolkata',
    'Europe/London',
    'Pacific/Chatham',
  ])('%s gives the runtime offset every day for ten years', (zone) => {
    const from = Date.UTC(2026, 0, 1);
    const lines = vtimezoneLines(zone, from, from + 30 * DAY);
    const comp = new ICAL.Component(
      ICAL.parse(['BEGIN:VCALENDAR', ...lines, 'END:VCALENDAR'].join('\r\n')),
    ).getFirstSubcomponent('vtimezone') as ICAL.Component;
    const tz = new ICAL.Timezone(comp);
    // Local to UTC, the way a calendar reads DTSTART: the wall time Intl shows at noon UTC
    // each day, in the block's zone, is that instant again.
    for (let at = from + 12 * HOUR; at < from + 3650 * DAY; at += DAY) {
      const [date, time] = localOf(zone, at).split(' ');
      const [y, mo, d] = (date as string).split('-').map(Number);
      const [h, mi] = (time as string).split(':').map(Number);
      const local = new ICAL.Time(
        { year: y, month: mo, day: d, hour: h, minute: mi, second: 0 },
        tz,
      );
      expect(ms(local), `${zone} ${new Date(at).toISOString()}`).toBe(at);
    }
  });

  it('writes yearly rules where one rule fits, as libical does', () => {
    const text = vtimezoneLines('Asia/Jerusalem', Date.UTC(2026, 0, 1), Date.UTC(2026, 1, 1)).join(
      '\n',
    );
    expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=FR;BYMONTHDAY=23,24,25,26,27,28,29');
    expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    const ny = vtimezoneLines('America/New_York', Date.UTC(2026, 0, 1), Date.UTC(2026, 1, 1)).join(
      '\n',
    );
    expect(ny).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU');
    expect(ny).toContain('RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU');
    const tokyo = vtimezoneLines('Asia/Tokyo', Date.UTC(2026, 0, 1), Date.UTC(2026, 1, 1));
    expect(tokyo).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Asia/Tokyo',
      'X-LIC-LOCATION:Asia/Tokyo',
      'BEGIN:STANDARD',
      'TZOFFSETFROM:+0900',
      'TZOFFSETTO:+0900',
      'DTSTART:19700101T000000',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });
});
