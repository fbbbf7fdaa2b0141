// Real Chromium with the built extension, on the real meeting hostnames mapped to the local
// fixture server. Each test file launches its own browser on a fresh profile (or reuses one to
// test persistence) and closes everything it started.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type BrowserContext,
  type CDPSession,
  chromium,
  type Page,
  type Worker,
} from 'playwright-core';
import { makeCert } from '../../scripts/lib/cert.ts';
import { chromiumArgs, findChromium } from '../../scripts/lib/chromium.ts';
import { type FixtureServer, startFixtureServer } from '../../scripts/lib/fixture-server.ts';
import { ALL_HOSTS } from '../../scripts/lib/hosts.ts';
import { extensionRequests, type LoggedRequest, readNetLog } from '../../scripts/lib/netlog.ts';
import { startXvfb, type Xvfb } from '../../scripts/lib/xvfb.ts';
import { readStore, sleep, until } from '../lib/e2e.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3');
const TMP = path.join(ROOT, '.tmp/e2e');

export interface CallEntry {
  platform: 'meet' | 'zoom' | 'teams';
  state: 'lobby' | 'in-call' | 'ended';
  since: number;
  /** In a call: the user presents from it. */
  presenting?: true;
}

export async function startServer(): Promise<FixtureServer> {
  return startFixtureServer(makeCert(path.join(TMP, 'cert')));
}

export function newProfileDir(): string {
  fs.mkdirSync(TMP, { recursive: true });
  return fs.mkdtempSync(path.join(TMP, 'profile-'));
}

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** The extension's service worker now (it may have been restarted). */
  worker(): Promise<Worker>;
  /** Opens a URL in a new tab. */
  open(url: string): Promise<Page>;
  /** Opens an extension page (popup.html, options.html, sidepanel.html ...) in a tab. */
  extensionPage(file: string): Promise<Page>;
  /** Runs a function in the service worker. */
  inWorker<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /**
   * Runs a function in an extension page kept open for the test (chrome.* APIs, IndexedDB),
   * which works while the service worker is stopped and does not wake it.
   */
  inExtension<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** All records of one IndexedDB store. */
  records<T = Record<string, unknown>>(store: string): Promise<T[]>;
  /** The `calls` entry the background keeps in storage.session. */
  calls(): Promise<Record<string, CallEntry>>;
  /** The tab id of a page, as the extension sees it. */
  tabId(page: Page): Promise<number>;
  /** Stops the service worker, as Chrome does when it is idle, and waits until it is gone. */
  stopWorker(): Promise<void>;
  /** Whether the extension's service worker runs now (asked of Chromium, not Playwright). */
  workerRunning(): Promise<boolean>;
  browserCdp(): Promise<CDPSession>;
  /** The URL of the open side panel, or undefined when none is open. */
  panelUrl(): Promise<string | undefined>;
  /**
   * Evaluates an expression in the open side panel. The panel is no Playwright page; it is a
   * CDP target, reached here with Target.sendMessageToTarget.
   */
  panelEval<T>(expression: string): Promise<T>;
  /**
   * Closes the browser and checks its net log: it throws, naming them, when the extension made
   * any network request. `allowNetwork` is for the test that shows the check itself works.
   */
  close(opts?: { keepProfile?: boolean; allowNetwork?: boolean }): Promise<LoggedRequest[]>;
}

let launches = 0;

export async function launch(
  server: FixtureServer,
  opts: {
    userDataDir?: string;
    headless?: boolean;
    /** The browser's UI language (`--lang`, and the pages' locale); English unless given. */
    lang?: string;
    /**
     * A real window of this size on a private Xvfb display instead of headless: the pages get
     * what is left of it after the browser's own bars, and classic scrollbars, as on Linux and
     * Windows (headless hides them).
     */
    window?: { width: number; height: number };
    /**
     * Sound on: pages play audio without a gesture, and tabs that do are `audible` (Playwright
     * mutes Chromium by default, and a muted headless tab never turns audible).
     */
    audio?: boolean;
  } = {},
): Promise<Harness> {
  const lang = opts.lang ?? 'en-US';
  const userDataDir = opts.userDataDir ?? newProfileDir();
  // Each profile loads its own copy of the build, so a rebuild during a run cannot pull files
  // from under a running browser. The copy sits at a fixed place per profile: the extension's
  // id (and so its storage) stays the same when a profile is opened again.
  const extensionDir = `${userDataDir}.ext`;
  fs.rmSync(extensionDir, { recursive: true, force: true });
  fs.cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  // Every request the browser makes, to check when it closes that the extension made none.
  const netLog = `${userDataDir}.netlog-${++launches}.json`;
  const win = opts.window;
  // A screen roomier than the window, so the window keeps the size asked for.
  const xvfb: Xvfb | undefined = win
    ? await startXvfb({ width: win.width + 200, height: win.height + 200 })
    : undefined;
  const context = await chromium
    .launchPersistentContext(userDataDir, {
      executablePath: findChromium(),
      headless: win ? false : (opts.headless ?? true),
      // The tests read the English UI, whatever the machine's language, unless they ask for one.
      args: [
        ...chromiumArgs({ port: server.port, extensionDir }),
        `--lang=${lang}`,
        `--log-net-log=${netLog}`,
        '--net-log-capture-mode=Default',
        ...(win ? ['--window-position=0,0', `--window-size=${win.width},${win.height}`] : []),
        ...(opts.audio ? ['--autoplay-policy=no-user-gesture-required'] : []),
      ],
      ...(opts.audio ? { ignoreDefaultArgs: ['--mute-audio'] } : {}),
      locale: lang,
      // A real window: the pages are as big as it leaves them, not an emulated viewport.
      viewport: win ? null : { width: 1280, height: 800 },
      ...(xvfb ? { env: { ...process.env, DISPLAY: xvfb.display } } : {}),
    })
    .catch(async (error) => {
      await xvfb?.stop();
      throw error;
    });
  const worker = async (): Promise<Worker> => {
    const live = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return live ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  };
  const extensionId = new URL((await worker()).url()).host;
  let cdp: CDPSession | undefined;
  const browserCdp = async () => {
    const browser = context.browser();
    if (!browser) throw new Error('no browser behind this context');
    cdp ??= await browser.newBrowserCDPSession();
    return cdp;
  };
  const inWorker = async <T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> =>
    (await worker()).evaluate(fn as (arg: unknown) => T | Promise<T>, arg as unknown);
  let extPage: Page | undefined;
  const inExtension = async <T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> => {
    if (!extPage || extPage.isClosed()) {
      extPage = await context.newPage();
      // The options page: an extension page whose loading changes nothing.
      await extPage.goto(`chrome-extension://${extensionId}/options.html`);
    }
    return extPage.evaluate(fn as (arg: unknown) => T | Promise<T>, arg as unknown);
  };
  const tabIds = new WeakMap<Page, number>();
  // Playwright keeps listing a worker that Chromium stopped, so ask Chromium.
  const workerTarget = async () => {
    const { targetInfos } = (await (await browserCdp()).send('Target.getTargets')) as {
      targetInfos: Array<{ targetId: string; type: string; url: string }>;
    };
    return targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
    );
  };
  // Opened first, so the tabs a test opens later are the active ones.
  await inExtension(() => true, null);
  for (const blank of context.pages()) if (blank.url() === 'about:blank') await blank.close();
  const panelTarget = async () => {
    const { targetInfos } = (await (await browserCdp()).send('Target.getTargets')) as {
      targetInfos: Array<{ targetId: string; type: string; url: string }>;
    };
    return targetInfos.find(
      (t) =>
        t.type === 'page' &&
        t.url.startsWith(`chrome-extension://${extensionId}/sidepanel.html`) &&
        !tabPanels.has(t.targetId),
    );
  };
  // Side-panel pages opened as ordinary tabs are Playwright pages; they are not "the panel".
  const tabPanels = new Set<string>();
  let nextId = 1;
  const panelEval = async <T>(expression: string): Promise<T> => {
    const target = await panelTarget();
    if (!target) throw new Error('no side panel is open');
    const cdp = await browserCdp();
    // Attached for this one call: the panel reloads when its path changes.
    const { sessionId } = (await cdp.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    })) as {
      sessionId: string;
    };
    const id = nextId++;
    const reply = new Promise<{
      result?: { result?: { value?: T }; exceptionDetails?: { text: string } };
      error?: { message: string };
    }>((resolve) => {
      const onMessage = (event: { sessionId: string; message: string }) => {
        const message = JSON.parse(event.message);
        if (event.sessionId === sessionId && message.id === id) {
          cdp.off('Target.receivedMessageFromTarget', onMessage);
          resolve(message);
        }
      };
      cdp.on('Target.receivedMessageFromTarget', onMessage);
    });
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({
        id,
        method: 'Runtime.evaluate',
        params: { expression, awaitPromise: true, returnByValue: true },
      }),
    });
    const message = await Promise.race([
      reply,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('the side panel did not answer')), 5_000),
      ),
    ]);
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
    if (message.error) throw new Error(message.error.message);
    if (message.result?.exceptionDetails) throw new Error(message.result.exceptionDetails.text);
    return message.result?.result?.value as T;
  };
  const harness: Harness = {
    context,
    extensionId,
    userDataDir,
    worker,
    inWorker,
    inExtension,
    records: async <T>(store: string) => (await inExtension(readStore, store)) as T[],
    browserCdp,
    async open(url) {
      // The new tab is the one that was not there before (the extension may not read its URL;
      // "the active tab" right after opening can still be the one before it).
      const ids = () =>
        inExtension(async () => (await chrome.tabs.query({})).map((t) => t.id), null);
      const before = new Set(await ids());
      const page = await context.newPage();
      const id = await until(async () => (await ids()).find((t) => !before.has(t)), {
        what: 'the new tab',
      });
      tabIds.set(page, id);
      await page.goto(url);
      return page;
    },
    async extensionPage(file) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      if (file.startsWith('sidepanel.html')) {
        const session = await context.newCDPSession(page);
        const { targetInfo } = (await session.send('Target.getTargetInfo')) as {
          targetInfo: { targetId: string };
        };
        tabPanels.add(targetInfo.targetId);
        await session.detach();
      }
      return page;
    },
    async calls() {
      return inExtension(async () => {
        const got = await chrome.storage.session.get('calls');
        return (got.calls ?? {}) as Record<string, CallEntry>;
      }, null);
    },
    async tabId(page) {
      const id = tabIds.get(page);
      if (id === undefined)
        throw new Error(`no tab id noted for ${page.url()}: open pages with h.open()`);
      return id;
    },
    async stopWorker() {
      const sw = await workerTarget();
      if (!sw) throw new Error('the extension has no running service worker');
      // Gone, or already replaced by a new worker that an event woke. Chromium sometimes lets
      // a busy worker finish first, so ask again until it has stopped.
      await until(
        async () => {
          const now = await workerTarget();
          if (now?.targetId !== sw.targetId) return true;
          await (await browserCdp())
            .send('Target.closeTarget', { targetId: sw.targetId })
            .catch(() => {});
          return false;
        },
        { timeout: 10_000, interval: 500, what: 'the service worker to stop' },
      );
    },
    workerRunning: async () => Boolean(await workerTarget()),
    panelUrl: async () => (await panelTarget())?.url,
    panelEval,
    async close({ keepProfile = false, allowNetwork = false } = {}) {
      await context.close();
      await xvfb?.stop();
      const leaks = extensionRequests(readNetLog(netLog), extensionId, ALL_HOSTS);
      fs.rmSync(netLog, { force: true });
      if (!keepProfile) {
        fs.rmSync(userDataDir, { recursive: true, force: true });
        fs.rmSync(extensionDir, { recursive: true, force: true });
      }
      if (leaks.length && !allowNetwork) {
        throw new Error(
          `the extension made network requests: ${leaks.map((r) => `${r.method} ${r.url} from ${r.initiator}`).join('; ')}`,
        );
      }
      return leaks;
    },
  };
  return harness;
}

export { sleep, until };
