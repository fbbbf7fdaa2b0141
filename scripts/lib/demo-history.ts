// The demo mentorship's past, as each side's extension would hold it a few months in: a dozen
// weekly sessions on Meet (the first one the "first session", one moved within its week),
// goals broken into each session's action items (the older ones done), pre-session notes from
// both sides (they came over in share packs, so both hold them), and this side's own
// reflections, whose answers change from week to week, so the Mentorships page's History and
// Trends show lines rather than one dot. Today's session is booked and waits to be prepared in
// the popup. The two sides were paired by an earlier pack: the mentor's mentorship carries the
// mentee's id, and shared sessions keep one id on both sides, so today's pack lands on today's
// booking.
//
// Every time is computed from `now` (the demo's start), so the story reads the same whenever it
// runs. The records follow lib/records.ts and go in as a backup file through the Backups page
// (lib/backup/format.ts checks them there, and tests/unit/demo-history.test.ts checks they pass).

import { crc32Hex } from '../../lib/crc32.ts';
import type {
  ActionItem,
  Answer,
  Mentorship,
  Note,
  Reflection,
  Role,
  SessionRecord,
} from '../../lib/records.ts';
import { DEMO_MEET, DEMO_MENTEE, DEMO_MENTOR } from './demo-data.ts';

export interface DemoHistory {
  mentorships: Mentorship[];
  sessions: SessionRecord[];
  notes: Note[];
  reflections: Reflection[];
}

const DAY = 86_400_000;
const MIN = 60_000;
/** The reflection catalogue the answers are written for (lib/reflection/catalogue.ts). */
const CATALOGUE = 2;
/** The mentorship's id on each side: the mentee's is also the pair id both use in packs. */
export const DEMO_MENTORSHIP_IDS: Record<Role, string> = {
  mentee: 'demo-ana-moreno',
  mentor: 'demo-ben-okafor',
};
/** Today's booked session: the one the mentee prepares in the popup and the call goes live as. */
export const DEMO_TODAY_ID = 'demo-today';

interface Past {
  topic: string;
  by: 'mentee' | 'mentor';
  /** Minutes the call lasted. */
  minutes: number;
  /** Moved from its slot to later in the same week (see `laterInWeek`). */
  moved?: boolean;
  items: { text: string; done: boolean }[];
  mentee?: string;
  mentor?: string;
  /** The mentee's: satisfied, valuable, goal-progress (1–5). */
  scores: [number, number, number];
  /** The mentor's: responsive, listened, committed, guided, empathy (1–5). */
  mentorScores: [number, number, number, number, number];
  remark?: string;
  raiseNext?: string;
  /** This side's time on the call tab: the mentee's; the mentor's is a little higher. */
  away: { share: number; count: number };
}

// Oldest first; session i (0-based) was held 12 - i weeks before today.
const PAST: Past[] = [
  {
    topic: 'Getting to know each other, and what I want from this mentorship',
    by: 'mentee',
    minutes: 52,
    items: [
      { text: 'Write down my three goals for the next quarter', done: true },
      { text: 'Send Ana the team structure', done: true },
    ],
    mentee: 'New to leading a product team; I want help with prioritising and stakeholders.',
    scores: [4, 4, 2],
    mentorScores: [4, 3, 4, 3, 4],
    away: { share: 0.97, count: 1 },
  },
  {
    topic: 'Mapping my stakeholders',
    by: 'mentor',
    minutes: 45,
    items: [
      { text: 'Draw the stakeholder map: influence against interest', done: true },
      { text: 'Pick five people to interview', done: true },
    ],
    mentee: 'I have a list of twenty names and no idea whom to start with.',
    scores: [3, 3, 2],
    mentorScores: [4, 3, 4, 3, 3],
    remark: 'Too much at once; I left unsure where to start.',
    away: { share: 0.9, count: 3 },
  },
  {
    topic: 'Running stakeholder interviews without leading the answers',
    by: 'mentee',
    minutes: 47,
    items: [
      { text: 'Write the interview script', done: true },
      { text: 'Book five interviews with sales and support', done: true },
    ],
    mentee: 'I am not sure how to start an interview without leading the answers.',
    mentor: 'Bring one question you would ask; we will rewrite it together.',
    scores: [4, 4, 3],
    mentorScores: [5, 4, 4, 4, 4],
    away: { share: 0.96, count: 1 },
  },
  {
    topic: 'Turning interview notes into themes',
    by: 'mentee',
    minutes: 44,
    items: [
      { text: 'Cluster the notes on a board', done: true },
      { text: 'Share the themes with the team', done: true },
    ],
    mentee: 'Five interviews done; forty pages of notes.',
    scores: [5, 4, 3],
    mentorScores: [4, 4, 5, 4, 4],
    raiseNext: 'How to handle a VP who wants something else.',
    away: { share: 0.98, count: 1 },
  },
  {
    topic: 'Saying no to a VP',
    by: 'mentor',
    minutes: 50,
    items: [
      { text: 'Draft the one-page roadmap trade-off', done: true },
      { text: 'Ask the VP for 20 minutes on priorities', done: true },
    ],
    mentee: 'The VP wants the SSO work first; the interviews point at onboarding.',
    mentor: 'Bring the interview numbers; we will practise the conversation.',
    scores: [5, 5, 3],
    mentorScores: [5, 5, 5, 4, 5],
    remark: 'The role play made it concrete.',
    away: { share: 0.95, count: 2 },
  },
  {
    topic: 'How the VP conversation went',
    by: 'mentee',
    minutes: 38,
    items: [{ text: 'Write up the agreed trade-off and send it round', done: true }],
    mentee: 'It went better than I feared: onboarding first, SSO in August.',
    scores: [4, 4, 4],
    mentorScores: [4, 5, 4, 5, 4],
    away: { share: 0.99, count: 0 },
  },
  {
    topic: 'Preparing the quarterly planning',
    by: 'mentee',
    minutes: 46,
    moved: true,
    items: [
      { text: 'Outline the planning presentation', done: true },
      { text: 'Ask two engineers to review the estimates', done: true },
    ],
    mentee: 'Moved to later in the week: the planning offsite is on our usual day.',
    scores: [3, 4, 3],
    mentorScores: [3, 4, 4, 4, 3],
    remark: 'Short on time after the offsite.',
    away: { share: 0.88, count: 4 },
  },
  {
    topic: 'Feedback on my planning presentation',
    by: 'mentee',
    minutes: 48,
    items: [
      { text: 'Cut the deck to ten slides', done: true },
      { text: 'Rehearse the opening with a colleague', done: true },
    ],
    mentee: 'Here is the deck; the middle part drags.',
    mentor: 'I will look at the story first, the slides second.',
    scores: [5, 5, 4],
    mentorScores: [5, 4, 5, 4, 5],
    away: { share: 0.97, count: 1 },
  },
  {
    topic: 'When engineering estimates slip',
    by: 'mentor',
    minutes: 45,
    items: [
      { text: 'Agree a buffer with the tech lead', done: true },
      { text: 'Tell sales the new date before they ask', done: true },
    ],
    mentee: 'The onboarding work is two weeks late.',
    scores: [4, 3, 3],
    mentorScores: [4, 4, 4, 3, 4],
    away: { share: 0.93, count: 2 },
  },
  {
    topic: 'Delegating the release notes',
    by: 'mentee',
    minutes: 41,
    items: [{ text: 'Hand the release notes to Priya, with a template', done: true }],
    mentee: 'I spend Friday afternoons on release notes.',
    scores: [4, 4, 4],
    mentorScores: [5, 5, 4, 5, 4],
    away: { share: 0.98, count: 1 },
  },
  {
    topic: 'Metrics that matter for onboarding',
    by: 'mentee',
    minutes: 47,
    items: [
      { text: 'Pick one activation metric with the team', done: true },
      { text: 'Ask data for a weekly chart', done: false },
    ],
    mentee: 'We shipped the onboarding fixes; how do we know they work?',
    scores: [5, 4, 4],
    mentorScores: [5, 4, 5, 5, 5],
    away: { share: 0.96, count: 1 },
  },
  {
    topic: 'Sales or support: who goes first in Q3?',
    by: 'mentee',
    minutes: 49,
    items: [
      { text: 'Run the stakeholder interviews again, shorter', done: true },
      { text: 'Draft the Q3 options for the team', done: false },
    ],
    mentee: 'Both want the next quarter. I want to decide with the team, not for it.',
    mentor: 'Think about what you would drop if you could only do one.',
    scores: [4, 5, 4],
    mentorScores: [5, 5, 5, 4, 5],
    raiseNext: 'The Q3 roadmap, with the interview results.',
    away: { share: 0.97, count: 1 },
  },
];

const GOALS = [
  { id: 'demo-goal-roadmap', text: 'Run the Q3 roadmap planning with my team, on my own' },
  { id: 'demo-goal-no', text: 'Say no to stakeholders without burning bridges' },
  { id: 'demo-goal-present', text: 'Present the roadmap to the leadership team' },
];

/**
 * Days to move a session from its slot and stay in its (Monday to Sunday) week: two, or one on
 * a Saturday; a Sunday slot moves to the Monday, as there is no later day in its week.
 */
function laterInWeek(slot: number): number {
  const weekday = ((new Date(slot).getDay() + 6) % 7) + 1;
  return Math.max(1, Math.min(2, 7 - weekday));
}

/** Everything one side's extension holds of the demo mentorship, `now` being today's call. */
export function demoHistory(now: number, me: Role = 'mentee'): DemoHistory {
  const mentorshipId = DEMO_MENTORSHIP_IDS[me];
  // Today's session is booked five minutes from now, so the reminder that it starts in five
  // minutes comes at once, and is true. The weeks Trends counts start at the first session,
  // which began ten minutes early: the demo's call, joined a few minutes early, falls in this
  // week and every earlier call in its own.
  const today = now + 5 * MIN;
  const first = today - PAST.length * 7 * DAY;
  const sessions: SessionRecord[] = [];
  const notes: Note[] = [];
  const reflections: Reflection[] = [];
  const note = (sessionId: string, author: 'mentee' | 'mentor', text: string, at: number) =>
    notes.push({
      id: `${sessionId}:pre:${author}`,
      sessionId,
      mentorshipId,
      kind: 'pre-session',
      author,
      text,
      updatedAt: at,
    });

  PAST.forEach((p, i) => {
    const id = `demo-s${String(i + 1).padStart(2, '0')}`;
    const slot = first + i * 7 * DAY;
    const at = p.moved ? slot + laterInWeek(slot) * DAY : slot;
    const startedAt = i === 0 ? at - 10 * MIN : at;
    const endedAt = startedAt + p.minutes * MIN;
    const items: ActionItem[] = p.items.map((item, j) => ({
      id: `${id}-item${j + 1}`,
      text: item.text,
      createdAt: endedAt - (5 - j) * MIN,
      ...(item.done ? { doneAt: endedAt + (2 + j) * DAY } : {}),
    }));
    const share = me === 'mentee' ? p.away.share : Math.min(0.99, p.away.share + 0.02);
    const count = me === 'mentee' ? p.away.count : Math.max(0, p.away.count - 1);
    const awayMs = Math.round((1 - share) * p.minutes * MIN);
    sessions.push({
      id,
      mentorshipId,
      kind: i === 0 ? 'first' : 'regular',
      status: 'reflected',
      scheduledAt: at,
      platform: 'meet',
      meetingKey: 'meet:abc-defg-hij',
      startedAt,
      endedAt,
      topic: { text: p.topic, by: p.by, at: slot - 2 * DAY, history: [] },
      actionItems: items,
      focus: {
        awayMs,
        count,
        longestMs: count ? Math.round(awayMs / count) : 0,
        presentShare: share,
      },
    });
    if (p.mentee) note(id, 'mentee', p.mentee, slot - DAY);
    if (p.mentor) note(id, 'mentor', p.mentor, slot - DAY + 3 * 60 * MIN);
    const [satisfied, valuable, progress] = p.scores;
    const [responsive, listened, committed, guided, empathy] = p.mentorScores;
    const answers: Record<string, Answer> =
      me === 'mentee'
        ? {
            'mentee.satisfied': { score: satisfied, ...(p.remark ? { note: p.remark } : {}) },
            'mentee.valuable': { score: valuable },
            'mentee.goal-progress': { score: progress },
            ...(p.raiseNext ? { 'session.raise-next': { note: p.raiseNext } } : {}),
          }
        : {
            'mentor.responsive': { score: responsive },
            'mentor.listened': { score: listened },
            'mentor.committed': { score: committed },
            'mentor.guided': { score: guided },
            'mentor.empathy': { score: empathy },
          };
    if (i === 0) {
      answers['first.introductions'] = { score: 5 };
      answers['first.goals'] = { score: 4 };
      answers['first.commitments'] = { score: 4 };
    }
    const reflected = endedAt + 40 * MIN;
    reflections.push({
      id: `${id}:${me}`,
      sessionId: id,
      role: me,
      catalogueVersion: CATALOGUE,
      answers,
      complete: true,
      // One reflection changed a day later: its first answer is kept as a version.
      ...(i === 4
        ? {
            updatedAt: reflected + DAY,
            reopenedAt: reflected + DAY - 5 * MIN,
            history: [
              { answers: { ...answers, 'mentee.satisfied': { score: 4 } }, completedAt: reflected },
            ],
          }
        : { updatedAt: reflected }),
    });
  });

  // Today's session: booked on the cadence, its open items carried in the goals.
  sessions.push({
    id: DEMO_TODAY_ID,
    mentorshipId,
    kind: 'regular',
    status: 'scheduled',
    scheduledAt: today,
    actionItems: [],
  });

  const mentorship: Mentorship = {
    id: mentorshipId,
    otherName: me === 'mentee' ? DEMO_MENTOR : DEMO_MENTEE,
    myRole: me,
    ...(me === 'mentor' ? { pairId: DEMO_MENTORSHIP_IDS.mentee } : {}),
    meetingLink: DEMO_MEET,
    agreement: {
      type: 'goal-oriented',
      cadenceDays: 7,
      sessionMinutes: 45,
      preparation: 'Ben sends his thoughts and a topic the day before; Ana reads them.',
      responsiveness: 'Answers within two working days.',
      channels: 'Email for notes, chat for quick questions.',
      medium: 'video',
      location: 'Google Meet, the same link every week',
      inScope: 'Prioritising, stakeholders, planning, presenting; not salary.',
      desiredOutcomes: 'Ben runs the Q3 planning on his own, with the team behind the plan.',
    },
    goals: GOALS.map((g, i) => ({
      ...g,
      createdAt: first + 50 * MIN,
      // Presenting to the leadership team: done after the feedback session.
      ...(i === 2 ? { doneAt: first + 8 * 7 * DAY } : {}),
    })),
    createdAt: first - 3 * DAY,
  };
  return { mentorships: [mentorship], sessions, notes, reflections };
}

/** The backup file the Backups page restores: lib/backup/format.ts's envelope around the records. */
export function demoBackupFile(data: DemoHistory, now: number): string {
  const body = JSON.stringify(data);
  return `${JSON.stringify(
    {
      format: 'mentor-companion-backup',
      version: 1,
      exportedAt: new Date(now).toISOString(),
      counts: {
        mentorships: data.mentorships.length,
        sessions: data.sessions.length,
        notes: data.notes.length,
        reflections: data.reflections.length,
      },
      checksum: `crc32:${crc32Hex(new TextEncoder().encode(body))}`,
      data,
    },
    null,
    2,
  )}\n`;
}
