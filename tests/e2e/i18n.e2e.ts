import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { type Harness, launch, startServer, until } from './harness.ts';

// Chromium with a Hebrew UI (`--lang=he`): every surface renders right to left, shows no English
// (Latin-script words other than product names and what the user typed), and no text is clipped
// or overlaps other text.

let server: FixtureServer;
let h: Harness;
const MEET = 'https://meet.google.com/abc-defg-hij';
// User data, in both scripts: a Latin name and topic in a Hebrew UI must read right as well.
const NAME = 'Dana Levi';
const TOPIC = 'Q3 roadmap: לומר לא בנימוס';
const NOTES = 'מה קרה מאז הפגישה הקודמת, ושאלה על OKRs.';
const USER_WORDS = ['Dana', 'Levi', 'Q3', 'roadmap', 'OKRs'];
// Product and platform names, and each language's own name in the language list.
const PRODUCT_WORDS = [
  'Mentor',
  'Companion',
  'Google',
  'Meet',
  'Zoom',
  'Teams',
  'English',
  'Deutsch',
  // A calendar file's ending, quoted as it is written (".ics").
  'ics',
];

interface Report {
  lang: string;
  dir: string;
  english: string[];
  clipped: string[];
  overlapping: string[];
  texts: number;
}

/** Runs in the page: direction, Latin words, clipped and overlapping text. */
function inspect(allowed: string[]): Report {
  const allow = new Set(allowed);
  const visible = (el: Element | null): boolean => {
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden') return false;
    }
    return !!el && el.getClientRects().length > 0;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n as Text;
    const parent = text.parentElement;
    if (!text.data.trim() || !parent || ['SCRIPT', 'STYLE'].includes(parent.tagName)) continue;
    // Closed <details> keep their text in the tree; only what shows counts.
    if (parent.closest('details:not([open]) > :not(summary)')) continue;
    if (parent.closest('.visually-hidden')) continue;
    if (parent.closest('select') && !parent.matches('option:checked')) continue;
    if (!visible(parent)) continue;
    nodes.push(text);
  }
  // Key names and addresses (<kbd>, <code>) are the browser's own tokens, the same in every
  // language; they are still checked for clipping below.
  const english = nodes.flatMap((n) =>
    n.parentElement?.closest('kbd, code')
      ? []
      : [...n.data.matchAll(/[A-Za-z][A-Za-z']+/g)]
          .map((m) => m[0])
          .filter((w) => !allow.has(w))
          .map((w) => `${w} in “${n.data.trim().slice(0, 60)}”`),
  );
  const clipped: string[] = [];
  const seen = new Set<Element>();
  for (const n of nodes) {
    const el = n.parentElement as Element;
    if (seen.has(el)) continue;
    seen.add(el);
    // Text cut off by its own box: wider or taller content than the box shows.
    const s = getComputedStyle(el);
    const clips = s.overflowX !== 'visible' || s.overflowY !== 'visible';
    if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) {
      if (s.overflowY === 'auto' || s.overflowY === 'scroll') continue; // scrolls, not cut
      clipped.push(`${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 60)}”`);
    }
  }
  const boxes = nodes.flatMap((n, i) => {
    const range = document.createRange();
    range.selectNodeContents(n);
    return [...range.getClientRects()]
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ i, r, text: n.data.trim().slice(0, 40) }));
  });
  const overlapping: string[] = [];
  for (let a = 0; a < boxes.length; a++) {
    for (let b = a + 1; b < boxes.length; b++) {
      const x = boxes[a];
      const y = boxes[b];
      if (!x || !y || x.i === y.i) continue;
      const w = Math.min(x.r.right, y.r.right) - Math.max(x.r.left, y.r.left);
      const hgt = Math.min(x.r.bottom, y.r.bottom) - Math.max(x.r.top, y.r.top);
      if (w > 2 && hgt > 2) overlapping.push(`“${x.text}” over “${y.text}”`);
    }
  }
  return {
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    english,
    clipped,
    overlapping,
    texts: nodes.length,
  };
}

async function check(where: Page | Frame, what: string) {
  const report = await where.evaluate(inspect, [...USER_WORDS, ...PRODUCT_WORDS]);
  expect({ what, ...report, texts: report.texts > 3 }).toEqual({
    what,
    lang: 'he',
    dir: 'rtl',
    english: [],
    clipped: [],
    overlapping: [],
    texts: true,
  });
}

async function stage(page: Page, state: string) {
  await page.evaluate(
    (s) => (window as unknown as { __stage: { set(s: string): Promise<void> } }).__stage.set(s),
    state,
  );
}

async function cardFrame(page: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await until(
    async () => {
      frame = page.frames().find((f) => f.url().includes('/overlay.html'));
      return frame !== undefined;
    },
    { what: 'the card frame' },
  );
  return frame as Frame;
}

beforeAll(async () => {
  server = await startServer();
  h = await launch(server, { lang: 'he' });
});
afterAll(async () => {
  await h?.close();
  await server?.close();
});

describe('a Hebrew browser', () => {
  let call: Page;
  let sessionId = '';

  it('the popup, before and after setting up a mentorship', async () => {
    const popup = await h.extensionPage('popup.html');
    await popup.locator('input[name=otherName]').waitFor();
    await check(popup, 'popup: set-up');
    await popup.locator('input[name=otherName]').fill(NAME);
    await popup.locator('input[name=meetingLink]').fill(MEET);
    await popup.locator('button[type=submit].primary').click();
    await popup.locator('input[name=topic]').fill(TOPIC);
    await popup.locator('textarea[name=notes]').fill(NOTES);
    await until(
      async () => (await popup.getByTestId('save-status').textContent())?.includes('נשמר'),
      { what: 'save' },
    );
    await check(popup, 'popup');
    // Inputs take their direction from what is typed: the Latin name reads left to right.
    expect(await popup.locator('input[name=topic]').getAttribute('dir')).toBe('auto');
    await popup.close();
  });

  it('the card on a live call, and the side panel beside it', async () => {
    call = await h.open(MEET);
    await stage(call, 'in-call');
    const tab = await h.tabId(call);
    await until(async () => (await h.calls())[String(tab)]?.state === 'in-call', {
      what: 'the call to go live',
    });
    const card = await cardFrame(call);
    await card.getByTestId('topic').waitFor();
    await check(card, 'card');
    const panel = await h.extensionPage(`sidepanel.html?tab=${tab}`);
    await panel.getByTestId('live-view').waitFor();
    await check(panel, 'side panel: live');
    // The name sits in its own isolate inside the extension's label.
    expect(await panel.locator('h1 bdi').textContent()).toBe(NAME);
    await panel.close();
  });

  it('the end card and the reflection', async () => {
    await stage(call, 'ended-user');
    const card = await cardFrame(call);
    await card.getByTestId('end-card').waitFor({ timeout: 10_000 });
    await check(card, 'end card');
    await until(
      async () => {
        const sessions = await h.records<{ id: string; status: string }>('sessions');
        sessionId = sessions.find((s) => s.status === 'ended')?.id ?? '';
        return sessionId !== '';
      },
      { what: 'the session to end' },
    );
    const panel = await h.extensionPage(`sidepanel.html?view=reflect&session=${sessionId}`);
    await panel.getByTestId('reflection').waitFor();
    await check(panel, 'side panel: reflection');
    await panel.close();
  });

  it('the Mentorships page: the mentorship, backups and settings', async () => {
    const page = await h.extensionPage('options.html');
    await page.locator('#main h1').waitFor();
    await page.waitForTimeout(300);
    await check(page, 'Mentorships page');
    for (const section of ['backups', 'settings']) {
      await page.goto(`${page.url().replace(/#.*$/, '')}#${section}`);
      await page.locator('#main h1').waitFor();
      await page.waitForTimeout(200);
      await check(page, `Mentorships page: ${section}`);
    }
    await page.close();
  });

  it('the language chosen in Settings overrides the browser’s, on every page at once', async () => {
    const settings = await h.extensionPage('options.html#settings');
    const popup = await h.extensionPage('popup.html');
    await popup.locator('input[name=topic]').waitFor();
    await settings.locator('select[name=language]').selectOption('en');
    await until(async () => (await popup.evaluate(() => document.documentElement.dir)) === 'ltr', {
      what: 'the popup to turn to English',
    });
    expect(await popup.locator('html').getAttribute('lang')).toBe('en');
    expect(await popup.locator('label', { hasText: 'Agreed topic' }).count()).toBe(1);
    await settings.locator('select[name=language]').selectOption('auto');
    await until(async () => (await popup.evaluate(() => document.documentElement.dir)) === 'rtl', {
      what: 'the popup to turn back to Hebrew',
    });
    await settings.close();
    await popup.close();
  });

  it('places the card at the left on a call page laid out right to left, and at the right otherwise', async () => {
    for (const [hl, side] of [
      ['he', 'left'],
      ['en', 'right'],
    ] as const) {
      const page = await h.open(`https://meet.google.com/rtl-card-${hl}a?state=in-call&hl=${hl}`);
      const frame = page.locator('#mentor-companion-card');
      await frame.waitFor();
      // Wait for the card to report its size, then read where its frame sits.
      await cardFrame(page);
      const box = await until(async () => (await frame.boundingBox()) ?? undefined, {
        what: 'the card frame to be placed',
      });
      if (!box) throw new Error('the card frame has no box');
      const width = page.viewportSize()?.width ?? 0;
      if (side === 'left') expect(box.x).toBeLessThan(40);
      else expect(width - (box.x + box.width)).toBeLessThan(40);
      await page.close();
    }
  });
});
