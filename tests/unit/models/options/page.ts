// An options page over a fresh database, as the model tests build it.
import type { Db } from '../../../../lib/db';
import type { Mentorship, SessionRecord } from '../../../../lib/records';
import { createMentorship } from '../../../../lib/repos/mentorships';
import { settingsItem } from '../../../../lib/storage/items';
import { OptionsModel } from '../../../../models/options/app';
import { clock, DAY, NOW } from '../setup';

export function page(
  d: Db,
  time = clock(),
  storage?: { persisted(): Promise<boolean>; persist(): Promise<boolean> },
) {
  const model = new OptionsModel({
    db: async () => d,
    now: time.now,
    settings: settingsItem,
    ...(storage ? { storage } : {}),
  });
  return { model, time };
}

export async function mentorshipIn(
  d: Db,
  otherName = 'Ana',
  extra: { firstSessionAt?: number; at?: number; cadenceDays?: number } = {},
): Promise<Mentorship> {
  const { mentorship } = await createMentorship(
    d,
    {
      otherName,
      myRole: 'mentee',
      cadenceDays: extra.cadenceDays ?? 14,
      sessionMinutes: 45,
      firstSessionAt: extra.firstSessionAt,
    },
    extra.at ?? NOW - 10 * DAY,
  );
  return mentorship;
}

let sessionCount = 0;

/** A held session of a mentorship, straight into the store (as a call that ended leaves it). */
export async function heldIn(
  d: Db,
  mentorshipId: string,
  startedAt: number,
  extra: Partial<SessionRecord> = {},
): Promise<SessionRecord> {
  const s: SessionRecord = {
    id: `held-${++sessionCount}`,
    mentorshipId,
    kind: 'regular',
    status: 'ended',
    startedAt,
    endedAt: startedAt + 45 * 60_000,
    actionItems: [],
    ...extra,
  };
  await d.put('sessions', s);
  return s;
}
