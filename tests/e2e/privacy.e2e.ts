import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { EXTENSION_DIR, launch, startServer } from './harness.ts';

// "No network requests from any part of the extension." Every browser the e2e suite launches
// records Chromium's net log, and closing it fails the test file when the extension started a
// request from any context: so each flow the suite walks (onboarding, a call with its card and
// focus nudges, the side panel, the reflection, share packs, backups) proves it. This file shows
// that the check sees what it must (a request from an extension page, and one from the call
// page's side, where a content script would act), and that the pages' strict content security
// policy refuses eval, remote scripts and connections before anything leaves.

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

  it("catches a request from an extension page and one from the call page's side", async () => {
    const h = await launch(server);
    // The pages' policy refuses fetches, images and frames, so an extension page opening a
    // window is the request that still gets out, and the check must see it.
    const options = await h.extensionPage('options.html');
    await options.evaluate(() => window.open('https://api.example.org/from-page'));
    // What a content script would send for the page (its requests carry the page's origin).
    const call = await h.open('https://meet.google.com/abc-defg-hij');
    await call.evaluate(() => fetch('https://collector.example.net/beacon').catch(() => 0));
    await new Promise((r) => setTimeout(r, 500));
    await expect(h.close()).rejects.toThrow(
      /network requests: .*from-page.*beacon|network requests: .*beacon.*from-page/,
    );
  });

  it('lists each request it caught', async () => {
    const h = await launch(server);
    const options = await h.extensionPage('options.html');
    await options.evaluate(() => window.open('https://api.example.org/one'));
    const call = await h.open('https://teams.microsoft.com/v2/');
    await call.evaluate(() => fetch('https://collector.example.net/two').catch(() => 0));
    await new Promise((r) => setTimeout(r, 500));
    const leaks = await h.close({ allowNetwork: true });
    expect(leaks.map((r) => r.url)).toEqual(
      expect.arrayContaining(['https://api.example.org/one', 'https://collector.example.net/two']),
    );
  });
});

describe("the extension pages' content security policy", () => {
  it('is explicit and strict in the built manifest: no remote script, no eval', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    const csp: string = manifest.content_security_policy.extension_pages;
    const directives = Object.fromEntries(
      csp.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });

  it('refuses eval, a remote script and a remote connection in a page', async () => {
    const h = await launch(server);
    const options = await h.extensionPage('options.html');
    // DevTools' own evaluation is exempt from the page's policy, so the probes are things the
    // page would do itself: an inline script, a string timer (eval), a remote script, a fetch.
    const seen = await options.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        violations.push(e.effectiveDirective),
      );
      const inline = document.createElement('script');
      inline.textContent = "document.body.dataset.inline = 'ran';";
      document.head.append(inline);
      (setTimeout as unknown as (code: string, ms: number) => void)(
        "document.body.dataset.evaluated = 'ran';",
        0,
      );
      const remote = document.createElement('script');
      remote.src = 'https://cdn.example.org/remote.js';
      document.head.append(remote);
      const fetched = await fetch('https://api.example.org/').then(
        () => true,
        () => false,
      );
      await new Promise((r) => setTimeout(r, 300));
      return {
        inline: document.body.dataset.inline ?? null,
        evaluated: document.body.dataset.evaluated ?? null,
        fetched,
        violations,
      };
    });
    expect(seen.inline).toBeNull();
    expect(seen.evaluated).toBeNull();
    expect(seen.fetched).toBe(false);
    expect(seen.violations).toEqual(
      expect.arrayContaining(['script-src-elem', 'script-src', 'connect-src']),
    );
    // Refused by the policy before any request left: the net log has nothing to show.
    await expect(h.close()).resolves.toEqual([]);
  });
});
