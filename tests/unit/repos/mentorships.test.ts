import { describe, expect, it } from 'vitest';
import type { Mentorship } from '../../../lib/records';
import {
  addGoal,
  archiveMentorship,
  createMentorship,
  deleteGoal,
  deleteMentorship,
  editGoal,
  getMentorship,
  listArchivedMentorships,
  listMentorships,
  removeGoal,
  setGoalDone,
  unarchiveMentorship,
  updateMentorship,
} from '../../../lib/repos/mentorships';
import { savePreNote } from '../../../lib/repos/notes';
import { changeReflection } from '../../../lib/repos/reflections';
import { nextSession } from '../../../lib/repos/sessions';
import { undoDelete } from '../../../lib/repos/trash';
import {
  type AgreementDraft,
  agreementDraftOf,
  DEFAULT_AGREEMENT,
  readAgreementDraft,
} from '../../../lib/rules/agreement';
import { input, NEW_MENTORSHIP_REFUSALS } from '../rules/agreement-cases';
import { expectUserError, rejectionOf } from '../sentences';
import { counts, everything, records, useDb, watchAnnouncements } from './db';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
/** 2026-11-03 10:00 UTC. */
const NOW = Date.UTC(2026, 10, 3, 10, 0);

const db = useDb();
const notices = watchAnnouncements();

async function seed(firstSessionAt?: number): Promise<Mentorship> {
  const { mentorship } = await createMentorship(
    db.get(),
    { otherName: 'Ana', myRole: 'mentee', cadenceDays: 7, sessionMinutes: 45, firstSessionAt },
    NOW - 30 * DAY,
  );
  return mentorship;
}

describe('createMentorship', () => {
  it.each(NEW_MENTORSHIP_REFUSALS)(
    'refuses %s with one sentence and writes nothing',
    async (_name, extra, code, sentence) => {
      const d = db.get();
      expectUserError(await rejectionOf(createMentorship(d, input(extra), NOW)), code, sentence);
      expect(await counts(d)).toEqual({ mentorships: 0, sessions: 0, notes: 0 });
      expect(notices.count()).toBe(0);
    },
  );

  it.each([
    [
      'a meeting link over 2,000 characters',
      { meetingLink: `https://meet.google.com/${'x'.repeat(2000)}` },
      'text-too-long',
    ],
    ['a first session at no time', { firstSessionAt: Number.NaN }, 'time-invalid'],
    ['a first session past what a date holds', { firstSessionAt: 9e15 }, 'time-invalid'],
  ] as const)('refuses %s and writes nothing', async (_name, extra, code) => {
    const d = db.get();
    expectUserError(await rejectionOf(createMentorship(d, input(extra), NOW)), code);
    expect(await counts(d)).toEqual({ mentorships: 0, sessions: 0, notes: 0 });
  });

  it('writes the mentorship and its first session, scheduled, announcing once', async () => {
    const d = db.get();
    const { mentorship, session } = await createMentorship(
      d,
      input({
        otherName: '  Ana Müller ',
        meetingLink: ' https://meet.google.com/abc-defg-hij ',
        firstSessionAt: NOW + DAY,
      }),
      NOW,
    );
    expect(notices.count()).toBe(1);
    expect(mentorship).toEqual({
      id: mentorship.id,
      otherName: 'Ana Müller',
      myRole: 'mentor',
      meetingLink: 'https://meet.google.com/abc-defg-hij',
      agreement: { ...DEFAULT_AGREEMENT, cadenceDays: 14, sessionMinutes: 45 },
      goals: [],
      createdAt: NOW,
    });
    expect(session).toEqual({
      id: session.id,
      mentorshipId: mentorship.id,
      kind: 'first',
      status: 'scheduled',
      scheduledAt: NOW + DAY,
      actionItems: [],
    });
    expect(await listMentorships(d)).toEqual([mentorship]);
    expect(await getMentorship(d, mentorship.id)).toEqual(mentorship);
    expect(await nextSession(d, mentorship.id)).toEqual(session);
  });

  it('keeps no empty meeting link, and books no date when none is given', async () => {
    const d = db.get();
    const { mentorship, session } = await createMentorship(d, input({ meetingLink: '   ' }), NOW);
    expect(mentorship.meetingLink).toBeUndefined();
    expect(session.scheduledAt).toBeUndefined();
    expect(await nextSession(d, mentorship.id)).toEqual(session);
  });

  it('lists mentorships oldest first, without archived ones', async () => {
    const d = db.get();
    const b = await createMentorship(d, input({ otherName: 'Ben' }), NOW);
    const a = await createMentorship(d, input({ otherName: 'Ana' }), NOW - DAY);
    const c = await createMentorship(d, input({ otherName: 'Cy' }), NOW + DAY);
    await d.put('mentorships', { ...c.mentorship, archivedAt: NOW + 2 * DAY });
    expect((await listMentorships(d)).map((m) => m.otherName)).toEqual(['Ana', 'Ben']);
    expect(await nextSession(d, a.mentorship.id)).toEqual(a.session);
    expect(await nextSession(d, b.mentorship.id)).toEqual(b.session);
  });
});

describe('updateMentorship', () => {
  const draftFor = (m: Mentorship, patch: Partial<AgreementDraft>): AgreementDraft => ({
    ...agreementDraftOf(m),
    ...patch,
  });

  it('saves the form and keeps goals; a bad edit writes nothing', async () => {
    const d = db.get();
    const m = await seed();
    await addGoal(d, m.id, 'Lead a discovery sprint', NOW);
    const result = readAgreementDraft(
      draftFor(m, {
        otherName: 'Ana B.',
        cadenceDays: '14',
        medium: 'video',
        meetingLink: 'https://zoom.us/j/123456789',
      }),
    );
    if (!result.ok) throw result.error;
    notices.reset();
    const saved = await updateMentorship(d, m.id, result.edit);
    expect(notices.count()).toBe(1);
    expect(saved.otherName).toBe('Ana B.');
    expect(saved.agreement.cadenceDays).toBe(14);
    expect(saved.goals).toHaveLength(1);

    const error = await rejectionOf(
      updateMentorship(d, m.id, {
        ...result.edit,
        agreement: { ...result.edit.agreement, sessionMinutes: 0 },
      }),
    );
    expectUserError(
      error,
      'minutes-range',
      'Choose a session length from 5 to 240 minutes.',
      [5, 240],
    );
    expect(await d.get('mentorships', m.id)).toEqual(saved);
    expect(notices.count()).toBe(1);

    const cleared = await updateMentorship(d, m.id, { ...result.edit, meetingLink: undefined });
    expect(cleared).not.toHaveProperty('meetingLink');
  });

  it('refuses a mentorship that is gone', async () => {
    const m = await seed();
    const edit = readAgreementDraft(agreementDraftOf(m));
    if (!edit.ok) throw new Error('setup');
    expectUserError(
      await rejectionOf(updateMentorship(db.get(), 'nope', edit.edit)),
      'mentorship-gone',
      'That mentorship no longer exists.',
    );
  });
});

describe('goals', () => {
  it('adds, completes, reopens and deletes a goal', async () => {
    const d = db.get();
    const m = await seed();
    const withGoal = await addGoal(d, m.id, '  Run a user interview  ', NOW);
    const goal = withGoal.goals[0];
    expect(goal).toMatchObject({ text: 'Run a user interview', createdAt: NOW });
    if (!goal) throw new Error('no goal');
    expect((await setGoalDone(d, m.id, goal.id, true, NOW + 1)).goals[0]?.doneAt).toBe(NOW + 1);
    expect((await setGoalDone(d, m.id, goal.id, true, NOW + 2)).goals[0]?.doneAt).toBe(NOW + 1);
    expect((await setGoalDone(d, m.id, goal.id, false, NOW + 3)).goals[0]).not.toHaveProperty(
      'doneAt',
    );
    expect((await deleteGoal(d, m.id, goal.id)).goals).toEqual([]);
    expect(await getMentorship(d, m.id)).toMatchObject({ goals: [] });
  });

  it.each([
    ['', 'goal-empty', 'Write the goal first.'],
    ['   ', 'goal-empty', 'Write the goal first.'],
    ['x'.repeat(2001), 'text-too-long', 'That text is too long; 2,000 characters at most.'],
  ] as const)('refuses %j and writes nothing', async (text, code, sentence) => {
    const d = db.get();
    const m = await seed();
    expectUserError(await rejectionOf(addGoal(d, m.id, text, NOW)), code, sentence);
    expect((await d.get('mentorships', m.id))?.goals).toEqual([]);
  });

  it('refuses a goal past the 200th, and one for a mentorship that is gone', async () => {
    const d = db.get();
    const m = await seed();
    const goals = Array.from({ length: 200 }, (_, i) => ({
      id: `g${i}`,
      text: 'g',
      createdAt: NOW,
    }));
    await d.put('mentorships', { ...m, goals });
    expectUserError(await rejectionOf(addGoal(d, m.id, 'One more', NOW)), 'goals-full');
    expect((await d.get('mentorships', m.id))?.goals).toHaveLength(200);
    for (const write of [
      addGoal(d, 'gone', 'A goal', NOW),
      setGoalDone(d, 'gone', 'g', true, NOW),
      deleteGoal(d, 'gone', 'g'),
    ]) {
      expectUserError(await rejectionOf(write), 'mentorship-gone');
    }
  });
});

describe('editing and deleting goals', () => {
  it("changes a goal's text, trimmed; the same text again writes nothing", async () => {
    const d = db.get();
    const m = await seed();
    const goal = (await addGoal(d, m.id, 'Run a user intreview', NOW)).goals[0];
    if (!goal) throw new Error('setup');
    const edited = await editGoal(d, m.id, goal.id, ' Run a user interview ');
    expect(edited.goals).toEqual([{ ...goal, text: 'Run a user interview' }]);
    notices.reset();
    await editGoal(d, m.id, goal.id, 'Run a user interview');
    await setGoalDone(d, m.id, goal.id, false, NOW);
    expect(notices.count()).toBe(0);
  });

  it('refuses an empty text, and a goal or mentorship another view deleted', async () => {
    const d = db.get();
    const m = await seed();
    const goal = (await addGoal(d, m.id, 'A goal', NOW)).goals[0];
    if (!goal) throw new Error('setup');
    const before = await everything(d);
    expectUserError(await rejectionOf(editGoal(d, m.id, goal.id, ' ')), 'goal-empty');
    expectUserError(
      await rejectionOf(editGoal(d, m.id, 'gone', 'x')),
      'goal-gone',
      'That goal no longer exists; nothing was changed.',
    );
    expectUserError(await rejectionOf(editGoal(d, 'gone', goal.id, 'x')), 'mentorship-gone');
    expectUserError(await rejectionOf(removeGoal(d, m.id, 'gone', NOW)), 'goal-gone');
    expectUserError(await rejectionOf(setGoalDone(d, m.id, 'gone', true, NOW)), 'goal-gone');
    expectUserError(await rejectionOf(removeGoal(d, 'gone', goal.id, NOW)), 'mentorship-gone');
    expect(await everything(d)).toEqual(before);
  });

  it('deletes a goal undoably, back in its place', async () => {
    const d = db.get();
    const m = await seed();
    await addGoal(d, m.id, 'One', NOW);
    await addGoal(d, m.id, 'Two', NOW);
    const { goals } = await addGoal(d, m.id, 'Three', NOW);
    const before = await records(d);
    const deleted = await removeGoal(d, m.id, goals[0]?.id ?? '', NOW);
    expect(deleted.what).toBe('goal');
    expect((await getMentorship(d, m.id))?.goals.map((g) => g.text)).toEqual(['Two', 'Three']);
    await undoDelete(d, deleted.token, NOW + 1_000);
    expect(await records(d)).toEqual(before);
  });
});

describe('archiving', () => {
  it('archives and unarchives, keeping everything; again changes nothing', async () => {
    const d = db.get();
    const m = await seed();
    const archived = await archiveMentorship(d, m.id, NOW);
    expect(archived.archivedAt).toBe(NOW);
    expect(await listMentorships(d)).toEqual([]);
    expect(await listArchivedMentorships(d)).toEqual([archived]);
    notices.reset();
    expect((await archiveMentorship(d, m.id, NOW + DAY)).archivedAt).toBe(NOW);
    expect(notices.count()).toBe(0);
    const back = await unarchiveMentorship(d, m.id);
    expect(back).toEqual(m);
    expect(await listMentorships(d)).toEqual([m]);
    expect(await unarchiveMentorship(d, m.id)).toEqual(m);
    expect(await counts(d)).toEqual({ mentorships: 1, sessions: 1, notes: 0 });
  });

  it('lists the archived ones, the latest archived first', async () => {
    const d = db.get();
    const a = await seed();
    const b = await seed();
    await archiveMentorship(d, a.id, NOW);
    await archiveMentorship(d, b.id, NOW + 1);
    expect((await listArchivedMentorships(d)).map((m) => m.id)).toEqual([b.id, a.id]);
  });

  it('refuses a mentorship that is gone', async () => {
    expectUserError(await rejectionOf(archiveMentorship(db.get(), 'gone', NOW)), 'mentorship-gone');
    expectUserError(await rejectionOf(unarchiveMentorship(db.get(), 'gone')), 'mentorship-gone');
  });
});

describe('deleting a mentorship', () => {
  /** A mentorship with a held, reflected session with notes, and a booking. */
  async function full(name: string) {
    const d = db.get();
    const { mentorship, session } = await createMentorship(
      d,
      input({ otherName: name, firstSessionAt: NOW - DAY }),
      NOW - 30 * DAY,
    );
    await d.put('sessions', {
      ...session,
      status: 'ended',
      startedAt: NOW - DAY,
      endedAt: NOW - DAY + 45 * MIN,
    });
    await savePreNote(d, session, 'mentee', `${name}'s thoughts`, NOW - 2 * DAY);
    await savePreNote(d, session, 'mentor', 'Mine', NOW - 2 * DAY);
    await changeReflection(
      d,
      {
        sessionId: session.id,
        role: 'mentor',
        catalogueVersion: 2,
        answers: { 'mentor.listened': { score: 4 } },
        complete: true,
      },
      NOW - DAY,
    );
    await addGoal(d, mentorship.id, 'A goal', NOW);
    return mentorship;
  }

  it('deletes its sessions, notes and reflections in one write; another stays untouched', async () => {
    const d = db.get();
    const ana = await full('Ana');
    const ben = await full('Ben');
    const withBoth = await records(d);
    notices.reset();
    const deleted = await deleteMentorship(d, ana.id, NOW);
    expect(notices.count()).toBe(1);
    expect(deleted).toMatchObject({ what: 'mentorship', deletedAt: NOW });
    const left = await records(d);
    expect(left.mentorships.map((m) => m.id)).toEqual([ben.id]);
    expect(left.sessions.every((s) => s.mentorshipId === ben.id)).toBe(true);
    expect(left.notes.every((n) => n.mentorshipId === ben.id)).toBe(true);
    expect(left.notes).toHaveLength(2);
    expect(left.reflections).toHaveLength(1);
    expect(left.sessions).toEqual(withBoth.sessions.filter((s) => s.mentorshipId === ben.id));
    await undoDelete(d, deleted.token, NOW + 1_000);
    expect(await records(d)).toEqual(withBoth);
  });

  it('refuses while a call of it is going on, and one that is gone, deleting nothing', async () => {
    const d = db.get();
    const ana = await full('Ana');
    const [s] = await d.getAllFromIndex('sessions', 'byMentorship', ana.id);
    if (!s) throw new Error('setup');
    await d.put('sessions', { ...s, status: 'live', endedAt: undefined });
    const before = await everything(d);
    expectUserError(await rejectionOf(deleteMentorship(d, ana.id, NOW)), 'session-live');
    expectUserError(await rejectionOf(deleteMentorship(d, 'gone', NOW)), 'mentorship-gone');
    expect(await everything(d)).toEqual(before);
  });
});
