// Undo for every delete. A delete moves what it removes into the trash, in the same
// transaction, under a token; Undo within UNDO_WINDOW_MS puts it back, in one transaction.
//
//   delete ──▶ waiting ──Undo──▶ undone (only the token is kept; Undo again changes nothing)
//                 │  ╲
//                 │   ╲──Undo, but newer text is there now──▶ waiting (refused: undo-conflict)
//                 ▼
//              expired ──▶ purged (by the next delete or Undo, or purgeTrash); Undo: undo-expired
//
// An Undo restores nothing over text written since the delete: a record with the same key that
// differs now (a note typed anew, a topic written again, a booking dated again) refuses the
// whole Undo, so it never lands half. A restored record whose parent is gone (a note whose
// session was removed since) is refused too.
//
// Pure: no browser, no clock (`now` is a parameter).

import { UserError } from '../errors';
import { LIMITS } from '../limits';
import type { Mentorship, Note, Reflection, SessionRecord, TrashEntry, Trashed } from '../records';

/**
 * How long a delete can be undone: 30 s. The "Deleted · Undo" bar shows for about 10 s (long
 * enough to read and reach, by mouse or by keyboard); the window outlasts it so a click at its
 * last moment, a slow screen reader or a page reloaded in between still gets its Undo. It is
 * short on purpose: what a person deleted, a mentorship's private notes included, should not
 * stay on the disk much longer than they can see an Undo for it.
 */
export const UNDO_WINDOW_MS = 30_000;

/**
 * Whether the entry's window has passed at `now`. A clock set back by more than the window
 * (the entry seems to come from the future) counts as expired too, so no entry outlives its
 * window because of a clock change.
 */
export function isExpired(entry: Pick<TrashEntry, 'deletedAt'>, now: number): boolean {
  return now - entry.deletedAt > UNDO_WINDOW_MS || entry.deletedAt - now > UNDO_WINDOW_MS;
}

/** The records an Undo must look at now: those it puts back, and the parents they need. */
export interface RestoreKeys {
  mentorships: string[];
  sessions: string[];
  notes: string[];
  reflections: string[];
}

export function keysToRead(t: Trashed): RestoreKeys {
  const keys: RestoreKeys = { mentorships: [], sessions: [], notes: [], reflections: [] };
  switch (t.kind) {
    case 'records':
      keys.mentorships = t.mentorships.map((m) => m.id);
      for (const s of t.sessions) if (s.mentorshipId) keys.mentorships.push(s.mentorshipId);
      keys.sessions = [
        ...t.sessions.map((s) => s.id),
        ...t.notes.map((n) => n.sessionId),
        ...t.reflections.map((r) => r.sessionId),
        ...t.rekinded.map((r) => r.sessionId),
      ];
      keys.notes = t.notes.map((n) => n.id);
      keys.reflections = t.reflections.map((r) => r.id);
      break;
    case 'goal':
      keys.mentorships = [t.mentorshipId];
      break;
    default:
      keys.sessions = [t.sessionId];
  }
  return {
    mentorships: [...new Set(keys.mentorships)],
    sessions: [...new Set(keys.sessions)],
    notes: [...new Set(keys.notes)],
    reflections: [...new Set(keys.reflections)],
  };
}

/** The records with those keys as they are now (absent ones left out). */
export interface CurrentRecords {
  mentorships: ReadonlyMap<string, Mentorship>;
  sessions: ReadonlyMap<string, SessionRecord>;
  notes: ReadonlyMap<string, Note>;
  reflections: ReadonlyMap<string, Reflection>;
}

/** What an Undo writes: each record put whole. */
export interface RestorePlan {
  mentorships: Mentorship[];
  sessions: SessionRecord[];
  notes: Note[];
  reflections: Reflection[];
}

/** Structural equality of stored records (plain objects, arrays, primitives). */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ob = b as Record<string, unknown>;
  const oa = a as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(ob, k) && sameRecord(oa[k], ob[k]));
}

const conflict = () => new UserError('undo-conflict');

/** Puts `record` back unless a different one holds its key now; the same one needs no write. */
function restoreWhole<T extends { id: string }>(
  records: readonly T[],
  now: ReadonlyMap<string, T>,
  overwritable: (current: T) => boolean = () => false,
): T[] {
  const puts: T[] = [];
  for (const r of records) {
    const current = now.get(r.id);
    if (current === undefined || overwritable(current)) puts.push(r);
    else if (!sameRecord(current, r)) throw conflict();
  }
  return puts;
}

function sessionOf(now: CurrentRecords, id: string): SessionRecord {
  const s = now.sessions.get(id);
  if (!s) throw new UserError('session-gone');
  return s;
}

/**
 * What undoing `t` writes, given the records it concerns as they are now (`keysToRead`).
 * Throws a `UserError`: `undo-conflict` when newer text holds a place it would restore,
 * `session-gone` / `mentorship-gone` when what it belongs to was deleted since, or
 * `action-items-full` / `goals-full` when there is no room left for it.
 */
export function planRestore(t: Trashed, now: CurrentRecords): RestorePlan {
  const plan: RestorePlan = { mentorships: [], sessions: [], notes: [], reflections: [] };
  switch (t.kind) {
    case 'records': {
      plan.mentorships = restoreWhole(t.mentorships, now.mentorships);
      plan.sessions = restoreWhole(t.sessions, now.sessions);
      // A note emptied since holds no text an Undo could overwrite.
      plan.notes = restoreWhole(t.notes, now.notes, (n) => n.text === '');
      plan.reflections = restoreWhole(t.reflections, now.reflections);
      const mentorships = new Set([...now.mentorships.keys(), ...t.mentorships.map((m) => m.id)]);
      for (const s of t.sessions) {
        if (s.mentorshipId !== null && !mentorships.has(s.mentorshipId)) {
          throw new UserError('mentorship-gone');
        }
      }
      const sessions = new Set([...now.sessions.keys(), ...t.sessions.map((s) => s.id)]);
      for (const r of [...t.notes, ...t.reflections]) {
        if (!sessions.has(r.sessionId)) throw new UserError('session-gone');
      }
      // A booking that became the first session goes back to what it was, if it still is.
      for (const r of t.rekinded) {
        const s = now.sessions.get(r.sessionId);
        if (s && s.status === 'scheduled' && s.kind === r.to) {
          plan.sessions.push({ ...s, kind: r.from });
        }
      }
      return plan;
    }
    case 'booking-date': {
      const s = sessionOf(now, t.sessionId);
      if (s.scheduledAt === t.scheduledAt) return plan;
      // Booked again, or held since: that is newer than the cancelled date.
      if (s.status !== 'scheduled' || s.scheduledAt !== undefined) throw conflict();
      plan.sessions.push({ ...s, scheduledAt: t.scheduledAt });
      return plan;
    }
    case 'topic': {
      const s = sessionOf(now, t.sessionId);
      if (s.topic && sameRecord(s.topic, t.topic)) return plan;
      if (s.topic?.text) throw conflict();
      plan.sessions.push({ ...s, topic: t.topic });
      return plan;
    }
    case 'action-item': {
      const s = sessionOf(now, t.sessionId);
      const there = s.actionItems.find((a) => a.id === t.item.id);
      if (there) {
        if (sameRecord(there, t.item)) return plan;
        throw conflict();
      }
      if (s.actionItems.length >= LIMITS.actionItems) {
        throw new UserError('action-items-full', [LIMITS.actionItems]);
      }
      const actionItems = [...s.actionItems];
      actionItems.splice(Math.min(t.index, actionItems.length), 0, t.item);
      plan.sessions.push({ ...s, actionItems });
      return plan;
    }
    case 'goal': {
      const m = now.mentorships.get(t.mentorshipId);
      if (!m) throw new UserError('mentorship-gone');
      const there = m.goals.find((g) => g.id === t.goal.id);
      if (there) {
        if (sameRecord(there, t.goal)) return plan;
        throw conflict();
      }
      if (m.goals.length >= LIMITS.goals) throw new UserError('goals-full', [LIMITS.goals]);
      const goals = [...m.goals];
      goals.splice(Math.min(t.index, goals.length), 0, t.goal);
      plan.mentorships.push({ ...m, goals });
      return plan;
    }
  }
}
