import '@/components/theme.css';
import './sidepanel.css';
import { computed, effect, signal, useModel } from '@preact/signals';
import { render } from 'preact';
import { CallControls } from '@/components/CallControls';
import { DetectionCheckSection } from '@/components/DetectionCheck';
import { ReflectionPanel } from '@/components/ReflectionPanel';
import { LiveSessionView } from '@/components/SessionCard';
import { NoCall } from '@/components/ToReflectList';
import { db } from '@/lib/db';
import { askDetectCheck } from '@/lib/detect-check';
import { startLanguage, t, tIsolated } from '@/lib/i18n';
import { send } from '@/lib/messages';
import { liveCommands, portFeed, storedDrafts, storedFeed } from '@/lib/session/live-client';
import { LIVE_PORT } from '@/lib/session/live-projection';
import { callsItem, languageItem, liveItem } from '@/lib/storage/items';
import { pageJournal } from '@/lib/storage/journal';
import { CallTabModel } from '@/models/call-tab';
import { DetectionCheckModel } from '@/models/detection-check';
import { LiveModel, systemClock } from '@/models/live';
import { ReflectionModel } from '@/models/reflection';
import { ToReflectModel } from '@/models/to-reflect';

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
    model = new LiveModel(
      { feed: storedFeed(id), ...liveCommands(), drafts: storedDrafts },
      systemClock,
    );
    models.set(id, model);
  }
  return model;
}

const model = computed(() => modelFor(tabId.value));

/**
 * The tab whose call this panel shows (live, or its reflection once it ended), if any. While
 * there is one, the panel holds a port named for it, so the background knows the panel is open
 * on that call: the card there folds to its timer, and at the end nothing repeats the reflection.
 */
const showingCall = computed(() => {
  const id = tabId.value;
  const shown = model.value.sessionId.value;
  if (id === undefined || !shown) return undefined;
  return chosenSession.value && chosenSession.value !== shown ? undefined : id;
});

function ReflectionView({ sessionId }: { sessionId: string }) {
  const model = useModel(() => {
    const m = new ReflectionModel(sessionId, {
      db,
      now: Date.now,
      copy: (text) => navigator.clipboard.writeText(text),
      journal: pageJournal(localStorage),
    });
    m.load();
    return m;
  });
  return <ReflectionPanel model={model} onSkipped={() => (chosenSession.value = undefined)} />;
}

// ---- live and "no call" views ----------------------------------------------------------------

function LiveView({ m }: { m: LiveModel }) {
  const s = m.session.value;
  const ms = m.mentorship.value;
  if (!s) return <p class="muted">{t('loading')}</p>;
  return (
    <section class="stack" aria-labelledby="live-h" data-testid="live-view">
      <h1 id="live-h">{ms ? tIsolated('sessionWith', ms.otherName) : t('liveSession')}</h1>
      <LiveSessionView model={m} roomy />
    </section>
  );
}

const toReflect = new ToReflectModel({ db });

// The detection check and the manual start and end, for the panel's tab (issue 11).
const panelTab = async () => tabId.value;
const callTab = new CallTabModel({
  now: Date.now,
  activeTab: panelTab,
  calls: callsItem,
  live: liveItem,
  send,
});
const check = new DetectionCheckModel({
  now: Date.now,
  tab: panelTab,
  ask: askDetectCheck,
  audible: async (id) => (await browser.tabs.get(id)).audible,
  calls: callsItem,
  live: liveItem,
  copy: (text) => navigator.clipboard.writeText(text),
});

function PanelCheck() {
  const after = (act: () => Promise<void>) => async () => {
    await act();
    await Promise.all([callTab.load(), check.check()]);
  };
  return (
    <DetectionCheckSection
      model={check}
      controls={
        <CallControls
          live={callTab.tab.value.live}
          error={callTab.error.value}
          onStart={after(callTab.start)}
          onEnd={after(callTab.end)}
        />
      }
    />
  );
}

function Main() {
  const chosen = chosenSession.value;
  if (chosen) return <ReflectionView key={chosen} sessionId={chosen} />;
  const m = model.value;
  if (!m.loaded.value) return <p class="muted">{t('loading')}</p>;
  if (m.live.value && m.call.value?.state === 'in-call') return <LiveView m={m} />;
  // The call ended: the panel turns into the reflection by itself.
  const ended = m.sessionId.value;
  if (ended) return <ReflectionView key={ended} sessionId={ended} />;
  return <NoCall list={toReflect.list.value} onChoose={(id) => (chosenSession.value = id)} />;
}

function App() {
  const reflecting = chosenSession.value !== undefined;
  return (
    <div class="stack">
      <Main />
      {!reflecting && <PanelCheck />}
    </div>
  );
}

async function main() {
  // Opened in a tab for a call (Firefox's card, "Open in a tab"): that tab is part of the
  // session, not somewhere else, so the time on it is no time away from the call. Such a page is
  // no panel beside the call: it holds no panel port (the background refuses one from a tab).
  const me = await browser.tabs.getCurrent().catch(() => undefined);
  if (pinnedTab !== undefined && me?.id !== undefined && me.id !== pinnedTab)
    send({ type: 'companion-tab', tabId: me.id, on: true }).catch(() => {});
  await startLanguage(languageItem);
  if (pinnedTab === undefined) {
    // The global panel follows the active tab.
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    tabId.value = active?.id;
    browser.tabs.onActivated.addListener(({ tabId: id }) => {
      tabId.value = id;
      // What was checked was another tab's.
      if (check.view.value.status !== 'closed') void check.check();
      void callTab.load();
    });
  }
  effect(() => {
    if (!chosenSession.value && model.value.loaded.value && !model.value.sessionId.value)
      toReflect.load();
  });
  // Reconnects as the card's port does when the worker restarts; what it carries is not used
  // (the panel reads the stored projection), only that it is open.
  effect(() => {
    const id = showingCall.value;
    if (id === undefined || me) return;
    return portFeed({ connect: () => browser.runtime.connect({ name: `${LIVE_PORT}:${id}` }) })(
      () => {},
    );
  });
  void callTab.load();
  const root = document.getElementById('app');
  if (root) render(<App />, root);
}

main();
