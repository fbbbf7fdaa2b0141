// The Mentorships page: what IndexedDB holds (read again whenever any page writes), which view
// is open (kept in the address: #m=<id>, #s=<sessionId>, #new, #archived, #backups,
// #settings), the list of mentorships and who is next across them, a new mentorship, and
// archiving or deleting one. The parts of one mentorship and the other views are their own
// models (agreement, schedule, session page, search, undo, backups, settings), built here over
// one shared context.
//
// Everything shown is derived with `computed` from the records and the view asked for.

import { computed, createModel, effect, signal } from '@preact/signals';
import type { BackupData } from '@/lib/backup/schema';
import { watchChanges } from '@/lib/changes';
import type { Db } from '@/lib/db';
import { UserError } from '@/lib/errors';
import { describeError, t } from '@/lib/i18n';
import type { Mentorship, Role } from '@/lib/records';
import {
  archiveMentorship,
  createMentorship,
  deleteMentorship,
  unarchiveMentorship,
} from '@/lib/repos/mentorships';
import { loadAll } from '@/lib/repos/snapshot';
import { nextAcross, scheduleOf, wasHeld } from '@/lib/rules/schedule';
import { computeTrends } from '@/lib/trends';
import { fromInputValue, tzOffsetAt } from '../local-time';
import type { OnboardingValues } from '../prep';
import { AgreementModel } from './agreement';
import { BackupsModel } from './backups';
import { CalendarModel } from './calendar';
import type { OptionsContext, OptionsEnv } from './context';
import { MarkdownModel } from './markdown';
import { ReviewModel } from './review';
import { ScheduleModel } from './schedule';
import { SearchModel } from './search';
import { SessionPageModel } from './session-page';
import { SettingsModel } from './settings';
import { UndoModel } from './undo';

/** What the page shows: one mentorship, the form for a new one, backups or settings. */
export type View =
  | { page: 'mentorship'; id: string }
  | { page: 'session'; id: string }
  | { page: 'new' }
  | { page: 'archived' }
  | { page: 'backups' }
  | { page: 'settings' }
  | { page: 'review'; id: string };

/** A mentorship as the page's navigation lists it. */
export interface MentorshipListItem {
  id: string;
  otherName: string;
  myRole: Role;
  cadenceDays: number;
  nextAt?: number;
  needsScheduling: boolean;
}

export function parseHash(hash: string): View | undefined {
  const h = hash.replace(/^#/, '');
  if (h === 'new' || h === 'archived' || h === 'backups' || h === 'settings') return { page: h };
  if (h.startsWith('m=') && h.length > 2)
    return { page: 'mentorship', id: decodeURIComponent(h.slice(2)) };
  if (h.startsWith('s=') && h.length > 2)
    return { page: 'session', id: decodeURIComponent(h.slice(2)) };
  if (h.startsWith('review=') && h.length > 7)
    return { page: 'review', id: decodeURIComponent(h.slice(7)) };
  return undefined;
}

export function hashOf(view: View): string {
  if (view.page === 'mentorship') return `#m=${encodeURIComponent(view.id)}`;
  if (view.page === 'session') return `#s=${encodeURIComponent(view.id)}`;
  if (view.page === 'review') return `#review=${encodeURIComponent(view.id)}`;
  return `#${view.page}`;
}

export const OptionsModel = createModel((env: OptionsEnv) => {
  const data = signal<BackupData | undefined>(undefined);
  const loadFailed = signal(false);
  const today = signal(env.now());
  const requested = signal<View | undefined>(undefined);
  const newError = signal<string | undefined>(undefined);
  const watching = signal(false);

  const confirmingDelete = signal<string | undefined>(undefined);
  const mentorshipError = signal<string | undefined>(undefined);

  const mentorships = computed(() =>
    (data.value?.mentorships ?? [])
      .filter((m) => !m.archivedAt)
      .sort((a, b) => a.createdAt - b.createdAt),
  );
  const archived = computed(() =>
    (data.value?.mentorships ?? [])
      .filter((m) => m.archivedAt !== undefined)
      .sort((a, b) => (b.archivedAt ?? 0) - (a.archivedAt ?? 0)),
  );

  /** The view shown: the one asked for when it still exists, else the first mentorship. */
  const view = computed<View | undefined>(() => {
    if (!data.value) return undefined;
    const want = requested.value;
    const exists = (id: string) => mentorships.value.some((m) => m.id === id);
    if (want && (want.page === 'mentorship' || want.page === 'review' ? exists(want.id) : true)) {
      return want;
    }
    const first = mentorships.value[0];
    return first ? { page: 'mentorship', id: first.id } : { page: 'new' };
  });

  const selected = computed(() => {
    const v = view.value;
    if (v?.page === 'mentorship' || v?.page === 'review') {
      return mentorships.value.find((m) => m.id === v.id);
    }
    if (v?.page === 'session') {
      const of = data.value?.sessions.find((s) => s.id === v.id)?.mentorshipId;
      return of ? data.value?.mentorships.find((m) => m.id === of) : undefined;
    }
    return undefined;
  });

  /** Who is next across every active mentorship, the soonest first. */
  const nextUp = computed(() =>
    nextAcross(mentorships.value, data.value?.sessions ?? [], today.value),
  );

  const listItems = computed<MentorshipListItem[]>(() =>
    mentorships.value.map((m) => {
      const s = scheduleOf(m, data.value?.sessions ?? [], today.value, tzOffsetAt(today.value));
      return {
        id: m.id,
        otherName: m.otherName,
        myRole: m.myRole,
        cadenceDays: m.agreement.cadenceDays,
        nextAt: s.next?.scheduledAt,
        needsScheduling: s.needsScheduling,
      };
    }),
  );

  const trends = computed(() => {
    const m = selected.value;
    return (
      m &&
      computeTrends({
        mentorship: m,
        sessions: data.value?.sessions ?? [],
        reflections: data.value?.reflections ?? [],
        now: today.value,
      })
    );
  });

  /** No session of the mentorship shown has happened yet. */
  const firstSession = computed(() => {
    const m = selected.value;
    return !!m && !(data.value?.sessions ?? []).some((s) => s.mentorshipId === m.id && wasHeld(s));
  });

  async function readAll() {
    try {
      data.value = await loadAll(await env.db());
      loadFailed.value = false;
      await sessionPage.refresh();
    } catch (error) {
      console.error('Mentor Companion: could not read the database', error);
      loadFailed.value = true;
    }
  }

  // One read at a time. Asked again while one is under way (a save here and the change notice
  // it sends, a burst of changes from other pages), it reads once more after it, for everyone
  // who asked meanwhile: that read starts after their writes, so it sees them all.
  let reading: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  function reload(): Promise<void> {
    if (!reading) {
      reading = readAll().finally(() => {
        reading = undefined;
      });
      return reading;
    }
    next ??= reading.then(() => {
      next = undefined;
      return reload();
    });
    return next;
  }

  async function change(write: (d: Db) => Promise<unknown>): Promise<string | undefined> {
    try {
      await write(await env.db());
      await reload();
      return undefined;
    } catch (error) {
      return describeError(error);
    }
  }

  const context: OptionsContext = {
    ...env,
    data,
    selected,
    today,
    reload,
    change,
    changeSelected(write) {
      const m = selected.value;
      if (!m) return Promise.resolve(describeError(new UserError('mentorship-gone')));
      return change((d) => write(m, d));
    },
    remove(write) {
      return change(async (d) => {
        undo.track(await write(d));
      });
    },
  };
  const undo = new UndoModel({ db: env.db, now: env.now, reload });
  const sessionPage = new SessionPageModel(context);
  const search = new SearchModel(context);

  const agreement = new AgreementModel(context);
  const schedule = new ScheduleModel(context);
  const backups = new BackupsModel(context);
  const settings = new SettingsModel(env);
  const calendar = new CalendarModel(context);
  const markdown = new MarkdownModel(context);
  const review = new ReviewModel(context);

  function select(next: View) {
    requested.value = next;
    if (next.page === 'session') sessionPage.open(next.id);
    else sessionPage.close();
    review.open(next.page === 'review' ? next.id : undefined);
    newError.value = undefined;
    mentorshipError.value = undefined;
    confirmingDelete.value = undefined;
    agreement.clearErrors();
    schedule.clearErrors();
    backups.clearDone();
  }

  // While the page is open: read again when any page writes, and move "now" on each minute.
  effect(() => {
    if (!watching.value) return;
    const unwatch = watchChanges(() => {
      reload();
    });
    const timer = setInterval(() => {
      today.value = env.now();
    }, 60_000);
    return () => {
      unwatch();
      clearInterval(timer);
    };
  });

  return {
    data,
    loadFailed,
    today,
    view,
    selected,
    archived,
    nextUp,
    listItems,
    confirmingDelete,
    mentorshipError,
    undo,
    sessionPage,
    search,
    trends,
    firstSession,
    newError,
    agreement,
    schedule,
    backups,
    settings,
    calendar,
    markdown,
    review,
    load: reload,
    select,
    /** Starts following changes made elsewhere; disposing the model stops it. */
    watch() {
      watching.value = true;
    },
    /** A new mentorship from the page's form; the page then shows it. */
    async create(values: OnboardingValues) {
      newError.value = undefined;
      const at = values.firstSessionAt ? fromInputValue(values.firstSessionAt) : undefined;
      if (at !== undefined && !(at > env.now())) {
        newError.value = t('optFirstInPast');
        return;
      }
      let created: Mentorship | undefined;
      const failed = await change(async (d) => {
        created = (await createMentorship(d, { ...values, firstSessionAt: at }, env.now()))
          .mentorship;
      });
      if (failed) newError.value = failed;
      else if (created) select({ page: 'mentorship', id: created.id });
    },
    /**
     * Shows the mentorship after the one shown in "who is next" order (the soonest first), so
     * one key goes through a mentor's mentees as their sessions come.
     */
    nextMentorship() {
      const order = nextUp.value.map((n) => n.mentorship.id);
      if (!order.length) return;
      const at = selected.value ? order.indexOf(selected.value.id) : -1;
      const id = order[(at + 1) % order.length];
      if (id) select({ page: 'mentorship', id });
    },
    /** Archives a mentorship: it leaves the list, everything of it is kept (Archived). */
    async archive(id: string) {
      mentorshipError.value = await change((d) => archiveMentorship(d, id, env.now()));
    },
    async unarchive(id: string) {
      mentorshipError.value = await change((d) => unarchiveMentorship(d, id));
      if (!mentorshipError.value) select({ page: 'mentorship', id });
    },
    /** The one confirmation before a mentorship is deleted with all its records. */
    askDelete(id: string) {
      confirmingDelete.value = id;
    },
    cancelDelete() {
      confirmingDelete.value = undefined;
    },
    /** Deletes the mentorship asked about, with its sessions, notes and reflections (undoable). */
    async confirmDelete() {
      const id = confirmingDelete.value;
      if (!id) return;
      mentorshipError.value = await context.remove((d) => deleteMentorship(d, id, env.now()));
      if (!mentorshipError.value) confirmingDelete.value = undefined;
    },
    /** Writes what is still waiting; call when the page is hidden. */
    async flush() {
      await Promise.all([agreement.flush(), settings.flush()]);
    },
  };
});

export type OptionsModel = InstanceType<typeof OptionsModel>;
