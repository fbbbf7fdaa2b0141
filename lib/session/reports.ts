// What a call page's content script reports, checked before the background acts on it. The
// content script runs in a page we do not control, so a report is taken only when it could be
// true: its platform is the one of the host it came from, its state one of the tracker's, its
// time close to now (the page and the background share one clock), its meeting key bounded.
// Whether the user presents (shares their screen) is kept only as a yes or no, and only for a
// call that is on: anything else in that field is dropped, not the report.
//
// Pure: the sender's URL and the time are parameters.

import { LIMITS } from '../limits';
import { platformOfHost } from '../platforms/hosts';
import type { Detected } from '../platforms/types';
import type { Platform } from '../records';

/** How far a report's time may be from the background's clock. */
export const REPORT_SKEW_MS = 60_000;

const STATES: readonly Detected[] = ['none', 'lobby', 'in-call', 'ended'];

export interface CheckedReport {
  platform: Platform;
  state: Detected;
  meetingKey?: string;
  at: number;
  /** In a call: the user shares their screen from it now. */
  presenting?: boolean;
}

const hostOf = (url: string | undefined): string | undefined => {
  try {
    return url ? new URL(url).hostname : undefined;
  } catch {
    return undefined;
  }
};

const timely = (at: unknown, now: number): at is number =>
  typeof at === 'number' && Number.isFinite(at) && Math.abs(at - now) <= REPORT_SKEW_MS;

/** The report, or null when it cannot be one from this sender now. */
export function checkCallReport(
  msg: {
    platform?: unknown;
    state?: unknown;
    meetingKey?: unknown;
    at?: unknown;
    presenting?: unknown;
  },
  senderUrl: string | undefined,
  now: number,
): CheckedReport | null {
  const platform = platformOfHost(hostOf(senderUrl) ?? '');
  if (!platform || msg.platform !== platform) return null;
  if (!STATES.includes(msg.state as Detected)) return null;
  if (!timely(msg.at, now)) return null;
  const key = msg.meetingKey;
  if (key !== undefined && (typeof key !== 'string' || key.length > LIMITS.meetingKey - 16)) {
    return null;
  }
  return {
    platform,
    state: msg.state as Detected,
    at: msg.at,
    ...(key ? { meetingKey: key } : {}),
    ...(msg.state === 'in-call' && typeof msg.presenting === 'boolean'
      ? { presenting: msg.presenting }
      : {}),
  };
}

/** A visibility report, or null when it cannot be one from this sender now. */
export function checkVisibility(
  msg: { visible?: unknown; at?: unknown },
  senderUrl: string | undefined,
  now: number,
): { visible: boolean; at: number } | null {
  if (!platformOfHost(hostOf(senderUrl) ?? '')) return null;
  if (typeof msg.visible !== 'boolean' || !timely(msg.at, now)) return null;
  return { visible: msg.visible, at: msg.at };
}
