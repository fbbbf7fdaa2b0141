import { formatDateTime, t } from '@/lib/i18n';
import type { CallTabModel } from '@/models/call-tab';
import type { DetectionCheckModel } from '@/models/detection-check';
import type { PackModel } from '@/models/pack';
import type { PrepModel } from '@/models/prep';
import type { ToReflect, ToReflectModel } from '@/models/to-reflect';
import { CallControls } from './CallControls';
import { DetectionCheckSection } from './DetectionCheck';
import { Onboarding } from './Onboarding';
import { Prep } from './Prep';
import { SharePanel } from './SharePanel';

/** What the popup asks the page to do. */
export interface PopupEffects {
  openReflection(sessionId: string): void;
  openOptions(): void;
  /** Opens a session's page on the Mentorships page. */
  openSession(sessionId: string): void;
  /** Opens the side panel; absent where there is none to open (Firefox). */
  openPanel?: () => void;
}

function formatWhen(at?: number) {
  return at === undefined ? undefined : formatDateTime(at);
}

function ToReflectCard(props: {
  list: ToReflect[];
  onReflect(sessionId: string): void;
  onOpen(sessionId: string): void;
}) {
  return (
    <section class="card stack reflect-list" aria-labelledby="to-reflect" data-testid="to-reflect">
      <h2 id="to-reflect">{t('toReflect')}</h2>
      <ul class="plain">
        {props.list.map(({ session: r, name }) => (
          <li key={r.id} class="spread">
            <span class="small">
              {name ? <bdi>{name}</bdi> : t('adHocCall')} ·{' '}
              {r.mentorshipId ? (
                <a
                  href={`options.html#s=${encodeURIComponent(r.id)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    props.onOpen(r.id);
                  }}
                >
                  {formatWhen(r.endedAt ?? r.startedAt)}
                </a>
              ) : (
                formatWhen(r.endedAt ?? r.startedAt)
              )}
            </span>
            <button type="button" onClick={() => props.onReflect(r.id)}>
              {t('reflectNow')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The popup: the next session and its preparation, the call in this tab, sharing. */
export function PopupView(props: {
  prep: PrepModel;
  pack: PackModel;
  call: CallTabModel;
  toReflect: ToReflectModel;
  effects: PopupEffects;
  /** The detection check, beside "I'm in a session" / "End session". */
  check?: DetectionCheckModel;
}) {
  const { prep, pack, call, effects } = props;
  const list = prep.mentorships.value;
  if (!list) return <p class="muted">{t('loading')}</p>;
  const m = prep.current.value;
  if (!m) {
    return (
      <Onboarding
        error={prep.onboardingError.value}
        onCreate={prep.create}
        onOpenOptions={effects.openOptions}
      />
    );
  }
  const s = prep.session.value;
  const tab = call.tab.value;
  const toReflect = props.toReflect.list.value;
  return (
    <div class="stack">
      {toReflect.length > 0 && (
        <ToReflectCard
          list={toReflect}
          onReflect={effects.openReflection}
          onOpen={effects.openSession}
        />
      )}
      {tab.callElsewhere && !tab.live && tab.id !== undefined && (
        <label class="inline small card">
          <input
            type="checkbox"
            checked={tab.companion}
            onChange={(e) => call.setCompanion(e.currentTarget.checked)}
          />{' '}
          {t('companionTab')}
        </label>
      )}
      {list.length > 1 && (
        <label>
          {t('mentorshipPick')}
          {/* Who is next across every mentorship, the soonest first; Alt+N goes to the next. */}
          <select
            value={m.id}
            aria-keyshortcuts="Alt+N"
            onChange={(e) => prep.chooseId(e.currentTarget.value)}
          >
            {prep.nextUp.value.map((x) => (
              <option value={x.mentorship.id} key={x.mentorship.id} dir="auto">
                {x.at !== undefined
                  ? t('popupNextWith', [x.mentorship.otherName, formatDateTime(x.at)])
                  : x.mentorship.otherName}
              </option>
            ))}
          </select>
          <span class="muted small">{t('popupNextKey', 'Alt+N')}</span>
        </label>
      )}
      <Prep
        otherName={m.otherName}
        myRole={m.myRole}
        when={formatWhen(s?.scheduledAt)}
        topic={s?.topic}
        topicDraft={prep.topicDraft.value}
        notes={prep.notes.value}
        saved={prep.saved.value}
        saveError={prep.saveError.value}
        onTopic={prep.typeTopic}
        onTopicDone={prep.leaveTopic}
        bookError={prep.bookError.value ?? prep.loadError.value}
        onBook={prep.book}
        onNotes={prep.typeNotes}
      />
      {s && <SharePanel model={pack} myRole={m.myRole} />}
      <CallControls
        live={tab.live}
        error={call.error.value}
        onStart={call.start}
        onEnd={call.end}
        onPanel={effects.openPanel}
      />
      {props.check && <DetectionCheckSection model={props.check} />}
      <div class="spread small">
        <button type="button" class="link" onClick={effects.openOptions}>
          {t('openMentorships')}
        </button>
      </div>
    </div>
  );
}
