import { db } from '@/lib/db';
import { followLanguage } from '@/lib/i18n';
import { listen, sendToTab } from '@/lib/messages';
import { loadLiveView } from '@/lib/repos/live';
import { settleActionDrafts } from '@/lib/session/action-drafts';
import { changeActionItem } from '@/lib/session/action-item-change';
import { AUDIO_ALARM } from '@/lib/session/audio';
import { createAudioWatch } from '@/lib/session/audio-watch';
import { createBrowserUi } from '@/lib/session/browser-ui';
import { createFocusFeed, NUDGE_NOTIFICATION } from '@/lib/session/focus-feed';
import { createLiveProjection } from '@/lib/session/live-projection';
import { createOrchestrator } from '@/lib/session/orchestrator';
import { pageFactsOf, RELOAD_GRACE_ALARM } from '@/lib/session/reload-grace';
import { createReminders } from '@/lib/session/reminders';
import { checkCallReport, checkVisibility } from '@/lib/session/reports';
import { languageItem, settingsItem } from '@/lib/storage/items';

// Wiring only: browser events in, lib/ decides. Every listener is registered synchronously at
// start-up, so the events themselves wake a stopped worker.
export default defineBackground(() => {
  // Notifications in the language chosen in Settings (the browser's, unless one was chosen).
  followLanguage(languageItem);
  const focus = createFocusFeed();
  const projection = createLiveProjection({
    db,
    loadView: loadLiveView,
    ownOrigin: browser.runtime.getURL('/'),
  });
  const ui = createBrowserUi({ panelOpen: (tabId) => projection.panelOpen(tabId) });
  const sessions = createOrchestrator(
    {
      ending: async (tabId, live, at) => {
        const figures = await focus.ended(String(tabId), live, at);
        return figures ? { focus: figures } : undefined;
      },
      started: async (tabId, live, session) => {
        await focus.started(live, session.startedAt ?? Date.now());
        await ui.hooks.started?.(tabId, live, session);
        // The question from sound is answered once the tab's session is on, however it began.
        await browser.notifications.clear(`${AUDIO_ALARM}${tabId}`).catch(() => false);
      },
      ended: async (tabId, live, session, at) => {
        await settleDrafts();
        await ui.hooks.ended?.(tabId, live, session, at);
      },
      orphaned: (session) => ui.hooks.orphaned?.(session),
      // A Zoom page loading anew within /wc/: the session is held until then (reload-grace.ts).
      held: (tabId, until) =>
        browser.alarms.create(`${RELOAD_GRACE_ALARM}${tabId}`, { when: until }),
    },
    Date.now,
  );
  // What was typed as an action item on a call that is over becomes one (nothing typed is lost).
  const settleDrafts = async () => {
    await settleActionDrafts(await db(), Date.now()).catch((e) => console.warn(e));
  };

  const ask = (tabId: number) => sendToTab(tabId, { type: 'call-ping' }, { frameId: 0 });
  const tabExists = (tabId: number) =>
    browser.tabs.get(tabId).then(
      () => true,
      () => false,
    );
  // A meeting tab that has played sound for a minute with no call seen: ask, once (issue 11).
  const audio = createAudioWatch({
    db,
    now: Date.now,
    ask,
    start: (tabId, windowId) => sessions.manualStart(tabId, ask, windowId, { fromAudio: true }),
  });
  const sweep = () => sessions.sweep(async () => (await settingsItem.get()).defaultSessionMinutes);

  async function focusCall(tabId: number) {
    const tab = await browser.tabs.update(tabId, { active: true }).catch(() => undefined);
    if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    return { ok: Boolean(tab) };
  }

  listen({
    // Taken only when it could be true: see lib/session/reports.ts.
    'call-state': async (msg, sender) => {
      const report = checkCallReport(msg, sender.url, Date.now());
      if (sender.tabId === undefined || sender.frameId !== 0 || !report) return { ok: true };
      await sessions.report({
        tabId: sender.tabId,
        windowId: sender.windowId,
        ...report,
        page: pageFactsOf(sender.url),
      });
      return { ok: true };
    },
    visibility: async (msg, sender) => {
      const seen = checkVisibility(msg, sender.url, Date.now());
      if (sender.tabId !== undefined && sender.frameId === 0 && seen)
        await focus.visibility(sender.tabId, seen.visible, seen.at);
      return { ok: true };
    },
    'manual-start': async (msg) => {
      const tab = await browser.tabs.get(msg.tabId).catch(() => undefined);
      return sessions.manualStart(msg.tabId, ask, tab?.windowId);
    },
    'manual-end': (msg) => sessions.manualEnd(msg.tabId),
    'companion-tab': async (msg) => {
      await focus.companion(msg.tabId, msg.on);
      return { ok: true };
    },
    'focus-call': (msg) => focusCall(msg.tabId),
    'open-panel': (msg, sender) => ui.openInTab(sender.tabId, msg.view, msg.sessionId),
    assign: (msg) => sessions.assign(msg.sessionId, msg.mentorshipId, msg.at),
    'action-item': (msg) => sessions.actionItem(msg.sessionId, msg),
    'action-item-change': (msg) => changeActionItem(db, msg, Date.now()),
    // The card's geometry, to its tab's content script: the call page never sees it.
    'card-frame': (msg, sender) =>
      sender.tabId === undefined
        ? null
        : sendToTab(sender.tabId, msg, { frameId: 0 }).catch(() => null),
    whoami: (_msg, sender) => ({ tabId: sender.tabId, windowId: sender.windowId }),
  });

  browser.runtime.onConnect.addListener((port) => projection.connect(port));
  projection.watch();

  browser.tabs.onRemoved.addListener((tabId) => {
    sessions.tabClosed(tabId).then(() => projection.drop(tabId));
    void audio.closed(tabId);
  });
  browser.tabs.onActivated.addListener(({ tabId, windowId }) => {
    focus.tabActivated(tabId, windowId);
  });
  browser.windows.onFocusChanged.addListener((windowId) => {
    focus.windowFocused(windowId);
  });
  browser.idle.onStateChanged.addListener((state) => {
    focus.idle(state);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    focus.alarm(alarm.name);
    if (alarm.name.startsWith(RELOAD_GRACE_ALARM))
      void sessions.graceOver(Number(alarm.name.slice(RELOAD_GRACE_ALARM.length)));
    void audio.alarm(alarm.name);
  });
  const onNotification = (id: string) => {
    if (id.startsWith(NUDGE_NOTIFICATION)) focusCall(Number(id.slice(NUDGE_NOTIFICATION.length)));
    else if (id.startsWith(AUDIO_ALARM)) void audio.clicked(id);
    else ui.notificationClicked(id);
  };
  browser.notifications.onClicked.addListener(onNotification);
  browser.notifications.onButtonClicked.addListener(onNotification);

  // A call tab that loaded another page: ask it where it stands (no answer: not a call any more).
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.audible !== undefined) void audio.audible(tabId, change.audible);
    if (change.status !== 'complete') return;
    sessions.reconcileTab(tabId, ask);
  });

  // First run: the welcome page, once, when the extension is installed (not on an update).
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });

  browser.commands.onCommand.addListener((command, tab) => {
    ui.command(command, tab?.id, tab?.windowId);
  });

  // Reminders (issue 14): alarms planned from the records, planned again on every change and
  // when the worker, the extension or the browser starts.
  const reminders = createReminders({
    db,
    now: Date.now,
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  reminders.start();
  browser.runtime.onInstalled.addListener(() => void reminders.replan());
  browser.runtime.onStartup.addListener(() => void reminders.replan());
  browser.alarms.onAlarm.addListener((alarm) => void reminders.alarm(alarm.name));
  browser.notifications.onClicked.addListener((id) => void reminders.clicked(id));
  browser.notifications.onButtonClicked.addListener((id) => void reminders.clicked(id));

  // The browser started, or the extension was installed, updated or reloaded: storage.session
  // is empty, so every session record still live was left so by a quit.
  browser.runtime.onStartup.addListener(() => sweep().then(settleDrafts));
  browser.runtime.onInstalled.addListener(() => sweep().then(settleDrafts));
  // A new worker (first start, or after Chrome stopped the last one) picks up from storage, and
  // ends what no tab owns any more.
  sessions.reconcile(ask, tabExists).then(sweep).then(settleDrafts);
  projection.refresh();
});
