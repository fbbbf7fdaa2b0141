// What schema version 2 stored: version 1's stores plus the trash (issue 13), for a mentor
// with one active mentorship, one archived, a reflection reopened and changed, and two deletes
// in the trash: one still undoable, one undone. Frozen: see types.ts.

import type { DbFixture } from './types';

const MIN = 60 * 1000;
const DAY = 24 * 60 * MIN;
/** 2026-11-02 09:00 UTC, a Monday. */
const T = 1_793_610_000_000;

export const fixture: DbFixture = {
  version: 2,
  stores: {
    mentorships: [
      {
        id: 'm-dana',
        otherName: 'דנה לוי',
        myRole: 'mentor',
        meetingLink: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0',
        agreement: { type: 'ad-hoc', cadenceDays: 7, sessionMinutes: 30 },
        goals: [{ id: 'g-d1', text: 'Lead the quarterly planning', createdAt: T - 40 * DAY }],
        createdAt: T - 40 * DAY,
      },
      {
        id: 'm-test',
        otherName: 'Test',
        myRole: 'mentee',
        agreement: { type: 'ad-hoc', cadenceDays: 14, sessionMinutes: 45 },
        goals: [],
        createdAt: T - 30 * DAY,
        archivedAt: T - 29 * DAY,
      },
    ],
    sessions: [
      {
        id: 's-dana-1',
        mentorshipId: 'm-dana',
        kind: 'first',
        status: 'reflected',
        scheduledAt: T - 7 * DAY,
        platform: 'teams',
        meetingKey: 'teams:19:meeting_abc@thread.v2',
        startedAt: T - 7 * DAY + 2 * MIN,
        endedAt: T - 7 * DAY + 33 * MIN,
        topic: { text: 'תכנון רבעוני', by: 'mentee', at: T - 8 * DAY, history: [] },
        actionItems: [
          { id: 'a-d1', text: 'Draft the planning doc', createdAt: T - 7 * DAY + 30 * MIN },
        ],
        focus: { awayMs: 0, count: 0, longestMs: 0, presentShare: 1 },
      },
      {
        id: 's-dana-2',
        mentorshipId: 'm-dana',
        kind: 'regular',
        status: 'scheduled',
        scheduledAt: T + 2 * DAY,
        actionItems: [],
      },
      {
        id: 's-test-1',
        mentorshipId: 'm-test',
        kind: 'first',
        status: 'scheduled',
        actionItems: [],
      },
    ],
    notes: [
      {
        id: 's-dana-2:pre:mentee',
        sessionId: 's-dana-2',
        mentorshipId: 'm-dana',
        kind: 'pre-session',
        author: 'mentee',
        text: 'רוצה לדבר על סדרי עדיפויות',
        updatedAt: T - DAY,
      },
    ],
    reflections: [
      {
        id: 's-dana-1:mentor',
        sessionId: 's-dana-1',
        role: 'mentor',
        catalogueVersion: 2,
        answers: {
          'mentor.listened': { score: 4, note: 'Better than last time, still interrupted once.' },
        },
        complete: true,
        updatedAt: T - 2 * DAY,
        reopenedAt: T - 3 * DAY,
        history: [
          {
            answers: { 'mentor.listened': { score: 5 } },
            completedAt: T - 7 * DAY + 40 * MIN,
          },
        ],
      },
    ],
    trash: [
      {
        token: '6f1c2b9e-0d4a-4c1e-9a57-3b8e2f0c7d11',
        what: 'action-item',
        deletedAt: T - 10_000,
        state: 'waiting',
        trashed: {
          kind: 'action-item',
          sessionId: 's-dana-1',
          item: { id: 'a-d2', text: 'Mistyped itme', createdAt: T - 7 * DAY + 31 * MIN },
          index: 1,
        },
      },
      {
        token: '0b7d5a3c-8e21-4f6b-b4c9-1e2d3f4a5b6c',
        what: 'note',
        deletedAt: T - 20_000,
        state: 'undone',
        undoneAt: T - 15_000,
      },
    ],
  },
  expected: {
    mentorships: [
      {
        id: 'm-dana',
        otherName: 'דנה לוי',
        myRole: 'mentor',
        meetingLink: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0',
      },
    ],
    next: { 'm-dana': 's-dana-2', 'm-test': 's-test-1', 'm-none': null },
    preNotes: [{ sessionId: 's-dana-2', author: 'mentee', text: 'רוצה לדבר על סדרי עדיפויות' }],
    notesOf: { 's-dana-2': ['s-dana-2:pre:mentee'], 's-dana-1': [] },
  },
};
