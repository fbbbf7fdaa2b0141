// The Mentorships page's edits and deletes (issue 13): action items and goals edited and
// deleted where they are shown, bookings cancelled, a held call taken out of history, the
// suggested time on the quarter hour, and mentorships archived, brought back and deleted with
// everything of them while another is untouched; "who is next" and its key.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../../lib/db';
import { addGoal } from '../../../../lib/repos/mentorships';
import { savePreNote } from '../../../../lib/repos/notes';
import { bookSession } from '../../../../lib/repos/sessions';
import { toInputValue } from '../../../../models/local-time';
import { hashOf, parseHash } from '../../../../models/options/app';
import { toQuarterHour } from '../../../../models/options/schedule';
import { DAY, freshDb, MIN, NOW, useLocale } from '../setup';
import { heldIn, mentorshipIn, page } from './page';

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
  const m = await mentorshipIn(d, 'Ana', { at: NOW - 20 * DAY });
  const s = await heldIn(d, m.id, NOW - 7 * DAY, {
    actionItems: [{ id: 'a1', text: 'Write the summery', createdAt: NOW - 7 * DAY }],
  });
  const { model, time } = page(d);
  model.select({ page: 'mentorship', id: m.id });
  await model.load();
  return { m, s, model, time };
}

describe('the address of the new views', () => {
  it.each([
    ['#s=abc', { page: 'session', id: 'abc' }],
    ['#archived', { page: 'archived' }],
  ] as const)('%s', (hash, view) => {
    expect(parseHash(hash)).toEqual(view);
    expect(hashOf(view)).toBe(hash);
  });
});

describe('action items and goals', () => {
  it('edits an action item, refuses an empty one, ticks it, deletes it and brings it back', async () => {
    const { s, model } = await opened();
    const { agreement } = model;
    expect(await agreement.editItem(s.id, 'a1', 'Write the summary')).toBe(true);
    expect(agreement.groups.value[0]?.items[0]?.text).toBe('Write the summary');
    expect(await agreement.editItem(s.id, 'a1', '   ')).toBe(false);
    expect(agreement.actionError.value).toBe(t('error_action_item_empty'));
    expect(agreement.groups.value[0]?.items[0]?.text).toBe('Write the summary');
    await agreement.setItemDone(s.id, 'a1', true);
    expect(agreement.groups.value[0]?.open).toBe(0);
    await agreement.removeItem(s.id, 'a1');
    expect(agreement.groups.value).toEqual([]);
    await model.undo.undo();
    expect(agreement.groups.value[0]?.items[0]).toMatchObject({
      id: 'a1',
      text: 'Write the summary',
    });
  });

  it('an item another view deleted: the edit gets a sentence and changes nothing', async () => {
    const { s, model } = await opened();
    await d.put('sessions', { ...s, actionItems: [] });
    expect(await model.agreement.editItem(s.id, 'a1', 'Changed')).toBe(false);
    expect(model.agreement.actionError.value).toBe(t('error_action_item_gone'));
    expect((await d.get('sessions', s.id))?.actionItems).toEqual([]);
  });

  it('edits a goal and deletes it without a dialog, undoably', async () => {
    const { m, model } = await opened();
    await addGoal(d, m.id, 'Run an interveiw', NOW);
    await model.load();
    const goal = model.selected.value?.goals[0];
    expect(goal).toBeDefined();
    expect(await model.agreement.editGoal(goal?.id ?? '', 'Run an interview')).toBe(true);
    expect(model.selected.value?.goals[0]?.text).toBe('Run an interview');
    await model.agreement.deleteGoal(goal?.id ?? '');
    expect(model.selected.value?.goals).toEqual([]);
    expect(model.undo.bar.value).toMatchObject({ label: 'Goal deleted.' });
    await model.undo.undo();
    expect(model.selected.value?.goals.map((g) => g.text)).toEqual(['Run an interview']);
  });
});

describe('the schedule', () => {
  it('offers the next time on the quarter hour', async () => {
    expect(toQuarterHour(Date.UTC(2026, 10, 3, 10, 1))).toBe(Date.UTC(2026, 10, 3, 10, 15));
    expect(toQuarterHour(Date.UTC(2026, 10, 3, 10, 45))).toBe(Date.UTC(2026, 10, 3, 10, 45));
    const { model } = await opened();
    const at = model.schedule.state.value?.suggestion ?? 0;
    expect(at % (15 * MIN)).toBe(0);
    expect(toInputValue(at)).toMatch(/:(00|15|30|45)$/);
  });

  it('cancels a booking (undoable) and takes a held call out of history', async () => {
    const { m, s, model } = await opened();
    const booked = await bookSession(d, m.id, NOW + 3 * DAY, NOW);
    await model.load();
    expect(model.schedule.state.value?.booked.map((b) => b.id)).toEqual([booked.id]);
    await model.schedule.cancel(booked.id);
    expect(model.schedule.state.value?.booked).toEqual([]);
    expect(model.undo.bar.value).toMatchObject({ label: 'Booking deleted.' });
    await model.undo.undo();
    expect(model.schedule.state.value?.booked.map((b) => b.id)).toEqual([booked.id]);

    await model.schedule.notASession(s.id);
    expect(model.schedule.history.value).toEqual([]);
    expect(model.undo.bar.value).toMatchObject({ label: 'Session deleted.' });
    // A booking is not held: refused with the sentence.
    await model.schedule.notASession(booked.id);
    expect(model.schedule.historyError.value).toBe(t('error_not_held'));
  });
});

describe('mentorships', () => {
  it('archives one, lists it as archived, brings it back', async () => {
    const { m, model } = await opened();
    await model.archive(m.id);
    expect(model.listItems.value).toEqual([]);
    expect(model.archived.value.map((x) => x.id)).toEqual([m.id]);
    await model.unarchive(m.id);
    expect(model.archived.value).toEqual([]);
    expect(model.view.value).toEqual({ page: 'mentorship', id: m.id });
  });

  it('deletes one with its records after one confirmation; another stays untouched', async () => {
    const { m, s, model } = await opened();
    const ben = await mentorshipIn(d, 'Ben', { at: NOW - 19 * DAY });
    const bens = await heldIn(d, ben.id, NOW - 2 * DAY);
    await savePreNote(d, s, 'mentee', 'Ana note', NOW - 8 * DAY);
    await savePreNote(d, bens, 'mentee', 'Ben note', NOW - 3 * DAY);
    await model.load();
    // Nothing happens before the confirmation.
    await model.confirmDelete();
    expect(await d.get('mentorships', m.id)).toBeDefined();
    model.askDelete(m.id);
    expect(model.confirmingDelete.value).toBe(m.id);
    await model.confirmDelete();
    expect(model.confirmingDelete.value).toBeUndefined();
    expect(await d.get('mentorships', m.id)).toBeUndefined();
    const left = await d.getAll('sessions');
    expect(left.filter((x) => x.mentorshipId === m.id)).toEqual([]);
    expect(left.map((x) => x.id)).toContain(bens.id);
    expect((await d.getAll('notes')).map((n) => n.text)).toEqual(['Ben note']);
    expect(model.view.value).toEqual({ page: 'mentorship', id: ben.id });
    expect(model.undo.bar.value).toMatchObject({ label: 'Mentorship deleted.' });
  });

  it('says who is next across mentorships; the key goes through them in that order', async () => {
    const ana = await mentorshipIn(d, 'Ana', { at: NOW - 20 * DAY });
    const ben = await mentorshipIn(d, 'Ben', { at: NOW - 19 * DAY });
    const cy = await mentorshipIn(d, 'Cy', { at: NOW - 18 * DAY });
    await bookSession(d, ben.id, NOW + 1 * DAY, NOW);
    await bookSession(d, ana.id, NOW + 2 * DAY, NOW);
    const { model } = page(d);
    await model.load();
    expect(model.nextUp.value.map((n) => n.mentorship.otherName)).toEqual(['Ben', 'Ana', 'Cy']);
    expect(model.selected.value?.id).toBe(ana.id);
    model.nextMentorship();
    expect(model.selected.value?.id).toBe(cy.id);
    model.nextMentorship();
    expect(model.selected.value?.id).toBe(ben.id);
  });
});
