import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../../lib/db';
import type { SessionRecord } from '../../../../lib/records';
import { updateMentorship } from '../../../../lib/repos/mentorships';
import { freshDb, NOW, useLocale } from '../setup';
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

async function opened() {
  const m = await mentorshipIn(d);
  const { model } = page(d);
  await model.load();
  return { m, model, agreement: model.agreement };
}

describe('AgreementModel', () => {
  it('fills the form from the mentorship and saves each change as it is typed', async () => {
    const { m, agreement } = await opened();
    expect(agreement.draft.value).toMatchObject({ otherName: 'Ana', cadenceDays: '14' });
    agreement.edit({ cadenceDays: '7' });
    agreement.edit({ preparation: 'Notes two days ahead' });
    expect(agreement.saved.value).toBe('saving');
    await agreement.flush();
    expect(agreement.saved.value).toBe('saved');
    const stored = await d.get('mentorships', m.id);
    expect(stored?.agreement).toMatchObject({
      cadenceDays: 7,
      preparation: 'Notes two days ahead',
    });
    expect(agreement.draft.value).toMatchObject({
      cadenceDays: '7',
      preparation: 'Notes two days ahead',
    });
  });

  it('refuses a wrong field in the UI language, saves nothing, and keeps later typing', async () => {
    t = useLocale('de');
    const { m, agreement } = await opened();
    const before = await d.get('mentorships', m.id);
    agreement.edit({ cadenceDays: '0' });
    expect(agreement.error.value).toEqual({
      field: 'cadenceDays',
      message: t('error_cadence_range', ['1', '365']),
    });
    agreement.edit({ preparation: 'Typed while the cadence is wrong' });
    await agreement.flush();
    expect(await d.get('mentorships', m.id)).toEqual(before);
    expect(agreement.draft.value).toMatchObject({
      cadenceDays: '0',
      preparation: 'Typed while the cadence is wrong',
    });
    agreement.edit({ cadenceDays: '7' });
    expect(agreement.error.value).toBeUndefined();
    await agreement.flush();
    expect((await d.get('mentorships', m.id))?.agreement).toMatchObject({
      cadenceDays: 7,
      preparation: 'Typed while the cadence is wrong',
    });
  });

  it('shows a change made elsewhere when nothing is being typed', async () => {
    const { m, model, agreement } = await opened();
    agreement.edit({ channels: 'Slack' });
    await agreement.flush();
    const stored = await d.get('mentorships', m.id);
    if (!stored) throw new Error('no mentorship');
    await updateMentorship(d, m.id, {
      otherName: 'Ana Müller',
      myRole: stored.myRole,
      agreement: stored.agreement,
    });
    await model.load();
    expect(agreement.draft.value).toMatchObject({ otherName: 'Ana Müller', channels: 'Slack' });
  });

  it('adds goals, ticks them reached and deletes them; an empty one gets its sentence', async () => {
    const { m, agreement } = await opened();
    expect(await agreement.addGoal('   ')).toBe(false);
    expect(agreement.goalError.value).toBe(t('error_goal_empty'));
    expect(await agreement.addGoal('Lead a discovery sprint')).toBe(true);
    expect(agreement.goalError.value).toBeUndefined();
    const [goal] = (await d.get('mentorships', m.id))?.goals ?? [];
    expect(goal).toMatchObject({ text: 'Lead a discovery sprint', createdAt: NOW });
    await agreement.goalDone(goal?.id ?? '', true);
    expect((await d.get('mentorships', m.id))?.goals[0]?.doneAt).toBe(NOW);
    await agreement.deleteGoal(goal?.id ?? '');
    expect((await d.get('mentorships', m.id))?.goals).toEqual([]);
  });

  it("ticks off the action items of the mentorship's sessions", async () => {
    const { m, model, agreement } = await opened();
    const held: SessionRecord = {
      id: 'held',
      mentorshipId: m.id,
      kind: 'regular',
      status: 'reflected',
      startedAt: NOW - 3_600_000,
      endedAt: NOW - 600_000,
      actionItems: [{ id: 'a1', text: 'Draft the roadmap', createdAt: NOW - 1_000_000 }],
    };
    await d.put('sessions', held);
    await model.load();
    expect(agreement.groups.value.map((g) => [g.session.id, g.open])).toEqual([['held', 1]]);
    await agreement.toggleItem('held', 'a1');
    expect(agreement.actionError.value).toBeUndefined();
    expect(agreement.groups.value[0]?.open).toBe(0);
    await agreement.toggleItem('gone', 'a1');
    expect(agreement.actionError.value).toBe(t('error_session_gone'));
  });
});
