// The live session's heartbeat and the sweep after a browser quit.
//
// Which tab is in which call lives in storage.session, which a browser quit, an extension update
// or reload clears. A session record still `live` that no live tab owns at a worker start was
// left behind: it is ended here, so it is offered for reflection and the session prepared for
// the call is not used up. Its end time comes from `aliveAt`, the heartbeat the background writes
// into the record whenever it persists the focus ledger or the call state anyway (nothing ticks).

import type { Db } from '../db';
import type { SessionRecord } from '../records';
import { MINUTE_MS } from '../time';
import { clampSessionMinutes } from '../timer';
import { write } from './tx';

/**
 * Notes that the live session was on at `at`, with this call's focus figures so far (they are
 * what a session ended by the sweep keeps). No change is announced: no view shows either.
 */
export async function touchLiveSession(
  d: Db,
  sessionId: string,
  at: number,
  focus?: SessionRecord['focus'],
): Promise<void> {
  const tx = d.transaction('sessions', 'readwrite');
  const session = await tx.store.get(sessionId);
  if (session?.status === 'live' && (session.aliveAt ?? 0) <= at) {
    await tx.store.put({ ...session, aliveAt: at, ...(focus ? { focus } : {}) });
  }
  await tx.done;
}

/**
 * When a session left live most likely ended: its heartbeat, or its start plus its length when
 * that is later (a call sat through without a focus change writes no heartbeat), but never after
 * `now`, when the sweep noticed.
 */
export function orphanEnd(session: SessionRecord, lengthMinutes: number, now: number): number {
  const start = session.startedAt ?? session.aliveAt ?? now;
  const byLength = start + clampSessionMinutes(lengthMinutes) * MINUTE_MS;
  const seen = Math.max(start, session.aliveAt ?? start);
  return Math.min(now, Math.max(seen, byLength));
}

/**
 * Ends every live session no tab owns (`owned`: the ids in storage.session's `live`), each at
 * `orphanEnd`. Returns the sessions it ended. One transaction: all or none.
 */
export async function endOrphanedSessions(
  d: Db,
  owned: ReadonlySet<string>,
  now: number,
  defaultMinutes: number,
): Promise<SessionRecord[]> {
  const live = await d.getAllFromIndex('sessions', 'byStatus', 'live');
  if (!live.some((s) => !owned.has(s.id))) return [];
  return write(d, ['sessions', 'mentorships'], async (tx) => {
    const sessions = tx.objectStore('sessions');
    const ended: SessionRecord[] = [];
    for (const s of await sessions.index('byStatus').getAll('live')) {
      if (owned.has(s.id)) continue;
      const m = s.mentorshipId
        ? await tx.objectStore('mentorships').get(s.mentorshipId)
        : undefined;
      const minutes = m?.agreement.sessionMinutes ?? defaultMinutes;
      const { aliveAt: _, ...rest } = s;
      const done: SessionRecord = { ...rest, status: 'ended', endedAt: orphanEnd(s, minutes, now) };
      await sessions.put(done);
      ended.push(done);
    }
    return ended;
  });
}
