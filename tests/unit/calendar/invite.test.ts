// Invites as Google, Outlook and Apple send them (fixtures in tests/fixtures/invites/, written
// from each one's documented format: VTIMEZONE blocks, folded lines, escaped text, Outlook's
// Windows zone names, Google's X-GOOGLE-CONFERENCE, Teams' X-MICROSOFT-SKYPETEAMSMEETINGURL)
// book the right time and link; every bad invite is refused with its own code.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sessionEvent, toIcs } from '../../../lib/calendar/ics';
import {
  bookingOf,
  type Invite,
  type InviteResult,
  readInvite,
} from '../../../lib/calendar/invite';
import { type ErrorCode, UserError } from '../../../lib/errors';
import type { Mentorship } from '../../../lib/records';

const fixture = (name: string) =>
  fs.readFileSync(path.resolve(__dirname, '../../fixtures/invites', name), 'utf8');
const utc = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);
const NOW = utc(2030, 3, 1);
const opts = (now = NOW, timeZone = 'Europe/Berlin') => ({ now, timeZone });

function book(text: string, now = NOW, timeZone = 'Europe/Berlin'): Invite {
  return bookingOf(readInvite(text, opts(now, timeZone)));
}

function codeOf(fn: () => unknown): ErrorCode | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e.code;
    throw e;
  }
  return undefined;
}

const TEAMS =
  'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzA1ZjE2YjItZDk0Mi00ZGViLWI3ZmYtNmY2ZGU5NDcyYzE0%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf-86f1-41af-91ab-2d7cd011db47%22%2c%22Oid%22%3a%22a1b2c3d4-0000-4000-8000-000000000001%22%7d';
const GOOGLE_UID = '5q3s0v1kd2m4p6r8t0v2x4z6b8@google.com';

describe('Google Calendar (VTIMEZONE, weekly series, EXDATE, a moved occurrence)', () => {
  const ics = fixture('google-meet.ics');

  it.each<[string, number, number, string]>([
    [
      'the next Tuesday, winter time',
      utc(2029, 12, 1),
      utc(2029, 12, 4, 8),
      'Mentoring: Ana / Ben',
    ],
    // 26 March is excluded (EXDATE) and 2 April moved to Wednesday 3 April, 10:00 summer time.
    [
      'past an EXDATE, the moved occurrence',
      utc(2030, 3, 20, 12),
      utc(2030, 4, 3, 8),
      'Mentoring: Ana / Ben (moved)',
    ],
    [
      'after the change, 09:00 summer time',
      utc(2030, 4, 4),
      utc(2030, 4, 9, 7),
      'Mentoring: Ana / Ben',
    ],
  ])('%s', (_what, now, start, summary) => {
    const invite = book(ics, now);
    expect(invite.start).toBe(start);
    expect(invite.end).toBe(start + 45 * 60_000);
    expect(invite.summary).toBe(summary);
    expect(invite.link).toBe('https://meet.google.com/abc-defg-hij');
    expect(invite.platform).toBe('meet');
    expect(invite.meetingKey).toBe('meet:abc-defg-hij');
    expect(invite.uid).toBe(GOOGLE_UID);
  });

  it('gives the recurrence, with the cadence in days', () => {
    expect(book(ics, utc(2029, 12, 1)).recurrence).toEqual({
      rule: 'FREQ=WEEKLY;BYDAY=TU',
      freq: 'WEEKLY',
      interval: 1,
      cadenceDays: 7,
    });
  });

  it('reads a cancelled occurrence as a cancellation of that one session', () => {
    const result = readInvite(fixture('google-cancel.ics'), opts());
    expect(result).toEqual<InviteResult>({
      kind: 'cancel',
      uid: GOOGLE_UID,
      sequence: 2,
      summary: 'Mentoring: Ana / Ben',
      start: utc(2030, 4, 9, 7),
      occurrence: true,
    });
    expect(codeOf(() => bookingOf(result))).toBe('invite-cancelled');
  });
});

describe('Outlook / Exchange (a Windows zone name, Teams)', () => {
  const ics = fixture('outlook-teams.ics');

  it('reads "W. Europe Standard Time" from its VTIMEZONE and the Teams link', () => {
    const invite = book(ics);
    expect(invite.start).toBe(utc(2030, 3, 28, 15, 30)); // 16:30 CET
    expect(invite.end).toBe(utc(2030, 3, 28, 16, 15));
    expect(invite.summary).toBe('Mentoring – Ana & Ben');
    expect(invite.link).toBe(TEAMS);
    expect(invite.platform).toBe('teams');
    expect(invite.meetingKey).toBe(
      'teams:19:meeting_nza1zje2yjitzdk0mi00zgvilwi3zmytnmy2zgu5ndcyyze0@thread.v2',
    );
    // Folded over two lines in the file.
    expect(invite.uid).toBe(
      '040000008200E00074C5B7101A82E00800000000A0B1C2D3E4F5DA01000000000000000010000000F6A7B8C9D0E1F2A3B4C5D6E7F8091A2B',
    );
    expect(invite.recurrence).toBeUndefined();
  });

  it('follows the block’s rules from 1601 into summer time', () => {
    const moved = ics.replaceAll('20300328T', '20300404T');
    expect(book(moved).start).toBe(utc(2030, 4, 4, 14, 30)); // 16:30 CEST
  });

  it('finds the Teams link in the description when the conferencing field is missing', () => {
    const bare = ics
      .split('\r\n')
      .filter((l) => !l.startsWith('X-MICROSOFT-SKYPETEAMSMEETINGURL'))
      .join('\r\n');
    expect(bare).not.toContain('SKYPETEAMSMEETINGURL');
    // Not the help links (aka.ms, microsoft.com) around it.
    expect(book(bare).link).toBe(TEAMS);
  });

  it('maps a Windows zone with no VTIMEZONE, and a company Zoom host', () => {
    const invite = book(fixture('outlook-zoom-no-vtimezone.ics'));
    expect(invite.start).toBe(utc(2030, 3, 12, 17)); // 10:00 PDT, two days into summer time
    expect(invite.end).toBe(utc(2030, 3, 12, 17, 30));
    expect(invite.link).toBe('https://acme.zoom.us/j/91234567890?pwd=Xyz12AbC3dEfGh');
    expect(invite.platform).toBe('zoom');
    expect(invite.meetingKey).toBe('zoom:91234567890');
    expect(invite.sequence).toBe(3);
  });

  it('refuses a zone it cannot name, saying which', () => {
    const text = fixture('outlook-zoom-no-vtimezone.ics').replaceAll(
      'Pacific Standard Time',
      'Mars Standard Time',
    );
    try {
      readInvite(text, opts());
      expect.unreachable();
    } catch (e) {
      expect((e as UserError).code).toBe('invite-unknown-zone');
      expect((e as UserError).params).toEqual(['Mars Standard Time']);
    }
  });
});

describe('Apple Calendar (URL, folded Hebrew and emoji, escaped text)', () => {
  it('reads the time in the week after New York leaves summer time, and the Zoom link', () => {
    const invite = book(fixture('apple-zoom.ics'));
    expect(invite.start).toBe(utc(2030, 11, 4, 14, 30)); // 09:30 EST
    expect(invite.end).toBe(utc(2030, 11, 4, 15));
    expect(invite.summary).toBe('Ana ↔ Ben: שיחת חונכות שבועית — סדרת מפגשים לקראת הרבעון הבא 🙂');
    expect(invite.link).toBe('https://us02web.zoom.us/j/85512345678?pwd=aBcDeFgHiJ');
    expect(invite.meetingKey).toBe('zoom:85512345678');
    expect(invite.uid).toBe('8D5C2F3A-1B2C-4D5E-9F60-7A8B9C0D1E2F');
    expect(invite.sequence).toBe(1);
  });
});

describe('pasted text', () => {
  it('takes a bare, mail-quoted VEVENT with an IANA zone and no VTIMEZONE', () => {
    const invite = book(fixture('pasted-quoted-jerusalem.txt'));
    // Jerusalem moves to summer time at 02:00 that Friday: 10:00 IDT.
    expect(invite.start).toBe(utc(2030, 3, 29, 7));
    expect(invite.end).toBe(utc(2030, 3, 29, 7, 50));
    expect(invite.summary).toBe('פגישת חונכות: Noa & Ben — הכנה לראיון, שאלות; ותוכנית לשבוע הבא');
    expect(invite.link).toBe('https://meet.google.com/xyz-abcd-efg');
  });

  it('takes the VCALENDAR out of a mail around it, with LF line ends', () => {
    const mail = `Hi Ben,\n\nhere it is:\n\n${fixture('apple-zoom.ics').replaceAll('\r\n', '\n')}\n-- \nAna`;
    expect(book(mail).start).toBe(utc(2030, 11, 4, 14, 30));
  });

  it('reads a floating time in the user’s zone, and a UTC time as UTC', () => {
    const event = (dtstart: string) =>
      `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:f\r\nDTSTART:${dtstart}\r\nDURATION:PT30M\r\nLOCATION:https://meet.google.com/abc-defg-hij\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
    expect(book(event('20300401T090000'), NOW, 'America/New_York').start).toBe(utc(2030, 4, 1, 13));
    const z = book(event('20300401T090000Z'), NOW, 'America/New_York');
    expect([z.start, z.end]).toEqual([utc(2030, 4, 1, 9), utc(2030, 4, 1, 9, 30)]);
  });

  it('reads back what the export wrote', () => {
    const m: Mentorship = {
      id: 'm',
      otherName: 'Ana',
      myRole: 'mentor',
      meetingLink: 'https://meet.google.com/abc-defg-hij',
      agreement: { type: 'ad-hoc', cadenceDays: 7, sessionMinutes: 50 },
      goals: [],
      createdAt: 0,
    };
    const at = utc(2030, 3, 31, 7); // 09:00 in Berlin, the first day of summer time
    const ics = toIcs(
      [
        sessionEvent(
          m,
          {
            id: 's',
            mentorshipId: 'm',
            kind: 'regular',
            status: 'scheduled',
            scheduledAt: at,
            actionItems: [],
          },
          { sequence: 5, summary: 'Mentoring; Ana, Ben' },
        ),
      ],
      { now: NOW, timeZone: 'Europe/Berlin' },
    );
    const invite = book(ics);
    expect([invite.start, invite.end, invite.link, invite.summary, invite.sequence]).toEqual([
      at,
      at + 50 * 60_000,
      'https://meet.google.com/abc-defg-hij',
      'Mentoring; Ana, Ben',
      5,
    ]);
  });
});

describe('bad input: a sentence for each problem, nothing to book', () => {
  const cal = (...event: string[]) =>
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:x',
      ...event,
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
  const LINK = 'LOCATION:https://meet.google.com/abc-defg-hij';

  it.each<[string, string, ErrorCode]>([
    ['plain text', 'See you on Tuesday at 9!', 'invite-not-calendar'],
    ['a contact card', 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana\r\nEND:VCARD', 'invite-not-calendar'],
    [
      'a calendar with no event',
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR',
      'invite-not-calendar',
    ],
    [
      'a broken calendar',
      'BEGIN:VCALENDAR\r\nthis is no content line\r\nEND:VCALENDAR',
      'invite-not-calendar',
    ],
    ['an event with no start', cal('SUMMARY:Mentoring', LINK), 'invite-no-time'],
    ['an all-day event', cal('DTSTART;VALUE=DATE:20300401', LINK), 'invite-no-time'],
    [
      'no meeting link',
      cal('DTSTART:20300401T090000Z', 'LOCATION:Room 4\\, 2nd floor'),
      'invite-no-link',
    ],
    [
      'only help links in the description',
      cal(
        'DTSTART:20300401T090000Z',
        'DESCRIPTION:Help: https://support.google.com/a/users/answer/9282720',
      ),
      'invite-no-link',
    ],
    ['a past date', cal('DTSTART:20200401T090000Z', LINK), 'invite-past'],
    [
      'a series that has ended',
      cal('DTSTART:20200401T090000Z', 'RRULE:FREQ=WEEKLY;COUNT=10', LINK),
      'invite-past',
    ],
    [
      'an unknown zone',
      cal('DTSTART;TZID=Middle Earth/Shire:20300401T090000', LINK),
      'invite-unknown-zone',
    ],
    ['too much text', 'x'.repeat(1_000_001), 'text-too-long'],
  ])('%s', (_what, text, code) => {
    expect(codeOf(() => readInvite(text, opts()))).toBe(code);
  });

  it('takes a web link that is not Meet, Zoom or Teams from the location', () => {
    const invite = book(cal('DTSTART:20300401T090000Z', 'LOCATION:https://meet.jit.si/ana-ben'));
    expect(invite.link).toBe('https://meet.jit.si/ana-ben');
    expect(invite.platform).toBeUndefined();
  });

  it.each<[string, string]>([
    [
      'METHOD:CANCEL',
      cal('DTSTART:20300401T090000Z', LINK).replace('VERSION:2.0', 'VERSION:2.0\r\nMETHOD:CANCEL'),
    ],
    ['STATUS:CANCELLED', cal('DTSTART:20300401T090000Z', 'STATUS:CANCELLED', LINK)],
    ['a past cancellation', cal('DTSTART:20200401T090000Z', 'STATUS:CANCELLED')],
  ])('a cancellation (%s) is its own result, and refuses to book', (_what, text) => {
    const result = readInvite(text, opts());
    expect(result.kind).toBe('cancel');
    if (result.kind === 'cancel') {
      expect(result.uid).toBe('x');
      expect(result.occurrence).toBe(false);
      expect(result.start).toBeGreaterThan(0);
    }
    expect(codeOf(() => bookingOf(result))).toBe('invite-cancelled');
  });
});

describe('damaged invites', () => {
  const google = fixture('google-meet.ics');
  const codeOf = (text: string) => {
    try {
      readInvite(text, opts(utc(2029, 9, 25, 10)));
    } catch (e) {
      return e instanceof UserError ? e.code : String(e);
    }
    return undefined;
  };

  it('a series whose year is damaged to before 1970 is past, at once', () => {
    const text = google.replace(
      'DTSTART;TZID=Europe/Berlin:20291002T090000',
      'DTSTART;TZID=Europe/Berlin:02021002T090000',
    );
    const started = performance.now();
    expect(codeOf(text)).toBe('invite-past');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('a value ical.js reads only when asked, damaged, is no usable invite (not a crash)', () => {
    // ical.js: `Could not extract integer from "l9"`, thrown when the end is first asked for.
    const end = 'DTEND;TZID=Europe/Berlin:20291002T094500';
    expect(google).toContain(end);
    expect(codeOf(google.replace(end, end.replace('T09', 'Tl9')))).toBe('invite-not-calendar');
  });
});
