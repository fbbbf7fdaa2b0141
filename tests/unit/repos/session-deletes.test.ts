import { describe, expect, it } from 'vitest';
import type { Mentorship, SessionRecord } from '../../../lib/records';
import { createMentorship } from '../../../lib/repos/mentorships';
import { savePreNote } from '../../../lib/repos/notes';
import { saveReflection } from '../../../lib/repos/reflections';
import {
  cancelBooking,
  clearTopic,
  removeActionItem,
  removeFromHistory,
} from '../../../lib/repos/session-deletes';
import { bookSession, editActionItems, setTopic } from '../../../lib/repos/sessions';
import { undoDelete } from '../../../lib/repos/trash';
import { expectUserError, rejectionOf } from '../sentences';
import { everything, records, useDb, watchAnnouncements } from './db';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
// Wednesday 11 March 2026, 10:00 UTC.
const WED = Date.UTC(2026, 2, 11, 10, 0);

const db = useDb();
const notices = watchAnnouncements();

async function seed(firstSessionAt?: number): Promise<{ m: Mentorship; first: SessionRecord }> {
  const { mentorship, session } = await createMentorship(
    db.get(),
    { otherName: 'Ana', myRole: 'mentor', cadenceDays: 7, sessionMinutes: 45, firstSessionAt },
    WED - 30 * DAY,
  );
  return { m: mentorship, first: session };
}

const held = (s: SessionRecord, over: Partial<SessionRecord> = {}): SessionRecord => ({
  ...s,
  status: 'ended',
  startedAt: WED - DAY,
  endedAt: WED - DAY + HOUR,
  ...over,
});

describe('editing action items', () => {
  it('changes the text and sets done, each edit of nothing announcing nothing', async () => {
    const d = db.get();
    const { first } = await seed();
    const added = await editActionItems(d, first.id, { add: 'Read chaptre 3' }, WED);
    const item = added.actionItems[0];
    if (!item) throw new Error('setup');
    const edited = await editActionItems(
      d,
      first.id,
      { edit: item.id, text: ' Read chapter 3 ' },
      WED,
    );
    expect(edited.actionItems).toEqual([{ ...item, text: 'Read chapter 3' }]);
    const done = await editActionItems(d, first.id, { setDone: item.id, done: true }, WED + MIN);
    expect(done.actionItems[0]?.doneAt).toBe(WED + MIN);
    notices.reset();
    // A second view saying "done" again, and the same text again: nothing changes.
    await editActionItems(d, first.id, { setDone: item.id, done: true }, WED + 2 * MIN);
    await editActionItems(d, first.id, { edit: item.id, text: 'Read chapter 3' }, WED + 2 * MIN);
    expect(notices.count()).toBe(0);
    expect((await d.get('sessions', first.id))?.actionItems[0]?.doneAt).toBe(WED + MIN);
    const open = await editActionItems(d, first.id, { setDone: item.id, done: false }, WED);
    expect(open.actionItems[0]).not.toHaveProperty('doneAt');
  });

  it('refuses an empty text, and an item or session another view deleted', async () => {
    const d = db.get();
    const { first } = await seed();
    const { actionItems } = await editActionItems(d, first.id, { add: 'Read' }, WED);
    const id = actionItems[0]?.id ?? '';
    const before = await everything(d);
    expectUserError(
      await rejectionOf(editActionItems(d, first.id, { edit: id, text: '  ' }, WED)),
      'action-item-empty',
      'Write the action item first.',
    );
    expectUserError(
      await rejectionOf(editActionItems(d, first.id, { edit: 'gone', text: 'x' }, WED)),
      'action-item-gone',
      'That action item no longer exists; nothing was changed.',
    );
    expectUserError(
      await rejectionOf(editActionItems(d, first.id, { setDone: 'gone', done: true }, WED)),
      'action-item-gone',
    );
    expectUserError(
      await rejectionOf(editActionItems(d, 'gone', { edit: id, text: 'x' }, WED)),
      'session-gone',
    );
    expect(await everything(d)).toEqual(before);
  });

  it('deletes one, undoably, back in its place', async () => {
    const d = db.get();
    const { first } = await seed();
    await editActionItems(d, first.id, { add: 'One' }, WED);
    await editActionItems(d, first.id, { add: 'Two' }, WED);
    const { actionItems } = await editActionItems(d, first.id, { add: 'Three' }, WED);
    const before = await records(d);
    const deleted = await removeActionItem(d, first.id, actionItems[1]?.id ?? '', WED);
    expect(deleted.what).toBe('action-item');
    expect((await d.get('sessions', first.id))?.actionItems.map((a) => a.text)).toEqual([
      'One',
      'Three',
    ]);
    await undoDelete(d, deleted.token, WED + 5_000);
    expect(await records(d)).toEqual(before);
  });

  it('refuses to delete an item or from a session that is gone, writing nothing', async () => {
    const d = db.get();
    const { first } = await seed();
    const before = await everything(d);
    expectUserError(
      await rejectionOf(removeActionItem(d, first.id, 'nope', WED)),
      'action-item-gone',
    );
    expectUserError(await rejectionOf(removeActionItem(d, 'gone', 'nope', WED)), 'session-gone');
    expect(await everything(d)).toEqual(before);
  });
});

describe('clearing the topic', () => {
  it('deletes it with its versions, undoably', async () => {
    const d = db.get();
    const { first } = await seed();
    await setTopic(d, first.id, 'Career', 'mentor', WED);
    await setTopic(d, first.id, 'Career planning', 'mentee', WED + MIN);
    const before = await records(d);
    const deleted = await clearTopic(d, first.id, WED + 2 * MIN);
    expect(await d.get('sessions', first.id)).not.toHaveProperty('topic');
    await undoDelete(d, deleted.token, WED + 2 * MIN + 5_000);
    expect(await records(d)).toEqual(before);
  });

  it('refuses a topic written again since the clear, keeping the new one', async () => {
    const d = db.get();
    const { first } = await seed();
    await setTopic(d, first.id, 'Career', 'mentor', WED);
    const deleted = await clearTopic(d, first.id, WED + MIN);
    await setTopic(d, first.id, 'Promotion', 'mentee', WED + MIN + 5_000);
    expectUserError(
      await rejectionOf(undoDelete(d, deleted.token, WED + MIN + 10_000)),
      'undo-conflict',
    );
    expect((await d.get('sessions', first.id))?.topic?.text).toBe('Promotion');
  });

  it('refuses when there is no topic, or no session', async () => {
    const d = db.get();
    const { first } = await seed();
    expectUserError(await rejectionOf(clearTopic(d, first.id, WED)), 'nothing-to-change');
    expectUserError(await rejectionOf(clearTopic(d, 'gone', WED)), 'session-gone');
    expect(await d.count('trash')).toBe(0);
  });
});

describe('cancelling a booking', () => {
  it('deletes a booking with nothing prepared; undo books it again', async () => {
    const d = db.get();
    const { m } = await seed(WED + DAY);
    const second = await bookSession(d, m.id, WED + 8 * DAY, WED);
    const before = await records(d);
    const deleted = await cancelBooking(d, second.id, WED);
    expect(deleted.what).toBe('booking');
    expect(await d.get('sessions', second.id)).toBeUndefined();
    await undoDelete(d, deleted.token, WED + 5_000);
    expect(await records(d)).toEqual(before);
  });

  it('keeps what was prepared for it: the session only loses its date', async () => {
    const d = db.get();
    const { first } = await seed(WED + DAY);
    await setTopic(d, first.id, 'Discovery interviews', 'mentee', WED - DAY);
    await savePreNote(d, first, 'mentee', 'Two done', WED - DAY);
    const deleted = await cancelBooking(d, first.id, WED);
    const undated = await d.get('sessions', first.id);
    expect(undated).toMatchObject({ status: 'scheduled', topic: { text: 'Discovery interviews' } });
    expect(undated).not.toHaveProperty('scheduledAt');
    expect(await d.count('notes')).toBe(1);
    // The next booking gets it, with what was prepared.
    const booked = await bookSession(d, first.mentorshipId ?? '', WED + 2 * DAY, WED);
    expect(booked).toMatchObject({ id: first.id, topic: { text: 'Discovery interviews' } });
    // Booked anew since: the Undo keeps the newer date.
    expectUserError(await rejectionOf(undoDelete(d, deleted.token, WED + 5_000)), 'undo-conflict');
    expect((await d.get('sessions', first.id))?.scheduledAt).toBe(WED + 2 * DAY);
  });

  it('gives the date back on undo when nothing was booked since', async () => {
    const d = db.get();
    const { first } = await seed(WED + DAY);
    await editActionItems(d, first.id, { add: 'Bring the guide' }, WED - DAY);
    const before = await records(d);
    const deleted = await cancelBooking(d, first.id, WED);
    await undoDelete(d, deleted.token, WED + 5_000);
    expect(await records(d)).toEqual(before);
  });

  it('makes the next booking the first session when the first is cancelled', async () => {
    const d = db.get();
    const { m, first } = await seed(WED + DAY);
    const second = await bookSession(d, m.id, WED + 8 * DAY, WED);
    expect(second.kind).toBe('regular');
    const deleted = await cancelBooking(d, first.id, WED);
    expect((await d.get('sessions', second.id))?.kind).toBe('first');
    await undoDelete(d, deleted.token, WED + 5_000);
    expect((await d.get('sessions', second.id))?.kind).toBe('regular');
    expect((await d.get('sessions', first.id))?.kind).toBe('first');
  });

  it('refuses a session that was held, or is gone, writing nothing', async () => {
    const d = db.get();
    const { first } = await seed(WED - DAY);
    await d.put('sessions', held(first));
    const before = await everything(d);
    expectUserError(
      await rejectionOf(cancelBooking(d, first.id, WED)),
      'not-booked',
      'Only a session still to come can be moved or marked.',
    );
    expectUserError(await rejectionOf(cancelBooking(d, 'gone', WED)), 'session-gone');
    expect(await everything(d)).toEqual(before);
  });
});

describe('not a mentoring session', () => {
  it('removes a held call from history with its notes and reflection, undoably', async () => {
    const d = db.get();
    const { m, first } = await seed(WED - DAY);
    const call = held(first, { status: 'reflected' });
    await d.put('sessions', call);
    await savePreNote(d, call, 'mentor', 'About the call', WED - DAY);
    await saveReflection(d, {
      id: `${call.id}:mentor`,
      sessionId: call.id,
      role: 'mentor',
      catalogueVersion: 2,
      answers: { 'mentor.listened': { score: 3 } },
      complete: true,
      updatedAt: WED,
    });
    const next = await bookSession(d, m.id, WED + 6 * DAY, WED);
    const before = await records(d);
    notices.reset();
    const deleted = await removeFromHistory(d, call.id, WED);
    expect(notices.count()).toBe(1);
    expect(deleted.what).toBe('session');
    expect(await records(d)).toEqual({
      mentorships: before.mentorships,
      // The call was the first session: the meeting still to come is the first now.
      sessions: [{ ...next, kind: 'first' }],
      notes: [],
      reflections: [],
    });
    await undoDelete(d, deleted.token, WED + 5_000);
    expect(await records(d)).toEqual(before);
  });

  it('refuses a booking (cancel it instead) and a call still going on', async () => {
    const d = db.get();
    const { first } = await seed(WED + DAY);
    expectUserError(
      await rejectionOf(removeFromHistory(d, first.id, WED)),
      'not-held',
      'This session has not taken place yet: cancel the booking instead.',
    );
    await d.put('sessions', held(first, { status: 'live', endedAt: undefined }));
    const before = await everything(d);
    expectUserError(
      await rejectionOf(removeFromHistory(d, first.id, WED)),
      'session-live',
      'The call of this session is still going on; try again once it has ended.',
    );
    expectUserError(await rejectionOf(removeFromHistory(d, 'gone', WED)), 'session-gone');
    expect(await everything(d)).toEqual(before);
  });
});
