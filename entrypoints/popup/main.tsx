import '@/components/theme.css';
import './popup.css';
import { signal } from '@preact/signals';
import { render } from 'preact';
import { CallControls } from '@/components/CallControls';
import { Onboarding, type OnboardingValues } from '@/components/Onboarding';
import { Prep } from '@/components/Prep';
import { createAutosave, type SaveStatus } from '@/lib/autosave';
import { db } from '@/lib/db';
import { fromWire } from '@/lib/errors';
import { describeError, t } from '@/lib/i18n';
import { bookSession } from '@/lib/mentorships';
import { send } from '@/lib/messages';
import type { Mentorship, SessionRecord } from '@/lib/records';
import type { Calls } from '@/lib/session/calls';
import type { Live } from '@/lib/session/orchestrator';
import {
  createMentorship,
  getPreNote,
  listMentorships,
  nextSession,
  savePreNote,
  setTopic,
  unreflectedSessions,
} from '@/lib/store';
import { SharePanel } from './share';

// The popup opens on what matters now: the next session and its preparation, the call in this
// tab, and sharing with the other person. Everything typed is saved as it is typed.

const mentorships = signal<Mentorship[] | undefined>(undefined);
const current = signal<Mentorship | undefined>(undefined);
const session = signal<SessionRecord | undefined>(undefined);
const topicDraft = signal('');
const notes = signal('');
const saved = signal<SaveStatus>('idle');
const onboardingError = signal<string | undefined>(undefined);
const tab = signal<{ id?: number; live: boolean; companion?: boolean; callElsewhere?: boolean }>({
  live: false,
});
const toReflect = signal<Array<{ session: SessionRecord; name?: string }>>([]);
const callError = signal<string | undefined>(undefined);
const bookError = signal<string | undefined>(undefined);

function formatWhen(at?: number) {
  return at === undefined
    ? undefined
    : new Date(at).toLocaleString(undefined, {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
      });
}

async function ensureSession(m: Mentorship): Promise<SessionRecord> {
  const d = await db();
  const next = await nextSession(d, m.id);
  if (next) return next;
  const fresh: SessionRecord = {
    id: crypto.randomUUID(),
    mentorshipId: m.id,
    kind: 'regular',
    status: 'scheduled',
    actionItems: [],
  };
  await d.put('sessions', fresh);
  return fresh;
}

async function choose(m: Mentorship) {
  current.value = m;
  await browser.storage.local.set({ popupMentorship: m.id });
  const s = await ensureSession(m);
  session.value = s;
  topicDraft.value = s.topic?.text ?? '';
  notes.value = (await getPreNote(await db(), s.id, 'mentee'))?.text ?? '';
}

async function load() {
  const d = await db();
  const all = await listMentorships(d);
  mentorships.value = all;
  const { popupMentorship } = await browser.storage.local.get('popupMentorship');
  const pick = all.find((m) => m.id === popupMentorship) ?? all[0];
  if (pick) await choose(pick);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  const { calls, live } = (await browser.storage.session.get(['calls', 'live'])) as {
    calls?: Calls;
    live?: Live;
  };
  const key = String(active?.id);
  const others = Object.entries(live ?? {}).filter(([k]) => k !== key);
  tab.value = {
    id: active?.id,
    live: active?.id !== undefined && calls?.[key]?.state === 'in-call',
    callElsewhere: others.length > 0,
    companion: others.some(
      ([, l]) => active?.id !== undefined && l.companions?.includes(active.id),
    ),
  };
  const names = new Map(all.map((m) => [m.id, m.otherName]));
  toReflect.value = (await unreflectedSessions(d)).map((s) => ({
    session: s,
    name: s.mentorshipId ? names.get(s.mentorshipId) : undefined,
  }));
}

const notesSaver = createAutosave<string>(
  async (text) => {
    const s = session.value;
    if (s) await savePreNote(await db(), s, 'mentee', text, Date.now());
  },
  (s) => (saved.value = s),
);

const topicSaver = createAutosave<string>(
  async (text) => {
    const s = session.value;
    const m = current.value;
    if (s && m) session.value = await setTopic(await db(), s.id, text, m.myRole, Date.now());
  },
  (s) => (saved.value = s),
);

// A popup closes when it loses focus: make sure the last keystrokes are written.
addEventListener('pagehide', () => {
  notesSaver.flush();
  topicSaver.flush();
});

async function create(values: OnboardingValues) {
  onboardingError.value = undefined;
  try {
    const at = values.firstSessionAt ? new Date(values.firstSessionAt).getTime() : undefined;
    const { mentorship } = await createMentorship(
      await db(),
      { ...values, firstSessionAt: Number.isFinite(at) ? at : undefined },
      Date.now(),
    );
    mentorships.value = [...(mentorships.value ?? []), mentorship];
    await choose(mentorship);
  } catch (error) {
    onboardingError.value = (error as Error).message;
  }
}

function openPanel() {
  // Called straight from the click: sidePanel.open() needs the user gesture.
  if (import.meta.env.FIREFOX) return;
  const id = tab.value.id;
  if (id !== undefined) browser.sidePanel.open({ tabId: id }).catch(() => {});
}

function App() {
  const list = mentorships.value;
  if (!list) return <p class="muted">{t('loading')}</p>;
  const m = current.value;
  if (!m) {
    return (
      <Onboarding
        error={onboardingError.value}
        onCreate={create}
        onOpenOptions={() => browser.runtime.openOptionsPage()}
      />
    );
  }
  const s = session.value;
  return (
    <div class="stack">
      {toReflect.value.length > 0 && (
        <section
          class="card stack reflect-list"
          aria-labelledby="to-reflect"
          data-testid="to-reflect"
        >
          <h2 id="to-reflect">{t('toReflect')}</h2>
          <ul class="plain">
            {toReflect.value.map(({ session: r, name }) => (
              <li key={r.id} class="spread">
                <span class="small">
                  {name ?? t('adHocCall')} · {formatWhen(r.endedAt ?? r.startedAt)}
                </span>
                <button
                  type="button"
                  onClick={() =>
                    browser.tabs.create({
                      url: browser.runtime.getURL(`/sidepanel.html?view=reflect&session=${r.id}`),
                    })
                  }
                >
                  {t('reflectNow')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {tab.value.callElsewhere && !tab.value.live && tab.value.id !== undefined && (
        <label class="inline small card">
          <input
            type="checkbox"
            checked={tab.value.companion}
            onChange={async (e) => {
              const on = e.currentTarget.checked;
              const id = tab.value.id;
              if (id === undefined) return;
              await send({ type: 'companion-tab', tabId: id, on });
              tab.value = { ...tab.value, companion: on };
            }}
          />{' '}
          {t('companionTab')}
        </label>
      )}
      {list.length > 1 && (
        <label>
          {t('mentorshipPick')}
          <select
            value={m.id}
            onChange={(e) => {
              const next = list.find((x) => x.id === e.currentTarget.value);
              if (next) choose(next);
            }}
          >
            {list.map((x) => (
              <option value={x.id} key={x.id}>
                {x.otherName}
              </option>
            ))}
          </select>
        </label>
      )}
      <Prep
        otherName={m.otherName}
        myRole={m.myRole}
        when={formatWhen(s?.scheduledAt)}
        topic={s?.topic}
        topicDraft={topicDraft.value}
        notes={notes.value}
        saved={saved.value}
        onTopic={(text) => {
          topicDraft.value = text;
          topicSaver.push(text);
        }}
        bookError={bookError.value}
        onBook={async (when) => {
          bookError.value = undefined;
          try {
            await bookSession(await db(), m.id, new Date(when).getTime(), Date.now());
            await choose(m);
          } catch (error) {
            bookError.value = (error as Error).message;
          }
        }}
        onNotes={(text) => {
          notes.value = text;
          notesSaver.push(text);
        }}
      />
      {s && (
        <SharePanel
          mentorship={m}
          session={s}
          topic={topicDraft.value}
          notes={notes.value}
          onImported={() => choose(m)}
        />
      )}
      <CallControls
        live={tab.value.live}
        error={callError.value}
        onStart={async () => {
          const id = tab.value.id;
          if (id === undefined) return;
          const reply = await send({ type: 'manual-start', tabId: id, at: Date.now() });
          callError.value = reply.ok ? undefined : describeError(fromWire(reply.error));
          if (reply.ok) tab.value = { ...tab.value, live: true };
        }}
        onEnd={async () => {
          const id = tab.value.id;
          if (id === undefined) return;
          const reply = await send({ type: 'manual-end', tabId: id, at: Date.now() });
          callError.value = reply.ok ? undefined : describeError(fromWire(reply.error));
          if (reply.ok) tab.value = { ...tab.value, live: false };
        }}
        onPanel={import.meta.env.FIREFOX ? undefined : openPanel}
      />
      <div class="spread small">
        <button type="button" class="link" onClick={() => browser.runtime.openOptionsPage()}>
          {t('openMentorships')}
        </button>
      </div>
    </div>
  );
}

load();
const root = document.getElementById('app');
if (root) render(<App />, root);
