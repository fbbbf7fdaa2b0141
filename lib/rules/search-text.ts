// Text as search matches it: folded (case, accents and marks, ß, Hebrew final letters), split
// into a query's words, and the ranges where those words occur in a text, with an excerpt of
// a long text around its first match. See lib/rules/search.ts for what is searched.
//
// Folding: case, accents and other marks (Hebrew points and cantillation included) are
// ignored, compatibility forms are plain (ﬁ, full-width letters), ß is ss, and Hebrew final
// letters (ך ם ן ף ץ) and the final sigma count as their plain forms, so "strasse" finds
// "Straße", "Muller" finds "Müller", and a word typed without its final letter still finds the
// word. `fold` works on a whole string at once (the native normaliser, for speed); the ranges
// are found character by character, mapped back to the text's own offsets.
//
// Pure: no browser, no clock.

/** A match in a text: [start, end) in the text's UTF-16 offsets. */
export type Range = readonly [start: number, end: number];

/** At most this many words of a query are matched (the rest are ignored). */
export const MAX_QUERY_TERMS = 20;

const MARKS = /\p{M}+/gu;
const SPECIAL = /[ßςךםןףץ]/g;
const PLAIN: Record<string, string> = {
  ß: 'ss',
  ς: 'σ',
  ך: 'כ',
  ם: 'מ',
  ן: 'נ',
  ף: 'פ',
  ץ: 'צ',
};

const BEYOND_PLAIN_ASCII = /[^ -~\t\n\r]/;

/** Text as it is matched: see the header. */
export function fold(text: string): string {
  // Printable ASCII, tabs and line breaks (most text of English speakers) have nothing to
  // decompose: folding them is lower case alone, several times faster.
  if (!BEYOND_PLAIN_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(MARKS, '')
    .replace(SPECIAL, (c) => PLAIN[c] ?? c);
}

/** The query's words, folded, each once. */
export function queryTerms(query: string): string[] {
  const words = fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return [...new Set(words)].slice(0, MAX_QUERY_TERMS);
}

/** One character folded; ASCII without a call to the normaliser. */
function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c;
  return fold(c);
}

/** `text` folded, with where each folded unit came from in `text`. */
function foldMapped(text: string): { folded: string; from: number[]; to: number[] } {
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  let last = 0;
  for (let i = 0; i < text.length; ) {
    const n = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    const f = foldChar(text.slice(i, i + n));
    if (f === '') {
      // A mark belongs to the letter before it: a match ending on that letter takes it along.
      for (let k = last; k < to.length; k++) to[k] = i + n;
    } else {
      last = to.length;
      for (let k = 0; k < f.length; k++) {
        from.push(i);
        to.push(i + n);
      }
      folded += f;
    }
    i += n;
  }
  return { folded, from, to };
}

/** Ranges sorted, with overlapping and touching ones merged. */
function merged(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const prev = out.at(-1);
    if (prev && s <= prev[1]) prev[1] = Math.max(prev[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Where the (folded) `terms` occur in `text`, as ranges of `text`, sorted and merged. */
export function matchRanges(text: string, terms: readonly string[]): Range[] {
  if (!terms.length || !text) return [];
  const { folded, from, to } = foldMapped(text);
  const found: Range[] = [];
  for (const term of terms) {
    for (let i = folded.indexOf(term); i >= 0; i = folded.indexOf(term, i + term.length)) {
      const start = from[i];
      const end = to[i + term.length - 1];
      if (start !== undefined && end !== undefined) found.push([start, end]);
    }
  }
  return merged(found);
}

// ---------------------------------------------------------------------------------------------
// Showing a match.

export interface Excerpt {
  text: string;
  ranges: Range[];
  /** Text was left out before / after it (the page shows an ellipsis). */
  cutBefore: boolean;
  cutAfter: boolean;
}

/** Moves an offset off the middle of a surrogate pair. */
function onCodePoint(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return i > 0 && i < text.length && c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
}

/**
 * The part of a hit's text around its first match, about `radius` characters either side
 * (cut at a space when one is near), with the ranges that fall in it.
 */
export function excerptOf(hit: { text: string; ranges: readonly Range[] }, radius = 80): Excerpt {
  const { text } = hit;
  const first = hit.ranges[0];
  if (!first || text.length <= 2 * radius + (first[1] - first[0])) {
    return { text, ranges: [...hit.ranges], cutBefore: false, cutAfter: false };
  }
  let start = Math.max(0, first[0] - radius);
  let end = Math.min(text.length, first[1] + radius);
  const space = text.indexOf(' ', start);
  if (start > 0 && space >= 0 && space < first[0] && space - start < radius / 4) start = space + 1;
  const back = text.lastIndexOf(' ', end);
  if (end < text.length && back > first[1] && end - back < radius / 4) end = back;
  start = onCodePoint(text, start);
  end = onCodePoint(text, end);
  const ranges = hit.ranges
    .filter(([s, e]) => e > start && s < end)
    .map(([s, e]): Range => [Math.max(s, start) - start, Math.min(e, end) - start]);
  return {
    text: text.slice(start, end),
    ranges,
    cutBefore: start > 0,
    cutAfter: end < text.length,
  };
}
