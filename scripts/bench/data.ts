// The records the bench stores: a mentor with 20 mentorships and years of weekly sessions, each
// with a topic, action items and pre-session notes, most reflected on. Made from a fixed seed,
// so every run stores the same data. The records follow lib/records.ts and the backup file
// format (docs: lib/backup.ts), so the same data seeds IndexedDB directly or goes through the
// Mentorships page's import.

import { crc32Hex } from '../../lib/crc32.ts';
import type { Mentorship, Note, Reflection, SessionRecord } from '../../lib/records.ts';
import { CATALOGUE_VERSION } from '../../lib/reflection/catalogue.ts';

export interface BenchData {
  mentorships: Mentorship[];
  sessions: SessionRecord[];
  notes: Note[];
  reflections: Reflection[];
}

const NAMES = [
  'Ana Ruiz',
  'Ben Okafor',
  'Chen Wei',
  'Dana Levi',
  'Emil Berg',
  'Fatma Kaya',
  'Gita Rao',
  'Hugo Lind',
  'Ines Moura',
  'Jonas Weber',
  'Kofi Mensah',
  'Lena Novak',
  'Mara Lopez',
  'Nils Holm',
  'Omar Haddad',
  'Priya Shah',
  'Quinn Avery',
  'Rosa Conti',
  'Sami Virtanen',
  'Tomas Kral',
];

const TOPICS = [
  'Getting better at roadmap reviews',
  'Saying no to the sales team',
  'Preparing the quarterly planning',
  'Running discovery interviews',
  'Writing a one-page strategy',
  'Handling a difficult stakeholder',
  'Pricing experiments',
  'Hiring the first designer',
  'Metrics that matter for onboarding',
  'Moving from delivery to outcomes',
];

const LINES = [
  'I presented the roadmap and got pushback on the timeline.',
  'Sales asked for three custom features again this week.',
  'I want to practise saying no without losing trust.',
  'Our activation numbers dipped after the redesign.',
  'The team is unsure what outcome we are chasing.',
  'I tried the five whys in the retro and it helped.',
];

const DAY = 86_400_000;
/** A fixed "now" for the data (2026-06-01), so the records are the same whatever the date. */
export const DATA_NOW = Date.UTC(2026, 5, 1, 9, 0, 0);

/** `sessions` sessions spread over `mentorships` mentorships, the newest last week. */
export function benchData(mentorships: number, sessions: number, prefix = 'b'): BenchData {
  const ms: Mentorship[] = [];
  const ss: SessionRecord[] = [];
  const notes: Note[] = [];
  const reflections: Reflection[] = [];
  const perMentorship = Math.ceil(sessions / mentorships);
  for (let m = 0; m < mentorships; m++) {
    const id = `${prefix}m${m}`;
    const role = m % 4 === 0 ? 'mentee' : 'mentor';
    const first = DATA_NOW - perMentorship * 7 * DAY;
    ms.push({
      id,
      otherName: NAMES[m % NAMES.length] as string,
      myRole: role,
      meetingLink: `https://meet.google.com/${String.fromCharCode(97 + (m % 26))}bc-defg-hij`,
      agreement: {
        type: 'goal-oriented',
        cadenceDays: 7,
        sessionMinutes: 45,
        preparation: 'Pre-session notes two days ahead.',
        desiredOutcomes: 'Run roadmap reviews with confidence.',
      },
      goals: [
        { id: `${id}g1`, text: 'Run a roadmap review alone', createdAt: first },
        { id: `${id}g2`, text: 'Say no with a reason', createdAt: first, doneAt: first + 90 * DAY },
      ],
      createdAt: first - DAY,
    });
  }
  for (let i = 0; i < sessions; i++) {
    const m = i % mentorships;
    const round = Math.floor(i / mentorships);
    const mentorship = ms[m] as Mentorship;
    const id = `${prefix}s${i}`;
    const startedAt = DATA_NOW - (perMentorship - round) * 7 * DAY + m * 3_600_000;
    const topic = TOPICS[(i * 7) % TOPICS.length] as string;
    const reflected = i % 5 !== 0;
    ss.push({
      id,
      mentorshipId: mentorship.id,
      kind: round === 0 ? 'first' : 'regular',
      status: reflected ? 'reflected' : 'ended',
      scheduledAt: startedAt,
      platform: 'meet',
      meetingKey: `meet:${mentorship.meetingLink?.slice(-12)}`,
      startedAt,
      endedAt: startedAt + 44 * 60_000,
      topic: { text: `${topic} (${round + 1})`, by: 'mentee', at: startedAt - DAY, history: [] },
      actionItems: [
        { id: `${id}a1`, text: 'Draft the review agenda', createdAt: startedAt + 600_000 },
        {
          id: `${id}a2`,
          text: 'Ask sales for the underlying problem',
          createdAt: startedAt + 900_000,
          doneAt: startedAt + 3 * DAY,
        },
      ],
      focus: { awayMs: 40_000, count: 2, longestMs: 30_000, presentShare: 0.98 },
    });
    notes.push({
      id: `${id}:pre:mentee`,
      sessionId: id,
      mentorshipId: mentorship.id,
      kind: 'pre-session',
      author: 'mentee',
      text: `${LINES[i % LINES.length]}\n${LINES[(i + 3) % LINES.length]}`,
      updatedAt: startedAt - DAY,
    });
    if (reflected) {
      const role = mentorship.myRole;
      reflections.push({
        id: `${id}:${role}`,
        sessionId: id,
        role,
        catalogueVersion: CATALOGUE_VERSION,
        answers:
          role === 'mentor'
            ? { 'mentor.responsive': { score: 4 }, 'mentor.listened': { score: 5 } }
            : { 'mentee.satisfied': { score: 4 }, 'mentee.valuable': { score: 5 } },
        complete: true,
        updatedAt: startedAt + DAY,
      });
    }
  }
  return { mentorships: ms, sessions: ss, notes, reflections };
}

/** The data as a backup file, as the Mentorships page writes one. */
export function backupFile(data: BenchData): string {
  const body = JSON.stringify(data);
  return JSON.stringify({
    format: 'mentor-companion-backup',
    version: 1,
    exportedAt: new Date(DATA_NOW).toISOString(),
    checksum: `crc32:${crc32Hex(new TextEncoder().encode(body))}`,
    data,
  });
}
