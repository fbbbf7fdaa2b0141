// The search read: every searchable record of one mentorship or all of them, in one read
// transaction (a handful of getAll requests, never one per session), folded into an index by
// the pure lib/rules/search.ts.

import type { Db } from '../db';
import {
  buildSearchIndex,
  type SearchData,
  type SearchIndex,
  type SearchOptions,
  type SearchResults,
  search,
} from '../rules/search';
import { read } from './tx';

/** The records a search looks through: one mentorship's, or everyone's. */
export function loadSearchData(d: Db, mentorshipId?: string): Promise<SearchData> {
  return read(d, ['mentorships', 'sessions', 'notes', 'reflections'], async (tx) => {
    const mentorships = tx.objectStore('mentorships');
    const sessions = tx.objectStore('sessions');
    if (mentorshipId === undefined) {
      const [m, s, n, r] = await Promise.all([
        mentorships.getAll(),
        sessions.getAll(),
        tx.objectStore('notes').getAll(),
        tx.objectStore('reflections').getAll(),
      ]);
      return { mentorships: m, sessions: s, notes: n, reflections: r };
    }
    const [m, s, n, r] = await Promise.all([
      mentorships.get(mentorshipId),
      sessions.index('byMentorship').getAll(mentorshipId),
      tx.objectStore('notes').getAll(),
      tx.objectStore('reflections').getAll(),
    ]);
    const ids = new Set(s.map((x) => x.id));
    return {
      mentorships: m ? [m] : [],
      sessions: s,
      notes: n.filter((x) => ids.has(x.sessionId)),
      reflections: r.filter((x) => ids.has(x.sessionId)),
    };
  });
}

/**
 * The index to search, for a page that searches as the person types: build it once, search it
 * per keystroke (`search` from lib/rules/search.ts), build it again after `watchChanges`.
 */
export async function loadSearchIndex(d: Db, mentorshipId?: string): Promise<SearchIndex> {
  return buildSearchIndex(await loadSearchData(d, mentorshipId));
}

/** One search, read and matched: `options.mentorshipId` limits it to one mentorship. */
export async function searchRecords(
  d: Db,
  query: string,
  options: SearchOptions = {},
): Promise<SearchResults> {
  return search(await loadSearchIndex(d, options.mentorshipId), query, options);
}
