import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDb, DB_VERSION, type Db, openDb } from '../../../lib/db';
import { UserError } from '../../../lib/errors';
import type { Mentorship, Note, SessionRecord } from '../../../lib/records';
import { createMentorship } from '../../../lib/repos/mentorships';
import { getPreNote } from '../../../lib/repos/notes';
import { applyImport } from '../../../lib/repos/snapshot';
import {
  type ImportContext,
  type ImportPlan,
  packFingerprint,
  packNotesText,
  planImport,
} from '../../../lib/share/apply';
import { decodePack, encodePack } from '../../../lib/share/message';
import type { Pack } from '../../../lib/share/pack';
import { sentenceIn } from '../sentences';

const DAY = 24 * 3600 * 1000;
/** 2026-11-03 10:00 UTC. */
const NOW = Date.UTC(2026, 10, 3, 10, 0);
const THURSDAY = Date.UTC(2026, 10, 5, 10, 0);

function mentorship(id: string, extra: Partial<Mentorship> = {}): Mentorship {
  return {
    id,
    otherName: `Person ${id}`,
    myRole: 'mentor',
    agreement: { type: 'goal-oriented', cadenceDays: 14, sessionMinutes: 45 },
    goals: [],
    createdAt: NOW - 30 * DAY,
    ...extra,
  };
}

function session(id: string, mentorshipId: string, extra: Partial<SessionRecord> = {}) {
  const s: SessionRecord = {
    id,
    mentorshipId,
    kind: 'regular',
    status: 'scheduled',
    actionItems: [],
    ...extra,
  };
  return s;
}

/** A mentee's pre-session pack, as the popup builds it. */
const PACK: Pack = {
  v: 1,
  kind: 'pre-session',
  from: 'mentee',
  topic: 'Discovery sprint',
  notes: 'Two interviews done.',
  createdAt: '2026-11-02T18:00:00.000Z',
  mentorship: { id: 'their-ana', mentorName: 'Chidi', menteeName: 'Ana' },
  session: { scheduledAt: '2026-11-05T10:00:00.000Z' },
};

const ctx = (extra: Partial<ImportContext> = {}): ImportContext => ({
  mentorships: [],
  sessions: [],
  notes: [],
  now: NOW,
  ...extra,
});

/** The UserError `f` throws (fails the test when it returns or throws anything else). */
function refusal(f: () => unknown): UserError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  throw new Error('it did not refuse');
}

function chosen(plan: ImportPlan) {
  if (plan.needsChoice) throw new Error('expected a plan without a choice');
  return plan;
}

describe('planImport: which mentorship', () => {
  it('pairs the one unpaired mentorship where I am the other role', () => {
    const ana = mentorship('ana');
    const plan = chosen(planImport(PACK, ctx({ mentorships: [ana] })));
    expect(plan.mentorship).toBe(ana);
    expect(plan.pairWith).toBe('their-ana');
  });

  it('lands on the mentorship already paired with the pack, pairing nothing', () => {
    const ana = mentorship('ana', { pairId: 'their-ana' });
    const ben = mentorship('ben');
    const plan = chosen(planImport(PACK, ctx({ mentorships: [ben, ana] })));
    expect(plan.mentorship).toBe(ana);
    expect(plan.pairWith).toBeUndefined();
  });

  it("lands on the mentorship whose own id the pack carries (the other side's pairing)", () => {
    const ana = mentorship('ana');
    const ben = mentorship('ben');
    const plan = chosen(
      planImport({ ...PACK, mentorship: { id: 'ana' } }, ctx({ mentorships: [ben, ana] })),
    );
    expect(plan.mentorship).toBe(ana);
    expect(plan.pairWith).toBeUndefined();
  });

  it.each([
    [
      'my own pack (paired by my id)',
      { ...PACK, mentorship: { id: 'me' } },
      [mentorship('me', { myRole: 'mentee' })],
      'This pack was sent by the mentee of this mentorship, which is you; paste the one you received from your mentor.',
    ],
    [
      'my own pack (paired by the shared id)',
      { ...PACK, from: 'mentor', mentorship: { id: 'shared' } },
      [mentorship('me', { pairId: 'shared' })],
      'This pack was sent by the mentor of this mentorship, which is you; paste the one you received from your mentee.',
    ],
    [
      'a pack meant for another mentorship',
      { ...PACK, mentorship: { id: 'someone-else' } },
      [mentorship('ana', { pairId: 'their-ana-2' })],
      'This pack is meant for a different mentorship than yours; ask the sender to send it from the mentorship you share.',
    ],
    [
      'a pack when I have no mentorship in the other role',
      PACK,
      [mentorship('me', { myRole: 'mentee' })],
      'You have no mentorship in which you are the mentor; set one up in the popup first, then import the pack again.',
    ],
    [
      'a pack when I have no mentorship at all',
      PACK,
      [],
      'You have no mentorship in which you are the mentor; set one up in the popup first, then import the pack again.',
    ],
    [
      'a pack for an archived mentorship',
      PACK,
      [mentorship('ana', { pairId: 'their-ana', archivedAt: NOW - DAY })],
      'You have no mentorship in which you are the mentor; set one up in the popup first, then import the pack again.',
    ],
  ] as [string, Pack, Mentorship[], string][])(
    'refuses %s',
    (_name, pack, mentorships, sentence) => {
      expect(
        sentenceIn(
          'en',
          refusal(() => planImport(pack, ctx({ mentorships }))),
        ),
      ).toBe(sentence);
    },
  );

  it('says so in German too', () => {
    const own = refusal(() =>
      planImport(
        { ...PACK, mentorship: { id: 'me' } },
        ctx({ mentorships: [mentorship('me', { myRole: 'mentee' })] }),
      ),
    );
    expect(own.code).toBe('pack-own');
    expect(sentenceIn('de', own)).toBe(
      'Dieses Paket hat der Mentee dieses Mentorings geschickt, also du selbst; füge das Paket ein, das du von deinem Mentor erhalten hast.',
    );
    const none = refusal(() => planImport(PACK, ctx({ mentorships: [] })));
    expect(none.code).toBe('pack-no-mentorship');
    expect(sentenceIn('de', none)).toBe(
      'Du hast kein Mentoring, in dem du Mentor bist; leg zuerst im Pop-up eines an und importiere das Paket dann noch einmal.',
    );
  });

  it('asks which one when several unpaired mentorships could take it', () => {
    const ana = mentorship('ana');
    const ben = mentorship('ben');
    const paired = mentorship('cy', { pairId: 'their-cy' });
    const mentee = mentorship('dee', { myRole: 'mentee' });
    const plan = planImport(PACK, ctx({ mentorships: [ana, paired, ben, mentee] }));
    expect(plan).toEqual({ needsChoice: true, candidates: [ana, ben] });
  });

  it('takes the chosen candidate, and refuses one that cannot take it', () => {
    const ana = mentorship('ana');
    const ben = mentorship('ben');
    const paired = mentorship('cy', { pairId: 'their-cy' });
    const mentorships = [ana, ben, paired];
    expect(chosen(planImport(PACK, ctx({ mentorships }), 'ben')).mentorship).toBe(ben);
    const refused = refusal(() => planImport(PACK, ctx({ mentorships }), 'cy'));
    expect(refused.code).toBe('pack-wrong-mentorship');
    expect(sentenceIn('en', refused)).toBe(
      'That mentorship cannot take this pack; choose another one.',
    );
  });
});

describe('planImport: both sides pairing at once', () => {
  it('keeps landing on the right mentorship when both first packs crossed in the mail', () => {
    // Each side sends its first pack before receiving the other's: each pack carries the
    // sender's own id, and each import pairs with it.
    let mentorSide = mentorship('A1');
    let menteeSide = mentorship('B1', { myRole: 'mentee' });
    const fromMentor: Pack = { ...PACK, from: 'mentor', mentorship: { id: 'A1' } };
    const fromMentee: Pack = { ...PACK, mentorship: { id: 'B1' } };
    const a = chosen(planImport(fromMentee, ctx({ mentorships: [mentorSide] })));
    const b = chosen(planImport(fromMentor, ctx({ mentorships: [menteeSide] })));
    expect([a.pairWith, b.pairWith]).toEqual(['B1', 'A1']);
    mentorSide = { ...mentorSide, pairId: 'B1' };
    menteeSide = { ...menteeSide, pairId: 'A1' };

    // Later packs carry each side's pairId, the other side's own id.
    const next = chosen(
      planImport(
        { ...PACK, mentorship: { id: menteeSide.pairId ?? '' } },
        ctx({ mentorships: [mentorship('other'), mentorSide] }),
      ),
    );
    expect(next.mentorship.id).toBe('A1');
    expect(next.pairWith).toBeUndefined();
    const back = chosen(
      planImport(
        { ...PACK, from: 'mentor', mentorship: { id: mentorSide.pairId ?? '' } },
        ctx({ mentorships: [menteeSide] }),
      ),
    );
    expect(back.mentorship.id).toBe('B1');
    expect(back.pairWith).toBeUndefined();
  });
});

describe('planImport: which session', () => {
  const ana = mentorship('ana', { pairId: 'their-ana' });

  it.each([
    {
      name: 'the session scheduled at the pack’s time',
      sessions: [
        session('next', 'ana', { scheduledAt: NOW + DAY }),
        session('thu', 'ana', { scheduledAt: THURSDAY }),
      ],
      pack: PACK,
      want: 'thu',
    },
    {
      name: 'the session at that time even when it already went live',
      sessions: [
        session('next', 'ana', { scheduledAt: NOW + DAY }),
        session('thu', 'ana', { scheduledAt: THURSDAY, status: 'live' }),
      ],
      pack: PACK,
      want: 'thu',
    },
    {
      name: 'the next scheduled session when the pack names no time',
      sessions: [
        session('done', 'ana', { scheduledAt: NOW - 14 * DAY, status: 'reflected' }),
        session('later', 'ana', { scheduledAt: NOW + 9 * DAY }),
        session('undated', 'ana'),
        session('next', 'ana', { scheduledAt: NOW + DAY }),
      ],
      pack: { ...PACK, session: undefined },
      want: 'next',
    },
    {
      name: 'the next scheduled session when none is at the pack’s time',
      sessions: [session('next', 'ana', { scheduledAt: NOW + DAY })],
      pack: { ...PACK, session: { scheduledAt: '2026-11-20T10:00:00.000Z' } },
      want: 'next',
    },
    {
      name: 'an undated scheduled session',
      sessions: [session('undated', 'ana')],
      pack: PACK,
      want: 'undated',
    },
    {
      name: 'not a session of another mentorship',
      sessions: [session('bens', 'ben', { scheduledAt: THURSDAY })],
      pack: PACK,
      want: undefined,
    },
  ])('$name', ({ sessions, pack, want }) => {
    const plan = chosen(planImport(pack, ctx({ mentorships: [ana], sessions })));
    if (want) {
      expect(plan.session.id).toBe(want);
      expect(plan.isNew).toBe(false);
    } else {
      expect(plan.isNew).toBe(true);
    }
  });

  it.each([
    ['at the pack’s time, the first one', PACK, [], { kind: 'first', scheduledAt: THURSDAY }],
    [
      'without a time, a regular one',
      { ...PACK, session: undefined },
      [session('done', 'ana', { status: 'ended' })],
      { kind: 'regular', scheduledAt: undefined },
    ],
  ] as [string, Pack, SessionRecord[], Partial<SessionRecord>][])(
    'books a new session %s',
    (_name, pack, sessions, want) => {
      const plan = chosen(planImport(pack, ctx({ mentorships: [ana], sessions })));
      expect(plan.isNew).toBe(true);
      expect(plan.session).toEqual({
        id: expect.any(String),
        mentorshipId: 'ana',
        status: 'scheduled',
        actionItems: [],
        ...want,
      });
    },
  );
});

describe('planImport: what changes', () => {
  const ana = mentorship('ana', { pairId: 'their-ana' });
  const thu = session('thu', 'ana', {
    scheduledAt: THURSDAY,
    topic: { text: 'Discovery', by: 'mentor', at: NOW - DAY, history: [] },
    actionItems: [{ id: 'a1', text: 'Bring the interview guide', createdAt: NOW - DAY }],
  });
  const note = (text: string): Note => ({
    id: 'thu:pre:mentee',
    sessionId: 'thu',
    mentorshipId: 'ana',
    kind: 'pre-session',
    author: 'mentee',
    text,
    updatedAt: NOW - DAY,
  });

  it('lists a new topic, new notes and the action items not there yet, each once', () => {
    const pack: Pack = {
      ...PACK,
      topic: '  Discovery sprint ',
      actionItems: [
        ' Bring the interview guide',
        'Draft the survey',
        'Draft the survey ',
        ' ',
        'Book a room',
      ],
    };
    const plan = chosen(
      planImport(pack, ctx({ mentorships: [ana], sessions: [thu], notes: [note('Old thoughts')] })),
    );
    expect(plan.changes).toEqual([
      { field: 'topic', before: 'Discovery', after: 'Discovery sprint' },
      { field: 'notes', author: 'mentee', before: 'Old thoughts', after: 'Two interviews done.' },
      { field: 'actionItems', added: ['Draft the survey', 'Book a room'] },
    ]);
  });

  it('lists nothing for what is already there, an empty topic or empty notes', () => {
    const same = { ...PACK, topic: 'Discovery', actionItems: ['Bring the interview guide'] };
    expect(
      chosen(
        planImport(same, ctx({ mentorships: [ana], sessions: [thu], notes: [note(PACK.notes)] })),
      ).changes,
    ).toEqual([]);
    const blank = { ...PACK, topic: '  ', notes: ' \n ' };
    expect(chosen(planImport(blank, ctx({ mentorships: [ana], sessions: [thu] }))).changes).toEqual(
      [],
    );
  });

  it.each([
    [
      'notes and questions',
      'Two interviews done.',
      ['Is 5 enough?', ' ', 'Who synthesises?'],
      'Two interviews done.\n\nQuestions:\n- Is 5 enough?\n- Who synthesises?',
    ],
    ['questions alone', '', ['Is 5 enough?'], 'Questions:\n- Is 5 enough?'],
    ['notes alone', 'Just notes.', [], 'Just notes.'],
    ['blank questions only', 'Just notes.', ['  '], 'Just notes.'],
  ] as [string, string, string[], string][])(
    'folds %s into the notes',
    (_name, notes, questions, text) => {
      const pack = { ...PACK, notes, questions };
      expect(packNotesText(pack)).toBe(text);
      const plan = chosen(planImport(pack, ctx({ mentorships: [ana], sessions: [thu] })));
      expect(plan.changes).toContainEqual({
        field: 'notes',
        author: 'mentee',
        before: undefined,
        after: text,
      });
    },
  );
});

describe('importing into the database', () => {
  let d: Db;
  let counter = 0;

  beforeEach(async () => {
    fakeBrowser.reset();
    await closeDb();
    globalThis.indexedDB = new IDBFactory();
    d = await openDb(DB_VERSION, `share-apply-test-${++counter}`);
  });

  afterEach(() => d.close());

  const context = async (now = NOW): Promise<ImportContext> => ({
    mentorships: await d.getAll('mentorships'),
    sessions: await d.getAll('sessions'),
    notes: await d.getAll('notes'),
    now,
  });

  const snapshot = async () => ({
    mentorships: await d.getAll('mentorships'),
    sessions: await d.getAll('sessions'),
    notes: await d.getAll('notes'),
  });

  const received: Pack = {
    ...PACK,
    topic: 'Discovery sprint: first interviews',
    notes: 'Two interviews done.\r\nSurprised how often “pricing” came up 🤔',
    questions: ['Is 5 enough?'],
    actionItems: ['Bring the interview guide', 'Draft the survey', 'Draft the survey'],
  };

  it.each([
    ['into a new session', undefined],
    ['into the session booked for that time', THURSDAY],
    ['into the next scheduled session, the pack naming no time', 'undated'],
  ] as [string, number | 'undated' | undefined][])(
    'importing the same pack twice changes nothing the second time (%s)',
    async (_name, booked) => {
      const pack: Pack = booked === 'undated' ? { ...received, session: undefined } : received;
      const { mentorship } = await createMentorship(
        d,
        {
          otherName: 'Ana',
          myRole: 'mentor',
          cadenceDays: 14,
          sessionMinutes: 45,
          firstSessionAt: typeof booked === 'number' ? booked : undefined,
        },
        NOW - DAY,
      );
      if (booked === undefined) {
        // Its only session ended, so the pack books a new one.
        const [only] = await d.getAll('sessions');
        if (!only) throw new Error('no session');
        await d.put('sessions', { ...only, status: 'ended', scheduledAt: NOW - 14 * DAY });
      }
      // Sent by email and pasted back in, quoted by the mail client.
      const pasted = `On Mon, Ana wrote:\n${encodePack(pack)
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n')}`;
      const decoded = decodePack(pasted);
      expect(decoded).toEqual(pack);

      const first = chosen(planImport(decoded, await context()));
      expect(first.mentorship.id).toBe(mentorship.id);
      expect(first.pairWith).toBe('their-ana');
      expect(first.isNew).toBe(booked === undefined);
      expect(first.changes.map((c) => c.field)).toEqual(['topic', 'notes', 'actionItems']);
      await applyImport(d, first, decoded.from, NOW);
      const after = await snapshot();

      const second = chosen(planImport(decodePack(pasted), await context(NOW + DAY)));
      expect(second).toEqual({
        needsChoice: false,
        mentorship: { ...mentorship, pairId: 'their-ana', importedPacks: [first.fingerprint] },
        pairWith: undefined,
        session: expect.objectContaining({ id: first.session.id }),
        isNew: false,
        changes: [],
        fingerprint: first.fingerprint,
      });
      await applyImport(d, second, decoded.from, NOW + DAY);
      expect(await snapshot()).toEqual(after);

      const session = await d.get('sessions', first.session.id);
      expect(session?.topic).toEqual({
        text: 'Discovery sprint: first interviews',
        by: 'mentee',
        at: NOW,
        history: [],
      });
      expect(session?.actionItems.map((a) => a.text)).toEqual([
        'Bring the interview guide',
        'Draft the survey',
      ]);
      expect((await getPreNote(d, first.session.id, 'mentee'))?.text).toBe(packNotesText(decoded));
    },
  );

  it('a newer pack after the first changes only what differs, keeping the topic history', async () => {
    await createMentorship(
      d,
      {
        otherName: 'Ana',
        myRole: 'mentor',
        cadenceDays: 14,
        sessionMinutes: 45,
        firstSessionAt: THURSDAY,
      },
      NOW - DAY,
    );
    const first = decodePack(encodePack(received));
    await applyImport(d, chosen(planImport(first, await context())), 'mentee', NOW);
    const newer = decodePack(
      encodePack({
        ...received,
        createdAt: new Date(Date.parse(received.createdAt) + 3_600_000).toISOString(),
        topic: 'Interview synthesis',
        actionItems: ['Draft the survey', 'Book a room'],
      }),
    );
    const plan = chosen(planImport(newer, await context(NOW + DAY)));
    expect(plan.pairWith).toBeUndefined();
    expect(plan.changes).toEqual([
      {
        field: 'topic',
        before: 'Discovery sprint: first interviews',
        after: 'Interview synthesis',
      },
      { field: 'actionItems', added: ['Book a room'] },
    ]);
    await applyImport(d, plan, 'mentee', NOW + DAY);
    const session = await d.get('sessions', plan.session.id);
    expect(session?.topic?.history).toEqual([
      { text: 'Discovery sprint: first interviews', by: 'mentee', at: NOW },
    ]);
    expect(session?.actionItems.map((a) => a.text)).toEqual([
      'Bring the interview guide',
      'Draft the survey',
      'Book a room',
    ]);
  });
});

describe('a pack imported before', () => {
  it('changes nothing even after its session was held and another is booked', () => {
    const mentorship: Mentorship = {
      id: 'm',
      otherName: 'Ana',
      myRole: 'mentor',
      agreement: { type: 'goal-oriented', cadenceDays: 14, sessionMinutes: 45 },
      goals: [],
      createdAt: 0,
      pairId: 'their-ana',
    };
    const pack = decodePack(
      encodePack({
        v: 1,
        kind: 'pre-session',
        from: 'mentee',
        topic: 'Roadmap',
        notes: 'Thoughts',
        createdAt: '2026-11-02T18:00:00.000Z',
        mentorship: { id: 'their-ana' },
      }),
    );
    const held: SessionRecord = {
      id: 's1',
      mentorshipId: 'm',
      kind: 'first',
      status: 'ended',
      actionItems: [],
    };
    const next: SessionRecord = {
      id: 's2',
      mentorshipId: 'm',
      kind: 'regular',
      status: 'scheduled',
      actionItems: [],
    };
    const fresh = planImport(pack, {
      mentorships: [mentorship],
      sessions: [held, next],
      notes: [],
      now: 0,
    });
    expect(fresh.needsChoice === false && fresh.changes.length).toBeGreaterThan(0);
    const again = planImport(pack, {
      mentorships: [{ ...mentorship, importedPacks: [packFingerprint(pack)] }],
      sessions: [held, next],
      notes: [],
      now: 0,
    });
    expect(again).toMatchObject({
      needsChoice: false,
      changes: [],
      isNew: false,
      pairWith: undefined,
    });
  });
});

describe('planImport: the pack carries the session time', () => {
  const ana = mentorship('ana', { pairId: 'their-ana' });

  it.each([
    [
      'moves the next booking to the sender’s time',
      [session('next', 'ana', { scheduledAt: NOW + DAY })],
      THURSDAY,
    ],
    ['dates a booking that had no date', [session('undated', 'ana')], THURSDAY],
    [
      'leaves a booking already at that time',
      [session('thu', 'ana', { scheduledAt: THURSDAY })],
      undefined,
    ],
  ])('%s', (_what, sessions, moveTo) => {
    const plan = chosen(planImport(PACK, ctx({ mentorships: [ana], sessions })));
    expect(plan.moveTo).toBe(moveTo);
  });

  it('books a new session at the pack’s time, and moves nothing to a time gone by', () => {
    const fresh = chosen(planImport(PACK, ctx({ mentorships: [ana] })));
    expect(fresh).toMatchObject({ isNew: true, session: { scheduledAt: THURSDAY } });
    expect(fresh.moveTo).toBeUndefined();
    const late = chosen(
      planImport(
        PACK,
        ctx({
          mentorships: [ana],
          sessions: [session('next', 'ana', { scheduledAt: NOW + DAY })],
          now: THURSDAY + DAY,
        }),
      ),
    );
    expect(late.moveTo).toBeUndefined();
  });
});
