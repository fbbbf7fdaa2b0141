import { t } from '@/lib/i18n';
import type { ActionItem } from '@/lib/records';
import type { SessionPageModel } from '@/models/options/session-page';
import { formatLength, formatWhen, percent } from './format';

export interface SessionPageProps {
  model: SessionPageModel;
  /** Back to the mentorship the session belongs to. */
  onBack(mentorshipId: string): void;
  onOpen(sessionId: string): void;
  /** Opens my reflection on it to change it (the side panel's page, in a tab). */
  onReflect(sessionId: string): void;
}

function Items(props: { title: string; items: ActionItem[]; id: string; strike?: boolean }) {
  return (
    <section class="stack" aria-labelledby={props.id}>
      <h3 id={props.id}>
        {props.title} <span class="muted small">({props.items.length})</span>
      </h3>
      {props.items.length === 0 ? (
        <p class="muted small">{t('spNone')}</p>
      ) : (
        <ul class="opt-plain-list">
          {props.items.map((a) => (
            <li key={a.id} class={props.strike && a.doneAt !== undefined ? 'opt-done pre' : 'pre'}>
              {a.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * One session, as it was: when and how long, the topic and who proposed it, both sides' notes,
 * the action items, my reflection (reopened to change it) and my own focus. `[` and `]` go to
 * the previous and next held session (the page's key handler; the browser binds neither).
 */
export function SessionPage(props: SessionPageProps) {
  const { model } = props;
  const p = model.page.value;
  const error = model.error.value;
  if (error) {
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  }
  if (!p) return <p class="muted">{t('loading')}</p>;
  const s = p.session;
  const at = s.startedAt ?? s.scheduledAt;
  const when = at !== undefined ? formatWhen(at) : t('optNoDate');
  const other = p.mentorship?.otherName ?? '';
  const r = p.reflection;
  const lengthMs =
    s.startedAt !== undefined && s.endedAt !== undefined ? s.endedAt - s.startedAt : undefined;
  const lastVersion = r?.history?.at(-1);
  const held = s.status === 'ended' || s.status === 'reflected';
  return (
    <article class="stack opt-session" data-testid="session-page">
      <header class="opt-detail-head stack">
        {p.mentorship && (
          <p>
            <a
              href={`#m=${encodeURIComponent(p.mentorship.id)}`}
              onClick={(e) => {
                e.preventDefault();
                if (p.mentorship) props.onBack(p.mentorship.id);
              }}
            >
              ← {t('spBack', other)}
            </a>
          </p>
        )}
        <h1 id="main-title" tabIndex={-1}>
          {s.status === 'scheduled' ? t('spBookedFor', when) : t('spTitle', when)}
        </h1>
        <dl class="opt-facts">
          <div>
            <dt>{t('spWhen')}</dt>
            <dd>{when}</dd>
          </div>
          <div>
            <dt>{t('spLength')}</dt>
            <dd>{lengthMs !== undefined ? formatLength(lengthMs) : '–'}</dd>
          </div>
        </dl>
        <nav class="row" aria-label={t('optJumpLabel')}>
          <button
            type="button"
            disabled={!p.previousId}
            aria-keyshortcuts="["
            onClick={() => p.previousId && props.onOpen(p.previousId)}
          >
            ← {t('spPrevious')}
          </button>
          <button
            type="button"
            disabled={!p.nextId}
            aria-keyshortcuts="]"
            onClick={() => p.nextId && props.onOpen(p.nextId)}
          >
            {t('spNext')} →
          </button>
          <span class="muted small">{t('spKeys')}</span>
        </nav>
      </header>
      {model.actionError.value && (
        <p class="error" role="alert">
          {model.actionError.value}
        </p>
      )}
      <div class="opt-sections">
        <section class="card stack" aria-labelledby="sp-topic">
          <h2 id="sp-topic">{t('spTopic')}</h2>
          {s.topic?.text ? (
            <>
              <p class="pre" data-testid="session-topic">
                {s.topic.text}
              </p>
              <p class="muted small">
                {model.proposedByMe.value
                  ? t('spProposedByYou')
                  : t(
                      'spProposedBy',
                      other || t(s.topic.by === 'mentor' ? 'roleMentor' : 'roleMentee'),
                    )}
              </p>
              <div>
                <button type="button" class="small" onClick={model.clearTopic}>
                  {t('spDeleteTopic')}
                </button>
              </div>
            </>
          ) : (
            <p class="muted small">{t('spNoTopic')}</p>
          )}
        </section>
        <section class="card stack" aria-labelledby="sp-notes">
          <h2 id="sp-notes">{t('spNotes')}</h2>
          <h3>{t('spMyNote')}</h3>
          {p.notes.mine?.text ? (
            <>
              <p class="pre" data-testid="my-note">
                {p.notes.mine.text}
              </p>
              <div>
                <button type="button" class="small" onClick={model.clearMyNote}>
                  {t('spClearMyNote')}
                </button>
              </div>
            </>
          ) : (
            <p class="muted small">{t('spNone')}</p>
          )}
          <h3>{t('spTheirNote', other)}</h3>
          {p.notes.theirs?.text ? (
            <p class="pre" data-testid="their-note">
              {p.notes.theirs.text}
            </p>
          ) : (
            <p class="muted small">{t('spNone')}</p>
          )}
        </section>
        <section class="card stack opt-wide" aria-labelledby="sp-actions">
          <h2 id="sp-actions">{t('spActions')}</h2>
          <div class="opt-three">
            <Items id="sp-planned" title={t('spPlanned')} items={p.actionItems.planned} strike />
            <Items id="sp-done" title={t('spDone')} items={p.actionItems.done} />
            <Items id="sp-carried" title={t('spCarried')} items={p.actionItems.carriedForward} />
          </div>
        </section>
        <section
          class="card stack"
          aria-labelledby="sp-reflection"
          data-testid="session-reflection"
        >
          <h2 id="sp-reflection">{t('spReflection')}</h2>
          {!r ? (
            <p class="muted small">{t('spNoReflection')}</p>
          ) : (
            <>
              {model.answers.value.length > 0 && (
                <dl class="opt-answers">
                  {model.answers.value.map((a) => (
                    <div key={a.id} data-question={a.id}>
                      <dt>{a.text}</dt>
                      <dd>
                        {a.answer.score !== undefined && (
                          <span class="opt-badge">{t('spScore', String(a.answer.score))}</span>
                        )}
                        {a.answer.note && <span class="pre"> {a.answer.note}</span>}
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
              <p class="muted small" data-testid="reflection-when">
                {r.reopenedAt !== undefined && lastVersion
                  ? t('spReopened', [formatWhen(r.reopenedAt), formatWhen(lastVersion.completedAt)])
                  : ''}
                {r.reopenedAt !== undefined && lastVersion ? ' ' : ''}
                {r.complete ? t('spChanged', formatWhen(r.updatedAt)) : t('spOpenNow')}
              </p>
            </>
          )}
          {held && p.myRole && (
            <div>
              <button
                type="button"
                onClick={async () => {
                  if (!r || (await model.reopen())) props.onReflect(s.id);
                }}
              >
                {!r ? t('optReflect') : r.complete ? t('spReopen') : t('spChange')}
              </button>
            </div>
          )}
        </section>
        {p.focus && (
          <section class="card stack" aria-labelledby="sp-focus">
            <h2 id="sp-focus">{t('spFocus')}</h2>
            <p>
              {t('spFocusLine', [
                percent(p.focus.presentShare),
                String(p.focus.count),
                formatLength(p.focus.longestMs),
              ])}
            </p>
            <p class="muted small">{t('spFocusPrivate')}</p>
          </section>
        )}
      </div>
    </article>
  );
}
