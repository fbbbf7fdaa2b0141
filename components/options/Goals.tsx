import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { Goal } from '@/lib/records';
import type { ActionItemGroup } from '@/lib/rules/action-items';
import { formatDay } from './format';

export interface GoalsProps {
  goals: Goal[];
  groups: ActionItemGroup[];
  error?: string;
  /** Resolves true when the goal was saved (the field then clears). */
  onAddGoal(text: string): Promise<boolean>;
  onGoalDone(goalId: string, done: boolean): void;
  onDeleteGoal(goalId: string): void;
  onToggleItem(sessionId: string, itemId: string): void;
}

function GoalRow(props: { goal: Goal; onDone(done: boolean): void; onDelete(): void }) {
  const [confirming, setConfirming] = useState(false);
  const { goal } = props;
  return (
    <li class="opt-check-row">
      <label class="inline">
        <input
          type="checkbox"
          checked={goal.doneAt !== undefined}
          onChange={(e) => props.onDone(e.currentTarget.checked)}
        />{' '}
        <span class={goal.doneAt !== undefined ? 'opt-done pre' : 'pre'}>{goal.text}</span>
      </label>
      {confirming ? (
        <span class="row">
          <button type="button" class="danger" onClick={props.onDelete}>
            {t('optDeleteConfirm')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('optKeep')}
          </button>
        </span>
      ) : (
        <button
          type="button"
          class="link small"
          aria-label={t('optDeleteGoal', goal.text)}
          onClick={() => setConfirming(true)}
        >
          {t('optDelete')}
        </button>
      )}
    </li>
  );
}

/** Goals for the mentorship, broken down into the action items of each session. */
export function Goals(props: GoalsProps) {
  const [text, setText] = useState('');
  const open = props.goals.filter((g) => g.doneAt === undefined);
  const reached = props.goals.filter((g) => g.doneAt !== undefined);
  return (
    <section class="card stack" aria-labelledby="goals-title">
      <h2 id="goals-title">{t('optGoalsTitle')}</h2>
      {props.goals.length === 0 && <p class="muted small">{t('optGoalsEmpty')}</p>}
      {props.goals.length > 0 && (
        <ul class="opt-checklist" aria-label={t('optGoalsTitle')}>
          {[...open, ...reached].map((g) => (
            <GoalRow
              key={g.id}
              goal={g}
              onDone={(done) => props.onGoalDone(g.id, done)}
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
              {g.session.topic?.text && <span class="muted"> · {g.session.topic.text}</span>}
              <span class="muted">
                {' '}
                · {t('optOpenCount', [String(g.open), String(g.items.length)])}
              </span>
            </p>
            <ul class="opt-checklist">
              {g.items.map((a) => (
                <li key={a.id} class="opt-check-row">
                  <label class="inline">
                    <input
                      type="checkbox"
                      checked={a.doneAt !== undefined}
                      onChange={() => props.onToggleItem(g.session.id, a.id)}
                    />{' '}
                    <span class={a.doneAt !== undefined ? 'opt-done pre' : 'pre'}>{a.text}</span>
                  </label>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
