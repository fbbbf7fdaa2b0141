import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { Goal } from '@/lib/records';
import type { ActionItemGroup } from '@/lib/rules/action-items';
import { EditableRow } from './EditableRow';
import { formatDay } from './format';

export interface GoalsProps {
  goals: Goal[];
  groups: ActionItemGroup[];
  error?: string;
  /** Resolves true when the goal was saved (the field then clears). */
  onAddGoal(text: string): Promise<boolean>;
  onGoalDone(goalId: string, done: boolean): void;
  onEditGoal(goalId: string, text: string): Promise<boolean>;
  onDeleteGoal(goalId: string): void;
  onItemDone(sessionId: string, itemId: string, done: boolean): void;
  onEditItem(sessionId: string, itemId: string, text: string): Promise<boolean>;
  onDeleteItem(sessionId: string, itemId: string): void;
}

/** Goals for the mentorship, broken down into the action items of each session. */
export function Goals(props: GoalsProps) {
  const [text, setText] = useState('');
  const open = props.goals.filter((g) => g.doneAt === undefined);
  const reached = props.goals.filter((g) => g.doneAt !== undefined);
  return (
    <section id="goals" class="card stack" aria-labelledby="goals-title">
      <h2 id="goals-title">{t('optGoalsTitle')}</h2>
      {props.goals.length === 0 && <p class="muted small">{t('optGoalsEmpty')}</p>}
      {props.goals.length > 0 && (
        <ul class="opt-checklist" aria-label={t('optGoalsTitle')}>
          {[...open, ...reached].map((g) => (
            <EditableRow
              key={g.id}
              id={g.id}
              text={g.text}
              done={g.doneAt !== undefined}
              fieldLabel={t('optGoalText')}
              editLabel={t('optEditGoal', g.text)}
              deleteLabel={t('optDeleteGoal', g.text)}
              maxLength={2000}
              onDone={(done) => props.onGoalDone(g.id, done)}
              onSave={(text) => props.onEditGoal(g.id, text)}
              onDelete={() => props.onDeleteGoal(g.id)}
            />
          ))}
        </ul>
      )}
      <form
        class="row opt-add"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await props.onAddGoal(text)) setText('');
        }}
      >
        <label class="opt-grow">
          <span class="visually-hidden">{t('optNewGoal')}</span>
          <input
            dir="auto"
            type="text"
            name="goal"
            value={text}
            maxLength={2000}
            placeholder={t('optNewGoalPlaceholder')}
            aria-invalid={props.error ? true : undefined}
            aria-describedby={props.error ? 'goal-error' : undefined}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </label>
        <button type="submit">{t('optAddGoal')}</button>
      </form>
      {props.error && (
        <p id="goal-error" class="error small" role="alert">
          {props.error}
        </p>
      )}

      <h3 id="actions-title">{t('optActionsTitle')}</h3>
      {props.groups.length === 0 && <p class="muted small">{t('optActionsEmpty')}</p>}
      {props.groups.map((g) => {
        const at = g.session.startedAt ?? g.session.scheduledAt;
        const heading = g.upcoming
          ? t('optActionsNext')
          : at !== undefined
            ? t('optActionsFrom', formatDay(at))
            : t('optActionsUndated');
        const id = `actions-${g.session.id}`;
        return (
          <section class="opt-group" key={g.session.id} aria-labelledby={id}>
            <p id={id} class="small opt-group-title">
              {heading}
              {g.session.topic?.text && (
                <span class="muted">
                  {' · '}
                  <bdi>{g.session.topic.text}</bdi>
                </span>
              )}
              <span class="muted">
                {' '}
                · {t('optOpenCount', [String(g.open), String(g.items.length)])}
              </span>
            </p>
            <ul class="opt-checklist">
              {g.items.map((a) => (
                <EditableRow
                  key={a.id}
                  id={a.id}
                  text={a.text}
                  done={a.doneAt !== undefined}
                  fieldLabel={t('optItemText')}
                  editLabel={t('optEditItem', a.text)}
                  deleteLabel={t('optDeleteItem', a.text)}
                  maxLength={2000}
                  onDone={(done) => props.onItemDone(g.session.id, a.id, done)}
                  onSave={(text) => props.onEditItem(g.session.id, a.id, text)}
                  onDelete={() => props.onDeleteItem(g.session.id, a.id)}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
