import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { type Harness, launch, startServer, until } from './harness.ts';

// The card as it looks in a real window (issue 13 item 7): headful Chromium on a private Xvfb
// display, a 1,050-pixel-wide window, and the classic scrollbars Linux and Windows draw (headless
// hides scrollbars, so the other files cannot see this). The card's document must never overflow
// its frame, or the frame shows scrollbars around the card: not with a few action items, not with
// many and long notes (the card then scrolls inside itself), not as its pill, not at the end.

let server: FixtureServer;
let h: Harness;

const MEET = 'https://meet.google.com/abc-defg-hij';
const LONG_WORD = `https://docs.example.org/${'a-very-long-path-segment-'.repeat(6)}end`;
const NOTES = [
  'What happened since last time, at length:',
  ...Array.from(
    { length: 30 },
    (_, i) =>
      `${i + 1}. The reorg moved two teams under a new director, and the offsite agenda changed again.`,
  ),
  LONG_WORD,
].join('\n');

async function stage(page: Page, state: string) {
  await page.evaluate(
    (s) => (window as unknown as { __stage: { set(s: string): Promise<void> } }).__stage.set(s),
    state,
  );
}

const card = (page: Page): FrameLocator => page.frameLocator('#mentor-companion-card');

interface Fit {
  scrollWidth: number;
  clientWidth: number;
  scrollHeight: number;
  clientHeight: number;
  /** The classic scrollbar's width in this window (0 with overlay or hidden scrollbars). */
  scrollbar: number;
  frame: { width: number; height: number };
}

/** How the card's document sits in its frame. */
async function measure(page: Page): Promise<Fit> {
  const inCard = await card(page)
    .locator('html')
    .evaluate((root) => {
      // What a scroll container loses to a classic scrollbar here.
      const probe = root.ownerDocument.createElement('div');
      probe.style.cssText = 'position:absolute;top:0;width:100px;height:50px;overflow:scroll';
      root.ownerDocument.body.append(probe);
      const scrollbar = probe.offsetWidth - probe.clientWidth;
      probe.remove();
      return {
        scrollWidth: root.scrollWidth,
        clientWidth: root.clientWidth,
        scrollHeight: root.scrollHeight,
        clientHeight: root.clientHeight,
        scrollbar,
      };
    });
  const frame = await page
    .locator('#mentor-companion-card')
    .evaluate((f) => ({ width: f.clientWidth, height: f.clientHeight }));
  return { ...inCard, frame };
}

/** Waits for the card's size to settle, then: nothing sticks out of the frame. */
async function expectFits(page: Page, what: string) {
  let last = '';
  await until(
    async () => {
      const now = JSON.stringify(await measure(page));
      const same = now === last;
      last = now;
      return same;
    },
    { interval: 300, what: `the card's size to settle (${what})` },
  );
  const f = JSON.parse(last) as Fit;
  expect(f.scrollWidth, `${what}: width`).toBeLessThanOrEqual(f.clientWidth);
  expect(f.scrollHeight, `${what}: height`).toBeLessThanOrEqual(f.clientHeight);
  // The document fills the frame: no scrollbar took any of it.
  expect(f.clientWidth, `${what}: no vertical scrollbar`).toBe(f.frame.width);
  expect(f.clientHeight, `${what}: no horizontal scrollbar`).toBe(f.frame.height);
  return f;
}

beforeAll(async () => {
  server = await startServer();
  h = await launch(server, { window: { width: 1050, height: 800 } });
  const popup = await h.extensionPage('popup.html');
  await popup.getByLabel("Your mentor's name").fill('Ana');
  await popup.getByLabel(/Meeting link/).fill(MEET);
  await popup.getByRole('button', { name: 'Create' }).click();
  await popup.getByLabel('Agreed topic').fill('Saying no to a VP without burning the relationship');
  await popup.getByLabel('Your pre-session thoughts').fill(NOTES);
  await until(
    async () => (await popup.getByTestId('save-status').textContent())?.includes('Saved'),
    { what: 'the popup to save' },
  );
  await popup.close();
});
afterAll(async () => {
  await h?.close();
  await server?.close();
});

describe('the card in a 1,050-pixel window with classic scrollbars', () => {
  it('never overflows its frame: live, with many action items and long notes, as a pill, and ended', async () => {
    const page = await h.open(MEET);
    expect(await page.evaluate(() => window.outerWidth)).toBe(1050);
    await stage(page, 'in-call');
    await card(page).getByTestId('topic').waitFor();
    const first = await expectFits(page, 'live');
    // The window draws classic scrollbars, so an overflow would show.
    expect(first.scrollbar).toBeGreaterThan(0);

    await card(page).getByText("Mentee's notes").click();
    await expectFits(page, 'notes open');

    const input = card(page).getByLabel('New action item');
    for (let i = 1; i <= 14; i++) {
      await input.fill(`Action item ${i}: follow up with the director about the offsite ${i}`);
      await input.press('Enter');
      await card(page).getByText(`Action item ${i}:`).waitFor();
    }
    await input.fill(LONG_WORD);
    await input.press('Enter');
    await card(page).getByText(LONG_WORD).first().waitFor();
    const many = await expectFits(page, 'many action items');
    // Taller than the window leaves it: the frame stops at the page's height, the card scrolls.
    const viewport = await page.evaluate(() => window.innerHeight);
    expect(many.frame.height).toBeLessThanOrEqual(viewport);

    await card(page).getByRole('button', { name: 'Collapse the session card' }).click();
    await card(page).getByTestId('pill').waitFor();
    await expectFits(page, 'pill');
    await card(page).getByRole('button', { name: /left/ }).click();
    await card(page).getByTestId('topic').waitFor();
    await expectFits(page, 'unfolded again');

    await stage(page, 'ended-user');
    await card(page).getByTestId('end-card').waitFor({ timeout: 5_000 });
    await expectFits(page, 'ended');
    await page.close();
  });
});
