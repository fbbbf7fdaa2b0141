import '@/components/theme.css';
import './sidepanel.css';
import { computed, effect, signal } from '@preact/signals';
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { ReflectionForm } from '@/components/ReflectionForm';
import { LiveSessionView } from '@/components/SessionCard';
import { createAutosave } from '@/lib/autosave';
import { db } from '@/lib/db';
import { t } from '@/lib/i18n';
import { bookSession, dismissReflection } from '@/lib/mentorships';
import type { Answer, Mentorship, Reflection, Role, SessionRecord } from '@/lib/records';
import {
  checkVersion,
  isComplete,
  newReflection,
  setAnswer,
  summaryText,
  viewReflection,
} from '@/lib/reflection';
import { suggestNextSession } from '@/lib/schedule';
import { liveCommands, storedFeed } from '@/lib/session/live-client';
import { getReflection, saveReflection, unreflectedSessions } from '@/lib/store';
import { LiveModel, systemClock } from '@/models/live';

// The side panel: the live session while a call is on (the card's content, with more room),
// and the reflection checklist once it ends. It switches by itself when the call ends.

const params = new URLSearchParams(location.search);
const pinnedTab = params.has('tab') ? Number(params.get('tab')) : undefined;
const requestedSession = params.get('session') ?? undefined;

const tabId = signal<number | undefined>(pinnedTab);
const chosenSession = signal<string | undefined>(
  params.get('view') === 'reflect' ? requestedSession : undefined,
);
const models = new Map<number | undefined, LiveModel>();

function modelFor(id: number | undefined): LiveModel {
  let model = models.get(id);
  if (!model) {
    // The live projection the background keeps for the tab; edits go to it as commands.
    model = new LiveModel({ feed: storedFeed(id), ...liveCommands() }, systemClock);
    models.set(id, model);
  }
  return model;
}

const model = computed(() => modelFor(tabId.value));

function pad(n: number) {
  return String(n).padStart(2, '0');
}
function toLocalInput(at: number) {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

// ---- reflection ----------------------------------------------------------------------------

function createReflectionState(sessionId: string) {
  const session = signal<SessionRecord | undefined>(undefined);
  const mentorship = signal<Mentorship | undefined>(undefined);
  const reflection = signal<Reflection | undefined>(undefined);
  const role = signal<Role>('mentee');
  const error = signal<string | undefined>(undefined);
  const readOnly = signal(false);
  const status = signal<'idle' | 'saving' | 'saved'>('idle');
  const loaded = signal(false);
  const saver = createAutosave<Reflection>(
    async (r) => {
      try {
        await saveReflection(await db(), r);
      } catch (e) {
        error.value = (e as Error).message;
        readOnly.value = true;
      }
    },
    (s) => (status.value = s),
  );

  async function load(forRole?: Role) {
    const d = await db();
    const s = await d.get('sessions', sessionId);
    loaded.value = true;
    if (!s) {
      error.value = t('reflectionGone');
      readOnly.value = true;
      return;
    }
    session.value = s;
    mentorship.value = s.mentorshipId ? await d.get('mentorships', s.mentorshipId) : undefined;
    role.value = forRole ?? mentorship.value?.myRole ?? role.value;
    const stored = await getReflection(d, sessionId, role.value);
    if (stored) {
      try {
        checkVersion(stored.catalogueVersion);
      } catch (e) {
        // A reflection from a newer release: show nothing editable, overwrite nothing.
        error.value = (e as Error).message;
        readOnly.value = true;
        return;
      }
    }
    const fresh = stored ?? newReflection(sessionId, role.value, Date.now());
    // Action items for next time start from the session's open ones (carried forward).
    const open = s.actionItems.filter((a) => !a.doneAt).map((a) => a.text);
    reflection.value =
      !stored && open.length
        ? setAnswer(fresh, 'session.action-items', { note: open.join('\n') }, Date.now())
        : fresh;
  }

  return {
    session,
    mentorship,
    reflection,
    role,
    error,
    readOnly,
    status,
    loaded,
    load,
    answer(questionId: string, patch: Partial<Answer>) {
      const r = reflection.value;
      if (!r || readOnly.value) return;
      try {
        const next = setAnswer(r, questionId, patch, Date.now());
        reflection.value = next;
        error.value = undefined;
        saver.push(next);
      } catch (e) {
        error.value = (e as Error).message;
      }
    },
    async complete(): Promise<boolean> {
      const r = reflection.value;
      const s = session.value;
      if (!r || !s) return false;
      if (!isComplete(r, s.kind)) {
        error.value = t('reflectionIncomplete');
        return false;
      }
      const next = { ...r, complete: true, updatedAt: Date.now() };
      reflection.value = next;
      saver.push(next);
      await saver.flush();
      const when = r.answers['session.next-date']?.note;
      const at = when ? new Date(when).getTime() : Number.NaN;
      if (s.mentorshipId && Number.isFinite(at)) {
        try {
          await bookSession(await db(), s.mentorshipId, at, Date.now());
        } catch (e) {
          // The reflection is saved; only the booking failed, and the sentence says why.
          error.value = (e as Error).message;
        }
      }
      return true;
    },
  };
}

function ShareSummary({
  r,
  kind,
  otherName,
  date,
}: {
  r: Reflection;
  kind: SessionRecord['kind'];
  otherName?: string;
  date?: string;
}) {
  const items = viewReflection(r, kind).items.filter((i) => i.answer && !i.retired);
  const [ticked, setTicked] = useState<string[]>([]);
  const [copied, setCopied] = useState(false);
  const text = summaryText(r, kind, ticked, { otherName, sessionDate: date });
  return (
    <details class="card stack" data-testid="share-summary">
      <summary>
        <strong>{t('shareSummary')}</strong>
      </summary>
      <p class="small muted">{t('shareSummaryHint')}</p>
      <fieldset class="stack small" style="border:0;padding:0;margin:0">
        <legend class="visually-hidden">{t('shareSummary')}</legend>
        {items.map(({ question }) => (
          <label class="inline" key={question.id}>
            <input
              type="checkbox"
              checked={ticked.includes(question.id)}
              onChange={(e) =>
                setTicked(
                  e.currentTarget.checked
                    ? [...ticked, question.id]
                    : ticked.filter((x) => x !== question.id),
                )
              }
            />{' '}
            {question.text}
          </label>
        ))}
      </fieldset>
      {ticked.length > 0 && (
        <>
          <textarea readOnly rows={6} value={text} aria-label={t('shareSummary')} />
          <button
            type="button"
            onClick={async () => {
              await navigator.clipboard.writeText(text);
              setCopied(true);
            }}
          >
            {copied ? t('shareCopied') : t('shareCopy')}
          </button>
        </>
      )}
    </details>
  );
}

function ReflectionView({ sessionId }: { sessionId: string }) {
  const [state] = useState(() => {
    const s = createReflectionState(sessionId);
    s.load();
    return s;
  });
  const [done, setDone] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const s = state.session.value;
  const m = state.mentorship.value;
  const r = state.reflection.value;
  if (!state.loaded.value) return <p class="muted">{t('loading')}</p>;
  if (dismissed) return <p class="muted">{t('reflectionSkipped')}</p>;
  const heading = m ? t('reflectOnSessionWith', m.otherName) : t('reflectOnSession');
  const kind = s?.kind ?? 'regular';
  const suggested =
    m && s
      ? toLocalInput(
          suggestNextSession(
            s.startedAt ?? s.scheduledAt ?? Date.now(),
            m.agreement.cadenceDays,
            Date.now(),
          ),
        )
      : undefined;
  return (
    <section class="stack" data-testid="reflection" data-kind={kind} aria-labelledby="reflect-h">
      <h1 id="reflect-h">{heading}</h1>
      {s && (
        <p class="muted small">
          {s.startedAt ? new Date(s.startedAt).toLocaleString() : ''}
          {kind !== 'regular' && ` · ${t(kind === 'first' ? 'firstSession' : 'lastSession')}`}
        </p>
      )}
      {state.error.value && (
        <p class="error" role="alert" data-testid="reflection-error">
          {state.error.value}
        </p>
      )}
      {s && !m && !state.readOnly.value && (
        <fieldset class="row small" style="border:0;padding:0;margin:0">
          <legend style="font-weight:600">{t('myRoleWas')}</legend>
          {(['mentee', 'mentor'] as const).map((role) => (
            <label class="inline" key={role}>
              <input
                type="radio"
                name="role"
                checked={state.role.value === role}
                onChange={() => state.load(role)}
              />{' '}
              {t(role === 'mentee' ? 'roleMentee' : 'roleMentor')}
            </label>
          ))}
        </fieldset>
      )}
      {r && s && (
        <>
          <p class="small muted">
            {t(state.role.value === 'mentor' ? 'reflectIntroMentor' : 'reflectIntroMentee')}
          </p>
          <ReflectionForm
            items={viewReflection(r, kind).items}
            goal={m?.goals.find((g) => !g.doneAt)?.text}
            suggestedNext={suggested}
            readOnly={state.readOnly.value}
            onAnswer={(id, patch) => state.answer(id, patch)}
          />
          <p class="small muted" aria-live="polite" data-testid="reflection-status">
            {r.complete || done
              ? t('reflectionDone')
              : state.status.value === 'saving'
                ? t('saving')
                : state.status.value === 'saved'
                  ? t('saved')
                  : '\u00a0'}
          </p>
          {!state.readOnly.value && (
            <div class="row">
              <button
                type="button"
                class="primary"
                onClick={async () => setDone(await state.complete())}
              >
                {r.complete ? t('reflectionUpdate') : t('reflectionComplete')}
              </button>
              {!r.complete && (
                <button
                  type="button"
                  onClick={async () => {
                    await dismissReflection(await db(), sessionId, true);
                    chosenSession.value = undefined;
                    setDismissed(true);
                  }}
                >
                  {t('reflectionSkip')}
                </button>
              )}
            </div>
          )}
          <ShareSummary
            r={r}
            kind={kind}
            otherName={m?.otherName}
            date={s.startedAt ? new Date(s.startedAt).toLocaleDateString() : undefined}
          />
        </>
      )}
      <p class="small muted">
        {t('reflectionPrivate', t(state.role.value === 'mentor' ? 'roleMentee' : 'roleMentor'))}
      </p>
    </section>
  );
}

// ---- live and "no call" views ----------------------------------------------------------------

function LiveView({ m }: { m: LiveModel }) {
  const s = m.session.value;
  const ms = m.mentorship.value;
  if (!s) return <p class="muted">{t('loading')}</p>;
  return (
    <section class="stack" aria-labelledby="live-h" data-testid="live-view">
      <h1 id="live-h">{ms ? t('sessionWith', ms.otherName) : t('liveSession')}</h1>
      <LiveSessionView model={m} roomy />
    </section>
  );
}

const pending = signal<SessionRecord[]>([]);
async function loadPending() {
  pending.value = await unreflectedSessions(await db());
}

function NoCall() {
  const list = pending.value;
  return (
    <section class="stack" data-testid="no-call">
      <h1>{t('extName')}</h1>
      <p class="muted">{t('noCallHere')}</p>
      {list.length > 0 && (
        <div class="stack">
          <h2>{t('toReflect')}</h2>
          <ul class="plain">
            {list.map((s) => (
              <li key={s.id}>
                <button type="button" class="link" onClick={() => (chosenSession.value = s.id)}>
                  {s.endedAt ? new Date(s.endedAt).toLocaleString() : s.id}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function App() {
  const chosen = chosenSession.value;
  if (chosen) return <ReflectionView key={chosen} sessionId={chosen} />;
  const m = model.value;
  if (!m.loaded.value) return <p class="muted">{t('loading')}</p>;
  if (m.live.value && m.call.value?.state === 'in-call') return <LiveView m={m} />;
  // The call ended: the panel turns into the reflection by itself.
  const ended = m.sessionId.value;
  if (ended) return <ReflectionView key={ended} sessionId={ended} />;
  return <NoCall />;
}

async function main() {
  if (pinnedTab === undefined) {
    // The global panel follows the active tab.
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    tabId.value = active?.id;
    browser.tabs.onActivated.addListener(({ tabId: id }) => {
      tabId.value = id;
    });
  }
  effect(() => {
    if (!chosenSession.value && model.value.loaded.value && !model.value.sessionId.value)
      loadPending();
  });
  const root = document.getElementById('app');
  if (root) render(<App />, root);
}

main();
