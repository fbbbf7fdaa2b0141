// The period review's model on the Mentorships page: when it is offered by itself, what it
// counts from the records, and what leaves the device when the user shares it (only the ticked
// parts, as Markdown or a share pack).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../../lib/db';
import type { Mentorship, Reflection, SessionRecord } from '../../../../lib/records';
import { addGoal, setGoalDone, updateMentorship } from '../../../../lib/repos/mentorships';
import { bookSession } from '../../../../lib/repos/sessions';
import { REVIEW_PARTS, type ReviewPart } from '../../../../lib/rules/review';
import { decodePack } from '../../../../lib/share/message';
import { DAY, freshDb, NOW, useLocale } from '../setup';
import { heldIn, mentorshipIn, page } from './page';

let d: Db;
let t: ReturnType<typeof useLocale>;
let clipboard: string[];
beforeEach(async () => {
  d = await freshDb();
  t = useLocale('en');
  clipboard = [];
  useClipboard(async (text: string) => {
    clipboard.push(text);
  });
});
afterEach(() => {
  d.close();
  vi.restoreAllMocks();
  delete (navigator as { clipboard?: unknown }).clipboard;
});

/** The page's clipboard (Node has none); not vi.stubGlobal, whose undoing takes `browser` too. */
function useClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
}

const agreement = (m: Mentorship, extra: Partial<Mentorship['agreement']>) =>
  updateMentorship(d, m.id, {
    otherName: m.otherName,
    myRole: m.myRole,
    agreement: { ...m.agreement, ...extra },
  });

async function goals(m: Mentorship, texts: string[], reached: number) {
  for (const [i, text] of texts.entries()) await addGoal(d, m.id, text, NOW - (50 - i) * DAY);
  const all = (await d.get('mentorships', m.id))?.goals ?? [];
  for (const g of all.slice(0, reached)) await setGoalDone(d, m.id, g.id, true, NOW - 3 * DAY);
}

const reflection = (
  s: SessionRecord,
  answers: Reflection['answers'],
  role: Reflection['role'] = 'mentee',
): Reflection => ({
  id: `${s.id}:${role}`,
  sessionId: s.id,
  role,
  catalogueVersion: 2,
  answers,
  complete: true,
  updatedAt: (s.endedAt ?? 0) + DAY,
});

/** Ana's mentorship: three sessions held a fortnight apart from 8 weeks ago, one booked. */
async function threeHeld() {
  const m = await mentorshipIn(d, 'Ana', { cadenceDays: 14, at: NOW - 60 * DAY });
  const item = (id: string, text: string, done: boolean, at: number) => ({
    id,
    text,
    createdAt: at,
    ...(done ? { doneAt: at + DAY } : {}),
  });
  const s1 = await heldIn(d, m.id, NOW - 56 * DAY, {
    kind: 'first',
    status: 'reflected',
    topic: { text: 'Goals for the quarter', by: 'mentee', at: NOW - 57 * DAY, history: [] },
    actionItems: [
      item('a1', 'Pick two goals', true, NOW - 56 * DAY),
      item('a2', 'List the decisions I took', false, NOW - 56 * DAY),
    ],
  });
  const s2 = await heldIn(d, m.id, NOW - 42 * DAY, {
    status: 'reflected',
    actionItems: [item('a3', 'Set up the metrics review', true, NOW - 42 * DAY)],
  });
  const s3 = await heldIn(d, m.id, NOW - 14 * DAY, {
    status: 'reflected',
    topic: { text: 'Saying no to a VP', by: 'mentor', at: NOW - 15 * DAY, history: [] },
    actionItems: [item('a4', 'Ask the VP for 20 minutes', false, NOW - 14 * DAY)],
  });
  await bookSession(d, m.id, NOW + 7 * DAY, NOW);
  for (const [s, score, note] of [
    [s1, 2, undefined],
    [s2, 3, undefined],
    [s3, 5, 'Start from the decision the room has to take.'],
  ] as const) {
    await d.put(
      'reflections',
      reflection(s, {
        'mentee.valuable': { score },
        ...(note ? { 'last.takeaways': { note }, 'last.whats-next': { note: '   ' } } : {}),
      }),
    );
  }
  // The mentor's answers on the same call are not this user's: never in their review.
  await d.put(
    'reflections',
    reflection(s3, { 'last.takeaways': { note: 'Mentor only' } }, 'mentor'),
  );
  return { m, s1, s2, s3 };
}

async function openReview(m: Mentorship) {
  const { model } = page(d);
  await model.load();
  model.select({ page: 'review', id: m.id });
  return model;
}

describe('ReviewModel: when the review is offered', () => {
  it.each([
    [
      'a time-framed mentorship past its last day',
      async (m: Mentorship) => agreement(m, { type: 'time-framed', endsOn: '2026-10-31' }),
      'ended',
    ],
    [
      'a time-framed mentorship on its last day is not over yet',
      async (m: Mentorship) => agreement(m, { type: 'time-framed', endsOn: '2026-11-03' }),
      undefined,
    ],
    [
      'every goal reached',
      async (m: Mentorship) => goals(m, ['Lead a review', 'Say no kindly'], 2),
      'goals',
    ],
    [
      'one goal still open',
      async (m: Mentorship) => goals(m, ['Lead a review', 'Say no kindly'], 1),
      undefined,
    ],
    ['no goals and no end: only by hand', async () => undefined, undefined],
  ] as const)('%s', async (_what, arrange, due) => {
    const m = await mentorshipIn(d, 'Ana', { at: NOW - 60 * DAY });
    await arrange(m);
    const { model } = page(d);
    await model.load();
    model.select({ page: 'mentorship', id: m.id });
    expect(model.review.due.value).toBe(due);
    model.select({ page: 'review', id: m.id });
    expect(model.review.review.value?.reason).toBe(due ?? 'manual');
  });

  it('looks back on an ended period up to its last day, not up to today', async () => {
    const m = await mentorshipIn(d, 'Ana', { at: NOW - 60 * DAY });
    await heldIn(d, m.id, NOW - 40 * DAY);
    await agreement(m, { type: 'time-framed', endsOn: '2026-10-20' });
    const review = (await openReview(m)).review.review.value;
    expect(review?.from).toBe(NOW - 40 * DAY);
    expect(review?.to).toBe(Date.parse('2026-10-20T23:59:59Z'));
  });

  it('is open only for a mentorship that exists, and shows nothing for none', async () => {
    const m = await mentorshipIn(d, 'Ana');
    const { model } = page(d);
    await model.load();
    model.select({ page: 'review', id: 'gone' });
    expect(model.review.review.value).toBeUndefined();
    expect(model.review.markdown.value).toBeUndefined();
    expect(model.review.pack.value).toBeUndefined();
    expect(model.review.mail.value).toEqual({});
    expect(model.review.markdownFile()).toBeUndefined();
    await model.review.copyMarkdown();
    await model.review.copyPack();
    expect(clipboard).toEqual([]);
    model.select({ page: 'review', id: m.id });
    expect(model.review.review.value?.otherName).toBe('Ana');
  });

  it('follows the records as they change: a goal reached makes it due', async () => {
    const m = await mentorshipIn(d, 'Ana');
    await goals(m, ['Lead a review'], 0);
    const { model } = page(d);
    await model.load();
    model.select({ page: 'mentorship', id: m.id });
    expect(model.review.due.value).toBeUndefined();
    const goal = model.selected.value?.goals[0];
    await setGoalDone(d, m.id, goal?.id ?? '', true, NOW);
    await model.load();
    expect(model.review.due.value).toBe('goals');
  });
});

describe('ReviewModel: what it counts', () => {
  it('counts sessions held against the cadence, goals and action items done', async () => {
    const { m, s1, s2, s3 } = await threeHeld();
    await goals(m, ['Lead a review', 'Say no kindly', 'Read the metrics weekly'], 2);
    const r = (await openReview(m)).review.review.value;
    // One session a fortnight from the first held, 8 weeks ago, to today: five planned.
    expect(r?.cadence).toEqual({ held: 3, planned: 5, cadenceDays: 14 });
    expect(r?.goals.done.map((g) => g.text)).toEqual(['Lead a review', 'Say no kindly']);
    expect(r?.goals.open.map((g) => g.text)).toEqual(['Read the metrics weekly']);
    expect(r?.actionItems).toEqual({
      done: 2,
      total: 4,
      open: [
        { text: 'List the decisions I took', at: s1.startedAt },
        { text: 'Ask the VP for 20 minutes', at: s3.startedAt },
      ],
    });
    // Held sessions only, oldest first; the booking is not one.
    expect(r?.sessions.map((s) => [s.id, s.topic, s.actionItems])).toEqual([
      [s1.id, 'Goals for the quarter', { done: 1, total: 2 }],
      [s2.id, undefined, { done: 1, total: 1 }],
      [s3.id, 'Saying no to a VP', { done: 0, total: 1 }],
    ]);
  });

  it('gives the answers over time, and the last session’s closing answers of this user', async () => {
    const { m, s3 } = await threeHeld();
    const r = (await openReview(m)).review.review.value;
    const valuable = r?.ratings.find((x) => x.question.id === 'mentee.valuable');
    expect(valuable?.points.map((p) => p.value)).toEqual([2, 3, 5]);
    expect(valuable?.average).toBeCloseTo(10 / 3);
    expect(r?.last).toEqual({
      sessionId: s3.id,
      at: s3.startedAt,
      answers: { 'last.takeaways': 'Start from the decision the room has to take.' },
    });
  });

  it('has no closing answers when the last session held has none', async () => {
    const m = await mentorshipIn(d, 'Ana');
    const s = await heldIn(d, m.id, NOW - 2 * DAY);
    await d.put('reflections', reflection(s, { 'mentee.valuable': { score: 4 } }));
    expect((await openReview(m)).review.review.value?.last).toBeUndefined();
  });
});

describe('ReviewModel: sharing what the user ticks', () => {
  it('starts with every part ticked, in the UI language', async () => {
    useLocale('de');
    const { m } = await threeHeld();
    const model = await openReview(m);
    expect(model.review.pick.value).toEqual(Object.fromEntries(REVIEW_PARTS.map((p) => [p, true])));
    const text = model.review.markdown.value ?? '';
    expect(text.startsWith('# Rückblick')).toBe(true);
    expect(text).toContain('- [ ] Ask the VP for 20 minutes');
    expect(model.review.markdownFile()).toEqual({ name: 'review-ana.md', text });
  });

  // Each part's words, as the Markdown shows them when that part is ticked.
  const marks: Record<ReviewPart, (tr: typeof t) => string> = {
    cadence: (tr) => tr('reviewHeld', ['3', '5', '14']),
    goals: (tr) => tr('reviewGoalsSummary', ['1', '2']),
    actionItems: (tr) => tr('reviewItemsSummary', ['2', '4']),
    ratings: (tr) => tr('q_mentee_valuable'),
    last: () => 'Start from the decision the room has to take.',
    sessions: () => 'Saying no to a VP',
  };

  it.each(REVIEW_PARTS)(
    'leaves out “%s” when it is unticked, in Markdown and in the pack',
    async (part) => {
      const { m } = await threeHeld();
      await goals(m, ['Lead a review', 'Say no kindly'], 1);
      const model = await openReview(m);
      const review = model.review;
      const mark = marks[part](t);
      expect(mark).not.toBe('');
      expect(review.markdown.value).toContain(mark);
      expect(review.pack.value?.summary).toContain(mark);

      await review.copyMarkdown();
      expect(review.copied.value).toBe('markdown');
      review.setPart(part, false);
      expect(review.copied.value).toBeUndefined();
      expect(review.markdown.value).not.toContain(mark);
      expect(review.pack.value?.summary).not.toContain(mark);
      // The other parts are still there.
      for (const other of REVIEW_PARTS.filter((p) => p !== part)) {
        expect(review.markdown.value).toContain(marks[other](t));
      }
      review.setPart(part, true);
      expect(review.markdown.value).toContain(mark);
    },
  );

  it('copies the Markdown and the pack as they are, the pack readable by the importer', async () => {
    const { m } = await threeHeld();
    const model = await openReview(m);
    const review = model.review;
    review.setPart('ratings', false);
    await review.copyMarkdown();
    await review.copyPack();
    expect(review.copied.value).toBe('pack');
    expect(review.error.value).toBeUndefined();
    expect(clipboard[0]).toBe(review.markdown.value);
    const pack = decodePack(clipboard[1] ?? '');
    expect(pack).toMatchObject({
      kind: 'summary',
      from: 'mentee',
      topic: '',
      notes: '',
      createdAt: new Date(NOW).toISOString(),
      mentorship: { id: m.id, mentorName: 'Ana' },
      summary: review.pack.value?.summary,
    });
    expect(pack.summary).not.toContain(t('q_mentee_valuable'));
    expect(review.mail.value.url?.startsWith('mailto:?subject=')).toBe(true);
  });

  it('says why the clipboard refused, and marks nothing copied', async () => {
    const { m } = await threeHeld();
    useClipboard(async () => {
      throw new DOMException('Document is not focused.', 'NotAllowedError');
    });
    // describeError logs what it could not name; the sentence is what the user sees.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const model = await openReview(m);
    await model.review.copyMarkdown();
    expect(model.review.copied.value).toBeUndefined();
    expect(model.review.error.value).toBeTruthy();
    expect(model.review.error.value).not.toContain('NotAllowedError');
    // Opening the review again clears the sentence.
    model.select({ page: 'review', id: m.id });
    expect(model.review.error.value).toBeUndefined();
  });

  it('names the other side as the mentee when this user mentors, by the pair’s id', async () => {
    const m = await mentorshipIn(d, 'Bo');
    await updateMentorship(d, m.id, { otherName: 'Bo', myRole: 'mentor', agreement: m.agreement });
    await d.put('mentorships', {
      ...(await d.get('mentorships', m.id)),
      pairId: 'pair-1',
    } as Mentorship);
    const model = await openReview(m);
    expect(model.review.pack.value?.mentorship).toEqual({ id: 'pair-1', menteeName: 'Bo' });
    expect(model.review.pack.value?.from).toBe('mentor');
  });
});
