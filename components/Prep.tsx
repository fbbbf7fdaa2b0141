import type { SaveStatus } from '@/lib/autosave';
import { formatDateTime, t, tIsolated } from '@/lib/i18n';
import type { Role, Topic } from '@/lib/records';
import { saveStatusText } from './save-status';

export interface PrepProps {
  otherName: string;
  myRole: Role;
  /** A formatted date, or undefined when no session is booked. */
  when?: string;
  topic?: Topic;
  topicDraft: string;
  notes: string;
  saved: SaveStatus;
  /** Why what was typed could not be saved; shown instead of "Saved". */
  saveError?: string;
  onTopic(text: string): void;
  /** The topic field was left: the text has settled. */
  onTopicDone?: () => void;
  onNotes(text: string): void;
  /** Book the session at a `datetime-local` value; absent when it is booked already. */
  onBook?: (when: string) => void;
  bookError?: string;
}

/** The next session: with whom and when, the topic, and the mentee's pre-session thoughts. */
export function Prep(props: PrepProps) {
  const notesIn = props.notes.trim().length > 0;
  return (
    <section class="stack" aria-labelledby="prep-title">
      <div class="spread">
        <h1 id="prep-title">{tIsolated('nextSessionWith', props.otherName)}</h1>
        <span class={notesIn ? 'ok small' : 'muted small'} data-testid="notes-status">
          {notesIn ? t('notesIn') : t('notesMissing')}
        </span>
      </div>
      {props.when ? (
        <p class="muted small">{props.when}</p>
      ) : (
        <form
          class="row small"
          style="align-items:flex-end"
          onSubmit={(e) => {
            e.preventDefault();
            const value = new FormData(e.currentTarget).get('when');
            props.onBook?.(String(value ?? ''));
          }}
        >
          <label style="flex:1;font-weight:400">
            <span class="muted">{t('notBooked')}</span>
            <input type="datetime-local" name="when" aria-label={t('bookWhen')} required />
          </label>
          <button type="submit">{t('book')}</button>
        </form>
      )}
      {props.bookError && (
        <p class="error small" role="alert">
          {props.bookError}
        </p>
      )}
      <label>
        {t('topicLabel')}
        <input
          dir="auto"
          type="text"
          name="topic"
          value={props.topicDraft}
          maxLength={500}
          placeholder={t('topicPlaceholder')}
          onInput={(e) => props.onTopic(e.currentTarget.value)}
          onBlur={props.onTopicDone}
        />
      </label>
      {props.topic && (
        <p class="muted small" data-testid="topic-agreed">
          {props.topic.by === props.myRole
            ? t('topicByYou', formatDateTime(props.topic.at))
            : t('topicBy', [
                t(props.topic.by === 'mentor' ? 'roleMentor' : 'roleMentee'),
                formatDateTime(props.topic.at),
              ])}
        </p>
      )}
      <label>
        {t(props.myRole === 'mentee' ? 'notesLabelMentee' : 'notesLabelMentor')}
        <textarea
          dir="auto"
          name="notes"
          rows={6}
          value={props.notes}
          placeholder={t('notesPlaceholder')}
          onInput={(e) => props.onNotes(e.currentTarget.value)}
        />
      </label>
      {/* One region, always there, whose text changes: a screen reader hears each change once. */}
      <p
        class={props.saveError ? 'error small' : 'muted small'}
        role="status"
        aria-live="polite"
        data-testid="save-status"
      >
        {props.saveError ?? saveStatusText(props.saved)}
      </p>
    </section>
  );
}
