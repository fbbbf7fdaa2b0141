import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { type Harness, launch, startServer, until } from './harness.ts';

// The session card's frame inside the call page: what it may do there, and what the page sees.

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

async function liveCall(): Promise<{ page: Page; frame: Frame }> {
  const page = await h.open('https://meet.google.com/abc-defg-hij');
  await page.evaluate(() =>
    (window as unknown as { __stage: { set(s: string): Promise<void> } }).__stage.set('in-call'),
  );
  await page.frameLocator('#mentor-companion-card').locator('.card-root').waitFor();
  const frame = await until(
    async () => page.frames().find((f) => f.url().endsWith('/overlay.html')),
    { what: 'the card frame' },
  );
  if (!frame) throw new Error('no card frame');
  return { page, frame };
}

describe('the card frame in Chromium', () => {
  // The canary. Chrome refuses IndexedDB to an extension page framed inside a web page, so the
  // card reads through the background (the live projection, over a port). When this test fails,
  // Chrome lets the frame open the database: the relay could go.
  it('is denied IndexedDB, so the card must read through the background', async () => {
    const { page, frame } = await liveCall();
    const result = await frame.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('mentor-companion-canary');
          open.onupgradeneeded = () => open.transaction?.abort();
          open.onsuccess = () => {
            open.result.close();
            resolve('opened');
          };
          open.onerror = () => resolve(`${open.error?.name}: ${open.error?.message}`);
        }),
    );
    expect(result).toMatch(/^UnknownError: .*denied permission/);
    await page.close();
  });
});
