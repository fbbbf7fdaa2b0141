// `npm start` / `./run demo`: the product on a simulated Google Meet call, no real meeting needed.
// Builds the extension, serves fixture call pages over local HTTPS on the real hostnames, and
// opens Chromium with the extension loaded and a demo mentorship set up. A panel at the bottom of
// the call page steps it through lobby, waiting room, the call, and hanging up.
//
// Without a display it says so and walks the whole story headless, saving a screenshot of each
// step in .tmp/demo-screenshots/ (with --docs, in docs/demo/, which the README shows): the
// mentee preparing in the popup, the pack reaching the mentor, the mentor joining the call with
// the panel open, wandering off and coming back, the call ending, and both reflections.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import type { Role } from '../lib/records.ts';
import { makeCert } from './lib/cert.ts';
import {
  chromiumArgs,
  findChromium,
  pinInNewProfile,
  unpackedExtensionId,
} from './lib/chromium.ts';
import { DEMO_MEET, prepareDemoSession } from './lib/demo-data.ts';
import { DEMO_MENTORSHIP_IDS, demoBackupFile, demoHistory } from './lib/demo-history.ts';
import { type FixtureServer, startFixtureServer } from './lib/fixture-server.ts';
import { OTHER_HOST } from './lib/hosts.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3');
const TMP = path.join(ROOT, '.tmp/demo');
const SHOTS = process.argv.includes('--docs')
  ? path.join(ROOT, 'docs/demo')
  : path.join(ROOT, '.tmp/demo-screenshots');

function fail(message: string): never {
  console.error(`mentor-companion demo: ${message}`);
  process.exit(1);
}

/**
 * One side's profile, a few months into the mentorship: its history restored from a backup
 * file on the Backups page, as a person would restore one. Leaves the page open.
 */
async function restoreHistory(context: BrowserContext, extensionId: string, me: Role, now: number) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html#backups`);
  await page.getByLabel('Choose a backup file').setInputFiles({
    name: `mentorship-${me}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(demoBackupFile(demoHistory(now, me), now)),
  });
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await page.getByText(/^Restored from /).waitFor();
  return page;
}

/** The mentee's profile: the history, then today's topic and notes in the popup. */
async function seed(context: BrowserContext, extensionId: string, now: number) {
  const page = await restoreHistory(context, extensionId, 'mentee', now);
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await prepareDemoSession(page);
  await page.close();
}

async function main() {
  const display = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const port = process.env.MC_PORT ? Number(process.env.MC_PORT) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`MC_PORT must be a port number, not "${process.env.MC_PORT}".`);

  let executablePath: string;
  try {
    executablePath = findChromium();
  } catch (error) {
    fail((error as Error).message);
  }

  console.log('Building the extension…');
  const build = spawnSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) fail('the build failed; see the messages above.');

  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  try {
    server = await startFixtureServer(makeCert(path.join(TMP, 'cert')), port);
  } catch (error) {
    fail((error as Error).message);
  }
  fs.rmSync(path.join(TMP, 'profile'), { recursive: true, force: true });
  // The toolbar button in sight, not under the puzzle-piece menu.
  const expectedId = unpackedExtensionId(EXTENSION_DIR);
  pinInNewProfile(path.join(TMP, 'profile'), expectedId);
  const context = await chromium.launchPersistentContext(path.join(TMP, 'profile'), {
    executablePath,
    headless: !display,
    args: chromiumArgs({ port: server.port, extensionDir: EXTENSION_DIR }),
    viewport: display ? null : { width: 1280, height: 800 },
  });
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  if (extensionId !== expectedId) {
    console.warn(
      `The extension's id is ${extensionId}, not ${expectedId}: its toolbar button is under the puzzle-piece menu.`,
    );
  }
  const cleanup = async () => {
    await context.close().catch(() => {});
    await server.close();
    fs.rmSync(path.join(TMP, 'profile'), { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => cleanup().then(() => process.exit(0)));
  }

  const now = Date.now();
  await seed(context, extensionId, now);
  const call = await context.newPage();
  await call.goto(`${DEMO_MEET}?demo`);
  for (const blank of context.pages())
    if (blank !== call && blank.url() === 'about:blank') await blank.close();

  if (display) {
    console.log(
      [
        '',
        'Chromium is open on a simulated Google Meet call, with Mentor Companion loaded.',
        'Use the "Demo stage" buttons at the bottom left: Lobby, Waiting room, Join, Hang up.',
        'Join shows the session card with the topic and notes; Hang up leads to the reflection.',
        'The toolbar button (pinned, beside the puzzle piece) opens the popup. Close the browser window to end the demo.',
      ].join('\n'),
    );
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
    await server.close();
    fs.rmSync(path.join(TMP, 'profile'), { recursive: true, force: true });
    return;
  }

  console.log(
    'No display here (DISPLAY is not set), so no window can open. Walking the demo headless instead;\n' +
      "the screenshots below show each step. For the full checks run './run test'.",
  );
  const started = Date.now();
  try {
    await walk(context, extensionId, server, executablePath, call, now);
  } finally {
    await cleanup();
  }
  console.log(`Demo finished in ${Math.round((Date.now() - started) / 1000)} s.`);
}

type Rect = { x: number; y: number; width: number; height: number };
type Stage = { __stage: { set(s: string): Promise<void> } };
const stage = (page: Page, state: string) =>
  page.evaluate((s) => (window as unknown as Stage).__stage.set(s), state);
const cardOf = (page: Page) => page.frameLocator('#mentor-companion-card');

async function shot(page: Page, name: string, clip?: Rect) {
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot(clip ? { path: file, clip, fullPage: true } : { path: file });
  console.log(`  ${name}: ${path.relative(ROOT, file)}`);
}

/** Two pictures side by side on one 1280 × 800 canvas (the call and its side panel). */
async function sideBySide(context: BrowserContext, left: Buffer, right: Buffer, name: string) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const img = (b: Buffer) => `data:image/png;base64,${b.toString('base64')}`;
  await page.setContent(
    `<body style="margin:0;display:flex;background:#202124"><img src="${img(left)}" style="width:900px;height:800px;object-fit:cover;object-position:left top"><img src="${img(right)}" style="width:380px;height:800px;object-fit:cover;object-position:left top;border-left:1px solid #5f6368"></body>`,
  );
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await shot(page, name);
  await page.close();
}

/** Rates every question of an open reflection, and takes the suggested date for the next one. */
async function reflect(page: Page, score: number) {
  // A tab in the background gets no animation frames, and each click waits for one: the
  // reflection's own tab comes to the front first.
  await page.bringToFront();
  await page.getByTestId('reflection').waitFor();
  const groups = page.locator('[role="radiogroup"]');
  for (let i = 0; i < (await groups.count()); i++) {
    await groups
      .nth(i)
      .locator('.rating-n')
      .nth(score - 1)
      .click();
  }
  const next = page.locator('[data-question="session.next-date"] button');
  await next.click();
  await next.waitFor({ state: 'detached' });
  // Back to the top: the picture shows the heading and the first answers.
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function walk(
  mentee: BrowserContext,
  id: string,
  server: FixtureServer,
  executablePath: string,
  menteeCall: Page,
  now: number,
) {
  fs.mkdirSync(SHOTS, { recursive: true });
  // 1. The mentee prepares in the popup (set up by seed()), and writes the pack.
  const popup = await mentee.newPage();
  await popup.setViewportSize({ width: 420, height: 800 });
  await popup.goto(`chrome-extension://${id}/popup.html`);
  await popup.getByTestId('save-status').waitFor();
  await shot(popup, '1-mentee-prepares');
  await popup.getByText('Share with your mentor').click();
  const mailto = (await popup.getByTestId('share-mailto').getAttribute('href')) ?? '';
  const message = decodeURIComponent(/[?&]body=([^&]*)/.exec(mailto)?.[1] ?? '');
  await popup.getByTestId('share-mailto').scrollIntoViewIfNeeded();
  await shot(popup, '2-mentee-sends-the-pack');
  await popup.close();

  // 2. The pack reaches the mentor, in a browser of their own.
  const mentorDir = path.join(TMP, 'profile-mentor');
  fs.rmSync(mentorDir, { recursive: true, force: true });
  const mentor = await chromium.launchPersistentContext(mentorDir, {
    executablePath,
    headless: true,
    args: chromiumArgs({ port: server.port, extensionDir: EXTENSION_DIR }),
    viewport: { width: 1280, height: 800 },
  });
  try {
    const worker =
      mentor.serviceWorkers()[0] ??
      (await mentor.waitForEvent('serviceworker', { timeout: 15_000 }));
    const mid = new URL(worker.url()).host;
    const mp = await restoreHistory(mentor, mid, 'mentor', now);
    await mp.setViewportSize({ width: 420, height: 800 });
    await mp.goto(`chrome-extension://${mid}/popup.html`);
    await mp.getByText('Share with your mentee').click();
    await mp.getByLabel('Paste a message from your mentee').fill(message);
    await mp.getByRole('button', { name: 'Read pack' }).click();
    await mp.getByTestId('import-preview').waitFor();
    await mp.getByRole('button', { name: 'Import', exact: true }).scrollIntoViewIfNeeded();
    await shot(mp, '3-the-pack-reaches-the-mentor');
    await mp.getByRole('button', { name: 'Import', exact: true }).click();
    await mp.getByTestId('import-info').waitFor();
    // A short grace time, so wandering off is noticed within the demo.
    await mp.goto(`chrome-extension://${mid}/options.html#settings`);
    await mp.getByLabel('Grace time before a nudge (seconds)').fill('2');
    await mp.getByText('Saved').first().waitFor();
    await mp.close();

    // 3. The mentor joins the call with the side panel open (here: the panel's page in a tab).
    const call = await mentor.newPage();
    await call.goto(`${DEMO_MEET}?look&as=mentor`);
    // Both join: the mentee's call (in the first browser) and the mentor's.
    await Promise.all([stage(call, 'in-call'), stage(menteeCall, 'in-call')]);
    await cardOf(call).getByTestId('topic').waitFor({ timeout: 15_000 });
    // The call's tab is the active one: the panel follows it.
    const tab = await worker.evaluate(() =>
      chrome.tabs.query({ active: true, lastFocusedWindow: true }).then(([t]) => t?.id),
    );
    const panel = await mentor.newPage();
    await panel.setViewportSize({ width: 380, height: 800 });
    await panel.goto(`chrome-extension://${mid}/sidepanel.html?tab=${tab}`);
    await panel
      .getByTestId('live-view')
      .waitFor()
      .catch(async (error) => {
        await shot(panel, 'failed-panel');
        throw error;
      });
    await call.bringToFront();
    await call.waitForTimeout(400);
    await sideBySide(
      mentor,
      await call.screenshot(),
      await panel.screenshot(),
      '4-mentor-on-the-call-with-the-panel',
    );

    // 4. Wandering off to another tab past the grace time, then back: the card says so.
    const other = await mentor.newPage();
    await other.goto(`https://${OTHER_HOST}/`);
    await other.bringToFront();
    await other.waitForTimeout(3_000);
    await call.bringToFront();
    await cardOf(call).getByTestId('away-flash').waitFor({ timeout: 10_000 });
    await shot(call, '5-back-from-wandering-off');
    await other.close();

    // 5. The call ends: the card offers the reflection, the panel turns into it.
    await Promise.all([stage(call, 'ended-user'), stage(menteeCall, 'ended-user')]);
    await cardOf(call).getByTestId('end-card').waitFor({ timeout: 10_000 });
    await call.waitForTimeout(300);
    await shot(call, '6-the-call-ends');
    await panel.getByTestId('reflection').waitFor({ timeout: 10_000 });
    await reflect(panel, 4);
    await shot(panel, '7-the-mentor-reflects');
  } finally {
    await mentor.close().catch(() => {});
    fs.rmSync(mentorDir, { recursive: true, force: true });
  }

  // 6. The mentee was on the same call; their reflection, from the popup.
  await cardOf(menteeCall).getByTestId('end-card').waitFor({ timeout: 10_000 });
  const p2 = await mentee.newPage();
  await p2.goto(`chrome-extension://${id}/popup.html`);
  const [reflection] = await Promise.all([
    mentee.waitForEvent('page'),
    p2.getByTestId('to-reflect').getByRole('button', { name: 'Reflect now' }).first().click(),
  ]);
  await reflection.setViewportSize({ width: 420, height: 800 });
  await reflect(reflection, 5);
  await shot(reflection, '8-the-mentee-reflects');
  await reflection.getByRole('button', { name: 'Complete reflection' }).click();
  await reflection.getByText('Reflection complete.').waitFor();

  // 7. A few months in: the Mentorships page's History and Trends, today's session included.
  const options = await mentee.newPage();
  await options.setViewportSize({ width: 1280, height: 800 });
  await options.goto(`chrome-extension://${id}/options.html#m=${DEMO_MENTORSHIP_IDS.mentee}`);
  const history = options.locator('#history');
  const trends = options.getByRole('region', { name: 'Trends' });
  await history.getByText('Reflected').first().waitFor();
  await trends.locator('.opt-spark-line').first().waitFor();
  const [a, b] = [await history.boundingBox(), await trends.boundingBox()];
  if (!a || !b) throw new Error('History and Trends are not on the page');
  await shot(options, '9-months-of-history-and-trends', {
    x: a.x - 12,
    y: a.y - 12,
    width: a.width + 24,
    height: b.y + b.height - a.y + 24,
  });
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
