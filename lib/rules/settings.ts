// The settings: their shape, defaults and how a stored value is cleaned (their storage item in
// lib/storage/items.ts uses these), and the settings form: what it holds (numbers still as
// text) and how it is read.
//
// Pure: no browser, no clock.

import { UserError } from '../errors';
import { inRange, RANGES, wholeNumber } from '../limits';

export interface Settings {
  /** Seconds away from the call tab before a nudge. */
  graceSeconds: number;
  nudges: boolean;
  /** The timer's length for a call that belongs to no mentorship. */
  defaultSessionMinutes: number;
}

export const DEFAULT_SETTINGS: Settings = {
  graceSeconds: 20,
  nudges: true,
  defaultSessionMinutes: 45,
};

/** The settings in a stored value, with defaults for anything missing or out of range. */
export function cleanSettings(stored: unknown): Settings {
  const o: Record<string, unknown> =
    typeof stored === 'object' && stored !== null && !Array.isArray(stored)
      ? (stored as Record<string, unknown>)
      : {};
  return {
    graceSeconds: inRange(o.graceSeconds, RANGES.graceSeconds)
      ? o.graceSeconds
      : DEFAULT_SETTINGS.graceSeconds,
    nudges: o.nudges !== false,
    defaultSessionMinutes: inRange(o.defaultSessionMinutes, RANGES.sessionMinutes)
      ? o.defaultSessionMinutes
      : DEFAULT_SETTINGS.defaultSessionMinutes,
  };
}

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
