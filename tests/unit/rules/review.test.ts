import { describe, expect, it } from 'vitest';
import type { Mentorship, Reflection, SessionRecord } from '../../../lib/records';
import { buildReview, cadenceRatio, PICK_ALL, reviewDue } from '../../../lib/rules/review';
import { type ReviewLabels, reviewMarkdown, reviewPlainText } from '../../../lib/rules/review-text';

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 5, 9, 0);

function mentorship(extra: Partial<Mentorship> = {}): Mentorship {
  return {
    id: 'm1',
    otherName: 'Ana',
    myRole: 'mentee',
    agreement: { type: 'time-framed', cadenceDays: 7, sessionMinutes: 45, endsOn: '2026-02-28' },
    goals: [
      { id: 'g1', text: 'Run a roadmap review', createdAt: START, doneAt: START + 20 * DAY },
      { id: 'g2', text: 'Say no *kindly*', createdAt: START },
    ],
    createdAt: START - DAY,
    ...extra,
  };
}

function held(i: number, extra: Partial<SessionRecord> = {}): SessionRecord {
  const at = START + i * 7 * DAY;
  return {
    id: `s${i}`,
    mentorshipId: 'm1',
    kind: i === 0 ? 'first' : 'regular',
    status: 'reflected',
    scheduledAt: at,
    startedAt: at,
    endedAt: at + 45 * 60_000,
    actionItems: [
      {
        id: `a${i}`,
        text: `Item ${i}`,
        createdAt: at,
        ...(i % 2 === 0 ? { doneAt: at + DAY } : {}),
      },
    ],
    topic: { text: `Topic ${i}`, by: 'mentee', at, history: [] },
    ...extra,
  };
}

const reflection = (i: number, score: number, answers = {}): Reflection => ({
  id: `s${i}:mentee`,
  sessionId: `s${i}`,
  role: 'mentee',
  catalogueVersion: 2,
  answers: { 'mentee.valuable': { score }, ...answers },
  complete: true,
  updatedAt: START + i * 7 * DAY,
});

const LABELS: ReviewLabels = {
  title: (n) => `Looking back: ${n}`,
  period: (a, b) => `${a} to ${b}`,
  cadence: 'Sessions held',
  held: (h, p, d) => `${h} of ${p} held (every ${d} days)`,
  goals: 'Goals',
  goalsSummary: (d, t) => `${d} of ${t} reached`,
  actionItems: 'Action items',
  itemsSummary: (d, t) => `${d} of ${t} done`,
  ratings: 'Ratings',
  rating: (q, avg, f, l) => `${q} ${avg} (${f} → ${l})`,
  last: 'Last session',
  questions: {
    'last.takeaways': 'Takeaways',
    'last.retrospective': 'Retrospective',
    'last.whats-next': 'Next',
  },
  sessions: 'Sessions',
  question: (_key, english) => english,
};

describe('reviewDue', () => {
  it.each([
    ['time-framed, the last day passed', mentorship(), '2026-03-01', 'ended'],
    ['time-framed, on its last day', mentorship(), '2026-02-28', undefined],
    [
      'every goal reached',
      mentorship({
        agreement: { type: 'goal-oriented', cadenceDays: 7, sessionMinutes: 45 },
        goals: [{ id: 'g', text: 'x', createdAt: 0, doneAt: 1 }],
      }),
      '2026-02-01',
      'goals',
    ],
    [
      'no goals at all',
      mentorship({ agreement: { type: 'ad-hoc', cadenceDays: 7, sessionMinutes: 45 }, goals: [] }),
      '2026-02-01',
      undefined,
    ],
  ])('%s', (_what, m, today, expected) => {
    expect(reviewDue(m, today)).toBe(expected);
  });
});

describe('buildReview', () => {
  const sessions = [0, 1, 2, 4].map((i) => held(i));
  const booked: SessionRecord = {
    id: 'b',
    mentorshipId: 'm1',
    kind: 'regular',
    status: 'scheduled',
    scheduledAt: START + 60 * DAY,
    actionItems: [],
  };
  const other: SessionRecord = { ...held(3), id: 'x', mentorshipId: 'm2' };
  const reflections = [
    reflection(0, 3),
    reflection(1, 4),
    reflection(4, 5, {
      'last.takeaways': { note: 'Write the *why* first' },
      'last.whats-next': { note: '  ' },
    }),
  ];
  const now = START + 5 * 7 * DAY;
  const review = buildReview({
    mentorship: mentorship(),
    sessions: [...sessions, booked, other],
    reflections,
    now,
    today: '2026-02-09',
  });

  it.each([
    ['held against the cadence', review.cadence, { held: 4, planned: 6, cadenceDays: 7 }],
    [
      'action items',
      { done: review.actionItems.done, total: review.actionItems.total },
      { done: 3, total: 4 },
    ],
    ['open items', review.actionItems.open.map((a) => a.text), ['Item 1']],
    ['goals done', review.goals.done.map((g) => g.id), ['g1']],
    ['goals open', review.goals.open.map((g) => g.id), ['g2']],
    ['sessions held, oldest first', review.sessions.map((s) => s.id), ['s0', 's1', 's2', 's4']],
    ['the period', [review.from, review.reason], [START, 'manual']],
    [
      'last answers, blank ones left out',
      review.last?.answers,
      { 'last.takeaways': 'Write the *why* first' },
    ],
  ] as const)('%s', (_what, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it('follows each rating over every session held', () => {
    const valuable = review.ratings.find((r) => r.question.id === 'mentee.valuable');
    expect(valuable?.points.map((p) => p.value)).toEqual([3, 4, null, 5]);
    expect(valuable?.average).toBe(4);
    expect(cadenceRatio(review)).toBeCloseTo(4 / 6);
  });

  it('looks back on a period that ended up to its last day, and says so', () => {
    const later = buildReview({
      mentorship: mentorship(),
      sessions,
      reflections,
      now: Date.UTC(2026, 5, 1),
      today: '2026-06-01',
    });
    expect(later.reason).toBe('ended');
    expect(later.to).toBe(Date.parse('2026-02-28T23:59:59Z'));
    expect(later.cadence.planned).toBe(8);
  });

  it('has no figures of focus, which are private', () => {
    const withFocus = sessions.map((s) => ({
      ...s,
      focus: { awayMs: 1, count: 1, longestMs: 1, presentShare: 0.5 },
    }));
    const r = buildReview({
      mentorship: mentorship(),
      sessions: withFocus,
      reflections,
      now,
      today: '2026-02-09',
    });
    expect(JSON.stringify(r)).not.toMatch(/presentShare|awayMs|focus/);
  });

  it('shares only the ticked parts, the user text escaped in Markdown', () => {
    const md = reviewMarkdown(review, PICK_ALL, LABELS, 'UTC');
    expect(md).toContain('# Looking back: Ana');
    expect(md).toContain('4 of 6 held (every 7 days)');
    expect(md).toContain('- [x] Run a roadmap review');
    expect(md).toContain('- [ ] Say no \\*kindly\\*');
    expect(md).toContain('- [ ] Item 1');
    expect(md).toContain('Write the \\*why\\* first');
    expect(md).toContain('- 2026-01-05 — Topic 0');
    const some = reviewMarkdown(
      review,
      { ...PICK_ALL, goals: false, last: false, sessions: false },
      LABELS,
      'UTC',
    );
    expect(some).not.toContain('roadmap review');
    expect(some).not.toContain('why');
    expect(some).not.toContain('Topic 0');
    expect(some).toContain('3 of 4 done');
    const plain = reviewPlainText(review, PICK_ALL, LABELS, 'UTC');
    expect(plain).toContain('[ ] Say no *kindly*');
    expect(plain).not.toContain('#');
  });
});
