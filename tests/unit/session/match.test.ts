import { describe, expect, it } from 'vitest';
import type { Mentorship, SessionRecord } from '../../../lib/records';
import { MATCH_WINDOW_MS, type Match, matchCall } from '../../../lib/session/match';

const NOW = Date.UTC(2026, 10, 3, 10, 0);
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

function mentorship(id: string, extra: Partial<Mentorship> = {}): Mentorship {
  return {
    id,
    otherName: `Person ${id}`,
    myRole: 'mentor',
    agreement: { type: 'goal-oriented', cadenceDays: 14, sessionMinutes: 45 },
    goals: [],
    createdAt: NOW - 30 * DAY,
    ...extra,
  };
}

function session(id: string, mentorshipId: string | null, extra: Partial<SessionRecord> = {}) {
  const s: SessionRecord = {
    id,
    mentorshipId,
    kind: 'regular',
    status: 'scheduled',
    actionItems: [],
    ...extra,
  };
  return s;
}

const ana = mentorship('ana', { meetingLink: 'https://meet.google.com/abc-defg-hij' });
const ben = mentorship('ben', { meetingLink: 'https://us02web.zoom.us/j/85912345678?pwd=x' });
const cy = mentorship('cy'); // no link
const old = mentorship('old', {
  meetingLink: 'https://meet.google.com/old-oldo-old',
  archivedAt: NOW - DAY,
});

describe('matchCall', () => {
  const cases: {
    name: string;
    meetingKey?: string;
    mentorships: Mentorship[];
    sessions: SessionRecord[];
    want: Match;
  }[] = [
    {
      name: 'by link, turning the pending session live',
      meetingKey: 'meet:abc-defg-hij',
      mentorships: [ana, ben],
      sessions: [session('a1', 'ana', { scheduledAt: NOW + 3 * DAY })],
      want: { mentorshipId: 'ana', sessionId: 'a1', by: 'link' },
    },
    {
      name: 'by link on a Zoom vanity link with a password',
      meetingKey: 'zoom:85912345678',
      mentorships: [ana, ben],
      sessions: [],
      want: { mentorshipId: 'ben', sessionId: undefined, by: 'link' },
    },
    {
      name: 'by link, the earliest of several pending sessions',
      meetingKey: 'meet:abc-defg-hij',
      mentorships: [ana],
      sessions: [
        session('later', 'ana', { scheduledAt: NOW + 2 * DAY }),
        session('sooner', 'ana', { scheduledAt: NOW + 10 * MIN }),
      ],
      want: { mentorshipId: 'ana', sessionId: 'sooner', by: 'link' },
    },
    {
      name: 'by link, leaving a session more than a week off alone',
      meetingKey: 'meet:abc-defg-hij',
      mentorships: [ana],
      sessions: [session('far', 'ana', { scheduledAt: NOW + 8 * DAY })],
      want: { mentorshipId: 'ana', sessionId: undefined, by: 'link' },
    },
    {
      name: 'by link, ignoring sessions that are not scheduled any more',
      meetingKey: 'meet:abc-defg-hij',
      mentorships: [ana],
      sessions: [
        session('done', 'ana', { status: 'ended', scheduledAt: NOW - 14 * DAY }),
        session('live', 'ana', { status: 'live', scheduledAt: NOW - DAY }),
      ],
      want: { mentorshipId: 'ana', sessionId: undefined, by: 'link' },
    },
    {
      name: 'by link beats a session of another mentorship scheduled now',
      meetingKey: 'meet:abc-defg-hij',
      mentorships: [ana, cy],
      sessions: [session('c1', 'cy', { scheduledAt: NOW })],
      want: { mentorshipId: 'ana', sessionId: undefined, by: 'link' },
    },
    {
      name: "by a booking's own link (an invite's), before the mentorship's link",
      meetingKey: 'zoom:85912345678',
      mentorships: [ana, ben, cy],
      sessions: [
        session('c0', 'cy', { scheduledAt: NOW + DAY }),
        session('c1', 'cy', { scheduledAt: NOW + 3 * DAY, meetingKey: 'zoom:85912345678' }),
      ],
      want: { mentorshipId: 'cy', sessionId: 'c1', by: 'link' },
    },
    {
      name: "by a booking's own link, the one nearest now of a series sharing it",
      meetingKey: 'meet:one-offl-ink',
      mentorships: [ana],
      sessions: [
        session('a1', 'ana', { scheduledAt: NOW - 20 * MIN, meetingKey: 'meet:one-offl-ink' }),
        session('a2', 'ana', { scheduledAt: NOW + 6 * DAY, meetingKey: 'meet:one-offl-ink' }),
      ],
      want: { mentorshipId: 'ana', sessionId: 'a1', by: 'link' },
    },
    {
      name: "by a booking's own link more than a week off: its mentorship, that week left alone",
      meetingKey: 'meet:one-offl-ink',
      mentorships: [ana, cy],
      sessions: [
        session('c1', 'cy', { scheduledAt: NOW + 9 * DAY, meetingKey: 'meet:one-offl-ink' }),
      ],
      want: { mentorshipId: 'cy', sessionId: undefined, by: 'link' },
    },
    {
      name: "not by a booking's own link once the call of it was held, nor an archived one's",
      meetingKey: 'meet:one-offl-ink',
      mentorships: [cy, old],
      sessions: [
        session('c1', 'cy', {
          status: 'ended',
          scheduledAt: NOW - DAY,
          meetingKey: 'meet:one-offl-ink',
        }),
        session('o1', 'old', { scheduledAt: NOW + DAY, meetingKey: 'meet:one-offl-ink' }),
      ],
      want: { mentorshipId: null, by: 'none' },
    },
    {
      name: 'by a session scheduled within the hour',
      meetingKey: 'meet:zzz-zzzz-zzz',
      mentorships: [ana, cy],
      sessions: [session('c1', 'cy', { scheduledAt: NOW + 20 * MIN })],
      want: { mentorshipId: 'cy', sessionId: 'c1', by: 'schedule' },
    },
    {
      name: 'by a session scheduled exactly an hour ago',
      mentorships: [cy],
      sessions: [session('c1', 'cy', { scheduledAt: NOW - MATCH_WINDOW_MS })],
      want: { mentorshipId: 'cy', sessionId: 'c1', by: 'schedule' },
    },
    {
      name: 'by the session nearest now when several are within the hour',
      mentorships: [ana, cy],
      sessions: [
        session('a1', 'ana', { scheduledAt: NOW - 40 * MIN }),
        session('c1', 'cy', { scheduledAt: NOW + 5 * MIN }),
      ],
      want: { mentorshipId: 'cy', sessionId: 'c1', by: 'schedule' },
    },
    {
      name: 'not by a session 61 minutes away',
      mentorships: [cy],
      sessions: [session('c1', 'cy', { scheduledAt: NOW + 61 * MIN })],
      want: { mentorshipId: null, by: 'none' },
    },
    {
      name: 'not by a session 61 minutes ago',
      mentorships: [cy],
      sessions: [session('c1', 'cy', { scheduledAt: NOW - 61 * MIN })],
      want: { mentorshipId: null, by: 'none' },
    },
    {
      name: 'not by an undated session',
      mentorships: [cy],
      sessions: [session('c1', 'cy')],
      want: { mentorshipId: null, by: 'none' },
    },
    {
      name: 'not by a session within the hour that already ended',
      mentorships: [cy],
      sessions: [session('c1', 'cy', { status: 'ended', scheduledAt: NOW })],
      want: { mentorshipId: null, by: 'none' },
    },
    {
      name: 'not by an unassigned live record',
      mentorships: [cy],
      sessions: [session('x', null, { status: 'scheduled', scheduledAt: NOW })],
      want: { mentorshipId: null, by: 'none' },
    },
    {
      name: 'an archived mentorship is ignored by link',
      meetingKey: 'meet:old-oldo-old',
      mentorships: [ana, old],
      sessions: [],
      want: { mentorshipId: null, by: 'none' },
    },
    {
      name: 'an archived mentorship is ignored by schedule',
      mentorships: [old],
      sessions: [session('o1', 'old', { scheduledAt: NOW })],
      want: { mentorshipId: null, by: 'none' },
    },
    {
      name: 'an archived mentorship is skipped for the next one within the hour',
      mentorships: [old, cy],
      sessions: [
        session('o1', 'old', { scheduledAt: NOW }),
        session('c1', 'cy', { scheduledAt: NOW + 50 * MIN }),
      ],
      want: { mentorshipId: 'cy', sessionId: 'c1', by: 'schedule' },
    },
    {
      name: 'none: an unknown link and nothing scheduled',
      meetingKey: 'teams:21234567890123',
      mentorships: [ana, ben, cy],
      sessions: [session('a1', 'ana', { scheduledAt: NOW + 2 * DAY })],
      want: { mentorshipId: null, by: 'none' },
    },
    {
      name: 'none: no mentorships at all',
      meetingKey: 'meet:abc-defg-hij',
      mentorships: [],
      sessions: [],
      want: { mentorshipId: null, by: 'none' },
    },
    {
      name: 'a mentorship with a junk link does not stop the others matching',
      meetingKey: 'meet:abc-defg-hij',
      mentorships: [
        mentorship('junk', {
          meetingLink: 'https://teams.microsoft.com/l/meetup-join/19%3meeting_x/0',
        }),
        mentorship('words', { meetingLink: 'the usual one' }),
        ana,
      ],
      sessions: [],
      want: { mentorshipId: 'ana', sessionId: undefined, by: 'link' },
    },
  ];

  it.each(cases)('$name', ({ meetingKey, mentorships, sessions, want }) => {
    expect(matchCall({ meetingKey, now: NOW }, mentorships, sessions)).toEqual(want);
  });
});
