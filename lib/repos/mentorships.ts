// The mentorships repository: making one (with its first session), listing them, the agreement
// form's save and the goals. Every write checks its input first with the rules in
// lib/rules/agreement.ts, so a refused value writes nothing, and goes through `write`.

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

/** Marks a goal reached (done) or not yet. */
export async function setGoalDone(
  d: Db,
  mentorshipId: string,
  goalId: string,
  done: boolean,
  now: number,
): Promise<Mentorship> {
  return changeMentorship(d, mentorshipId, (m) => ({
    ...m,
    goals: m.goals.map((g) => {
      if (g.id !== goalId) return g;
      const { doneAt: _, ...open } = g;
      return done ? { ...open, doneAt: g.doneAt ?? now } : open;
    }),
  }));
}

export async function deleteGoal(d: Db, mentorshipId: string, goalId: string) {
  return changeMentorship(d, mentorshipId, (m) => ({
    ...m,
    goals: m.goals.filter((g) => g.id !== goalId),
  }));
}
