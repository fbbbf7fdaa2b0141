import type { ComponentChildren } from 'preact';
import type { SaveStatus } from '@/lib/autosave';
import { t } from '@/lib/i18n';
import type { MentorshipType } from '@/lib/records';
import type { AgreementDraft } from '@/lib/rules/agreement';
import type { FieldError } from '@/models/options/agreement';
import { saveStatusText } from '../save-status';
import { roleName } from './format';

export interface AgreementEditorProps {
  draft: AgreementDraft;
  error?: FieldError;
  saved: SaveStatus;
  /** No session has happened yet: show what the first one is for. */
  firstSession: boolean;
  onChange(patch: Partial<AgreementDraft>): void;
}

const TYPES: { value: MentorshipType; key: string }[] = [
  { value: 'goal-oriented', key: 'optTypeGoal' },
  { value: 'time-framed', key: 'optTypeTime' },
  { value: 'ad-hoc', key: 'optTypeAdHoc' },
];

/** The agreement: who, how often, how long, how to prepare and reach each other, what is in scope. */
export function AgreementEditor(props: AgreementEditorProps) {
  const { draft, error } = props;
  const errorId = (field: keyof AgreementDraft) => `agreement-${field}-error`;
  const invalid = (field: keyof AgreementDraft) =>
    error?.field === field
      ? { 'aria-invalid': true as const, 'aria-describedby': errorId(field) }
      : {};
  const problem = (field: keyof AgreementDraft) =>
    error?.field === field ? (
      <p id={errorId(field)} class="error small" role="alert">
        {error.message}
      </p>
    ) : null;
  const text = (field: keyof AgreementDraft) => (e: Event) =>
    props.onChange({ [field]: (e.currentTarget as HTMLInputElement).value });

  const area = (
    field: 'preparation' | 'responsiveness' | 'channels' | 'inScope' | 'desiredOutcomes',
    label: string,
    hint: string,
  ): ComponentChildren => (
    <div class="stack opt-field">
      <label>
        {label}
        <textarea
          dir="auto"
          name={field}
          rows={3}
          value={draft[field]}
          placeholder={hint}
          maxLength={5000}
          onInput={text(field)}
          {...invalid(field)}
        />
      </label>
      {problem(field)}
    </div>
  );

  return (
    <section class="card stack" aria-labelledby="agreement-title">
      <div class="spread">
        <h2 id="agreement-title">{t('optAgreementTitle')}</h2>
        <span class="muted small" aria-live="polite" data-testid="agreement-status">
          {error ? t('optNotSaved') : saveStatusText(props.saved)}
        </span>
      </div>
      <p class="muted small">{t('optAgreementIntro')}</p>

      {props.firstSession && (
        <aside class="opt-hint" aria-labelledby="first-hint-title">
          <h3 id="first-hint-title">{t('optFirstTitle')}</h3>
          <ul>
            <li>{t('optFirstIntroductions')}</li>
            <li>{t('optFirstGoals')}</li>
            <li>{t('optFirstCommitments')}</li>
          </ul>
        </aside>
      )}

      <fieldset class="opt-fieldset">
        <legend>{t('optPeopleLegend')}</legend>
        <div class="opt-grid">
          <div class="stack opt-field">
            <label>
              {t(draft.myRole === 'mentee' ? 'onboardingMentorName' : 'onboardingMenteeName')}
              <input
                dir="auto"
                type="text"
                name="otherName"
                value={draft.otherName}
                maxLength={200}
                autocomplete="off"
                onInput={text('otherName')}
                {...invalid('otherName')}
              />
            </label>
            {problem('otherName')}
          </div>
          <fieldset class="opt-fieldset opt-inline-fieldset">
            <legend class="opt-small-legend">{t('onboardingRole')}</legend>
            <div class="row">
              {(['mentee', 'mentor'] as const).map((r) => (
                <label class="inline" key={r}>
                  <input
                    type="radio"
                    name="agreement-role"
                    value={r}
                    checked={draft.myRole === r}
                    onChange={() => props.onChange({ myRole: r })}
                  />{' '}
                  {roleName(r)}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <div class="stack opt-field">
          <label>
            {t('optMeetingLink')}
            <input
              dir="auto"
              type="url"
              name="meetingLink"
              value={draft.meetingLink}
              placeholder="https://meet.google.com/abc-defg-hij"
              onInput={text('meetingLink')}
              {...invalid('meetingLink')}
            />
          </label>
          {problem('meetingLink')}
        </div>
      </fieldset>

      <fieldset class="opt-fieldset">
        <legend>{t('optRhythmLegend')}</legend>
        <div class="opt-grid">
          <div class="stack opt-field">
            <label>
              {t('optType')}
              <select
                name="type"
                value={draft.type}
                onChange={(e) => props.onChange({ type: e.currentTarget.value as MentorshipType })}
              >
                {TYPES.map((x) => (
                  <option value={x.value} key={x.value}>
                    {t(x.key)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {/* A field that holds the error stopping the save stays shown, so it can be put right. */}
          {(draft.type === 'time-framed' || error?.field === 'endsOn') && (
            <div class="stack opt-field">
              <label>
                {t('optEndsOn')}
                <input
                  type="date"
                  name="endsOn"
                  value={draft.endsOn}
                  onInput={text('endsOn')}
                  {...invalid('endsOn')}
                />
              </label>
              {problem('endsOn')}
            </div>
          )}
          <div class="stack opt-field">
            <label>
              {t('optCadence')}
              <input
                type="number"
                name="cadenceDays"
                inputMode="numeric"
                min={1}
                max={365}
                step={1}
                value={draft.cadenceDays}
                onInput={text('cadenceDays')}
                {...invalid('cadenceDays')}
              />
            </label>
            {problem('cadenceDays')}
          </div>
          <div class="stack opt-field">
            <label>
              {t('onboardingLength')}
              <input
                type="number"
                name="sessionMinutes"
                inputMode="numeric"
                min={5}
                max={240}
                step={5}
                value={draft.sessionMinutes}
                onInput={text('sessionMinutes')}
                {...invalid('sessionMinutes')}
              />
            </label>
            {problem('sessionMinutes')}
          </div>
          <div class="stack opt-field">
            <label>
              {t('optMedium')}
              <select
                name="medium"
                value={draft.medium}
                onChange={(e) =>
                  props.onChange({ medium: e.currentTarget.value as AgreementDraft['medium'] })
                }
              >
                <option value="">{t('optMediumUnset')}</option>
                <option value="video">{t('optMediumVideo')}</option>
                <option value="face-to-face">{t('optMediumFace')}</option>
              </select>
            </label>
          </div>
          {(draft.medium === 'face-to-face' || error?.field === 'location') && (
            <div class="stack opt-field">
              <label>
                {t('optLocation')}
                <input
                  dir="auto"
                  type="text"
                  name="location"
                  value={draft.location}
                  maxLength={5000}
                  onInput={text('location')}
                  {...invalid('location')}
                />
              </label>
              {problem('location')}
            </div>
          )}
        </div>
      </fieldset>

      <fieldset class="opt-fieldset">
        <legend>{t('optWorkLegend')}</legend>
        <div class="opt-grid">
          {area('preparation', t('optPreparation'), t('optPreparationHint'))}
          {area('responsiveness', t('optResponsiveness'), t('optResponsivenessHint'))}
          {area('channels', t('optChannels'), t('optChannelsHint'))}
        </div>
      </fieldset>

      <fieldset class="opt-fieldset">
        <legend>{t('optScopeLegend')}</legend>
        <div class="opt-grid">
          {area('inScope', t('optInScope'), t('optInScopeHint'))}
          {area('desiredOutcomes', t('optOutcomes'), t('optOutcomesHint'))}
        </div>
      </fieldset>
    </section>
  );
}
