import { describe, expect, it } from 'vitest';
import type { Reflection, Role, SessionKind } from '../../lib/records';
import {
  CATALOGUE_VERSION,
  type Catalogue,
  catalogues,
  checkVersion,
  isComplete,
  newReflection,
  type Question,
  questionsFor,
  setAnswer,
  summaryText,
  viewReflection,
} from '../../lib/reflection';

const NOW = 1_741_000_000_000;
const ROLES: Role[] = ['mentor', 'mentee'];
const KINDS: SessionKind[] = ['regular', 'first', 'last'];
const ROLE_KIND = ROLES.flatMap((role) => KINDS.map((kind) => [role, kind] as const));
const versions = Object.keys(catalogues).map(Number);
const allCatalogues: Catalogue[] = versions.map((v) => catalogues[v] as Catalogue);

const MENTOR_RATINGS = [
  'mentor.responsive',
  'mentor.listened',
  'mentor.committed',
  'mentor.guided',
  'mentor.empathy',
];
const MENTEE_RATINGS = ['mentee.satisfied', 'mentee.valuable', 'mentee.goal-progress'];
const FIRST = ['first.introductions', 'first.goals', 'first.commitments'];
const LAST = ['last.takeaways', 'last.retrospective', 'last.whats-next'];
const EVERY = ['session.action-items', 'session.next-date', 'session.raise-next'];

const ids = (qs: Question[]) => qs.map((q) => q.id);

function question(id: string, version = CATALOGUE_VERSION): Question {
  const q = catalogues[version]?.questions.find((x) => x.id === id);
  if (!q) throw new Error(`test setup: no ${id} in v${version}`);
  return q;
}

function reflection(role: Role, answers: Reflection['answers'], version = CATALOGUE_VERSION) {
  return { ...newReflection('s1', role, NOW), catalogueVersion: version, answers };
}

function answerAll(role: Role, kind: SessionKind, version = CATALOGUE_VERSION): Reflection {
  let r = reflection(role, {}, version);
  for (const q of questionsFor(role, kind, version)) {
    if (q.type === 'rating') r = setAnswer(r, q.id, { score: 4 }, NOW);
  }
  return r;
}

describe('catalogues', () => {
  it('are numbered 1..CATALOGUE_VERSION with no gaps, each knowing its own version', () => {
    expect(CATALOGUE_VERSION).toBe(2);
    expect(versions).toEqual([1, 2]);
    for (const v of versions) expect(catalogues[v]?.version).toBe(v);
  });

  it.each(allCatalogues.map((c) => [c.version, c] as const))(
    'v%i has unique ids and keys, and well-formed questions',
    (_v, c) => {
      const qs = c.questions;
      expect(new Set(qs.map((q) => q.id)).size).toBe(qs.length);
      expect(new Set(qs.map((q) => q.key)).size).toBe(qs.length);
      for (const q of qs) {
        expect(q.id).toMatch(/^(mentor|mentee|first|last|session)\.[a-z-]+$/);
        expect(q.key).toMatch(/^q_[a-z0-9_]+$/);
        expect(q.text.length).toBeGreaterThan(0);
        expect(q.text.length).toBeLessThanOrEqual(50); // answered in under a minute
        expect(q.roles.length).toBeGreaterThan(0);
        expect(q.kinds.length).toBeGreaterThan(0);
        if (q.type === 'rating') {
          expect(q.low).toBeTruthy();
          expect(q.high).toBeTruthy();
        } else {
          expect(q.low).toBeUndefined();
          expect(q.high).toBeUndefined();
        }
      }
    },
  );

  it('keeps every id stable: the same id never changes type, roles or kinds', () => {
    const seen = new Map<string, Question>();
    for (const c of allCatalogues) {
      for (const q of c.questions) {
        const before = seen.get(q.id);
        if (before) {
          expect({ id: q.id, type: q.type, roles: q.roles, kinds: q.kinds }).toEqual({
            id: before.id,
            type: before.type,
            roles: before.roles,
            kinds: before.kinds,
          });
        }
        seen.set(q.id, q);
      }
    }
  });

  it('gives one wording per i18n key across versions (a reworded question gets a new key)', () => {
    const textByKey = new Map<string, string>();
    for (const q of allCatalogues.flatMap((c) => c.questions)) {
      const text = textByKey.get(q.key);
      if (text !== undefined) expect(q.text).toBe(text);
      textByKey.set(q.key, q.text);
    }
  });

  it('v2 evolves v1: rewords two, adds one, retires one', () => {
    const v1 = new Map(catalogues[1]?.questions.map((q) => [q.id, q]));
    const v2 = new Map(catalogues[2]?.questions.map((q) => [q.id, q]));
    expect([...v2.keys()].filter((id) => !v1.has(id))).toEqual(['mentor.empathy']);
    expect([...v1.keys()].filter((id) => !v2.has(id))).toEqual(['mentee.prepared']);
    const reworded = [...v2.values()].filter((q) => v1.has(q.id) && v1.get(q.id)?.text !== q.text);
    expect(ids(reworded)).toEqual(['mentor.guided', 'mentee.goal-progress']);
  });

  it('the current ids are exactly the published ones', () => {
    expect(ids(catalogues[CATALOGUE_VERSION]?.questions.slice() ?? []).sort()).toEqual(
      [...MENTOR_RATINGS, ...MENTEE_RATINGS, ...FIRST, ...LAST, ...EVERY].sort(),
    );
  });

  it('cannot be changed at run time', () => {
    const q = question('mentor.responsive');
    expect(() => {
      (q as { text: string }).text = 'changed';
    }).toThrow();
    expect(() => (q.roles as Role[]).push('mentee')).toThrow();
  });
});

describe('questionsFor', () => {
  it.each([
    ['mentor', 'regular', [...MENTOR_RATINGS, ...EVERY]],
    ['mentor', 'first', [...MENTOR_RATINGS, ...FIRST, ...EVERY]],
    ['mentor', 'last', [...MENTOR_RATINGS, ...LAST, ...EVERY]],
    ['mentee', 'regular', [...MENTEE_RATINGS, ...EVERY]],
    ['mentee', 'first', [...MENTEE_RATINGS, ...FIRST, ...EVERY]],
    ['mentee', 'last', [...MENTEE_RATINGS, ...LAST, ...EVERY]],
  ] as const)('%s after a %s session, in display order', (role, kind, expected) => {
    expect(ids(questionsFor(role, kind))).toEqual(expected);
  });

  it.each(ROLE_KIND)('%s / %s never gets the other role’s ratings', (role, kind) => {
    const other = role === 'mentor' ? 'mentee.' : 'mentor.';
    for (const v of versions) {
      const qs = questionsFor(role, kind, v);
      expect(qs.filter((q) => q.id.startsWith(other))).toEqual([]);
      for (const q of qs) expect(q.roles).toContain(role);
    }
  });

  it.each(versions.flatMap((v) => ROLE_KIND.map(([role, kind]) => [v, role, kind] as const)))(
    'v%i %s / %s: ratings, then the kind’s extras, then every-session items',
    (v, role, kind) => {
      const section = (q: Question) =>
        q.kinds.length < KINDS.length ? 1 : q.type === 'rating' ? 0 : 2;
      const sections = questionsFor(role, kind, v).map(section);
      expect(sections).toEqual([...sections].sort((a, b) => a - b));
      expect(sections).toContain(2);
    },
  );

  it('regular sessions show no first- or last-session extras', () => {
    for (const role of ROLES) {
      expect(questionsFor(role, 'regular').filter((q) => q.kinds.length < 3)).toEqual([]);
    }
  });

  it('every session asks for action items, the next date and what to raise, by type', () => {
    for (const [role, kind] of ROLE_KIND) {
      const types = questionsFor(role, kind).map((q) => q.type);
      expect(types).toContain('action-items');
      expect(types).toContain('next-date');
      expect(types).toContain('text');
    }
  });

  it('the mentee goal question shows the goal', () => {
    expect(question('mentee.goal-progress').showsGoal).toBe(true);
    expect(questionsFor('mentor', 'regular').some((q) => q.showsGoal)).toBe(false);
  });

  it('serves older catalogues for history', () => {
    expect(ids(questionsFor('mentee', 'regular', 1))).toContain('mentee.prepared');
    expect(ids(questionsFor('mentor', 'regular', 1))).not.toContain('mentor.empathy');
  });

  it('returns a fresh array each call', () => {
    const a = questionsFor('mentor', 'regular');
    a.pop();
    expect(questionsFor('mentor', 'regular')).toHaveLength(MENTOR_RATINGS.length + EVERY.length);
  });
});

describe('checkVersion', () => {
  it.each([1, 2])('accepts %s', (v) => {
    expect(() => checkVersion(v)).not.toThrow();
  });

  it.each([3, 99])('refuses future version %s with one clear sentence', (v) => {
    expect(() => checkVersion(v)).toThrow(
      'This reflection was saved by a newer version of Mentor Companion; update the extension to open it. Nothing was changed.',
    );
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '2' as unknown as number])(
    'refuses malformed version %s',
    (v) => {
      expect(() => checkVersion(v)).toThrow(/unreadable catalogue version.*nothing was changed\.$/);
    },
  );

  it('is applied by every function that reads a reflection', () => {
    const future = { ...newReflection('s1', 'mentor', NOW), catalogueVersion: 3 };
    const msg = /newer version of Mentor Companion/;
    expect(() => questionsFor('mentor', 'regular', 3)).toThrow(msg);
    expect(() => viewReflection(future, 'regular')).toThrow(msg);
    expect(() => setAnswer(future, 'mentor.responsive', { score: 3 }, NOW)).toThrow(msg);
    expect(() => isComplete(future, 'regular')).toThrow(msg);
    expect(() => summaryText(future, 'regular', ['mentor.responsive'], {})).toThrow(msg);
  });
});

describe('newReflection', () => {
  it.each(ROLES)('starts an empty %s reflection on the current catalogue', (role) => {
    expect(newReflection('sess-7', role, NOW)).toEqual({
      id: `sess-7:${role}`,
      sessionId: 'sess-7',
      role,
      catalogueVersion: CATALOGUE_VERSION,
      answers: {},
      complete: false,
      updatedAt: NOW,
    });
  });

  it('refuses an empty session id', () => {
    expect(() => newReflection('', 'mentor', NOW)).toThrow(
      'A reflection needs the id of its session.',
    );
  });
});

describe('setAnswer', () => {
  const base = newReflection('s1', 'mentor', NOW);

  it('sets a score and a note without changing the input', () => {
    const r1 = setAnswer(base, 'mentor.listened', { score: 4 }, NOW + 1);
    const r2 = setAnswer(r1, 'mentor.listened', { note: '  talked too much  \n' }, NOW + 2);
    expect(base.answers).toEqual({});
    expect(base.updatedAt).toBe(NOW);
    expect(r1.answers).toEqual({ 'mentor.listened': { score: 4 } });
    expect(r2.answers).toEqual({ 'mentor.listened': { score: 4, note: '  talked too much  \n' } });
    expect(r2.updatedAt).toBe(NOW + 2);
    expect(r2.complete).toBe(false);
  });

  it.each([
    ['clears a score with undefined', { score: undefined }, { note: 'n' }],
    ['clears a note with an empty string', { note: '' }, { score: 3 }],
    ['keeps a whitespace note as typed', { note: ' ' }, { score: 3, note: ' ' }],
    ['changes only what the patch names', { score: 5 }, { score: 5, note: 'n' }],
  ] as const)('%s', (_name, patch, expected) => {
    const r = setAnswer(base, 'mentor.responsive', { score: 3, note: 'n' }, NOW);
    expect(setAnswer(r, 'mentor.responsive', patch, NOW).answers['mentor.responsive']).toEqual(
      expected,
    );
  });

  it('drops an answer left empty', () => {
    const r = setAnswer(base, 'mentor.responsive', { score: 3 }, NOW);
    expect(setAnswer(r, 'mentor.responsive', { score: undefined }, NOW).answers).toEqual({});
  });

  it.each([1, 2, 3, 4, 5])('accepts score %i', (score) => {
    expect(setAnswer(base, 'mentor.committed', { score }, NOW).answers['mentor.committed']).toEqual(
      { score },
    );
  });

  it.each([0, 6, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, '3' as unknown as number])(
    'refuses score %s',
    (score) => {
      expect(() => setAnswer(base, 'mentor.committed', { score }, NOW)).toThrow(
        /^A rating must be a whole number from 1 to 5, not .+\.$/,
      );
    },
  );

  it.each([
    [
      'an unknown id',
      'mentor.nope',
      { score: 3 },
      'There is no reflection question with the id "mentor.nope".',
    ],
    [
      'the other role’s question',
      'mentee.satisfied',
      { score: 3 },
      'The question "mentee.satisfied" is not asked of a mentor.',
    ],
    [
      'a score on a text question',
      'session.raise-next',
      { score: 3 },
      'Only rating questions take a score, and "session.raise-next" is not one.',
    ],
    [
      'a note that is not text',
      'mentor.responsive',
      { note: 3 as unknown as string },
      'A note must be text.',
    ],
    [
      'a next date that is not a date',
      'session.next-date',
      { note: 'next tue' },
      'The next session\'s date must be a date such as 2025-03-14, not "next tue".',
    ],
    ['an impossible date', 'session.next-date', { note: '2025-02-29' }, /2025-02-29/],
    ['a bad month', 'session.next-date', { note: '2025-13-01' }, /2025-13-01/],
  ] as const)('refuses %s', (_name, id, patch, message) => {
    expect(() => setAnswer(base, id, patch, NOW)).toThrow(message);
  });

  it.each(['2025-03-14', '2024-02-29', '2025-03-14T09:30', ''])('accepts next date %j', (note) => {
    expect(() => setAnswer(base, 'session.next-date', { note }, NOW)).not.toThrow();
  });

  it('lets an old reflection edit the retired question it has, but a new one cannot answer it', () => {
    const old = reflection('mentee', { 'mentee.prepared': { score: 2 } }, 1);
    const edited = setAnswer(old, 'mentee.prepared', { note: 'skimmed' }, NOW);
    expect(edited.answers['mentee.prepared']).toEqual({ score: 2, note: 'skimmed' });
    expect(edited.catalogueVersion).toBe(1);
    expect(() => setAnswer(reflection('mentee', {}), 'mentee.prepared', { score: 3 }, NOW)).toThrow(
      'The question "mentee.prepared" is no longer asked, so it cannot take a new answer.',
    );
  });

  it('lets an old reflection answer a question added since', () => {
    const old = reflection('mentor', {}, 1);
    const r = setAnswer(old, 'mentor.empathy', { score: 5 }, NOW);
    expect(r.answers['mentor.empathy']).toEqual({ score: 5 });
    expect(r.catalogueVersion).toBe(1);
  });
});

describe('isComplete', () => {
  it.each(ROLE_KIND)('%s / %s: complete once every rating has a score', (role, kind) => {
    const ratings = questionsFor(role, kind).filter((q) => q.type === 'rating');
    let r = newReflection('s1', role, NOW);
    expect(isComplete(r, kind)).toBe(false);
    for (const [i, q] of ratings.entries()) {
      expect(isComplete(r, kind)).toBe(false);
      r = setAnswer(r, q.id, { score: (i % 5) + 1 }, NOW);
    }
    expect(isComplete(r, kind)).toBe(true);
  });

  it('does not need text, action items or the next date', () => {
    const r = answerAll('mentee', 'last');
    expect(r.answers['last.takeaways']).toBeUndefined();
    expect(r.answers['session.next-date']).toBeUndefined();
    expect(isComplete(r, 'last')).toBe(true);
  });

  it('a note without a score does not count', () => {
    let r = answerAll('mentor', 'regular');
    r = setAnswer(r, 'mentor.listened', { score: undefined, note: 'hmm' }, NOW);
    expect(isComplete(r, 'regular')).toBe(false);
  });

  it('the first-session extras are required after a first session only', () => {
    const r = answerAll('mentor', 'regular');
    expect(isComplete(r, 'regular')).toBe(true);
    expect(isComplete(r, 'first')).toBe(false);
  });

  it('judges by the catalogue the reflection was started under', () => {
    const v1 = answerAll('mentor', 'regular', 1);
    expect(v1.answers['mentor.empathy']).toBeUndefined();
    expect(isComplete(v1, 'regular')).toBe(true);
    expect(isComplete({ ...v1, catalogueVersion: 2 }, 'regular')).toBe(false);
  });
});

describe('viewReflection', () => {
  const v1Mentee = reflection(
    'mentee',
    {
      'mentee.satisfied': { score: 4 },
      'mentee.goal-progress': { score: 3, note: 'slow but steady' },
      'mentee.prepared': { score: 2, note: 'skimmed the notes' },
      'session.raise-next': { note: 'salary talk' },
    },
    1,
  );

  it('shows the current questions with answers kept by id', () => {
    const r = setAnswer(newReflection('s1', 'mentor', NOW), 'mentor.listened', { score: 5 }, NOW);
    const view = viewReflection(r, 'regular');
    expect(view.version).toBe(CATALOGUE_VERSION);
    expect(view.items.map((i) => i.question.id)).toEqual([...MENTOR_RATINGS, ...EVERY]);
    expect(view.items.find((i) => i.question.id === 'mentor.listened')).toEqual({
      question: question('mentor.listened'),
      answer: { score: 5 },
      retired: false,
    });
    expect(view.items.filter((i) => i.answer)).toHaveLength(1);
    expect(view.items.every((i) => !i.retired)).toBe(true);
  });

  it('shows v1 answers under v2: reworded keeps its answer, retired is flagged with its old text', () => {
    const view = viewReflection(v1Mentee, 'regular');
    expect(view.items.map((i) => [i.question.id, i.retired])).toEqual([
      ['mentee.satisfied', false],
      ['mentee.valuable', false],
      ['mentee.goal-progress', false],
      ['mentee.prepared', true],
      ['session.action-items', false],
      ['session.next-date', false],
      ['session.raise-next', false],
    ]);
    const goal = view.items[2];
    expect(goal?.question.text).toBe('Are we on the way to our goal?');
    expect(goal?.question.text).not.toBe(question('mentee.goal-progress', 1).text);
    expect(goal?.answer).toEqual({ score: 3, note: 'slow but steady' });
    const retired = view.items[3];
    expect(retired?.question).toEqual(question('mentee.prepared', 1));
    expect(retired?.answer).toEqual({ score: 2, note: 'skimmed the notes' });
    expect(view.items[6]?.answer).toEqual({ note: 'salary talk' });
  });

  it('a v1 mentor reflection shows the added empathy question, unanswered', () => {
    const view = viewReflection(answerAll('mentor', 'regular', 1), 'regular');
    const empathy = view.items.find((i) => i.question.id === 'mentor.empathy');
    expect(empathy).toEqual({ question: question('mentor.empathy'), retired: false });
    const guided = view.items.find((i) => i.question.id === 'mentor.guided');
    expect(guided?.question.text).toBe('Did I guide, or try to control?');
    expect(guided?.answer).toEqual({ score: 4 });
  });

  it.each([
    ['unanswered', {}],
    ['answered with a blank note only', { note: '  ' }],
  ])('leaves out a retired question %s', (_name, answer) => {
    const r = reflection('mentee', { 'mentee.prepared': answer }, 1);
    expect(viewReflection(r, 'regular').items.some((i) => i.retired)).toBe(false);
  });

  it('never shows an answer of the other role, or an unknown id', () => {
    const r = reflection('mentor', {
      'mentee.prepared': { score: 1 },
      'mentee.satisfied': { score: 1 },
      'x.unknown': { score: 1 },
    });
    const shown = viewReflection(r, 'regular').items.map((i) => i.question.id);
    expect(shown).toEqual([...MENTOR_RATINGS, ...EVERY]);
  });

  it('does not share answer objects with the stored reflection', () => {
    const view = viewReflection(v1Mentee, 'regular');
    const a = view.items[0]?.answer;
    if (a) a.score = 1;
    expect(v1Mentee.answers['mentee.satisfied']).toEqual({ score: 4 });
  });
});

describe('summaryText', () => {
  const r = [
    ['mentor.responsive', { score: 4, note: 'replied within a day' }],
    ['mentor.listened', { score: 2 }],
    ['mentor.empathy', { score: 5, note: 'private: I was tired' }],
    ['session.action-items', { note: 'Draft the roadmap\r\nRead chapter 3\n' }],
    ['session.next-date', { note: '2025-03-14' }],
    ['session.raise-next', { note: 'secret thing' }],
  ].reduce(
    (acc, [id, patch]) => setAnswer(acc, id as string, patch as object, NOW),
    newReflection('s1', 'mentor', NOW),
  );

  it('includes only the ticked items, in display order, with a header', () => {
    const text = summaryText(
      r,
      'regular',
      ['session.action-items', 'mentor.listened', 'mentor.responsive'],
      {
        otherName: 'Ana',
        sessionDate: '4 March 2025',
      },
    );
    expect(text).toBe(
      [
        'My reflection as mentor on our session with Ana on 4 March 2025',
        '',
        'Was I responsive? 4/5',
        '  replied within a day',
        '',
        'Did I listen? 2/5',
        '',
        'Action items for next time',
        '  Draft the roadmap',
        '  Read chapter 3',
      ].join('\n'),
    );
  });

  it.each([
    ['nothing ticked', []],
    ['only unknown or other-role ids', ['mentee.satisfied', 'nope']],
    ['only unanswered items', ['mentor.committed', 'mentor.guided']],
  ])('is just the header with %s', (_name, include) => {
    expect(summaryText(r, 'regular', include, {})).toBe('My reflection as mentor on our session');
  });

  it.each(['mentor.empathy', 'session.raise-next', 'mentor.responsive', 'session.next-date'])(
    'leaks nothing of unticked items (everything but %s ticked)',
    (left) => {
      const all = questionsFor('mentor', 'regular').map((q) => q.id);
      const text = summaryText(
        r,
        'regular',
        all.filter((id) => id !== left),
        { otherName: 'Ana' },
      );
      const q = question(left);
      const answer = r.answers[left];
      expect(text).not.toContain(q.text);
      if (answer?.note) expect(text).not.toContain(answer.note);
      for (const other of all.filter((id) => id !== left && r.answers[id])) {
        expect(text).toContain(question(other).text);
      }
    },
  );

  it('keeps the header on one line', () => {
    const text = summaryText(r, 'regular', [], {
      otherName: 'Ana\nMaria',
      sessionDate: ' 4 March ',
    });
    expect(text).toBe('My reflection as mentor on our session with Ana Maria on 4 March');
  });

  it('writes the next date and shows retired answers that were ticked', () => {
    const old = reflection('mentee', { 'mentee.prepared': { score: 2 } }, 1);
    expect(summaryText(old, 'regular', ['mentee.prepared'], {})).toBe(
      'My reflection as mentee on our session\n\nDid I prepare well? 2/5',
    );
    expect(summaryText(r, 'regular', ['session.next-date'], {})).toContain(
      'Next session\n  2025-03-14',
    );
  });
});
