import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../lib/db';
import { LIMITS } from '../../../lib/limits';
import type { Mentorship } from '../../../lib/records';
import { createMentorship } from '../../../lib/repos/mentorships';
import { getPreNote } from '../../../lib/repos/notes';
import { dbRevItem, popupMentorshipItem } from '../../../lib/storage/items';
import { pageJournal } from '../../../lib/storage/journal';
import { toInputValue } from '../../../models/local-time';
import { type OnboardingValues, PrepModel } from '../../../models/prep';
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

function newPrep(time = clock()) {
  return new PrepModel({ db: async () => d, now: time.now, remembered: popupMentorshipItem });
}

async function mentorship(otherName: string, at = NOW - DAY): Promise<Mentorship> {
  return (
    await createMentorship(
      d,
      { otherName, myRole: 'mentee', cadenceDays: 14, sessionMinutes: 45 },
      at,
    )
  ).mentorship;
}

const VALUES: OnboardingValues = {
  otherName: 'Ana',
  myRole: 'mentee',
  meetingLink: '',
  cadenceDays: 14,
  sessionMinutes: 45,
  firstSessionAt: '',
};

describe('PrepModel', () => {
  it('asks for the first mentorship when there is none, and prepares its first session', async () => {
    const prep = newPrep();
    await prep.load();
    expect(prep.onboarding.value).toBe(true);
    await prep.create(VALUES);
    expect(prep.onboarding.value).toBe(false);
    expect(prep.current.value?.otherName).toBe('Ana');
    expect(prep.session.value).toMatchObject({ kind: 'first', status: 'scheduled' });
    expect(await d.count('sessions')).toBe(1);
    expect(await popupMentorshipItem.get()).toBe(prep.current.value?.id);
  });

  it('refuses a first mentorship without a name in the UI language, creating nothing', async () => {
    t = useLocale('de');
    const prep = newPrep();
    await prep.load();
    await prep.create({ ...VALUES, otherName: '  ' });
    expect(prep.onboardingError.value).toBe(t('error_name_empty'));
    expect(await d.count('mentorships')).toBe(0);
  });

  it('opens on the mentorship shown last, else the first', async () => {
    const ana = await mentorship('Ana', NOW - 2 * DAY);
    const ben = await mentorship('Ben', NOW - DAY);
    const first = newPrep();
    await first.load();
    expect(first.current.value?.id).toBe(ana.id);
    await first.chooseId(ben.id);
    expect(await popupMentorshipItem.get()).toBe(ben.id);
    const again = newPrep();
    await again.load();
    expect(again.current.value?.id).toBe(ben.id);
  });

  it('says "Saved" only when both the topic and the notes are written', async () => {
    await mentorship('Ana');
    const prep = newPrep();
    await prep.load();
    // The topic's write is refused (too long); the notes' write goes through after it.
    prep.typeTopic('x'.repeat(LIMITS.topic + 1));
    prep.typeNotes('Roadmaps, and saying no.');
    await prep.flush();
    await vi.waitFor(() => expect(prep.saveError.value).toBeDefined());
    expect(prep.saved.value).toBe('failed');
    // Corrected: now both are written.
    prep.typeTopic('Career planning');
    await prep.flush();
    expect(prep.saved.value).toBe('saved');
  });

  it('saves the topic and the notes as they are typed, to the session being prepared', async () => {
    const ana = await mentorship('Ana');
    const prep = newPrep();
    await prep.load();
    const id = prep.session.value?.id ?? '';
    prep.typeTopic('Career planning');
    prep.typeNotes('Roadmaps, and saying no.');
    expect(prep.saved.value).toBe('saving');
    await prep.flush();
    expect(prep.saved.value).toBe('saved');
    expect((await getPreNote(d, id, 'mentee'))?.text).toBe('Roadmaps, and saying no.');
    const stored = await d.get('sessions', id);
    expect(stored?.topic).toMatchObject({ text: 'Career planning', by: 'mentee', at: NOW });
    expect(prep.session.value?.topic?.text).toBe('Career planning');
    // Opening again shows what was saved.
    const again = newPrep();
    await again.load();
    expect(again.current.value?.id).toBe(ana.id);
    expect(again.topicDraft.value).toBe('Career planning');
    expect(again.notes.value).toBe('Roadmaps, and saying no.');
  });

  it('writes a keystroke to the session it was typed for, even when another mentorship is chosen right after', async () => {
    const ana = await mentorship('Ana', NOW - 2 * DAY);
    const ben = await mentorship('Ben', NOW - DAY);
    const prep = newPrep();
    await prep.load();
    const anaSession = prep.session.value?.id ?? '';
    // The second keystroke waits behind the first write; Ben is chosen before it runs, and
    // typed for before his session has loaded.
    prep.typeNotes('For A');
    prep.typeNotes('For Ana');
    prep.typeTopic('Ana topic');
    const switching = prep.choose(ben);
    prep.typeNotes('For Ben');
    await switching;
    const benSession = prep.session.value?.id ?? '';
    expect(benSession).not.toBe(anaSession);
    expect(prep.notes.value).toBe('For Ben');
    await prep.flush();
    expect((await getPreNote(d, anaSession, 'mentee'))?.text).toBe('For Ana');
    expect((await d.get('sessions', anaSession))?.topic?.text).toBe('Ana topic');
    expect((await getPreNote(d, benSession, 'mentee'))?.text).toBe('For Ben');
    // The topic saved for Ana does not show as Ben's session.
    expect(prep.session.value?.id).toBe(benSession);
    expect(prep.current.value?.id).toBe(ben.id);
    expect(ana.id).not.toBe(ben.id);
  });

  it('keeps and saves what is typed while the session is still loading', async () => {
    const ana = await mentorship('Ana');
    const prep = newPrep();
    const loading = prep.choose(ana);
    expect(prep.session.value).toBeUndefined();
    prep.typeNotes('Typed at once');
    await loading;
    expect(prep.notes.value).toBe('Typed at once');
    await prep.flush();
    const id = prep.session.value?.id ?? '';
    expect((await getPreNote(d, id, 'mentee'))?.text).toBe('Typed at once');
  });

  it('prepares a new undated session when none is scheduled, and announces it', async () => {
    const ana = await mentorship('Ana');
    await d.clear('sessions');
    const rev = await dbRevItem.get();
    const prep = newPrep();
    await prep.load();
    const s = prep.session.value;
    expect(s).toMatchObject({ mentorshipId: ana.id, status: 'scheduled' });
    expect(s?.scheduledAt).toBeUndefined();
    expect(await d.get('sessions', s?.id ?? '')).toEqual(s);
    expect(await dbRevItem.get()).not.toBe(rev);
    // Opened again: the same session.
    const again = newPrep();
    await again.load();
    expect(again.session.value?.id).toBe(s?.id);
  });

  it('says so when what was typed is refused, until a save goes through', async () => {
    await mentorship('Ana');
    const prep = newPrep();
    await prep.load();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    prep.typeNotes('x'.repeat(LIMITS.note + 1));
    await prep.flush();
    expect(prep.saveError.value).toBe(t('error_text_too_long', LIMITS.note.toLocaleString('en')));
    prep.typeNotes('Shorter');
    await prep.flush();
    expect(prep.saveError.value).toBeUndefined();
  });

  it('keeps a version of the topic once the field is left, not per keystroke', async () => {
    await mentorship('Ana');
    const prep = newPrep();
    await prep.load();
    const id = prep.session.value?.id ?? '';
    for (const text of ['C', 'Ca', 'Career', 'Career planning']) prep.typeTopic(text);
    await prep.flush();
    expect((await d.get('sessions', id))?.topic?.history).toEqual([]);
    await prep.leaveTopic();
    const topic = (await d.get('sessions', id))?.topic;
    expect(topic?.history.map((v) => v.text)).toEqual(['Career planning']);
    expect(prep.session.value?.topic).toEqual(topic);
  });

  it('books the undated session it prepares; a time gone by is refused with its sentence', async () => {
    await mentorship('Ana');
    const prep = newPrep();
    await prep.load();
    const id = prep.session.value?.id;
    await prep.book(toInputValue(NOW - DAY));
    expect(prep.bookError.value).toBe(t('error_time_past'));
    const at = new Date(toInputValue(NOW + 3 * DAY)).getTime();
    await prep.book(toInputValue(NOW + 3 * DAY));
    expect(prep.bookError.value).toBeUndefined();
    expect(prep.session.value).toMatchObject({ id, scheduledAt: at });
  });
});

describe('the typing journal', () => {
  function memory() {
    const map = new Map<string, string>();
    return {
      map,
      storage: {
        getItem: (k: string) => map.get(k) ?? null,
        setItem: (k: string, v: string) => void map.set(k, v),
        removeItem: (k: string) => void map.delete(k),
      },
    };
  }

  it('writes on the next open what was typed but not saved when the page went', async () => {
    const m = await mentorship('Ana');
    const mem = memory();
    const journal = pageJournal(mem.storage);
    // The last keystrokes reached the journal, not the database: the page closed mid-write.
    journal.write(`${m.id}:notes`, 'Typed a moment before the browser closed');
    const prep = new PrepModel({
      db: async () => d,
      now: clock().now,
      remembered: popupMentorshipItem,
      journal,
    });
    await prep.load();
    expect(prep.notes.value).toBe('Typed a moment before the browser closed');
    await prep.flush();
    const s = prep.session.value;
    if (!s) throw new Error('no session');
    expect((await getPreNote(d, s.id, 'mentee'))?.text).toBe(
      'Typed a moment before the browser closed',
    );
    // Saved: the journal lets go of it.
    expect(mem.map.size).toBe(0);
  });

  it('keeps each keystroke until it is saved, and only that long', async () => {
    await mentorship('Ana');
    const mem = memory();
    const prep = new PrepModel({
      db: async () => d,
      now: clock().now,
      remembered: popupMentorshipItem,
      journal: pageJournal(mem.storage),
    });
    await prep.load();
    prep.typeNotes('a');
    expect([...mem.map.values()]).toEqual(['a']);
    prep.typeNotes('ab');
    expect([...mem.map.values()]).toEqual(['ab']);
    await prep.flush();
    expect(mem.map.size).toBe(0);
  });
});
