import { db } from '@/lib/db';
import { describeError } from '@/lib/i18n';
import { listen, sendToTab } from '@/lib/messages';
import { assignSession, loadLiveView } from '@/lib/repos/live';
import { editActionItems } from '@/lib/repos/sessions';
import { createBrowserUi } from '@/lib/session/browser-ui';
import { createFocusFeed, NUDGE_NOTIFICATION } from '@/lib/session/focus-feed';
import { createOrchestrator } from '@/lib/session/orchestrator';

// Wiring only: browser events in, lib/ decides. Every listener is registered synchronously at
// start-up, so the events themselves wake a stopped worker.
export default defineBackground(() => {
  const focus = createFocusFeed();
  const ui = createBrowserUi();
  const sessions = createOrchestrator({
    ending: async (tabId, live, at) => {
      const figures = await focus.ended(String(tabId), live, at);
      return figures ? { focus: figures } : undefined;
    },
    started: async (tabId, live, session) => {
      await focus.started(live, session.startedAt ?? Date.now());
      await ui.hooks.started?.(tabId, live, session);
    },
    ended: (tabId, live, session, at) => ui.hooks.ended?.(tabId, live, session, at),
  });

  const ask = (tabId: number) => sendToTab(tabId, { type: 'call-ping' });

  async function focusCall(tabId: number) {
    const tab = await browser.tabs.update(tabId, { active: true }).catch(() => undefined);
    if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    return { ok: Boolean(tab) };
  }

  listen({
    'call-state': async (msg, sender) => {
      if (sender.tabId === undefined || sender.frameId !== 0) return { ok: true };
      await sessions.report({
        tabId: sender.tabId,
        windowId: sender.windowId,
        platform: msg.platform,
        state: msg.state,
        meetingKey: msg.meetingKey,
        at: msg.at,
      });
      return { ok: true };
    },
    visibility: async (msg, sender) => {
      if (sender.tabId !== undefined) await focus.visibility(sender.tabId, msg.visible, msg.at);
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
    assign: async (msg) => {
      const next = await assignSession(await db(), msg.sessionId, msg.mentorshipId, msg.at);
      // The call became the session prepared for it: follow it under its id.
      if (next.id !== msg.sessionId) await sessions.renameSession(msg.sessionId, next.id);
      return { ok: true };
    },
    'live-view': async (msg) => loadLiveView(await db(), msg.sessionId),
    'action-item': async (msg) => {
      const edit =
        msg.add !== undefined
          ? { add: msg.add }
          : msg.toggle !== undefined
            ? { toggle: msg.toggle }
            : undefined;
      if (!edit) return { ok: false, error: 'Nothing to change.' };
      try {
        await editActionItems(await db(), msg.sessionId, edit, Date.now());
        return { ok: true };
      } catch (error) {
        return { ok: false, error: describeError(error) };
      }
    },
    whoami: (_msg, sender) => ({ tabId: sender.tabId, windowId: sender.windowId }),
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    sessions.tabClosed(tabId);
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
  });
  const onNotification = (id: string) => {
    if (id.startsWith(NUDGE_NOTIFICATION)) focusCall(Number(id.slice(NUDGE_NOTIFICATION.length)));
    else ui.notificationClicked(id);
  };
  browser.notifications.onClicked.addListener(onNotification);
  browser.notifications.onButtonClicked.addListener(onNotification);

  // A call tab that loaded another page: ask it where it stands (no answer: not a call any more).
  browser.tabs.onUpdated.addListener((tabId, change) => {
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

  // A new worker (first start, or after Chrome stopped the last one) picks up from storage.
  sessions.reconcile(ask, (tabId) =>
    browser.tabs.get(tabId).then(
      () => true,
      () => false,
    ),
  );
});
