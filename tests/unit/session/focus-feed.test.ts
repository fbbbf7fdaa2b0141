import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { focusFigures } from '../../../lib/focus';
import { createFocusFeed, NUDGE_NOTIFICATION } from '../../../lib/session/focus-feed';
import type { LiveInfo } from '../../../lib/session/orchestrator';
import {
  callsItem,
  DEFAULT_SETTINGS,
  focusItem,
  liveItem,
  settingsItem,
} from '../../../lib/storage/items';

// The focus feed: browser events in, the focus ledger in storage.session out, and a private
// nudge (notification and badge) once the user has been away for the grace time.

const T0 = Date.UTC(2026, 10, 3, 10, 0);
const SEC = 1000;
const CALL_TAB = 42;
const WINDOW = 7;

let clock = T0;
const now = () => clock;
/** The heartbeat into the session record (the database is not part of these tests). */
let alive: ReturnType<
  typeof vi.fn<(sessionId: string, at: number, figures: object) => Promise<void>>
>;
const info = (extra: Partial<LiveInfo> = {}): LiveInfo => ({
  sessionId: 's1',
  platform: 'meet',
  windowId: WINDOW,
  ...extra,
});

async function goLive(feed: ReturnType<typeof createFocusFeed>, tab = CALL_TAB, live = info()) {
  await liveItem.set({ ...(await liveItem.get()), [tab]: live });
  await feed.started(live, clock);
}

const figures = async (sessionId = 's1') => {
  const state = await focusItem(sessionId).get();
  return state ? focusFigures(state, clock) : undefined;
};
const nudges = () =>
  Object.keys(fakeBrowser.notifications.getAllCreateOptions()).filter((id) =>
    id.startsWith(NUDGE_NOTIFICATION),
  );
const alarms = async () => (await fakeBrowser.alarms.getAll()).map((a) => a.name).sort();

beforeEach(async () => {
  fakeBrowser.reset();
  vi.useFakeTimers();
  clock = T0;
  alive = vi.fn(async () => {});
  Object.assign(fakeBrowser.i18n, { getMessage: (key: string) => key });
  await settingsItem.set({ ...DEFAULT_SETTINGS, graceSeconds: 20 });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the focus feed', () => {
  it('starts a ledger with the session and hands back its figures at the end', async () => {
    const feed = createFocusFeed({ now, alive });
    await goLive(feed);
    expect(await figures()).toMatchObject({ awayMs: 0, count: 0, awaySince: null });
    clock += 30 * SEC;
    await feed.tabActivated(99, WINDOW);
    clock += 10 * SEC;
    await feed.tabActivated(CALL_TAB, WINDOW);
    clock += 20 * SEC;
    expect(await feed.ended(String(CALL_TAB), info(), clock)).toEqual({
      awayMs: 10 * SEC,
      count: 1,
      longestMs: 10 * SEC,
      presentShare: 50 / 60,
    });
    // The event list is not kept once the figures are in the session record.
    expect(await focusItem('s1').get()).toBeNull();
  });

  it('counts another window and another app, but only for the call of that window', async () => {
    const feed = createFocusFeed({ now, alive });
    await goLive(feed);
    await feed.tabActivated(99, WINDOW + 1);
    expect((await figures())?.awaySince).toBeNull();
    clock += SEC;
    await feed.windowFocused(WINDOW + 1);
    clock += 5 * SEC;
    expect((await figures())?.awaySince).toBe(T0 + SEC);
    await feed.windowFocused(WINDOW);
    clock += SEC;
    await feed.windowFocused(fakeBrowser.windows.WINDOW_ID_NONE);
    clock += 5 * SEC;
    expect(await figures()).toMatchObject({ count: 2, awaySince: T0 + 7 * SEC });
  });

  it("takes the call tab's visibility from that tab only", async () => {
    const feed = createFocusFeed({ now, alive });
    await goLive(feed);
    await feed.visibility(99, false, clock);
    clock += 5 * SEC;
    expect((await figures())?.count).toBe(0);
    await feed.visibility(CALL_TAB, false, clock);
    clock += 5 * SEC;
    expect((await figures())?.awaySince).toBe(T0 + 5 * SEC);
  });

  it('nudges once after the grace time from the settings, with a badge, then clears on return', async () => {
    await settingsItem.set({ ...DEFAULT_SETTINGS, graceSeconds: 5 });
    const feed = createFocusFeed({ now, alive });
    await goLive(feed);
    await feed.tabActivated(99, WINDOW);
    expect(await alarms()).toEqual([`nudge:${CALL_TAB}`]);
    clock += 4 * SEC;
    await vi.advanceTimersByTimeAsync(4 * SEC);
    expect(nudges()).toEqual([]);
    clock += 2 * SEC;
    await vi.advanceTimersByTimeAsync(2 * SEC);
    expect(nudges()).toEqual([`${NUDGE_NOTIFICATION}${CALL_TAB}`]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1m');
    expect((await liveItem.get())[CALL_TAB]?.nudgedFor).toBe(T0);
    // The alarm behind the timer (for a worker Chrome stopped) finds it told already.
    await fakeBrowser.notifications.clear(`${NUDGE_NOTIFICATION}${CALL_TAB}`);
    await feed.alarm(`nudge:${CALL_TAB}`);
    expect(nudges()).toEqual([]);

    await feed.tabActivated(CALL_TAB, WINDOW);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await alarms()).toEqual([]);
  });

  it('nudges from the alarm when the worker was stopped before the timer', async () => {
    await settingsItem.set({ ...DEFAULT_SETTINGS, graceSeconds: 5 });
    await goLive(createFocusFeed({ now, alive }));
    await createFocusFeed({ now, alive }).tabActivated(99, WINDOW);
    // A new worker: no timer, only the alarm.
    clock += 6 * SEC;
    await createFocusFeed({ now, alive }).alarm(`nudge:${CALL_TAB}`);
    expect(nudges()).toEqual([`${NUDGE_NOTIFICATION}${CALL_TAB}`]);
  });

  it.each([
    [true, [], '1m'],
    [false, [`${NUDGE_NOTIFICATION}${CALL_TAB}`], '1m'],
  ])(
    'while the user presents (folding on: %s), the nudge keeps to the badge',
    async (fold, shown, badge) => {
      await settingsItem.set({ ...DEFAULT_SETTINGS, graceSeconds: 5, foldWhilePresenting: fold });
      await callsItem.set({
        [CALL_TAB]: { platform: 'meet', state: 'in-call', since: T0, presenting: true },
      });
      const feed = createFocusFeed({ now, alive });
      await goLive(feed);
      await feed.tabActivated(99, WINDOW);
      clock += 6 * SEC;
      await vi.advanceTimersByTimeAsync(6 * SEC);
      expect(nudges()).toEqual(shown);
      expect(await fakeBrowser.action.getBadgeText({})).toBe(badge);
      expect((await liveItem.get())[CALL_TAB]?.nudgedFor).toBe(T0);
    },
  );

  it('does not nudge when nudges are off', async () => {
    await settingsItem.set({ ...DEFAULT_SETTINGS, graceSeconds: 5, nudges: false });
    const feed = createFocusFeed({ now, alive });
    await goLive(feed);
    await feed.tabActivated(99, WINDOW);
    clock += 10 * SEC;
    await vi.advanceTimersByTimeAsync(10 * SEC);
    expect(nudges()).toEqual([]);
  });

  it('does not count a tab marked as part of the session', async () => {
    const feed = createFocusFeed({ now, alive });
    await goLive(feed);
    await feed.companion(99, true);
    expect((await liveItem.get())[CALL_TAB]?.companions).toEqual([99]);
    await feed.tabActivated(99, WINDOW);
    clock += 30 * SEC;
    expect((await figures())?.count).toBe(0);
    await feed.companion(99, false);
    await feed.tabActivated(98, WINDOW);
    await feed.tabActivated(99, WINDOW);
    clock += 30 * SEC;
    expect((await figures())?.awaySince).not.toBeNull();
  });

  /** `browser.tabs.get` answers that `id` is the active tab of the call's window. */
  const activeTab = (id: number) =>
    vi
      .spyOn(fakeBrowser.tabs, 'get')
      .mockResolvedValue({ id, active: true, windowId: WINDOW } as unknown as Awaited<
        ReturnType<typeof browser.tabs.get>
      >);

  it('counts no away span for a page of ours that marks its own tab as it opens', async () => {
    const feed = createFocusFeed({ now, alive });
    await goLive(feed);
    const panelTab = 77;
    activeTab(panelTab);
    await feed.tabActivated(panelTab, WINDOW);
    clock += 800; // the page loads, then says it is a companion of the call
    await feed.companion(panelTab, true);
    clock += 30 * SEC;
    expect((await figures())?.count).toBe(0);
    expect((await figures())?.awayMs).toBe(0);
  });

  it('counts the time on a tab marked long after it came to the front', async () => {
    const feed = createFocusFeed({ now, alive });
    await goLive(feed);
    const doc = 78;
    activeTab(doc);
    await feed.tabActivated(doc, WINDOW);
    clock += 60 * SEC;
    await feed.companion(doc, true);
    clock += 30 * SEC;
    expect((await figures())?.count).toBe(1);
    expect((await figures())?.awayMs).toBe(60 * SEC);
  });

  it('writes the heartbeat with every ledger it keeps, with the figures so far', async () => {
    const feed = createFocusFeed({ now, alive });
    await goLive(feed);
    expect(alive).toHaveBeenLastCalledWith('s1', T0, {
      awayMs: 0,
      count: 0,
      longestMs: 0,
      presentShare: 1,
    });
    clock += 10 * SEC;
    await feed.tabActivated(99, WINDOW);
    clock += 10 * SEC;
    await feed.tabActivated(CALL_TAB, WINDOW);
    expect(alive).toHaveBeenCalledTimes(3);
    expect(alive).toHaveBeenLastCalledWith('s1', T0 + 20 * SEC, {
      awayMs: 10 * SEC,
      count: 1,
      longestMs: 10 * SEC,
      presentShare: 0.5,
    });
    // A repeated event changes no ledger and writes no heartbeat: nothing ticks.
    await feed.tabActivated(CALL_TAB, WINDOW);
    expect(alive).toHaveBeenCalledTimes(3);
  });

  it('ignores events for a session that has no ledger', async () => {
    const feed = createFocusFeed({ now, alive });
    await liveItem.set({ [CALL_TAB]: info() });
    await feed.tabActivated(99, WINDOW);
    expect(await focusItem('s1').get()).toBeNull();
  });
});

describe('two calls at once', () => {
  it('ending one call keeps the nudge of the other', async () => {
    await settingsItem.set({ ...DEFAULT_SETTINGS, graceSeconds: 5 });
    const feed = createFocusFeed({ now, alive });
    const other = info({ sessionId: 's2', windowId: WINDOW + 1 });
    await goLive(feed);
    await goLive(feed, 43, other);
    // Away from both: another tab in each call's window.
    await feed.tabActivated(99, WINDOW);
    await feed.tabActivated(98, WINDOW + 1);
    clock += 2 * SEC;
    await vi.advanceTimersByTimeAsync(2 * SEC);
    // The first call ends (its tab closed) while the user is still away from the second.
    await liveItem.set({ 43: other });
    await feed.ended(String(CALL_TAB), info(), clock);
    clock += 5 * SEC;
    await vi.advanceTimersByTimeAsync(5 * SEC);
    expect(nudges()).toEqual([`${NUDGE_NOTIFICATION}43`]);
    // And the badge that says so stays.
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1m');
  });
});
