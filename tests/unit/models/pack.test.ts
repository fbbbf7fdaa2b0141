import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../lib/db';
import type { Mentorship, SessionRecord } from '../../../lib/records';
import { createMentorship } from '../../../lib/repos/mentorships';
import { getPreNote } from '../../../lib/repos/notes';
import { decodePack, encodePack } from '../../../lib/share/message';
import { buildPack, PackModel } from '../../../models/pack';
import { clock, DAY, freshDb, NOW, useLocale } from './setup';

let d: Db;
let t: ReturnType<typeof useLocale>;

beforeEach(async () => {
  d = await freshDb();
  t = useLocale('en');
});

afterEach(() => {
  d.close();
  vi.restoreAllMocks();
});

const THURSDAY = Date.UTC(2026, 10, 5, 10, 0);

/** The mentee's side: Ana prepares her session with Chidi (not in this database). */
const ANA_SIDE: Mentorship = {
  id: 'their-ana',
  otherName: 'Chidi',
  myRole: 'mentee',
  agreement: { type: 'goal-oriented', cadenceDays: 14, sessionMinutes: 45 },
  goals: [],
  createdAt: NOW - 30 * DAY,
};
const ANA_SESSION: SessionRecord = {
  id: 'their-session',
  mentorshipId: 'their-ana',
  kind: 'regular',
  status: 'scheduled',
  scheduledAt: THURSDAY,
  actionItems: [],
};

function packModel(
  opts: {
    m?: Mentorship;
    s?: SessionRecord;
    topic?: string;
    notes?: string;
    time?: ReturnType<typeof clock>;
  } = {},
) {
  const copied: string[] = [];
  const imported = vi.fn();
  const mentorship = signal<Mentorship | undefined>(opts.m ?? ANA_SIDE);
  const session = signal<SessionRecord | undefined>(opts.s ?? ANA_SESSION);
  const topic = signal(opts.topic ?? 'Discovery sprint');
  const notes = signal(opts.notes ?? 'Two interviews done.');
  const model = new PackModel({
    db: async () => d,
    now: (opts.time ?? clock()).now,
    copy: async (text) => {
      copied.push(text);
    },
    mentorship,
    session,
    topic,
    notes,
    imported,
  });
  return { model, copied, imported, topic, notes };
}

describe('buildPack', () => {
  it.each([
    [{ topic: true, notes: true }, 'pre-session', 'Discovery sprint', 'Two interviews done.'],
    [{ topic: true, notes: false }, 'topic', 'Discovery sprint', ''],
    [{ topic: false, notes: true }, 'pre-session', '', 'Two interviews done.'],
  ] as const)('with %o is a %s pack', (include, kind, topic, notes) => {
    const pack = buildPack(
      ANA_SIDE,
      ANA_SESSION,
      { topic: ' Discovery sprint ', notes: 'Two interviews done.' },
      include,
      NOW,
    );
    expect(pack).toEqual({
      v: 1,
      kind,
      from: 'mentee',
      topic,
      notes,
      createdAt: new Date(NOW).toISOString(),
      mentorship: { id: 'their-ana', mentorName: 'Chidi' },
      session: { scheduledAt: new Date(THURSDAY).toISOString() },
    });
  });
});

describe('sending', () => {
  it('offers a mail link and a copy of what is ticked', async () => {
    const { model, copied } = packModel();
    expect(model.empty.value).toBe(false);
    expect(model.mail.value.url).toMatch(/^mailto:\?subject=Pre-session%20notes/);
    await model.copyPack();
    expect(decodePack(copied[0] ?? '')).toMatchObject({
      topic: 'Discovery sprint',
      notes: 'Two interviews done.',
    });
    expect(model.copied.value).toBe(true);
    model.setInclude({ notes: false });
    expect(model.copied.value).toBe(false);
    expect(model.pack.value).toMatchObject({ kind: 'topic', notes: '' });
  });

  it('has nothing to send when nothing ticked has text', async () => {
    const { model, copied } = packModel({ topic: '  ', notes: '' });
    expect(model.empty.value).toBe(true);
    await model.copyPack();
    expect(copied).toEqual([]);
  });

  it('says when the notes are too long to send in one message', () => {
    const { model } = packModel({ notes: 'x'.repeat(2_100_000) });
    expect(model.mail.value).toEqual({ tooLong: t('error_pack_too_long_to_share') });
  });
});

describe('receiving', () => {
  /** Chidi's side, in this database: he mentors Ana, not yet paired. */
  async function chidi() {
    return (
      await createMentorship(
        d,
        {
          otherName: 'Ana',
          myRole: 'mentor',
          cadenceDays: 14,
          sessionMinutes: 45,
          firstSessionAt: THURSDAY,
        },
        NOW - 20 * DAY,
      )
    ).mentorship;
  }
  const message = () =>
    encodePack(
      buildPack(
        ANA_SIDE,
        ANA_SESSION,
        { topic: 'Discovery sprint', notes: 'Two interviews done.' },
        { topic: true, notes: true },
        NOW - DAY,
      ),
    );

  it('previews what a pasted message changes, and applies it when confirmed', async () => {
    const m = await chidi();
    const { model, imported } = packModel({ m });
    model.paste(`> quoted by a mail client\n${message()}`);
    await model.read();
    expect(model.error.value).toBeUndefined();
    expect(model.preview.value).toEqual({
      otherName: 'Ana',
      lines: [t('importTopic', 'Discovery sprint'), t('importNotes', '20')],
    });
    expect(await d.count('notes')).toBe(0);
    await model.apply();
    expect(model.info.value).toBe(t('importDone'));
    expect(model.pending.value).toBeUndefined();
    expect(model.pasted.value).toBe('');
    expect(imported).toHaveBeenCalledOnce();
    const [session] = await d.getAllFromIndex('sessions', 'byMentorship', m.id);
    expect(session?.topic?.text).toBe('Discovery sprint');
    expect((await getPreNote(d, session?.id ?? '', 'mentee'))?.text).toBe('Two interviews done.');
    expect((await d.get('mentorships', m.id))?.pairId).toBe('their-ana');

    // The same message again changes nothing, and says so.
    model.paste(message());
    await model.read();
    expect(model.pending.value).toBeUndefined();
    expect(model.info.value).toBe(t('importNothingNew'));
  });

  it('asks which mentorship when more than one could take the pack', async () => {
    const first = await chidi();
    await createMentorship(
      d,
      { otherName: 'Another Ana', myRole: 'mentor', cadenceDays: 7, sessionMinutes: 30 },
      NOW - 10 * DAY,
    );
    const { model } = packModel({ m: first });
    model.paste(message());
    await model.read();
    const plan = model.pending.value?.plan;
    expect(plan?.needsChoice).toBe(true);
    expect(model.preview.value).toBeUndefined();
    await model.chooseMentorship(first.id);
    expect(model.preview.value?.otherName).toBe('Ana');
  });

  it('says why a text is no pack, and changes nothing', async () => {
    await chidi();
    const { model } = packModel();
    model.paste('Hi Chidi, see you Thursday!');
    await model.read();
    expect(model.error.value).toBe(t('error_pack_none'));
    expect(model.pending.value).toBeUndefined();
    expect(await d.count('notes')).toBe(0);
  });

  it('says so when no mentorship of mine can take the pack', async () => {
    const { model } = packModel();
    model.paste(message());
    await model.read();
    expect(model.error.value).toMatch(/^You have no mentorship in which you are the mentor/);
  });
});
