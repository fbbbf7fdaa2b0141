// The settings form: what it holds (numbers still as text) and how it is read. The settings
// themselves, their defaults and how a stored value is cleaned live with their storage item
// (lib/storage/items.ts: `Settings`, `DEFAULT_SETTINGS`, `cleanSettings`).
//
// Pure: no browser, no clock.

import { UserError } from '../errors';
import { inRange, RANGES, wholeNumber } from '../limits';
import type { Settings } from '../storage/items';

export interface SettingsDraft {
  graceSeconds: string;
  nudges: boolean;
  defaultSessionMinutes: string;
}

export type SettingsResult =
  | { ok: true; settings: Settings }
  | { ok: false; field: keyof SettingsDraft; error: UserError };

export function settingsDraftOf(s: Settings): SettingsDraft {
  return {
    graceSeconds: String(s.graceSeconds),
    nudges: s.nudges,
    defaultSessionMinutes: String(s.defaultSessionMinutes),
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
  return {
    ok: true,
    settings: { graceSeconds: grace, nudges: draft.nudges, defaultSessionMinutes: minutes },
  };
}
