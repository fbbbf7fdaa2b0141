import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { aria, click, fill, type Harness, launch, startServer, until } from './harness.ts';

// The detection check (issue 11) in Firefox: from the side panel's page for a live fixture call
// on the real hostname, what the detector sees, the session beside it, and the text to copy,
// which holds neither the mentorship's name nor the meeting link.

let server: FixtureServer;
let h: Harness;

beforeAll(async () => {
  server = await startServer();
  h = await launch(server);
  const popup = await h.extensionPage('popup.html');
  await fill(popup, aria('textbox', "Your mentor's name"), 'Ana Moreno');
  await click(popup, aria('button', 'Create'));
  await popup.waitForSelector(aria('textbox', 'Agreed topic'));
  await popup.close();
});
afterAll(async () => {
  await h?.close();
  await server?.close();
});

describe('the detection check', () => {
  it('shows a live call and copies a report without the name or the link', async () => {
    const call = await h.open('https://meet.google.com/ffx-chek-rpt?state=in-call');
    const tab = String(h.tabId(call));
    await until(async () => (await h.calls())[tab]?.state === 'in-call', {
      timeout: 10_000,
      what: 'the call to be live',
    });
    const panel = await h.extensionPage(`sidepanel.html?tab=${tab}`);
    await click(panel, aria('button', 'Detection check'));
    const report = await until(
      () =>
        panel.evaluate(
          () =>
            (document.querySelector('[data-testid="detect-report"]') as HTMLTextAreaElement | null)
              ?.value,
        ),
      { what: 'the check' },
    );
    expect(report).toContain('platform: meet (meet.google.com)');
    expect(report).toContain('look now: in-call; tracked: in-call');
    expect(report).toMatch(/^session: live \d+ s, detected$/m);
    for (const secret of ['ffx-chek-rpt', 'Ana Moreno', 'https://'])
      expect(report).not.toContain(secret);
    await panel.waitForSelector(aria('button', 'End session'));
    await click(panel, aria('button', 'Copy for a bug report'));
    // The check's own polite region (the panel has others).
    await until(
      () =>
        panel.evaluate(
          () => document.querySelector('.detect-check [role="status"]')?.textContent === 'Copied',
        ),
      { what: '"Copied"' },
    );
    await panel.close();
    await call.close();
  });
});
