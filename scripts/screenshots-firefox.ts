// `npm run screenshots:firefox`: the session card on the simulated Meet call in Firefox ESR, from
// the real Firefox build, for the README beside Chrome's. Writes docs/screenshots/call-card-firefox.png.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Frame } from 'puppeteer-core';
import { makeCert } from './lib/cert.ts';
import { DEMO_MEET, DEMO_NOTES, DEMO_TOPIC } from './lib/demo-data.ts';
import { aria, fill, launchFirefox } from './lib/firefox.ts';
import { startFixtureServer } from './lib/fixture-server.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXT = path.join(ROOT, '.output/firefox-mv3');
const TMP = path.join(ROOT, '.tmp/screenshots-firefox');
const OUT = path.join(ROOT, 'docs/screenshots');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const got = await fn().catch(() => undefined);
    if (got) return got;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  fs.rmSync(TMP, { recursive: true, force: true });
  fs.mkdirSync(TMP, { recursive: true });
  const build = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) throw new Error('the Firefox build failed');
  const server = await startFixtureServer(makeCert(path.join(TMP, 'cert')));
  const profileDir = path.join(TMP, 'profile');
  const extensionDir = path.join(TMP, 'extension');
  fs.cpSync(EXT, extensionDir, { recursive: true });
  const { browser, origin } = await launchFirefox({ profileDir, extensionDir, port: server.port });
  try {
    // The mentee sets the session up in the popup (opened in a tab), as in the Chrome pictures.
    const popup = await browser.newPage();
    await popup.goto(`${origin}/popup.html`, { waitUntil: [] });
    await fill(popup, aria('textbox', "Your mentor's name"), 'Ana Moreno');
    await fill(popup, aria('textbox', 'Meeting link (if you reuse one)'), DEMO_MEET);
    await (await popup.waitForSelector(aria('button', 'Create')))?.click();
    await fill(popup, aria('textbox', 'Agreed topic'), DEMO_TOPIC);
    await fill(popup, aria('textbox', 'Your pre-session thoughts'), DEMO_NOTES);
    await waitFor('the popup to save', () =>
      popup.evaluate(() =>
        document.querySelector('[data-testid="save-status"]')?.textContent?.includes('Saved'),
      ),
    );
    await popup.close();

    const call = await browser.newPage();
    await call.setViewport({ width: 1280, height: 760 });
    await call.goto(DEMO_MEET);
    await call.evaluate(() =>
      (window as unknown as { __stage: { set(s: string): Promise<void> } }).__stage.set('in-call'),
    );
    const card: Frame = await waitFor('the session card', async () =>
      (await call.waitForSelector('#mentor-companion-card', { timeout: 10_000 }))?.contentFrame(),
    );
    await waitFor(
      'the card to show the topic',
      () =>
        card.evaluate(
          (topic) => document.querySelector('[data-testid="topic"]')?.textContent === topic,
          DEMO_TOPIC,
        ),
      10_000,
    ).catch(async (error) => {
      const shows = await card.evaluate(() => document.body.textContent).catch(() => '');
      throw new Error(`${(error as Error).message}; the card shows ${JSON.stringify(shows)}`);
    });
    const item = aria('textbox', 'New action item');
    await fill(card, item, 'Draft the interview summary for the VP');
    await (await card.waitForSelector(item))?.press('Enter');
    await (await card.waitForSelector("::-p-text(Mentee's notes)"))?.click();
    await sleep(800);
    await call.screenshot({ path: path.join(OUT, 'call-card-firefox.png') });
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(TMP, { recursive: true, force: true });
  }
  console.log(`Screenshot in ${path.relative(ROOT, OUT)}/call-card-firefox.png`);
}

main().catch((error) => {
  console.error(
    `mentor-companion screenshots (Firefox): ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
