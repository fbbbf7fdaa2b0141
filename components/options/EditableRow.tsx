import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';

export interface EditableRowProps {
  /** The id the row's controls are named from. */
  id: string;
  text: string;
  done: boolean;
  /** The input's label while editing: "Goal", "Action item". */
  fieldLabel: string;
  editLabel: string;
  deleteLabel: string;
  maxLength: number;
  onDone(done: boolean): void;
  /** Resolves true when saved (the row then leaves editing). */
  onSave(text: string): Promise<boolean>;
  onDelete(): void;
}

/**
 * A checklist row a person can tick, edit in place (Enter saves, Escape leaves it as it was)
 * and delete (no dialog: the "Deleted · Undo" bar brings it back).
 */
export function EditableRow(props: EditableRowProps) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(props.text);
  const inputId = `edit-${props.id}`;
  if (editing) {
    return (
      <li class="opt-check-row">
        <form
          class="row opt-grow"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await props.onSave(value)) setEditing(false);
          }}
        >
          <label class="opt-grow" for={inputId}>
            <span class="visually-hidden">{props.fieldLabel}</span>
            <input
              id={inputId}
              type="text"
              value={value}
              maxLength={props.maxLength}
              // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this text.
              autoFocus
              onInput={(e) => setValue(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.preventDefault();
                  setEditing(false);
                }
              }}
            />
          </label>
          <button type="submit" class="small primary">
            {t('optSave')}
          </button>
          <button type="button" class="small" onClick={() => setEditing(false)}>
            {t('optCancel')}
          </button>
        </form>
      </li>
    );
  }
  return (
    <li class="opt-check-row">
      <label class="inline">
        <input
          type="checkbox"
          checked={props.done}
          onChange={(e) => props.onDone(e.currentTarget.checked)}
        />{' '}
        <span class={props.done ? 'opt-done pre' : 'pre'}>{props.text}</span>
      </label>
      <span class="row opt-row-actions">
        <button
          type="button"
          class="link small"
          aria-label={props.editLabel}
          onClick={() => {
            setValue(props.text);
            setEditing(true);
          }}
        >
          {t('optEdit')}
        </button>
        <button
          type="button"
          class="link small"
          aria-label={props.deleteLabel}
          onClick={props.onDelete}
        >
          {t('optDelete')}
        </button>
      </span>
    </li>
  );
}
