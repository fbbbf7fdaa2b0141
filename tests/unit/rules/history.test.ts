import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../lib/records';
import { historyOf } from '../../../lib/rules/history';

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
