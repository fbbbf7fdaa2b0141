import { counted, t } from '@/lib/i18n';
import type { MentorshipListItem, View } from '@/models/options/app';
import { formatWhen, roleName } from './format';

export function cadenceText(days: number): string {
  if (days === 7) return t('cadenceWeekly');
  if (days === 14) return t('cadenceFortnightly');
  if (days === 28) return t('cadenceMonthly');
  return counted('cadenceDays', days);
}

/**
 * The page's navigation: every mentorship with its next session, then, set apart as the
 * places they are, archived mentorships, backups and settings.
 */
export function MentorshipList(props: {
  items: MentorshipListItem[];
  view?: View;
  /** The mentorship shown (a session's page shows its mentorship as the current one). */
  selectedId?: string;
  archivedCount: number;
  onSelect(view: View): void;
}) {
  const current = (v: View) => {
    if (v.page === 'mentorship') return props.selectedId === v.id ? 'page' : undefined;
    return props.view?.page === v.page ? 'page' : undefined;
  };
  return (
    <nav class="opt-nav stack" aria-label={t('optNavLabel')}>
      <p id="opt-list-title" class="opt-nav-title">
        {t('optListTitle')}
      </p>
      {props.items.length === 0 && <p class="muted small">{t('optListEmpty')}</p>}
      <ul class="opt-list" aria-labelledby="opt-list-title">
        {props.items.map((m) => (
          <li key={m.id}>
            <button
              type="button"
              class="opt-list-item"
              aria-current={current({ page: 'mentorship', id: m.id })}
              onClick={() => props.onSelect({ page: 'mentorship', id: m.id })}
            >
              <span class="opt-list-name" dir="auto">
                {m.otherName}
              </span>
              <span class="small muted">
                {t('optListRole', roleName(m.myRole))} · {cadenceText(m.cadenceDays)}
              </span>
              <span class={`small ${m.needsScheduling ? 'opt-warn' : 'muted'}`}>
                {m.nextAt !== undefined
                  ? t('optListNext', formatWhen(m.nextAt))
                  : t('optListNoNext')}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        class="primary"
        aria-current={current({ page: 'new' })}
        onClick={() => props.onSelect({ page: 'new' })}
      >
        {t('optNewMentorship')}
      </button>
      <hr />
      <p id="opt-more-title" class="opt-nav-title">
        {t('optNavMore')}
      </p>
      <ul class="opt-links" aria-labelledby="opt-more-title">
        {(
          [
            ['archived', 'optArchivedTitle', '▤'],
            ['backups', 'optBackupsTitle', '⤓'],
            ['settings', 'optSettingsTitle', '⚙'],
          ] as const
        ).map(([page, key, icon]) => (
          <li key={page}>
            <button
              type="button"
              class="opt-nav-link"
              aria-current={current({ page })}
              onClick={() => props.onSelect({ page })}
            >
              <span class="opt-nav-icon" aria-hidden="true">
                {icon}
              </span>
              {t(key)}
              {page === 'archived' && props.archivedCount > 0 && (
                <span class="opt-count" aria-hidden="true">
                  {props.archivedCount}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
