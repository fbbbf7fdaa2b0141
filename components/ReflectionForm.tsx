import { useState } from 'preact/hooks';
import { formatDateTime, t, tIsolated } from '@/lib/i18n';
import type { Answer } from '@/lib/records';
import type { LabelledItem } from '@/models/reflection';

export interface ReflectionFormProps {
  /** The questions, with their words as the model words them (the summary uses the same). */
  items: LabelledItem[];
  goal?: string;
  /** A suggested next session (for the date question), as datetime-local text. */
  suggestedNext?: string;
  readOnly?: boolean;
  onAnswer(questionId: string, patch: Partial<Answer>): void;
}

function Rating(props: {
  item: LabelledItem;
  readOnly?: boolean;
  onAnswer: ReflectionFormProps['onAnswer'];
}) {
  const q = props.item.question;
  const score = props.item.answer?.score;
  const { low, high } = props.item.labels;
  // The scale's meaning is the group's description, so a screen reader says what 1 and 5 mean.
  const scaleId = low || high ? `scale-${q.id}` : undefined;
  return (
    <div class="rating" role="radiogroup" aria-labelledby={`q-${q.id}`} aria-describedby={scaleId}>
      {[1, 2, 3, 4, 5].map((n) => (
        <label key={n} class="rating-option" title={n === 1 ? low : n === 5 ? high : undefined}>
          <input
            type="radio"
            name={q.id}
            value={n}
            checked={score === n}
            disabled={props.readOnly}
            onChange={() => props.onAnswer(q.id, { score: n })}
          />
          <span class="rating-n">{n}</span>
        </label>
      ))}
      {(low || high) && (
        <span class="rating-scale small muted" id={scaleId}>
          1 = {low} · 5 = {high}
        </span>
      )}
    </div>
  );
}

function Item(props: {
  item: LabelledItem;
  goal?: string;
  suggestedNext?: string;
  readOnly?: boolean;
  onAnswer: ReflectionFormProps['onAnswer'];
}) {
  const { question: q, answer, retired, labels } = props.item;
  const [noteOpen, setNoteOpen] = useState(Boolean(answer?.note));
  const note = answer?.note ?? '';
  const hint = labels.hint;
  return (
    <li class={`question q-${q.type}${retired ? ' retired' : ''}`} data-question={q.id}>
      <p id={`q-${q.id}`} class="q-text">
        {labels.text}
        {retired && <span class="muted small"> ({t('retiredQuestion')})</span>}
      </p>
      {q.showsGoal && (
        <p class="small muted goal">
          {props.goal ? tIsolated('goalShown', props.goal) : t('noGoalYet')}
        </p>
      )}
      {hint && <p class="small muted">{hint}</p>}
      {q.type === 'rating' && (
        <>
          <Rating item={props.item} readOnly={props.readOnly} onAnswer={props.onAnswer} />
          {noteOpen ? (
            <textarea
              dir="auto"
              aria-label={t('noteFor', labels.text)}
              rows={2}
              value={note}
              readOnly={props.readOnly}
              onInput={(e) => props.onAnswer(q.id, { note: e.currentTarget.value })}
            />
          ) : (
            !props.readOnly && (
              <button type="button" class="link small" onClick={() => setNoteOpen(true)}>
                {t('addNote')}
              </button>
            )
          )}
        </>
      )}
      {(q.type === 'text' || q.type === 'action-items') && (
        <textarea
          dir="auto"
          aria-labelledby={`q-${q.id}`}
          rows={q.type === 'action-items' ? 3 : 2}
          value={note}
          readOnly={props.readOnly}
          placeholder={q.type === 'action-items' ? t('actionItemsPlaceholder') : ''}
          onInput={(e) => props.onAnswer(q.id, { note: e.currentTarget.value })}
        />
      )}
      {q.type === 'next-date' && (
        <div class="row">
          <input
            type="datetime-local"
            aria-labelledby={`q-${q.id}`}
            value={note}
            readOnly={props.readOnly}
            onInput={(e) => props.onAnswer(q.id, { note: e.currentTarget.value })}
          />
          {!note && props.suggestedNext && !props.readOnly && (
            <button
              type="button"
              onClick={() => props.onAnswer(q.id, { note: props.suggestedNext })}
            >
              {t('useSuggested', formatDateTime(new Date(props.suggestedNext).getTime()))}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/** The reflection checklist: one item per question, answered in place, saved as answered. */
export function ReflectionForm(props: ReflectionFormProps) {
  return (
    <ol class="questions">
      {props.items.map((item) => (
        <Item
          key={item.question.id}
          item={item}
          goal={props.goal}
          suggestedNext={props.suggestedNext}
          readOnly={props.readOnly}
          onAnswer={props.onAnswer}
        />
      ))}
    </ol>
  );
}
