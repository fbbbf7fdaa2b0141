import './review.css';
import { t } from '@/lib/i18n';
import type { LastQuestion, ReviewPart } from '@/lib/rules/review';
import type { RatingTrend } from '@/lib/trends';
import type { ReviewModel } from '@/models/options/review';
import { formatDay } from './format';

export interface ReviewProps {
  model: ReviewModel;
  download(name: string, text: string): void;
  /** Opens the browser's print dialog (print, or save as PDF). */
  print(): void;
}

const LAST_KEYS: [LastQuestion, string][] = [
  ['last.takeaways', 'q_last_takeaways'],
  ['last.retrospective', 'q_last_retrospective'],
  ['last.whats-next', 'q_last_whats_next'],
];

const PARTS: [ReviewPart, string][] = [
  ['cadence', 'reviewCadence'],
  ['goals', 'optGoalsTitle'],
  ['actionItems', 'optActionsTitle'],
  ['ratings', 'reviewRatings'],
  ['last', 'reviewLast'],
  ['sessions', 'mdSessions'],
];

const questionText = (r: RatingTrend) => {
  const text = t(r.question.key);
  return text && text !== r.question.key ? text : r.question.text;
};

/** The scores over time, 1 to 5, as small bars (a gap where a session has none). */
function Scores({ trend }: { trend: RatingTrend }) {
  const w = 10;
  const h = 30;
  return (
    <svg
      class="review-scores"
      width={trend.points.length * (w + 3)}
      height={h}
      viewBox={`0 0 ${trend.points.length * (w + 3)} ${h}`}
      aria-hidden="true"
    >
      {trend.points.map((p, i) =>
        p.value === null ? null : (
          <rect
            key={p.sessionId}
            class="review-score"
            x={i * (w + 3)}
            y={h - (p.value / 5) * h}
            width={w}
            height={(p.value / 5) * h}
            rx={2}
          />
        ),
      )}
    </svg>
  );
}

/** One page looking back over the whole mentorship; printable, and shareable part by part. */
export function Review({ model, download, print }: ReviewProps) {
  const r = model.review.value;
  if (!r) return null;
  const pick = model.pick.value;
  const copied = model.copied.value;
  const { url: mailto, tooLong } = model.mail.value;
  const pct = r.cadence.planned > 0 ? Math.round((r.cadence.held / r.cadence.planned) * 100) : 100;
  const goalsTotal = r.goals.done.length + r.goals.open.length;
  return (
    <article class="review stack" aria-labelledby="main-title" data-testid="review">
      <header class="review-head">
        <p class="no-print">
          <a href={`#m=${encodeURIComponent(r.mentorshipId)}`}>← {t('reviewBack', r.otherName)}</a>
        </p>
        <h1 id="main-title" tabIndex={-1}>
          {t('reviewTitle', r.otherName)}
        </h1>
        <p class="muted">
          {t('reviewPeriod', [formatDay(r.from), formatDay(r.to)])} ·{' '}
          {t(
            r.reason === 'ended'
              ? 'reviewWhyEnded'
              : r.reason === 'goals'
                ? 'reviewWhyGoals'
                : 'reviewWhyManual',
          )}
        </p>
        <div class="row no-print">
          <button type="button" class="primary" onClick={print}>
            {t('reviewPrint')}
          </button>
        </div>
      </header>

      <div class="review-grid">
        <section class="card stack review-part" aria-labelledby="rv-cadence">
          <h2 id="rv-cadence">{t('reviewCadence')}</h2>
          <p class="review-figure">
            {t('reviewHeld', [
              String(r.cadence.held),
              String(r.cadence.planned),
              String(r.cadence.cadenceDays),
            ])}
          </p>
          <meter
            class="review-meter"
            min={0}
            max={Math.max(1, r.cadence.planned)}
            value={r.cadence.held}
            aria-label={t('reviewCadenceShare', String(pct))}
          />
        </section>

        <section class="card stack review-part" aria-labelledby="rv-items">
          <h2 id="rv-items">{t('optActionsTitle')}</h2>
          <p class="review-figure">
            {t('reviewItemsSummary', [String(r.actionItems.done), String(r.actionItems.total)])}
          </p>
          {r.actionItems.open.length > 0 && (
            <>
              <h3>{t('reviewItemsOpen')}</h3>
              <ul class="review-list">
                {r.actionItems.open.map((a, i) => (
                  <li key={`${i}-${a.text}`}>{a.text}</li>
                ))}
              </ul>
            </>
          )}
        </section>

        <section class="card stack review-part" aria-labelledby="rv-goals">
          <h2 id="rv-goals">{t('optGoalsTitle')}</h2>
          {goalsTotal === 0 ? (
            <p class="muted small">{t('optGoalsEmpty')}</p>
          ) : (
            <>
              <p class="review-figure">
                {t('reviewGoalsSummary', [String(r.goals.done.length), String(goalsTotal)])}
              </p>
              <ul class="plain review-goals">
                {r.goals.done.map((g) => (
                  <li key={g.id} class="review-done">
                    <span aria-hidden="true">✓ </span>
                    <span class="visually-hidden">{t('reviewReached')}: </span>
                    {g.text}
                  </li>
                ))}
                {r.goals.open.map((g) => (
                  <li key={g.id}>
                    <span aria-hidden="true">○ </span>
                    <span class="visually-hidden">{t('reviewOpenGoal')}: </span>
                    {g.text}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>

        <section class="card stack review-part" aria-labelledby="rv-ratings">
          <h2 id="rv-ratings">{t('reviewRatings')}</h2>
          {r.ratings.length === 0 ? (
            <p class="muted small">{t('reviewNoRatings')}</p>
          ) : (
            <table class="opt-table review-ratings">
              <thead>
                <tr>
                  <th scope="col">{t('reviewQuestion')}</th>
                  <th scope="col">{t('reviewAverage')}</th>
                  <th scope="col">{t('reviewOverTime')}</th>
                </tr>
              </thead>
              <tbody>
                {r.ratings.map((trend) => (
                  <tr key={trend.question.id}>
                    <th scope="row">{questionText(trend)}</th>
                    <td>{trend.average === null ? '–' : trend.average.toFixed(1)}</td>
                    <td>
                      <Scores trend={trend} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section class="card stack review-part review-wide" aria-labelledby="rv-last">
          <h2 id="rv-last">{t('reviewLast')}</h2>
          {r.last ? (
            <dl class="review-answers">
              {LAST_KEYS.map(([id, key]) =>
                r.last?.answers[id] ? (
                  <div key={id}>
                    <dt>{t(key)}</dt>
                    <dd class="pre">{r.last.answers[id]}</dd>
                  </div>
                ) : null,
              )}
            </dl>
          ) : (
            <p class="muted small">{t('reviewNoLast')}</p>
          )}
        </section>

        <section class="card stack review-part review-wide" aria-labelledby="rv-sessions">
          <h2 id="rv-sessions">{t('mdSessions')}</h2>
          {r.sessions.length === 0 ? (
            <p class="muted small">{t('reviewNoSessions')}</p>
          ) : (
            <table class="opt-table">
              <thead>
                <tr>
                  <th scope="col">{t('reviewDate')}</th>
                  <th scope="col">{t('mdTopic')}</th>
                  <th scope="col">{t('optActionsTitle')}</th>
                </tr>
              </thead>
              <tbody>
                {r.sessions.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{formatDay(s.at)}</th>
                    <td>{s.topic ?? '–'}</td>
                    <td>
                      {s.actionItems.total === 0
                        ? '–'
                        : t('reviewItemsSummary', [
                            String(s.actionItems.done),
                            String(s.actionItems.total),
                          ])}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>

      <section class="card stack no-print" aria-labelledby="rv-share">
        <h2 id="rv-share">{t('reviewShareTitle')}</h2>
        <fieldset class="opt-fieldset">
          <legend>{t('reviewShareParts')}</legend>
          <div class="row">
            {PARTS.map(([part, key]) => (
              <label class="inline" key={part}>
                <input
                  type="checkbox"
                  name={`share-${part}`}
                  checked={pick[part]}
                  onChange={(e) => model.setPart(part, e.currentTarget.checked)}
                />{' '}
                {t(key)}
              </label>
            ))}
          </div>
        </fieldset>
        <div class="row">
          <button type="button" onClick={() => model.copyMarkdown()}>
            {copied === 'markdown' ? t('mdCopied') : t('mdCopy')}
          </button>
          <button
            type="button"
            onClick={() => {
              const f = model.markdownFile();
              if (f) download(f.name, f.text);
            }}
          >
            {t('mdDownload')}
          </button>
          <button type="button" disabled={Boolean(tooLong)} onClick={() => model.copyPack()}>
            {copied === 'pack' ? t('shareCopied') : t('reviewCopyPack')}
          </button>
          {mailto && (
            <a class="button" href={mailto} target="_blank" rel="noreferrer">
              {t('reviewEmail', r.otherName)}
            </a>
          )}
        </div>
        <span class="visually-hidden" aria-live="polite">
          {copied ? t('mdCopied') : ''}
        </span>
        {(tooLong || model.error.value) && (
          <p class="error small" role="alert">
            {tooLong ?? model.error.value}
          </p>
        )}
      </section>
    </article>
  );
}
