import type { RestoreMode } from '@/lib/backup/format';
import type { BackupKind } from '@/lib/backup/schema';
import { t } from '@/lib/i18n';
import type { PendingRestore } from '@/models/options/backups';

export interface BackupsProps {
  pending?: PendingRestore;
  busy: boolean;
  error?: string;
  /** What the last export or restore did, in one sentence. */
  done?: string;
  onExport(): void;
  onChooseFile(file: File): void;
  onMode(mode: RestoreMode): void;
  onConfirm(): void;
  onCancel(): void;
  /** Whether the browser keeps the records when disk space runs low. */
  persistence: 'unknown' | 'persisted' | 'refused';
}

/** Each kind of record, in the order the table lists them, with its name's locale key. */
const KIND_KEY: Record<BackupKind, string> = {
  mentorships: 'optKindMentorships',
  sessions: 'optKindSessions',
  notes: 'optKindNotes',
  reflections: 'optKindReflections',
};
const KINDS = Object.keys(KIND_KEY) as BackupKind[];

/** Export everything to a file, and restore from one after seeing what it will change. */
export function Backups(props: BackupsProps) {
  const p = props.pending;
  return (
    <section class="card stack" aria-labelledby="backups-title">
      <h1 id="backups-title">{t('optBackupsTitle')}</h1>
      <p class="muted">{t('optBackupsIntro')}</p>
      {props.persistence !== 'unknown' && (
        <p
          class={props.persistence === 'persisted' ? 'muted small' : 'warning small'}
          data-testid="storage-persistence"
        >
          {props.persistence === 'persisted' ? t('optStorageKept') : t('optStorageMayClear')}
        </p>
      )}
      <div class="row">
        <button type="button" class="primary" onClick={props.onExport} disabled={props.busy}>
          {t('optExport')}
        </button>
      </div>

      <h2>{t('optImportTitle')}</h2>
      <label>
        {t('optImportChoose')}
        <input
          type="file"
          accept="application/json,.json"
          disabled={props.busy}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) props.onChooseFile(file);
          }}
        />
      </label>
      {props.error && (
        <p class="error" role="alert">
          {props.error}
        </p>
      )}
      {props.done && (
        <p class="ok" role="status">
          {props.done}
        </p>
      )}

      {p && (
        <section class="opt-hint stack" aria-labelledby="restore-title">
          <h3 id="restore-title">{t('optRestoreTitle', p.fileName)}</h3>
          <fieldset class="opt-fieldset">
            <legend class="opt-small-legend">{t('optRestoreMode')}</legend>
            <label class="inline">
              <input
                type="radio"
                name="restore-mode"
                checked={p.mode === 'merge'}
                onChange={() => props.onMode('merge')}
              />{' '}
              {t('optModeMerge')}
            </label>
            <label class="inline">
              <input
                type="radio"
                name="restore-mode"
                checked={p.mode === 'replace'}
                onChange={() => props.onMode('replace')}
              />{' '}
              {t('optModeReplace')}
            </label>
          </fieldset>
          <div class="opt-table-wrap">
            <table class="opt-table">
              <caption class="visually-hidden">{t('optRestoreTableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('optColRecords')}</th>
                  <th scope="col">{t('optColAdd')}</th>
                  <th scope="col">{t('optColReplace')}</th>
                  <th scope="col">{t('optColSame')}</th>
                  <th scope="col">{p.mode === 'replace' ? t('optColRemove') : t('optColKeep')}</th>
                </tr>
              </thead>
              <tbody>
                {KINDS.map((k) => (
                  <tr key={k}>
                    <th scope="row">{t(KIND_KEY[k])}</th>
                    <td>{p.plan[k].add}</td>
                    <td>{p.plan[k].replace}</td>
                    <td>{p.plan[k].same}</td>
                    <td>{p.plan[k].remove}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {p.mode === 'replace' && <p class="opt-warn small">{t('optReplaceWarning')}</p>}
          {!p.changes && <p class="muted small">{t('optRestoreNothing')}</p>}
          <div class="row">
            <button
              type="button"
              class="primary"
              disabled={props.busy || !p.changes}
              onClick={props.onConfirm}
            >
              {t('optRestoreConfirm')}
            </button>
            <button type="button" onClick={props.onCancel} disabled={props.busy}>
              {t('optCancel')}
            </button>
          </div>
        </section>
      )}
    </section>
  );
}
