import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../../lib/db';
import { savePreNote } from '../../../../lib/repos/notes';
import { DAY, freshDb, NOW, useLocale } from '../setup';
import { heldIn, mentorshipIn, page } from './page';

let d: Db;
beforeEach(async () => {
  d = await freshDb();
  useLocale('en');
});
afterEach(() => {
  d.close();
  vi.restoreAllMocks();
});

describe('SearchModel', () => {
  it('finds sessions by a word of their notes, with the ranges to mark, in one mentorship or all', async () => {
    const ana = await mentorshipIn(d, 'Ana', { at: NOW - 40 * DAY });
    const ben = await mentorshipIn(d, 'Ben', { at: NOW - 39 * DAY });
    const first = await heldIn(d, ana.id, NOW - 28 * DAY);
    await heldIn(d, ana.id, NOW - 14 * DAY, {
      topic: { text: 'Pricing', by: 'mentor', at: NOW - 15 * DAY, history: [] },
    });
    const bens = await heldIn(d, ben.id, NOW - 7 * DAY);
    await savePreNote(d, first, 'mentee', 'The Persona workshop went well', NOW - 29 * DAY);
    await savePreNote(d, bens, 'mentee', 'A persona for the admin', NOW - 8 * DAY);
    const { model } = page(d);
    model.select({ page: 'mentorship', id: ana.id });
    await model.load();
    const { search } = model;
    expect(search.results.value).toBeUndefined();

    search.setQuery('persona');
    const all = search.results.value;
    expect(all?.total).toBe(2);
    expect(all?.results.map((r) => r.kind === 'session' && r.sessionId)).toEqual([
      bens.id,
      first.id,
    ]);
    const hit = all?.results[1]?.shown[0];
    expect(hit?.field).toEqual({ kind: 'note', author: 'mentee' });
    expect(hit?.excerpt.text.slice(...(hit?.excerpt.ranges[0] ?? [0, 0]))).toBe('Persona');
    expect(all?.results[1]?.otherName).toBe('Ana');

    search.setScope('mentorship');
    expect(search.results.value?.results.map((r) => r.otherName)).toEqual(['Ana']);

    // The index follows the records: a note typed since is found.
    await savePreNote(d, first, 'mentor', 'pricing persona', NOW);
    await model.load();
    expect(search.results.value?.results[0]?.shown.map((h) => h.field.kind)).toEqual([
      'note',
      'note',
    ]);

    search.setQuery('nothing-like-this');
    expect(search.results.value).toMatchObject({ total: 0, results: [] });
    search.clear();
    expect(search.results.value).toBeUndefined();
  });
});
