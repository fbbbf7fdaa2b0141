import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chooseLanguage, followLanguage } from '../../../lib/i18n';
import type { SessionRecord } from '../../../lib/records';
import { createBrowserUi, panelPath, REFLECT_NOTIFICATION } from '../../../lib/session/browser-ui';
import type { LiveInfo } from '../../../lib/session/orchestrator';

// The browser around a session (Chrome build): the toolbar badge per tab, the side panel's path
// for the call tab, the reflection notification, the keyboard commands.

const T0 = Date.UTC(2026, 10, 3, 10, 0);
const SESSION: SessionRecord = {
  id: 's1',
  mentorshipId: 'm1',
  kind: 'regular',
  status: 'live',
  startedAt: T0,
  actionItems: [],
};
const DETECTED: LiveInfo = { sessionId: 's1', platform: 'meet', windowId: 1 };
const MANUAL: LiveInfo = { ...DETECTED, manual: true };

let tabId: number;
let setOptions: ReturnType<typeof vi.fn>;
let open: ReturnType<typeof vi.fn>;
let toTab: ReturnType<typeof vi.fn>;

beforeEach(async () => {
  fakeBrowser.reset();
  // The Chrome build. (WXT's Vitest plugin sets FIREFOX to the string "false", which is truthy;
  // the builds get a boolean, so the Firefox build drops the Chrome-only calls altogether.)
  vi.stubEnv('FIREFOX', '');
  tabId = (await fakeBrowser.tabs.create({ url: 'https://meet.google.com/abc-defg-hij' })).id ?? -1;
  setOptions = vi.fn(async () => {});
  open = vi.fn(async () => {});
  toTab = vi.fn(async () => ({ ok: true }));
  Object.assign(fakeBrowser.sidePanel, { setOptions, open });
  Object.assign(fakeBrowser.tabs, { sendMessage: toTab });
  Object.assign(fakeBrowser.i18n, { getMessage: (key: string) => `[${key}]` });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const badge = (id?: number) =>
  fakeBrowser.action.getBadgeText(id === undefined ? {} : { tabId: id });
const notifications = () => Object.keys(fakeBrowser.notifications.getAllCreateOptions());

describe('panelPath', () => {
  it.each([
    [7, 'live', 's1', 'sidepanel.html?view=live&tab=7&session=s1'],
    [undefined, 'reflect', 's1', 'sidepanel.html?view=reflect&session=s1'],
    [7, 'reflect', undefined, 'sidepanel.html?view=reflect&tab=7'],
  ] as const)('%s %s %s', (tab, view, session, path) => {
    expect(panelPath(tab, view, session)).toBe(path);
  });
});

describe('a session starting', () => {
  it('marks the call tab live and points its panel at the live view', async () => {
    await createBrowserUi().hooks.started?.(tabId, DETECTED, SESSION);
    expect(await badge(tabId)).toBe('●');
    expect(await badge()).toBe('');
    expect(setOptions).toHaveBeenCalledWith({
      tabId,
      path: panelPath(tabId, 'live', 's1'),
      enabled: true,
    });
    // The content script already shows the card for a call it detected: no echo back.
    expect(toTab).not.toHaveBeenCalled();
  });

  it('tells the tab when the session was started by hand', async () => {
    await createBrowserUi().hooks.started?.(tabId, MANUAL, SESSION);
    expect(toTab).toHaveBeenCalledWith(tabId, { type: 'card-state', state: 'in-call' });
  });
});

describe('a session ending', () => {
  const ended = { ...SESSION, status: 'ended' as const, endedAt: T0 + 60_000 };

  it('offers the reflection: badge, panel path, notification', async () => {
    await createBrowserUi().hooks.ended?.(tabId, DETECTED, ended, T0);
    expect(await badge(tabId)).toBe('✎');
    expect(setOptions).toHaveBeenCalledWith({
      tabId,
      path: panelPath(tabId, 'reflect', 's1'),
      enabled: true,
    });
    expect(setOptions).toHaveBeenCalledWith({ path: panelPath(undefined, 'reflect', 's1') });
    expect(notifications()).toEqual([`${REFLECT_NOTIFICATION}${tabId}:s1`]);
    expect(fakeBrowser.notifications.getAllCreateOptions()[notifications()[0] ?? '']).toMatchObject(
      { title: '[reflectTitle]', message: '[reflectMessage]' },
    );
    expect(toTab).not.toHaveBeenCalled();
  });

  it('says it in the language chosen in Settings, not the browser’s', async () => {
    const stop = followLanguage({ get: async () => 'de', watch: () => () => {} });
    try {
      await createBrowserUi().hooks.ended?.(tabId, DETECTED, ended, T0);
      const [id] = notifications();
      expect(fakeBrowser.notifications.getAllCreateOptions()[id ?? '']).toMatchObject({
        title: 'Deine Session ist zu Ende',
      });
    } finally {
      stop();
      await chooseLanguage('auto');
    }
  });

  it('tells the tab when the session was ended by hand', async () => {
    await createBrowserUi().hooks.ended?.(tabId, MANUAL, ended, T0);
    expect(toTab).toHaveBeenCalledWith(tabId, { type: 'card-state', state: 'ended' });
  });

  it('offers it without a tab when the tab is gone', async () => {
    await createBrowserUi().hooks.ended?.(9999, DETECTED, ended, T0);
    expect(notifications()).toEqual([`${REFLECT_NOTIFICATION}:s1`]);
    expect(setOptions).toHaveBeenCalledTimes(1);
    expect(setOptions).toHaveBeenCalledWith({ path: panelPath(undefined, 'reflect', 's1') });
  });

  it('offers nothing for a call with no session', async () => {
    await createBrowserUi().hooks.ended?.(tabId, DETECTED, undefined, T0);
    expect(notifications()).toEqual([]);
    expect(await badge(tabId)).toBe('');
  });
});

describe('clicks and commands', () => {
  it('a click on the reflection notification opens the panel of its tab and clears it', async () => {
    const ui = createBrowserUi();
    const id = `${REFLECT_NOTIFICATION}${tabId}:s1`;
    await fakeBrowser.notifications.create(id, {
      type: 'basic',
      title: '',
      message: '',
      iconUrl: '',
    });
    ui.notificationClicked(id);
    expect(open).toHaveBeenCalledWith({ tabId });
    await vi.waitFor(() => expect(notifications()).toEqual([]));
  });

  it('opens the reflection in a tab when the panel cannot open', async () => {
    open.mockRejectedValueOnce(new Error('no gesture'));
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    createBrowserUi().notificationClicked(`${REFLECT_NOTIFICATION}:s1`);
    await vi.waitFor(() =>
      expect(create).toHaveBeenCalledWith({
        url: fakeBrowser.runtime.getURL(`/${panelPath(undefined, 'reflect', 's1')}`),
      }),
    );
  });

  it("opens the panel's page in a tab, for Firefox's framed card", async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await createBrowserUi().openInTab(tabId, 'reflect', 's1')).toEqual({ ok: true });
    expect(create).toHaveBeenCalledWith({
      url: fakeBrowser.runtime.getURL(`/${panelPath(tabId, 'reflect', 's1')}`),
    });
  });

  it('leaves other notifications alone', () => {
    createBrowserUi().notificationClicked('mc-back-to-call:7');
    expect(open).not.toHaveBeenCalled();
  });

  it('the commands open the panel and toggle the card', () => {
    const ui = createBrowserUi();
    ui.command('open-panel', tabId, 1);
    expect(open).toHaveBeenCalledWith({ tabId });
    ui.command('open-panel', undefined, 1);
    expect(open).toHaveBeenLastCalledWith({ windowId: 1 });
    ui.command('toggle-card', tabId, 1);
    expect(toTab).toHaveBeenCalledWith(tabId, { type: 'toggle-card' });
    ui.command('toggle-card', undefined, 1);
    expect(toTab).toHaveBeenCalledTimes(1);
  });
});
