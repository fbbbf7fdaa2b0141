import { formatDateTime, t, tIsolated } from '@/lib/i18n';
import type { ReflectionModel } from '@/models/reflection';
import { ReflectionForm } from './ReflectionForm';
import { saveStatusText } from './save-status';

/** The summary to paste to the other person: only the answers ticked here. */
function ShareSummary({ model }: { model: ReflectionModel }) {
  const ticked = model.ticked.value;
  return (
    <details class="card stack" data-testid="share-summary">
      <summary>
        <strong>{t('shareSummary')}</strong>
      </summary>
      <p class="small muted">{t('shareSummaryHint')}</p>
      <fieldset class="stack small" style="border:0;padding:0;margin:0">
        <legend class="visually-hidden">{t('shareSummary')}</legend>
        {model.summaryItems.value.map(({ question, labels }) => (
          <label class="inline" key={question.id}>
            <input
              type="checkbox"
              checked={ticked.includes(question.id)}
              onChange={(e) => model.tick(question.id, e.currentTarget.checked)}
            />{' '}
            {labels.text}
          </label>
        ))}
      </fieldset>
      {ticked.length > 0 && (
        <>
          <textarea
            dir="auto"
            readOnly
            rows={6}
            value={model.summary.value}
            aria-label={t('shareSummary')}
          />
          <button type="button" onClick={() => model.copySummary()}>
            {model.copied.value ? t('shareCopied') : t('shareCopy')}
          </button>
        </>
      )}
    </details>
  );
}

/** The reflection checklist for one session, with its summary to share. */
export function ReflectionPanel({
  model,
  onSkipped,
}: {
  model: ReflectionModel;
  /** After "not this time": the panel goes back to what it showed before. */
  onSkipped(): void;
}) {
  if (!model.loaded.value) return <p class="muted">{t('loading')}</p>;
  if (model.skipped.value) return <p class="muted">{t('reflectionSkipped')}</p>;
  const s = model.session.value;
  const m = model.mentorship.value;
  const r = model.reflection.value;
  const kind = model.kind.value;
  const role = model.role.value;
  const readOnly = model.readOnly.value;
  const status = model.status.value;
  return (
    <section class="stack" data-testid="reflection" data-kind={kind} aria-labelledby="reflect-h">
      <h1 id="reflect-h">
        {m ? tIsolated('reflectOnSessionWith', m.otherName) : t('reflectOnSession')}
      </h1>
      {s && (
        <p class="muted small">
          {s.startedAt ? formatDateTime(s.startedAt) : ''}
          {kind !== 'regular' && ` · ${t(kind === 'first' ? 'firstSession' : 'lastSession')}`}
        </p>
      )}
      {model.error.value && (
        <p class="error" role="alert" data-testid="reflection-error">
          {model.error.value}
        </p>
      )}
      {s && !m && !readOnly && (
        <fieldset class="row small" style="border:0;padding:0;margin:0">
          <legend style="font-weight:600">{t('myRoleWas')}</legend>
          {(['mentee', 'mentor'] as const).map((choice) => (
            <label class="inline" key={choice}>
              <input
                type="radio"
                name="role"
                checked={role === choice}
                onChange={() => model.chooseRole(choice)}
              />{' '}
              {t(choice === 'mentee' ? 'roleMentee' : 'roleMentor')}
            </label>
          ))}
        </fieldset>
      )}
      {r && s && (
        <>
          <p class="small muted">
            {t(role === 'mentor' ? 'reflectIntroMentor' : 'reflectIntroMentee')}
          </p>
          <ReflectionForm
            items={model.items.value}
            goal={model.goal.value}
            suggestedNext={model.suggestedNext.value}
            readOnly={readOnly}
            onAnswer={(id, patch) => model.answer(id, patch)}
          />
          <p class="small muted" role="status" aria-live="polite" data-testid="reflection-status">
            {r.complete || model.done.value ? t('reflectionDone') : saveStatusText(status)}
          </p>
          {!readOnly && (
            <div class="row">
              <button type="button" class="primary" onClick={() => model.complete()}>
                {r.complete ? t('reflectionUpdate') : t('reflectionComplete')}
              </button>
              {!r.complete && (
                <button
                  type="button"
                  onClick={async () => {
                    await model.skip();
                    if (model.skipped.value) onSkipped();
                  }}
                >
                  {t('reflectionSkip')}
                </button>
              )}
            </div>
          )}
          <ShareSummary model={model} />
        </>
      )}
      <p class="small muted">
        {t('reflectionPrivate', t(role === 'mentor' ? 'roleMentee' : 'roleMentor'))}
      </p>
    </section>
  );
}
