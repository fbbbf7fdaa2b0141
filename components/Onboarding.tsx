import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { Role } from '@/lib/records';
import type { OnboardingValues } from '@/models/prep';

/** The few fields a first mentorship needs; the rest lives on the Mentorships page. */
export function Onboarding(props: {
  error?: string;
  onCreate(values: OnboardingValues): void;
  /** Where the rest of the setup lives; absent on that page itself. */
  onOpenOptions?: () => void;
}) {
  const [role, setRole] = useState<Role>('mentee');
  return (
    <form
      class="stack"
      aria-labelledby="onboarding-title"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        props.onCreate({
          otherName: String(data.get('otherName') ?? ''),
          myRole: role,
          meetingLink: String(data.get('meetingLink') ?? ''),
          cadenceDays: Number(data.get('cadenceDays')),
          sessionMinutes: Number(data.get('sessionMinutes')),
          firstSessionAt: String(data.get('firstSessionAt') ?? ''),
        });
      }}
    >
      <h1 id="onboarding-title">{t('onboardingTitle')}</h1>
      <p class="muted">{t('onboardingIntro')}</p>
      <fieldset class="row" style="border:0;padding:0;margin:0">
        <legend class="small" style="font-weight:600;margin-bottom:4px">
          {t('onboardingRole')}
        </legend>
        {(['mentee', 'mentor'] as const).map((r) => (
          <label class="inline" key={r}>
            <input
              type="radio"
              name="myRole"
              value={r}
              checked={role === r}
              onChange={() => setRole(r)}
            />{' '}
            {t(r === 'mentee' ? 'roleMentee' : 'roleMentor')}
          </label>
        ))}
      </fieldset>
      <label>
        {t(role === 'mentee' ? 'onboardingMentorName' : 'onboardingMenteeName')}
        <input
          dir="auto"
          type="text"
          name="otherName"
          required
          maxLength={200}
          autocomplete="off"
        />
      </label>
      <label>
        {t('onboardingLink')}
        <input
          dir="auto"
          type="url"
          name="meetingLink"
          placeholder="https://meet.google.com/abc-defg-hij"
        />
      </label>
      <div class="row" style="flex-wrap:nowrap">
        <label style="flex:1">
          {t('onboardingCadence')}
          {/* `selected`, not the select's defaultValue, which Preact does not apply. */}
          <select name="cadenceDays">
            <option value="7">{t('cadenceWeekly')}</option>
            <option value="14" selected>
              {t('cadenceFortnightly')}
            </option>
            <option value="28">{t('cadenceMonthly')}</option>
          </select>
        </label>
        <label style="flex:1">
          {t('onboardingLength')}
          <input type="number" name="sessionMinutes" min={5} max={240} step={5} defaultValue="45" />
        </label>
      </div>
      <label>
        {t('onboardingFirst')}
        <input type="datetime-local" name="firstSessionAt" />
      </label>
      {props.error && (
        <p class="error" role="alert">
          {props.error}
        </p>
      )}
      <div class="spread">
        {props.onOpenOptions ? (
          <button type="button" onClick={props.onOpenOptions}>
            {t('openMentorships')}
          </button>
        ) : (
          <span />
        )}
        <button type="submit" class="primary">
          {t('onboardingCreate')}
        </button>
      </div>
    </form>
  );
}
