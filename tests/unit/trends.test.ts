import { describe, expect, it } from 'vitest';
import type { Mentorship, Reflection, Role, SessionRecord } from '../../lib/records';
import { computeTrends, isHeld } from '../../lib/trends';

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 5, 10, 0); // a Monday

function mentorship(myRole: Role = 'mentee', cadenceDays = 7): Mentorship {
  return {
    id: 'm',
    otherName: 'Ana',
    myRole,
    agreement: { type: 'goal-oriented', cadenceDays, sessionMinutes: 45 },
    goals: [],
    createdAt: START - DAY,
  };
}

function held(n: number, extra: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: `s${n}`,
    mentorshipId: 'm',
    kind: n === 0 ? 'first' : 'regular',
    status: 'reflected',
    startedAt: START + n * 7 * DAY,
    endedAt: START + n * 7 * DAY + 45 * 60_000,
    actionItems: [],
    ...extra,
  };
}

function reflection(sessionId: string, role: Role, scores: Record<string, number>): Reflection {
  return {
    id: `${sessionId}:${role}`,
    sessionId,
    role,
    catalogueVersion: 2,
    answers: Object.fromEntries(Object.entries(scores).map(([q, score]) => [q, { score }])),
    complete: true,
    updatedAt: 0,
  };
}

describe('isHeld', () => {
  it.each([
    ['scheduled', undefined, false],
    ['scheduled', START, false],
    ['live', START, true],
    ['ended', START, true],
    ['reflected', START, true],
    ['ended', undefined, false],
  ] as const)('%s with startedAt %s: %s', (status, startedAt, expected) => {
    expect(
      isHeld({ id: 'x', mentorshipId: 'm', kind: 'regular', status, startedAt, actionItems: [] }),
    ).toBe(expected);
  });
});

describe('rating trends', () => {
  it('averages each rating over the window and tracks the latest change', () => {
    const sessions = [held(0), held(1), held(2)];
    const reflections = [
      reflection('s0', 'mentee', { 'mentee.satisfied': 3, 'mentee.valuable': 4 }),
      reflection('s1', 'mentee', { 'mentee.satisfied': 4 }),
      reflection('s2', 'mentee', { 'mentee.satisfied': 5, 'mentee.valuable': 2 }),
    ];
    const t = computeTrends({
      mentorship: mentorship(),
      sessions,
      reflections,
      now: START + 20 * DAY,
    });
    expect(t.sessions).toBe(3);
    const satisfied = t.ratings.find((r) => r.question.id === 'mentee.satisfied');
    expect(satisfied?.points.map((p) => p.value)).toEqual([3, 4, 5]);
    expect(satisfied?.average).toBe(4);
    expect(satisfied?.change).toBe(1.5);
    const valuable = t.ratings.find((r) => r.question.id === 'mentee.valuable');
    expect(valuable?.points.map((p) => p.value)).toEqual([4, null, 2]);
    expect(valuable?.average).toBe(3);
    expect(valuable?.change).toBe(-2);
  });

  it.each([
    [1, [5]],
    [2, [4, 5]],
    [8, [1, 2, 3, 4, 5]],
  ])('keeps the last %i sessions only', (lastN, expected) => {
    const sessions = [0, 1, 2, 3, 4].map((n) => held(n));
    const reflections = sessions.map((s, i) =>
      reflection(s.id, 'mentee', { 'mentee.satisfied': i + 1 }),
    );
    const t = computeTrends({
      mentorship: mentorship(),
      sessions,
      reflections,
      now: START + 40 * DAY,
      lastN,
    });
    expect(t.ratings[0]?.points.map((p) => p.value)).toEqual(expected);
  });

  it('reads only this user’s role, and lists questions in catalogue order', () => {
    const sessions = [held(0)];
    const reflections = [
      reflection('s0', 'mentor', { 'mentor.empathy': 2, 'mentor.responsive': 5 }),
      reflection('s0', 'mentee', { 'mentee.satisfied': 1 }),
    ];
    const t = computeTrends({
      mentorship: mentorship('mentor'),
      sessions,
      reflections,
      now: START + DAY,
    });
    expect(t.ratings.map((r) => r.question.id)).toEqual(['mentor.responsive', 'mentor.empathy']);
    expect(t.ratings[1]?.question.text).toBe('Did I have enough empathy?');
  });

  it('keeps a retired question answered in old reflections, under its last wording', () => {
    const t = computeTrends({
      mentorship: mentorship(),
      sessions: [held(0)],
      reflections: [
        { ...reflection('s0', 'mentee', { 'mentee.prepared': 4 }), catalogueVersion: 1 },
      ],
      now: START + DAY,
    });
    expect(t.ratings.map((r) => [r.question.id, r.question.text])).toEqual([
      ['mentee.prepared', 'Did I prepare well?'],
    ]);
  });

  it('ignores notes, unknown questions, booked sessions and other mentorships', () => {
    const t = computeTrends({
      mentorship: mentorship(),
      sessions: [
        held(0),
        { ...held(1), status: 'scheduled', startedAt: undefined },
        { ...held(2), mentorshipId: 'other' },
      ],
      reflections: [
        {
          ...reflection('s0', 'mentee', { 'no.such-question': 3 }),
          answers: { 'session.raise-next': { note: 'x' }, 'no.such-question': { score: 3 } },
        },
        reflection('s2', 'mentee', { 'mentee.satisfied': 5 }),
      ],
      now: START + 30 * DAY,
    });
    expect(t.sessions).toBe(1);
    expect(t.ratings).toEqual([]);
  });
});

describe('held vs planned cadence', () => {
  it.each([
    // [cadence, held session offsets in days, now offset in days, held, planned, bars]
    [7, [], 0, 0, 0, [0]],
    [7, [], 10, 0, 1, [0, 0]],
    [7, [0], 0, 1, 1, [1]],
    [7, [0, 7, 14], 14, 3, 3, [1, 1, 1]],
    [7, [0, 14], 20, 2, 3, [1, 0, 1]],
    [14, [0, 14, 28], 30, 3, 3, [1, 1, 1]],
    [14, [0, 3, 14], 15, 3, 2, [2, 1]],
    [7, [0, 30], 35, 2, 6, [1, 0, 0, 0, 1, 0]],
  ])(
    'cadence %i, held on days %j, now day %i: %i held of %i planned',
    (cadence, days, nowDay, h, p, bars) => {
      const sessions = days.map((day, i) => ({ ...held(i), startedAt: START + day * DAY }));
      const m = { ...mentorship('mentee', cadence), createdAt: START };
      const t = computeTrends({
        mentorship: m,
        sessions,
        reflections: [],
        now: START + nowDay * DAY,
      });
      expect(t.cadence.held).toBe(h);
      expect(t.cadence.planned).toBe(p);
      expect(t.cadence.periods.map((x) => x.held)).toEqual(bars);
      expect(t.cadence.cadenceDays).toBe(cadence);
    },
  );

  it('shows at most the requested number of periods, the latest ones', () => {
    const sessions = [0, 7, 14, 21, 28, 35].map((d, i) => ({
      ...held(i),
      startedAt: START + d * DAY,
    }));
    const t = computeTrends({
      mentorship: mentorship(),
      sessions,
      reflections: [],
      now: START + 36 * DAY,
      periods: 3,
    });
    expect(t.cadence.periods).toEqual([
      { from: START + 21 * DAY, held: 1 },
      { from: START + 28 * DAY, held: 1 },
      { from: START + 35 * DAY, held: 1 },
    ]);
  });
});

describe('action items and presence', () => {
  it.each([
    [[], 0, 0, null],
    [[true], 1, 1, 1],
    [[true, false, false, true], 2, 4, 0.5],
    [[false], 0, 1, 0],
  ])('items done %j: %i of %i', (doneFlags, done, total, ratio) => {
    const items = doneFlags.map((d, i) => ({
      id: `a${i}`,
      text: 'x',
      createdAt: START,
      ...(d ? { doneAt: START + 1 } : {}),
    }));
    const sessions = [
      held(0, { actionItems: items.slice(0, 1) }),
      // A booked session's carried-forward items count too.
      {
        ...held(1, { actionItems: items.slice(1) }),
        status: 'scheduled' as const,
        startedAt: undefined,
      },
    ];
    const t = computeTrends({ mentorship: mentorship(), sessions, reflections: [], now: START });
    expect(t.actionItems).toEqual({ done, total, ratio });
  });

  it('collects this user’s presence per session, with gaps where none was measured', () => {
    const focus = (presentShare: number, count: number) => ({
      awayMs: 1,
      count,
      longestMs: 1,
      presentShare,
    });
    const t = computeTrends({
      mentorship: mentorship(),
      sessions: [held(0, { focus: focus(0.9, 2) }), held(1), held(2, { focus: focus(0.7, 3) })],
      reflections: [],
      now: START + 20 * DAY,
    });
    expect(t.presence.points.map((p) => p.value)).toEqual([0.9, null, 0.7]);
    expect(t.presence.average).toBeCloseTo(0.8);
    expect(t.presence.awayCount).toBe(5);
  });

  it('has no averages before any session', () => {
    const t = computeTrends({
      mentorship: mentorship(),
      sessions: [],
      reflections: [],
      now: START,
    });
    expect(t.sessions).toBe(0);
    expect(t.presence.average).toBeNull();
    expect(t.ratings).toEqual([]);
  });
});
