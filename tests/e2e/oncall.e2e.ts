import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FocusState, focusFigures } from '../../lib/focus.ts';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { type Harness, launch, startServer, until } from './harness.ts';

// On the call: the session card with what this session is for, and the focus timer that notices
// (privately) when the user wanders off.

let server: FixtureServer;
let h: Harness;

const TOPIC = 'Saying no to a VP without burning the relationship';
const NOTES = [
  'Context since last time:',
  '<b>not bold</b> <script>window.__leak = 1</script>',
  'Link kept as text: https://docs.example.org/interviews',
  'RTL: שלום עולם · emoji: 🚀🙂',
].join('\n');

async function setUpMentorship(name: string, link: string, topic: string, notes: string) {
  const popup = await h.extensionPage('popup.html');
  await popup.getByLabel("Your mentor's name").fill(name);
  await popup.getByLabel(/Meeting link/).fill(link);
  await popup.getByRole('button', { name: 'Create' }).click();
  await popup.getByLabel('Agreed topic').fill(topic);
  await popup.getByLabel('Your pre-session thoughts').fill(notes);
  await until(
    async () => (await popup.getByTestId('save-status').textContent())?.includes('Saved'),
    {
      what: 'the popup to save',
    },
  );
  await popup.close();
}

async function stage(page: Page, state: string) {
  await page.evaluate(
    (s) => (window as unknown as { __stage: { set(s: string): Promise<void> } }).__stage.set(s),
    state,
  );
}

async function liveSessionId(page: Page): Promise<string> {
  const tab = String(await h.tabId(page));
  return until<string | undefined>(
    () =>
      h.inExtension(async (key) => {
        const { live } = await chrome.storage.session.get('live');
        return (live as Record<string, { sessionId: string }> | undefined)?.[key]?.sessionId;
      }, tab),
    { what: 'the live session' },
  ) as Promise<string>;
}

async function figures(sessionId: string) {
  const state = await h.inExtension(
    async (key) => (await chrome.storage.session.get(key))[key],
    `focus:${sessionId}`,
  );
  return focusFigures(state as FocusState, Date.now());
}

function card(page: Page): FrameLocator {
  return page.frameLocator('#mentor-companion-card');
}

async function goLive(url: string): Promise<{ page: Page; sessionId: string; liveAt: number }> {
  const page = await h.open(url);
  await stage(page, 'in-call');
  const tab = String(await h.tabId(page));
  await until(async () => (await h.calls())[tab]?.state === 'in-call', {
    what: 'the call to go live',
  });
  const liveAt = Date.now();
  return { page, sessionId: await liveSessionId(page), liveAt };
}

beforeAll(async () => {
  server = await startServer();
  h = await launch(server);
  await setUpMentorship('Ana', 'https://meet.google.com/abc-defg-hij', TOPIC, NOTES);
  await h.inExtension(
    () => chrome.storage.local.set({ settings: { graceSeconds: 2, nudges: true } }),
    null,
  );
});
afterAll(async () => {
  await h?.close();
  await server?.close();
});

describe('the session card', () => {
  let call: Awaited<ReturnType<typeof goLive>>;
  beforeAll(async () => {
    call = await goLive('https://meet.google.com/abc-defg-hij');
  });
  afterAll(async () => {
    await call.page.close();
  });

  it('appears within a second of the call going live, with the stored topic and notes', async () => {
    await until(
      async () =>
        (await card(call.page)
          .getByTestId('topic')
          .textContent({ timeout: 1_000 })
          .catch(() => '')) === TOPIC,
      {
        timeout: 1_000,
        interval: 50,
        what: 'the card with the topic',
      },
    );
    expect(Date.now() - call.liveAt).toBeLessThan(1_500);
    await card(call.page).getByText("Mentee's notes").click();
    // Plain text: line breaks kept, markup shown as text, nothing run.
    expect(await card(call.page).getByTestId('mentee-notes').textContent()).toBe(NOTES);
    expect(
      await card(call.page)
        .locator('[data-testid="mentee-notes"] b, [data-testid="mentee-notes"] script')
        .count(),
    ).toBe(0);
    expect(
      await call.page.evaluate(() => (window as unknown as { __leak?: number }).__leak),
    ).toBeUndefined();
  });

  it('keeps the topic and notes out of the call page', async () => {
    const pageText = await call.page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
    }));
    for (const secret of [TOPIC, 'not bold', 'docs.example.org/interviews', 'שלום']) {
      expect(pageText.html).not.toContain(secret);
      expect(pageText.local).not.toContain(secret);
      expect(pageText.session).not.toContain(secret);
    }
    // The frame is the extension's own page, which the call page cannot read.
    expect(await call.page.locator('#mentor-companion-card').getAttribute('src')).toMatch(
      /^chrome-extension:\/\//,
    );
  });

  it('saves an action item typed in the card to the session', async () => {
    const input = card(call.page).getByLabel('New action item');
    await input.fill('Draft the interview summary');
    await input.press('Enter');
    await until(
      async () =>
        (await h.records<{ id: string; actionItems: Array<{ text: string }> }>('sessions'))
          .find((s) => s.id === call.sessionId)
          ?.actionItems.some((a) => a.text === 'Draft the interview summary'),
      { what: 'the action item in IndexedDB' },
    );
  });

  it('collapses to a pill, hides and shows with the shortcut, and moves where it is dragged', async () => {
    await card(call.page).getByRole('button', { name: 'Collapse the session card' }).click();
    await card(call.page).getByRole('button', { name: /left/ }).waitFor();
    await card(call.page).getByRole('button', { name: /left/ }).click();
    await card(call.page).getByTestId('topic').waitFor();

    // The keyboard command reaches the tab as this message.
    const tab = await h.tabId(call.page);
    await h.inExtension((id) => chrome.tabs.sendMessage(id, { type: 'toggle-card' }), tab);
    await until(
      async () =>
        (await call.page
          .locator('#mentor-companion-card')
          .evaluate((f) => getComputedStyle(f).display)) === 'none',
      { what: 'the card to hide' },
    );
    await h.inExtension((id) => chrome.tabs.sendMessage(id, { type: 'toggle-card' }), tab);
    await until(
      async () =>
        (await call.page
          .locator('#mentor-companion-card')
          .evaluate((f) => getComputedStyle(f).display)) === 'block',
      { what: 'the card to show' },
    );

    const frame = call.page.locator('#mentor-companion-card');
    const before = await frame.boundingBox();
    const handle = card(call.page).getByRole('button', { name: /Move the card/ });
    await handle.focus();
    await handle.press('ArrowDown');
    await handle.press('ArrowLeft');
    await until(async () => ((await frame.boundingBox())?.y ?? 0) > (before?.y ?? 0), {
      what: 'the card to move',
    });
    const saved = await h.inExtension(
      async () => (await chrome.storage.local.get('cardPlace:meet'))['cardPlace:meet'],
      null,
    );
    expect(saved).toEqual({ right: 32, top: 32 });
  });
});

describe('focus', () => {
  it('counts 5 seconds away, nudges after the grace time, and its action returns to the call', async () => {
    const call = await goLive('https://meet.google.com/abc-defg-hij');
    const leftAt = Date.now();
    const other = await h.open('https://docs.example.org/wiki');
    const id = `mc-back-to-call:${await h.tabId(call.page)}`;
    const shown = await until(
      () =>
        h.inExtension(
          async (nid) => Object.keys(await chrome.notifications.getAll()).includes(nid),
          id,
        ),
      { timeout: 5_000, what: 'the nudge notification' },
    );
    expect(shown).toBe(true);
    const shownAfter = Date.now() - leftAt;
    expect(shownAfter).toBeGreaterThanOrEqual(1_900);
    expect(await h.inExtension(() => chrome.action.getBadgeText({}), null)).toMatch(/^\d+m$/);
    await new Promise((r) => setTimeout(r, 5_000 - (Date.now() - leftAt)));
    // The notification's button runs this (a system notification cannot be clicked headless).
    await h.inExtension(
      (tab) => chrome.runtime.sendMessage({ type: 'focus-call', tabId: tab }),
      await h.tabId(call.page),
    );
    const active = await h.inExtension(
      async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
      null,
    );
    expect(active).toBe(await h.tabId(call.page));
    const f = await figures(call.sessionId);
    expect(f.awaySince).toBeNull();
    expect(f.count).toBe(1);
    expect(Math.abs(f.awayMs - 5_000)).toBeLessThanOrEqual(1_000);
    await expect
      .poll(() => card(call.page).getByTestId('away-flash').textContent())
      .toMatch(/You were away 0:0[45]/);
    expect(await h.inExtension(() => chrome.action.getBadgeText({}), null)).toBe('');
    await other.close();
    await call.page.close();
    // The session record keeps this user's figures once the call is over.
    const record = await until(
      async () =>
        (
          await h.records<{
            id: string;
            status: string;
            focus?: { awayMs: number; count: number };
          }>('sessions')
        ).find((s) => s.id === call.sessionId && s.status === 'ended'),
      { what: 'the ended session' },
    );
    expect(record?.focus?.count).toBe(1);
    expect(Math.abs((record?.focus?.awayMs ?? 0) - 5_000)).toBeLessThanOrEqual(1_000);
  });

  it('keeps the away time right when the service worker is stopped while the user is away', async () => {
    const call = await goLive('https://meet.google.com/abc-defg-hij');
    const leftAt = Date.now();
    const other = await h.open('https://docs.example.org/wiki');
    await h.stopWorker();
    await new Promise((r) => setTimeout(r, 3_000));
    // Coming back is a tab activation, which wakes a new worker.
    await call.page.bringToFront();
    const backAt = Date.now();
    await until(async () => (await figures(call.sessionId)).awaySince === null, {
      what: 'the return to count',
    });
    const f = await figures(call.sessionId);
    expect(await h.workerRunning()).toBe(true);
    expect(Math.abs(f.awayMs - (backAt - leftAt))).toBeLessThanOrEqual(1_000);
    await other.close();
    await call.page.close();
  });
});

describe('a tab marked as part of the session', () => {
  it('does not count time there as away', async () => {
    const call = await goLive('https://meet.google.com/abc-defg-hij');
    const doc = await h.open('https://docs.example.org/shared-doc');
    // What the popup's "This tab is part of my session" sends for the tab it is over.
    await h.inExtension(
      (tab) => chrome.runtime.sendMessage({ type: 'companion-tab', tabId: tab, on: true }),
      await h.tabId(doc),
    );
    await doc.bringToFront();
    await new Promise((r) => setTimeout(r, 2_000));
    await call.page.bringToFront();
    await new Promise((r) => setTimeout(r, 300));
    const f = await figures(call.sessionId);
    // The second or so before the mark counts; the time on the marked tab does not.
    expect(f.awayMs).toBeLessThan(1_500);
    expect(f.awaySince).toBeNull();
    await doc.close();
    await call.page.close();
  });
});

describe('bad input', () => {
  it('shows 1 MB of notes full of markup as plain text and stays responsive', async () => {
    const popup = await h.extensionPage('popup.html');
    const big = `${'<img src=x onerror="window.__leak=1"> <b>bold?</b> שלום 🚀\n'.repeat(20_000)}end`;
    await popup.getByLabel('Your pre-session thoughts').evaluate((el, text) => {
      (el as HTMLTextAreaElement).value = text;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, big);
    await until(
      async () => (await popup.getByTestId('save-status').textContent())?.includes('Saved'),
      { what: 'the big note to save' },
    );
    await popup.close();
    const call = await goLive('https://meet.google.com/abc-defg-hij');
    await card(call.page).getByText("Mentee's notes").click();
    await until(
      async () =>
        ((await card(call.page).getByTestId('mentee-notes').textContent())?.length ?? 0) ===
        big.length,
      {
        timeout: 5_000,
        what: 'the big notes in the card',
      },
    );
    expect(await card(call.page).locator('[data-testid="mentee-notes"] img').count()).toBe(0);
    expect(
      await call.page.evaluate(() => (window as unknown as { __leak?: number }).__leak),
    ).toBeUndefined();
    const input = card(call.page).getByLabel('New action item');
    await input.fill('Still typing');
    await input.press('Enter');
    await until(
      async () =>
        (await h.records<{ id: string; actionItems: Array<{ text: string }> }>('sessions'))
          .find((s) => s.id === call.sessionId)
          ?.actionItems.some((a) => a.text === 'Still typing'),
      { what: 'the card to stay responsive' },
    );
    await call.page.close();
  });
});
