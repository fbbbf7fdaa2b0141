import { formatDuration, t } from '@/lib/i18n';
import type { OptionsModel } from '@/models/options/app';
import { Onboarding } from '../Onboarding';
import { type ShortcutRow, Shortcuts } from '../Shortcuts';
import { AgreementEditor } from './AgreementEditor';
import { Backups } from './Backups';
import { BetweenSessions } from './BetweenSessions';
import { roleName } from './format';
import { Goals } from './Goals';
import { History } from './History';
import { cadenceText, MentorshipList } from './MentorshipList';
import { Review } from './Review';
import { Schedule } from './Schedule';
import { SettingsForm } from './SettingsForm';
import { Trends } from './Trends';

export interface PageEffects {
  /** Offers `text` as a file download named `name`. */
  download(name: string, text: string): void;
  /** Opens the reflection for a session in a new tab. */
  openReflection(sessionId: string): void;
  /** Moves keyboard focus to the main area after a view change. */
  focusMain(): void;
  /** Opens the browser's shortcut settings; absent where a page cannot (Firefox). */
  changeShortcuts?: () => void;
}

function MentorshipView({ model, effects }: { model: OptionsModel; effects: PageEffects }) {
  const { agreement, schedule } = model;
  const m = model.selected.value;
  const draft = agreement.draft.value;
  const plan = schedule.state.value;
  const trends = model.trends.value;
  if (!m || !draft || !plan || !trends) return null;
  const actionError = agreement.actionError.value ?? schedule.historyError.value;
  return (
    <>
      <header class="opt-detail-head">
        <h1 id="main-title" tabIndex={-1} dir="auto">
          {m.otherName}
        </h1>
        <p class="muted">
          {t('optDetailLine', [
            roleName(m.myRole),
            cadenceText(m.agreement.cadenceDays),
            formatDuration(m.agreement.sessionMinutes * 60_000),
          ])}
        </p>
      </header>
      {actionError && (
        <p class="error" role="alert">
          {actionError}
        </p>
      )}
      <div class="opt-sections">
        <Schedule
          booked={plan.booked}
          now={model.today.value}
          needsScheduling={plan.needsScheduling}
          over={plan.over}
          suggestion={plan.suggestion}
          cadenceDays={m.agreement.cadenceDays}
          error={schedule.error.value}
          onBook={schedule.book}
          onReschedule={schedule.reschedule}
          onMarkLast={schedule.markLast}
        />
        <Goals
          goals={m.goals}
          groups={agreement.groups.value}
          error={agreement.goalError.value}
          onAddGoal={agreement.addGoal}
          onGoalDone={agreement.goalDone}
          onDeleteGoal={agreement.deleteGoal}
          onToggleItem={agreement.toggleItem}
        />
        <div class="opt-wide">
          <AgreementEditor
            draft={draft}
            error={agreement.error.value}
            saved={agreement.saved.value}
            firstSession={model.firstSession.value}
            onChange={agreement.edit}
          />
        </div>
        <div class="opt-wide">
          <History
            rows={schedule.history.value}
            onReflect={effects.openReflection}
            onDismiss={schedule.dismiss}
          />
        </div>
        <div class="opt-wide">
          <Trends trends={trends} />
        </div>
        <BetweenSessions model={model} effects={effects} />
      </div>
    </>
  );
}

/** The Mentorships page: the list of mentorships beside the view chosen. */
export function OptionsPage({
  model,
  effects,
  shortcuts,
}: {
  model: OptionsModel;
  effects: PageEffects;
  /** The keyboard shortcuts as the browser reports them, shown with the settings. */
  shortcuts?: ShortcutRow[];
}) {
  const { backups, settings } = model;
  if (model.loadFailed.value && !model.data.value) {
    return (
      <p class="error" role="alert">
        {t('optLoadFailed')}
      </p>
    );
  }
  const view = model.view.value;
  if (!view) return <p class="muted">{t('loading')}</p>;
  const select = (next: typeof view) => {
    model.select(next);
    effects.focusMain();
  };
  return (
    <div class="opt-layout">
      <button type="button" class="opt-skip" onClick={effects.focusMain}>
        {t('optSkip')}
      </button>
      <aside class="opt-side">
        <p class="opt-brand">{t('extName')}</p>
        <MentorshipList items={model.listItems.value} view={view} onSelect={select} />
      </aside>
      <main id="main" class="opt-main stack">
        {view.page === 'mentorship' && <MentorshipView model={model} effects={effects} />}
        {view.page === 'review' && (
          <Review
            model={model.review}
            download={effects.download}
            print={() => globalThis.print()}
          />
        )}
        {view.page === 'new' && (
          <div class="card opt-new">
            <Onboarding error={model.newError.value} onCreate={model.create} />
          </div>
        )}
        {view.page === 'backups' && (
          <Backups
            pending={backups.pending.value}
            busy={backups.busy.value}
            error={backups.error.value}
            done={backups.done.value}
            persistence={backups.persistence.value}
            onExport={async () => {
              const file = await backups.exportText();
              if (file) effects.download(file.name, file.text);
            }}
            onChooseFile={backups.choose}
            onMode={backups.mode}
            onConfirm={backups.confirm}
            onCancel={backups.cancel}
          />
        )}
        {view.page === 'settings' && settings.draft.value && (
          <SettingsForm
            draft={settings.draft.value}
            error={settings.error.value}
            saved={settings.saved.value}
            onChange={settings.edit}
            language={settings.language.value}
            onLanguage={settings.setLanguage}
            reminders={settings.reminders.value}
            onReminder={settings.setReminder}
          />
        )}
        {view.page === 'settings' && (
          <div class="card">
            <Shortcuts rows={shortcuts} onChange={effects.changeShortcuts} />
          </div>
        )}
      </main>
    </div>
  );
}
