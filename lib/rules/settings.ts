// The settings: their shape, defaults and how a stored value is cleaned (their storage item in
// lib/storage/items.ts uses these), and the settings form: what it holds (numbers still as
// text) and how it is read.
//
// The reminder switches (`reminders`, one per kind of lib/rules/reminders.ts) are optional in
// what is stored: settings saved before they existed have none, and none means every reminder
// on (`reminderSwitches`). They are written once the user first flips one.
//
// Pure: no browser, no clock.

import { UserError } from '../errors';
import { inRange, RANGES, wholeNumber } from '../limits';
import { ALL_REMINDERS, type ReminderSettings } from './reminders';

export type { ReminderSettings };
/** Every reminder is on until the user turns it off. */
export const DEFAULT_REMINDERS: ReminderSettings = ALL_REMINDERS;
const REMINDER_KEYS = Object.keys(ALL_REMINDERS) as (keyof ReminderSettings)[];

export interface Settings {
  /** Seconds away from the call tab before a nudge. */
  graceSeconds: number;
  nudges: boolean;
  /** The timer's length for a call that belongs to no mentorship. */
  defaultSessionMinutes: number;
  /** Which reminders to show; absent: all of them (`reminderSwitches`). */
  reminders?: ReminderSettings;
  /**
   * While the user presents (shares their screen), the card folds to its timer and the nudge
   * keeps to the badge: the other side may be seeing the whole screen. On unless turned off.
   */
  foldWhilePresenting: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  graceSeconds: 20,
  nudges: true,
  defaultSessionMinutes: 45,
  foldWhilePresenting: true,
};

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The reminder switches in a stored value: each on unless stored as `false`. */
export function cleanReminders(stored: unknown): ReminderSettings {
  const o = isRecord(stored) ? stored : {};
  const out = { ...DEFAULT_REMINDERS };
  for (const key of REMINDER_KEYS) out[key] = o[key] !== false;
  return out;
}

/** The switches the settings say, with every reminder on when none were ever saved. */
export function reminderSwitches(s: Pick<Settings, 'reminders'>): ReminderSettings {
  return s.reminders ? cleanReminders(s.reminders) : { ...DEFAULT_REMINDERS };
}

/** The settings in a stored value, with defaults for anything missing or out of range. */
export function cleanSettings(stored: unknown): Settings {
  const o: Record<string, unknown> = isRecord(stored) ? stored : {};
  const settings: Settings = {
    graceSeconds: inRange(o.graceSeconds, RANGES.graceSeconds)
      ? o.graceSeconds
      : DEFAULT_SETTINGS.graceSeconds,
    nudges: o.nudges !== false,
    defaultSessionMinutes: inRange(o.defaultSessionMinutes, RANGES.sessionMinutes)
      ? o.defaultSessionMinutes
      : DEFAULT_SETTINGS.defaultSessionMinutes,
    // Settings saved before the switch existed have none: on.
    foldWhilePresenting: o.foldWhilePresenting !== false,
  };
  if (o.reminders !== undefined) settings.reminders = cleanReminders(o.reminders);
  return settings;
}

export interface SettingsDraft {
  graceSeconds: string;
  nudges: boolean;
  defaultSessionMinutes: string;
  foldWhilePresenting: boolean;
  /** Absent until the user flips a switch (the form shows `reminderSwitches`). */
  reminders?: ReminderSettings;
}

export type SettingsResult =
  | { ok: true; settings: Settings }
  | { ok: false; field: keyof SettingsDraft; error: UserError };

export function settingsDraftOf(s: Settings): SettingsDraft {
  return {
    graceSeconds: String(s.graceSeconds),
    nudges: s.nudges,
    defaultSessionMinutes: String(s.defaultSessionMinutes),
    foldWhilePresenting: s.foldWhilePresenting,
    ...(s.reminders ? { reminders: cleanReminders(s.reminders) } : {}),
  };
}

export function readSettingsDraft(draft: SettingsDraft): SettingsResult {
  const grace = wholeNumber(draft.graceSeconds);
  if (!inRange(grace, RANGES.graceSeconds)) {
    return {
      ok: false,
      field: 'graceSeconds',
      error: new UserError('grace-range', RANGES.graceSeconds),
    };
  }
  const minutes = wholeNumber(draft.defaultSessionMinutes);
  if (!inRange(minutes, RANGES.sessionMinutes)) {
    return {
      ok: false,
      field: 'defaultSessionMinutes',
      error: new UserError('minutes-range', RANGES.sessionMinutes),
    };
  }
  const settings: Settings = {
    graceSeconds: grace,
    nudges: draft.nudges,
    defaultSessionMinutes: minutes,
    foldWhilePresenting: draft.foldWhilePresenting,
  };
  if (draft.reminders) settings.reminders = cleanReminders(draft.reminders);
  return { ok: true, settings };
}
