import './session-view.css';
import { useState } from 'preact/hooks';
import type { FocusFigures } from '@/lib/focus';
import { formatClock, formatNumber, t } from '@/lib/i18n';
import type { ActionItem, Goal, Mentorship, Role } from '@/lib/records';
import type { SessionTimer } from '@/lib/timer';
import type { LiveModel } from '@/models/live';

function lineCount(text: string): string {
  const n = text.split('\n').length;
  return n === 1 ? t('notesOneLine') : t('notesLines', String(n));
}

export interface SessionViewProps {
  otherName?: string;
  myRole?: Role;
  topic?: string;
  menteeNotes: string;
  mentorNotes?: string;
  goal?: Goal;
  actionItems: ActionItem[];
  timer?: SessionTimer;
  figures?: FocusFigures;
  /** The last away span, shown briefly on return. */
  awayFlash?: number;
  /** The call is not matched to a mentorship yet: ask which one. */
  unassigned?: Array<Pick<Mentorship, 'id' | 'otherName'>>;
  /** The last edit was refused: the sentence to show. */
  error?: string;
  /** Show the notes open (the side panel has room). */
  roomy?: boolean;
  /** The action item being typed, not added yet. */
  draft: string;
  onDraft(text: string): void;
  /** Adds `draft` as an action item. */
  onAddAction(): void;
  onToggleAction(id: string): void;
  /** Resolves true when the new text was saved. */
  onEditAction(id: string, text: string): Promise<boolean>;
  onRemoveAction(id: string): void;
  /** An action item was just deleted: its Undo is offered. */
  removed?: boolean;
  onUndoRemove(): void;
  onAssign(mentorshipId: string | null): void;
}

/** One action item: ticked, edited in place (Enter saves, Escape leaves it) or deleted. */
function ActionRow(props: {
  item: ActionItem;
  onToggle(): void;
  onEdit(text: string): Promise<boolean>;
  onRemove(): void;
}) {
  const { item: a } = props;
  const [editing, setEditing] = useState<string | undefined>(undefined);
  if (editing !== undefined) {
    return (
      <li>
        <form
          class="row add-action"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await props.onEdit(editing)) setEditing(undefined);
          }}
        >
          <input
            dir="auto"
            type="text"
            aria-label={t('optItemText')}
            value={editing}
            maxLength={2000}
            // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this text.
            autoFocus
            onInput={(e) => setEditing(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                setEditing(undefined);
              }
            }}
          />
          <button type="submit">{t('optSave')}</button>
        </form>
      </li>
    );
  }
  return (
    <li class="action-row">
      <label class="inline">
        <input type="checkbox" checked={Boolean(a.doneAt)} onChange={props.onToggle} />{' '}
        <span class={a.doneAt ? 'done pre' : 'pre'}>{a.text}</span>
      </label>
      <span class="action-tools">
        <button
          type="button"
          class="link small"
          aria-label={t('optEditItem', a.text)}
          onClick={() => setEditing(a.text)}
        >
          {t('optEdit')}
        </button>
        <button
          type="button"
          class="link small"
          aria-label={t('optDeleteItem', a.text)}
          onClick={props.onRemove}
        >
          {t('optDelete')}
        </button>
      </span>
    </li>
  );
}

const PHASE_CLASS = {
  running: '',
  'second-half': 'phase-half',
  'wrap-up': 'phase-wrap',
  overtime: 'phase-over',
} as const;

export function TimerLine({ timer, figures }: { timer?: SessionTimer; figures?: FocusFigures }) {
  if (!timer) return null;
  const share = Math.min(1, timer.elapsedMs / timer.lengthMs);
  return (
    <div class={`timer ${PHASE_CLASS[timer.phase]}`} data-phase={timer.phase}>
      <div class="spread">
        <span>
          <strong data-testid="elapsed">{formatClock(timer.elapsedMs)}</strong>{' '}
          <span class="muted">{t('elapsed')}</span>
        </span>
        <span data-testid="left">
          {timer.phase === 'overtime'
            ? t('overtimeBy', formatClock(-timer.leftMs))
            : t('timeLeft', formatClock(timer.leftMs))}
        </span>
      </div>
      <div
        class="bar"
        role="progressbar"
        aria-label={t('sessionProgress')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share * 100)}
      >
        <span style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
      {timer.phase === 'second-half' && <p class="phase-note small">{t('phaseHalf')}</p>}
      {timer.phase === 'wrap-up' && <p class="phase-note small">{t('phaseWrapUp')}</p>}
      {timer.phase === 'overtime' && <p class="phase-note small">{t('phaseOvertime')}</p>}
      {/* A share of the first seconds says little: it shows from the first minute. Its line is
          there from the start, so the card keeps its size (and its frame is not resized, a
          message to the background, in a call where nothing happens). */}
      {figures && (
        <p class="small muted focus-line" data-testid="focus" title={t('focusPrivate')}>
          {figures.elapsedMs >= 60_000 &&
            t('focusPresent', formatNumber(Math.round(figures.presentShare * 100)))}
          {figures.elapsedMs >= 60_000 && figures.count > 0 && ' · '}
          {figures.count > 0 &&
            t('focusAway', [formatClock(figures.awayMs), String(figures.count)])}
          {figures.elapsedMs < 60_000 && figures.count === 0 && '\u00a0'}
        </p>
      )}
    </div>
  );
}

/**
 * What the live view says to a screen reader: the return from being away, the wrap-up and the
 * overtime. It changes a few times a session, never with the clock.
 */
function announcement(props: SessionViewProps): string {
  if (props.awayFlash !== undefined) return t('youWereAway', formatClock(props.awayFlash));
  if (props.timer?.phase === 'wrap-up') return t('phaseWrapUp');
  if (props.timer?.phase === 'overtime') return t('phaseOvertime');
  return '';
}

/** The live session: topic, goal, notes, action items, timer and this user's focus figure. */
export function SessionView(props: SessionViewProps) {
  const { draft } = props;
  return (
    <div class="stack session-view">
      {/* One polite region that stays in place while its text changes; the timer is outside it. */}
      <p class="visually-hidden" role="status" aria-live="polite" data-testid="announce">
        {announcement(props)}
      </p>
      <TimerLine timer={props.timer} figures={props.figures} />
      {props.awayFlash !== undefined && (
        <p class="away-flash" data-testid="away-flash">
          {t('youWereAway', formatClock(props.awayFlash))}
        </p>
      )}
      {props.error && (
        <p class="error small" role="alert" data-testid="live-error">
          {props.error}
        </p>
      )}
      {props.unassigned && (
        <fieldset class="ask card stack" aria-labelledby="assign-q">
          <p id="assign-q" class="small">
            <strong>{t('assignQuestion')}</strong>
          </p>
          <div class="row">
            {props.unassigned.map((m) => (
              <button type="button" key={m.id} dir="auto" onClick={() => props.onAssign(m.id)}>
                {m.otherName}
              </button>
            ))}
            <button type="button" onClick={() => props.onAssign(null)}>
              {t('assignAdHoc')}
            </button>
          </div>
        </fieldset>
      )}
      <section aria-labelledby="topic-h">
        <h2 id="topic-h" class="label">
          {t('topicHeading')}
        </h2>
        <p class="pre topic" data-testid="topic">
          {props.topic || <span class="muted">{t('noTopic')}</span>}
        </p>
      </section>
      {props.goal && (
        <section aria-labelledby="goal-h">
          <h2 id="goal-h" class="label">
            {t('goalHeading')}
          </h2>
          <p class="pre">{props.goal.text}</p>
        </section>
      )}
      <details class="notes" open={props.roomy || undefined}>
        <summary>
          <span class="label">{t('menteeNotesHeading')}</span>{' '}
          <span class="muted small">
            {props.menteeNotes.trim() ? lineCount(props.menteeNotes) : t('notesNone')}
          </span>
        </summary>
        {/* Plain text: line breaks and links kept as text, never parsed as HTML. */}
        <section
          class="pre notes-text"
          data-testid="mentee-notes"
          aria-label={t('menteeNotesHeading')}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus so keyboard users can scroll it.
          tabIndex={0}
        >
          {props.menteeNotes}
        </section>
      </details>
      {props.mentorNotes?.trim() && (
        <details class="notes">
          <summary>
            <span class="label">{t('mentorNotesHeading')}</span>
          </summary>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus so keyboard users can scroll it. */}
          <section class="pre notes-text" aria-label={t('mentorNotesHeading')} tabIndex={0}>
            {props.mentorNotes}
          </section>
        </details>
      )}
      <section aria-labelledby="actions-h">
        <h2 id="actions-h" class="label">
          {t('actionItemsHeading')}
        </h2>
        {props.actionItems.length > 0 && (
          <ul class="actions">
            {props.actionItems.map((a) => (
              <ActionRow
                key={a.id}
                item={a}
                onToggle={() => props.onToggleAction(a.id)}
                onEdit={(text) => props.onEditAction(a.id, text)}
                onRemove={() => props.onRemoveAction(a.id)}
              />
            ))}
          </ul>
        )}
        <p class="small" role="status" data-testid="card-undo">
          {props.removed && (
            <>
              {t('undoDeleted', t('undoWhatActionItem'))}{' '}
              <button type="button" class="link small" onClick={props.onUndoRemove}>
                {t('undoButton')}
              </button>
            </>
          )}
        </p>
        <form
          class="row add-action"
          onSubmit={(e) => {
            e.preventDefault();
            if (!draft.trim()) return;
            props.onAddAction();
          }}
        >
          <input
            dir="auto"
            type="text"
            aria-label={t('addActionLabel')}
            placeholder={t('addActionPlaceholder')}
            value={draft}
            maxLength={500}
            onInput={(e) => props.onDraft(e.currentTarget.value)}
          />
          <button type="submit">{t('add')}</button>
        </form>
      </section>
    </div>
  );
}

/** The live session of a model, as the card and the side panel both show it. */
export function LiveSessionView(props: { model: LiveModel; roomy?: boolean; awayFlash?: number }) {
  const { model } = props;
  const s = model.session.value;
  const m = model.mentorship.value;
  if (!s) return null;
  return (
    <SessionView
      otherName={m?.otherName}
      myRole={m?.myRole}
      topic={s.topic?.text}
      menteeNotes={model.menteeNotes.value}
      mentorNotes={model.mentorNotes.value}
      goal={model.goal.value}
      actionItems={s.actionItems}
      timer={model.timer.value}
      figures={model.figures.value}
      awayFlash={props.awayFlash}
      roomy={props.roomy}
      unassigned={model.unassigned.value}
      error={model.error.value}
      draft={model.draft.value}
      onDraft={(text) => model.typeDraft(text)}
      onAddAction={() => model.addDraft()}
      onToggleAction={(id) => model.toggleActionItem(id)}
      onEditAction={(id, text) => model.editActionItem(id, text)}
      onRemoveAction={(id) => model.removeActionItem(id)}
      removed={model.removed.value !== undefined}
      onUndoRemove={() => model.undoRemove()}
      onAssign={(id) => model.assign(id)}
    />
  );
}
