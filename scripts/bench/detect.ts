// How fast the extension follows a call: per cycle a fresh Meet tab steps lobby -> call -> end
// (the page swaps its body for the next fixture, as Meet does on one URL), and four delays are
// timed from the moment the page changed:
//
// - detect in call: the background's `calls` entry for the tab says in-call (storage.session, as
//   an extension page sees the change: content script -> background -> storage);
// - overlay visible: the session card's frame shows its card region (Playwright's wait in the
//   frame, so up to a few ms of polling);
// - detect end: the `calls` entry says ended;
// - end to reflection: the card has turned into the end card, whose button opens the
//   reflection (the side panel switches itself when it is open; this is the path when it is not).

import type { Page } from 'playwright-core';
import type { Launched } from './browser.ts';

export interface DetectCycle {
  inCallMs: number;
  overlayMs: number;
  endMs: number;
  reflectionMs: number;
}

interface CallsLog {
  __calls?: Array<{ tab: string; state: string; at: number }>;
}

const code = (i: number) => {
  const l = (n: number) => String.fromCharCode(97 + ((i * 7 + n * 3) % 26));
  return `${l(1)}${l(2)}${l(3)}-${l(4)}${l(5)}${l(6)}${l(7)}-${l(8)}${l(9)}${l(10)}`;
};

export async function detectCycles(b: Launched, cycles: number): Promise<DetectCycle[]> {
  if (!b.extensionId) throw new Error('no extension id');
  const observer = await b.newPage();
  await observer.goto(`chrome-extension://${b.extensionId}/options.html`);
  await observer.evaluate(() => {
    const log: NonNullable<CallsLog['__calls']> = [];
    (window as CallsLog).__calls = log;
    chrome.storage.session.onChanged.addListener((changes) => {
      const now = Date.now();
      const calls = (changes.calls?.newValue ?? {}) as Record<string, { state: string }>;
      for (const [tab, entry] of Object.entries(calls))
        log.push({ tab, state: entry.state, at: now });
    });
  });
  const seen = (tab: number, state: string, after: number) =>
    observer.waitForFunction(
      ({ tab, state, after }) =>
        (window as CallsLog).__calls?.find(
          (e) => e.tab === String(tab) && e.state === state && e.at >= after,
        )?.at,
      { tab, state, after },
      { timeout: 15_000, polling: 20 },
    );
  const stage = (page: Page, state: string) =>
    page.evaluate(async (s) => {
      await (window as unknown as { __stage: { set(s: string): Promise<void> } }).__stage.set(s);
      return Date.now();
    }, state);
  const out: DetectCycle[] = [];
  for (let i = 0; i < cycles; i++) {
    const page = await b.context.newPage();
    const tab = await observer.evaluate(async () => {
      const [t] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return t?.id ?? -1;
    });
    const opened = Date.now();
    await page.goto(`https://meet.google.com/${code(i)}?state=lobby`);
    await seen(tab, 'lobby', opened);
    const card = page.frameLocator('#mentor-companion-card');
    const live = await stage(page, 'in-call');
    const inCallAt = Number(await (await seen(tab, 'in-call', live)).jsonValue());
    await card.getByRole('region', { name: /session card/ }).waitFor({ timeout: 15_000 });
    const overlayAt = Date.now();
    // Let the call be a call for a moment, as the user would.
    await page.waitForTimeout(1_000);
    const ended = await stage(page, 'ended-user');
    const endAt = Number(await (await seen(tab, 'ended', ended)).jsonValue());
    await card.getByTestId('end-card').waitFor({ timeout: 15_000 });
    const reflectionAt = Date.now();
    out.push({
      inCallMs: inCallAt - live,
      overlayMs: overlayAt - live,
      endMs: endAt - ended,
      reflectionMs: reflectionAt - ended,
    });
    await page.close();
  }
  await observer.close();
  return out;
}
