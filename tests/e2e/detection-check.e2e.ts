import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_MEET,
  DEMO_MENTOR,
  DEMO_NOTES,
  DEMO_TOPIC,
  setUpDemoMentorship,
} from '../../scripts/lib/demo-data.ts';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { type Harness, launch, startServer, until } from './harness.ts';

// The detection check (issue 11) on a live fixture call on the real hostname: opened with one
// click from the side panel's page, copied with "Copy for a bug report", read back from the
// clipboard. The copied text holds no page text, no names and no meeting link, and it is the
// README's sample (docs/detection-check-sample.txt, which tests/unit/readme-sample.test.ts holds
// the README to): when detection changes, this test says the sample is stale. Run with
// MC_WRITE_SAMPLES=1 to write it again from the real output.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLE = path.join(ROOT, 'docs/detection-check-sample.txt');
const CODE = 'rpt-smpl-cal';

let server: FixtureServer;
let h: Harness;

beforeAll(async () => {
  server = await startServer();
  h = await launch(server);
  // Chromium grants no permission to an extension's origin from outside; the clipboard is the
  // browser's one, so the test reads it back from a page on the fixture host.
  await h.context.grantPermissions(['clipboard-read'], { origin: 'https://meet.google.com' });
});
afterAll(async () => {
  await h?.close();
  await server?.close();
});

/** What varies from run to run: seconds, and the extension's version. */
const steady = (text: string) =>
  text.replace(/\b\d+ s\b/g, 'N s').replace(/extension \d+\.\d+\.\d+/, 'extension X');

async function pageTexts(page: Page): Promise<{ texts: string[]; names: string[] }> {
  return page.evaluate(() => {
    // What the page shows on screen, line by line: the rendered text is the point here.
    // biome-ignore lint/performance/useDomNodeTextContent: textContent has no lines to split.
    const texts = document.body.innerText
      .split('\n')
      .map((s) => s.trim())
      .filter((s) => s.length >= 3);
    const names = [
      ...Array.from(document.querySelectorAll('[data-self-name]'), (e) =>
        e.getAttribute('data-self-name'),
      ),
      ...Array.from(document.querySelectorAll('[data-participant-id]'), (e) => e.textContent),
    ]
      .map((s) => (s ?? '').trim())
      .filter((s) => s.length >= 3);
    return { texts, names };
  });
}

describe('the detection check', () => {
  it('copies, from a live call, a report with no page text, no names and no meeting link', async () => {
    const call = await h.open(`https://meet.google.com/${CODE}?authuser=0&state=in-call`);
    const tab = await h.tabId(call);
    await until(async () => (await h.calls())[String(tab)]?.state === 'in-call', {
      timeout: 10_000,
      what: 'the call to be live',
    });
    const panel = await h.extensionPage(`sidepanel.html?tab=${tab}`);
    const toggle = panel.getByRole('button', { name: 'Detection check' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await panel.getByTestId('detect-platform').getByText('Google Meet').waitFor();
    expect(await panel.getByTestId('detect-tracked').textContent()).toBe('in a call');
    expect(await panel.getByTestId('detect-session').textContent()).toMatch(/detected/);
    // "I'm in a session" / "End session" beside it: the session is live, so "End session".
    await panel.getByRole('button', { name: 'End session' }).waitFor();

    await panel.getByRole('button', { name: 'Copy for a bug report' }).click();
    await panel.getByRole('status').getByText('Copied').waitFor();
    await call.bringToFront();
    const copied = await call.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await panel.getByTestId('detect-report').inputValue());

    // Nothing of the page: its text, the people in it, the link.
    const { texts, names } = await pageTexts(call);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(copied).not.toContain(name);
    for (const secret of [CODE, 'authuser', 'https://', `meet.google.com/`])
      expect(copied).not.toContain(secret);
    // Probe lines name our own definitions (an icon's ligature name is one); every other line
    // carries no text the page shows.
    const ours = copied.split('\n').filter((line) => !/^ {2}[+-] /.test(line));
    for (const text of texts) for (const line of ours) expect(line).not.toContain(text);

    if (process.env.MC_WRITE_SAMPLES === '1') fs.writeFileSync(SAMPLE, `${copied}\n`);
    expect(steady(copied)).toBe(steady(fs.readFileSync(SAMPLE, 'utf8').trimEnd()));
    await panel.close();
    await call.close();
  });

  it('opens from the popup on the call tab, by keyboard, with the mentorship kept out of it', async () => {
    const popup = await h.extensionPage('popup.html');
    await setUpDemoMentorship(popup);
    const call = await h.open(`${DEMO_MEET}?state=in-call`);
    const tab = await h.tabId(call);
    await until(async () => (await h.calls())[String(tab)]?.state === 'in-call', {
      timeout: 10_000,
      what: 'the call to be live',
    });
    // The popup's page is a tab of its own here, no call page: the check shows the call's tab.
    await popup.bringToFront();
    await popup.reload();
    const toggle = popup.getByRole('button', { name: 'Detection check' });
    await toggle.focus();
    await popup.keyboard.press('Enter');
    await popup
      .getByText("This tab has no call page: this is what the call's tab shows.")
      .waitFor();
    expect(await popup.getByRole('heading', { name: 'Detection check' }).count()).toBe(1);
    expect(await popup.getByRole('heading', { name: 'Signal groups' }).count()).toBe(1);
    const report = await popup.getByTestId('detect-report').inputValue();
    expect(report).toContain('session: live');
    for (const secret of [DEMO_MENTOR, DEMO_TOPIC, DEMO_NOTES.slice(0, 20), 'abc-defg-hij'])
      expect(report).not.toContain(secret);
    // Copied by keyboard too, and said politely.
    await popup.getByRole('button', { name: 'Copy for a bug report' }).focus();
    await popup.keyboard.press('Enter');
    await popup.getByRole('status').getByText('Copied').waitFor();

    // Accessible in light and dark, left to right and right to left, with every group open.
    await popup.evaluate(() => {
      for (const d of document.querySelectorAll('.detect-check details'))
        d.setAttribute('open', '');
    });
    for (const scheme of ['light', 'dark'] as const) {
      for (const dir of ['ltr', 'rtl']) {
        await popup.emulateMedia({ colorScheme: scheme });
        await popup.evaluate((d) => document.documentElement.setAttribute('dir', d), dir);
        await popup.waitForTimeout(150);
        const result = await new AxeBuilder({ page: popup }).include('.detect-check').analyze();
        const bad = result.violations.filter(
          (v) => v.impact === 'serious' || v.impact === 'critical',
        );
        expect(bad.map((v) => `${scheme} ${dir}: ${v.id} ${v.help}`)).toEqual([]);
      }
    }
    await popup.getByRole('button', { name: 'Detection check' }).click();
    expect(await popup.getByTestId('detect-report').count()).toBe(0);
    await popup.close();
    await call.close();
  });
});
