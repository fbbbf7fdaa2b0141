import { t } from '@/lib/i18n';
import type { UndoBar as Bar } from '@/models/options/undo';

/**
 * The "Deleted · Undo" bar: one polite live region that is always in the page (a region added
 * with its text is not read out by every screen reader), holding the latest delete's Undo.
 */
export function UndoBar(props: { bar?: Bar; busy: boolean; onUndo(): void; onClose(): void }) {
  const { bar } = props;
  return (
    <div class="opt-undo" role="status" aria-live="polite" aria-label={t('undoRegion')}>
      {bar && (
        <div class={`opt-undo-bar${bar.state === 'failed' ? ' opt-undo-failed' : ''}`}>
          <span data-testid="undo-text">{bar.label}</span>
          {bar.state === 'deleted' && (
            <button
              type="button"
              class="primary small"
              disabled={props.busy}
              onClick={props.onUndo}
            >
              {t('undoButton')}
            </button>
          )}
          <button type="button" class="link small" onClick={props.onClose}>
            {t('undoClose')}
          </button>
        </div>
      )}
    </div>
  );
}
