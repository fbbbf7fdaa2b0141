// Trends of one mentorship, from its sessions and this user's reflections: how each rating went
// over the last sessions, how many sessions were held against the agreed cadence, how many
// action items got done, and this user's own presence on the calls (private: never shared).
//
// Pure: no clock (times are parameters), no browser APIs.

import type { Mentorship, Reflection, SessionRecord } from './records';
import { catalogues } from './reflection';
import { clampCadenceDays } from './schedule';
import { DAY_MS } from './time';

/** How many of the latest held sessions the rating and presence series cover. */
export const DEFAULT_TREND_SESSIONS = 8;
/** How many cadence periods the "held vs planned" bars show. */
export const DEFAULT_TREND_PERIODS = 8;

export interface RatingQuestion {
  id: string;
  /** i18n key and English text, as the newest catalogue holding the question words it. */
  key: string;
  text: string;
}

export interface SeriesPoint {
  sessionId: string;
  at: number;
  /** null: the session was held but this question has no score for it. */
  value: number | null;
}

export interface RatingTrend {
  question: RatingQuestion;
  /** One point per session in the window, oldest first. */
  points: SeriesPoint[];
  /** Mean of the scores in the window, or null when none. */
  average: number | null;
  /** The latest score minus the mean of the earlier ones in the window, or null. */
  change: number | null;
}

export interface CadencePeriod {
  /** Start of the period (the first held session, then every cadence after it). */
  from: number;
  held: number;
}

export interface CadenceTrend {
  cadenceDays: number;
  /** Sessions held since the mentorship started. */
  held: number;
  /** Sessions the cadence planned from the first held one (or the start) until now. */
  planned: number;
  /** The latest periods, oldest first, each with the sessions held in it. */
  periods: CadencePeriod[];
}

export interface ActionItemTrend {
  done: number;
  total: number;
  /** done / total, or null when there are none. */
  ratio: number | null;
}

export interface PresenceTrend {
  /** This user's share of each session spent on the call tab (0..1), oldest first. */
  points: SeriesPoint[];
  average: number | null;
  /** Times away, summed over the window. */
  awayCount: number;
}

export interface Trends {
  /** Held sessions in the window, oldest first. */
  sessions: number;
  ratings: RatingTrend[];
  cadence: CadenceTrend;
  actionItems: ActionItemTrend;
  presence: PresenceTrend;
}

/** Every rating question any catalogue has had, in the newest catalogue's order. */
function ratingQuestions(): Map<string, RatingQuestion> {
  const byId = new Map<string, RatingQuestion>();
  const versions = Object.keys(catalogues)
    .map(Number)
    .sort((a, b) => b - a);
  for (const v of versions) {
    for (const q of catalogues[v]?.questions ?? []) {
      if (q.type === 'rating' && !byId.has(q.id)) {
        byId.set(q.id, { id: q.id, key: q.key, text: q.text });
      }
    }
  }
  return byId;
}

const RATINGS = ratingQuestions();

/** A session that took place: it went live at some point. */
export function isHeld(s: SessionRecord): boolean {
  return s.status !== 'scheduled' && s.startedAt !== undefined;
}

function mean(values: number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

export function computeTrends(input: {
  mentorship: Mentorship;
  sessions: SessionRecord[];
  reflections: Reflection[];
  now: number;
  lastN?: number;
  periods?: number;
}): Trends {
  const { mentorship: m, now } = input;
  const lastN = Math.max(1, input.lastN ?? DEFAULT_TREND_SESSIONS);
  const mine = input.sessions.filter((s) => s.mentorshipId === m.id);
  const held = mine
    .filter(isHeld)
    .sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0) || a.id.localeCompare(b.id));
  const window = held.slice(-lastN);

  // Ratings: this user's own reflections only (the other side's are never stored here).
  const reflectionOf = new Map<string, Reflection>();
  for (const r of input.reflections) {
    if (r.role === m.myRole) reflectionOf.set(r.sessionId, r);
  }
  const answered = new Set<string>();
  for (const s of window) {
    for (const [qid, a] of Object.entries(reflectionOf.get(s.id)?.answers ?? {})) {
      if (a.score !== undefined && RATINGS.has(qid)) answered.add(qid);
    }
  }
  const ratings: RatingTrend[] = [...RATINGS.values()]
    .filter((q) => answered.has(q.id))
    .map((question) => {
      const points = window.map((s) => {
        const score = reflectionOf.get(s.id)?.answers[question.id]?.score;
        return { sessionId: s.id, at: s.startedAt ?? 0, value: score ?? null };
      });
      const scores = points.flatMap((p) => (p.value === null ? [] : [p.value]));
      const last = scores.at(-1);
      const before = mean(scores.slice(0, -1));
      return {
        question,
        points,
        average: mean(scores),
        change: last !== undefined && before !== null ? last - before : null,
      };
    });

  // Held vs planned: one session per cadence from the first held one; before any is held, the
  // mentorship's start counts as the first slot.
  const cadenceDays = clampCadenceDays(m.agreement.cadenceDays);
  const step = cadenceDays * DAY_MS;
  const start = held[0]?.startedAt ?? m.createdAt;
  const elapsed = Math.max(0, now - start);
  const planned = held.length ? Math.floor(elapsed / step) + 1 : Math.floor(elapsed / step);
  const periodCount = Math.min(
    Math.max(1, input.periods ?? DEFAULT_TREND_PERIODS),
    Math.floor(elapsed / step) + 1,
  );
  const lastIndex = Math.floor(elapsed / step);
  const periods: CadencePeriod[] = [];
  for (let i = lastIndex - periodCount + 1; i <= lastIndex; i++) {
    const from = start + i * step;
    periods.push({
      from,
      held: held.filter((s) => (s.startedAt ?? 0) >= from && (s.startedAt ?? 0) < from + step)
        .length,
    });
  }

  // Action items of every session of the mentorship, booked ones included (they carry forward).
  const items = mine.flatMap((s) => s.actionItems);
  const done = items.filter((a) => a.doneAt !== undefined).length;

  // Presence: the user's own focus figures, for the user's eyes only.
  const presencePoints = window.map((s) => ({
    sessionId: s.id,
    at: s.startedAt ?? 0,
    value: s.focus ? s.focus.presentShare : null,
  }));
  const shares = presencePoints.flatMap((p) => (p.value === null ? [] : [p.value]));

  return {
    sessions: window.length,
    ratings,
    cadence: { cadenceDays, held: held.length, planned, periods },
    actionItems: { done, total: items.length, ratio: items.length ? done / items.length : null },
    presence: {
      points: presencePoints,
      average: mean(shares),
      awayCount: window.reduce((n, s) => n + (s.focus?.count ?? 0), 0),
    },
  };
}
