import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WireError } from '../../../lib/errors';
import type { Calls } from '../../../lib/session/calls';
import type { Live } from '../../../lib/session/orchestrator';
import { callsItem, liveItem } from '../../../lib/storage/items';
import { CallTabModel, tabStateOf } from '../../../models/call-tab';
import { clock, freshDb, NOW, useLocale } from './setup';

const CALLS: Calls = {
  '7': { platform: 'meet', state: 'in-call', since: NOW - 60_000 },
};
const LIVE: Live = {
  '7': { sessionId: 's1', platform: 'meet', companions: [9] },
};

let t: ReturnType<typeof useLocale>;
beforeEach(async () => {
  (await freshDb()).close();
  t = useLocale('en');
});
afterEach(() => vi.restoreAllMocks());

describe('tabStateOf', () => {
  it.each([
    ['the call tab', 7, { id: 7, live: true, callElsewhere: false, companion: false }],
    ['its companion', 9, { id: 9, live: false, callElsewhere: true, companion: true }],
    ['another tab', 3, { id: 3, live: false, callElsewhere: true, companion: false }],
    ['no tab', undefined, { id: undefined, live: false, callElsewhere: true, companion: false }],
  ] as const)('%s', (_, id, want) => {
    expect(tabStateOf(id, CALLS, LIVE)).toEqual(want);
  });
});

describe('CallTabModel', () => {
  function model(id: number | undefined, reply: { ok: boolean; error?: WireError } = { ok: true }) {
    const send = vi.fn(async () => reply);
    const m = new CallTabModel({
      now: clock().now,
      activeTab: async () => id,
      calls: callsItem,
      live: liveItem,
      send: send as never,
    });
    return { m, send };
  }

  it('reads the tab from the typed storage items', async () => {
    await callsItem.set(CALLS);
    await liveItem.set(LIVE);
    const { m } = model(9);
    await m.load();
    expect(m.tab.value).toEqual({ id: 9, live: false, callElsewhere: true, companion: true });
  });

  it('starts and ends a session by hand through the background', async () => {
    const { m, send } = model(3);
    await m.load();
    await m.start();
    expect(send).toHaveBeenCalledWith({ type: 'manual-start', tabId: 3, at: NOW });
    expect(m.tab.value.live).toBe(true);
    await m.end();
    expect(send).toHaveBeenLastCalledWith({ type: 'manual-end', tabId: 3, at: NOW });
    expect(m.tab.value.live).toBe(false);
  });

  it("shows the background's refusal in the UI language", async () => {
    t = useLocale('de');
    const { m } = model(3, {
      ok: false,
      error: { code: 'no-call-tab', params: [] },
    });
    await m.load();
    await m.start();
    expect(m.error.value).toBe(t('error_no_call_tab'));
    expect(m.tab.value.live).toBe(false);
  });

  it('marks this tab as the companion of the call', async () => {
    const { m, send } = model(9);
    await m.load();
    await m.setCompanion(true);
    expect(send).toHaveBeenCalledWith({ type: 'companion-tab', tabId: 9, on: true });
    expect(m.tab.value.companion).toBe(true);
  });
});
