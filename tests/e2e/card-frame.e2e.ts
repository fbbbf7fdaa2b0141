import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { type Harness, launch, startServer, until } from './harness.ts';

// The session card's frame inside the call page: what it may do there, and what the page sees.

let server: FixtureServer;
let h: Harness;

beforeAll(async () => {
  server = await startServer();
  h = await launch(server);
});
afterAll(async () => {
  await h?.close();
  await server?.close();
});

async function liveCall(): Promise<{ page: Page; frame: Frame }> {
  const page = await h.open('https://meet.google.com/abc-defg-hij');
  await page.evaluate(() =>
    (window as unknown as { __stage: { set(s: string): Promise<void> } }).__stage.set('in-call'),
  );
  await page.frameLocator('#mentor-companion-card').locator('.card-root').waitFor();
  const frame = await until(
    async () => page.frames().find((f) => f.url().endsWith('/overlay.html')),
    { what: 'the card frame' },
  );
  if (!frame) throw new Error('no card frame');
  return { page, frame };
}

describe('the card frame in Chromium', () => {
  // The canary. Chrome refuses IndexedDB to an extension page framed inside a web page, so the
  // card reads through the background (the live projection, over a port). When this test fails,
  // Chrome lets the frame open the database: the relay could go.
  it('is denied IndexedDB, so the card must read through the background', async () => {
    const { page, frame } = await liveCall();
    const result = await frame.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('mentor-companion-canary');
          open.onupgradeneeded = () => open.transaction?.abort();
          open.onsuccess = () => {
            open.result.close();
            resolve('opened');
          };
          open.onerror = () => resolve(`${open.error?.name}: ${open.error?.message}`);
        }),
    );
    expect(result).toMatch(/^UnknownError: .*denied permission/);
    await page.close();
  });
});

describe('the card frame and a hostile call page', () => {
  it('tells the page nothing through messages: not its size, nor its moves', async () => {
    const page = await h.open('https://meet.google.com/abc-defg-hij');
    // The page listens to every message before the card exists.
    await page.evaluate(() => {
      const w = window as unknown as { __heard: unknown[] };
      w.__heard = [];
      window.addEventListener('message', (e) => w.__heard.push(e.data), true);
    });
    await page.evaluate(() =>
      (window as unknown as { __stage: { set(s: string): Promise<void> } }).__stage.set('in-call'),
    );
    const card = page.frameLocator('#mentor-companion-card');
    await card.locator('.card-root').waitFor();
    const frame = page.locator('#mentor-companion-card');
    const before = await frame.boundingBox();
    // The card grows with an action item (or a session to show) and moves with the keyboard.
    await until(async () => ((await frame.boundingBox())?.height ?? 0) > 100, {
      what: 'the card to take its size',
    });
    await card.getByRole('button', { name: /Move the card/ }).press('ArrowDown');
    await until(async () => ((await frame.boundingBox())?.y ?? 0) > (before?.y ?? 0), {
      what: 'the card to move',
    });
    const heard = await page.evaluate(() => (window as unknown as { __heard: unknown[] }).__heard);
    expect(heard.filter((d) => JSON.stringify(d).includes('"mc"'))).toEqual([]);
    await page.close();
  });

  it('keeps itself visible and clickable whatever the page writes into its style', async () => {
    const { page } = await liveCall();
    const frame = page.locator('#mentor-companion-card');
    await frame.evaluate((f: HTMLElement) => {
      f.style.setProperty('opacity', '0', 'important');
      f.style.pointerEvents = 'none';
      f.style.transform = 'scale(0.01)';
      f.style.setProperty('clip-path', 'inset(50%)', 'important');
    });
    await until(
      async () =>
        frame.evaluate((f) => {
          const c = getComputedStyle(f);
          return (
            c.opacity === '1' &&
            c.pointerEvents === 'auto' &&
            c.transform === 'none' &&
            c.clipPath === 'none' &&
            c.visibility === 'visible'
          );
        }),
      { timeout: 1_000, what: 'the frame to restore its styles' },
    );
    // A stylesheet cannot beat them either.
    await page.addStyleTag({
      content: '#mentor-companion-card { opacity: 0 !important; visibility: hidden !important }',
    });
    expect(await frame.evaluate((f) => getComputedStyle(f).opacity)).toBe('1');
    expect(await frame.evaluate((f) => getComputedStyle(f).visibility)).toBe('visible');
    await page.close();
  });

  it('lets a page that watches every key, mutation, message and shadow root learn nothing typed in the card', async () => {
    const page = await h.context.newPage();
    // The hostile page's own script, there before the card: it records every key, every
    // message, every text any mutation adds, and keeps even closed shadow roots to scan them.
    await page.addInitScript(() => {
      const seen: string[] = [];
      const roots: ShadowRoot[] = [];
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init: ShadowRootInit) {
        const root = attach.call(this, init);
        roots.push(root);
        return root;
      };
      for (const type of ['keydown', 'keypress', 'keyup', 'input', 'beforeinput', 'paste']) {
        addEventListener(type, (e) => seen.push(`${type}:${(e as KeyboardEvent).key ?? ''}`), true);
      }
      addEventListener('message', (e) => seen.push(`message:${JSON.stringify(e.data)}`), true);
      new MutationObserver((records) => {
        for (const r of records) {
          for (const n of r.addedNodes) seen.push(`added:${n.textContent ?? ''}`);
          if (r.type === 'characterData') seen.push(`text:${r.target.textContent ?? ''}`);
          if (r.type === 'attributes')
            seen.push(`attr:${(r.target as Element).getAttribute(r.attributeName ?? '') ?? ''}`);
        }
      }).observe(document, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
      (window as unknown as { __hostile: () => string }).__hostile = () => {
        const frame = document.getElementById('mentor-companion-card') as HTMLIFrameElement | null;
        let inside = '';
        try {
          inside = frame?.contentDocument?.body?.textContent ?? '';
        } catch {
          inside = '';
        }
        return [
          ...seen,
          document.documentElement.outerHTML,
          ...roots.map((r) => r.innerHTML),
          inside,
        ].join('\n');
      };
    });
    await page.goto('https://meet.google.com/abc-defg-hij');
    await page.evaluate(() =>
      (window as unknown as { __stage: { set(s: string): Promise<void> } }).__stage.set('in-call'),
    );
    // The recorder works: a key pressed on the page itself is heard.
    await page.locator('body').press('z');
    const card = page.frameLocator('#mentor-companion-card');
    const input = card.getByRole('textbox', { name: /action item/i }).first();
    await input.waitFor();
    const SECRET = 'Quietly rehearse the hard conversation';
    await input.click();
    await page.keyboard.type(SECRET);
    await page.keyboard.press('Enter');
    await card.getByText(SECRET).first().waitFor();
    const learnt = await page.evaluate(() =>
      (window as unknown as { __hostile: () => string }).__hostile(),
    );
    expect(learnt).toContain('keydown:z');
    expect(learnt).not.toContain('Quietly');
    expect(learnt).not.toContain('rehearse');
    // Not one keystroke typed in the card reached the page's listeners: only the page's own z.
    expect(learnt.split('\n').filter((l) => /^key(down|up|press):/.test(l))).toEqual([
      'keydown:z',
      'keypress:z',
      'keyup:z',
    ]);
    await page.close();
  });
});
