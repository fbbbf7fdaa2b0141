// Does anything tick in the background during a quiet call? A Meet call goes live (the card
// shows, the session starts), then nobody does anything for the window. Counted over it:
//
// - starts: the service worker started again after Chrome stopped it (a new service_worker
//   target, seen through CDP target discovery, which does not attach to the worker or keep it
//   alive);
// - events: extension events the running worker received, of the kinds the background listens
//   to (messages, alarms, tab, window and idle events), counted by listeners the bench adds to
//   the worker at the start.
//
// A worker Chrome stops takes its event counts with it; its next start is counted instead, so a
// wake-up is never missed, only merged.

import type { Worker } from 'playwright-core';
import type { Launched } from './browser.ts';

interface Counted {
  __wakeups?: Record<string, number>;
}

export interface WakeupRun {
  starts: number;
  /** When each start came, seconds into the window. */
  startsAtS: number[];
  events: number;
  /** The events by kind (a message by its type), to say what woke the worker. */
  kinds: Record<string, number>;
  minutes: number;
}

function count() {
  const g = globalThis as Counted;
  if (g.__wakeups !== undefined) return;
  const kinds: Record<string, number> = {};
  g.__wakeups = kinds;
  const bump = (kind: string) => () => {
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  };
  chrome.runtime.onMessage.addListener((msg: { type?: string } | null) => {
    bump(`message:${msg?.type ?? '?'}`)();
    return undefined;
  });
  chrome.alarms.onAlarm.addListener(bump('alarm'));
  chrome.tabs.onUpdated.addListener(bump('tabs.onUpdated'));
  chrome.tabs.onActivated.addListener(bump('tabs.onActivated'));
  chrome.tabs.onRemoved.addListener(bump('tabs.onRemoved'));
  chrome.windows.onFocusChanged.addListener(bump('windows.onFocusChanged'));
  chrome.idle.onStateChanged.addListener(bump('idle.onStateChanged'));
}

export async function quietCall(b: Launched, windowMs: number): Promise<WakeupRun> {
  if (!b.extensionId) throw new Error('no extension id');
  const page = await b.newPage();
  await page.goto('https://meet.google.com/qui-etca-lll?state=in-call');
  await page
    .frameLocator('#mentor-companion-card')
    .getByRole('region', { name: /session card/ })
    .waitFor({ timeout: 20_000 });
  // Let the start of the call settle (the session record, the card's first reads).
  await page.waitForTimeout(3_000);
  const prefix = `chrome-extension://${b.extensionId}/`;
  const cdp = await b.browserCdp();
  const startsAtS: number[] = [];
  let t0 = Date.now();
  // Discovery first reports the targets there already (the worker running now): not starts.
  const before = (await cdp.send('Target.getTargets')) as {
    targetInfos: Array<{ targetId: string }>;
  };
  const known = new Set(before.targetInfos.map((t) => t.targetId));
  cdp.on(
    'Target.targetCreated',
    (e: { targetInfo: { targetId: string; type: string; url: string } }) => {
      const t = e.targetInfo;
      if (known.has(t.targetId) || t.type !== 'service_worker' || !t.url.startsWith(prefix)) return;
      known.add(t.targetId);
      startsAtS.push(Math.round((Date.now() - t0) / 1000));
    },
  );
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  const running = b.context.serviceWorkers().find((w: Worker) => w.url().startsWith(prefix)) as
    | Worker
    | undefined;
  await running?.evaluate(count).catch(() => {});
  t0 = Date.now();
  await page.waitForTimeout(windowMs);
  const minutes = (Date.now() - t0) / 60_000;
  await cdp.send('Target.setDiscoverTargets', { discover: false });
  // Read the counts only from a worker that still runs: asking a stopped one would start it.
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: Array<{ type: string; url: string }>;
  };
  const alive = targetInfos.some((t) => t.type === 'service_worker' && t.url.startsWith(prefix));
  const kinds: Record<string, number> =
    alive && running
      ? await running.evaluate(() => (globalThis as Counted).__wakeups ?? {}).catch(() => ({}))
      : {};
  const events = Object.values(kinds).reduce((n, k) => n + k, 0);
  await page.close();
  return { starts: startsAtS.length, startsAtS, events, kinds, minutes };
}
