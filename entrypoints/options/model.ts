import { computed, signal } from '@preact/signals';
import type { FieldError } from '@/components/options/AgreementEditor';
import type { PendingRestore } from '@/components/options/Backups';
import { fromInputValue, tzOffsetAt } from '@/components/options/format';
import type { MentorshipListItem, View } from '@/components/options/MentorshipList';
import type { ScheduleError } from '@/components/options/Schedule';
import { createAutosave, type SaveStatus } from '@/lib/autosave';
import {
  BACKUP_TEXT,
  type BackupData,
  BackupError,
  exportBackup,
  MAX_BACKUP_CHARS,
  parseBackup,
  planRestore,
  type RestoreMode,
  restoreChangesSomething,
} from '@/lib/backup';
import { DB_REV_KEY } from '@/lib/changes';
import type { Db } from '@/lib/db';
import { t } from '@/lib/i18n';
import {
  type AgreementDraft,
  actionItemGroups,
  addGoal,
  agreementDraftOf,
  bookSession,
  checkGoalText,
  deleteGoal,
  dismissReflection,
  historyOf,
  loadAll,
  type MentorshipEdit,
  type OptionsSettings,
  readAgreementDraft,
  readSettingsDraft,
  rescheduleSession,
  restoreBackup,
  SETTINGS_KEY,
  type SettingsDraft,
  scheduleOf,
  setGoalDone,
  setLastSession,
  settingsOf,
  updateMentorship,
  wasHeld,
} from '@/lib/mentorships';
import type { Mentorship } from '@/lib/records';
import { createMentorship, editActionItems } from '@/lib/store';
import { toIsoDate } from '@/lib/time';
import { computeTrends } from '@/lib/trends';
import type { OnboardingValues } from '@/models/prep';

// The Mentorships page's state: what IndexedDB holds (reloaded whenever any page writes), which
// view is open, and the drafts being typed. Everything shown is derived with `computed` from
// those; actions write through lib/ and reload.

export interface OptionsEnv {
  db(): Promise<Db>;
  now(): number;
}

const editKey = (edit: MentorshipEdit) => JSON.stringify(edit);

function storedEdit(m: Mentorship): string {
  const read = readAgreementDraft(agreementDraftOf(m));
  return read.ok ? editKey(read.edit) : JSON.stringify(agreementDraftOf(m));
}

/** A sentence for an error from lib/ (which throws sentences), or a generic one. */
function sentence(error: unknown, fallback: string): string {
  if (error instanceof Error && /^[A-Z].*\.$/s.test(error.message)) return error.message;
  console.error('Mentor Companion:', error);
  return fallback;
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

export function createOptionsModel(env: OptionsEnv) {
  const data = signal<BackupData | undefined>(undefined);
  const loadFailed = signal(false);
  const now = signal(env.now());
  const requested = signal<View | undefined>(undefined);

  const agreement = signal<{ id: string; draft: AgreementDraft; known: string } | undefined>(
    undefined,
  );
  const agreementError = signal<FieldError | undefined>(undefined);
  const agreementSaved = signal<SaveStatus>('idle');
  const goalError = signal<string | undefined>(undefined);
  const scheduleError = signal<ScheduleError | undefined>(undefined);
  const actionError = signal<string | undefined>(undefined);
  const newError = signal<string | undefined>(undefined);

  const restoring = signal<{ fileName: string; data: BackupData; mode: RestoreMode } | undefined>(
    undefined,
  );
  const backupBusy = signal(false);
  const backupError = signal<string | undefined>(undefined);
  const backupDone = signal<string | undefined>(undefined);

  const settingsDraft = signal<SettingsDraft | undefined>(undefined);
  const settingsError = signal<{ field: keyof SettingsDraft; message: string } | undefined>(
    undefined,
  );
  const settingsSaved = signal<SaveStatus>('idle');

  // --- derived -------------------------------------------------------------------------------

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

  const sessions = computed(() => data.value?.sessions ?? []);

  const listItems = computed<MentorshipListItem[]>(() =>
    mentorships.value.map((m) => {
      const s = scheduleOf(m, sessions.value, now.value, tzOffsetAt(now.value));
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

  const schedule = computed(() => {
    const m = selected.value;
    return m && scheduleOf(m, sessions.value, now.value, tzOffsetAt(now.value));
  });
  const history = computed(() => {
    const m = selected.value;
    return m ? historyOf(m.id, sessions.value) : [];
  });
  const groups = computed(() => {
    const m = selected.value;
    return m ? actionItemGroups(m.id, sessions.value) : [];
  });
  const trends = computed(() => {
    const m = selected.value;
    return (
      m &&
      computeTrends({
        mentorship: m,
        sessions: sessions.value,
        reflections: data.value?.reflections ?? [],
        now: now.value,
      })
    );
  });
  const firstSession = computed(() => {
    const m = selected.value;
    return !!m && !sessions.value.some((s) => s.mentorshipId === m.id && wasHeld(s));
  });
  const pendingRestore = computed<PendingRestore | undefined>(() => {
    const r = restoring.value;
    const here = data.value;
    if (!r || !here) return undefined;
    const plan = planRestore(here, r.data, r.mode);
    return { fileName: r.fileName, mode: r.mode, plan, changes: restoreChangesSomething(plan) };
  });

  // --- loading -------------------------------------------------------------------------------

  /** Fills the agreement form from the stored mentorship, unless what is typed is newer. */
  function syncAgreement() {
    const m = selected.value;
    if (!m) {
      agreement.value = undefined;
      return;
    }
    const known = storedEdit(m);
    const current = agreement.value;
    const sameMentorship = current?.id === m.id;
    // Keep the draft while it is being saved or is not valid yet, and while the stored record is
    // the one the draft started from (or last saved): only a change made elsewhere replaces it.
    if (sameMentorship && (agreementSaved.value === 'saving' || current.known === known)) return;
    if (sameMentorship && agreementError.value) return;
    agreement.value = { id: m.id, draft: agreementDraftOf(m), known };
    agreementError.value = undefined;
  }

  let loads = 0;
  async function load() {
    const mine = ++loads;
    try {
      const all = await loadAll(await env.db());
      if (mine !== loads) return;
      data.value = all;
      loadFailed.value = false;
      syncAgreement();
    } catch (error) {
      console.error('Mentor Companion: could not read the database', error);
      loadFailed.value = true;
    }
  }

  function select(next: View) {
    requested.value = next;
    goalError.value = undefined;
    scheduleError.value = undefined;
    actionError.value = undefined;
    newError.value = undefined;
    backupDone.value = undefined;
    syncAgreement();
  }

  // --- agreement -----------------------------------------------------------------------------

  const agreementSaver = createAutosave<{ id: string; edit: MentorshipEdit }>(
    async ({ id, edit }) => {
      const saved = await updateMentorship(await env.db(), id, edit);
      const a = agreement.value;
      if (a?.id === id) agreement.value = { ...a, known: storedEdit(saved) };
      await load();
    },
    (s) => {
      agreementSaved.value = s;
    },
  );

  function editAgreement(patch: Partial<AgreementDraft>) {
    const a = agreement.value;
    if (!a) return;
    const draft = { ...a.draft, ...patch };
    agreement.value = { ...a, draft };
    const read = readAgreementDraft(draft);
    if (!read.ok) {
      // Nothing bad is saved: the form says what is wrong and waits.
      agreementError.value = { field: read.field, message: read.message };
      return;
    }
    agreementError.value = undefined;
    agreementSaver.push({ id: a.id, edit: read.edit });
  }

  // --- writes --------------------------------------------------------------------------------

  async function write(action: (d: Db) => Promise<unknown>, onError: (message: string) => void) {
    try {
      await action(await env.db());
      await load();
      return true;
    } catch (error) {
      onError(sentence(error, t('optWriteFailed')));
      return false;
    }
  }

  const withSelected = (fn: (m: Mentorship, d: Db) => Promise<unknown>) => (d: Db) => {
    const m = selected.value;
    if (!m) return Promise.reject(new Error('That mentorship no longer exists.'));
    return fn(m, d);
  };

  async function addGoalText(text: string): Promise<boolean> {
    const problem = checkGoalText(text);
    if (problem) {
      goalError.value = problem;
      return false;
    }
    goalError.value = undefined;
    return write(
      withSelected((m, d) => addGoal(d, m.id, text, env.now())),
      (e) => (goalError.value = e),
    );
  }

  const errorToAction = (e: string) => {
    actionError.value = e;
  };

  const actions = {
    load,
    select,
    editAgreement,
    addGoal: addGoalText,
    goalDone: (goalId: string, done: boolean) =>
      write(
        withSelected((m, d) => setGoalDone(d, m.id, goalId, done, env.now())),
        errorToAction,
      ),
    deleteGoal: (goalId: string) =>
      write(
        withSelected((m, d) => deleteGoal(d, m.id, goalId)),
        errorToAction,
      ),
    toggleItem: (sessionId: string, itemId: string) =>
      write((d) => editActionItems(d, sessionId, { toggle: itemId }, env.now()), errorToAction),
    book: (value: string) => {
      scheduleError.value = undefined;
      return write(
        withSelected((m, d) => bookSession(d, m.id, fromInputValue(value), env.now())),
        (message) => (scheduleError.value = { where: 'book', message }),
      );
    },
    reschedule: (sessionId: string, value: string) => {
      scheduleError.value = undefined;
      const at = fromInputValue(value);
      const original = sessions.value.find((s) => s.id === sessionId)?.scheduledAt ?? at;
      return write(
        (d) => rescheduleSession(d, sessionId, at, env.now(), tzOffsetAt(original)),
        (message) => (scheduleError.value = { where: sessionId, message }),
      );
    },
    markLast: (sessionId: string, last: boolean) => {
      scheduleError.value = undefined;
      return write(
        (d) => setLastSession(d, sessionId, last),
        (message) => (scheduleError.value = { where: sessionId, message }),
      );
    },
    dismiss: (sessionId: string, dismissed: boolean) =>
      write((d) => dismissReflection(d, sessionId, dismissed), errorToAction),
    create: async (values: OnboardingValues) => {
      newError.value = undefined;
      const at = values.firstSessionAt ? fromInputValue(values.firstSessionAt) : undefined;
      if (at !== undefined && !(at > env.now())) {
        newError.value = t('optFirstInPast');
        return;
      }
      let created: Mentorship | undefined;
      const ok = await write(
        async (d) => {
          created = (await createMentorship(d, { ...values, firstSessionAt: at }, env.now()))
            .mentorship;
        },
        (e) => (newError.value = e),
      );
      if (ok && created) select({ page: 'mentorship', id: created.id });
    },
  };

  // --- backups -------------------------------------------------------------------------------

  const backups = {
    /** Builds the file's text and name; the page turns it into a download. */
    async exportText(): Promise<{ name: string; text: string } | undefined> {
      backupError.value = undefined;
      backupDone.value = undefined;
      try {
        const at = env.now();
        const all = await loadAll(await env.db());
        const text = exportBackup(all, at);
        const name = `mentor-companion-backup-${toIsoDate(at, tzOffsetAt(at))}.json`;
        backupDone.value = t('optExported', [
          name,
          String(all.mentorships.length),
          String(all.sessions.length),
        ]);
        return { name, text };
      } catch (error) {
        backupError.value = sentence(error, t('optExportFailed'));
        return undefined;
      }
    },
    async choose(file: File) {
      backupError.value = undefined;
      backupDone.value = undefined;
      restoring.value = undefined;
      if (file.size > MAX_BACKUP_CHARS * 4) {
        backupError.value = BACKUP_TEXT.tooLarge;
        return;
      }
      let text: string;
      try {
        text = await file.text();
      } catch {
        backupError.value = t('optFileUnreadable');
        return;
      }
      try {
        restoring.value = { fileName: file.name, data: parseBackup(text), mode: 'merge' };
      } catch (error) {
        backupError.value =
          error instanceof BackupError ? error.message : sentence(error, t('optFileUnreadable'));
      }
    },
    mode(mode: RestoreMode) {
      const r = restoring.value;
      if (r) restoring.value = { ...r, mode };
    },
    cancel() {
      restoring.value = undefined;
    },
    async confirm() {
      const r = restoring.value;
      if (!r || backupBusy.value) return;
      backupBusy.value = true;
      backupError.value = undefined;
      try {
        await restoreBackup(await env.db(), r.data, r.mode);
        restoring.value = undefined;
        backupDone.value = t('optRestored', r.fileName);
        await load();
      } catch (error) {
        backupError.value =
          error instanceof BackupError ? error.message : sentence(error, t('optRestoreFailed'));
      } finally {
        backupBusy.value = false;
      }
    },
  };

  // --- settings ------------------------------------------------------------------------------

  const settingsSaver = createAutosave<OptionsSettings>(
    async (settings) => {
      // Keep any other setting stored under the same key.
      const got = await browser.storage.local.get(SETTINGS_KEY);
      const old = got[SETTINGS_KEY];
      const base = typeof old === 'object' && old !== null ? old : {};
      await browser.storage.local.set({ [SETTINGS_KEY]: { ...base, ...settings } });
    },
    (s) => {
      settingsSaved.value = s;
    },
  );

  const settings = {
    async load() {
      const got = await browser.storage.local.get(SETTINGS_KEY);
      const s = settingsOf(got[SETTINGS_KEY]);
      settingsDraft.value = {
        graceSeconds: String(s.graceSeconds),
        nudges: s.nudges,
        defaultSessionMinutes: String(s.defaultSessionMinutes),
      };
    },
    edit(patch: Partial<SettingsDraft>) {
      const current = settingsDraft.value;
      if (!current) return;
      const draft = { ...current, ...patch };
      settingsDraft.value = draft;
      const read = readSettingsDraft(draft);
      if (!read.ok) {
        settingsError.value = { field: read.field, message: read.message };
        return;
      }
      settingsError.value = undefined;
      settingsSaver.push(read.settings);
    },
  };

  /** Writes what is still waiting; call when the page is hidden. */
  function flush() {
    return Promise.all([agreementSaver.flush(), settingsSaver.flush()]);
  }

  /** Reloads when any extension page writes the database. */
  function watch(): () => void {
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && DB_REV_KEY in changes) load();
    };
    browser.storage.onChanged.addListener(onChange);
    const timer = setInterval(() => {
      now.value = env.now();
    }, 60_000);
    return () => {
      browser.storage.onChanged.removeListener(onChange);
      clearInterval(timer);
    };
  }

  return {
    state: {
      data,
      loadFailed,
      now,
      view,
      selected,
      listItems,
      schedule,
      history,
      groups,
      trends,
      firstSession,
      agreement,
      agreementError,
      agreementSaved,
      goalError,
      scheduleError,
      actionError,
      newError,
      pendingRestore,
      backupBusy,
      backupError,
      backupDone,
      settingsDraft,
      settingsError,
      settingsSaved,
    },
    actions,
    backups,
    settings,
    flush,
    watch,
  };
}

export type OptionsModel = ReturnType<typeof createOptionsModel>;
