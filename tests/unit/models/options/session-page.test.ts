import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../../lib/db';
import { savePreNote } from '../../../../lib/repos/notes';
import { changeReflection } from '../../../../lib/repos/reflections';
import { DAY, freshDb, NOW, useLocale } from '../setup';
import { heldIn, mentorshipIn, page } from './page';

let d: Db;
let t: ReturnType<typeof useLocale>;
beforeEach(async () => {
  d = await freshDb();
  t = useLocale('en');
});
afterEach(() => {
  d.close();
  vi.restoreAllMocks();
});

async function threeHeld() {
  const m = await mentorshipIn(d, 'Ana', { at: NOW - 40 * DAY });
  const first = await heldIn(d, m.id, NOW - 28 * DAY, {
    kind: 'first',
    topic: { text: 'Discovery interviews', by: 'mentee', at: NOW - 29 * DAY, history: [] },
    actionItems: [
      { id: 'a1', text: 'Book five interviews', createdAt: NOW - 28 * DAY, doneAt: NOW - 20 * DAY },
      { id: 'a2', text: 'Draft the script', createdAt: NOW - 28 * DAY },
    ],
    focus: { awayMs: 60_000, count: 2, longestMs: 45_000, presentShare: 0.97 },
  });
  const second = await heldIn(d, m.id, NOW - 14 * DAY, {
    topic: { text: 'Stakeholders', by: 'mentor', at: NOW - 15 * DAY, history: [] },
  });
  const third = await heldIn(d, m.id, NOW - 1 * DAY);
  return { m, first, second, third };
}

describe('SessionPageModel', () => {
  it('opens a session from its address: topic by whom, notes, action items, focus, neighbours', async () => {
    const { first, second } = await threeHeld();
    await savePreNote(d, first, 'mentee', 'I am nervous about the first call', NOW - 29 * DAY);
    await savePreNote(d, first, 'mentor', 'Ask about the persona', NOW - 29 * DAY);
    const { model } = page(d);
    model.select({ page: 'session', id: first.id });
    await model.load();
    const sp = model.sessionPage;
    await sp.refresh();
    const p = sp.page.value;
    expect(model.view.value).toEqual({ page: 'session', id: first.id });
    expect(model.selected.value?.otherName).toBe('Ana');
    expect(p?.session.topic?.text).toBe('Discovery interviews');
    // I am the mentee (mentorshipIn): the topic was mine.
    expect(sp.proposedByMe.value).toBe(true);
    expect(p?.notes.mine?.text).toBe('I am nervous about the first call');
    expect(p?.notes.theirs?.text).toBe('Ask about the persona');
    expect(p?.actionItems.done.map((a) => a.id)).toEqual(['a1']);
    expect(p?.actionItems.carriedForward.map((a) => a.id)).toEqual(['a2']);
    expect(p?.focus?.presentShare).toBe(0.97);
    expect(p?.previousId).toBeUndefined();
    expect(p?.nextId).toBe(second.id);

    model.select({ page: 'session', id: second.id });
    await sp.refresh();
    expect(sp.proposedByMe.value).toBe(false);
    expect(sp.page.value?.previousId).toBe(first.id);
  });

  it('reopens a completed reflection; the change is kept with when, the old version too', async () => {
    const { m, second } = await threeHeld();
    await changeReflection(
      d,
      {
        sessionId: second.id,
        role: m.myRole,
        catalogueVersion: 2,
        answers: { 'mentee.satisfied': { score: 3, note: 'Too rushed' } },
        complete: true,
      },
      NOW - 13 * DAY,
    );
    const { model, time } = page(d);
    model.select({ page: 'session', id: second.id });
    await model.load();
    const sp = model.sessionPage;
    await sp.refresh();
    expect(sp.answers.value).toEqual([
      {
        id: 'mentee.satisfied',
        text: expect.any(String),
        answer: { score: 3, note: 'Too rushed' },
      },
    ]);
    expect(await sp.reopen()).toBe(true);
    expect(sp.page.value?.reflection).toMatchObject({ complete: false, reopenedAt: NOW });
    // Changed elsewhere (the reflection tab), completed again: the page follows.
    time.advance(60_000);
    await changeReflection(
      d,
      {
        sessionId: second.id,
        role: m.myRole,
        catalogueVersion: 2,
        answers: { 'mentee.satisfied': { score: 4, note: 'Fine on second thought' } },
        complete: true,
      },
      time.now(),
    );
    await model.load();
    const r = sp.page.value?.reflection;
    expect(r).toMatchObject({ complete: true, updatedAt: NOW + 60_000, reopenedAt: NOW });
    expect(r?.history).toEqual([
      {
        answers: { 'mentee.satisfied': { score: 3, note: 'Too rushed' } },
        completedAt: NOW - 13 * DAY,
      },
    ]);
    expect(sp.answers.value[0]?.answer.score).toBe(4);
  });

  it('deletes the topic and my notes undoably; a session deleted elsewhere says so', async () => {
    const { first } = await threeHeld();
    await savePreNote(d, first, 'mentee', 'Mine', NOW - 29 * DAY);
    const { model } = page(d);
    model.select({ page: 'session', id: first.id });
    await model.load();
    const sp = model.sessionPage;
    await sp.clearTopic();
    expect(sp.page.value?.session.topic).toBeUndefined();
    expect(model.undo.bar.value).toMatchObject({ label: 'Topic deleted.' });
    await sp.clearMyNote();
    expect(sp.page.value?.notes.mine).toBeUndefined();
    expect(model.undo.bar.value).toMatchObject({ label: 'Note deleted.' });
    await model.undo.undo();
    expect(sp.page.value?.notes.mine?.text).toBe('Mine');

    await d.delete('sessions', first.id);
    await model.load();
    expect(sp.page.value).toBeUndefined();
    expect(sp.error.value).toBe(t('error_session_gone'));
  });
});
