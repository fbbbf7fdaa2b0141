import { t } from '@/lib/i18n';
import type { MarkdownModel } from '@/models/options/markdown';
import { formatWhen } from './format';

export interface MarkdownExportProps {
  model: MarkdownModel;
  download(name: string, text: string): void;
}

/** The mentorship, or one session, as Markdown to copy or download. */
export function MarkdownExport({ model, download }: MarkdownExportProps) {
  const copied = model.copied.value;
  const sessions = model.sessions.value;
  const save = (file: { name: string; text: string } | undefined) => {
    if (file) download(file.name, file.text);
  };
  return (
    <section class="card stack" aria-labelledby="md-title" data-testid="markdown">
      <h2 id="md-title">{t('mdExportTitle')}</h2>
      <p class="muted small">{t('mdExportIntro')}</p>
      <label class="inline">
        <input
          type="checkbox"
          name="md-reflection"
          checked={model.includeReflection.value}
          onChange={(e) => model.setIncludeReflection(e.currentTarget.checked)}
        />{' '}
        {t('mdIncludeReflection')}
      </label>
      <div class="row">
        <button type="button" class="primary" onClick={() => model.copyMentorship()}>
          {copied === 'mentorship' ? t('mdCopied') : t('mdCopy')}
        </button>
        <button type="button" onClick={() => save(model.mentorshipFile())}>
          {t('mdDownload')}
        </button>
      </div>
      <span class="visually-hidden" aria-live="polite">
        {copied ? t('mdCopied') : ''}
      </span>
      {model.error.value && (
        <p class="error small" role="alert">
          {model.error.value}
        </p>
      )}
      {sessions.length > 0 && (
        <details>
          <summary>{t('mdOneSession')}</summary>
          <ul class="plain stack md-sessions">
            {sessions.map((s) => {
              const when = s.at === undefined ? t('mdNoDate') : formatWhen(s.at);
              return (
                <li key={s.id} class="spread">
                  <span>
                    {when}
                    {s.topic && <span class="muted"> · {s.topic}</span>}
                  </span>
                  <span class="row">
                    <button
                      type="button"
                      aria-label={t('mdCopySessionFor', when)}
                      onClick={() => model.copySession(s.id)}
                    >
                      {copied === s.id ? t('mdCopied') : t('mdCopyShort')}
                    </button>
                    <button
                      type="button"
                      aria-label={t('mdDownloadSessionFor', when)}
                      onClick={() => save(model.sessionFile(s.id))}
                    >
                      {t('mdDownloadShort')}
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </section>
  );
}
