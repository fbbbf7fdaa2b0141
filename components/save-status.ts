import type { SaveStatus } from '@/lib/autosave';
import { t } from '@/lib/i18n';

/**
 * What a status line says of an autosave: "Saving…", "Saved", "Not saved, trying again", or a
 * no-break space that keeps the line's height while there is nothing to say.
 */
export function saveStatusText(status: SaveStatus): string {
  switch (status) {
    case 'saving':
      return t('saving');
    case 'saved':
      return t('saved');
    case 'failed':
      return t('saveFailed');
    default:
      return '\u00a0';
  }
}
