// A mentorship's held sessions as the Mentorships page lists them, newest first, each with where
// it stands (still live, waiting for a reflection, dismissed, reflected) and how long it ran;
// and a session's neighbours among them, for the session page's previous and next keys.
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

/** The held sessions just before and just after a session, by when they began. */
export interface Neighbours {
  previousId?: string;
  nextId?: string;
}

/**
 * A session's neighbours among the held sessions of its mentorship (`theirs`), for a session
 * page's previous and next keys. A session not held (a booking) sits at its booked time, so
 * its previous is the last held one before it.
 */
export function neighboursOf(session: SessionRecord, theirs: readonly SessionRecord[]): Neighbours {
  const at = (s: SessionRecord) => s.startedAt ?? s.scheduledAt ?? Number.MAX_SAFE_INTEGER;
  const here = at(session);
  let previous: SessionRecord | undefined;
  let next: SessionRecord | undefined;
  for (const s of theirs) {
    if (s.id === session.id || !wasHeld(s)) continue;
    const t = at(s);
    // Sessions that began at the same instant are ordered by id, so each has one place.
    const before = t < here || (t === here && s.id < session.id);
    if (before && (!previous || t > at(previous) || (t === at(previous) && s.id > previous.id))) {
      previous = s;
    }
    if (!before && (!next || t < at(next) || (t === at(next) && s.id < next.id))) next = s;
  }
  return {
    ...(previous ? { previousId: previous.id } : {}),
    ...(next ? { nextId: next.id } : {}),
  };
}
