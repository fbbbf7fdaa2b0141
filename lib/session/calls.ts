// The call state of each tab, as the background keeps it in storage.session under `calls`:
// { [tabId]: { platform, state, since } }. Tests and integrations read that key.
//
//   (no entry) --lobby--> lobby --in-call--> in-call --ended--> ended
//        \________________in-call____________^   \--tab closed--> (no entry, session ended)
//
// `transition` is pure: it takes the tab's entry and a report and returns the new entry and what
// the background must do. A session starts only on the step into `in-call` and ends only on the
// step out of it, so a report repeated after a worker restart changes nothing.

import type { Detected } from '../platforms/types';
import type { CallState, Platform } from '../records';

export interface CallEntry {
  platform: Platform;
  state: CallState;
  /** When this state began, in ms since the epoch. */
  since: number;
  /**
   * A live call whose page went away (a full page load within the web client): the session
   * stays live until `until`, and the new page reporting in-call continues it.
   */
  held?: { since: number; until: number };
}

export type Calls = Record<string, CallEntry>;

/** `restart`: the live call ended and another (on another platform) began at once. */
export type Effect = 'none' | 'start' | 'end' | 'restart';

export interface Report {
  platform: Platform;
  state: Detected | 'closed';
  at: number;
}

export function transition(
  prev: CallEntry | undefined,
  report: Report,
): { next: CallEntry | undefined; effect: Effect } {
  const wasLive = prev?.state === 'in-call';
  const { platform, at } = report;
  switch (report.state) {
    case 'closed':
      return { next: undefined, effect: wasLive ? 'end' : 'none' };
    case 'none':
      // The page no longer looks like a call (navigated within the app): a live call is over.
      if (wasLive) return { next: { platform, state: 'ended', since: at }, effect: 'end' };
      return { next: prev?.state === 'ended' ? prev : undefined, effect: 'none' };
    case 'in-call':
      if (wasLive && prev.platform === platform) return { next: prev, effect: 'none' };
      return {
        next: { platform, state: 'in-call', since: at },
        effect: wasLive ? 'restart' : 'start',
      };
    case 'lobby':
    case 'ended': {
      const state = report.state;
      if (prev?.state === state && prev.platform === platform)
        return { next: prev, effect: 'none' };
      return { next: { platform, state, since: at }, effect: wasLive ? 'end' : 'none' };
    }
  }
}

/** Applies a report to the whole map, returning a new map (or the same one if nothing moved). */
export function applyReport(
  calls: Calls,
  tabId: number,
  report: Report,
): { calls: Calls; effect: Effect; prev?: CallEntry } {
  const key = String(tabId);
  const prev = calls[key];
  const { next, effect } = transition(prev, report);
  if (next === prev) return { calls, effect, prev };
  const copy = { ...calls };
  if (next) copy[key] = next;
  else delete copy[key];
  return { calls: copy, effect, prev };
}
