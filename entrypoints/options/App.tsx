import { Onboarding } from '@/components/Onboarding';
import { AgreementEditor } from '@/components/options/AgreementEditor';
import { Backups } from '@/components/options/Backups';
import { roleName } from '@/components/options/format';
import { Goals } from '@/components/options/Goals';
import { History } from '@/components/options/History';
import { cadenceText, MentorshipList } from '@/components/options/MentorshipList';
import { Schedule } from '@/components/options/Schedule';
import { SettingsForm } from '@/components/options/SettingsForm';
import { Trends } from '@/components/options/Trends';
import { t } from '@/lib/i18n';
import type { OptionsModel } from './model';

export interface PageEffects {
  /** Offers `text` as a file download named `name`. */
  download(name: string, text: string): void;
  /** Opens the reflection for a session in a new tab. */
  openReflection(sessionId: string): void;
  /** Moves keyboard focus to the main area after a view change. */
  focusMain(): void;
}

function MentorshipView({ model, effects }: { model: OptionsModel; effects: PageEffects }) {
  const { state, actions } = model;
  const m = state.selected.value;
  const a = state.agreement.value;
  const schedule = state.schedule.value;
  const trends = state.trends.value;
  if (!m || !a || !schedule || !trends) return null;
  return (
    <>
      <header class="opt-detail-head">
        <h1 id="main-title" tabIndex={-1}>
          {m.otherName}
        </h1>
        <p class="muted">
          {t('optDetailLine', [
            roleName(m.myRole),
            cadenceText(m.agreement.cadenceDays),
            String(m.agreement.sessionMinutes),
          ])}
        </p>
      </header>
      {state.actionError.value && (
        <p class="error" role="alert">
          {state.actionError.value}
        </p>
      )}
      <div class="opt-sections">
        <Schedule
          booked={schedule.booked}
          now={state.now.value}
          needsScheduling={schedule.needsScheduling}
          over={schedule.over}
          suggestion={schedule.suggestion}
          cadenceDays={m.agreement.cadenceDays}
          error={state.scheduleError.value}
          onBook={actions.book}
          onReschedule={actions.reschedule}
          onMarkLast={actions.markLast}
        />
        <Goals
          goals={m.goals}
          groups={state.groups.value}
          error={state.goalError.value}
          onAddGoal={actions.addGoal}
          onGoalDone={actions.goalDone}
          onDeleteGoal={actions.deleteGoal}
          onToggleItem={actions.toggleItem}
        />
        <div class="opt-wide">
          <AgreementEditor
            draft={a.draft}
            error={state.agreementError.value}
            saved={state.agreementSaved.value}
            firstSession={state.firstSession.value}
            onChange={actions.editAgreement}
          />
        </div>
        <div class="opt-wide">
          <History
            rows={state.history.value}
            onReflect={effects.openReflection}
            onDismiss={actions.dismiss}
          />
        </div>
        <div class="opt-wide">
          <Trends trends={trends} />
        </div>
      </div>
    </>
  );
}

export function App({ model, effects }: { model: OptionsModel; effects: PageEffects }) {
  const { state, actions, backups, settings } = model;
  if (state.loadFailed.value && !state.data.value) {
    return (
      <p class="error" role="alert">
        {t('optLoadFailed')}
      </p>
    );
  }
  const view = state.view.value;
  if (!view) return <p class="muted">{t('loading')}</p>;
  const select = (next: typeof view) => {
    actions.select(next);
    effects.focusMain();
  };
  return (
    <div class="opt-layout">
      <button type="button" class="opt-skip" onClick={effects.focusMain}>
        {t('optSkip')}
      </button>
      <aside class="opt-side">
        <p class="opt-brand">{t('extName')}</p>
        <MentorshipList items={state.listItems.value} view={view} onSelect={select} />
      </aside>
      <main id="main" class="opt-main stack">
        {view.page === 'mentorship' && <MentorshipView model={model} effects={effects} />}
        {view.page === 'new' && (
          <div class="card opt-new">
            <Onboarding error={state.newError.value} onCreate={actions.create} />
          </div>
        )}
        {view.page === 'backups' && (
          <Backups
            pending={state.pendingRestore.value}
            busy={state.backupBusy.value}
            error={state.backupError.value}
            done={state.backupDone.value}
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
        {view.page === 'settings' && state.settingsDraft.value && (
          <SettingsForm
            draft={state.settingsDraft.value}
            error={state.settingsError.value}
            saved={state.settingsSaved.value}
            onChange={settings.edit}
          />
        )}
      </main>
    </div>
  );
}
