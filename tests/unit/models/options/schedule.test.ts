import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../../lib/db';
import { weekStart } from '../../../../lib/i18n';
import type { SessionRecord } from '../../../../lib/records';
import { weekDays } from '../../../../lib/schedule';
import { toInputValue } from '../../../../models/local-time';
import { DAY, freshDb, NOW, useLocale } from '../setup';
import { mentorshipIn, page } from './page';

let d: Db;
let t: ReturnType<typeof useLocale>;
beforeEach(async () => {
  d = await freshDb();
  t = useLocale('en');
});
afterEach(() => {
  d.close();
  vi.restoreAllMocks();
});

async function opened(firstSessionAt?: number) {
  const m = await mentorshipIn(d, 'Ana', { firstSessionAt });
  const { model } = page(d);
  await model.load();
  return { m, model, schedule: model.schedule };
}

describe('ScheduleModel', () => {
  it('books the next session; a time gone by is refused next to the booking form', async () => {
    const { schedule } = await opened();
    expect(schedule.state.value?.needsScheduling).toBe(true);
    expect(await schedule.book(toInputValue(NOW - DAY))).toBe(false);
    expect(schedule.error.value).toEqual({ where: 'book', message: t('error_time_past') });
    expect(await schedule.book(toInputValue(NOW + 2 * DAY))).toBe(true);
    expect(schedule.error.value).toBeUndefined();
    expect(schedule.state.value?.needsScheduling).toBe(false);
    expect(schedule.state.value?.booked.map((s) => s.kind)).toEqual(['first']);
  });

  it('moves a booking within its week only, saying so at that booking', async () => {
    // Thursday of the same week as NOW (a Tuesday).
    const thursday = NOW + 2 * DAY;
    const { schedule } = await opened(thursday);
    const id = schedule.state.value?.booked[0]?.id ?? '';
    expect(await schedule.reschedule(id, toInputValue(thursday + 7 * DAY))).toBe(false);
    // The sentence names the week's first and last day, as the user's calendar has them.
    const days = weekDays(weekStart());
    expect(schedule.error.value).toEqual({
      where: id,
      message: t('error_other_week', [t(`weekday_${days.from}`), t(`weekday_${days.to}`)]),
    });
    expect(await schedule.reschedule(id, toInputValue(thursday + DAY))).toBe(true);
    expect((await d.get('sessions', id))?.scheduledAt).toBe(thursday + DAY);
  });

  it('marks the last session, and says when the session is no longer to come', async () => {
    const { schedule } = await opened(NOW + DAY);
    const id = schedule.state.value?.booked[0]?.id ?? '';
    expect(await schedule.markLast(id, true)).toBe(true);
    expect((await d.get('sessions', id))?.kind).toBe('last');
    expect(await schedule.markLast('gone', true)).toBe(false);
    expect(schedule.error.value).toEqual({ where: 'gone', message: t('error_session_gone') });
  });

  it('lists the sessions held, newest first, and dismisses a reflection', async () => {
    const { m, model, schedule } = await opened();
    const held = (id: string, startedAt: number): SessionRecord => ({
      id,
      mentorshipId: m.id,
      kind: 'regular',
      status: 'ended',
      startedAt,
      endedAt: startedAt + 45 * 60_000,
      actionItems: [],
    });
    await d.put('sessions', held('older', NOW - 14 * DAY));
    await d.put('sessions', held('newer', NOW - DAY));
    await model.load();
    expect(schedule.history.value.map((r) => [r.session.id, r.state])).toEqual([
      ['newer', 'to-reflect'],
      ['older', 'to-reflect'],
    ]);
    await schedule.dismiss('older', true);
    expect(schedule.history.value[1]?.state).toBe('dismissed');
    model.select({ page: 'backups' });
    expect(schedule.error.value).toBeUndefined();
  });
});
