import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../../lib/db';
import { UNDO_WINDOW_MS } from '../../../../lib/rules/trash';
import { BAR_MS } from '../../../../models/options/undo';
import { freshDb, NOW, useLocale } from '../setup';
import { heldIn, mentorshipIn, page } from './page';

let d: Db;
let t: ReturnType<typeof useLocale>;
beforeEach(async () => {
  d = await freshDb();
  t = useLocale('en');
});
afterEach(() => {
  d.close();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function withItem() {
  const m = await mentorshipIn(d);
  const s = await heldIn(d, m.id, NOW - 3 * 86_400_000, {
    actionItems: [{ id: 'a1', text: 'Write the summary', createdAt: NOW - 3 * 86_400_000 }],
  });
  const { model, time } = page(d);
  await model.load();
  return { m, s, model, time };
}

describe('UndoModel, the "Deleted · Undo" bar', () => {
  it('shows a delete with its Undo, and Undo puts the record back', async () => {
    const { s, model } = await withItem();
    expect(model.undo.bar.value).toBeUndefined();
    await model.agreement.removeItem(s.id, 'a1');
    expect(model.agreement.groups.value).toEqual([]);
    const bar = model.undo.bar.value;
    expect(bar).toMatchObject({ state: 'deleted', label: 'Action item deleted.' });
    await model.undo.undo();
    expect(model.undo.bar.value).toEqual({ state: 'restored', label: t('undoRestored') });
    expect(model.agreement.groups.value[0]?.items.map((a) => a.text)).toEqual([
      'Write the summary',
    ]);
  });

  it('hides the bar after BAR_MS; the delete stays undoable in its window', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { s, model } = await withItem();
    await model.agreement.removeItem(s.id, 'a1');
    expect(model.undo.bar.value?.state).toBe('deleted');
    vi.advanceTimersByTime(BAR_MS + 1);
    expect(model.undo.bar.value).toBeUndefined();
  });

  it('shows the bar again after a reload while the trash says the delete can be undone', async () => {
    const { s, model, time } = await withItem();
    await model.agreement.removeItem(s.id, 'a1');
    time.advance(5_000);
    const again = page(d, time).model;
    await again.load();
    await again.undo.resume();
    expect(again.undo.bar.value).toMatchObject({ state: 'deleted' });
    await again.undo.undo();
    expect((await d.get('sessions', s.id))?.actionItems.map((a) => a.id)).toEqual(['a1']);
  });

  it('a reload after the window shows no bar, and Undo there says it is too late', async () => {
    const { s, model, time } = await withItem();
    await model.agreement.removeItem(s.id, 'a1');
    time.advance(UNDO_WINDOW_MS + 1);
    const later = page(d, time).model;
    await later.load();
    await later.undo.resume();
    expect(later.undo.bar.value).toBeUndefined();
    // The first page's bar (still up) is refused with the sentence, nothing restored.
    await model.undo.undo();
    expect(model.undo.bar.value).toEqual({ state: 'failed', label: t('error_undo_expired') });
    expect((await d.get('sessions', s.id))?.actionItems).toEqual([]);
  });

  it('names each kind of delete in English and German', async () => {
    const { deletedLabel } = await import('../../../../models/options/undo');
    expect(deletedLabel('mentorship')).toBe('Mentorship deleted.');
    useLocale('de');
    expect(deletedLabel('goal')).toBe('Ziel gelöscht.');
  });
});
