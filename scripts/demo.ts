// `npm start` / `./run demo`: the product on a simulated Google Meet call, no real meeting needed.
// Builds the extension, serves fixture call pages over local HTTPS on the real hostnames, and
// opens Chromium with the extension loaded and a demo mentorship set up. A panel at the bottom of
// the call page steps it through lobby, waiting room, the call, and hanging up.
//
// Without a display it says so, walks the same steps headless, and saves a screenshot of each.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { makeCert } from './lib/cert.ts';
import { chromiumArgs, findChromium } from './lib/chromium.ts';
import { DEMO_MEET, setUpDemoMentorship } from './lib/demo-data.ts';
import { startFixtureServer } from './lib/fixture-server.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3');
const TMP = path.join(ROOT, '.tmp/demo');
const SHOTS = path.join(ROOT, '.tmp/demo-screenshots');

function fail(message: string): never {
  console.error(`mentor-companion demo: ${message}`);
  process.exit(1);
}

async function seed(context: BrowserContext, extensionId: string) {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await setUpDemoMentorship(popup);
  await popup.close();
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
  const cleanup = async () => {
    await context.close().catch(() => {});
    await server.close();
    fs.rmSync(path.join(TMP, 'profile'), { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => cleanup().then(() => process.exit(0)));
  }

  await seed(context, extensionId);
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
        'The toolbar button opens the popup. Close the browser window to end the demo.',
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
  fs.mkdirSync(SHOTS, { recursive: true });
  const shot = async (page: Page, name: string) => {
    const file = path.join(SHOTS, `${name}.png`);
    await page.screenshot({ path: file });
    console.log(`  ${name}: ${path.relative(ROOT, file)}`);
  };
  await shot(call, '1-lobby');
  await call.evaluate(() =>
    (window as unknown as { __stage: { set(s: string): Promise<void> } }).__stage.set('in-call'),
  );
  await call.locator('#mentor-companion-card').waitFor({ timeout: 10_000 });
  await call.waitForTimeout(1_500);
  await shot(call, '2-in-call');
  await call.evaluate(() =>
    (window as unknown as { __stage: { set(s: string): Promise<void> } }).__stage.set('ended-user'),
  );
  await call.waitForTimeout(4_000);
  await shot(call, '3-ended');
  await cleanup();
  console.log('Demo finished.');
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
