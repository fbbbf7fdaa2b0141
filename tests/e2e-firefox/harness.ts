// Real Firefox ESR with the built Firefox add-on (Manifest V3), on the real meeting hostnames
// mapped to the local fixture server. Each test file launches its own browser on a fresh profile
// (or reuses one to test persistence) and closes everything it started.
//
// Firefox quirks met here (see scripts/lib/firefox.ts for the launch):
// - Firefox sends no load events over BiDi for moz-extension:// tabs, and reports their URL as
//   about:blank (frames too): extension pages are awaited by polling, and found by location.href.
// - The add-on is temporary, so a restart installs it again; its uuid and data stay (prefs).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Frame, Page } from 'puppeteer-core';
import { makeCert } from '../../scripts/lib/cert.ts';
import { type FirefoxSession, launchFirefox } from '../../scripts/lib/firefox.ts';

export { aria, fill } from '../../scripts/lib/firefox.ts';

import { type FixtureServer, startFixtureServer } from '../../scripts/lib/fixture-server.ts';
import { readStore, sleep, until } from '../lib/e2e.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIREFOX_BUILD = path.join(ROOT, '.output/firefox-mv3');
const TMP = path.join(ROOT, '.tmp/e2e-firefox');
export const certDir = path.join(TMP, 'cert');

export interface CallEntry {
  platform: 'meet' | 'zoom' | 'teams';
  state: 'lobby' | 'in-call' | 'ended';
  since: number;
}

export async function startServer(): Promise<FixtureServer> {
  return startFixtureServer(makeCert(certDir));
}

export function newProfileDir(): string {
  fs.mkdirSync(TMP, { recursive: true });
  return fs.mkdtempSync(path.join(TMP, 'profile-'));
}

/** Clicks with real input events (a user gesture), waiting for the element first. */
export async function click(where: Page | Frame, selector: string): Promise<void> {
  const el = await where.waitForSelector(selector, { timeout: 5_000, visible: true });
  if (!el) throw new Error(`nothing to click at ${selector}`);
  await el.click();
}

export async function stage(page: Page, state: string): Promise<void> {
  await page.evaluate(
    (s) => (window as unknown as { __stage: { set(s: string): Promise<void> } }).__stage.set(s),
    state,
  );
}

export interface Harness {
  session: FirefoxSession;
  profileDir: string;
  /** `moz-extension://<uuid>` */
  origin: string;
  /** Opens a URL in a new tab and notes its tab id. */
  open(url: string): Promise<Page>;
  /** Opens an extension page (popup.html, sidepanel.html ...) in a tab, once it has rendered. */
  extensionPage(file: string): Promise<Page>;
  /** Runs a function in an extension page kept open for the test (browser.*, IndexedDB). */
  inExtension<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** All records of one IndexedDB store. */
  records<T = Record<string, unknown>>(store: string): Promise<T[]>;
  /** The `calls` entry the background keeps in storage.session. */
  calls(): Promise<Record<string, CallEntry>>;
  /**
   * The ids of the notifications the add-on has put up since launch. Headless Firefox has no
   * alert service and closes each notification at once, so they are seen by their events.
   */
  notifications(): Promise<string[]>;
  /** The tab id of a page opened with open(), as the extension sees it. */
  tabId(page: Page): number;
  /** The session card's frame in a call page, once it is there. */
  card(page: Page, timeout?: number): Promise<Frame>;
  /** The tabs that show an extension page, with their addresses. */
  extensionTabs(): Promise<Array<{ page: Page; href: string }>>;
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}

/** Waits until an extension page has loaded and rendered its app. */
async function rendered(page: Page): Promise<void> {
  await until(
    () =>
      page
        .evaluate(
          () =>
            document.readyState === 'complete' &&
            (document.getElementById('app')?.childElementCount ?? 1) > 0,
        )
        .catch(() => false),
    { what: 'the extension page to render', interval: 50 },
  );
}

export async function launch(
  server: FixtureServer,
  opts: { profileDir?: string } = {},
): Promise<Harness> {
  if (!fs.existsSync(path.join(FIREFOX_BUILD, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${FIREFOX_BUILD}: run './run build:firefox' first.`);
  }
  const profileDir = opts.profileDir ?? newProfileDir();
  // Each profile installs its own copy of the build, so a rebuild during a run cannot pull files
  // from under a running browser.
  const extensionDir = `${profileDir}.ext`;
  fs.rmSync(extensionDir, { recursive: true, force: true });
  fs.cpSync(FIREFOX_BUILD, extensionDir, { recursive: true });
  const session = await launchFirefox({ profileDir, extensionDir, port: server.port });
  // `ff`, not `browser`: functions run in extension pages use the page's own `browser`.
  const { browser: ff, origin } = session;

  const gotoExtension = async (page: Page, file: string) => {
    // No load event comes for extension pages: start the navigation and poll for the page.
    await page.goto(`${origin}/${file}`, { waitUntil: [] });
    await rendered(page);
  };

  // Opened first (as a user's first tab), so the tabs a test opens later are the active ones and
  // the tests have a full extension page to ask.
  const helper = await ff.newPage();
  await gotoExtension(helper, 'options.html');
  for (const page of await ff.pages()) {
    if (page !== helper && page.url() === 'about:blank') {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href === 'about:blank') await page.close();
    }
  }
  await helper.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __notifications: string[] }).__notifications = seen;
    // onShown is Firefox's own; Chrome's types do not have it.
    const events = browser.notifications as unknown as Record<
      'onShown' | 'onClosed',
      { addListener(cb: (id: string) => void): void }
    >;
    events.onShown.addListener((id) => seen.push(id));
    events.onClosed.addListener((id) => seen.push(id));
  });
  const inExtension = <T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> =>
    helper.evaluate(fn as (arg: unknown) => T | Promise<T>, arg as unknown) as Promise<T>;

  const tabIds = new WeakMap<Page, number>();
  const harness: Harness = {
    session,
    profileDir,
    origin,
    async open(url) {
      const page = await ff.newPage();
      const id = await inExtension(async () => {
        const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id;
      }, null);
      if (id !== undefined) tabIds.set(page, id);
      await page.goto(url);
      return page;
    },
    async extensionPage(file) {
      const page = await ff.newPage();
      await gotoExtension(page, file);
      return page;
    },
    inExtension,
    records: async <T>(store: string) => (await inExtension(readStore, store)) as T[],
    calls: () =>
      inExtension(async () => {
        const got = await browser.storage.session.get('calls');
        return (got.calls ?? {}) as Record<string, CallEntry>;
      }, null),
    notifications: () =>
      inExtension(
        async () => [
          ...new Set([
            ...Object.keys(await browser.notifications.getAll()),
            ...(window as unknown as { __notifications: string[] }).__notifications,
          ]),
        ],
        null,
      ),
    tabId(page) {
      const id = tabIds.get(page);
      if (id === undefined) throw new Error('no tab id noted for this page: open it with h.open()');
      return id;
    },
    async card(page, timeout = 5_000) {
      const el = await page.waitForSelector('#mentor-companion-card', { timeout });
      const frame = await el?.contentFrame();
      if (!frame) throw new Error('the card has no frame');
      return frame;
    },
    async extensionTabs() {
      const out: Array<{ page: Page; href: string }> = [];
      for (const page of await ff.pages()) {
        const href = await page.evaluate(() => location.href).catch(() => '');
        if (href.startsWith(`${origin}/`)) out.push({ page, href });
      }
      return out;
    },
    async close({ keepProfile = false } = {}) {
      await ff.close();
      fs.rmSync(extensionDir, { recursive: true, force: true });
      if (!keepProfile) fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
  return harness;
}

export { sleep, until };
