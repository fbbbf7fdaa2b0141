import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, settingsItem } from '../../../../lib/storage/items';
import { SettingsModel } from '../../../../models/options/settings';
import { freshDb, useLocale } from '../setup';

let t: ReturnType<typeof useLocale>;
beforeEach(async () => {
  (await freshDb()).close();
  t = useLocale('en');
});
afterEach(() => vi.restoreAllMocks());

describe('SettingsModel', () => {
  it('reads the settings item, defaults included', async () => {
    const model = new SettingsModel({ settings: settingsItem });
    await model.load();
    expect(model.draft.value).toEqual({
      graceSeconds: String(DEFAULT_SETTINGS.graceSeconds),
      nudges: true,
      defaultSessionMinutes: String(DEFAULT_SETTINGS.defaultSessionMinutes),
      foldWhilePresenting: true,
    });
  });

  it('saves each change through the settings item', async () => {
    const model = new SettingsModel({ settings: settingsItem });
    await model.load();
    model.edit({ graceSeconds: '5' });
    model.edit({ nudges: false });
    model.edit({ foldWhilePresenting: false });
    await model.flush();
    expect(model.saved.value).toBe('saved');
    expect(await settingsItem.get()).toEqual({
      graceSeconds: 5,
      nudges: false,
      defaultSessionMinutes: 45,
      foldWhilePresenting: false,
    });
  });

  it('refuses a value out of range with its sentence and saves nothing until it is right', async () => {
    t = useLocale('de');
    await settingsItem.set({ ...DEFAULT_SETTINGS, graceSeconds: 30 });
    const model = new SettingsModel({ settings: settingsItem });
    await model.load();
    model.edit({ defaultSessionMinutes: '500' });
    expect(model.error.value).toEqual({
      field: 'defaultSessionMinutes',
      message: t('error_minutes_range', ['5', '240']),
    });
    model.edit({ nudges: false });
    await model.flush();
    expect((await settingsItem.get()).nudges).toBe(true);
    model.edit({ defaultSessionMinutes: '60' });
    await model.flush();
    expect(await settingsItem.get()).toEqual({
      graceSeconds: 30,
      nudges: false,
      defaultSessionMinutes: 60,
      foldWhilePresenting: true,
    });
  });
});
