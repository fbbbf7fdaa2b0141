// Backups: every record to a file, and a file restored after seeing what it will change
// (merge: add and replace by id, keep the rest; replace: the file's records only).
//
//   idle ──choose file──> previewing(mode) ──confirm──> busy ──> idle (done | error)
//              └── refused (too large, unreadable, not a backup) ──> idle (error)

import { computed, createModel, signal } from '@preact/signals';
import {
  exportBackup,
  MAX_BACKUP_CHARS,
  parseBackup,
  planRestore,
  type RestoreMode,
  type RestorePlan,
  restoreChangesSomething,
} from '@/lib/backup/format';
import type { BackupData } from '@/lib/backup/schema';
import { UserError } from '@/lib/errors';
import { describeError, t } from '@/lib/i18n';
import { loadAll, restoreBackup } from '@/lib/repos/snapshot';
import { toIsoDate } from '@/lib/time';
import { tzOffsetAt } from '../local-time';
import type { OptionsContext } from './context';

/** A restore being looked at before it is confirmed. */
export interface PendingRestore {
  fileName: string;
  mode: RestoreMode;
  plan: RestorePlan;
  /** Whether applying it would change anything at all. */
  changes: boolean;
}

/** A file as the page hands it over (a `File`; its name and text are all that is read). */
export interface BackupFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

export const BackupsModel = createModel((ctx: OptionsContext) => {
  const restoring = signal<{ fileName: string; data: BackupData; mode: RestoreMode } | undefined>(
    undefined,
  );
  const busy = signal(false);
  const error = signal<string | undefined>(undefined);
  const done = signal<string | undefined>(undefined);
  /**
   * Whether the browser promised to keep the records when disk space runs low: asked for on
   * the Backups page; when it says no, the page says to export now and then.
   */
  const persistence = signal<'unknown' | 'persisted' | 'refused'>('unknown');

  const pending = computed<PendingRestore | undefined>(() => {
    const r = restoring.value;
    const here = ctx.data.value;
    if (!r || !here) return undefined;
    const plan = planRestore(here, r.data, r.mode);
    return { fileName: r.fileName, mode: r.mode, plan, changes: restoreChangesSomething(plan) };
  });

  return {
    pending,
    busy,
    error,
    done,
    persistence,
    /** Asks the browser to keep the records (once granted, it stays so). */
    async askToPersist(): Promise<void> {
      const manager = ctx.storage;
      if (!manager) return;
      try {
        const kept = (await manager.persisted()) || (await manager.persist());
        persistence.value = kept ? 'persisted' : 'refused';
      } catch (e) {
        console.error('Mentor Companion: could not ask to keep storage', e);
        persistence.value = 'refused';
      }
    },
    /** The backup file's name and text; the page turns them into a download. */
    async exportText(): Promise<{ name: string; text: string } | undefined> {
      error.value = undefined;
      done.value = undefined;
      try {
        const at = ctx.now();
        const all = await loadAll(await ctx.db());
        const text = exportBackup(all, at);
        const name = `mentor-companion-backup-${toIsoDate(at, tzOffsetAt(at))}.json`;
        done.value = t('optExported', [
          name,
          String(all.mentorships.length),
          String(all.sessions.length),
        ]);
        return { name, text };
      } catch (e) {
        error.value = describeError(e);
        return undefined;
      }
    },
    async choose(file: BackupFile) {
      error.value = undefined;
      done.value = undefined;
      restoring.value = undefined;
      // Read no further than a backup can be long (a character takes up to 4 bytes).
      if (file.size > MAX_BACKUP_CHARS * 4) {
        error.value = describeError(new UserError('backup-too-large'));
        return;
      }
      let text: string;
      try {
        text = await file.text();
      } catch {
        error.value = t('optFileUnreadable');
        return;
      }
      try {
        restoring.value = { fileName: file.name, data: parseBackup(text), mode: 'merge' };
      } catch (e) {
        error.value = describeError(e);
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
      if (!r || busy.value) return;
      busy.value = true;
      error.value = undefined;
      try {
        await restoreBackup(await ctx.db(), r.data, r.mode);
        restoring.value = undefined;
        done.value = t('optRestored', r.fileName);
        await ctx.reload();
      } catch (e) {
        error.value = describeError(e);
      } finally {
        busy.value = false;
      }
    },
    clearDone() {
      done.value = undefined;
    },
  };
});

export type BackupsModel = InstanceType<typeof BackupsModel>;
