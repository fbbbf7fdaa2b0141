import { useState } from 'preact/hooks';
import { formatDuration, t } from '@/lib/i18n';
import type { Mentorship } from '@/lib/records';
import type { OptionsModel } from '@/models/options/app';
import { Onboarding } from '../Onboarding';
import { type ShortcutRow, Shortcuts } from '../Shortcuts';
import { AgreementEditor } from './AgreementEditor';
import { Backups } from './Backups';
import { BetweenSessions } from './BetweenSessions';
import { formatDay, formatWhen, roleName } from './format';
import { Goals } from './Goals';
import { History } from './History';
import { cadenceText, MentorshipList } from './MentorshipList';
import { Review } from './Review';
import { Schedule } from './Schedule';
import { SearchBox, SearchResultsView } from './Search';
import { SessionPage } from './SessionPage';
import { SettingsForm } from './SettingsForm';
import { Trends } from './Trends';
import { UndoBar } from './UndoBar';

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

type Props = { model: OptionsModel; effects: PageEffects };

/** The sections of a mentorship a person can jump to, in the order the page shows them. */
const SECTIONS = [
  ['schedule', 'optScheduleTitle'],
  ['goals', 'optGoalsTitle'],
  ['history', 'optHistoryTitle'],
  ['trends', 'optTrendsTitle'],
  ['agreement', 'optAgreementTitle'],
] as const;

async function downloadBackup({ model, effects }: Props) {
  const file = await model.backups.exportText();
  if (file) effects.download(file.name, file.text);
}

/** The one confirmation before a mentorship goes with everything of it; a backup offered first. */
function ConfirmDelete(props: Props & { m: Mentorship }) {
  const { model, m } = props;
  const sessions = (model.data.value?.sessions ?? []).filter((s) => s.mentorshipId === m.id);
  return (
    <section
      class="opt-confirm stack"
      aria-labelledby={`delete-${m.id}`}
      data-testid="confirm-delete"
    >
      <p id={`delete-${m.id}`}>{t('optDeleteAsk', [m.otherName, String(sessions.length)])}</p>
      <div class="row">
        <button type="button" onClick={() => downloadBackup(props)}>
          {t('optDeleteBackup')}
        </button>
        <button type="button" class="danger" onClick={model.confirmDelete}>
          {t('optDeleteForGood')}
        </button>
        <button type="button" onClick={model.cancelDelete}>
          {t('optKeep')}
        </button>
      </div>
    </section>
  );
}

/** Who is next across every mentorship, for a mentor with several mentees. */
function NextUp({ model }: Props) {
  const rows = model.nextUp.value;
  if (rows.length < 2) return null;
  const shown = model.selected.value?.id;
  return (
    <section class="opt-next-up" aria-labelledby="next-up-title">
      <h2 id="next-up-title" class="opt-nav-title">
        {t('optNextUp')}
      </h2>
      <ol class="row">
        {rows.map((r) => (
          <li key={r.mentorship.id}>
            <a
              href={`#m=${encodeURIComponent(r.mentorship.id)}`}
              aria-current={shown === r.mentorship.id ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                model.select({ page: 'mentorship', id: r.mentorship.id });
              }}
            >
              <strong>{r.mentorship.otherName}</strong>{' '}
              <span class="muted small">
                {r.at !== undefined
                  ? formatWhen(r.at)
                  : r.session
                    ? t('optNextUpUndated')
                    : t('optNextUpNone')}
              </span>
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The agreement, rarely edited once filled in: folded away then, so it keeps off the fold. */
function AgreementFold(props: Props & { filledIn: boolean }) {
  const { model } = props;
  const { agreement } = model;
  const draft = agreement.draft.value;
  const [open, setOpen] = useState(!props.filledIn);
  if (!draft) return null;
  return (
    <details
      id="agreement"
      class="opt-fold"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>{t('optAgreementShow')}</summary>
      <AgreementEditor
        draft={draft}
        error={agreement.error.value}
        saved={agreement.saved.value}
        firstSession={model.firstSession.value}
        onChange={agreement.edit}
      />
    </details>
  );
}

function MentorshipView(props: Props) {
  const { model, effects } = props;
  const { agreement, schedule } = model;
  const m = model.selected.value;
  const plan = schedule.state.value;
  const trends = model.trends.value;
  if (!m || !agreement.draft.value || !plan || !trends) return null;
  const actionError =
    agreement.actionError.value ?? schedule.historyError.value ?? model.mentorshipError.value;
  const open = (id: string) => {
    model.select({ page: 'session', id });
    effects.focusMain();
  };
  return (
    <>
      <header class="opt-detail-head spread">
        <div>
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
        </div>
        <div class="row">
          <button type="button" title={t('optArchiveHint')} onClick={() => model.archive(m.id)}>
            {t('optArchive')}
          </button>
          <button
            type="button"
            aria-label={t('optDeleteMentorshipOf', m.otherName)}
            onClick={() => model.askDelete(m.id)}
          >
            {t('optDeleteMentorship')}
          </button>
        </div>
      </header>
      {model.confirmingDelete.value === m.id && <ConfirmDelete {...props} m={m} />}
      {actionError && (
        <p class="error" role="alert">
          {actionError}
        </p>
      )}
      <NextUp {...props} />
      <nav class="opt-jump" aria-label={t('optJumpLabel')}>
        <ul class="row">
          {SECTIONS.map(([id, key]) => (
            <li key={id}>
              <a href={`#${id}`} onClick={(e) => jumpTo(e, id)}>
                {t(key)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
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
          onCancel={schedule.cancel}
        />
        <Goals
          goals={m.goals}
          groups={agreement.groups.value}
          error={agreement.goalError.value}
          onAddGoal={agreement.addGoal}
          onGoalDone={agreement.goalDone}
          onEditGoal={agreement.editGoal}
          onDeleteGoal={agreement.deleteGoal}
          onItemDone={agreement.setItemDone}
          onEditItem={agreement.editItem}
          onDeleteItem={agreement.removeItem}
        />
        <div class="opt-wide">
          <History
            rows={schedule.history.value}
            onReflect={effects.openReflection}
            onDismiss={schedule.dismiss}
            onOpen={open}
            onNotASession={schedule.notASession}
          />
        </div>
        <div id="trends" class="opt-wide">
          <Trends trends={trends} />
        </div>
        {/*
          Slot for further sections of a mentorship (engineer "calendar-ui": calendar, Markdown
          export, reminders, period review): add each as its own component here, wrapped in
          <div class="opt-wide">, above the agreement, which stays last.
        */}
        <BetweenSessions model={model} effects={effects} />
        <div class="opt-wide">
          <AgreementFold key={m.id} {...props} filledIn={!model.firstSession.value} />
        </div>
      </div>
    </>
  );
}

/** Moves to a section without changing the address (which names the view, not a section). */
function jumpTo(e: Event, id: string) {
  e.preventDefault();
  const target = document.getElementById(id);
  if (!target) return;
  if (target instanceof HTMLDetailsElement) target.open = true;
  target.scrollIntoView({ block: 'start' });
  const focusable = target.querySelector<HTMLElement>('h2, summary');
  if (focusable) {
    if (!focusable.hasAttribute('tabindex') && focusable.tagName === 'H2') {
      focusable.setAttribute('tabindex', '-1');
    }
    focusable.focus({ preventScroll: true });
  }
}

function ArchivedView(props: Props) {
  const { model } = props;
  const list = model.archived.value;
  return (
    <section class="stack" aria-labelledby="main-title">
      <h1 id="main-title" tabIndex={-1}>
        {t('optArchivedTitle')}
      </h1>
      {model.mentorshipError.value && (
        <p class="error" role="alert">
          {model.mentorshipError.value}
        </p>
      )}
      {list.length === 0 ? (
        <p class="muted">{t('optArchivedEmpty')}</p>
      ) : (
        <ul class="opt-bookings">
          {list.map((m) => (
            <li key={m.id} class="opt-booking stack" aria-labelledby={`archived-${m.id}`}>
              <div class="spread">
                <p id={`archived-${m.id}`}>
                  <strong>{m.otherName}</strong>{' '}
                  <span class="muted small">
                    {m.archivedAt !== undefined && t('optArchivedOn', formatDay(m.archivedAt))}
                  </span>
                </p>
                <div class="row">
                  <button type="button" onClick={() => model.unarchive(m.id)}>
                    {t('optUnarchive')}
                  </button>
                  <button
                    type="button"
                    aria-label={t('optDeleteMentorshipOf', m.otherName)}
                    onClick={() => model.askDelete(m.id)}
                  >
                    {t('optDeleteMentorship')}
                  </button>
                </div>
              </div>
              {model.confirmingDelete.value === m.id && <ConfirmDelete {...props} m={m} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SearchArea(props: Props) {
  const { search } = props.model;
  const results = search.results.value;
  const m = props.model.selected.value;
  return (
    <>
      <SearchBox
        query={search.query.value}
        scope={search.scope.value}
        otherName={m?.otherName}
        hasResults={results !== undefined}
        onQuery={search.setQuery}
        onScope={search.setScope}
      />
      {results && (
        <SearchResultsView
          query={search.query.value}
          results={results.results}
          total={results.total}
          onOpenSession={(id) => {
            props.model.select({ page: 'session', id });
            props.effects.focusMain();
          }}
          onOpenMentorship={(id) => {
            props.model.select({ page: 'mentorship', id });
            props.effects.focusMain();
          }}
        />
      )}
    </>
  );
}

/** The Mentorships page: the list of mentorships beside the view chosen. */
export function OptionsPage({
  model,
  effects,
  shortcuts,
}: Props & {
  /** The keyboard shortcuts as the browser reports them, shown with the settings. */
  shortcuts?: ShortcutRow[];
}) {
  const { backups, settings, undo } = model;
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
        <MentorshipList
          items={model.listItems.value}
          view={view}
          selectedId={model.selected.value?.id}
          archivedCount={model.archived.value.length}
          onSelect={select}
        />
        <p class="muted small opt-keys">{t('optKeys', 'n')}</p>
      </aside>
      <main id="main" class="opt-main stack">
        <SearchArea model={model} effects={effects} />
        {view.page === 'mentorship' && <MentorshipView model={model} effects={effects} />}
        {view.page === 'session' && (
          <SessionPage
            model={model.sessionPage}
            onBack={(id) => select({ page: 'mentorship', id })}
            onOpen={(id) => select({ page: 'session', id })}
            onReflect={effects.openReflection}
          />
        )}
        {view.page === 'archived' && <ArchivedView model={model} effects={effects} />}
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
            onExport={() => downloadBackup({ model, effects })}
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
      <UndoBar
        bar={undo.bar.value}
        busy={undo.busy.value}
        onUndo={undo.undo}
        onClose={undo.dismiss}
      />
    </div>
  );
}
