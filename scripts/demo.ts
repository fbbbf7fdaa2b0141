// `npm start` / `./run demo`: the product on a simulated Google Meet call, no real meeting needed.
// Builds the extension (unless the last build is newer than every source), serves fixture call
// pages over local HTTPS on the real hostnames, and opens Chromium with the extension loaded,
// its toolbar button pinned, and the demo mentorship a few months in (restored from a backup
// file on the Backups page). A panel at the bottom of the call page steps it through lobby,
// waiting room, the call, and hanging up.
//
// Without a display it says so and walks the whole story headless, saving a screenshot of each
// step in .tmp/demo-screenshots/ (with --docs, in docs/demo/, which the README shows): the
// mentee preparing in the popup, the pack reaching the mentor, the mentor joining the call with
// the panel open, wandering off, nudged and coming back, the call ending, both reflections, and
// the mentee's History and Trends. The mentor's browser starts and is set up alongside the
// mentee's; every step waits for what it shows, never for a fixed time.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import type { Role } from '../lib/records.ts';
import { makeCert } from './lib/cert.ts';
import {
  chromiumArgs,
  findChromium,
  pinInNewProfile,
  unpackedExtensionId,
} from './lib/chromium.ts';
import { DEMO_MEET, DEMO_TOPIC, prepareDemoSession } from './lib/demo-data.ts';
import { DEMO_MENTORSHIP_IDS, demoBackupFile, demoHistory } from './lib/demo-history.ts';
import { startFixtureServer } from './lib/fixture-server.ts';
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

/** Files and folders the build is made from: a build newer than all of them is reused. */
const SOURCES = [
  'entrypoints',
  'components',
  'lib',
  'models',
  'public',
  'wxt.config.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];

/** The newest change under `file`: a folder's own time counts too (a file added or removed). */
function newestChange(file: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(file)) {
    newest = Math.max(newest, newestChange(path.join(file, entry)));
  }
  return newest;
}

/** Builds the Chrome extension unless the last build is newer than every source file. */
function build(force: boolean) {
  const manifest = path.join(EXTENSION_DIR, 'manifest.json');
  const builtAt = fs.existsSync(manifest) ? fs.statSync(manifest).mtimeMs : 0;
  const changedAt = Math.max(...SOURCES.map((f) => newestChange(path.join(ROOT, f))));
  if (!force && builtAt > changedAt) {
    console.log('Using the last build: no source changed since (--rebuild builds again).');
    return;
  }
  console.log('Building the extension…');
  const done = spawnSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (done.status !== 0) fail('the build failed; see the messages above.');
}

/** One person's browser: its own new profile with the extension loaded. */
interface DemoBrowser {
  context: BrowserContext;
  worker: Worker;
  id: string;
  dir: string;
}

async function launch(
  dir: string,
  opts: { executablePath: string; port: number; headless: boolean },
): Promise<DemoBrowser> {
  fs.rmSync(dir, { recursive: true, force: true });
  // The toolbar button in sight, not under the puzzle-piece menu.
  const expectedId = unpackedExtensionId(EXTENSION_DIR);
  pinInNewProfile(dir, expectedId);
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: opts.executablePath,
    headless: opts.headless,
    args: chromiumArgs({ port: opts.port, extensionDir: EXTENSION_DIR }),
    viewport: opts.headless ? { width: 1280, height: 800 } : null,
  });
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const id = new URL(worker.url()).host;
  if (id !== expectedId) {
    console.warn(
      `The extension's id is ${id}, not ${expectedId}: its toolbar button is under the puzzle-piece menu.`,
    );
  }
  return { context, worker, id, dir };
}

async function close(b: DemoBrowser | undefined) {
  if (!b) return;
  await b.context.close().catch(() => {});
  fs.rmSync(b.dir, { recursive: true, force: true });
}

/**
 * A new tab at the front, on `url`. A tab in the background gets no animation frames in
 * headless Chromium, and every click waits for one (about 2 s each on a busy machine).
 */
async function openPage(b: DemoBrowser, url: string, size?: { width: number; height: number }) {
  const page = await b.context.newPage();
  await page.bringToFront();
  if (size) await page.setViewportSize(size);
  await page.goto(url.startsWith('https:') ? url : `chrome-extension://${b.id}/${url}`);
  return page;
}

/**
 * One side's profile, a few months into the mentorship: its history restored from a backup
 * file on the Backups page, as a person would restore one. Leaves the page open.
 */
async function restoreHistory(b: DemoBrowser, me: Role, now: number) {
  const page = await openPage(b, 'options.html#backups');
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
async function seedMentee(b: DemoBrowser, now: number) {
  const page = await restoreHistory(b, 'mentee', now);
  await page.goto(`chrome-extension://${b.id}/popup.html`);
  await prepareDemoSession(page);
  await page.close();
}

/** The mentor's profile: the history, and a short grace time so wandering off is nudged soon. */
async function seedMentor(b: DemoBrowser, now: number) {
  const page = await restoreHistory(b, 'mentor', now);
  await page.goto(`chrome-extension://${b.id}/options.html#settings`);
  await page.getByLabel('Grace time before a nudge (seconds)').fill('2');
  await page.getByText('Saved').first().waitFor();
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
  build(process.argv.includes('--rebuild'));

  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  try {
    server = await startFixtureServer(makeCert(path.join(TMP, 'cert')), port);
  } catch (error) {
    fail((error as Error).message);
  }
  const opts = { executablePath, port: server.port };
  // Without a display the mentor's browser starts at the same time: it is in the story too.
  const [mentee, mentor] = await Promise.all([
    launch(path.join(TMP, 'profile'), { ...opts, headless: !display }),
    display ? undefined : launch(path.join(TMP, 'profile-mentor'), { ...opts, headless: true }),
  ]);
  const cleanup = async () => {
    await Promise.all([close(mentee), close(mentor)]);
    await server.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => cleanup().then(() => process.exit(0)));
  }

  const now = Date.now();
  await Promise.all([seedMentee(mentee, now), mentor && seedMentor(mentor, now)]);
  const call = await openPage(mentee, `${DEMO_MEET}?demo`);
  for (const blank of mentee.context.pages())
    if (blank !== call && blank.url() === 'about:blank') await blank.close();

  if (!mentor) {
    console.log(
      [
        '',
        'Chromium is open on a simulated Google Meet call, with Mentor Companion loaded.',
        'Use the "Demo stage" buttons at the bottom left: Lobby, Waiting room, Join, Hang up.',
        'Join shows the session card with the topic and notes; Hang up leads to the reflection.',
        'The toolbar button (pinned, beside the puzzle piece) opens the popup. Close the browser window to end the demo.',
      ].join('\n'),
    );
    await new Promise<void>((resolve) => mentee.context.on('close', () => resolve()));
    await cleanup();
    return;
  }

  console.log(
    'No display here (DISPLAY is not set), so no window can open. Walking the demo headless instead;\n' +
      "the screenshots below show each step. For the full checks run './run test'.",
  );
  const started = Date.now();
  try {
    await walk(mentee, mentor, call);
  } finally {
    await cleanup();
  }
  console.log(
    `Demo finished in ${Math.round((Date.now() - started) / 1000)} s ` +
      `(${Math.round(process.uptime())} s with the build and the browsers' start).`,
  );
}

type Rect = { x: number; y: number; width: number; height: number };
type Stage = { __stage: { set(s: string): Promise<void> } };
const stage = (page: Page, state: string) =>
  page.evaluate((s) => (window as unknown as Stage).__stage.set(s), state);
const cardOf = (page: Page) => page.frameLocator('#mentor-companion-card');

async function shot(page: Page, name: string, clip?: Rect) {
  const file = path.join(SHOTS, `${name}.png`);
  // Animations are run to their end: the picture shows where they settle.
  await page.screenshot({
    path: file,
    animations: 'disabled',
    ...(clip ? { clip, fullPage: true } : {}),
  });
  console.log(`  ${name}: ${path.relative(ROOT, file)}`);
}

/** Two pictures side by side on one 1280 × 800 canvas (the call and its side panel). */
async function sideBySide(b: DemoBrowser, left: Buffer, right: Buffer, name: string) {
  const page = await b.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const img = (x: Buffer) => `data:image/png;base64,${x.toString('base64')}`;
  await page.setContent(
    `<body style="margin:0;display:flex;background:#202124"><img src="${img(left)}" style="width:900px;height:800px;object-fit:cover;object-position:left top"><img src="${img(right)}" style="width:380px;height:800px;object-fit:cover;object-position:left top;border-left:1px solid #5f6368"></body>`,
  );
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await shot(page, name);
  await page.close();
}

/** Rates every question of an open reflection, and takes the suggested date for the next one. */
async function reflect(page: Page, score: number) {
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

/**
 * Resolves once the background has nudged the user back to a call: it marks the live call
 * nudged (`nudgedFor`, in storage.session) just before the notification and the badge.
 */
function nudged(worker: Worker): Promise<void> {
  return worker.evaluate(
    () =>
      new Promise<void>((resolve) => {
        type Live = Record<string, { nudgedFor?: number }>;
        const isNudged = (live: unknown) =>
          Object.values((live ?? {}) as Live).some((l) => l.nudgedFor !== undefined);
        const seen = (changes: Record<string, chrome.storage.StorageChange>) => {
          if (!isNudged(changes.live?.newValue)) return;
          chrome.storage.session.onChanged.removeListener(seen);
          resolve();
        };
        chrome.storage.session.onChanged.addListener(seen);
        chrome.storage.session.get('live').then(({ live }) => {
          if (isNudged(live)) seen({ live: { newValue: live } });
        });
      }),
  );
}

async function walk(mentee: DemoBrowser, mentor: DemoBrowser, menteeCall: Page) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const narrow = { width: 420, height: 800 };
  // 1. The mentee prepares in the popup (seedMentee typed the topic and notes), and writes the pack.
  const popup = await openPage(mentee, 'popup.html', narrow);
  await popup.getByTestId('save-status').waitFor();
  await shot(popup, '1-mentee-prepares');
  await popup.getByText('Share with your mentor').click();
  const mailto = (await popup.getByTestId('share-mailto').getAttribute('href')) ?? '';
  const message = decodeURIComponent(/[?&]body=([^&]*)/.exec(mailto)?.[1] ?? '');
  await popup.getByTestId('share-mailto').scrollIntoViewIfNeeded();
  await shot(popup, '2-mentee-sends-the-pack');
  await popup.close();

  // 2. The pack reaches the mentor, in a browser of their own.
  const mp = await openPage(mentor, 'popup.html', narrow);
  await mp.getByText('Share with your mentee').click();
  await mp.getByLabel('Paste a message from your mentee').fill(message);
  await mp.getByRole('button', { name: 'Read pack' }).click();
  await mp.getByTestId('import-preview').waitFor();
  const importButton = mp.getByRole('button', { name: 'Import', exact: true });
  await importButton.scrollIntoViewIfNeeded();
  await shot(mp, '3-the-pack-reaches-the-mentor');
  await importButton.click();
  await mp.getByTestId('import-info').waitFor();
  await mp.close();

  // 3. The mentor joins the call with the side panel open (here: the panel's page in a tab).
  const call = await openPage(mentor, `${DEMO_MEET}?look&as=mentor`);
  // Both join: the mentee's call (in the first browser) and the mentor's.
  await Promise.all([stage(call, 'in-call'), stage(menteeCall, 'in-call')]);
  // The topic the mentee agreed, carried by the pack: the story is told, or the walk fails.
  await cardOf(call).getByTestId('topic').getByText(DEMO_TOPIC).waitFor({ timeout: 15_000 });
  // The call's tab is the active one: the panel follows it.
  const tab = await mentor.worker.evaluate(() =>
    chrome.tabs.query({ active: true, lastFocusedWindow: true }).then(([t]) => t?.id),
  );
  const panel = await openPage(mentor, `sidepanel.html?tab=${tab}`, { width: 380, height: 800 });
  await panel
    .getByTestId('live-view')
    .waitFor()
    .catch(async (error) => {
      await shot(panel, 'failed-panel');
      throw error;
    });
  await call.bringToFront();
  await sideBySide(
    mentor,
    await call.screenshot({ animations: 'disabled' }),
    await panel.screenshot({ animations: 'disabled' }),
    '4-mentor-on-the-call-with-the-panel',
  );

  // 4. Wandering off to another tab past the grace time, nudged, then back: the card says so.
  const nudge = nudged(mentor.worker);
  const other = await openPage(mentor, `https://${OTHER_HOST}/`);
  await nudge;
  await call.bringToFront();
  await cardOf(call).getByTestId('away-flash').waitFor({ timeout: 10_000 });
  await shot(call, '5-back-from-wandering-off');
  await other.close();

  // 5. The call ends: the card offers the reflection, the panel turns into it.
  await Promise.all([stage(call, 'ended-user'), stage(menteeCall, 'ended-user')]);
  await cardOf(call).getByTestId('end-card').waitFor({ timeout: 10_000 });
  await shot(call, '6-the-call-ends');
  await panel.getByTestId('reflection').waitFor({ timeout: 10_000 });
  await reflect(panel, 4);
  await shot(panel, '7-the-mentor-reflects');

  // 6. The mentee was on the same call; their reflection, from the popup, completed.
  await cardOf(menteeCall).getByTestId('end-card').waitFor({ timeout: 10_000 });
  const p2 = await openPage(mentee, 'popup.html');
  const [reflection] = await Promise.all([
    mentee.context.waitForEvent('page'),
    p2.getByTestId('to-reflect').getByRole('button', { name: 'Reflect now' }).first().click(),
  ]);
  await reflection.setViewportSize(narrow);
  await reflect(reflection, 5);
  await shot(reflection, '8-the-mentee-reflects');
  await reflection.getByRole('button', { name: 'Complete reflection' }).click();
  await reflection.getByText('Reflection complete.').waitFor();

  // 7. A few months in: the Mentorships page's History and Trends, today's session included.
  const options = await openPage(mentee, `options.html#m=${DEMO_MENTORSHIP_IDS.mentee}`, {
    width: 1280,
    height: 800,
  });
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
