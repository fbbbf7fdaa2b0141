import { t, tIsolated } from '@/lib/i18n';
import type { Role } from '@/lib/records';
import type { PackModel } from '@/models/pack';
import { InvitePreview } from './InvitePreview';

/** A calendar file's first line, quoted in the hint as it is written, the same in every language. */
const VCALENDAR = 'BEGIN:VCALENDAR';

/** The text with the file token in it set as code. */
function withToken(text: string, token: string) {
  const at = text.indexOf(token);
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <code dir="ltr">{token}</code>
      {text.slice(at + token.length)}
    </>
  );
}

/**
 * Sending the topic and notes to the other person, and reading what they sent. Shown open, as
 * the step it is (issue 13): folded away, people did not find it.
 */
export function SharePanel({ model, myRole }: { model: PackModel; myRole: Role }) {
  const include = model.include.value;
  const pasted = model.pasted.value;
  const error = model.error.value;
  const info = model.info.value;
  const pending = model.pending.value;
  const preview = model.preview.value;
  const empty = model.empty.value;
  const { url: mailto, tooLong, mailTooLong } = model.mail.value;
  const invite = model.invite;
  const invitePending = Boolean(invite.preview.value || invite.cancel.value);
  const otherRole = t(myRole === 'mentor' ? 'roleMentee' : 'roleMentor');
  return (
    <section class="card stack" aria-labelledby="share-h" data-testid="share-step">
      <h2 id="share-h" class="share-title">
        {t('shareTitle', otherRole)}
      </h2>
      <div class="stack">
        <div class="row small">
          <label class="inline">
            <input
              type="checkbox"
              checked={include.topic}
              onChange={(e) => model.setInclude({ topic: e.currentTarget.checked })}
            />{' '}
            {t('shareIncludeTopic')}
          </label>
          <label class="inline">
            <input
              type="checkbox"
              checked={include.notes}
              onChange={(e) => model.setInclude({ notes: e.currentTarget.checked })}
            />{' '}
            {t('shareIncludeNotes')}
          </label>
        </div>
        <div class={mailTooLong ? 'row share-copy-first' : 'row'}>
          <a
            class={mailTooLong ? 'button' : 'button primary'}
            href={empty ? undefined : mailto}
            aria-disabled={empty || !mailto}
            data-testid="share-mailto"
            target="_blank"
            rel="noreferrer"
          >
            {t('shareEmail', otherRole)}
          </a>
          <button
            type="button"
            class={mailTooLong ? 'primary' : undefined}
            data-testid="share-copy"
            disabled={empty || Boolean(tooLong)}
            onClick={() => model.copyPack()}
          >
            {model.copied.value ? t('shareCopied') : t('shareCopy')}
          </button>
        </div>
        {mailTooLong && !empty && (
          <p class="muted small" data-testid="share-mail-too-long">
            {t('shareMailTooLong')}
          </p>
        )}
        {tooLong && (
          <p class="error small" role="alert">
            {tooLong}
          </p>
        )}
        <label>
          {t('importLabel', otherRole)}
          <textarea
            dir="auto"
            name="import"
            class="paste-box"
            rows={2}
            value={pasted}
            placeholder={t('importPlaceholder')}
            aria-describedby="import-invite-hint"
            onInput={(e) => model.paste(e.currentTarget.value)}
          />
        </label>
        <p id="import-invite-hint" class="muted small">
          {withToken(t('importInviteHint'), VCALENDAR)}
        </p>
        <InvitePreview model={invite} idPrefix="popup" />
        {error && (
          <p class="error small" role="alert" data-testid="import-error">
            {error}
          </p>
        )}
        {info && (
          <p class="ok small" role="status" data-testid="import-info">
            {info}
          </p>
        )}
        {pending?.plan.needsChoice && (
          <label>
            {t('importChoose')}
            <select onChange={(e) => model.chooseMentorship(e.currentTarget.value)} defaultValue="">
              <option value="" disabled>
                …
              </option>
              {pending.plan.candidates.map((c) => (
                <option value={c.id} key={c.id} dir="auto">
                  {c.otherName}
                </option>
              ))}
            </select>
          </label>
        )}
        {preview && (
          <div class="stack" data-testid="import-preview">
            <p class="small">{tIsolated('importPreview', preview.otherName)}</p>
            {model.previewSessionAt.value && (
              <p class="small" data-testid="import-session-at">
                {t('sharePackSession', model.previewSessionAt.value)}
              </p>
            )}
            <ul class="small" style="margin:0;padding-inline-start:18px">
              {preview.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <div class="row">
              <button type="button" class="primary" onClick={() => model.apply()}>
                {t('importApply')}
              </button>
              <button type="button" onClick={() => model.cancel()}>
                {t('cancel')}
              </button>
            </div>
          </div>
        )}
        {!pending && !invitePending && (
          <div>
            <button
              type="button"
              disabled={!pasted.trim() || invite.busy.value}
              onClick={() => model.read()}
            >
              {t('importRead')}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
