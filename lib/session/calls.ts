// The call state of each tab, as the background keeps it in storage.session under `calls`:
// { [tabId]: { platform, state, since, presenting?, held? } }. Tests and integrations read that key.
//
//   (no entry) --lobby--> lobby --in-call--> in-call --ended--> ended
//        \________________in-call____________^   \--tab closed--> (no entry, session ended)
//
//   in-call --page gone (none/lobby) where the platform has a reload grace--> in-call, held
//   in-call, held --in-call--> in-call (the same session: `resume`)
//   in-call, held --grace over, or none/lobby where no grace applies, or ended--> ended
//
// `transition` is pure: it takes the tab's entry and a report and returns the new entry and what
// the background must do. A session starts only on the step into `in-call` and ends only on the
// step out of it, so a report repeated after a worker restart changes nothing. While in a call,
// a report that says whether the user presents (shares their screen) changes only that mark; a
// report that does not say (a session started by hand) leaves it as it was. The reload grace
// (lib/session/reload-grace.ts) comes in with the report as `graceMs`.

import type { Detected } from '../platforms/types';
import type { CallState, Platform } from '../records';

export interface CallEntry {
  platform: Platform;
  state: CallState;
  /** When this state began, in ms since the epoch. */
  since: number;
  /** In a call: the user shares their screen from it (the card folds to its timer). */
  presenting?: true;
  /**
   * A live call whose page went away (a full page load within the web client): the session
   * stays live until `until`, and the new page reporting in-call continues it.
   */
  held?: { since: number; until: number };
}

export type Calls = Record<string, CallEntry>;

/**
 * `restart`: the live call ended and another (on another platform) began at once. `hold`: the
 * live call's page went away and the session is held until `held.until`; `resume`: the page
 * reports the held call again.
 */
export type Effect = 'none' | 'start' | 'end' | 'restart' | 'hold' | 'resume';

export interface Report {
  platform: Platform;
  /** `grace-over`: the reload grace's alarm, for a held call. */
  state: Detected | 'closed' | 'grace-over';
  at: number;
  /** In a call: whether the user presents now; absent when the reporter does not know. */
  presenting?: boolean;
  /** How long a live call may wait for its page to report again here (reload-grace.ts). */
  graceMs?: number;
}

export interface Transition {
  next: CallEntry | undefined;
  effect: Effect;
  /** When the call ended, if not at the report: a held call ends when its page went away. */
  endedAt?: number;
}

const withPresenting = (entry: CallEntry, presenting: boolean | undefined): CallEntry => {
  if (presenting === undefined || presenting === Boolean(entry.presenting)) return entry;
  const { presenting: _was, ...rest } = entry;
  return presenting ? { ...rest, presenting: true } : rest;
};

/** The held call is over: it ended when its page went away. */
function heldEnd(prev: CallEntry & { held: NonNullable<CallEntry['held']> }): Transition {
  const endedAt = prev.held.since;
  return {
    next: { platform: prev.platform, state: 'ended', since: endedAt },
    effect: 'end',
    endedAt,
  };
}

export function transition(prev: CallEntry | undefined, report: Report): Transition {
  const wasLive = prev?.state === 'in-call';
  const { platform, at } = report;
  const held = wasLive && prev.held ? { ...prev, held: prev.held } : undefined;
  // The live call's page is gone and a new one on the same platform has not seen it (yet).
  const graced =
    wasLive &&
    prev.platform === platform &&
    (report.graceMs ?? 0) > 0 &&
    (report.state === 'none' || report.state === 'lobby');
  if (graced) {
    if (held) return { next: prev, effect: 'none' };
    return {
      next: { ...prev, held: { since: at, until: at + (report.graceMs ?? 0) } },
      effect: 'hold',
    };
  }
  switch (report.state) {
    case 'grace-over':
      return held && at >= held.held.until ? heldEnd(held) : { next: prev, effect: 'none' };
    case 'closed':
      return { next: undefined, effect: wasLive ? 'end' : 'none' };
    case 'none':
      if (held) return heldEnd(held);
      // The page no longer looks like a call (navigated within the app): a live call is over.
      if (wasLive) return { next: { platform, state: 'ended', since: at }, effect: 'end' };
      return { next: prev?.state === 'ended' ? prev : undefined, effect: 'none' };
    case 'in-call':
      if (held && prev?.platform === platform) {
        const { held: _held, ...resumed } = held;
        return { next: withPresenting(resumed, report.presenting), effect: 'resume' };
      }
      if (wasLive && prev.platform === platform)
        return { next: withPresenting(prev, report.presenting), effect: 'none' };
      return {
        next: withPresenting({ platform, state: 'in-call', since: at }, report.presenting),
        effect: wasLive ? 'restart' : 'start',
      };
    case 'lobby':
    case 'ended': {
      const state = report.state;
      if (held && state === 'lobby') return heldEnd(held);
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
): { calls: Calls; effect: Effect; prev?: CallEntry; endedAt?: number } {
  const key = String(tabId);
  const prev = calls[key];
  const { next, effect, endedAt } = transition(prev, report);
  const ended = endedAt !== undefined ? { endedAt } : {};
  if (next === prev) return { calls, effect, prev, ...ended };
  const copy = { ...calls };
  if (next) copy[key] = next;
  else delete copy[key];
  return { calls: copy, effect, prev, ...ended };
}
