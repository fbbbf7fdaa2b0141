import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { launch, startServer } from './harness.ts';

// "No network requests from any part of the extension." Every browser the e2e suite launches
// records Chromium's net log, and closing it fails the test file when the extension started a
// request from any context: so each flow the suite walks (onboarding, a call with its card and
// focus nudges, the side panel, the reflection, share packs, backups) proves it. This file shows
// that the check sees what it must: a request from the worker, from an extension page and from
// the call page's content-script side are all caught.

let server: FixtureServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

describe('the no-network check', () => {
  it('passes a browser in which the extension only ran', async () => {
    const h = await launch(server);
    const page = await h.open('https://meet.google.com/abc-defg-hij');
    await h.extensionPage('popup.html');
    await h.extensionPage('options.html');
    await page.close();
    await expect(h.close()).resolves.toEqual([]);
  });

  it('catches a request from the service worker, an extension page and a content script', async () => {
    const h = await launch(server);
    await h.inWorker(() => fetch('https://api.example.org/from-worker').catch(() => 0), null);
    const options = await h.extensionPage('options.html');
    await options.evaluate(() => {
      const img = new Image();
      img.src = 'https://img.example.org/from-page.png';
      document.body.append(img);
      return fetch('https://api.example.org/from-page').catch(() => 0);
    });
    // What a content script would send for the page (its requests carry the page's origin).
    const call = await h.open('https://meet.google.com/abc-defg-hij');
    await call.evaluate(() => fetch('https://collector.example.net/beacon').catch(() => 0));
    await new Promise((r) => setTimeout(r, 500));
    await expect(h.close()).rejects.toThrow(/network requests: .*from-worker/);
  });

  it('lists each request it caught', async () => {
    const h = await launch(server);
    await h.inWorker(() => fetch('https://api.example.org/one').catch(() => 0), null);
    const call = await h.open('https://teams.microsoft.com/v2/');
    await call.evaluate(() => fetch('https://collector.example.net/two').catch(() => 0));
    await new Promise((r) => setTimeout(r, 500));
    const leaks = await h.close({ allowNetwork: true });
    expect(leaks.map((r) => r.url)).toEqual(
      expect.arrayContaining(['https://api.example.org/one', 'https://collector.example.net/two']),
    );
  });
});
