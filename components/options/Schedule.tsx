import { useState } from 'preact/hooks';
import { formatNumber, t, tIsolated } from '@/lib/i18n';
import type { SessionRecord } from '@/lib/records';
import type { ScheduleError } from '@/models/options/schedule';
import { formatDay, formatWhen, toInputValue, weekAround } from './format';

export interface ScheduleProps {
  booked: SessionRecord[];
  now: number;
  needsScheduling: boolean;
  over: boolean;
  suggestion: number;
  cadenceDays: number;
  error?: ScheduleError;
  /** Each resolves true when saved. */
  onBook(value: string): Promise<boolean>;
  onReschedule(sessionId: string, value: string): Promise<boolean>;
  onMarkLast(sessionId: string, last: boolean): void;
  onCancel(sessionId: string): void;
}

function ErrorLine(props: { id: string; error?: ScheduleError; where: string }) {
  return props.error?.where === props.where ? (
    <p id={props.id} class="error small" role="alert">
      {props.error.message}
    </p>
  ) : null;
}

function BookForm(props: ScheduleProps) {
  const [value, setValue] = useState(toInputValue(props.suggestion));
  const failed = props.error?.where === 'book';
  return (
    <form
      class="stack"
      aria-labelledby="book-title"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        await props.onBook(value);
      }}
    >
      <h3 id="book-title">{t('optBookTitle')}</h3>
      <div class="row opt-add">
        <label class="opt-grow">
          {t('optBookWhen')}
          <input
            type="datetime-local"
            name="book"
            value={value}
            min={toInputValue(props.now)}
            aria-invalid={failed || undefined}
            aria-describedby={failed ? 'book-error book-hint' : 'book-hint'}
            onInput={(e) => setValue(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="primary opt-align-end">
          {t('optBook')}
        </button>
      </div>
      <p id="book-hint" class="muted small">
        {props.booked.some((s) => s.scheduledAt === undefined)
          ? t('optBookUndated')
          : t('optBookHint', formatNumber(props.cadenceDays))}
      </p>
      <ErrorLine id="book-error" error={props.error} where="book" />
    </form>
  );
}

function Booking(props: { session: SessionRecord } & ScheduleProps) {
  const s = props.session;
  const [moving, setMoving] = useState(false);
  const [value, setValue] = useState(toInputValue(s.scheduledAt ?? props.suggestion));
  const at = s.scheduledAt;
  const missed = at !== undefined && at <= props.now;
  const week = at !== undefined ? weekAround(at) : undefined;
  // A booking whose week is over may move anywhere ahead; otherwise only within its week.
  const weekGone = week === undefined || (missed && week.to < props.now);
  const titleId = `booking-${s.id}`;
  const errorId = `booking-${s.id}-error`;
  const failed = props.error?.where === s.id;
  return (
    <li class="opt-booking stack" aria-labelledby={titleId}>
      <div class="spread">
        <p id={titleId} class="opt-booking-when">
          {at !== undefined ? formatWhen(at) : t('optNoDate')}
          {s.kind === 'first' && <span class="opt-badge">{t('optKindFirst')}</span>}
          {s.kind === 'last' && <span class="opt-badge">{t('optKindLast')}</span>}
          {missed && <span class="opt-badge opt-badge-warn">{t('optMissed')}</span>}
        </p>
        <div class="row">
          <label class="inline small">
            <input
              type="checkbox"
              checked={s.kind === 'last'}
              onChange={(e) => props.onMarkLast(s.id, e.currentTarget.checked)}
            />{' '}
            {t('optMarkLast')}
          </label>
          {/* One control dates a session: the booking form below (an undated one gets its date). */}
          {at !== undefined && (
            <button
              type="button"
              aria-expanded={moving}
              aria-controls={`move-${s.id}`}
              onClick={() => setMoving(!moving)}
            >
              {t('optMove')}
            </button>
          )}
          <button
            type="button"
            aria-label={at !== undefined ? t('optCancelBookingOf', formatWhen(at)) : undefined}
            onClick={() => props.onCancel(s.id)}
          >
            {t('optCancelBooking')}
          </button>
        </div>
      </div>
      {s.topic?.text && <p class="small pre">{tIsolated('optTopic', s.topic.text)}</p>}
      {moving && (
        <form
          id={`move-${s.id}`}
          class="stack"
          // The picker keeps min and max as hints; a time outside them gets our sentence, not the
          // browser's bubble.
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            if (await props.onReschedule(s.id, value)) setMoving(false);
          }}
        >
          <div class="row opt-add">
            <label class="opt-grow">
              {t('optMoveTo')}
              <input
                type="datetime-local"
                value={value}
                min={toInputValue(weekGone || !week ? props.now : Math.max(props.now, week.from))}
                max={weekGone || !week ? undefined : toInputValue(week.to)}
                aria-invalid={failed || undefined}
                aria-describedby={failed ? `${errorId} move-hint-${s.id}` : `move-hint-${s.id}`}
                onInput={(e) => setValue(e.currentTarget.value)}
              />
            </label>
            <button type="submit" class="primary opt-align-end">
              {t('optSave')}
            </button>
          </div>
          <p id={`move-hint-${s.id}`} class="muted small">
            {weekGone || !week
              ? t('optMoveAnyHint')
              : t('optMoveHint', [formatDay(week.from), formatDay(week.to)])}
          </p>
          <ErrorLine id={errorId} error={props.error} where={s.id} />
        </form>
      )}
      {!moving && <ErrorLine id={errorId} error={props.error} where={s.id} />}
    </li>
  );
}

/** The schedule, kept a week ahead: what is booked, booking the next, moving within the week. */
export function Schedule(props: ScheduleProps) {
  return (
    <section id="schedule" class="card stack" aria-labelledby="schedule-title">
      <h2 id="schedule-title">{t('optScheduleTitle')}</h2>
      {props.over ? (
        <p class="opt-banner" role="status">
          {t('optOver')}
        </p>
      ) : (
        props.needsScheduling && (
          <p class="opt-banner opt-banner-warn" role="status" data-testid="needs-scheduling">
            {t('optNeedsScheduling')}
          </p>
        )
      )}
      {props.booked.length === 0 ? (
        <p class="muted small">{t('optNothingBooked')}</p>
      ) : (
        <ul class="opt-bookings">
          {props.booked.map((s) => (
            <Booking key={s.id} session={s} {...props} />
          ))}
        </ul>
      )}
      {!props.over && <BookForm key={props.suggestion} {...props} />}
    </section>
  );
}
