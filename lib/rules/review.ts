// The period review: one look back over a whole mentorship, at the end of a time-framed one,
// once its goals are reached, or whenever the user asks ("analyse the mentorship at the end of
// a period"). What the review page shows, and the text it shares, with only the parts ticked.
//
//   part          what                                              from
//   cadence       sessions held against the agreed cadence          lib/trends.ts
//   goals         goals reached and still open                      the mentorship
//   actionItems   action items done, and those still open           every session
//   ratings       the reflection answers over time                  lib/trends.ts, all sessions
//   last          the last session's takeaways, retrospective and   this user's reflection on the
//                 what's next                                       last session held
//   sessions      each session held: when, topic                    the sessions
//
// Focus figures are never part of it: they are the user's private data, and this page is made
// to be printed and shared.
//
// Pure: the clock (`now`) and the user's local date are parameters; no browser APIs.

import type { Goal, Mentorship, Reflection, SessionKind, SessionRecord } from '../records';
import { DAY_MS } from '../time';
import { computeTrends, isHeld, type RatingTrend } from '../trends';

/** Why the review is offered: the period ended, every goal is reached, or the user asked. */
export type ReviewReason = 'ended' | 'goals' | 'manual';

export type ReviewPart = 'cadence' | 'goals' | 'actionItems' | 'ratings' | 'last' | 'sessions';
export const REVIEW_PARTS: readonly ReviewPart[] = [
  'cadence',
  'goals',
  'actionItems',
  'ratings',
  'last',
  'sessions',
];
export type ReviewPick = Record<ReviewPart, boolean>;
export const PICK_ALL: ReviewPick = {
  cadence: true,
  goals: true,
  actionItems: true,
  ratings: true,
  last: true,
  sessions: true,
};

/** The last session's closing answers (question ids of lib/reflection/catalogue.ts). */
export const LAST_QUESTIONS = ['last.takeaways', 'last.retrospective', 'last.whats-next'] as const;
export type LastQuestion = (typeof LAST_QUESTIONS)[number];

export interface ReviewSession {
  id: string;
  at: number;
  kind: SessionKind;
  topic?: string;
  actionItems: { done: number; total: number };
}

export interface Review {
  mentorshipId: string;
  otherName: string;
  myRole: Mentorship['myRole'];
  type: Mentorship['agreement']['type'];
  cadenceDays: number;
  /** The period looked back on: the first session held (or the start) to the last (or now). */
  from: number;
  to: number;
  reason: ReviewReason;
  cadence: { held: number; planned: number; cadenceDays: number };
  goals: { done: Goal[]; open: Goal[] };
  actionItems: { done: number; total: number; open: { text: string; at: number }[] };
  ratings: RatingTrend[];
  /** The closing answers of the last session held, when the user wrote any. */
  last?: { sessionId: string; at: number; answers: Partial<Record<LastQuestion, string>> };
  sessions: ReviewSession[];
}

export interface ReviewInput {
  mentorship: Mentorship;
  sessions: readonly SessionRecord[];
  reflections: readonly Reflection[];
  now: number;
  /** The user's local date now, YYYY-MM-DD, to tell whether a time-framed period is over. */
  today: string;
}

const heldAt = (s: SessionRecord) => s.startedAt ?? s.scheduledAt ?? s.endedAt ?? 0;

/**
 * Whether the review should be offered by itself: a time-framed mentorship past its last day,
 * or one whose goals (at least one) are all reached. Otherwise undefined (offered by hand).
 */
export function reviewDue(
  m: Mentorship,
  today: string,
): Exclude<ReviewReason, 'manual'> | undefined {
  if (m.agreement.type === 'time-framed' && m.agreement.endsOn && today > m.agreement.endsOn) {
    return 'ended';
  }
  if (m.goals.length > 0 && m.goals.every((g) => g.doneAt !== undefined)) return 'goals';
  return undefined;
}

export function buildReview(input: ReviewInput): Review {
  const m = input.mentorship;
  const mine = input.sessions.filter((s) => s.mentorshipId === m.id);
  const held = mine
    .filter(isHeld)
    .sort((a, b) => heldAt(a) - heldAt(b) || a.id.localeCompare(b.id));
  const from = held[0]?.startedAt ?? m.createdAt;
  const lastHeld = held.at(-1);
  // A period that ended is looked back on up to its end, not up to today.
  const endsAt = m.agreement.endsOn ? Date.parse(`${m.agreement.endsOn}T23:59:59Z`) : undefined;
  const to = Math.max(
    from,
    endsAt !== undefined && endsAt < input.now ? endsAt : input.now,
    lastHeld?.endedAt ?? 0,
  );
  const trends = computeTrends({
    mentorship: m,
    sessions: [...mine],
    reflections: [...input.reflections],
    now: Math.min(to, input.now),
    lastN: Math.max(1, held.length),
  });

  const items = mine
    .sort((a, b) => heldAt(a) - heldAt(b))
    .flatMap((s) => s.actionItems.map((a) => ({ a, at: heldAt(s) })));
  const last = lastHeld && lastAnswers(lastHeld, m, input.reflections);

  return {
    mentorshipId: m.id,
    otherName: m.otherName,
    myRole: m.myRole,
    type: m.agreement.type,
    cadenceDays: m.agreement.cadenceDays,
    from,
    to,
    reason: reviewDue(m, input.today) ?? 'manual',
    cadence: {
      held: trends.cadence.held,
      planned: Math.max(trends.cadence.planned, trends.cadence.held),
      cadenceDays: trends.cadence.cadenceDays,
    },
    goals: {
      done: m.goals.filter((g) => g.doneAt !== undefined),
      open: m.goals.filter((g) => g.doneAt === undefined),
    },
    actionItems: {
      done: items.filter((x) => x.a.doneAt !== undefined).length,
      total: items.length,
      open: items
        .filter((x) => x.a.doneAt === undefined)
        .map((x) => ({ text: x.a.text, at: x.at })),
    },
    ratings: trends.ratings,
    ...(last ? { last } : {}),
    sessions: held.map((s) => ({
      id: s.id,
      at: heldAt(s),
      kind: s.kind,
      ...(s.topic?.text.trim() ? { topic: s.topic.text } : {}),
      actionItems: {
        done: s.actionItems.filter((a) => a.doneAt !== undefined).length,
        total: s.actionItems.length,
      },
    })),
  };
}

/** This user's closing answers on the last session, preferring the one marked last. */
function lastAnswers(
  lastHeld: SessionRecord,
  m: Mentorship,
  reflections: readonly Reflection[],
): Review['last'] {
  const r = reflections.find((x) => x.sessionId === lastHeld.id && x.role === m.myRole);
  const answers: Partial<Record<LastQuestion, string>> = {};
  for (const q of LAST_QUESTIONS) {
    const note = r?.answers[q]?.note?.trim();
    if (note) answers[q] = note;
  }
  if (Object.keys(answers).length === 0) return undefined;
  return { sessionId: lastHeld.id, at: heldAt(lastHeld), answers };
}

/** Held sessions per planned one, 0..1 (1 when none was planned yet). */
export function cadenceRatio(review: Pick<Review, 'cadence'>): number {
  const { held, planned } = review.cadence;
  return planned > 0 ? Math.min(1, held / planned) : 1;
}

/** The period's length in whole days, at least one. */
export const periodDays = (review: Pick<Review, 'from' | 'to'>) =>
  Math.max(1, Math.round((review.to - review.from) / DAY_MS));
