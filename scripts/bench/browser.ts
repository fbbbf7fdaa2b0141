// Chromium for the bench: a fresh profile per run under .tmp/bench, removed afterwards; the
// meeting hosts mapped to the local fixture server; either no extension (the baseline), this
// build, or a peer extension, loaded the same way.

import fs from 'node:fs';
import path from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import { chromiumArgs, findChromium } from '../lib/chromium.ts';

export interface Variant {
  /** `base`: no extension; `ext`: this build; `peer`: the extension given with --peer. */
  kind: 'base' | 'ext' | 'peer';
  /** The unpacked extension to load (none for the baseline). */
  dir?: string;
}

export interface Launched {
  context: BrowserContext;
  /** The loaded extension's id, when it has a service worker to learn it from. */
  extensionId?: string;
  newPage(): Promise<Page>;
  cdp(page: Page): Promise<CDPSession>;
  browserCdp(): Promise<CDPSession>;
  close(): Promise<void>;
}

export async function launch(
  tmp: string,
  port: number,
  variant: Variant,
  opts: { waitForWorker?: boolean } = {},
): Promise<Launched> {
  fs.mkdirSync(tmp, { recursive: true });
  const profile = fs.mkdtempSync(path.join(tmp, 'profile-'));
  // Each profile loads its own copy, so a rebuild cannot pull files from under a running run.
  const copy = variant.dir ? `${profile}.ext` : undefined;
  if (variant.dir && copy) fs.cpSync(variant.dir, copy, { recursive: true });
  const args = chromiumArgs({ port, extensionDir: copy ?? '' }).filter(
    (a) =>
      copy !== undefined ||
      (!a.startsWith('--load-extension') && !a.startsWith('--disable-extensions-except')),
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: [...args, '--lang=en-US'],
    locale: 'en-US',
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  let extensionId: string | undefined;
  if (copy && opts.waitForWorker !== false) {
    const sw =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context
        .waitForEvent('serviceworker', { timeout: variant.kind === 'peer' ? 5_000 : 15_000 })
        .catch(() => undefined));
    if (sw) extensionId = new URL(sw.url()).host;
    else if (variant.kind === 'ext') throw new Error('the extension did not start');
  }
  let browserSession: CDPSession | undefined;
  return {
    context,
    extensionId,
    async newPage() {
      const page = await context.newPage();
      for (const p of context.pages()) if (p !== page && p.url() === 'about:blank') await p.close();
      return page;
    },
    cdp: (page) => context.newCDPSession(page),
    async browserCdp() {
      const browser = context.browser();
      if (!browser) throw new Error('no browser behind this context');
      browserSession ??= await browser.newBrowserCDPSession();
      return browserSession;
    },
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(profile, { recursive: true, force: true });
      if (copy) fs.rmSync(copy, { recursive: true, force: true });
    },
  };
}

/** Chrome's own counters for a page's main thread (seconds). */
export async function metrics(cdp: CDPSession): Promise<{ script: number; task: number }> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: Array<{ name: string; value: number }>;
  };
  const get = (n: string) => metrics.find((m) => m.name === n)?.value ?? 0;
  return { script: get('ScriptDuration'), task: get('TaskDuration') };
}

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * Self time (ms) of the script whose URL passes `owns`: each sample is worth the time to the
 * next, and goes to the script on top of the stack. A built-in or DOM call (querySelectorAll,
 * setAttribute: no URL of its own) counts for the script that made it, the nearest caller with
 * a URL. Samples with no script at all (idle, GC, the engine's own work) count for nobody.
 */
export function selfTimeMs(profile: CpuProfile, owns: (url: string) => boolean): number {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ownerUrl = new Map<number, string>();
  const urlOf = (id: number): string => {
    const known = ownerUrl.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const up = parent.get(id);
    const url = node?.callFrame.url || (up !== undefined ? urlOf(up) : '');
    ownerUrl.set(id, url);
    return url;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let us = 0;
  let at = profile.startTime;
  const stamps = deltas.map((d) => {
    at += d;
    return at;
  });
  for (let i = 0; i < samples.length; i++) {
    if (!owns(urlOf(samples[i] as number))) continue;
    const next = i + 1 < stamps.length ? (stamps[i + 1] as number) : profile.endTime;
    us += Math.max(0, next - (stamps[i] as number));
  }
  return us / 1000;
}

/** Every script of an extension runs from a chrome-extension:// URL, content scripts included. */
export const isExtensionUrl = (url: string) => url.startsWith('chrome-extension://');
