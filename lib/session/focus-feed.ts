// Feeds focus events for live calls into lib/focus.ts and keeps the result in storage.session
// (`focus:<sessionId>`), and nudges the user back after the grace time, privately: a
// notification and the toolbar badge on this user's browser only. While the user presents (shares
// their screen), the other side may see a notification too: the nudge keeps to the badge then
// (lib/rules/on-screen.ts), unless the user turned that off.
//
// Nothing ticks: the state is a list of timestamped events; the card and panel compute figures
// at their own `now`. A nudge is a timer while the worker is awake, with an alarm behind it in
// case Chrome stops the worker first. Both check the stored state, so a nudge fires once.

import { db as openDb } from '../db';
import {
  applyFocusEvent,
  endFocus,
  type FocusEvent,
  type FocusState,
  focusFigures,
  startFocus,
} from '../focus';
import { t } from '../i18n';
import { touchLiveSession } from '../repos/live';
import { nudgeShows } from '../rules/on-screen';
import { focusItem, liveItem, settingsItem } from '../storage/items';
import { formatClock } from '../time';
import { notify } from './notify';
import { type Live, type LiveInfo, readState } from './orchestrator';
import { serial } from './queue';

const NUDGE_ALARM = 'nudge:';
const BADGE_ALARM = 'away-badge';
export const NUDGE_NOTIFICATION = 'mc-back-to-call:';

const readFocus = (sessionId: string) => focusItem(sessionId).get();

export interface FocusFeedDeps {
  now?: () => number;
  /** The heartbeat: the call is on at `at`, with these figures (written with the ledger). */
  alive?: (sessionId: string, at: number, figures: FocusFigureSnapshot) => Promise<void>;
}

export type FocusFigureSnapshot = {
  awayMs: number;
  count: number;
  longestMs: number;
  presentShare: number;
};

const snapshot = (state: FocusState, at: number): FocusFigureSnapshot => {
  const f = focusFigures(state, at);
  return { awayMs: f.awayMs, count: f.count, longestMs: f.longestMs, presentShare: f.presentShare };
};

const defaultAlive = async (sessionId: string, at: number, figures: FocusFigureSnapshot) =>
  touchLiveSession(await openDb(), sessionId, at, figures);

export function createFocusFeed(deps: FocusFeedDeps = {}) {
  const now = deps.now ?? Date.now;
  const alive = deps.alive ?? defaultAlive;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  async function writeFocus(sessionId: string, state: FocusState) {
    await focusItem(sessionId).set(state);
    // Written with the ledger anyway: the heartbeat a browser quit ends the session at.
    const at = now();
    await alive(sessionId, at, snapshot(state, at)).catch(() => {});
  }

  async function nudgeIfAway(sessionId: string) {
    const { calls, live } = await readState();
    const entry = Object.entries(live).find(([, l]) => l.sessionId === sessionId);
    const state = await readFocus(sessionId);
    if (!entry || !state) return;
    const settings = await settingsItem.get();
    const figures = focusFigures(state, now());
    if (figures.awaySince === null || !settings.nudges) return;
    const [tabKey, info] = entry;
    if (info.nudgedFor === figures.awaySince) return;
    await writeLive(tabKey, { ...info, nudgedFor: figures.awaySince });
    const shows = nudgeShows({
      presenting: calls[tabKey]?.presenting === true,
      foldWhilePresenting: settings.foldWhilePresenting,
    });
    if (shows === 'notification') await notifyAway(tabKey, now() - figures.awaySince);
    await showAwayBadge(now() - figures.awaySince);
  }

  async function notifyAway(tabKey: string, awayMs: number) {
    await notify(`${NUDGE_NOTIFICATION}${tabKey}`, () => ({
      title: t('nudgeTitle'),
      message: t('nudgeMessage', formatClock(awayMs)),
      button: t('nudgeBack'),
      priority: 1,
    }));
  }

  async function showAwayBadge(awayMs: number) {
    await browser.action.setBadgeBackgroundColor({ color: '#b06000' });
    await browser.action.setBadgeText({ text: `${Math.max(1, Math.round(awayMs / 60_000))}m` });
    await browser.alarms.create(BADGE_ALARM, { delayInMinutes: 1 });
  }

  /** Whether any live call other than this tab's is away now. */
  async function otherAway(tabKey: string): Promise<number | undefined> {
    const { live } = await readState();
    for (const [key, info] of Object.entries(live)) {
      if (key === tabKey) continue;
      const state = await readFocus(info.sessionId);
      const since = state && focusFigures(state, now()).awaySince;
      if (since != null) return since;
    }
    return undefined;
  }

  /** This tab's call is back (or over): its nudge goes; the badge stays for another away call. */
  async function clearAway(tabKey: string) {
    clearTimeout(timers.get(tabKey));
    timers.delete(tabKey);
    await Promise.all([
      browser.alarms.clear(`${NUDGE_ALARM}${tabKey}`),
      browser.notifications.clear(`${NUDGE_NOTIFICATION}${tabKey}`),
    ]);
    const since = await otherAway(tabKey);
    if (since === undefined) {
      await Promise.all([
        browser.alarms.clear(BADGE_ALARM),
        browser.action.setBadgeText({ text: '' }),
      ]);
    }
  }

  async function writeLive(tabKey: string, info: LiveInfo) {
    const { live } = await readState();
    if (!live[tabKey]) return;
    await liveItem.set({ ...live, [tabKey]: info });
  }

  /** Applies one event to the call of one tab, then arms or clears the nudge. */
  async function feed(tabKey: string, info: LiveInfo, event: FocusEvent) {
    const before = await readFocus(info.sessionId);
    if (!before) return;
    const after = applyFocusEvent(before, event);
    if (after === before) return;
    await writeFocus(info.sessionId, after);
    const figures = focusFigures(after, now());
    if (figures.awaySince === null) {
      await clearAway(tabKey);
      return;
    }
    const { graceSeconds } = await settingsItem.get();
    const due = figures.awaySince + graceSeconds * 1000;
    // A timer while this worker is awake; the alarm if Chrome stops it first.
    const wait = Math.max(0, due - now());
    clearTimeout(timers.get(tabKey));
    timers.set(
      tabKey,
      setTimeout(() => serial(() => nudgeIfAway(info.sessionId)), wait + 50),
    );
    await browser.alarms.create(`${NUDGE_ALARM}${tabKey}`, { when: due + 100 });
  }

  /** How long a page of ours may take to load and mark its tab, back-dated to its activation. */
  const OWN_PAGE_LOAD_MS = 5_000;
  /** The tab that came to the front last, and when (this worker's; lost with it, harmlessly). */
  let activated: { tabId: number; at: number } | undefined;

  /** Runs `fn` for every live call, with the same queue as the orchestrator. */
  const eachLive = (fn: (tabKey: string, info: LiveInfo, live: Live) => FocusEvent | undefined) =>
    serial(async () => {
      const { live } = await readState();
      for (const [tabKey, info] of Object.entries(live)) {
        const event = fn(tabKey, info, live);
        if (event) await feed(tabKey, info, event);
      }
    });

  return {
    async started(info: LiveInfo, at: number) {
      await writeFocus(info.sessionId, startFocus(at));
    },

    /** Closes the focus record and returns this call's figures, to keep in the session record. */
    async ended(tabKey: string, info: LiveInfo, at: number) {
      const state = await readFocus(info.sessionId);
      await clearAway(tabKey);
      if (!state) return undefined;
      // The figures go into the session record; the event list is not needed any more.
      const f = focusFigures(endFocus(state, at), at);
      await focusItem(info.sessionId).remove();
      return {
        awayMs: f.awayMs,
        count: f.count,
        longestMs: f.longestMs,
        presentShare: f.presentShare,
      };
    },

    tabActivated: (tabId: number, windowId: number, at = now()) => {
      activated = { tabId, at };
      return eachLive((tabKey, info) => {
        if (info.windowId !== undefined && info.windowId !== windowId) return undefined;
        const where =
          String(tabId) === tabKey
            ? 'call'
            : info.companions?.includes(tabId)
              ? 'companion'
              : 'other';
        return { at, kind: 'tab', where };
      });
    },

    windowFocused: (windowId: number, at = now()) =>
      eachLive((_tabKey, info) => ({
        at,
        kind: 'window',
        focused:
          windowId === browser.windows.WINDOW_ID_NONE
            ? 'none'
            : windowId === info.windowId
              ? 'call'
              : 'other',
      })),

    idle: (state: string, at = now()) =>
      eachLive(() => ({ at, kind: 'idle', locked: state === 'locked' })),

    visibility: (tabId: number, visible: boolean, at: number) =>
      eachLive((tabKey) =>
        tabKey === String(tabId) ? { at, kind: 'visibility', visible } : undefined,
      ),

    alarm: (name: string) =>
      serial(async () => {
        if (name.startsWith(NUDGE_ALARM)) {
          const { live } = await readState();
          const info = live[name.slice(NUDGE_ALARM.length)];
          if (info) await nudgeIfAway(info.sessionId);
        } else if (name === BADGE_ALARM) {
          const { live } = await readState();
          for (const info of Object.values(live)) {
            const state = await readFocus(info.sessionId);
            const f = state && focusFigures(state, now());
            if (f?.awaySince != null) await showAwayBadge(now() - f.awaySince);
          }
        }
      }),

    /** Marks or unmarks a tab as part of the session (a shared doc, slides): not away there. */
    companion: (tabId: number, on: boolean) =>
      serial(async () => {
        const { live } = await readState();
        const next = { ...live };
        for (const [key, info] of Object.entries(live)) {
          const set = new Set(info.companions ?? []);
          if (on) set.add(tabId);
          else set.delete(tabId);
          next[key] = { ...info, companions: [...set] };
        }
        await liveItem.set(next);
        // Marked while on it (from the popup over that tab): it counts from now. A page of ours
        // that marks its own tab as it opens (the side panel's page in a tab) counts from when
        // the tab came to the front, so opening it makes no away span of its load time.
        const tab = await browser.tabs.get(tabId).catch(() => undefined);
        if (!tab?.active) return;
        const at =
          on && activated?.tabId === tabId && now() - activated.at <= OWN_PAGE_LOAD_MS
            ? activated.at
            : now();
        for (const [key, info] of Object.entries(next)) {
          if (key !== String(tabId) && info.windowId === tab.windowId) {
            await feed(key, info, { at, kind: 'tab', where: on ? 'companion' : 'other' });
          }
        }
      }),
  };
}

export type FocusFeed = ReturnType<typeof createFocusFeed>;
