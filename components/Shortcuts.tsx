import './shortcuts.css';
import { t } from '@/lib/i18n';

/** One keyboard command as the browser reports it (commands.getAll()). */
export interface ShortcutRow {
  name: string;
  description: string;
  /** The keys as the browser shows them; empty when the person has not set any. */
  shortcut: string;
}

/** The extension's keyboard shortcuts, read from the browser, and where to change them. */
export function Shortcuts(props: {
  rows: ShortcutRow[] | undefined;
  /** Opens the browser's shortcut settings; absent where a page cannot (Firefox). */
  onChange?: () => void;
  headingLevel?: 2 | 3;
}) {
  const H = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section class="stack" aria-labelledby="shortcuts-h" data-testid="shortcuts">
      <H id="shortcuts-h">{t('shortcutsTitle')}</H>
      {props.rows === undefined ? (
        <p class="muted">{t('loading')}</p>
      ) : (
        <dl class="shortcuts">
          {props.rows.map((row) => (
            <div key={row.name} class="shortcut-row">
              <dt>
                {row.shortcut ? (
                  <kbd>{row.shortcut}</kbd>
                ) : (
                  <span class="muted">{t('shortcutNotSet')}</span>
                )}
              </dt>
              <dd>{row.description}</dd>
            </div>
          ))}
        </dl>
      )}
      {props.onChange ? (
        <p>
          <button type="button" class="link" onClick={props.onChange}>
            {t('shortcutsChange')}
          </button>{' '}
          <span class="muted small">(chrome://extensions/shortcuts)</span>
        </p>
      ) : (
        <p class="muted small">{t('shortcutsChangeFirefox')}</p>
      )}
    </section>
  );
}
