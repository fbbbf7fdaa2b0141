// Search across a mentorship or all of them: topics, notes, action items and reflection notes
// find sessions; goals find the mentorship. Every word of the query must occur in the result
// (in any order, in any of its texts); each text that matched comes back with the ranges of
// the matching words, for the page to mark (ranges, never HTML: the page builds the marks).
//
// Matching is on folded text (lib/rules/search-text.ts: case, accents and Hebrew points
// ignored, ß as ss, Hebrew final letters as plain ones). Words are matched anywhere in a text, not only at a word's start: German
// compounds ("verhandlung" in "Gehaltsverhandlung") and Hebrew's attached prefixes ("פגישה" in
// "בפגישה") need that.
//
// Built for ten thousand sessions: `buildSearchIndex` folds every text once, with the native
// whole-string normaliser, into one string per result; a query is folded once and each result
// is tested with `includes`. Ranges are computed (character by character) only for the results
// returned, and only for their texts that matched. A page keeps the index while it shows
// results and builds it again when the data changes.
//
// Pure: no browser, no clock.

import type { Mentorship, Note, Reflection, Role, SessionRecord } from '../records';
import { fold, matchRanges, queryTerms, type Range } from './search-text';

/** Results given by default; `total` still counts them all. */
export const DEFAULT_SEARCH_LIMIT = 100;

/** Which text of a result matched. */
export type SearchField =
  | { kind: 'topic' }
  | { kind: 'note'; author: Role }
  | { kind: 'action-item'; itemId: string }
  | { kind: 'reflection'; role: Role; questionId: string }
  | { kind: 'goal'; goalId: string };

export interface SearchHit {
  field: SearchField;
  /** The whole text (see `excerptOf` for a part of it to show). */
  text: string;
  ranges: Range[];
}

export type SearchResult =
  | {
      kind: 'session';
      sessionId: string;
      mentorshipId: string;
      /** When it began, or is booked; absent for a booking with no date. */
      at?: number;
      hits: SearchHit[];
    }
  | { kind: 'mentorship'; mentorshipId: string; hits: SearchHit[] };

export interface SearchResults {
  /** The words matched, folded. */
  terms: string[];
  /** Mentorships (by their goals) first, then sessions, the latest first; at most `limit`. */
  results: SearchResult[];
  /** How many matched in all. */
  total: number;
}

export interface SearchData {
  mentorships: readonly Mentorship[];
  sessions: readonly SessionRecord[];
  notes: readonly Note[];
  reflections: readonly Reflection[];
}

interface Doc {
  field: SearchField;
  text: string;
  /** Where its folded text is in the entry's `folded`. */
  from: number;
  to: number;
}

interface Entry {
  kind: 'session' | 'mentorship';
  id: string;
  mentorshipId: string;
  at?: number;
  /** Every text of the entry folded, one after the other, a line break between. */
  folded: string;
  docs: Doc[];
}

export interface SearchIndex {
  /** In result order: mentorships first, then sessions the latest first (undated last). */
  readonly entries: readonly Entry[];
}

function entryOf(
  kind: Entry['kind'],
  id: string,
  mentorshipId: string,
  at: number | undefined,
  texts: readonly { field: SearchField; text: string }[],
): Entry | undefined {
  const docs: Doc[] = [];
  const parts: string[] = [];
  let length = 0;
  for (const { field, text } of texts) {
    if (!text.trim()) continue;
    // A line break parts the texts: no word of a query holds one, so none matches across two.
    if (parts.length) length += 1;
    const f = fold(text);
    docs.push({ field, text, from: length, to: length + f.length });
    parts.push(f);
    length += f.length;
  }
  if (!docs.length) return undefined;
  return {
    kind,
    id,
    mentorshipId,
    ...(at !== undefined ? { at } : {}),
    folded: parts.join('\n'),
    docs,
  };
}

function groupBySession<T extends { sessionId: string }>(records: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of records) {
    const list = map.get(r.sessionId);
    if (list) list.push(r);
    else map.set(r.sessionId, [r]);
  }
  return map;
}

/**
 * Folds every searchable text once. Sessions of no mentorship (ad hoc calls, calls not yet
 * assigned) are left out, as History leaves them out.
 */
export function buildSearchIndex(data: SearchData): SearchIndex {
  const mentorshipIds = new Set(data.mentorships.map((m) => m.id));
  const notes = groupBySession(data.notes);
  const reflections = groupBySession(data.reflections);
  const goals: Entry[] = [];
  for (const m of data.mentorships) {
    const e = entryOf(
      'mentorship',
      m.id,
      m.id,
      undefined,
      m.goals.map((g) => ({ field: { kind: 'goal', goalId: g.id }, text: g.text })),
    );
    if (e) goals.push(e);
  }
  const sessions: Entry[] = [];
  for (const s of data.sessions) {
    if (s.mentorshipId === null || !mentorshipIds.has(s.mentorshipId)) continue;
    const texts: { field: SearchField; text: string }[] = [];
    if (s.topic) texts.push({ field: { kind: 'topic' }, text: s.topic.text });
    for (const n of notes.get(s.id) ?? []) {
      texts.push({ field: { kind: 'note', author: n.author }, text: n.text });
    }
    for (const a of s.actionItems) {
      texts.push({ field: { kind: 'action-item', itemId: a.id }, text: a.text });
    }
    for (const r of reflections.get(s.id) ?? []) {
      for (const [questionId, answer] of Object.entries(r.answers)) {
        if (answer.note) {
          texts.push({
            field: { kind: 'reflection', role: r.role, questionId },
            text: answer.note,
          });
        }
      }
    }
    const e = entryOf('session', s.id, s.mentorshipId, s.startedAt ?? s.scheduledAt, texts);
    if (e) sessions.push(e);
  }
  const at = (e: Entry) => e.at ?? Number.NEGATIVE_INFINITY;
  sessions.sort((a, b) => at(b) - at(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entries: [...goals, ...sessions] };
}

export interface SearchOptions {
  /** Search one mentorship only. */
  mentorshipId?: string;
  /** At most this many results (DEFAULT_SEARCH_LIMIT). */
  limit?: number;
}

function resultOf(e: Entry, terms: readonly string[]): SearchResult {
  const hits: SearchHit[] = [];
  for (const doc of e.docs) {
    const folded = e.folded.slice(doc.from, doc.to);
    if (!terms.some((t) => folded.includes(t))) continue;
    const ranges = matchRanges(doc.text, terms);
    if (ranges.length) hits.push({ field: doc.field, text: doc.text, ranges });
  }
  return e.kind === 'mentorship'
    ? { kind: 'mentorship', mentorshipId: e.id, hits }
    : {
        kind: 'session',
        sessionId: e.id,
        mentorshipId: e.mentorshipId,
        ...(e.at !== undefined ? { at: e.at } : {}),
        hits,
      };
}

/** The results for `query`: every word of it in each (see the header). */
export function search(
  index: SearchIndex,
  query: string,
  options: SearchOptions = {},
): SearchResults {
  const terms = queryTerms(query);
  if (!terms.length) return { terms, results: [], total: 0 };
  const limit = Math.max(0, options.limit ?? DEFAULT_SEARCH_LIMIT);
  const results: SearchResult[] = [];
  let total = 0;
  for (const e of index.entries) {
    if (options.mentorshipId !== undefined && e.mentorshipId !== options.mentorshipId) continue;
    if (!terms.every((t) => e.folded.includes(t))) continue;
    total++;
    if (results.length < limit) results.push(resultOf(e, terms));
  }
  return { terms, results, total };
}
