// What schema version 1 stored for a user with a few months of use: a mentor with two mentees
// and one mentorship (as a mentee) archived. Frozen: see types.ts.

import type { DbFixture } from './types';

const DAY = 24 * 3600 * 1000;
/** 2026-03-02 09:00 UTC, a Monday. */
const T = 1_772_442_000_000;

export const fixture: DbFixture = {
  version: 1,
  stores: {
    mentorships: [
      {
        id: 'm-ana',
        otherName: 'Ana Müller',
        myRole: 'mentor',
        meetingLink: 'https://meet.google.com/abc-defg-hij',
        agreement: {
          type: 'goal-oriented',
          cadenceDays: 14,
          sessionMinutes: 45,
          preparation: 'Ana sends her thoughts the day before.',
          responsiveness: 'Within two working days',
          channels: 'Email, Slack DMs',
          medium: 'video',
          inScope: 'Career, product discovery, stakeholder work',
          desiredOutcomes: 'Ready for a senior PM role by the end of the year',
        },
        goals: [
          { id: 'g-1', text: 'Run a discovery sprint end to end', createdAt: T - 60 * DAY },
          {
            id: 'g-2',
            text: 'Present the roadmap to leadership',
            createdAt: T - 60 * DAY,
            doneAt: T - 10 * DAY,
          },
        ],
        createdAt: T - 60 * DAY,
        pairId: 'pair-ana-7f3c',
      },
      {
        id: 'm-ben',
        otherName: 'Ben Okafor',
        myRole: 'mentor',
        meetingLink: 'https://acme.zoom.us/j/85912345678?pwd=aGVsbG8',
        agreement: {
          type: 'time-framed',
          cadenceDays: 7,
          sessionMinutes: 30,
          endsOn: '2026-06-30',
        },
        goals: [],
        createdAt: T - 20 * DAY,
      },
      {
        id: 'm-old',
        otherName: 'Chidi (my mentor)',
        myRole: 'mentee',
        agreement: { type: 'ad-hoc', cadenceDays: 30, sessionMinutes: 60, medium: 'face-to-face' },
        goals: [],
        createdAt: T - 200 * DAY,
        archivedAt: T - 90 * DAY,
      },
    ],
    sessions: [
      {
        id: 's-ana-1',
        mentorshipId: 'm-ana',
        kind: 'first',
        status: 'reflected',
        scheduledAt: T - 56 * DAY,
        platform: 'meet',
        meetingKey: 'meet:abc-defg-hij',
        startedAt: T - 56 * DAY + 60_000,
        endedAt: T - 56 * DAY + 47 * 60_000,
        topic: { text: 'Goals and how we work', by: 'mentor', at: T - 58 * DAY, history: [] },
        actionItems: [
          {
            id: 'a-1',
            text: 'Write down three goals',
            createdAt: T - 56 * DAY,
            doneAt: T - 50 * DAY,
          },
        ],
        focus: { awayMs: 95_000, count: 2, longestMs: 60_000, presentShare: 0.97 },
      },
      {
        id: 's-ana-2',
        mentorshipId: 'm-ana',
        kind: 'regular',
        status: 'ended',
        scheduledAt: T - 14 * DAY,
        platform: 'meet',
        meetingKey: 'meet:abc-defg-hij',
        startedAt: T - 14 * DAY,
        endedAt: T - 14 * DAY + 52 * 60_000,
        topic: {
          text: 'Roadmap review prep',
          by: 'mentee',
          at: T - 15 * DAY,
          history: [{ text: 'Roadmap', by: 'mentor', at: T - 16 * DAY }],
        },
        actionItems: [],
        reflectionDismissed: true,
      },
      {
        id: 's-ana-3',
        mentorshipId: 'm-ana',
        kind: 'regular',
        status: 'scheduled',
        scheduledAt: T + 2 * DAY,
        topic: { text: 'Discovery sprint: first interviews', by: 'mentee', at: T, history: [] },
        actionItems: [{ id: 'a-2', text: 'Bring the interview guide', createdAt: T - DAY }],
      },
      {
        id: 's-ana-4',
        mentorshipId: 'm-ana',
        kind: 'last',
        status: 'scheduled',
        scheduledAt: T + 16 * DAY,
        actionItems: [],
      },
      // A new mentorship whose first session has no date yet.
      {
        id: 's-ben-1',
        mentorshipId: 'm-ben',
        kind: 'first',
        status: 'scheduled',
        actionItems: [],
      },
      // An ad hoc call the user said belongs to no mentorship.
      {
        id: 's-adhoc',
        mentorshipId: null,
        adHoc: true,
        kind: 'regular',
        status: 'ended',
        platform: 'teams',
        meetingKey: 'teams:21234567890123',
        startedAt: T - 3 * DAY,
        endedAt: T - 3 * DAY + 20 * 60_000,
        actionItems: [],
      },
      {
        id: 's-old-1',
        mentorshipId: 'm-old',
        kind: 'first',
        status: 'scheduled',
        scheduledAt: T + DAY,
        actionItems: [],
      },
    ],
    notes: [
      {
        id: 's-ana-3:pre:mentee',
        sessionId: 's-ana-3',
        mentorshipId: 'm-ana',
        kind: 'pre-session',
        author: 'mentee',
        text: 'Two interviews done.\nSurprised how often "pricing" came up 🤔\n\n- Is 5 enough?',
        updatedAt: T - 2 * 3600 * 1000,
      },
      {
        id: 's-ana-3:pre:mentor',
        sessionId: 's-ana-3',
        mentorshipId: 'm-ana',
        kind: 'pre-session',
        author: 'mentor',
        text: 'Ask about synthesis, not only the count.',
        updatedAt: T - 3600 * 1000,
      },
      {
        id: 's-ana-2:pre:mentee',
        sessionId: 's-ana-2',
        mentorshipId: 'm-ana',
        kind: 'pre-session',
        author: 'mentee',
        text: '<b>not html</b> & other "quoted" text',
        updatedAt: T - 15 * DAY,
      },
    ],
    reflections: [
      {
        id: 's-ana-1:mentor',
        sessionId: 's-ana-1',
        role: 'mentor',
        catalogueVersion: 1,
        answers: {
          'mentor.responsive': { score: 4 },
          'mentor.listened': { score: 5, note: 'Let her finish every time.' },
          'mentor.guided': { note: 'Talked too much about my own roadmap.' },
        },
        complete: true,
        updatedAt: T - 56 * DAY + 3600 * 1000,
      },
      {
        id: 's-ana-2:mentor',
        sessionId: 's-ana-2',
        role: 'mentor',
        catalogueVersion: 1,
        answers: { 'mentor.empathy': { score: 3 } },
        complete: false,
        updatedAt: T - 14 * DAY + 3600 * 1000,
      },
    ],
  },
  expected: {
    mentorships: [
      {
        id: 'm-ana',
        otherName: 'Ana Müller',
        myRole: 'mentor',
        meetingLink: 'https://meet.google.com/abc-defg-hij',
      },
      {
        id: 'm-ben',
        otherName: 'Ben Okafor',
        myRole: 'mentor',
        meetingLink: 'https://acme.zoom.us/j/85912345678?pwd=aGVsbG8',
      },
    ],
    next: {
      'm-ana': 's-ana-3',
      'm-ben': 's-ben-1',
      'm-old': 's-old-1',
      'm-none': null,
    },
    preNotes: [
      {
        sessionId: 's-ana-3',
        author: 'mentee',
        text: 'Two interviews done.\nSurprised how often "pricing" came up 🤔\n\n- Is 5 enough?',
      },
      { sessionId: 's-ana-3', author: 'mentor', text: 'Ask about synthesis, not only the count.' },
      { sessionId: 's-ana-2', author: 'mentee', text: '<b>not html</b> & other "quoted" text' },
    ],
    notesOf: {
      's-ana-3': ['s-ana-3:pre:mentee', 's-ana-3:pre:mentor'],
      's-ana-2': ['s-ana-2:pre:mentee'],
      's-ana-1': [],
    },
  },
};
