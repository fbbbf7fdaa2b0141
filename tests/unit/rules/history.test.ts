import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../lib/records';
import { historyOf, neighboursOf } from '../../../lib/rules/history';

const DAY = 86_400_000;
const HOUR = 3_600_000;
// Wednesday 11 March 2026, 10:00 UTC.
const NOW = Date.UTC(2026, 2, 11, 10, 0);

const s = (over: Partial<SessionRecord> & { id: string }): SessionRecord => ({
  mentorshipId: 'm',
  kind: 'regular',
  status: 'ended',
  actionItems: [],
  ...over,
});

describe('history', () => {
  it.each([
    [{ status: 'live' as const }, 'live'],
    [{ status: 'ended' as const }, 'to-reflect'],
    [{ status: 'ended' as const, reflectionDismissed: true }, 'dismissed'],
    [{ status: 'reflected' as const }, 'reflected'],
  ])('a held session %j is %s', (over, state) => {
    const [row] = historyOf('m', [s({ id: 'a', startedAt: NOW - HOUR, endedAt: NOW, ...over })]);
    expect(row?.state).toBe(state);
    expect(row?.lengthMs).toBe(HOUR);
  });

  it('lists held sessions of the mentorship only, newest first', () => {
    const rows = historyOf('m', [
      s({ id: 'old', startedAt: NOW - 2 * DAY }),
      s({ id: 'booked', status: 'scheduled', scheduledAt: NOW + DAY }),
      s({ id: 'other', mentorshipId: 'x', startedAt: NOW }),
      s({ id: 'new', startedAt: NOW - DAY }),
      s({ id: 'no-start', status: 'ended' }),
    ]);
    expect(rows.map((r) => r.session.id)).toEqual(['new', 'old']);
    expect(rows[0]).not.toHaveProperty('lengthMs');
  });

  it('gives no length for an end before the start', () => {
    const [row] = historyOf('m', [s({ id: 'a', startedAt: NOW, endedAt: NOW - 1 })]);
    expect(row).toEqual({ session: expect.objectContaining({ id: 'a' }), state: 'to-reflect' });
  });
});

describe("a session's neighbours", () => {
  const one = s({ id: 'one', startedAt: NOW - 3 * DAY });
  const two = s({ id: 'two', startedAt: NOW - 2 * DAY, status: 'reflected' });
  const three = s({ id: 'three', startedAt: NOW - DAY });
  const booked = s({ id: 'booked', status: 'scheduled', scheduledAt: NOW + DAY });
  const undated = s({ id: 'undated', status: 'scheduled' });
  const all = [three, booked, one, undated, two];

  it.each([
    ['the first held', one, { nextId: 'two' }],
    ['one in the middle', two, { previousId: 'one', nextId: 'three' }],
    ['the last held', three, { previousId: 'two' }],
    // A booking sits at its time: after every held one.
    ['a booking', booked, { previousId: 'three' }],
    ['an undated booking', undated, { previousId: 'three' }],
  ])('of %s', (_name, session, expected) => {
    expect(neighboursOf(session, all)).toEqual(expected);
  });

  it('orders sessions that began at the same moment by id', () => {
    const a = s({ id: 'a', startedAt: NOW });
    const b = s({ id: 'b', startedAt: NOW });
    expect(neighboursOf(a, [a, b])).toEqual({ nextId: 'b' });
    expect(neighboursOf(b, [a, b])).toEqual({ previousId: 'a' });
  });

  it('is nothing for a session alone', () => {
    expect(neighboursOf(one, [one])).toEqual({});
  });
});
