import './invite-preview.css';
import { t } from '@/lib/i18n';
import type { InviteModel } from '@/models/invite';
import { formatWhen } from './options/format';

/**
 * What a calendar invite would book (or cancel), its sentence when it books nothing, and the
 * buttons to go on. Shared by the popup's import box and the Mentorships page.
 */
export function InvitePreview({ model, idPrefix }: { model: InviteModel; idPrefix: string }) {
  const preview = model.preview.value;
  const cancel = model.cancel.value;
  const error = model.error.value;
  const info = model.info.value;
  const busy = model.busy.value;
  const chooseId = `${idPrefix}-invite-for`;
  const sessionId = `${idPrefix}-invite-session`;
  return (
    <>
      {error && (
        <p class="error small" role="alert" data-testid="invite-error">
          {error}
        </p>
      )}
      {info && (
        <p class="ok small" role="status" data-testid="invite-info">
          {info}
        </p>
      )}
      {preview && (
        <div class="stack invite-preview" data-testid="invite-preview">
          <p class="small">
            <strong>
              {t(
                preview.movesFrom !== undefined
                  ? 'inviteMoves'
                  : preview.usesFor !== undefined
                    ? 'inviteUses'
                    : 'inviteBooks',
              )}
            </strong>
          </p>
          <dl class="small invite-facts">
            {preview.summary && (
              <>
                <dt>{t('inviteTitle')}</dt>
                <dd>{preview.summary}</dd>
              </>
            )}
            <dt>{t('inviteWhen')}</dt>
            <dd data-testid="invite-when">
              {preview.movesFrom !== undefined && (
                <>
                  <del>{formatWhen(preview.movesFrom)}</del> →{' '}
                </>
              )}
              {formatWhen(preview.at)}
            </dd>
            <dt>{t('inviteLink')}</dt>
            <dd class="invite-link" data-testid="invite-link">
              {preview.link}
            </dd>
            {preview.chosen && preview.candidates.length === 1 && (
              <>
                <dt>{t('inviteFor')}</dt>
                <dd>
                  {preview.otherName}
                  {preview.byLink && <span class="muted"> · {t('inviteByLink')}</span>}
                </dd>
              </>
            )}
          </dl>
          {preview.candidates.length > 1 && (
            <label for={chooseId}>
              {t('inviteChoose')}
              <select
                id={chooseId}
                value={preview.chosen ?? ''}
                onChange={(e) => model.choose(e.currentTarget.value)}
              >
                <option value="" disabled>
                  …
                </option>
                {preview.candidates.map((c) => (
                  <option value={c.id} key={c.id}>
                    {c.otherName}
                  </option>
                ))}
              </select>
            </label>
          )}
          {preview.bookings.length > 0 && (
            <label for={sessionId}>
              {t('inviteForSession')}
              <select
                id={sessionId}
                data-testid="invite-session"
                value={
                  preview.picked ??
                  (preview.usesFor !== undefined
                    ? preview.bookings.find((b) => b.at === preview.usesFor)?.id
                    : '') ??
                  ''
                }
                onChange={(e) => model.pickSession(e.currentTarget.value || undefined)}
              >
                {!preview.bookings.some((b) => b.at === preview.at) && (
                  <option value="">{t('inviteNewSession')}</option>
                )}
                {preview.bookings.map((b) => (
                  <option value={b.id} key={b.id}>
                    {formatWhen(b.at)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div class="row">
            <button
              type="button"
              class="primary"
              disabled={busy || !preview.chosen}
              onClick={() => model.confirm()}
            >
              {preview.movesFrom !== undefined
                ? t('inviteMove')
                : preview.usesFor !== undefined
                  ? t('inviteUseLink', formatWhen(preview.usesFor))
                  : t('inviteBook')}
            </button>
            <button type="button" onClick={() => model.reset()}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      {cancel && (
        <div class="stack invite-preview" data-testid="invite-cancel">
          <p class="small" role="status">
            {t('inviteCancels', [cancel.otherName, formatWhen(cancel.at)])}
          </p>
          <div class="row">
            <button type="button" class="danger" disabled={busy} onClick={() => model.confirm()}>
              {t('inviteCancelBooking')}
            </button>
            <button type="button" onClick={() => model.reset()}>
              {t('inviteKeepBooking')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
