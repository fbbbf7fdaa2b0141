import { formatDateTime, t } from '@/lib/i18n';
import type { ToReflect } from '@/models/to-reflect';

/** The side panel with no call in its tab: what still waits for a reflection. */
export function NoCall(props: { list: ToReflect[]; onChoose(sessionId: string): void }) {
  return (
    <section class="stack" data-testid="no-call">
      <h1>{t('extName')}</h1>
      <p class="muted">{t('noCallHere')}</p>
      {props.list.length > 0 && (
        <div class="stack">
          <h2>{t('toReflect')}</h2>
          <ul class="plain">
            {props.list.map(({ session: s }) => (
              <li key={s.id}>
                <button type="button" class="link" onClick={() => props.onChoose(s.id)}>
                  {s.endedAt ? formatDateTime(s.endedAt) : s.id}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
