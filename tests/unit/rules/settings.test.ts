import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REMINDERS,
  readSettingsDraft,
  reminderSwitches,
  settingsDraftOf,
} from '../../../lib/rules/settings';
import { cleanSettings, DEFAULT_SETTINGS } from '../../../lib/storage/items';
import { expectUserError } from '../sentences';

describe('settings', () => {
  it.each([
    [undefined, DEFAULT_SETTINGS],
    [{}, DEFAULT_SETTINGS],
    ['junk', DEFAULT_SETTINGS],
    [
      { graceSeconds: 45, nudges: false, defaultSessionMinutes: 60 },
      { graceSeconds: 45, nudges: false, defaultSessionMinutes: 60, foldWhilePresenting: true },
    ],
    [{ foldWhilePresenting: false }, { ...DEFAULT_SETTINGS, foldWhilePresenting: false }],
    [{ foldWhilePresenting: 'no' }, DEFAULT_SETTINGS],
    [{ graceSeconds: 0, nudges: 'no', defaultSessionMinutes: 1000 }, DEFAULT_SETTINGS],
    [{ graceSeconds: 2.5 }, DEFAULT_SETTINGS],
  ])('reads %j', (stored, expected) => {
    expect(cleanSettings(stored)).toEqual(expected);
  });

  it('fills the form from the settings, and reads them back', () => {
    const settings = {
      graceSeconds: 45,
      nudges: false,
      defaultSessionMinutes: 60,
      foldWhilePresenting: false,
    };
    expect(settingsDraftOf(settings)).toEqual({
      graceSeconds: '45',
      nudges: false,
      defaultSessionMinutes: '60',
      foldWhilePresenting: false,
    });
    expect(readSettingsDraft(settingsDraftOf(settings))).toEqual({ ok: true, settings });
  });

  it('checks the form', () => {
    expect(
      readSettingsDraft({
        graceSeconds: '30',
        nudges: true,
        defaultSessionMinutes: '50',
        foldWhilePresenting: true,
      }),
    ).toEqual({
      ok: true,
      settings: {
        graceSeconds: 30,
        nudges: true,
        defaultSessionMinutes: 50,
        foldWhilePresenting: true,
      },
    });
  });

  const GRACE = 'Choose a grace time from 1 to 3,600 seconds.';
  it.each([
    [
      { graceSeconds: '0', nudges: true, defaultSessionMinutes: '50', foldWhilePresenting: true },
      'graceSeconds',
      GRACE,
    ],
    [
      { graceSeconds: '', nudges: true, defaultSessionMinutes: '50', foldWhilePresenting: true },
      'graceSeconds',
      GRACE,
    ],
    [
      {
        graceSeconds: '20',
        nudges: false,
        defaultSessionMinutes: '500',
        foldWhilePresenting: true,
      },
      'defaultSessionMinutes',
      'Choose a session length from 5 to 240 minutes.',
    ],
  ] as const)('refuses the form %j', (draft, field, sentence) => {
    const result = readSettingsDraft(draft);
    expect(result).toMatchObject({ ok: false, field });
    if (result.ok) throw new Error('expected a refusal');
    expectUserError(
      result.error,
      field === 'graceSeconds' ? 'grace-range' : 'minutes-range',
      sentence,
    );
  });
});

describe('reminder switches', () => {
  it.each([
    [undefined, { dayBefore: true, starting: true, bookNext: true, reflect: true }],
    [{ starting: false }, { dayBefore: true, starting: false, bookNext: true, reflect: true }],
    ['junk', { dayBefore: true, starting: true, bookNext: true, reflect: true }],
    [
      { reflect: 'no', bookNext: false },
      { dayBefore: true, starting: true, bookNext: false, reflect: true },
    ],
  ])('reads %j', (reminders, expected) => {
    const stored = reminders === undefined ? {} : { reminders };
    expect(reminderSwitches(cleanSettings(stored))).toEqual(expected);
  });

  it('keeps settings saved before the switches as they were (every reminder on)', () => {
    expect(
      cleanSettings({ graceSeconds: 45, nudges: false, defaultSessionMinutes: 60 }),
    ).not.toHaveProperty('reminders');
  });

  it('saves a flipped switch from the form', () => {
    const draft = {
      ...settingsDraftOf(DEFAULT_SETTINGS),
      reminders: { ...DEFAULT_REMINDERS, dayBefore: false },
    };
    const read = readSettingsDraft(draft);
    expect(read).toMatchObject({
      ok: true,
      settings: { reminders: { dayBefore: false, starting: true } },
    });
    if (read.ok) expect(settingsDraftOf(read.settings)).toEqual(draft);
  });
});
