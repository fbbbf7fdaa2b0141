// A mentorship's held sessions as the Mentorships page lists them, newest first, each with where
// it stands (still live, waiting for a reflection, dismissed, reflected) and how long it ran.
//
// Pure: no browser, no clock.

import type { SessionRecord } from '../records';
import { wasHeld } from './schedule';

/** Where a held session stands: still live, waiting for a reflection, or done with. */
export type HistoryState = 'live' | 'to-reflect' | 'dismissed' | 'reflected';

export interface HistoryRow {
  session: SessionRecord;
  state: HistoryState;
  /** endedAt - startedAt, when both are known. */
  lengthMs?: number;
}

function stateOf(session: SessionRecord): HistoryState {
  if (session.status === 'live') return 'live';
  if (session.status === 'reflected') return 'reflected';
  return session.reflectionDismissed ? 'dismissed' : 'to-reflect';
}

/** The mentorship's held sessions, newest first. */
export function historyOf(mentorshipId: string, sessions: readonly SessionRecord[]): HistoryRow[] {
  return sessions
    .filter((s) => s.mentorshipId === mentorshipId && wasHeld(s))
    .sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0))
    .map((session) => {
      const state = stateOf(session);
      const { startedAt, endedAt } = session;
      return startedAt !== undefined && endedAt !== undefined && endedAt >= startedAt
        ? { session, state, lengthMs: endedAt - startedAt }
        : { session, state };
    });
}
