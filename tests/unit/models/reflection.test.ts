import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../lib/db';
import type { Reflection, SessionRecord } from '../../../lib/records';
import { createMentorship } from '../../../lib/repos/mentorships';
import { suggestNextSession } from '../../../lib/schedule';
import { pageJournal } from '../../../lib/storage/journal';
import { toInputValue } from '../../../models/local-time';
import { ReflectionModel } from '../../../models/reflection';
import { clock, DAY, freshDb, MIN, NOW, useLocale } from './setup';

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

const ENDED: Omit<SessionRecord, 'id' | 'mentorshipId'> = {
  kind: 'regular',
  status: 'ended',
  startedAt: NOW - 50 * MIN,
  endedAt: NOW - 5 * MIN,
  actionItems: [
    { id: 'a1', text: 'Draft the roadmap', createdAt: NOW - 40 * MIN },
    { id: 'a2', text: 'Already done', createdAt: NOW - 30 * MIN, doneAt: NOW - 20 * MIN },
    { id: 'a3', text: 'Ask Ben about hiring', createdAt: NOW - 10 * MIN },
  ],
};

/** A mentorship (I am its mentor, meeting every 14 days) with one ended session. */
async function endedSession(extra: Partial<SessionRecord> = {}) {
  const { mentorship } = await createMentorship(
    d,
    { otherName: 'Ana', myRole: 'mentor', cadenceDays: 14, sessionMinutes: 45 },
    NOW - 30 * DAY,
  );
  const session: SessionRecord = {
    ...ENDED,
    id: 'ended-1',
    mentorshipId: mentorship.id,
    ...extra,
  };
  await d.put('sessions', session);
  return { mentorship, session };
}

function modelFor(sessionId: string, time = clock()) {
  const copied: string[] = [];
  const model = new ReflectionModel(sessionId, {
    db: async () => d,
    now: time.now,
    copy: async (text) => {
      copied.push(text);
    },
  });
  return { model, copied, time };
}

const RATINGS = [
  'mentor.responsive',
  'mentor.listened',
  'mentor.committed',
  'mentor.guided',
  'mentor.empathy',
];

async function rateAll(model: ReflectionModel) {
  for (const id of RATINGS) model.answer(id, { score: 4 });
  await model.flush();
}

describe('ReflectionModel', () => {
  it('opens for my role in the mentorship, with the open action items carried forward', async () => {
    const { session } = await endedSession();
    const { model } = modelFor(session.id);
    await model.load();
    expect(model.loaded.value).toBe(true);
    expect(model.role.value).toBe('mentor');
    expect(model.error.value).toBeUndefined();
    expect(model.reflection.value?.answers['session.action-items']).toEqual({
      note: 'Draft the roadmap\nAsk Ben about hiring',
    });
    expect(model.items.value.map((i) => i.question.id)).toEqual([
      ...RATINGS,
      'session.action-items',
      'session.next-date',
      'session.raise-next',
    ]);
    // Nothing is written until an answer is given.
    expect(await d.count('reflections')).toBe(0);
  });

  it('suggests the next session one cadence after this one, as the input shows it', async () => {
    const { session } = await endedSession();
    const { model } = modelFor(session.id);
    await model.load();
    expect(model.suggestedNext.value).toBe(
      toInputValue(suggestNextSession(NOW - 50 * MIN, 14, NOW)),
    );
  });

  it('saves each answer as it is given, and reopens what was saved without carrying again', async () => {
    const { session } = await endedSession();
    const first = modelFor(session.id).model;
    await first.load();
    first.answer('mentor.listened', { score: 3, note: 'Talked too much' });
    first.answer('session.action-items', { note: 'Only this one' });
    await first.flush();
    expect(first.status.value).toBe('saved');
    const stored = await d.get('reflections', `${session.id}:mentor`);
    expect(stored?.answers).toEqual({
      'mentor.listened': { score: 3, note: 'Talked too much' },
      'session.action-items': { note: 'Only this one' },
    });
    first[Symbol.dispose]();

    const again = modelFor(session.id).model;
    await again.load();
    expect(again.reflection.value?.answers).toEqual(stored?.answers);
  });

  it('says what is missing before completing, and writes nothing for it', async () => {
    const { session } = await endedSession();
    const { model } = modelFor(session.id);
    await model.load();
    model.answer('mentor.responsive', { score: 5 });
    await model.flush();
    expect(await model.complete()).toBe(false);
    expect(model.error.value).toBe(t('reflectionIncomplete'));
    expect((await d.get('reflections', `${session.id}:mentor`))?.complete).toBe(false);
    expect((await d.get('sessions', session.id))?.status).toBe('ended');
  });

  it('completes: the session is reflected and the next one is booked at the date chosen', async () => {
    const { session, mentorship } = await endedSession();
    const { model } = modelFor(session.id);
    await model.load();
    await rateAll(model);
    const next = toInputValue(NOW + 13 * DAY);
    model.answer('session.next-date', { note: next });
    expect(await model.complete()).toBe(true);
    expect(model.done.value).toBe(true);
    expect(model.error.value).toBeUndefined();
    expect((await d.get('reflections', `${session.id}:mentor`))?.complete).toBe(true);
    expect((await d.get('sessions', session.id))?.status).toBe('reflected');
    const booked = (await d.getAllFromIndex('sessions', 'byMentorship', mentorship.id)).filter(
      (s) => s.status === 'scheduled',
    );
    // The first session created with the mentorship was undated: the booking dates it.
    expect(booked.map((s) => s.scheduledAt)).toEqual([new Date(next).getTime()]);
  });

  it('keeps the reflection when only the booking is refused, and says why', async () => {
    const { session } = await endedSession();
    const time = clock();
    const { model } = modelFor(session.id, time);
    await model.load();
    await rateAll(model);
    model.answer('session.next-date', { note: toInputValue(NOW + DAY) });
    time.advance(2 * DAY);
    expect(await model.complete()).toBe(true);
    expect(model.error.value).toBe(t('error_time_past'));
    expect((await d.get('sessions', session.id))?.status).toBe('reflected');
  });

  it('refuses a session that does not exist, writing nothing', async () => {
    const { model } = modelFor('gone');
    await model.load();
    expect(model.readOnly.value).toBe(true);
    expect(model.error.value).toBe(t('reflectionGone'));
    model.answer('mentor.responsive', { score: 4 });
    await model.flush();
    expect(await d.count('reflections')).toBe(0);
  });

  it('stops taking answers when the session goes away meanwhile', async () => {
    const { session } = await endedSession();
    const { model } = modelFor(session.id);
    await model.load();
    await d.delete('sessions', session.id);
    model.answer('mentor.responsive', { score: 4 });
    await model.flush();
    expect(model.readOnly.value).toBe(true);
    expect(model.error.value).toBe(t('error_reflection_session_gone'));
    expect(await d.count('reflections')).toBe(0);
  });

  it('leaves a reflection saved by a newer release untouched and read-only', async () => {
    const { session } = await endedSession();
    const future: Reflection = {
      id: `${session.id}:mentor`,
      sessionId: session.id,
      role: 'mentor',
      catalogueVersion: 99,
      answers: { 'mentor.responsive': { score: 5, note: 'from the future' } },
      complete: true,
      updatedAt: 1,
    };
    await d.put('reflections', future);
    const { model } = modelFor(session.id);
    await model.load();
    expect(model.readOnly.value).toBe(true);
    expect(model.error.value).toBe(t('reflectionNewer'));
    expect(model.error.value).toContain('newer version');
    expect(model.reflection.value).toBeUndefined();
    model.answer('mentor.responsive', { score: 1 });
    expect(await model.complete()).toBe(false);
    await model.flush();
    expect(await d.get('reflections', future.id)).toEqual(future);
  });

  it('asks for my role on a call that belongs to no mentorship', async () => {
    await d.put('sessions', { ...ENDED, id: 'ad-hoc', mentorshipId: null, adHoc: true });
    const { model } = modelFor('ad-hoc');
    await model.load();
    expect(model.mentorship.value).toBeUndefined();
    expect(model.role.value).toBe('mentee');
    await model.chooseRole('mentor');
    expect(model.role.value).toBe('mentor');
    expect(model.items.value[0]?.question.id).toBe('mentor.responsive');
  });

  it('skips: the session stops asking for a reflection', async () => {
    const { session } = await endedSession();
    const { model } = modelFor(session.id);
    await model.load();
    await model.skip();
    expect(model.skipped.value).toBe(true);
    expect((await d.get('sessions', session.id))?.reflectionDismissed).toBe(true);
  });
});

describe('the summary', () => {
  async function answered(locale: string) {
    t = useLocale(locale);
    const { session } = await endedSession();
    const { model, copied } = modelFor(session.id);
    await model.load();
    model.answer('mentor.listened', { score: 3, note: 'Talked too much\nnext time: ask more' });
    model.answer('mentor.responsive', { score: 5 });
    await model.flush();
    return { model, copied };
  }

  it('holds only the ticked answers, in the order of the form, under the words it shows', async () => {
    const { model, copied } = await answered('en');
    expect(model.summaryItems.value.map((i) => i.question.id)).toEqual([
      'mentor.responsive',
      'mentor.listened',
      'session.action-items',
    ]);
    model.tick('mentor.listened', true);
    model.tick('mentor.responsive', true);
    const date = new Date(NOW - 50 * MIN).toLocaleDateString();
    expect(model.summary.value).toBe(
      [
        `My reflection as mentor on our session with Ana on ${date}`,
        'Was I responsive? 5/5',
        'Did I listen? 3/5\n  Talked too much\n  next time: ask more',
      ].join('\n\n'),
    );
    model.tick('mentor.responsive', false);
    expect(model.summary.value).not.toContain('responsive');
    await model.copySummary();
    expect(copied).toEqual([model.summary.value]);
    expect(model.copied.value).toBe(true);
  });

  it('is written in the UI language, with the question labels the form shows', async () => {
    const { model } = await answered('de');
    model.tick('mentor.listened', true);
    const listened = model.items.value.find((i) => i.question.id === 'mentor.listened');
    expect(listened?.labels.text).toBe(t('q_mentor_listened'));
    const [header, block] = model.summary.value.split('\n\n');
    expect(header).toMatch(/^Meine Reflexion als Mentor zu unserer Session mit Ana am /);
    expect(block?.split('\n')[0]).toBe(`${t('q_mentor_listened')} 3/5`);
    expect(model.summary.value).not.toContain('Did I listen');
  });
});

describe('two views of one reflection', () => {
  it('keeps the answers each view gave (the panel and a "Reflect now" tab)', async () => {
    const { session } = await endedSession();
    const panel = modelFor(session.id).model;
    const tab = modelFor(session.id).model;
    await panel.load();
    await tab.load();
    panel.answer('mentor.listened', { score: 4 });
    tab.answer('mentor.empathy', { score: 5 });
    await vi.waitFor(() =>
      expect([panel.status.value, tab.status.value]).toEqual(['saved', 'saved']),
    );
    const stored = (await d.get('reflections', `${session.id}:mentor`)) as Reflection;
    expect(stored.answers['mentor.listened']).toMatchObject({ score: 4 });
    expect(stored.answers['mentor.empathy']).toMatchObject({ score: 5 });
    // The carried-forward action items went with the first answer.
    expect(stored.answers['session.action-items']?.note).toContain('Draft the roadmap');
  });

  it('shows a failed write, keeps the answer and does not say saved', async () => {
    const { session } = await endedSession();
    const { model } = modelFor(session.id);
    await model.load();
    const put = vi.spyOn(d, 'transaction').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    model.answer('mentor.listened', { score: 4 });
    await vi.waitFor(() => expect(model.status.value).toBe('failed'));
    expect(model.error.value).toBe(t('error_storage_full'));
    expect(model.readOnly.value).toBe(false);
    expect(model.reflection.value?.answers['mentor.listened']).toMatchObject({ score: 4 });
    put.mockRestore();
  });
});

describe('the typing journal', () => {
  it('gives again on the next open an answer typed but not written when the page went', async () => {
    const { session } = await endedSession();
    const map = new Map<string, string>();
    const journal = pageJournal({
      getItem: (k) => map.get(k) ?? null,
      setItem: (k, v) => void map.set(k, v),
      removeItem: (k) => void map.delete(k),
    });
    journal.write(
      `${session.id}:mentor:mentor.listened`,
      JSON.stringify({ score: 4, note: 'Kept' }),
    );
    const model = new ReflectionModel(session.id, { db: async () => d, now: clock().now, journal });
    await model.load();
    expect(model.reflection.value?.answers['mentor.listened']).toMatchObject({ note: 'Kept' });
    await vi.waitFor(() => expect(model.status.value).toBe('saved'));
    const stored = (await d.get('reflections', `${session.id}:mentor`)) as Reflection;
    expect(stored.answers['mentor.listened']).toMatchObject({ score: 4, note: 'Kept' });
    expect(map.size).toBe(0);
  });
});
