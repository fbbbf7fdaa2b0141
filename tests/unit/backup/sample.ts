// A backup's records for the tests: every kind, every optional field somewhere.
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../../lib/backup/format';
import type { BackupData } from '../../../lib/backup/schema';
import { crc32Hex } from '../../../lib/crc32';

export const NOW = Date.UTC(2026, 2, 10, 9, 0);

export function sampleData(): BackupData {
  return {
    mentorships: [
      {
        id: 'm1',
        otherName: 'Ana',
        myRole: 'mentee',
        meetingLink: 'https://meet.google.com/abc-defg-hij',
        agreement: {
          type: 'time-framed',
          cadenceDays: 14,
          sessionMinutes: 45,
          preparation: 'Send thoughts the day before',
          medium: 'video',
          endsOn: '2026-06-30',
        },
        goals: [
          { id: 'g1', text: 'Lead a discovery sprint', createdAt: NOW - 1000 },
          { id: 'g2', text: 'Write a PRD', createdAt: NOW - 900, doneAt: NOW - 10 },
        ],
        createdAt: NOW - 10_000,
        pairId: 'pair-1',
      },
      {
        id: 'm2',
        otherName: 'Zoë «Ω» 李',
        myRole: 'mentor',
        agreement: { type: 'ad-hoc', cadenceDays: 7, sessionMinutes: 30 },
        goals: [],
        createdAt: NOW - 5_000,
      },
    ],
    sessions: [
      {
        id: 's1',
        mentorshipId: 'm1',
        kind: 'first',
        status: 'reflected',
        scheduledAt: NOW - 86_400_000,
        platform: 'meet',
        meetingKey: 'meet:abc-defg-hij',
        startedAt: NOW - 86_400_000,
        endedAt: NOW - 86_400_000 + 2_700_000,
        topic: {
          text: 'Goals',
          by: 'mentor',
          at: NOW - 90_000_000,
          history: [{ text: 'Intro', by: 'mentee', at: NOW - 95_000_000 }],
        },
        actionItems: [
          { id: 'a1', text: 'Read the book', createdAt: NOW - 86_000_000, doneAt: NOW - 1 },
          { id: 'a2', text: 'Draft a plan', createdAt: NOW - 86_000_000 },
        ],
        focus: { awayMs: 60_000, count: 2, longestMs: 40_000, presentShare: 0.97 },
      },
      {
        id: 's2',
        mentorshipId: null,
        adHoc: true,
        kind: 'regular',
        status: 'ended',
        startedAt: NOW - 3_600_000,
        endedAt: NOW - 1_800_000,
        actionItems: [],
        reflectionDismissed: true,
      },
      { id: 's3', mentorshipId: 'm1', kind: 'regular', status: 'scheduled', actionItems: [] },
    ],
    notes: [
      {
        id: 's1:pre:mentee',
        sessionId: 's1',
        mentorshipId: 'm1',
        kind: 'pre-session',
        author: 'mentee',
        text: 'Line one\nLine two <b>not html</b>',
        updatedAt: NOW - 90_000_000,
      },
    ],
    reflections: [
      {
        id: 's1:mentee',
        sessionId: 's1',
        role: 'mentee',
        catalogueVersion: 2,
        answers: { 'mentee.satisfied': { score: 4 }, 'session.raise-next': { note: 'Budget' } },
        complete: true,
        updatedAt: NOW - 80_000_000,
      },
    ],
  };
}

/** A file envelope with a correct checksum around any data, to reach the record checks. */
export function envelope(data: unknown, extra: Record<string, unknown> = {}): string {
  const checksum = `crc32:${crc32Hex(new TextEncoder().encode(JSON.stringify(data)))}`;
  return JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(NOW).toISOString(),
    checksum,
    data,
    ...extra,
  });
}
