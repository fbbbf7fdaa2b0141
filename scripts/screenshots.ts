// `npm run screenshots`: the README's pictures, taken from the real built extension in Chromium
// on the simulated call, in light and dark, then again with a Hebrew browser (right to left,
// Hebrew demo data). Writes docs/screenshots/*.png and docs/screenshots/he/*.png, and the
// stores' images (1280 × 800 screenshots of each surface, the 440 × 280 promo tile) to
// docs/store/. It fails when a surface it photographs shows "Loading…" or an error: a picture of
// a broken page is never written.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Frame, type Page } from 'playwright-core';
import { makeCert } from './lib/cert.ts';
import { chromiumArgs, findChromium } from './lib/chromium.ts';
import { DEMO_MEET, setUpDemoMentorship } from './lib/demo-data.ts';
import { startFixtureServer } from './lib/fixture-server.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXT = path.join(ROOT, '.output/chrome-mv3');
const TMP = path.join(ROOT, '.tmp/screenshots');
const OUT = path.join(ROOT, 'docs/screenshots');
const STORE = path.join(ROOT, 'docs/store');
const STORE_SIZE = { width: 1280, height: 800 };

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
  await assertReady(popup, 'the popup (onboarding)');
  if (scheme === 'light') await popup.screenshot({ path: path.join(out, 'popup-setup.png') });
  if (he) await setUpHebrewDemo(popup);
  else await setUpDemoMentorship(popup);
  await assertReady(popup, 'the popup');
  const popupShot = await popup.screenshot({ path: path.join(out, `popup${suffix}.png`) });
  await popup.close();

  const call = await context.newPage();
  await call.goto(`${DEMO_MEET}?look`);
  await stage(call, 'in-call');
  const card = call.frameLocator('#mentor-companion-card');
  await card.getByTestId('topic').waitFor();
  const addAction = card.locator('.add-action input');
  await addAction.fill(he ? HE_DEMO.action : 'Draft the interview summary for the VP');
  await addAction.press('Enter');
  await card.locator('.notes summary').first().click();
  await call.waitForTimeout(800);
  await assertReady(cardFrame(call), 'the card');
  await call.screenshot({ path: path.join(out, `call-card${suffix}.png`) });
  if (scheme === 'light' && !he) await storeCallShot(call);

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
  await assertReady(panel, 'the reflection');
  const panelShot = await panel.screenshot({ path: path.join(out, `reflection${suffix}.png`) });
  if (scheme === 'light' && !he) {
    await storeFramed(context, popupShot, 'screenshot-1-popup.png', STORE_TEXT.popup);
    await storeFramed(context, panelShot, 'screenshot-3-reflection.png', STORE_TEXT.reflection);
  }

  if (scheme === 'light') {
    const options = await context.newPage();
    await options.setViewportSize({ width: 1280, height: 900 });
    await options.goto(`chrome-extension://${id}/options.html`);
    await options.waitForTimeout(800);
    await assertReady(options, 'the Mentorships page');
    await options.screenshot({ path: path.join(out, 'mentorships.png') });
    if (!he) {
      await tenthSurfaces(options, out);
      await storePageShots(context, id);
      await promoTile(context);
    }
  }
  if (!he) await reviewSurfaces(context, id, out, scheme);
  await context.close();
}

/** Throws when the page still says "Loading…": a screenshot of that would show nothing. */
async function loaded(page: Page, what: string) {
  const main = page.locator('main');
  const text = (await main.count()) ? await main.innerText() : await page.innerText('body');
  if (/Loading…|טוען…/.test(text)) throw new Error(`${what} still shows “Loading…”`);
}

/**
 * Issue 13's surfaces, on the demo mentorship with two earlier sessions added in the
 * repositories' record shape: a session's page and search results with the words marked.
 */
async function tenthSurfaces(options: Page, out: string) {
  const ids = await options.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('mentor-companion');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const get = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result as T[]);
        r.onerror = () => reject(r.error);
      });
    const [m] = await get<{ id: string; myRole: string }>('mentorships');
    if (!m) throw new Error('no demo mentorship');
    const day = 86_400_000;
    const now = Date.now();
    const at = (d: number) => now - d * day;
    const held = (id: string, d: number, topic: string, by: string, items: object[]) => ({
      id,
      mentorshipId: m.id,
      kind: 'regular',
      status: 'reflected',
      startedAt: at(d),
      endedAt: at(d) + 47 * 60_000,
      topic: { text: topic, by, at: at(d + 1), history: [] },
      actionItems: items,
      focus: { awayMs: 90_000, count: 2, longestMs: 60_000, presentShare: 0.96 },
    });
    const sessions = [
      held('demo-s1', 42, 'Running stakeholder interviews', 'mentee', [
        {
          id: 'i1',
          text: 'Book five interviews with sales and support',
          createdAt: at(42),
          doneAt: at(35),
        },
        { id: 'i2', text: 'Write the interview script', createdAt: at(42), doneAt: at(38) },
      ]),
      held('demo-s2', 28, 'Saying no to a VP', 'mentor', [
        {
          id: 'i3',
          text: 'Draft the one-page roadmap trade-off',
          createdAt: at(28),
          doneAt: at(20),
        },
        { id: 'i4', text: 'Ask the VP for 20 minutes on priorities', createdAt: at(28) },
      ]),
    ];
    const notes = [
      {
        id: 'demo-s1:pre:mentee',
        sessionId: 'demo-s1',
        mentorshipId: m.id,
        kind: 'pre-session',
        author: 'mentee',
        text: 'I am not sure how to start a stakeholder interview without leading the answers.',
        updatedAt: at(43),
      },
      {
        id: 'demo-s2:pre:mentee',
        sessionId: 'demo-s2',
        mentorshipId: m.id,
        kind: 'pre-session',
        author: 'mentee',
        text: 'The VP wants the SSO work first; the interviews point at onboarding.',
        updatedAt: at(29),
      },
      {
        id: 'demo-s2:pre:mentor',
        sessionId: 'demo-s2',
        mentorshipId: m.id,
        kind: 'pre-session',
        author: 'mentor',
        text: 'Bring the interview numbers; we will practise the conversation.',
        updatedAt: at(29),
      },
    ];
    const reflections = [
      {
        id: `demo-s2:${m.myRole}`,
        sessionId: 'demo-s2',
        role: m.myRole,
        catalogueVersion: 2,
        answers: {
          'mentee.satisfied': { score: 5, note: 'The role play made it concrete.' },
          'mentee.valuable': { score: 4 },
          'mentee.goal-progress': { score: 4 },
        },
        complete: true,
        updatedAt: at(24),
        reopenedAt: at(25),
        history: [{ answers: { 'mentee.satisfied': { score: 3 } }, completedAt: at(27) }],
      },
    ];
    const tx = db.transaction(['sessions', 'notes', 'reflections'], 'readwrite');
    for (const x of sessions) tx.objectStore('sessions').put(x);
    for (const x of notes) tx.objectStore('notes').put(x);
    for (const x of reflections) tx.objectStore('reflections').put(x);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return { mentorship: m.id };
  });
  await options.goto(`${options.url().split('#')[0]}#s=demo-s2`);
  await options.reload();
  await options.getByTestId('session-page').waitFor();
  await options.waitForTimeout(400);
  await loaded(options, 'the session page');
  await options.screenshot({ path: path.join(out, 'session-page.png'), fullPage: true });

  await options.goto(`${options.url().split('#')[0]}#m=${encodeURIComponent(ids.mentorship)}`);
  await options.getByRole('heading', { level: 1 }).waitFor();
  await options.keyboard.press('/');
  await options.keyboard.type('interview');
  await options.locator('#search-results mark').first().waitFor();
  await options.waitForTimeout(300);
  await loaded(options, 'the search results');
  await options.screenshot({ path: path.join(out, 'search.png') });
  await options.keyboard.press('Escape');
  await options.locator('#search-results').waitFor({ state: 'detached' });
  await loaded(options, 'the Mentorships page');
  await options.screenshot({ path: path.join(out, 'mentorships-full.png'), fullPage: true });
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

const cardFrame = (page: Page): Frame => {
  const frame = page.frames().find((f) => f.url().includes('/overlay.html'));
  if (!frame) throw new Error('the card is not on the call page');
  return frame;
};

/**
 * Throws when a surface shows "Loading…" or an error (or is blank), so no picture of a broken
 * page is written. Waits a little first: a page that loads shows its content within seconds.
 */
export async function assertReady(target: Page | Frame, what: string): Promise<void> {
  const look = () =>
    target.evaluate(() => {
      // innerText: the text on screen, not what hides in closed details or hidden nodes.
      // biome-ignore lint/performance/useDomNodeTextContent: the visible text is the point.
      const text = document.body?.innerText ?? '';
      const visible = (el: Element) => (el as HTMLElement).offsetParent !== null;
      const errors = [...document.querySelectorAll('[role="alert"], .error')]
        .filter(visible)
        // biome-ignore lint/performance/useDomNodeTextContent: the visible text is the point.
        .map((el) => (el as HTMLElement).innerText.trim())
        .filter(Boolean);
      return { loading: /Loading…|Loading\.\.\./.test(text), errors, blank: !text.trim() };
    });
  let state = await look();
  for (let i = 0; i < 20 && (state.loading || state.blank); i++) {
    await new Promise((r) => setTimeout(r, 250));
    state = await look();
  }
  if (state.loading) throw new Error(`${what} still shows "Loading…"`);
  if (state.blank) throw new Error(`${what} is blank`);
  if (state.errors.length) throw new Error(`${what} shows an error: ${state.errors.join(' / ')}`);
}

const STORE_TEXT = {
  popup: {
    title: 'Prepare in the popup',
    text: 'Agree the topic, write your pre-session thoughts, and send them as an ordinary email.',
  },
  reflection: {
    title: 'Reflect in a minute',
    text: "When the call ends, the side panel asks your role's questions. Your answers stay on your device.",
  },
};

/** A store screenshot of the call page with the card, at the store's size. */
async function storeCallShot(call: Page) {
  fs.mkdirSync(STORE, { recursive: true });
  const before = call.viewportSize();
  await call.setViewportSize(STORE_SIZE);
  await call.waitForTimeout(600);
  await assertReady(cardFrame(call), 'the card');
  await call.screenshot({ path: path.join(STORE, 'screenshot-2-card.png') });
  if (before) await call.setViewportSize(before);
}

/** A narrow surface (popup, panel) on a 1280 × 800 canvas, with a line saying what it shows. */
async function storeFramed(
  context: BrowserContext,
  shot: Buffer,
  name: string,
  words: { title: string; text: string },
) {
  fs.mkdirSync(STORE, { recursive: true });
  const page = await context.newPage();
  await page.setViewportSize(STORE_SIZE);
  const src = `data:image/png;base64,${shot.toString('base64')}`;
  await page.setContent(`<!doctype html><html><body style="margin:0;height:800px;display:flex;align-items:center;justify-content:center;gap:72px;background:linear-gradient(135deg,#e8f0fe,#f3f5f8);font-family:system-ui,'Liberation Sans',sans-serif;color:#1f2328">
    <div style="max-width:420px"><h1 style="font-size:44px;line-height:1.15;margin:0 0 18px">${words.title}</h1>
    <p style="font-size:22px;line-height:1.45;margin:0;color:#3c4650">${words.text}</p></div>
    <img src="${src}" style="max-height:740px;border-radius:14px;box-shadow:0 12px 40px rgba(20,40,80,.25)">
  </body></html>`);
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await page.screenshot({ path: path.join(STORE, name) });
  await page.close();
}

/** The Mentorships and welcome pages, at the store's size. */
async function storePageShots(context: BrowserContext, id: string) {
  fs.mkdirSync(STORE, { recursive: true });
  for (const [file, name] of [
    ['options.html', 'screenshot-4-mentorships.png'],
    ['welcome.html', 'screenshot-5-welcome.png'],
  ] as const) {
    const page = await context.newPage();
    await page.setViewportSize(STORE_SIZE);
    await page.goto(`chrome-extension://${id}/${file}`);
    await page.waitForTimeout(800);
    await assertReady(page, file);
    await page.screenshot({ path: path.join(STORE, name) });
    await page.close();
  }
}

/** Chrome's small promo tile, 440 × 280: the icon, the name, what it is for. */
async function promoTile(context: BrowserContext) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 440, height: 280 });
  const icon = fs.readFileSync(path.join(ROOT, 'public/icon/96.png')).toString('base64');
  await page.setContent(`<!doctype html><html><body style="margin:0;width:440px;height:280px;box-sizing:border-box;padding:34px 36px;display:flex;flex-direction:column;justify-content:center;gap:14px;background:linear-gradient(135deg,#1967d2,#0b4aa2);color:#fff;font-family:system-ui,'Liberation Sans',sans-serif">
    <div style="display:flex;align-items:center;gap:16px"><img src="data:image/png;base64,${icon}" width="72" height="72" style="border-radius:18px;box-shadow:0 4px 14px rgba(0,0,0,.25)">
    <div style="font-size:32px;font-weight:700;line-height:1.1">Mentor<br>Companion</div></div>
    <div style="font-size:18px;line-height:1.35;opacity:.95">Topic, notes, a focus timer and a reflection on your 1:1 mentoring calls.</div>
  </body></html>`);
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await page.screenshot({ path: path.join(STORE, 'promo-small.png') });
  await page.close();
  fs.copyFileSync(path.join(ROOT, 'public/icon/128.png'), path.join(STORE, 'icon-128.png'));
}

/**
 * Issue 14's period review, on the demo mentorship with goals and four earlier sessions (each
 * with a reflection, the last with its closing answers) added in the repositories' record
 * shape: the page itself, and in light also its print as PDF pages (`review-print-<n>.png`).
 */
async function reviewSurfaces(
  context: BrowserContext,
  id: string,
  out: string,
  scheme: 'light' | 'dark',
) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`chrome-extension://${id}/options.html`);
  await assertReady(page, 'the Mentorships page');
  const mentorship = await page.evaluate(seedReview);
  await page.goto(`chrome-extension://${id}/options.html#review=${encodeURIComponent(mentorship)}`);
  await page.reload();
  await page.getByTestId('review').waitFor();
  await page.waitForTimeout(400);
  await assertReady(page, 'the period review');
  const suffix = scheme === 'dark' ? '-dark' : '';
  await page.screenshot({ path: path.join(out, `review${suffix}.png`), fullPage: true });
  if (scheme === 'light') await printPages(page, out);
  await page.close();
}

/** In the page: the review's records, beside what the other steps wrote. Returns the mentorship. */
async function seedReview(): Promise<string> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('mentor-companion');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const all = <T>(store: string) =>
    new Promise<T[]>((resolve, reject) => {
      const r = db.transaction(store).objectStore(store).getAll();
      r.onsuccess = () => resolve(r.result as T[]);
      r.onerror = () => reject(r.error);
    });
  type Held = { id: string; mentorshipId: string | null; startedAt?: number };
  const [m] = await all<{ id: string; myRole: 'mentee' | 'mentor'; goals: object[] }>(
    'mentorships',
  );
  if (!m) throw new Error('no demo mentorship');
  const day = 86_400_000;
  const now = Date.now();
  const at = (d: number) => now - d * day;
  const topics = [
    'What I want from this mentorship',
    'Reading the product metrics that matter',
    'Writing a one-page strategy',
    'Running a roadmap review',
  ];
  const items = [
    ['Pick two goals for the quarter', 'List the decisions I took alone this month'],
    ['Set up the weekly metrics review'],
    ['Write the strategy page for the onboarding work', 'Get feedback from two leads'],
    ['Book the roadmap review with the VP'],
  ];
  const days = [98, 84, 70, 56];
  const sessions = days.map((d, i) => ({
    id: `review-s${i + 1}`,
    mentorshipId: m.id,
    kind: i === 0 ? 'first' : 'regular',
    status: 'reflected',
    scheduledAt: at(d),
    startedAt: at(d),
    endedAt: at(d) + 46 * 60_000,
    topic: { text: topics[i], by: i % 2 ? 'mentor' : 'mentee', at: at(d + 2), history: [] },
    actionItems: (items[i] ?? []).map((text, j) => ({
      id: `review-s${i + 1}-a${j}`,
      text,
      createdAt: at(d),
      ...(i < 3 || j > 0 ? { doneAt: at(d - 5) } : {}),
    })),
  }));
  const scores = [
    [3, 3, 2],
    [4, 3, 3],
    [4, 4, 3],
    [5, 4, 4],
  ];
  const reflections = sessions.map((s, i) => ({
    id: `${s.id}:${m.myRole}`,
    sessionId: s.id,
    role: m.myRole,
    catalogueVersion: 2,
    answers: {
      'mentee.satisfied': { score: scores[i]?.[0] },
      'mentee.valuable': { score: scores[i]?.[1] },
      'mentee.goal-progress': { score: scores[i]?.[2] },
    },
    complete: true,
    updatedAt: s.endedAt + day,
  }));
  const goals = [
    { id: 'review-g1', text: 'Lead a roadmap review on my own', createdAt: at(98), doneAt: at(20) },
    { id: 'review-g2', text: 'Say no to a VP with the data behind it', createdAt: at(98) },
    {
      id: 'review-g3',
      text: 'Read the product metrics every week',
      createdAt: at(84),
      doneAt: at(60),
    },
  ];
  const tx = db.transaction(['mentorships', 'sessions', 'reflections'], 'readwrite');
  const store = tx.objectStore('reflections');
  for (const s of sessions) tx.objectStore('sessions').put(s);
  for (const r of reflections) store.put(r);
  tx.objectStore('mentorships').put({ ...m, goals });
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  // The last session held (the demo's call, when it ran) gets the closing answers.
  const last = (await all<Held>('sessions'))
    .filter((s) => s.mentorshipId === m.id && s.startedAt !== undefined)
    .sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0))[0];
  if (!last) throw new Error('no session held');
  const reflectionId = `${last.id}:${m.myRole}`;
  const [mine] = (await all<{ id: string; answers: object }>('reflections')).filter(
    (r) => r.id === reflectionId,
  );
  const closing = db.transaction('reflections', 'readwrite');
  closing.objectStore('reflections').put({
    id: reflectionId,
    sessionId: last.id,
    role: m.myRole,
    catalogueVersion: 2,
    complete: true,
    updatedAt: now,
    ...mine,
    answers: {
      ...mine?.answers,
      'last.takeaways': {
        note: 'Start from the decision the room has to take, and bring the numbers behind it.',
      },
      'last.retrospective': {
        note: 'The role plays helped most; the metrics sessions could have been shorter.',
      },
      'last.whats-next': { note: 'Run the next two roadmap reviews alone, then check in once.' },
    },
  });
  await new Promise<void>((resolve, reject) => {
    closing.oncomplete = () => resolve();
    closing.onerror = () => reject(closing.error);
  });
  db.close();
  return m.id;
}

/**
 * The review as the browser prints it (its print stylesheet, A4), saved as PDF and turned into
 * one PNG per page with poppler's `pdftoppm`; the pages of an earlier run are removed first.
 */
async function printPages(page: Page, out: string) {
  const pdf = path.join(TMP, 'review.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  for (const f of fs.readdirSync(out)) {
    if (/^review-print-\d+\.png$/.test(f)) fs.rmSync(path.join(out, f));
  }
  const made = spawnSync('pdftoppm', ['-png', '-r', '80', pdf, path.join(out, 'review-print')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (made.status !== 0) throw new Error('pdftoppm could not turn the review PDF into pictures');
  // pdftoppm pads the page number to the width of the last one (`-01` of ten pages): drop it.
  for (const f of fs.readdirSync(out)) {
    const n = /^review-print-0*(\d+)\.png$/.exec(f)?.[1];
    if (n && f !== `review-print-${n}.png`) {
      fs.renameSync(path.join(out, f), path.join(out, `review-print-${n}.png`));
    }
  }
}

/**
 * poppler's `pdftoppm` (Debian's poppler-utils), for the review's PDF pages: installed with
 * apt-get when missing and running as root, else the run stops with what to install.
 */
function ensurePdftoppm() {
  const has = () => spawnSync('pdftoppm', ['-v'], { stdio: 'ignore' }).error === undefined;
  if (has()) return;
  if (process.getuid?.() === 0) {
    const apt = (args: string[]) =>
      spawnSync('apt-get', args, {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      }).status === 0;
    if (!apt(['install', '-y', '--no-install-recommends', 'poppler-utils'])) {
      apt(['update']);
      apt(['install', '-y', '--no-install-recommends', 'poppler-utils']);
    }
    if (has()) return;
  }
  throw new Error(
    'pdftoppm is missing: install poppler-utils (sudo apt-get install poppler-utils) and run this again.',
  );
}

async function main() {
  ensurePdftoppm();
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
