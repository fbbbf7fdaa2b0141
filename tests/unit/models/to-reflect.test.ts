import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../../../lib/db';
import type { SessionRecord } from '../../../lib/records';
import { createMentorship } from '../../../lib/repos/mentorships';
import { ToReflectModel } from '../../../models/to-reflect';
import { DAY, freshDb, NOW } from './setup';

let d: Db;
beforeEach(async () => {
  d = await freshDb();
});
afterEach(() => d.close());

const ended = (id: string, mentorshipId: string | null, endedAt: number, extra = {}) =>
  ({
    id,
    mentorshipId,
    kind: 'regular',
    status: 'ended',
    startedAt: endedAt - 3_600_000,
    endedAt,
    actionItems: [],
    ...extra,
  }) as SessionRecord;

it('lists the sessions waiting for a reflection, newest first, with the person', async () => {
  const { mentorship } = await createMentorship(
    d,
    { otherName: 'Ana', myRole: 'mentee', cadenceDays: 14, sessionMinutes: 45 },
    NOW - 30 * DAY,
  );
  await d.put('sessions', ended('old', mentorship.id, NOW - 2 * DAY));
  await d.put('sessions', ended('new', null, NOW - DAY));
  await d.put('sessions', ended('skipped', mentorship.id, NOW, { reflectionDismissed: true }));
  const model = new ToReflectModel({ db: async () => d });
  await model.load();
  expect(model.list.value.map((x) => [x.session.id, x.name])).toEqual([
    ['new', undefined],
    ['old', 'Ana'],
  ]);
});
