// The Mentorships page: what IndexedDB holds (read again whenever any page writes), which view
// is open (kept in the address: #m=<id>, #new, #backups, #settings), the list of mentorships,
// and a new mentorship. The parts of one mentorship and the other views are their own models
// (agreement, schedule, backups, settings), built here over one shared context.
//
// Everything shown is derived with `computed` from the records and the view asked for.

import { computed, createModel, effect, signal } from '@preact/signals';
import type { BackupData } from '@/lib/backup/schema';
import { watchChanges } from '@/lib/changes';
import type { Db } from '@/lib/db';
import { UserError } from '@/lib/errors';
import { describeError, t } from '@/lib/i18n';
import type { Mentorship, Role } from '@/lib/records';
import { createMentorship } from '@/lib/repos/mentorships';
import { loadAll } from '@/lib/repos/snapshot';
import { scheduleOf, wasHeld } from '@/lib/rules/schedule';
import { computeTrends } from '@/lib/trends';
import { fromInputValue, tzOffsetAt } from '../local-time';
import type { OnboardingValues } from '../prep';
import { AgreementModel } from './agreement';
import { BackupsModel } from './backups';
import type { OptionsContext, OptionsEnv } from './context';
import { ScheduleModel } from './schedule';
import { SettingsModel } from './settings';

/** What the page shows: one mentorship, the form for a new one, backups or settings. */
export type View =
  | { page: 'mentorship'; id: string }
  | { page: 'new' }
  | { page: 'backups' }
  | { page: 'settings' };

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
  if (h === 'new' || h === 'backups' || h === 'settings') return { page: h };
  if (h.startsWith('m=') && h.length > 2)
    return { page: 'mentorship', id: decodeURIComponent(h.slice(2)) };
  return undefined;
}

export function hashOf(view: View): string {
  return view.page === 'mentorship' ? `#m=${encodeURIComponent(view.id)}` : `#${view.page}`;
}

export const OptionsModel = createModel((env: OptionsEnv) => {
  const data = signal<BackupData | undefined>(undefined);
  const loadFailed = signal(false);
  const today = signal(env.now());
  const requested = signal<View | undefined>(undefined);
  const newError = signal<string | undefined>(undefined);
  const watching = signal(false);

  const mentorships = computed(() =>
    (data.value?.mentorships ?? [])
      .filter((m) => !m.archivedAt)
      .sort((a, b) => a.createdAt - b.createdAt),
  );

  /** The view shown: the one asked for when it still exists, else the first mentorship. */
  const view = computed<View | undefined>(() => {
    if (!data.value) return undefined;
    const want = requested.value;
    if (want && (want.page !== 'mentorship' || mentorships.value.some((m) => m.id === want.id))) {
      return want;
    }
    const first = mentorships.value[0];
    return first ? { page: 'mentorship', id: first.id } : { page: 'new' };
  });

  const selected = computed(() => {
    const v = view.value;
    return v?.page === 'mentorship' ? mentorships.value.find((m) => m.id === v.id) : undefined;
  });

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

  let loads = 0;
  async function reload() {
    const mine = ++loads;
    try {
      const all = await loadAll(await env.db());
      // A slower, older read must not replace a newer one.
      if (mine !== loads) return;
      data.value = all;
      loadFailed.value = false;
    } catch (error) {
      console.error('Mentor Companion: could not read the database', error);
      loadFailed.value = true;
    }
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
  };

  const agreement = new AgreementModel(context);
  const schedule = new ScheduleModel(context);
  const backups = new BackupsModel(context);
  const settings = new SettingsModel(env);

  function select(next: View) {
    requested.value = next;
    newError.value = undefined;
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
    listItems,
    trends,
    firstSession,
    newError,
    agreement,
    schedule,
    backups,
    settings,
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
    /** Writes what is still waiting; call when the page is hidden. */
    async flush() {
      await Promise.all([agreement.flush(), settings.flush()]);
    },
  };
});

export type OptionsModel = InstanceType<typeof OptionsModel>;
