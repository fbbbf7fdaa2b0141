import { describe, expect, it } from 'vitest';
import {
  excerptOf,
  fold,
  MAX_QUERY_TERMS,
  matchRanges,
  queryTerms,
} from '../../../lib/rules/search-text';

/** The marked parts of `text`, as a page would mark them. */
const marked = (text: string, terms: string[]) =>
  matchRanges(text, terms).map(([s, e]) => text.slice(s, e));

describe('fold', () => {
  it.each([
    ['Plain ASCII, MIXED case', 'plain ascii, mixed case'],
    ['Müller', 'muller'],
    ['STRASSE', 'strasse'],
    ['Straße', 'strasse'],
    ['GROẞ', 'gross'],
    ['Café crème', 'cafe creme'],
    ['ﬁnal ＡＢＣ', 'final abc'],
    // Hebrew: points and cantillation dropped, final letters plain.
    ['שָׁלוֹם', 'שלומ'],
    ['ארץ', 'ארצ'],
    ['ΟΔΟΣ', 'οδοσ'],
    ['İstanbul', 'istanbul'],
  ])('%s → %s', (text, folded) => {
    expect(fold(text)).toBe(folded);
  });

  it('folds a text the same whole as character by character', () => {
    const text = 'Straße, Müller und שָׁלוֹם עֲלֵיכֶם — ΟΔΟΣ İz ﬁ 😀 e\u0301';
    const byChar = [...text].map(fold).join('');
    expect(fold(text)).toBe(byChar);
  });
});

describe('queryTerms', () => {
  it.each([
    ['  Career   planning ', ['career', 'planning']],
    ['planning, career! planning', ['planning', 'career']],
    ['"Gehalt" – Verhandlung?', ['gehalt', 'verhandlung']],
    ['תכנון רבעוני', ['תכנונ', 'רבעוני']],
    ['chapter 3', ['chapter', '3']],
    ['   ', []],
    ['?!', []],
  ])('%j → %j', (query, terms) => {
    expect(queryTerms(query)).toEqual(terms);
  });

  it(`keeps the first ${MAX_QUERY_TERMS} words`, () => {
    const query = Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ');
    expect(queryTerms(query)).toHaveLength(MAX_QUERY_TERMS);
  });
});

describe('matchRanges', () => {
  it('marks each word wherever it occurs, in the text as written', () => {
    expect(marked('Career planning: plan the career', queryTerms('career plan'))).toEqual([
      'Career',
      'plan',
      'plan',
      'career',
    ]);
  });

  it('ignores accents and case, in German and Hebrew', () => {
    expect(marked('Frau Müller über die Straße', queryTerms('muller STRASSE uber'))).toEqual([
      'Müller',
      'über',
      'Straße',
    ]);
    // The points of the word are marked with it; the word found without its final letter.
    expect(marked('אמרה שָׁלוֹם לכולם', queryTerms('שלו'))).toEqual(['שָׁלוֹ']);
    expect(marked('בפגישה הבאה', queryTerms('פגישה'))).toEqual(['פגישה']);
    expect(marked('ארצות הברית', queryTerms('ארץ'))).toEqual(['ארצ']);
  });

  it('takes a combining mark with the letter it follows, and whole surrogate pairs', () => {
    const text = 'Cafe\u0301 😀 ok';
    expect(marked(text, queryTerms('cafe'))).toEqual(['Cafe\u0301']);
    expect(matchRanges('x😀y', ['y'])).toEqual([[3, 4]]);
  });

  it('merges overlapping words into one mark', () => {
    expect(marked('Gehaltsverhandlung', queryTerms('gehalts verhandlung haltsver'))).toEqual([
      'Gehaltsverhandlung',
    ]);
  });

  it('marks half of ß as the whole ß', () => {
    expect(marked('Maß', ['mas'])).toEqual(['Maß']);
  });

  it('finds nothing for no words or no text', () => {
    expect(matchRanges('text', [])).toEqual([]);
    expect(matchRanges('', ['x'])).toEqual([]);
  });
});

describe('excerptOf', () => {
  it('gives a short text whole', () => {
    expect(excerptOf({ text: 'A short note', ranges: [[2, 7]] })).toEqual({
      text: 'A short note',
      ranges: [[2, 7]],
      cutBefore: false,
      cutAfter: false,
    });
  });

  it('cuts a long text around its first match, at spaces, with the ranges moved', () => {
    const text = `${'word '.repeat(100)}needle ${'more '.repeat(100)}`;
    const start = text.indexOf('needle');
    const e = excerptOf({ text, ranges: [[start, start + 6]] }, 40);
    expect(e.cutBefore).toBe(true);
    expect(e.cutAfter).toBe(true);
    expect(e.text.startsWith('word')).toBe(true);
    expect(e.text.endsWith(' ')).toBe(false);
    const [range] = e.ranges;
    expect(range && e.text.slice(range[0], range[1])).toBe('needle');
    expect(e.text.length).toBeLessThanOrEqual(6 + 2 * 40);
  });

  it('never cuts a surrogate pair', () => {
    const text = `${'😀'.repeat(100)}x${'😀'.repeat(100)}`;
    const i = text.indexOf('x');
    const e = excerptOf({ text, ranges: [[i, i + 1]] }, 11);
    expect(e.text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    const [range] = e.ranges;
    expect(range && e.text.slice(range[0], range[1])).toBe('x');
  });
});
