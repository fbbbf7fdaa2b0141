import { t } from '@/lib/i18n';
import type { SeriesPoint, Trends as TrendData } from '@/lib/trends';
import { formatDay, oneDecimal, percent, tOr } from './format';

const W = 168;
const H = 40;
const PAD = 4;

/**
 * A small line of values over sessions, with a dot per value and a gap where a session has none.
 * The chart is an image whose label says what it shows; the numbers are also given as text.
 */
export function Sparkline(props: {
  points: SeriesPoint[];
  min: number;
  max: number;
  label: string;
}) {
  const n = props.points.length;
  const x = (i: number) => (n <= 1 ? W / 2 : PAD + (i * (W - 2 * PAD)) / (n - 1));
  const y = (v: number) =>
    H - PAD - ((v - props.min) / (props.max - props.min || 1)) * (H - 2 * PAD);
  const segments: string[] = [];
  let current = '';
  props.points.forEach((p, i) => {
    if (p.value === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${x(i).toFixed(1)} ${y(p.value).toFixed(1)} `;
  });
  if (current) segments.push(current);
  return (
    <svg
      class="opt-spark"
      width={W}
      height={H}
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={props.label}
    >
      <title>{props.label}</title>
      <line class="opt-spark-base" x1={PAD} x2={W - PAD} y1={H - PAD} y2={H - PAD} />
      {segments.map((d) => (
        <path key={d} class="opt-spark-line" d={d} />
      ))}
      {props.points.map((p, i) =>
        p.value === null ? null : (
          <circle key={p.sessionId} class="opt-spark-dot" cx={x(i)} cy={y(p.value)} r={2.5} />
        ),
      )}
    </svg>
  );
}

/** Bars of sessions held per cadence period, against the one planned in each. */
export function CadenceBars(props: { periods: { from: number; held: number }[]; label: string }) {
  const n = props.periods.length;
  const top = Math.max(2, ...props.periods.map((p) => p.held));
  const slot = (W - 2 * PAD) / Math.max(1, n);
  const barW = Math.max(4, slot * 0.6);
  const y = (v: number) => H - PAD - (v / top) * (H - 2 * PAD);
  return (
    <svg
      class="opt-spark"
      width={W}
      height={H}
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={props.label}
    >
      <title>{props.label}</title>
      <line class="opt-spark-planned" x1={PAD} x2={W - PAD} y1={y(1)} y2={y(1)} />
      {props.periods.map((p, i) =>
        p.held === 0 ? (
          <rect
            key={p.from}
            class="opt-bar-missed"
            x={PAD + i * slot + (slot - barW) / 2}
            y={H - PAD - 2}
            width={barW}
            height={2}
          />
        ) : (
          <rect
            key={p.from}
            class="opt-bar"
            x={PAD + i * slot + (slot - barW) / 2}
            y={y(p.held)}
            width={barW}
            height={H - PAD - y(p.held)}
            rx={1.5}
          />
        ),
      )}
      <line class="opt-spark-base" x1={PAD} x2={W - PAD} y1={H - PAD} y2={H - PAD} />
    </svg>
  );
}

export function ShareBar(props: { share: number; label: string }) {
  const inner = W - 2 * PAD;
  return (
    <svg
      class="opt-spark"
      width={W}
      height={16}
      viewBox={`0 0 ${W} 16`}
      role="img"
      aria-label={props.label}
    >
      <title>{props.label}</title>
      <rect class="opt-bar-track" x={PAD} y={4} width={inner} height={8} rx={4} />
      <rect class="opt-bar" x={PAD} y={4} width={inner * props.share} height={8} rx={4} />
    </svg>
  );
}

function ValuesTable(props: {
  caption: string;
  rows: { label: string; points: SeriesPoint[]; format(v: number): string }[];
}) {
  const first = props.rows[0]?.points ?? [];
  return (
    <details class="small">
      <summary>{t('optShowFigures')}</summary>
      <div class="opt-table-wrap">
        <table class="opt-table">
          <caption class="visually-hidden">{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('optColQuestion')}</th>
              {first.map((p) => (
                <th scope="col" key={p.sessionId}>
                  {formatDay(p.at)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                {r.points.map((p) => (
                  <td key={p.sessionId}>{p.value === null ? '–' : r.format(p.value)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** How the mentorship is going, from this user's reflections and the sessions held. */
export function Trends(props: { trends: TrendData }) {
  const { cadence } = props.trends;
  return (
    <section class="card stack" aria-labelledby="trends-title">
      <h2 id="trends-title">{t('optTrendsTitle')}</h2>
      {cadence.held === 0 ? (
        <p class="muted small">{t('optTrendsEmpty')}</p>
      ) : (
        <TrendSections trends={props.trends} />
      )}
    </section>
  );
}

function TrendSections(props: { trends: TrendData }) {
  const { ratings, cadence, actionItems, presence } = props.trends;
  const ratingRows = ratings.map((r) => ({
    label: tOr(r.question.key, r.question.text),
    points: r.points,
    format: (v: number) => String(v),
  }));
  return (
    <>
      <p class="muted small">{t('optTrendsIntro', String(props.trends.sessions))}</p>

      <h3>{t('optTrendsRatings')}</h3>
      {ratings.length === 0 ? (
        <p class="muted small">{t('optTrendsNoRatings')}</p>
      ) : (
        <>
          <ul class="opt-trends">
            {ratings.map((r, i) => {
              const label = ratingRows[i]?.label ?? r.question.text;
              const summary =
                r.average === null
                  ? t('optNoScores')
                  : t('optAverage', [
                      oneDecimal(r.average),
                      String(r.points.filter((p) => p.value !== null).length),
                    ]);
              return (
                <li key={r.question.id} class="opt-trend">
                  <span class="opt-trend-label">{label}</span>
                  <Sparkline points={r.points} min={1} max={5} label={`${label}: ${summary}`} />
                  <span class="small">
                    {summary}
                    {r.change !== null && r.change !== 0 && (
                      <span class="muted">
                        {' · '}
                        {t(
                          r.change > 0 ? 'optChangeUp' : 'optChangeDown',
                          oneDecimal(Math.abs(r.change)),
                        )}
                      </span>
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
          <ValuesTable caption={t('optTrendsRatings')} rows={ratingRows} />
        </>
      )}

      <h3>{t('optTrendsCadence')}</h3>
      {(() => {
        const summary = t('optHeldPlanned', [
          String(cadence.held),
          String(cadence.planned),
          String(cadence.cadenceDays),
        ]);
        return (
          <div class="opt-trend">
            <CadenceBars periods={cadence.periods} label={summary} />
            <span class="small">{summary}</span>
          </div>
        );
      })()}

      <h3>{t('optTrendsActions')}</h3>
      {actionItems.ratio === null ? (
        <p class="muted small">{t('optActionsEmpty')}</p>
      ) : (
        (() => {
          const summary = t('optActionsDone', [
            String(actionItems.done),
            String(actionItems.total),
            percent(actionItems.ratio),
          ]);
          return (
            <div class="opt-trend">
              <ShareBar share={actionItems.ratio} label={summary} />
              <span class="small">{summary}</span>
            </div>
          );
        })()
      )}

      <h3>
        {t('optPresence')} <span class="opt-badge">{t('optPrivate')}</span>
      </h3>
      <p class="muted small">{t('optPresenceNote')}</p>
      {presence.average === null ? (
        <p class="muted small">{t('optPresenceNone')}</p>
      ) : (
        (() => {
          const summary = t('optPresenceAverage', [
            percent(presence.average),
            String(presence.awayCount),
          ]);
          return (
            <>
              <div class="opt-trend">
                <Sparkline points={presence.points} min={0} max={1} label={summary} />
                <span class="small">{summary}</span>
              </div>
              <ValuesTable
                caption={t('optPresence')}
                rows={[{ label: t('optPresence'), points: presence.points, format: percent }]}
              />
            </>
          );
        })()
      )}
    </>
  );
}
