import { describe, expect, it } from 'vitest';
import type { Mentorship, Note, Reflection, SessionRecord } from '../../../lib/records';
import {
  buildSearchIndex,
  DEFAULT_SEARCH_LIMIT,
  type SearchData,
  search,
} from '../../../lib/rules/search';

const DAY = 86_400_000;
// Wednesday 11 March 2026, 10:00 UTC.
const NOW = Date.UTC(2026, 2, 11, 10, 0);

const mentorship = (id: string, goals: string[] = []): Mentorship => ({
  id,
  otherName: id,
  myRole: 'mentor',
  agreement: { type: 'ad-hoc', cadenceDays: 7, sessionMinutes: 30 },
  goals: goals.map((text, i) => ({ id: `${id}-g${i}`, text, createdAt: 0 })),
  createdAt: 0,
});
const session = (id: string, mentorshipId: string | null, over: Partial<SessionRecord> = {}) =>
  ({
    id,
    mentorshipId,
    kind: 'regular',
    status: 'ended',
    startedAt: NOW,
    actionItems: [],
    ...over,
  }) as SessionRecord;
const note = (sessionId: string, author: 'mentor' | 'mentee', text: string): Note => ({
  id: `${sessionId}:pre:${author}`,
  sessionId,
  mentorshipId: null,
  kind: 'pre-session',
  author,
  text,
  updatedAt: NOW,
});
const reflection = (sessionId: string, answers: Reflection['answers']): Reflection => ({
  id: `${sessionId}:mentor`,
  sessionId,
  role: 'mentor',
  catalogueVersion: 2,
  answers,
  complete: true,
  updatedAt: NOW,
});

const data: SearchData = {
  mentorships: [
    mentorship('ana', ['Lead the quarterly planning']),
    mentorship('dana', ['להוביל את התכנון הרבעוני']),
  ],
  sessions: [
    session('ana-1', 'ana', {
      startedAt: NOW - 14 * DAY,
      topic: { text: 'Career planning', by: 'mentee', at: 0, history: [] },
    }),
    session('ana-2', 'ana', {
      startedAt: NOW - 7 * DAY,
      actionItems: [{ id: 'a1', text: 'Ask Frau Müller about the Straße', createdAt: 0 }],
    }),
    session('ana-3', 'ana', { status: 'scheduled', startedAt: undefined }),
    session('dana-1', 'dana', { startedAt: NOW - DAY }),
    session('adhoc', null, { topic: { text: 'Career', by: 'mentor', at: 0, history: [] } }),
  ],
  notes: [
    note('ana-1', 'mentee', 'I want to talk about my career and a promotion'),
    note('ana-3', 'mentor', 'Follow up on the promotion'),
    note('dana-1', 'mentee', 'רוצה לדבר על הקידום שלי בפגישה'),
  ],
  reflections: [
    reflection('ana-2', {
      'mentor.listened': { score: 4, note: 'Listened, then talked about promotion' },
      'mentor.empathy': { score: 5 },
    }),
  ],
};
const index = buildSearchIndex(data);

const ids = (query: string, options = {}) =>
  search(index, query, options).results.map((r) =>
    r.kind === 'session' ? r.sessionId : `mentorship:${r.mentorshipId}`,
  );

describe('search', () => {
  it('finds every word, in any order, across the texts of a session', () => {
    expect(ids('career promotion')).toEqual(['ana-1']);
    expect(ids('promotion career')).toEqual(['ana-1']);
    // Two texts of one session: its topic and its note.
    expect(ids('planning promotion')).toEqual(['ana-1']);
  });

  it('finds sessions by topic, note, action item and reflection note, the latest first', () => {
    expect(ids('promotion')).toEqual(['ana-2', 'ana-1', 'ana-3']);
    expect(ids('muller strasse')).toEqual(['ana-2']);
    expect(ids('listened')).toEqual(['ana-2']);
  });

  it('finds a mentorship by its goals, before sessions', () => {
    expect(ids('planning')).toEqual(['mentorship:ana', 'ana-1']);
  });

  it('works in Hebrew, inside words with attached prefixes', () => {
    expect(ids('פגישה הקידום')).toEqual(['dana-1']);
    expect(ids('התכנון')).toEqual(['mentorship:dana']);
  });

  it('searches one mentorship when asked, and never a call of none', () => {
    expect(ids('career', { mentorshipId: 'dana' })).toEqual([]);
    expect(ids('career', { mentorshipId: 'ana' })).toEqual(['ana-1']);
    expect(ids('career')).not.toContain('adhoc');
  });

  it('gives the texts that matched with the ranges to mark', () => {
    const { results, terms, total } = search(index, 'Career PROMOTION');
    expect(terms).toEqual(['career', 'promotion']);
    expect(total).toBe(1);
    expect(results).toEqual([
      {
        kind: 'session',
        sessionId: 'ana-1',
        mentorshipId: 'ana',
        at: NOW - 14 * DAY,
        hits: [
          { field: { kind: 'topic' }, text: 'Career planning', ranges: [[0, 6]] },
          {
            field: { kind: 'note', author: 'mentee' },
            text: 'I want to talk about my career and a promotion',
            ranges: [
              [24, 30],
              [37, 46],
            ],
          },
        ],
      },
    ]);
    const [reflected] = search(index, 'listened').results;
    expect(reflected?.hits).toEqual([
      {
        field: { kind: 'reflection', role: 'mentor', questionId: 'mentor.listened' },
        text: 'Listened, then talked about promotion',
        ranges: [[0, 8]],
      },
    ]);
    const [item] = search(index, 'straße').results;
    expect(item?.hits[0]?.field).toEqual({ kind: 'action-item', itemId: 'a1' });
  });

  it('finds nothing for an empty query or a word nowhere', () => {
    expect(search(index, '  ').results).toEqual([]);
    expect(search(index, 'career zebra')).toEqual({
      terms: ['career', 'zebra'],
      results: [],
      total: 0,
    });
  });

  it(`gives at most the limit (${DEFAULT_SEARCH_LIMIT} by default), counting them all`, () => {
    const many: SearchData = {
      mentorships: [mentorship('m')],
      sessions: Array.from({ length: 150 }, (_, i) =>
        session(`s${i}`, 'm', {
          startedAt: NOW - i * DAY,
          topic: { text: 'Weekly sync', by: 'mentor', at: 0, history: [] },
        }),
      ),
      notes: [],
      reflections: [],
    };
    const big = buildSearchIndex(many);
    expect(search(big, 'sync').results).toHaveLength(DEFAULT_SEARCH_LIMIT);
    expect(search(big, 'sync').total).toBe(150);
    const five = search(big, 'sync', { limit: 5 });
    expect(five.results.map((r) => (r.kind === 'session' ? r.sessionId : ''))).toEqual([
      's0',
      's1',
      's2',
      's3',
      's4',
    ]);
  });

  it('never matches a word across two texts', () => {
    const two = buildSearchIndex({
      mentorships: [mentorship('m')],
      sessions: [
        session('s', 'm', {
          topic: { text: 'ab', by: 'mentor', at: 0, history: [] },
          actionItems: [{ id: 'a', text: 'cd', createdAt: 0 }],
        }),
      ],
      notes: [],
      reflections: [],
    });
    expect(search(two, 'bc').total).toBe(0);
  });
});
