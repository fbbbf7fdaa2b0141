import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../lib/records';
import { addGoal, createMentorship } from '../../../lib/repos/mentorships';
import { savePreNote } from '../../../lib/repos/notes';
import { changeReflection } from '../../../lib/repos/reflections';
import { loadSearchData, loadSearchIndex, searchRecords } from '../../../lib/repos/search';
import { setTopic } from '../../../lib/repos/sessions';
import { search } from '../../../lib/rules/search';
import { input } from '../rules/agreement-cases';
import { useDb, watchAnnouncements } from './db';

const DAY = 86_400_000;
/** 2026-11-03 10:00 UTC. */
const NOW = Date.UTC(2026, 10, 3, 10, 0);

const db = useDb();
const notices = watchAnnouncements();

async function seed() {
  const d = db.get();
  const ana = await createMentorship(d, input({ otherName: 'Ana' }), NOW - 60 * DAY);
  const ben = await createMentorship(d, input({ otherName: 'Ben' }), NOW - 60 * DAY);
  const first: SessionRecord = {
    ...ana.session,
    status: 'reflected',
    startedAt: NOW - 21 * DAY,
    endedAt: NOW - 21 * DAY + 3_600_000,
  };
  await d.put('sessions', first);
  await savePreNote(d, first, 'mentee', 'Nervous about the Gehaltsverhandlung', NOW - 22 * DAY);
  await setTopic(d, ben.session.id, 'Salary talks', 'mentor', NOW - DAY);
  await changeReflection(
    d,
    {
      sessionId: first.id,
      role: 'mentor',
      catalogueVersion: 2,
      answers: { 'mentor.guided': { note: 'Too much about my own salary story' } },
    },
    NOW - 21 * DAY,
  );
  await addGoal(d, ben.mentorship.id, 'Negotiate the salary', NOW);
  return { ana: ana.mentorship, ben: ben.mentorship, first, benSession: ben.session };
}

describe('searchRecords', () => {
  it('finds a word from a note of the first session, in one read announcing nothing', async () => {
    const { ana, first } = await seed();
    notices.reset();
    const { results } = await searchRecords(db.get(), 'verhandlung');
    expect(results).toEqual([
      {
        kind: 'session',
        sessionId: first.id,
        mentorshipId: ana.id,
        at: first.startedAt,
        hits: [
          {
            field: { kind: 'note', author: 'mentee' },
            text: 'Nervous about the Gehaltsverhandlung',
            ranges: [[25, 36]],
          },
        ],
      },
    ]);
    expect(notices.count()).toBe(0);
  });

  it('searches all mentorships, or one', async () => {
    const { ana, ben, first, benSession } = await seed();
    const all = await searchRecords(db.get(), 'salary');
    // The goal's mentorship first, then sessions the latest first (an undated booking last).
    expect(all.results.map((r) => (r.kind === 'session' ? r.sessionId : r.mentorshipId))).toEqual([
      ben.id,
      first.id,
      benSession.id,
    ]);
    expect(all.total).toBe(3);
    const onlyAna = await searchRecords(db.get(), 'salary', { mentorshipId: ana.id });
    expect(onlyAna.results.map((r) => r.kind === 'session' && r.sessionId)).toEqual([first.id]);
  });

  it("reads one mentorship's records only when scoped", async () => {
    const { ana, first } = await seed();
    const data = await loadSearchData(db.get(), ana.id);
    expect(data.mentorships.map((m) => m.id)).toEqual([ana.id]);
    expect(data.sessions.map((s) => s.id)).toEqual([first.id]);
    expect(data.notes.map((n) => n.sessionId)).toEqual([first.id]);
    expect(data.reflections.map((r) => r.sessionId)).toEqual([first.id]);
    expect(await loadSearchData(db.get(), 'gone')).toEqual({
      mentorships: [],
      sessions: [],
      notes: [],
      reflections: [],
    });
  });

  it('gives an index a page can search per keystroke', async () => {
    const { first } = await seed();
    const index = await loadSearchIndex(db.get());
    expect(search(index, 'nerv').results.map((r) => r.kind === 'session' && r.sessionId)).toEqual([
      first.id,
    ]);
    expect(search(index, 'nervous salary').total).toBe(1);
  });
});
