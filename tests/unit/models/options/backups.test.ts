import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_BACKUP_CHARS } from '../../../../lib/backup/format';
import type { Db } from '../../../../lib/db';
import type { BackupFile } from '../../../../models/options/backups';
import { freshDb, useLocale } from '../setup';
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

const file = (name: string, text: string, size = text.length): BackupFile => ({
  name,
  size,
  text: async () => text,
});

describe('BackupsModel', () => {
  it('exports every record, restores the file after a preview, and says what it did', async () => {
    await mentorshipIn(d, 'Ana');
    const { model } = page(d);
    await model.load();
    const backups = model.backups;
    const exported = await backups.exportText();
    expect(exported?.name).toBe('mentor-companion-backup-2026-11-03.json');
    expect(backups.done.value).toBe(t('optExported', [exported?.name ?? '', '1', '1']));

    await d.clear('mentorships');
    await d.clear('sessions');
    await model.load();
    await backups.choose(file(exported?.name ?? '', exported?.text ?? ''));
    expect(backups.error.value).toBeUndefined();
    expect(backups.pending.value).toMatchObject({ mode: 'merge', changes: true });
    expect(backups.pending.value?.plan.mentorships.add).toBe(1);
    backups.mode('replace');
    expect(backups.pending.value?.mode).toBe('replace');
    await backups.confirm();
    expect(backups.pending.value).toBeUndefined();
    expect(backups.done.value).toBe(t('optRestored', exported?.name ?? ''));
    expect(await d.count('mentorships')).toBe(1);
    expect(model.listItems.value.map((m) => m.otherName)).toEqual(['Ana']);
  });

  it.each([
    ['a file that is no backup', file('notes.json', '{"hello": 1}'), 'error_backup_foreign'],
    [
      'a damaged file',
      file('b.json', '{"format": "mentor-companion-backup", '),
      'error_backup_damaged',
    ],
  ])('refuses %s with its sentence', async (_, f, key) => {
    const sentence = t(key);
    const { model } = page(d);
    await model.load();
    await model.backups.choose(f);
    expect(model.backups.error.value).toBe(sentence);
    expect(model.backups.pending.value).toBeUndefined();
  });

  it('refuses a file too large before reading it, and one that cannot be read', async () => {
    const { model } = page(d);
    await model.load();
    const read = vi.fn(async () => '');
    await model.backups.choose({ name: 'huge.json', size: MAX_BACKUP_CHARS * 4 + 1, text: read });
    expect(read).not.toHaveBeenCalled();
    expect(model.backups.error.value).toBe(t('error_backup_too_large'));
    await model.backups.choose({
      name: 'gone.json',
      size: 10,
      text: () => Promise.reject(new Error('NotReadableError')),
    });
    expect(model.backups.error.value).toBe(t('optFileUnreadable'));
  });

  it.each([
    ['already kept', true, true, 'persisted', 0],
    ['kept once asked', false, true, 'persisted', 1],
    ['refused', false, false, 'refused', 1],
  ] as const)(
    'asks the browser to keep the records: %s',
    async (_, already, grant, shown, asks) => {
      const persist = vi.fn(async () => grant);
      const { model } = page(d, undefined, { persisted: async () => already, persist });
      expect(model.backups.persistence.value).toBe('unknown');
      await model.backups.askToPersist();
      expect(model.backups.persistence.value).toBe(shown);
      expect(persist).toHaveBeenCalledTimes(asks);
    },
  );

  it('says nothing of it where the browser has no storage manager', async () => {
    const { model } = page(d);
    await model.backups.askToPersist();
    expect(model.backups.persistence.value).toBe('unknown');
  });
});
