// The mentorships repository: making one (with its first session), listing them, the agreement
// form's save, the goals, archiving, and deleting one with everything of it. Every write checks
// its input first with the rules in lib/rules/agreement.ts, so a refused value writes nothing,
// and goes through `write`; every delete is undoable (lib/repos/trash.ts).

import { type Db, newId } from '../db';
import { UserError } from '../errors';
import { checkLength, isTime, LIMITS } from '../limits';
import type { Goal, Mentorship, SessionRecord } from '../records';
import {
  checkGoalRoom,
  checkGoalText,
  checkMentorshipEdit,
  checkNewMentorship,
  DEFAULT_AGREEMENT,
  type MentorshipEdit,
  type NewMentorship,
} from '../rules/agreement';
import { type Deleted, putInTrash, takeSessionRecords } from './trash';
import { found, write } from './tx';

/** Makes a mentorship and its first session (booked at `firstSessionAt`, or undated). */
export async function createMentorship(d: Db, input: NewMentorship, now: number) {
  const problem = checkNewMentorship(input);
  if (problem) throw problem;
  const meetingLink = input.meetingLink?.trim() || undefined;
  const long = meetingLink === undefined ? null : checkLength(meetingLink, LIMITS.link);
  if (long) throw long;
  if (input.firstSessionAt !== undefined && !isTime(input.firstSessionAt)) {
    throw new UserError('time-invalid');
  }
  const mentorship: Mentorship = {
    id: newId(),
    otherName: input.otherName.trim(),
    myRole: input.myRole,
    meetingLink,
    agreement: {
      ...DEFAULT_AGREEMENT,
      cadenceDays: input.cadenceDays,
      sessionMinutes: input.sessionMinutes,
    },
    goals: [],
    createdAt: now,
  };
  const first: SessionRecord = {
    id: newId(),
    mentorshipId: mentorship.id,
    kind: 'first',
    status: 'scheduled',
    scheduledAt: input.firstSessionAt,
    actionItems: [],
  };
  await write(d, ['mentorships', 'sessions'], async (tx) => {
    await tx.objectStore('mentorships').add(mentorship);
    await tx.objectStore('sessions').add(first);
  });
  return { mentorship, session: first };
}

/** The mentorships not archived, oldest first. */
export async function listMentorships(d: Db): Promise<Mentorship[]> {
  const all = await d.getAll('mentorships');
  return all.filter((m) => !m.archivedAt).sort((a, b) => a.createdAt - b.createdAt);
}

/** The archived mentorships, the latest archived first. */
export async function listArchivedMentorships(d: Db): Promise<Mentorship[]> {
  const all = await d.getAll('mentorships');
  return all
    .filter((m) => m.archivedAt !== undefined)
    .sort((a, b) => (b.archivedAt ?? 0) - (a.archivedAt ?? 0));
}

export async function getMentorship(d: Db, id: string): Promise<Mentorship | undefined> {
  return d.get('mentorships', id);
}

async function changeMentorship(
  d: Db,
  mentorshipId: string,
  change: (m: Mentorship) => Mentorship,
): Promise<Mentorship> {
  return write(d, ['mentorships'], async (tx) => {
    const m = found(await tx.store.get(mentorshipId), 'mentorship-gone');
    const next = change(m);
    await tx.store.put(next);
    return next;
  });
}

/** Saves the agreement form's fields; goals, sessions and the rest stay as they are. */
export async function updateMentorship(
  d: Db,
  mentorshipId: string,
  edit: MentorshipEdit,
): Promise<Mentorship> {
  const problem = checkMentorshipEdit(edit);
  if (problem) throw problem.error;
  return changeMentorship(d, mentorshipId, (m) => {
    const next: Mentorship = {
      ...m,
      otherName: edit.otherName,
      myRole: edit.myRole,
      agreement: { ...edit.agreement },
    };
    if (edit.meetingLink) next.meetingLink = edit.meetingLink;
    else delete next.meetingLink;
    return next;
  });
}

export async function addGoal(
  d: Db,
  mentorshipId: string,
  text: string,
  now: number,
): Promise<Mentorship> {
  const problem = checkGoalText(text);
  if (problem) throw problem;
  const goal: Goal = { id: newId(), text: text.trim(), createdAt: now };
  return changeMentorship(d, mentorshipId, (m) => {
    const full = checkGoalRoom(m.goals);
    if (full) throw full;
    return { ...m, goals: [...m.goals, goal] };
  });
}

/**
 * Marks a goal reached (done) or not yet; marking it as it is already changes nothing. A goal
 * another view deleted refuses (`goal-gone`).
 */
export async function setGoalDone(
  d: Db,
  mentorshipId: string,
  goalId: string,
  done: boolean,
  now: number,
): Promise<Mentorship> {
  return write(d, ['mentorships'], async (tx, unchanged) => {
    const m = found(await tx.store.get(mentorshipId), 'mentorship-gone');
    const goal = found(
      m.goals.find((g) => g.id === goalId),
      'goal-gone',
    );
    if (done === (goal.doneAt !== undefined)) {
      unchanged();
      return m;
    }
    const { doneAt: _, ...open } = goal;
    const next = done ? { ...open, doneAt: now } : open;
    const changed = { ...m, goals: m.goals.map((g) => (g.id === goalId ? next : g)) };
    await tx.store.put(changed);
    return changed;
  });
}

/**
 * Deletes a goal, not undoably.
 * @deprecated Use `removeGoal`, which the "Deleted · Undo" bar can undo.
 */
export async function deleteGoal(d: Db, mentorshipId: string, goalId: string) {
  return changeMentorship(d, mentorshipId, (m) => ({
    ...m,
    goals: m.goals.filter((g) => g.id !== goalId),
  }));
}

/** Changes a goal's text; a goal another view deleted refuses it (`goal-gone`). */
export async function editGoal(
  d: Db,
  mentorshipId: string,
  goalId: string,
  text: string,
): Promise<Mentorship> {
  const problem = checkGoalText(text);
  if (problem) throw problem;
  const clean = text.trim();
  return write(d, ['mentorships'], async (tx, unchanged) => {
    const m = found(await tx.store.get(mentorshipId), 'mentorship-gone');
    const goal = found(
      m.goals.find((g) => g.id === goalId),
      'goal-gone',
    );
    if (goal.text === clean) {
      unchanged();
      return m;
    }
    const next = { ...m, goals: m.goals.map((g) => (g.id === goalId ? { ...g, text: clean } : g)) };
    await tx.store.put(next);
    return next;
  });
}

/** Deletes a goal, undoably. */
export async function removeGoal(
  d: Db,
  mentorshipId: string,
  goalId: string,
  now: number,
): Promise<Deleted> {
  return write(d, ['trash', 'mentorships'], async (tx) => {
    const mentorships = tx.objectStore('mentorships');
    const m = found(await mentorships.get(mentorshipId), 'mentorship-gone');
    const index = m.goals.findIndex((g) => g.id === goalId);
    const goal = found(m.goals[index], 'goal-gone');
    await mentorships.put({ ...m, goals: m.goals.filter((g) => g.id !== goalId) });
    return putInTrash(tx, 'goal', { kind: 'goal', mentorshipId, goal, index }, now);
  });
}

/**
 * Archives a mentorship: it leaves the lists and no call is matched to it any more; everything
 * of it is kept. Archiving one archived already keeps its first date.
 */
export async function archiveMentorship(
  d: Db,
  mentorshipId: string,
  now: number,
): Promise<Mentorship> {
  return write(d, ['mentorships'], async (tx, unchanged) => {
    const m = found(await tx.store.get(mentorshipId), 'mentorship-gone');
    if (m.archivedAt !== undefined) {
      unchanged();
      return m;
    }
    const next = { ...m, archivedAt: now };
    await tx.store.put(next);
    return next;
  });
}

export async function unarchiveMentorship(d: Db, mentorshipId: string): Promise<Mentorship> {
  return write(d, ['mentorships'], async (tx, unchanged) => {
    const m = found(await tx.store.get(mentorshipId), 'mentorship-gone');
    const { archivedAt, ...next } = m;
    if (archivedAt === undefined) {
      unchanged();
      return m;
    }
    await tx.store.put(next);
    return next;
  });
}

/**
 * Deletes a mentorship with all its sessions, their notes and reflections, in one write, undoably
 * (the page asks once and offers a backup first). Refuses while a call of it is going on
 * (`session-live`).
 */
export async function deleteMentorship(d: Db, mentorshipId: string, now: number): Promise<Deleted> {
  return write(d, ['trash', 'mentorships', 'sessions', 'notes', 'reflections'], async (tx) => {
    const mentorships = tx.objectStore('mentorships');
    const m = found(await mentorships.get(mentorshipId), 'mentorship-gone');
    const sessions = await tx.objectStore('sessions').index('byMentorship').getAll(mentorshipId);
    if (sessions.some((s) => s.status === 'live')) throw new UserError('session-live');
    const taken = await takeSessionRecords(tx, sessions);
    await mentorships.delete(mentorshipId);
    return putInTrash(
      tx,
      'mentorship',
      { kind: 'records', mentorships: [m], sessions, ...taken, rekinded: [] },
      now,
    );
  });
}
