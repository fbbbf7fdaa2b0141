// `npm run screenshots`: the README's pictures, taken from the real built extension in Chromium
// on the simulated call, in light and dark, then again with a Hebrew browser (right to left,
// Hebrew demo data). Writes docs/screenshots/*.png and docs/screenshots/he/*.png.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { makeCert } from './lib/cert.ts';
import { chromiumArgs, findChromium } from './lib/chromium.ts';
import { DEMO_MEET, setUpDemoMentorship } from './lib/demo-data.ts';
import { startFixtureServer } from './lib/fixture-server.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXT = path.join(ROOT, '.output/chrome-mv3');
const TMP = path.join(ROOT, '.tmp/screenshots');
const OUT = path.join(ROOT, 'docs/screenshots');

const stage = (page: Page, s: string) =>
  page.evaluate(
    (x) => (window as unknown as { __stage: { set(s: string): Promise<void> } }).__stage.set(x),
    s,
  );

// The Hebrew pass's demo: the same session, as an Israeli mentee would write it.
const HE_DEMO = {
  name: 'נועה כהן',
  topic: 'תעדוף רודמאפ הרבעון עם צוות קטן',
  notes:
    'מאז הפעם הקודמת עשיתי את הראיונות עם בעלי העניין שדיברנו עליהם.\n\n' +
    '- המכירות רוצים קודם את ה־SSO לארגונים; התמיכה רוצה את תיקוני ה־onboarding.\n' +
    '- איך אומרים לא לסמנכ״ל בלי לשרוף את הקשר?',
  action: 'לנסח סיכום של הראיונות לסמנכ״ל',
};

/** Sets up the demo mentorship through the popup's fields by name, whatever the language. */
async function setUpHebrewDemo(popup: Page) {
  await popup.locator('input[name=otherName]').fill(HE_DEMO.name);
  await popup.locator('input[name=meetingLink]').fill(DEMO_MEET);
  await popup.locator('button[type=submit].primary').click();
  await popup.locator('input[name=topic]').fill(HE_DEMO.topic);
  await popup.locator('textarea[name=notes]').fill(HE_DEMO.notes);
  await popup.getByTestId('save-status').getByText('נשמר').waitFor();
}

async function run(scheme: 'light' | 'dark', port: number, lang: 'en' | 'he' = 'en') {
  const he = lang === 'he';
  const out = he ? path.join(OUT, 'he') : OUT;
  fs.mkdirSync(out, { recursive: true });
  const browserLang = he ? 'he' : (process.env.MC_LANG ?? 'en-US');
  const profile = path.join(TMP, `profile-${lang}-${scheme}`);
  fs.rmSync(profile, { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: [...chromiumArgs({ port, extensionDir: EXT }), `--lang=${browserLang}`],
    locale: browserLang,
    viewport: { width: 1280, height: 760 },
    colorScheme: scheme,
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  const suffix = scheme === 'dark' ? '-dark' : '';

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 408, height: 720 });
  await popup.goto(`chrome-extension://${id}/popup.html`);
  if (scheme === 'light') await popup.screenshot({ path: path.join(out, 'popup-setup.png') });
  if (he) await setUpHebrewDemo(popup);
  else await setUpDemoMentorship(popup);
  await popup.screenshot({ path: path.join(out, `popup${suffix}.png`) });
  await popup.close();

  const call = await context.newPage();
  await call.goto(DEMO_MEET);
  await stage(call, 'in-call');
  const card = call.frameLocator('#mentor-companion-card');
  await card.getByTestId('topic').waitFor();
  const addAction = card.locator('.add-action input');
  await addAction.fill(he ? HE_DEMO.action : 'Draft the interview summary for the VP');
  await addAction.press('Enter');
  await card.locator('.notes summary').first().click();
  await call.waitForTimeout(800);
  await call.screenshot({ path: path.join(out, `call-card${suffix}.png`) });

  await stage(call, 'ended-user');
  await card.getByTestId('end-card').waitFor({ timeout: 10_000 });
  await call.waitForTimeout(500);
  if (scheme === 'light') await call.screenshot({ path: path.join(out, 'call-ended.png') });

  const panel = await context.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  const ended = await popupReflectUrl(context, id, he ? 'לרפלקציה' : 'Reflect now');
  await panel.goto(ended);
  await panel.getByTestId('reflection').waitFor();
  await panel.locator('[data-question="mentee.satisfied"] .rating-n').nth(3).click();
  await panel.locator('[data-question="mentee.valuable"] .rating-n').nth(4).click();
  await panel.waitForTimeout(300);
  await panel.screenshot({ path: path.join(out, `reflection${suffix}.png`) });

  if (scheme === 'light') {
    const options = await context.newPage();
    await options.setViewportSize({ width: 1280, height: 900 });
    await options.goto(`chrome-extension://${id}/options.html`);
    await options.waitForTimeout(800);
    await options.screenshot({ path: path.join(out, 'mentorships.png') });
  }
  await context.close();
}

/** The reflection page of the session that just ended, as the popup's "Reflect now" opens it. */
async function popupReflectUrl(
  context: Awaited<ReturnType<typeof chromium.launchPersistentContext>>,
  id: string,
  reflectNow: string,
) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/popup.html`);
  const list = page.getByTestId('to-reflect');
  await list.waitFor();
  const [opened] = await Promise.all([
    context.waitForEvent('page'),
    list.getByRole('button', { name: reflectNow }).first().click(),
  ]);
  await opened.waitForLoadState();
  const url = opened.url();
  await opened.close();
  await page.close();
  return url;
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  fs.mkdirSync(TMP, { recursive: true });
  const build = spawnSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) throw new Error('the build failed');
  const server = await startFixtureServer(makeCert(path.join(TMP, 'cert')));
  try {
    await run('light', server.port);
    await run('dark', server.port);
    await run('light', server.port, 'he');
    await run('dark', server.port, 'he');
  } finally {
    await server.close();
    fs.rmSync(TMP, { recursive: true, force: true });
  }
  console.log(`Screenshots in ${path.relative(ROOT, OUT)}/`);
}

main().catch((error) => {
  console.error(
    `mentor-companion screenshots: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
