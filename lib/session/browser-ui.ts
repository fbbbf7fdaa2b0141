// The browser chrome around a session: the toolbar badge, the side panel's path for the call
// tab, the reflection notification, the keyboard commands. Chrome-only APIs are guarded so the
// Firefox build never reaches a path it lacks.
//
// Chrome opens a side panel only in response to a user gesture, and the gesture is lost at the
// first `await`. So every path that opens it does so as its first statement: the command, the
// notification button, the end card's button (in the overlay page).
//
// One prompt, where the person is looking: when the side panel is open on the call as it ends, it
// has turned into the reflection itself, so no notification says it again (lib/rules/on-screen.ts;
// the end card leaves out its "Reflect now" for the same reason).

import { t } from '../i18n';
import type { SessionRecord } from '../records';
import { reflectPrompts } from '../rules/on-screen';
import { firefoxSidebar } from '../sidebar';
import { notify } from './notify';
import type { Hooks, LiveInfo } from './orchestrator';

const LIVE_COLOR = '#1e8e3e';
const REFLECT_COLOR = '#1a73e8';
export const REFLECT_NOTIFICATION = 'mc-reflect:';

export function panelPath(
  tabId: number | undefined,
  view: 'live' | 'reflect',
  sessionId?: string,
): string {
  const params = new URLSearchParams({ view });
  if (tabId !== undefined) params.set('tab', String(tabId));
  if (sessionId) params.set('session', sessionId);
  return `sidepanel.html?${params}`;
}

/** Opens the side panel (Chrome) or sidebar (Firefox). Call it first thing in a gesture handler. */
export function openPanel(
  target: { tabId?: number; windowId?: number },
  firefoxPanel?: string,
): Promise<void> {
  if (import.meta.env.FIREFOX) {
    const sidebar = firefoxSidebar();
    const opened = sidebar?.open() ?? Promise.resolve();
    if (sidebar && firefoxPanel)
      sidebar.setPanel({
        panel: firefoxPanel,
        ...(target.tabId !== undefined ? { tabId: target.tabId } : {}),
      });
    return opened;
  }
  if (target.tabId !== undefined) return browser.sidePanel.open({ tabId: target.tabId });
  return browser.sidePanel.open({ windowId: target.windowId ?? browser.windows.WINDOW_ID_CURRENT });
}

/** "Reflect on the session": the notification, for a tab's call or one with no tab left. */
function reflectNotification(session: SessionRecord, tabId: number | undefined) {
  return notify(`${REFLECT_NOTIFICATION}${tabId ?? ''}:${session.id}`, () => ({
    title: t('reflectTitle'),
    message: t('reflectMessage'),
    button: t('reflectNow'),
  }));
}

export interface BrowserUiDeps {
  /** Whether the side panel is open on this tab's call (lib/session/live-projection.ts). */
  panelOpen?: (tabId: number) => boolean;
}

export function createBrowserUi(deps: BrowserUiDeps = {}) {
  const hooks: Hooks = {
    async started(tabId: number, live: LiveInfo, session: SessionRecord) {
      await Promise.all([
        // A detected call's card is already up (the content script shows it as it reports);
        // only a session started by hand needs to tell the tab.
        live.manual
          ? browser.tabs
              .sendMessage(tabId, { type: 'card-state', state: 'in-call' })
              .catch(() => {})
          : undefined,
        browser.action.setBadgeBackgroundColor({ tabId, color: LIVE_COLOR }),
        browser.action.setBadgeText({ tabId, text: '●' }),
        import.meta.env.FIREFOX
          ? undefined
          : browser.sidePanel.setOptions({
              tabId,
              path: panelPath(tabId, 'live', session.id),
              enabled: true,
            }),
      ]);
    },
    async ended(tabId: number, live: LiveInfo, session: SessionRecord | undefined) {
      if (!session) return;
      // Asked first: the panel reloads on the reflection's path set below.
      const prompts = reflectPrompts({ panelOpen: deps.panelOpen?.(tabId) ?? false });
      const tabAlive = await browser.tabs.get(tabId).then(
        (tab) => Boolean(tab),
        () => false,
      );
      await Promise.all([
        // The content script saw a detected call end and shows the end card by itself.
        tabAlive &&
          live.manual &&
          browser.tabs.sendMessage(tabId, { type: 'card-state', state: 'ended' }).catch(() => {}),
        tabAlive &&
          browser.action.setBadgeBackgroundColor({ tabId, color: REFLECT_COLOR }).catch(() => {}),
        tabAlive && browser.action.setBadgeText({ tabId, text: '✎' }).catch(() => {}),
        tabAlive && !import.meta.env.FIREFOX
          ? browser.sidePanel
              .setOptions({ tabId, path: panelPath(tabId, 'reflect', session.id), enabled: true })
              .catch(() => {})
          : undefined,
        // The global panel leads to the reflection too, for when the call tab is gone.
        import.meta.env.FIREFOX
          ? undefined
          : browser.sidePanel.setOptions({ path: panelPath(undefined, 'reflect', session.id) }),
        prompts.notification || !tabAlive
          ? reflectNotification(session, tabAlive ? tabId : undefined)
          : undefined,
      ]);
    },
    /** A session the browser left live was ended at start-up: offer its reflection. */
    async orphaned(session: SessionRecord) {
      await Promise.all([
        import.meta.env.FIREFOX
          ? undefined
          : browser.sidePanel
              .setOptions({ path: panelPath(undefined, 'reflect', session.id) })
              .catch(() => {}),
        reflectNotification(session, undefined),
      ]);
    },
  };

  return {
    hooks,
    /** The reflection notification (or its button) was clicked. */
    notificationClicked(id: string) {
      if (!id.startsWith(REFLECT_NOTIFICATION)) return;
      const [tab, sessionId] = id.slice(REFLECT_NOTIFICATION.length).split(':');
      const tabId = tab ? Number(tab) : undefined;
      if (import.meta.env.FIREFOX) {
        // Firefox does not count a notification click as a user action for sidebars.
        browser.tabs.create({
          url: browser.runtime.getURL(`/${panelPath(tabId, 'reflect', sessionId)}`),
        });
      } else {
        openPanel(tabId !== undefined ? { tabId } : {}).catch(() =>
          browser.tabs.create({
            url: browser.runtime.getURL(`/${panelPath(tabId, 'reflect', sessionId)}`),
          }),
        );
      }
      browser.notifications.clear(id);
    },
    /** The panel's page for a call tab, in a tab of its own (Firefox's framed card asks). */
    async openInTab(tabId: number | undefined, view: 'live' | 'reflect', sessionId?: string) {
      const tab = await browser.tabs
        .create({ url: browser.runtime.getURL(`/${panelPath(tabId, view, sessionId)}`) })
        .catch(() => undefined);
      return { ok: Boolean(tab) };
    },
    command(command: string, tabId: number | undefined, windowId: number | undefined) {
      if (command === 'open-panel') {
        openPanel(tabId !== undefined ? { tabId } : { windowId }).catch(() => {});
        return;
      }
      if (command === 'toggle-card' && tabId !== undefined) {
        browser.tabs.sendMessage(tabId, { type: 'toggle-card' }).catch(() => {});
      }
    },
  };
}
