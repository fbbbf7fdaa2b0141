import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../../lib/db';
import { createMentorship } from '../../../../lib/repos/mentorships';
import { settingsItem } from '../../../../lib/storage/items';
import { toInputValue } from '../../../../models/local-time';
import { hashOf, OptionsModel, parseHash, type View } from '../../../../models/options/app';
import { countingTransactions, DAY, freshDb, NOW, settle, useLocale } from '../setup';
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

describe('the address', () => {
  it.each<[string, View | undefined]>([
    ['#new', { page: 'new' }],
    ['#backups', { page: 'backups' }],
    ['#settings', { page: 'settings' }],
    ['#m=a%2Fb', { page: 'mentorship', id: 'a/b' }],
    ['#m=', undefined],
    ['#elsewhere', undefined],
    ['', undefined],
  ])('%s', (hash, view) => {
    expect(parseHash(hash)).toEqual(view);
    if (view) expect(hashOf(view)).toBe(hash);
  });
});

describe('OptionsModel', () => {
  it('shows the form for a new mentorship when there is none', async () => {
    const { model } = page(d);
    expect(model.view.value).toBeUndefined();
    await model.load();
    expect(model.view.value).toEqual({ page: 'new' });
    expect(model.listItems.value).toEqual([]);
  });

  it('opens the mentorship asked for while it exists, else the first one', async () => {
    const ana = await mentorshipIn(d, 'Ana', { at: NOW - 3 * DAY });
    const ben = await mentorshipIn(d, 'Ben', { at: NOW - 2 * DAY });
    const { model } = page(d);
    model.select({ page: 'mentorship', id: ben.id });
    await model.load();
    expect(model.selected.value?.id).toBe(ben.id);
    model.select({ page: 'mentorship', id: 'gone' });
    expect(model.view.value).toEqual({ page: 'mentorship', id: ana.id });
    model.select({ page: 'settings' });
    expect(model.selected.value).toBeUndefined();
  });

  it('lists each mentorship with its next session and whether it needs one booked', async () => {
    const ana = await mentorshipIn(d, 'Ana', { firstSessionAt: NOW + 2 * DAY, at: NOW - 3 * DAY });
    const ben = await mentorshipIn(d, 'Ben', { at: NOW - 2 * DAY });
    const { model } = page(d);
    await model.load();
    expect(model.listItems.value).toEqual([
      {
        id: ana.id,
        otherName: 'Ana',
        myRole: 'mentee',
        cadenceDays: 14,
        nextAt: NOW + 2 * DAY,
        needsScheduling: false,
      },
      {
        id: ben.id,
        otherName: 'Ben',
        myRole: 'mentee',
        cadenceDays: 14,
        nextAt: undefined,
        needsScheduling: true,
      },
    ]);
    expect(model.firstSession.value).toBe(true);
    expect(model.trends.value).toBeDefined();
  });

  it('creates a mentorship and shows it; a first session gone by is refused', async () => {
    const { model } = page(d);
    await model.load();
    const values = {
      otherName: 'Chidi',
      myRole: 'mentor' as const,
      meetingLink: '',
      cadenceDays: 7,
      sessionMinutes: 30,
      firstSessionAt: toInputValue(NOW - DAY),
    };
    await model.create(values);
    expect(model.newError.value).toBe(t('optFirstInPast'));
    expect(await d.count('mentorships')).toBe(0);
    await model.create({ ...values, otherName: '', firstSessionAt: '' });
    expect(model.newError.value).toBe(t('error_name_empty'));
    await model.create({ ...values, firstSessionAt: toInputValue(NOW + DAY) });
    expect(model.newError.value).toBeUndefined();
    expect(model.selected.value?.otherName).toBe('Chidi');
    expect(model.view.value?.page).toBe('mentorship');
  });

  it('reads again when another page writes, until it is disposed', async () => {
    const { model } = page(d);
    await model.load();
    model.watch();
    await createMentorship(
      d,
      { otherName: 'Elsewhere', myRole: 'mentee', cadenceDays: 14, sessionMinutes: 45 },
      NOW,
    );
    await vi.waitFor(() =>
      expect(model.listItems.value.map((m) => m.otherName)).toEqual(['Elsewhere']),
    );
    model[Symbol.dispose]();
    await createMentorship(
      d,
      { otherName: 'Later', myRole: 'mentee', cadenceDays: 14, sessionMinutes: 45 },
      NOW,
    );
    await settle();
    await settle();
    expect(model.listItems.value).toHaveLength(1);
  });

  it('says a mentorship is gone when a change is asked with none shown', async () => {
    const { model } = page(d);
    await model.load();
    expect(await model.agreement.addGoal('A goal')).toBe(false);
    expect(model.agreement.goalError.value).toBe(t('error_mentorship_gone'));
  });
});

describe('reading the records', () => {
  it('reads once more after a read under way, however often it is asked meanwhile', async () => {
    await mentorshipIn(d, 'Ana');
    const counted = countingTransactions(d);
    const model = new OptionsModel({
      db: async () => counted.db,
      now: () => NOW,
      settings: settingsItem,
    });
    const first = model.load();
    // Written while the first read is under way: the read after it must see this.
    await mentorshipIn(d, 'Ben');
    await Promise.all([first, model.load(), model.load(), model.load(), model.load()]);
    expect(counted.count()).toBe(2);
    expect(model.data.value?.mentorships.map((m) => m.otherName).sort()).toEqual(['Ana', 'Ben']);
  });
});
