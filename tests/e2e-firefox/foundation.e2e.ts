import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_MATCHES } from '../../lib/platforms/hosts.ts';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { type Harness, launch, sleep, startServer, until } from './harness.ts';

// The ground in Firefox: the Manifest V3 add-on installed as a user installs it, its content
// script on the three platforms' real hostnames and nowhere else, host access granted for those
// hosts only, and the sidebar left closed at install.

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

/** What the content script in a tab answers (its call-ping), or the error when none is there. */
async function ping(page: Page): Promise<{ platform?: string } | { error: string }> {
  return h.inExtension(
    (tab) =>
      browser.tabs
        .sendMessage(tab, { type: 'call-ping' })
        .then((reply) => reply as { platform?: string })
        .catch((error: Error) => ({ error: error.message })),
    h.tabId(page),
  );
}

describe('the add-on in Firefox', () => {
  it('is a Manifest V3 add-on with host access to the platforms only, granted at install', async () => {
    const { manifest, granted } = await h.inExtension(
      async () => ({
        manifest: browser.runtime.getManifest(),
        granted: await browser.permissions.getAll(),
      }),
      null,
    );
    expect(manifest.manifest_version).toBe(3);
    // Firefox shows the content script's hosts in the install prompt and grants them with it
    // (from Firefox 127; extensions.originControls.grantByDefault).
    expect([...(granted.origins ?? [])].sort()).toEqual([...CALL_MATCHES].sort());
  });

  it('leaves the sidebar closed at install', async () => {
    expect(
      await h.inExtension(
        () =>
          (
            browser as unknown as { sidebarAction: { isOpen(d: object): Promise<boolean> } }
          ).sidebarAction.isOpen({}),
        null,
      ),
    ).toBe(false);
  });

  it.each([
    ['https://meet.google.com/abc-defg-hij', 'meet'],
    ['https://app.zoom.us/wc/123456789/join', 'zoom'],
    ['https://acme.zoom.us/wc/123456789/join', 'zoom'],
    ['https://teams.microsoft.com/v2/?meetingjoin=true#/meet/12345678901?p=abc', 'teams'],
    ['https://teams.live.com/meet/9876543210', 'teams'],
    ['https://teams.cloud.microsoft/meet/12345678901', 'teams'],
  ])('runs its content script on %s', async (url, platform) => {
    const page = await h.open(url);
    expect(page.url()).toBe(url);
    const reply = await until(
      async () => {
        const r = await ping(page);
        return 'platform' in r ? r : undefined;
      },
      { what: `the content script on ${url}` },
    );
    expect(reply?.platform).toBe(platform);
    await page.close();
  });

  it('runs nothing on a host that is not a meeting platform', async () => {
    const page = await h.open('https://docs.example.org/wiki');
    expect(await page.evaluate(() => document.querySelector('h1')?.textContent)).toBe('Team wiki');
    await sleep(500);
    expect(await ping(page)).toEqual({ error: expect.stringMatching(/Receiving end/) });
    await page.close();
  });

  it('reaches the fake hosts only through the local server', () => {
    expect(server.requests.some((r) => r.startsWith('meet.google.com /abc-defg-hij'))).toBe(true);
    // Firefox's own services stay quiet (MOZ_REMOTE_SETTINGS_DEVTOOLS, the prefs).
    const hosts = new Set(server.requests.map((r) => r.split(' ')[0]));
    for (const host of hosts) expect(host).toMatch(/zoom\.us$|google\.com$|teams\.|example\.org$/);
  });

  // Last in the file: it takes a permission away from this profile.
  it('does nothing on a platform whose access the user took away', async () => {
    await h.inExtension(
      (origins) => browser.permissions.remove({ origins }),
      ['https://meet.google.com/*'],
    );
    const page = await h.open('https://meet.google.com/abc-defg-hij');
    await sleep(1_000);
    expect(await ping(page)).toEqual({ error: expect.stringMatching(/Receiving end/) });
    await page.close();
  });
});
