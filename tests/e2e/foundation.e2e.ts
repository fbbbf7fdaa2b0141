import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import {
  EXTENSION_DIR,
  type Harness,
  launch,
  newProfileDir,
  startServer,
  until,
} from './harness.ts';

// The ground every feature stands on: the real built extension in Chromium, its content script on
// the three platforms' real hostnames and nowhere else, its pages and storage.

let server: FixtureServer;
let h: Harness;

beforeAll(async () => {
  server = await startServer();
  h = await launch(server);
});
afterAll(async () => {
  await h?.close();
  await server?.close();
});

/** Whether the extension's content script runs in the page: its isolated world exists. */
async function contentScriptWorlds(page: Page, extensionId: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const worlds: Array<{ origin: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (e) => worlds.push(e.context));
  await cdp.send('Runtime.enable');
  await new Promise((r) => setTimeout(r, 300));
  await cdp.detach();
  return worlds.filter(
    (w) => w.auxData?.type === 'isolated' && w.origin === `chrome-extension://${extensionId}`,
  ).length;
}

describe('the built extension in Chromium', () => {
  it.each([
    'https://meet.google.com/abc-defg-hij',
    'https://app.zoom.us/wc/123456789/join',
    'https://acme.zoom.us/wc/123456789/join',
    'https://teams.microsoft.com/v2/?meetingjoin=true#/meet/12345678901?p=abc',
    'https://teams.live.com/meet/9876543210',
    'https://teams.cloud.microsoft/meet/12345678901',
  ])('runs its content script on %s', async (url) => {
    const page = await h.open(url);
    expect(page.url()).toBe(url);
    await until(() => contentScriptWorlds(page, h.extensionId), {
      what: `content script on ${url}`,
    });
    await page.close();
  });

  it('runs nothing on a host that is not a meeting platform', async () => {
    const page = await h.open('https://docs.example.org/wiki');
    await expect(page.locator('h1')).toBeDefined();
    expect(await page.locator('h1').textContent()).toBe('Team wiki');
    expect(await contentScriptWorlds(page, h.extensionId)).toBe(0);
    await page.close();
  });

  it('reaches the fake hosts only through the local server', () => {
    expect(server.requests.some((r) => r.startsWith('meet.google.com /abc-defg-hij'))).toBe(true);
  });

  it('opens its side panel from a click, visible as a CDP target', async () => {
    const page = await h.extensionPage('popup.html');
    await page
      .getByLabel(/I am the/)
      .first()
      .waitFor({ state: 'attached' })
      .catch(() => {});
    await page.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
      await chrome.sidePanel.open({ tabId: tab?.id as number });
    });
    const cdp = await h.browserCdp();
    const target = await until(
      async () => {
        const { targetInfos } = (await cdp.send('Target.getTargets')) as {
          targetInfos: Array<{ url: string; type: string }>;
        };
        return targetInfos.find((t) =>
          t.url.startsWith(`chrome-extension://${h.extensionId}/sidepanel.html`),
        );
      },
      { what: 'the side panel target' },
    );
    expect(target?.type).toBe('page');
    await page.close();
  });
});

describe('the manifest', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const bundle = fs
    .readdirSync(EXTENSION_DIR, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => fs.readFileSync(path.join(EXTENSION_DIR, f), 'utf8'))
    .join('\n');
  // Written out by hand, not derived from lib/platforms/hosts.ts: widening host access must
  // show up as a change to this guard.
  const platformHost = new RegExp(
    `^https://(${[
      'meet\\.google\\.com',
      '\\*\\.zoom\\.us',
      '\\*\\.zoomgov\\.com',
      'teams\\.microsoft\\.com',
      'teams\\.live\\.com',
      'teams\\.cloud\\.microsoft',
      '(gov|dod)\\.teams\\.microsoft\\.us',
      'teams\\.(microsoft\\.com|cloud\\.microsoft)\\.mcas\\.ms',
    ].join('|')})/\\*$`,
  );

  it('asks for host access to the three platforms only', () => {
    const hosts = [
      ...(manifest.host_permissions ?? []),
      ...manifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches),
      ...manifest.web_accessible_resources.flatMap((w: { matches: string[] }) => w.matches),
    ];
    expect(hosts.length).toBeGreaterThan(0);
    for (const host of hosts) expect(host).toMatch(platformHost);
  });

  it('asks for no permission that nothing uses', () => {
    for (const permission of manifest.permissions as string[]) {
      expect(bundle.includes(`.${permission}.`), `nothing uses the ${permission} permission`).toBe(
        true,
      );
    }
  });
});

describe('storage', () => {
  it('keeps a note typed into the popup after the browser is closed and opened again', async () => {
    const profile = newProfileDir();
    const first = await launch(server, { userDataDir: profile });
    const popup = await first.extensionPage('popup.html');
    await popup.getByLabel("Your mentor's name").fill('Ana');
    await popup.getByRole('button', { name: 'Create' }).click();
    const notes = popup.getByLabel('Your pre-session thoughts');
    await notes.fill('I want to talk about\nroadmap trade-offs 🚀');
    await until(
      async () => (await popup.getByTestId('save-status').textContent())?.includes('Saved'),
      {
        what: 'the note to save',
      },
    );
    await first.close({ keepProfile: true });

    const again = await launch(server, { userDataDir: profile });
    const reopened = await again.extensionPage('popup.html');
    await expect
      .poll(() => reopened.getByLabel('Your pre-session thoughts').inputValue())
      .toBe('I want to talk about\nroadmap trade-offs 🚀');
    const stored = await reopened.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('mentor-companion');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const req = open.result.transaction('notes').objectStore('notes').getAll();
            req.onsuccess = () => resolve(req.result.map((n: { text: string }) => n.text));
          };
        }),
    );
    expect(stored).toEqual(['I want to talk about\nroadmap trade-offs 🚀']);
    await again.close();
  });
});
