import { describe, expect, it } from 'vitest';
import type { Mentorship, SessionRecord } from '../../../lib/records';
import {
  cancelKeepsPreparation,
  earliestScheduled,
  firstAfterRemoval,
  kindForBooking,
  kindForNew,
  kindWhenUnmarked,
  nextAcross,
  PENDING_WITHIN_MS,
  pendingSession,
  scheduledInOrder,
  scheduleOf,
  wasHeld,
} from '../../../lib/rules/schedule';

const DAY = 86_400_000;
const HOUR = 3_600_000;
// Wednesday 11 March 2026, 10:00 UTC.
const NOW = Date.UTC(2026, 2, 11, 10, 0);

const s = (id: string, over: Partial<SessionRecord> = {}): SessionRecord => ({
  id,
  mentorshipId: 'm',
  kind: 'regular',
  status: 'scheduled',
  actionItems: [],
  ...over,
});

const ids = (list: readonly (SessionRecord | undefined)[]) => list.map((x) => x?.id);

describe('the earliest scheduled session', () => {
  it.each<[string, SessionRecord[], string | undefined, string | undefined]>([
    ['none at all', [], undefined, undefined],
    ['the only one', [s('a', { scheduledAt: NOW })], undefined, 'a'],
    [
      'the earlier of two dated ones',
      [s('later', { scheduledAt: NOW + DAY }), s('sooner', { scheduledAt: NOW + HOUR })],
      undefined,
      'sooner',
    ],
    [
      'a dated one before an undated one',
      [s('undated'), s('dated', { scheduledAt: NOW + 20 * DAY })],
      undefined,
      'dated',
    ],
    ['an undated one when it is all there is', [s('undated')], undefined, 'undated'],
    [
      'never one that was held',
      [
        s('held', { status: 'ended', scheduledAt: NOW - DAY }),
        s('next', { scheduledAt: NOW + DAY }),
      ],
      undefined,
      'next',
    ],
    [
      "only the mentorship's own",
      [s('other', { mentorshipId: 'x', scheduledAt: NOW }), s('mine', { scheduledAt: NOW + DAY })],
      'm',
      'mine',
    ],
    [
      'of any mentorship when none is named',
      [s('other', { mentorshipId: 'x', scheduledAt: NOW }), s('mine', { scheduledAt: NOW + DAY })],
      undefined,
      'other',
    ],
  ])('is %s', (_name, sessions, mentorshipId, want) => {
    expect(earliestScheduled(sessions, mentorshipId)?.id).toBe(want);
  });

  it('orders every booking the same way: dated by time, undated last', () => {
    const list = [
      s('undated'),
      s('c', { scheduledAt: NOW + 3 * DAY }),
      s('held', { status: 'reflected', scheduledAt: NOW - DAY }),
      s('a', { scheduledAt: NOW + DAY }),
    ];
    expect(ids(scheduledInOrder(list))).toEqual(['a', 'c', 'undated']);
  });
});

describe('the pending session', () => {
  it.each<[string, SessionRecord[], string | undefined]>([
    ['none', [], undefined],
    ['a booking in three days', [s('a', { scheduledAt: NOW + 3 * DAY })], 'a'],
    ['a booking just within the week', [s('a', { scheduledAt: NOW + PENDING_WITHIN_MS - 1 })], 'a'],
    ['not a booking a week off', [s('a', { scheduledAt: NOW + PENDING_WITHIN_MS })], undefined],
    ['an undated one, waiting now', [s('undated')], 'undated'],
    ['a booking missed yesterday', [s('missed', { scheduledAt: NOW - DAY })], 'missed'],
    [
      'the earliest of several',
      [s('b', { scheduledAt: NOW + 2 * DAY }), s('a', { scheduledAt: NOW + 10 * 60_000 })],
      'a',
    ],
    [
      "not another mentorship's",
      [s('x', { mentorshipId: 'x', scheduledAt: NOW + DAY })],
      undefined,
    ],
    ['not a live one', [s('live', { status: 'live', scheduledAt: NOW })], undefined],
  ])('is %s', (_name, sessions, want) => {
    expect(pendingSession(sessions, 'm', NOW)?.id).toBe(want);
  });
});

describe('kinds', () => {
  it.each<[string, SessionRecord[], SessionRecord['kind']]>([
    ['nothing yet', [], 'first'],
    ['only bookings', [s('a', { scheduledAt: NOW + DAY, kind: 'first' })], 'first'],
    ['one held', [s('a', { status: 'ended' })], 'regular'],
  ])('a session happening now after %s is %s', (_name, theirs, kind) => {
    expect(kindForNew(theirs)).toBe(kind);
  });

  it.each<[string, SessionRecord[], SessionRecord['kind']]>([
    ['nothing yet', [], 'first'],
    ['an undated regular booking', [s('a')], 'first'],
    ['the first booked', [s('a', { kind: 'first' })], 'regular'],
    ['one held', [s('a', { status: 'reflected' })], 'regular'],
  ])('a booking after %s is %s', (_name, theirs, kind) => {
    expect(kindForBooking(theirs)).toBe(kind);
  });

  it.each<[string, SessionRecord[], SessionRecord['kind']]>([
    ['nothing else', [], 'first'],
    ['a later booking', [s('b', { scheduledAt: NOW + 9 * DAY })], 'first'],
    ['an earlier booking', [s('b', { scheduledAt: NOW + DAY })], 'regular'],
    ['a later first session', [s('b', { kind: 'first', scheduledAt: NOW + 9 * DAY })], 'regular'],
    ['one held', [s('b', { status: 'ended' })], 'regular'],
  ])('a booking losing its last mark with %s is %s', (_name, others, kind) => {
    expect(kindWhenUnmarked(s('a', { kind: 'last', scheduledAt: NOW + 2 * DAY }), others)).toBe(
      kind,
    );
  });

  it.each<[Partial<SessionRecord>, boolean]>([
    [{ status: 'scheduled' }, false],
    [{ status: 'ended' }, false],
    [{ status: 'live', startedAt: NOW }, true],
    [{ status: 'reflected', startedAt: NOW }, true],
  ])('a session %j was held: %s', (over, held) => {
    expect(wasHeld(s('a', over))).toBe(held);
  });
});

describe('the schedule view', () => {
  it('knows when to ask for a booking', () => {
    const m: Mentorship = {
      id: 'm',
      otherName: 'Ana',
      myRole: 'mentee',
      agreement: { type: 'goal-oriented', cadenceDays: 14, sessionMinutes: 45 },
      goals: [],
      createdAt: NOW - 60 * DAY,
    };
    const b = (over: Partial<SessionRecord>): SessionRecord => s(Math.random().toString(36), over);
    const lastHeld = b({
      status: 'reflected',
      scheduledAt: NOW - 3 * DAY,
      startedAt: NOW - 3 * DAY,
    });
    expect(scheduleOf(m, [], NOW).needsScheduling).toBe(true);
    expect(scheduleOf(m, [], NOW).suggestion).toBe(NOW + DAY);
    const none = scheduleOf(m, [lastHeld], NOW);
    expect(none.needsScheduling).toBe(true);
    expect(none.suggestion).toBe(NOW + 11 * DAY);
    // A booking one cadence (two weeks) out does not nag a fortnightly mentorship.
    const ok = scheduleOf(m, [lastHeld, b({ scheduledAt: NOW + 11 * DAY })], NOW);
    expect(ok.needsScheduling).toBe(false);
    expect(ok.next?.scheduledAt).toBe(NOW + 11 * DAY);
    expect(scheduleOf(m, [b({ scheduledAt: NOW + 20 * DAY })], NOW).needsScheduling).toBe(true);
    // A booking already past is no booking.
    expect(scheduleOf(m, [b({ scheduledAt: NOW - HOUR })], NOW).needsScheduling).toBe(true);
    // Once the last session is held, nothing more to book.
    const done = scheduleOf(m, [{ ...lastHeld, kind: 'last' }], NOW);
    expect(done).toMatchObject({ over: true, needsScheduling: false });
    const framed = {
      ...m,
      agreement: { ...m.agreement, type: 'time-framed' as const, endsOn: '2026-03-10' },
    };
    expect(scheduleOf(framed, [], NOW).over).toBe(true);
  });

  it('lists the bookings in the one order, and the next is the earliest still to come', () => {
    const m: Mentorship = {
      id: 'm',
      otherName: 'Ana',
      myRole: 'mentee',
      agreement: { type: 'goal-oriented', cadenceDays: 7, sessionMinutes: 45 },
      goals: [],
      createdAt: 0,
    };
    const view = scheduleOf(
      m,
      [
        s('undated'),
        s('later', { scheduledAt: NOW + 2 * DAY }),
        s('past', { scheduledAt: NOW - DAY }),
      ],
      NOW,
    );
    expect(ids(view.booked)).toEqual(['past', 'later', 'undated']);
    expect(view.next?.id).toBe('later');
  });
});

describe('removing the first session', () => {
  const first = s('first', { kind: 'first', scheduledAt: NOW + DAY });
  it.each<[string, SessionRecord, SessionRecord[], string | null]>([
    [
      'makes the earliest booking left the first',
      first,
      [s('b', { scheduledAt: NOW + 8 * DAY }), s('a', { scheduledAt: NOW + 2 * DAY })],
      'a',
    ],
    ['an undated one, when it is the only one', first, [s('u')], 'u'],
    [
      'not when a session was held',
      first,
      [s('held', { status: 'ended', startedAt: NOW - DAY }), s('a', { scheduledAt: NOW + DAY })],
      null,
    ],
    [
      'not when another is the first already',
      first,
      [s('f', { kind: 'first', scheduledAt: NOW + 2 * DAY })],
      null,
    ],
    [
      'not when the earliest is marked last',
      first,
      [s('l', { kind: 'last', scheduledAt: NOW + 2 * DAY })],
      null,
    ],
    [
      'not for a regular session',
      s('r', { scheduledAt: NOW }),
      [s('a', { scheduledAt: NOW + DAY })],
      null,
    ],
    ['not with nothing left', first, [], null],
  ])('%s', (_name, removed, remaining, becomesFirst) => {
    expect(firstAfterRemoval(removed, remaining)).toEqual(
      becomesFirst ? [{ sessionId: becomesFirst, from: 'regular', to: 'first' }] : [],
    );
  });
});

describe('cancelling a booking', () => {
  it.each<[string, Partial<SessionRecord>, string[], boolean]>([
    ['nothing prepared', {}, [], false],
    ['an empty note', {}, ['  '], false],
    ['a note', {}, ['Thoughts'], true],
    ['a topic', { topic: { text: 'Career', by: 'mentee', at: 0, history: [] } }, [], true],
    ['an empty topic', { topic: { text: '', by: 'mentee', at: 0, history: [] } }, [], false],
    ['an action item', { actionItems: [{ id: 'a', text: 'a', createdAt: 0 }] }, [], true],
    ['a note, but no date to lose', { scheduledAt: undefined }, ['Thoughts'], false],
  ])('with %s keeps the session: %s', (_name, over, notes, keeps) => {
    const booking = s('b', { scheduledAt: NOW + DAY, ...over });
    expect(
      cancelKeepsPreparation(
        booking,
        notes.map((text) => ({ text })),
      ),
    ).toBe(keeps);
  });
});

describe('who is next across mentorships', () => {
  const m = (id: string, over: Partial<Mentorship> = {}): Mentorship => ({
    id,
    otherName: id,
    myRole: 'mentor',
    agreement: { type: 'ad-hoc', cadenceDays: 7, sessionMinutes: 30 },
    goals: [],
    createdAt: 0,
    ...over,
  });
  const MIN = 60_000;

  it('puts the earliest booking first, then the others in order, then those with none', () => {
    const rows = nextAcross(
      [
        m('ana', { createdAt: 1 }),
        m('ben', { createdAt: 2 }),
        m('chidi', { createdAt: 3 }),
        m('dana', { createdAt: 4 }),
        m('eve', { createdAt: 0 }),
        m('old', { archivedAt: NOW - DAY }),
      ],
      [
        s('ana-2', { mentorshipId: 'ana', scheduledAt: NOW + 3 * DAY }),
        s('ana-1', { mentorshipId: 'ana', scheduledAt: NOW + 2 * DAY }),
        s('ben-1', { mentorshipId: 'ben', scheduledAt: NOW + HOUR }),
        s('chidi-u', { mentorshipId: 'chidi' }),
        s('dana-held', { mentorshipId: 'dana', status: 'ended', scheduledAt: NOW + HOUR }),
        s('old-1', { mentorshipId: 'old', scheduledAt: NOW + MIN }),
        s('adhoc', { mentorshipId: null, scheduledAt: NOW + MIN }),
      ],
      NOW,
    );
    expect(rows.map((r) => [r.mentorship.id, r.session?.id, r.at])).toEqual([
      ['ben', 'ben-1', NOW + HOUR],
      ['ana', 'ana-1', NOW + 2 * DAY],
      // No dated booking: the oldest mentorship first.
      ['eve', undefined, undefined],
      ['chidi', 'chidi-u', undefined],
      ['dana', undefined, undefined],
    ]);
  });

  it('keeps a booking next while its call may still be starting, not once its length passed', () => {
    const ms = [m('ana')];
    const at = NOW - 10 * MIN;
    const sessions = [
      s('late', { mentorshipId: 'ana', scheduledAt: at }),
      s('later', { mentorshipId: 'ana', scheduledAt: NOW + DAY }),
    ];
    expect(nextAcross(ms, sessions, NOW)[0]?.session?.id).toBe('late');
    expect(nextAcross(ms, sessions, at + 30 * MIN)[0]?.session?.id).toBe('later');
  });

  it('orders two bookings at the same time by the older mentorship', () => {
    const rows = nextAcross(
      [m('b', { createdAt: 2 }), m('a', { createdAt: 1 })],
      [
        s('b1', { mentorshipId: 'b', scheduledAt: NOW + HOUR }),
        s('a1', { mentorshipId: 'a', scheduledAt: NOW + HOUR }),
      ],
      NOW,
    );
    expect(rows.map((r) => r.mentorship.id)).toEqual(['a', 'b']);
  });
});
