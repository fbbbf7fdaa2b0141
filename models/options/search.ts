// Search on the Mentorships page: a query, searched in the mentorship shown or in all of them,
// over topics, notes, action items, reflection notes and goals; results as sessions (and
// mentorships, by their goals), each text that matched with the ranges of the matching words.
//
// The index is built from the records as last read (`buildSearchIndex`, pure) only while a
// query is typed, and built again when they change; each keystroke is one `search` over it.

import { computed, createModel, signal } from '@preact/signals';
import {
  buildSearchIndex,
  type SearchHit,
  type SearchResult,
  type SearchResults,
  search,
} from '@/lib/rules/search';
import { type Excerpt, excerptOf } from '@/lib/rules/search-text';
import type { OptionsContext } from './context';

export type SearchScope = 'mentorship' | 'all';

/** A text that matched, with the part of it to show around its first match. */
export interface ShownHit extends SearchHit {
  excerpt: Excerpt;
}

/** A result with what the page shows of it. */
export type ShownResult = SearchResult & { otherName: string; shown: ShownHit[] };

export const SearchModel = createModel((ctx: OptionsContext) => {
  const query = signal('');
  const scope = signal<SearchScope>('all');

  const index = computed(() => {
    const d = ctx.data.value;
    return d ? buildSearchIndex(d) : undefined;
  });

  const results = computed<
    (Omit<SearchResults, 'results'> & { results: ShownResult[] }) | undefined
  >(() => {
    const q = query.value;
    if (!q.trim()) return undefined;
    const i = index.value;
    if (!i) return undefined;
    const m = ctx.selected.value;
    const found = search(i, q, scope.value === 'mentorship' && m ? { mentorshipId: m.id } : {});
    const names = new Map((ctx.data.value?.mentorships ?? []).map((x) => [x.id, x.otherName]));
    return {
      ...found,
      results: found.results.map((r) => ({
        ...r,
        otherName: names.get(r.mentorshipId) ?? '',
        shown: r.hits.map((h) => ({ ...h, excerpt: excerptOf(h) })),
      })),
    };
  });

  return {
    query,
    scope,
    results,
    setQuery(text: string) {
      query.value = text;
    },
    setScope(next: SearchScope) {
      scope.value = next;
    },
    clear() {
      query.value = '';
    },
  };
});

export type SearchModel = InstanceType<typeof SearchModel>;
