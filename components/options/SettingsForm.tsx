import type { SaveStatus } from '@/lib/autosave';
import { BROWSER_LANGUAGE, LANGUAGES, languageName, t } from '@/lib/i18n';
import type { ReminderSettings, SettingsDraft } from '@/lib/rules/settings';
import type { SettingsError } from '@/models/options/settings';
import { saveStatusText } from '../save-status';

export interface SettingsFormProps {
  draft: SettingsDraft;
  error?: SettingsError;
  saved: SaveStatus;
  onChange(patch: Partial<SettingsDraft>): void;
  /** The language chosen for the extension's text; BROWSER_LANGUAGE for the browser's. */
  language: string;
  onLanguage(choice: string): void;
  /** The reminder switches, as they are now (absent: the section is not shown). */
  reminders?: ReminderSettings;
  onReminder?(kind: keyof ReminderSettings, on: boolean): void;
}

/** The browser's own language, as it names itself. */
function browserLanguageName(): string {
  const ui = globalThis.navigator?.language ?? 'en';
  return languageName(ui.split('-')[0] ?? ui);
}

/** The reminder switches, in the order a session goes: before, at the start, after. */
const REMINDER_SWITCHES: [keyof ReminderSettings, string][] = [
  ['dayBefore', 'optRemindDayBefore'],
  ['starting', 'optRemindStarting'],
  ['reflect', 'optRemindReflect'],
  ['bookNext', 'optRemindBookNext'],
];

/** Defaults for sessions and the private nudge back to the call. */
export function SettingsForm(props: SettingsFormProps) {
  const { draft, error } = props;
  const described = (field: keyof SettingsDraft | 'language', hint: string) =>
    error?.field === field
      ? { 'aria-invalid': true as const, 'aria-describedby': `${field}-error ${hint}` }
      : { 'aria-describedby': hint };
  const problem = (field: keyof SettingsDraft | 'language') =>
    error?.field === field ? (
      <p id={`${field}-error`} class="error small" role="alert">
        {error.message}
      </p>
    ) : null;
  return (
    <section class="card stack" aria-labelledby="settings-title">
      <div class="spread">
        <h1 id="settings-title">{t('optSettingsTitle')}</h1>
        <span class="muted small" aria-live="polite">
          {error ? t('optNotSaved') : saveStatusText(props.saved)}
        </span>
      </div>
      <div class="stack opt-field opt-narrow">
        <label>
          {t('optLanguage')}
          <select
            name="language"
            value={props.language}
            onChange={(e) => props.onLanguage(e.currentTarget.value)}
            {...described('language', 'language-hint')}
          >
            <option value={BROWSER_LANGUAGE}>{t('optLanguageAuto', browserLanguageName())}</option>
            {LANGUAGES.map((lang) => (
              // Each language named in itself, so a person finds theirs whatever is shown now.
              <option key={lang} value={lang} lang={lang} dir="auto">
                {languageName(lang)}
              </option>
            ))}
          </select>
        </label>
        <p id="language-hint" class="muted small">
          {t('optLanguageHint')}
        </p>
        {problem('language')}
      </div>
      <div class="stack opt-field opt-narrow">
        <label>
          {t('optDefaultMinutes')}
          <input
            type="number"
            name="defaultSessionMinutes"
            inputMode="numeric"
            min={5}
            max={240}
            step={5}
            value={draft.defaultSessionMinutes}
            onInput={(e) => props.onChange({ defaultSessionMinutes: e.currentTarget.value })}
            {...described('defaultSessionMinutes', 'minutes-hint')}
          />
        </label>
        <p id="minutes-hint" class="muted small">
          {t('optDefaultMinutesHint')}
        </p>
        {problem('defaultSessionMinutes')}
      </div>
      <fieldset class="opt-fieldset">
        <legend>{t('optFocusLegend')}</legend>
        <label class="inline">
          <input
            type="checkbox"
            name="nudges"
            checked={draft.nudges}
            onChange={(e) => props.onChange({ nudges: e.currentTarget.checked })}
          />{' '}
          {t('optNudges')}
        </label>
        <div class="stack opt-field opt-narrow">
          <label>
            {t('optGrace')}
            <input
              type="number"
              name="graceSeconds"
              inputMode="numeric"
              min={1}
              max={3600}
              step={1}
              value={draft.graceSeconds}
              // Kept editable while it holds the error that stops saving, so it can be put right.
              disabled={!draft.nudges && error?.field !== 'graceSeconds'}
              onInput={(e) => props.onChange({ graceSeconds: e.currentTarget.value })}
              {...described('graceSeconds', 'grace-hint')}
            />
          </label>
          <p id="grace-hint" class="muted small">
            {t('optGraceHint')}
          </p>
          {problem('graceSeconds')}
        </div>
        <div class="stack opt-field opt-narrow">
          <label class="inline">
            <input
              type="checkbox"
              name="foldWhilePresenting"
              checked={draft.foldWhilePresenting}
              onChange={(e) => props.onChange({ foldWhilePresenting: e.currentTarget.checked })}
              aria-describedby="fold-hint"
            />{' '}
            {t('optFoldWhilePresenting')}
          </label>
          <p id="fold-hint" class="muted small">
            {t('optFoldWhilePresentingHint')}
          </p>
        </div>
      </fieldset>
      {props.reminders && (
        <fieldset class="opt-fieldset" aria-describedby="reminders-hint">
          <legend>{t('optRemindLegend')}</legend>
          <p id="reminders-hint" class="muted small">
            {t('optRemindHint')}
          </p>
          {REMINDER_SWITCHES.map(([kind, key]) => (
            <label class="inline" key={kind}>
              <input
                type="checkbox"
                name={`remind-${kind}`}
                checked={props.reminders?.[kind] ?? true}
                onChange={(e) => props.onReminder?.(kind, e.currentTarget.checked)}
              />{' '}
              {t(key)}
            </label>
          ))}
        </fieldset>
      )}
    </section>
  );
}
