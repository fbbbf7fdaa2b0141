// What a busy call page's main thread spends on script that is not the page's own, with and
// without an extension, over one window:
//
// - nonpage: Chrome's ScriptDuration (all script on the page's main thread, every world) minus
//   the page's own callbacks as the page times them with performance.now(). What remains is the
//   extension's content script, plus a residue both variants share (timer dispatch, GC inside
//   script, the bench's own two reads), which the baseline shows.
// - self: a CPU profile (CDP Profiler, sampling every 200 us) of the same window: the time on top
//   of the stack of script whose URL is the extension's (chrome-extension://: the content
//   script's isolated world and any module it loads), with the DOM and built-in calls it makes
//   (querySelectorAll has no URL of its own). Every variant is profiled, so the profiler's own
//   cost falls on all alike.
// - page own: the page's own timed callbacks. An extension can make the page's own work dearer
//   (a MutationObserver makes every DOM write record itself), which lands here, not in nonpage.
// - heap: the renderer's used JS heap after a forced GC; the extension's share is the difference
//   from the baseline (its isolated world and what that holds).

import { isExtensionUrl, type Launched, metrics, selfTimeMs } from './browser.ts';
import type { LoadName } from './load.ts';

export interface CpuRun {
  nonpageMsPerS: number;
  selfMsPerS: number;
  pageOwnMsPerS: number;
  scriptMsPerS: number;
  mutationsPerS: number;
  elements: number;
  heapKb: number;
}

export interface CpuPage {
  load: LoadName;
  url: string;
  /** Wait after load before the window opens (the content script settles, the card mounts). */
  settleMs: number;
  windowMs: number;
  /** A selector the page shows once the extension is in the call (the card), if any. */
  ready?: string;
}

interface BenchGlobals {
  __bench?: { ownMs: number; mutations: number; elements(): number };
}

export async function cpuRun(b: Launched, spec: CpuPage, withExtension: boolean): Promise<CpuRun> {
  const page = await b.newPage();
  await page.goto(spec.url);
  await page.waitForFunction(() => (window as BenchGlobals).__bench !== undefined);
  if (withExtension && spec.ready) {
    await page.locator(spec.ready).waitFor({ state: 'attached', timeout: 15_000 });
  }
  await page.waitForTimeout(spec.settleMs);
  const cdp = await b.cdp(page);
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const read = () =>
    page.evaluate(() => {
      const b = (window as BenchGlobals).__bench;
      return { own: b?.ownMs ?? 0, mutations: b?.mutations ?? 0 };
    });
  await cdp.send('Profiler.start');
  const m0 = await metrics(cdp);
  const p0 = await read();
  const t0 = Date.now();
  await page.waitForTimeout(spec.windowMs);
  const p1 = await read();
  const m1 = await metrics(cdp);
  const seconds = (Date.now() - t0) / 1000;
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: Parameters<typeof selfTimeMs>[0];
  };
  const elements = await page.evaluate(() => (window as BenchGlobals).__bench?.elements() ?? 0);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  await page.close();
  const scriptMs = (m1.script - m0.script) * 1000;
  const ownMs = p1.own - p0.own;
  return {
    scriptMsPerS: scriptMs / seconds,
    pageOwnMsPerS: ownMs / seconds,
    nonpageMsPerS: (scriptMs - ownMs) / seconds,
    selfMsPerS: selfTimeMs(profile, isExtensionUrl) / seconds,
    mutationsPerS: (p1.mutations - p0.mutations) / seconds,
    elements,
    heapKb: heap.usedSize / 1024,
  };
}
