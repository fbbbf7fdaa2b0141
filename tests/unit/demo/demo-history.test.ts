// The demo's history goes in through the Backups page: it must be a backup the importer takes,
// and it must give History and Trends something to show.
import { describe, expect, it } from 'vitest';
import { parseBackup } from '../../../lib/backup/format';
import { computeTrends } from '../../../lib/trends';
import { DEMO_TODAY_ID, demoBackupFile, demoHistory } from '../../../scripts/lib/demo-history';

const NOW = Date.UTC(2026, 11, 2, 9, 30);
const DAY = 86_400_000;

describe('the demo history', () => {
  it.each([NOW, Date.UTC(2026, 5, 7, 23, 50), Date.UTC(2027, 2, 28, 0, 5)])(
    'is a backup the importer takes, whatever day the demo runs (%i)',
    (now) => {
      const data = demoHistory(now);
      expect(parseBackup(demoBackupFile(data, now))).toEqual(data);
    },
  );

  it('is a few months of weekly sessions, with today booked and nothing in the future held', () => {
    const { mentorships, sessions } = demoHistory(NOW);
    const held = sessions.filter((s) => s.status === 'reflected');
    expect(held).toHaveLength(12);
    expect(held[0]?.kind).toBe('first');
    expect(held.every((s) => (s.endedAt ?? Infinity) < NOW)).toBe(true);
    expect(NOW - (mentorships[0]?.createdAt ?? NOW)).toBeGreaterThan(80 * DAY);
    const today = sessions.find((s) => s.id === DEMO_TODAY_ID);
    expect(today?.status).toBe('scheduled');
    expect(Math.abs((today?.scheduledAt ?? 0) - NOW)).toBeLessThan(10 * 60_000);
    // One session was moved from its weekly slot.
    const off = held.filter(
      (s) => ((today?.scheduledAt ?? 0) - (s.scheduledAt ?? 0)) % (7 * DAY) !== 0,
    );
    expect(off).toHaveLength(1);
  });

  it('gives Trends a line for every rating, with scores that change', () => {
    const data = demoHistory(NOW);
    const [mentorship] = data.mentorships;
    if (!mentorship) throw new Error('no mentorship');
    const trends = computeTrends({ ...data, mentorship, now: NOW });
    expect(trends.sessions).toBe(8);
    expect(trends.ratings.map((r) => r.question.id)).toEqual(
      expect.arrayContaining(['mentee.satisfied', 'mentee.valuable', 'mentee.goal-progress']),
    );
    for (const r of trends.ratings.filter((x) => x.question.id.startsWith('mentee.'))) {
      const values = r.points.map((p) => p.value);
      expect(values.every((v) => v !== null)).toBe(true);
      expect(new Set(values).size).toBeGreaterThan(1);
    }
    expect(trends.cadence.held).toBe(12);
    // One session in each week; this week's is today's call, not held yet.
    expect(trends.cadence.periods.map((p) => p.held)).toEqual([1, 1, 1, 1, 1, 1, 1, 0]);
    expect(trends.actionItems.done).toBeGreaterThan(0);
    expect(trends.actionItems.done).toBeLessThan(trends.actionItems.total);
    expect(trends.presence.points.every((p) => p.value !== null)).toBe(true);
  });
});
