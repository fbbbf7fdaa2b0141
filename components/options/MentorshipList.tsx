import { t } from '@/lib/i18n';
import type { MentorshipListItem, View } from '@/models/options/app';
import { formatWhen, roleName } from './format';

export function cadenceText(days: number): string {
  if (days === 7) return t('cadenceWeekly');
  if (days === 14) return t('cadenceFortnightly');
  if (days === 28) return t('cadenceMonthly');
  return t('optCadenceDays', String(days));
}

/** The page's navigation: every mentorship with its next session, then backups and settings. */
export function MentorshipList(props: {
  items: MentorshipListItem[];
  view?: View;
  onSelect(view: View): void;
}) {
  const current = (v: View) =>
    props.view?.page === v.page &&
    (v.page !== 'mentorship' || (props.view.page === 'mentorship' && props.view.id === v.id))
      ? 'page'
      : undefined;
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
              <span class="opt-list-name">{m.otherName}</span>
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
      <button
        type="button"
        class="opt-nav-link"
        aria-current={current({ page: 'backups' })}
        onClick={() => props.onSelect({ page: 'backups' })}
      >
        {t('optBackupsTitle')}
      </button>
      <button
        type="button"
        class="opt-nav-link"
        aria-current={current({ page: 'settings' })}
        onClick={() => props.onSelect({ page: 'settings' })}
      >
        {t('optSettingsTitle')}
      </button>
    </nav>
  );
}
