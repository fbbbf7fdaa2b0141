// The popup's preparation: which mentorship, the session to prepare (the next one still
// scheduled, made when there is none), its topic and the pre-session notes, each saved as it is
// typed (a version of the topic is kept once it settles: a pause, leaving the field); booking that
// session when it has no date; the first mentorship, from the popup.
//
// Each choice of mentorship is its own "desk": the session it prepares (a promise while it
// loads) and its own savers. A keystroke is written through the desk it was typed on, so it
// lands on the session it was typed for even when the user picks another mentorship before the
// write ran, and text typed while the session is still loading is written once it has loaded
// (and is not replaced by what was stored).
//
//   no mentorships ──create──> preparing(m) <──choose── preparing(other)
//
// The clock, the database and the remembered choice (popupMentorshipItem) come in.

import { computed, createModel, signal } from '@preact/signals';
import { combinedStatus, createAutosave, type SaveStatus } from '@/lib/autosave';
import type { Db } from '@/lib/db';
import { describeError } from '@/lib/i18n';
import type { Mentorship, Role, SessionRecord } from '@/lib/records';
import { createMentorship, listMentorships } from '@/lib/repos/mentorships';
import { getPreNote, savePreNote } from '@/lib/repos/notes';
import {
  bookSession,
  ensurePrepSession,
  nextSession,
  setTopic,
  settleTopic,
} from '@/lib/repos/sessions';
import { nextAcross } from '@/lib/rules/schedule';
import { type Journal, noJournal } from '@/lib/storage/journal';
import { fromInputValue } from './local-time';

/** What the first-run form asks (Onboarding), as typed. */
export interface OnboardingValues {
  otherName: string;
  myRole: Role;
  meetingLink: string;
  cadenceDays: number;
  sessionMinutes: number;
  /** A datetime-local value, or ''. */
  firstSessionAt: string;
}

/** Where the popup keeps the mentorship it showed last. */
export interface Remembered {
  get(): Promise<string | null>;
  set(id: string | null): Promise<void>;
}

export interface PrepEnv {
  db: () => Promise<Db>;
  now: () => number;
  remembered: Remembered;
  /** What was typed, kept synchronously until it is saved (lib/storage/journal.ts). */
  journal?: Journal;
}

export const PrepModel = createModel((env: PrepEnv) => {
  const journal = env.journal ?? noJournal;
  const field = (m: Mentorship, what: 'notes' | 'topic') => `${m.id}:${what}`;
  const mentorships = signal<Mentorship[] | undefined>(undefined);
  const current = signal<Mentorship | undefined>(undefined);
  const session = signal<SessionRecord | undefined>(undefined);
  const topicDraft = signal('');
  const notes = signal('');
  const saved = signal<SaveStatus>('idle');
  const onboardingError = signal<string | undefined>(undefined);
  const bookError = signal<string | undefined>(undefined);
  const loadError = signal<string | undefined>(undefined);
  /** Why the last keystrokes could not be written (too long, the disk full); cleared by a save. */
  const saveError = signal<string | undefined>(undefined);
  /** Each mentorship's next booking, for "who is next" across them. */
  const booked = signal<SessionRecord[]>([]);

  /** Every mentorship, the one whose session comes first at the top (a mentor's mentees). */
  const nextUp = computed(() => nextAcross(mentorships.value ?? [], booked.value, env.now()));

  /** Nothing set up yet: the popup shows the first-run form. */
  const onboarding = computed(() => mentorships.value !== undefined && !current.value);

  interface Desk {
    mentorship: Mentorship;
    session: Promise<SessionRecord>;
    typed: { topic: boolean; notes: boolean };
    notes: ReturnType<typeof createAutosave<string>>;
    topic: ReturnType<typeof createAutosave<string>>;
  }
  const desks: Desk[] = [];
  let desk: Desk | undefined;
  // The topic and the notes share one status line: it says "Saved" only when both are written
  // (and anything typed for another mentorship before a switch).
  const statuses = new Map<object, SaveStatus>();
  const statusOf = (saver: object) => (s: SaveStatus) => {
    statuses.set(saver, s);
    saved.value = combinedStatus(statuses.values());
  };

  /**
   * A write of what was typed, saying why when it is refused (the saver itself only logs). Each
   * saver's refusal stands until that saver writes: the notes going through do not hide that
   * the topic did not.
   */
  const refusals = new Map<object, string>();
  async function saving(saver: object, write: () => Promise<unknown>) {
    try {
      await write();
      refusals.delete(saver);
    } catch (error) {
      refusals.set(saver, describeError(error));
      throw error;
    } finally {
      saveError.value = refusals.values().next().value;
    }
  }

  function openDesk(m: Mentorship): Desk {
    // The next session, or a new undated one (the sessions repository makes it).
    const sessionReady = env.db().then((d) => ensurePrepSession(d, m.id));
    // A failure is reported by `choose`; the savers then have nothing to write to.
    sessionReady.catch(() => {});
    const notesSaver = {};
    const topicSaver = {};
    const opened: Desk = {
      mentorship: m,
      session: sessionReady,
      typed: { topic: false, notes: false },
      notes: createAutosave<string>(
        (text) =>
          saving(notesSaver, async () => {
            const s = await sessionReady;
            await savePreNote(await env.db(), s, 'mentee', text, env.now());
            journal.saved(field(m, 'notes'), text);
          }),
        statusOf(notesSaver),
      ),
      topic: createAutosave<string>(
        (text) =>
          saving(topicSaver, async () => {
            const s = await sessionReady;
            const next = await setTopic(await env.db(), s.id, text, m.myRole, env.now());
            journal.saved(field(m, 'topic'), text);
            if (desk === opened) session.value = next;
          }),
        statusOf(topicSaver),
      ),
    };
    desks.push(opened);
    return opened;
  }

  async function choose(m: Mentorship) {
    const mine = openDesk(m);
    desk = mine;
    current.value = m;
    session.value = undefined;
    topicDraft.value = '';
    notes.value = '';
    bookError.value = undefined;
    loadError.value = undefined;
    try {
      await env.remembered.set(m.id);
      const s = await mine.session;
      const note = await getPreNote(await env.db(), s.id, 'mentee');
      if (desk !== mine) return;
      session.value = s;
      // What was typed while the session loaded stays; the savers write it to this session.
      if (!mine.typed.topic) topicDraft.value = s.topic?.text ?? '';
      if (!mine.typed.notes) notes.value = note?.text ?? '';
      // Typed just before the page went and not yet written (the browser closed mid-write):
      // written now, as if it had just been typed.
      const lostNotes = journal.read(field(m, 'notes'));
      if (!mine.typed.notes && lostNotes !== undefined) {
        if (lostNotes === (note?.text ?? '')) journal.saved(field(m, 'notes'), lostNotes);
        else {
          notes.value = lostNotes;
          mine.notes.push(lostNotes);
        }
      }
      const lostTopic = journal.read(field(m, 'topic'));
      if (!mine.typed.topic && lostTopic !== undefined) {
        if (lostTopic === (s.topic?.text ?? '')) journal.saved(field(m, 'topic'), lostTopic);
        else {
          topicDraft.value = lostTopic;
          mine.topic.push(lostTopic);
        }
      }
    } catch (error) {
      if (desk === mine) loadError.value = describeError(error);
    }
  }

  /** Reads the session again (after a booking or an import changed it). */
  async function reload() {
    const m = current.value;
    if (m) await choose(m);
  }

  return {
    mentorships,
    nextUp,
    current,
    session,
    topicDraft,
    notes,
    saved,
    onboarding,
    onboardingError,
    bookError,
    loadError,
    saveError,

    /** Opens on the mentorship shown last, or the first one. */
    async load() {
      const all = await listMentorships(await env.db());
      const remembered = await env.remembered.get();
      mentorships.value = all;
      if (all.length > 1) {
        const d = await env.db();
        const next = await Promise.all(all.map((m) => nextSession(d, m.id)));
        booked.value = next.filter((x): x is SessionRecord => x !== undefined);
      }
      const pick = all.find((m) => m.id === remembered) ?? all[0];
      if (pick) await choose(pick);
    },
    choose,
    /** Shows the mentorship after the one shown, in "who is next" order (one key in the popup). */
    chooseNext() {
      const order = nextUp.value.map((n) => n.mentorship);
      if (order.length < 2) return Promise.resolve();
      const at = order.findIndex((m) => m.id === current.value?.id);
      const m = order[(at + 1) % order.length];
      return m ? choose(m) : Promise.resolve();
    },
    chooseId(id: string) {
      const m = mentorships.value?.find((x) => x.id === id);
      return m ? choose(m) : Promise.resolve();
    },
    reload,
    typeTopic(text: string) {
      if (!desk) return;
      topicDraft.value = text;
      desk.typed.topic = true;
      journal.write(field(desk.mentorship, 'topic'), text);
      desk.topic.push(text);
    },
    /** The topic field was left: its text is kept as a version once written (lib/rules/topic.ts). */
    async leaveTopic() {
      const mine = desk;
      if (!mine?.typed.topic) return;
      try {
        await mine.topic.flush();
        const s = await mine.session;
        const next = await settleTopic(await env.db(), s.id);
        if (desk === mine) session.value = next;
      } catch (error) {
        // Only the version is missing; the text itself was saved as it was typed.
        console.error('Mentor Companion: could not keep the topic version', error);
      }
    },
    typeNotes(text: string) {
      if (!desk) return;
      notes.value = text;
      desk.typed.notes = true;
      journal.write(field(desk.mentorship, 'notes'), text);
      desk.notes.push(text);
    },
    /** Books the session being prepared at a datetime-local value. */
    async book(when: string) {
      const m = current.value;
      if (!m) return;
      bookError.value = undefined;
      try {
        await bookSession(await env.db(), m.id, fromInputValue(when), env.now());
        await reload();
      } catch (error) {
        bookError.value = describeError(error);
      }
    },
    /** The first mentorship, from the popup's first-run form. */
    async create(values: OnboardingValues) {
      onboardingError.value = undefined;
      try {
        const at = values.firstSessionAt ? fromInputValue(values.firstSessionAt) : undefined;
        const { mentorship } = await createMentorship(
          await env.db(),
          { ...values, firstSessionAt: Number.isFinite(at) ? at : undefined },
          env.now(),
        );
        mentorships.value = [...(mentorships.value ?? []), mentorship];
        await choose(mentorship);
      } catch (error) {
        onboardingError.value = describeError(error);
      }
    },
    /** Resolves when every keystroke typed so far is written (the popup is closing). */
    async flush() {
      await Promise.all(desks.flatMap((d) => [d.notes.flush(), d.topic.flush()]));
    },
  };
});

export type PrepModel = InstanceType<typeof PrepModel>;
