// Debian's Firefox ESR with the built add-on, driven by puppeteer-core over WebDriver BiDi (no
// driver binary, no browser download). The real meeting hostnames reach the local fixture server
// through two prefs, as Chromium's --host-resolver-rules do: every name resolves to 127.0.0.1 and
// port 443 goes to the server's port, so nothing a test or a screenshot does reaches the network.

import fs from 'node:fs';
import puppeteer, { type Browser, type ElementHandle, type Frame, type Page } from 'puppeteer-core';

export function findFirefox(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  throw new Error(
    'Firefox is missing: install it (apt-get install firefox-esr), or set FIREFOX_PATH to a Firefox binary.',
  );
}

/** The add-on's `moz-extension://` host, fixed so a profile opened again finds its data. */
export const FIREFOX_EXTENSION_UUID = '6d3c1f52-9a43-4e0b-8f27-4c2b8a1e5d90';

export function firefoxPrefs(opts: { port: number; geckoId: string }): Record<string, unknown> {
  return {
    'network.dns.forceResolve': '127.0.0.1',
    'network.socket.forcePort': `443=${opts.port}`,
    'network.dns.disableIPv6': true,
    'network.proxy.type': 0,
    // The same moz-extension:// origin on every launch. A temporary add-on is gone after a
    // restart and is installed again; with its origin fixed it finds its IndexedDB and storage
    // where it left them, as a permanently installed add-on does (seen on Firefox ESR 153).
    'extensions.webextensions.uuids': JSON.stringify({ [opts.geckoId]: FIREFOX_EXTENSION_UUID }),
    // The tests read the English UI, whatever the machine's language.
    'intl.locale.requested': 'en-US',
    'intl.accept_languages': 'en-US, en',
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'app.update.disabledForTesting': true,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'browser.newtabpage.enabled': false,
    'browser.startup.homepage': 'about:blank',
    'browser.startup.page': 0,
  };
}

export interface FirefoxSession {
  browser: Browser;
  /** The add-on id Firefox reports for the installed build. */
  addonId: string;
  /** `moz-extension://<uuid>` */
  origin: string;
}

/**
 * Starts Firefox on `profileDir` and installs the add-on in `extensionDir` as a temporary add-on
 * (unsigned builds install only that way; it is what about:debugging does).
 */
export async function launchFirefox(opts: {
  profileDir: string;
  extensionDir: string;
  port: number;
  headless?: boolean;
}): Promise<FirefoxSession> {
  const manifest = JSON.parse(fs.readFileSync(`${opts.extensionDir}/manifest.json`, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`no gecko id in ${opts.extensionDir}/manifest.json`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: findFirefox(),
    headless: opts.headless ?? true,
    acceptInsecureCerts: true,
    userDataDir: opts.profileDir,
    // Navigating a tab to moz-extension:// needs it.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: firefoxPrefs({ port: opts.port, geckoId }),
    defaultViewport: { width: 1280, height: 800 },
    env: {
      ...process.env,
      // Without it Firefox polls its remote-settings service some twenty times a run.
      MOZ_REMOTE_SETTINGS_DEVTOOLS: '1',
    },
  });
  try {
    const addonId = await browser.installExtension(opts.extensionDir);
    return { browser, addonId, origin: `moz-extension://${FIREFOX_EXTENSION_UUID}` };
  } catch (error) {
    await browser.close().catch(() => {});
    throw error;
  }
}

/** An accessible-name selector for puppeteer: `role` keeps it off the <label> itself. */
export const aria = (role: string, name: string) =>
  `::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`;

/**
 * Puts `text` into an input or textarea as one edit (a paste), which Preact sees as an input
 * event, as the Chromium suite's fill() does. Typing key by key over BiDi is slow for long notes.
 */
export async function fill(where: Page | Frame, selector: string, text: string): Promise<void> {
  const el = (await where.waitForSelector(selector, { timeout: 5_000 })) as ElementHandle<
    HTMLInputElement | HTMLTextAreaElement
  > | null;
  if (!el) throw new Error(`no field ${selector}`);
  await el.focus();
  await el.evaluate((node, value) => {
    const proto =
      node instanceof HTMLTextAreaElement
        ? HTMLTextAreaElement.prototype
        : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(node, value);
    node.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}
