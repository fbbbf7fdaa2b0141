// The popup for a mentor with several mentees (issue 13): who is next across them, the soonest
// first, and one key (Alt+N) going through them in that order.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../lib/db';
import { createMentorship } from '../../../lib/repos/mentorships';
import { bookSession } from '../../../lib/repos/sessions';
import { popupMentorshipItem } from '../../../lib/storage/items';
import { PrepModel } from '../../../models/prep';
import { clock, DAY, freshDb, NOW, useLocale } from './setup';

let d: Db;
beforeEach(async () => {
  d = await freshDb();
  useLocale('en');
});
afterEach(() => {
  d.close();
  vi.restoreAllMocks();
});

const mentee = async (otherName: string, at: number) =>
  (
    await createMentorship(
      d,
      { otherName, myRole: 'mentor', cadenceDays: 14, sessionMinutes: 45 },
      at,
    )
  ).mentorship;

describe('PrepModel, who is next', () => {
  it('orders the mentees by their next session and goes through them in that order', async () => {
    const ana = await mentee('Ana', NOW - 3 * DAY);
    const ben = await mentee('Ben', NOW - 2 * DAY);
    const cy = await mentee('Cy', NOW - 1 * DAY);
    await bookSession(d, cy.id, NOW + 1 * DAY, NOW);
    await bookSession(d, ana.id, NOW + 2 * DAY, NOW);
    const prep = new PrepModel({
      db: async () => d,
      now: clock().now,
      remembered: popupMentorshipItem,
    });
    await prep.load();
    expect(prep.nextUp.value.map((n) => [n.mentorship.otherName, n.at])).toEqual([
      ['Cy', NOW + 1 * DAY],
      ['Ana', NOW + 2 * DAY],
      ['Ben', undefined],
    ]);
    expect(prep.current.value?.id).toBe(ana.id);
    await prep.chooseNext();
    expect(prep.current.value?.id).toBe(ben.id);
    await prep.chooseNext();
    expect(prep.current.value?.id).toBe(cy.id);
    await prep.chooseNext();
    expect(prep.current.value?.id).toBe(ana.id);
  });
});
