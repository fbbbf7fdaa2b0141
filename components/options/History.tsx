import { t } from '@/lib/i18n';
import type { HistoryRow, HistoryState } from '@/lib/rules/history';
import { formatLength, formatWhen } from './format';

export interface HistoryProps {
  rows: HistoryRow[];
  onReflect(sessionId: string): void;
  onDismiss(sessionId: string, dismissed: boolean): void;
  /** Opens the session's page. */
  onOpen(sessionId: string): void;
  onNotASession(sessionId: string): void;
}

const STATE_KEY: Record<HistoryState, string> = {
  live: 'optStateLive',
  'to-reflect': 'optStateToReflect',
  dismissed: 'optStateDismissed',
  reflected: 'optStateReflected',
};

/** Past sessions, newest first, with the reflections still to do. */
export function History(props: HistoryProps) {
  return (
    <section id="history" class="card stack" aria-labelledby="history-title">
      <h2 id="history-title">{t('optHistoryTitle')}</h2>
      {props.rows.length === 0 ? (
        <p class="muted small">{t('optHistoryEmpty')}</p>
      ) : (
        <div class="opt-table-wrap">
          <table class="opt-table">
            <caption class="visually-hidden">{t('optHistoryTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('optColDate')}</th>
                <th scope="col">{t('optColLength')}</th>
                <th scope="col">{t('optColTopic')}</th>
                <th scope="col">{t('optColStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map(({ session: s, state, lengthMs }) => (
                <tr key={s.id} data-state={state}>
                  <td>
                    <a
                      href={`#s=${encodeURIComponent(s.id)}`}
                      aria-label={t(
                        'optOpenSession',
                        s.startedAt !== undefined ? formatWhen(s.startedAt) : '',
                      )}
                      onClick={(e) => {
                        e.preventDefault();
                        props.onOpen(s.id);
                      }}
                    >
                      {s.startedAt !== undefined ? formatWhen(s.startedAt) : '–'}
                    </a>
                    {s.kind !== 'regular' && (
                      <span class="opt-badge">
                        {t(s.kind === 'first' ? 'optKindFirst' : 'optKindLast')}
                      </span>
                    )}
                  </td>
                  <td>{lengthMs !== undefined ? formatLength(lengthMs) : '–'}</td>
                  <td class="pre">{s.topic?.text ?? ''}</td>
                  <td>
                    <div class="row">
                      <span class={state === 'to-reflect' ? 'opt-warn' : undefined}>
                        {t(STATE_KEY[state])}
                      </span>
                      {(state === 'to-reflect' || state === 'dismissed') && (
                        <button type="button" class="small" onClick={() => props.onReflect(s.id)}>
                          {t('optReflect')}
                        </button>
                      )}
                      {state === 'to-reflect' && (
                        <button
                          type="button"
                          class="small"
                          onClick={() => props.onDismiss(s.id, true)}
                        >
                          {t('optDismiss')}
                        </button>
                      )}
                      {state !== 'live' && (
                        <button
                          type="button"
                          class="small link"
                          aria-label={t(
                            'optNotASessionOf',
                            s.startedAt !== undefined ? formatWhen(s.startedAt) : '',
                          )}
                          onClick={() => props.onNotASession(s.id)}
                        >
                          {t('optNotASession')}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
