import { t } from '@/lib/i18n';

/** The manual fallback when detection misses a call, and a way to end one by hand. */
export function CallControls(props: {
  live: boolean;
  error?: string;
  onStart(): void;
  onEnd(): void;
  onPanel?: () => void;
}) {
  return (
    <section class="stack" aria-label={t('callControls')}>
      <div class="row">
        {props.live ? (
          <button type="button" class="danger" onClick={props.onEnd}>
            {t('endSession')}
          </button>
        ) : (
          <button type="button" onClick={props.onStart}>
            {t('inSession')}
          </button>
        )}
        {props.onPanel && (
          <button type="button" onClick={props.onPanel}>
            {t('openPanel')}
          </button>
        )}
      </div>
      {props.error && (
        <p class="error small" role="alert">
          {props.error}
        </p>
      )}
    </section>
  );
}
