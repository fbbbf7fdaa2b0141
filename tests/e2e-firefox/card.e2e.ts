import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { aria, click, fill, type Harness, launch, stage, startServer, until } from './harness.ts';

// The session card in Firefox. Firefox gives an extension page framed in a web page only the
// content-script API set (no storage.session, no tabs, no sidebarAction), so the card must get
// everything it shows from the background; this file holds it to what the Chromium suite checks:
// the topic and notes on a live call, none of it in the call page, an action item saved, and the
// reflection reachable from the end card.

const MEETING = 'https://meet.google.com/abc-defg-hij';
const TOPIC = 'Saying no to a VP without burning the relationship';
const NOTES = [
  'Context since last time:',
  '<b>not bold</b> <script>window.__leak = 1</script>',
  'Link kept as text: https://docs.example.org/interviews',
  'RTL: שלום עולם · emoji: 🚀🙂',
].join('\n');

let server: FixtureServer;
let h: Harness;
let call: Page;
let card: Frame;

const inCard = <T>(fn: () => T) => card.evaluate(fn);
const cardText = (testId: string) =>
  card
    .evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? null, testId)
    .catch(() => null);

beforeAll(async () => {
  server = await startServer();
  h = await launch(server);
  const popup = await h.extensionPage('popup.html');
  await fill(popup, aria('textbox', "Your mentor's name"), 'Ana');
  await fill(popup, aria('textbox', 'Meeting link (if you reuse one)'), MEETING);
  await click(popup, aria('button', 'Create'));
  await fill(popup, aria('textbox', 'Agreed topic'), TOPIC);
  await fill(popup, aria('textbox', 'Your pre-session thoughts'), NOTES);
  await until(
    () =>
      popup.evaluate(() =>
        document.querySelector('[data-testid="save-status"]')?.textContent?.includes('Saved'),
      ),
    { what: 'the popup to save' },
  );
  await popup.close();
  call = await h.open(MEETING);
  await stage(call, 'in-call');
  const tab = String(h.tabId(call));
  await until(async () => (await h.calls())[tab]?.state === 'in-call', {
    what: 'the call to go live',
  });
  card = await h.card(call);
});
afterAll(async () => {
  await h?.close();
  await server?.close();
});

describe('the session card in Firefox', () => {
  it('shows the stored topic and notes on the live call', async () => {
    await until(async () => (await cardText('topic')) === TOPIC, {
      timeout: 3_000,
      what: 'the card with the topic',
    }).catch(async (error) => {
      const body = await inCard(() => document.body.textContent).catch(() => '(unreadable)');
      throw new Error(`${(error as Error).message}; the card shows ${JSON.stringify(body)}`);
    });
    await click(card, "::-p-text(Mentee's notes)");
    expect(await cardText('mentee-notes')).toBe(NOTES);
    // Plain text: markup shown as text, nothing run.
    expect(
      await inCard(
        () =>
          document.querySelectorAll(
            '[data-testid="mentee-notes"] b, [data-testid="mentee-notes"] script',
          ).length,
      ),
    ).toBe(0);
    expect(await call.evaluate(() => (window as unknown as { __leak?: number }).__leak)).toBe(
      undefined,
    );
  });

  it('keeps the topic and notes out of the call page', async () => {
    const page = await call.evaluate(() => ({
      html: document.documentElement.outerHTML,
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
    }));
    for (const secret of [TOPIC, 'not bold', 'docs.example.org/interviews', 'שלום']) {
      expect(page.html).not.toContain(secret);
      expect(page.local).not.toContain(secret);
      expect(page.session).not.toContain(secret);
    }
    // The frame is the add-on's own page, which the call page cannot read.
    expect(await call.$eval('#mentor-companion-card', (f) => f.getAttribute('src'))).toMatch(
      /^moz-extension:\/\/[0-9a-f-]+\/overlay\.html$/,
    );
    expect(
      await call.$eval('#mentor-companion-card', (f) => {
        try {
          return (f as HTMLIFrameElement).contentDocument?.body?.innerHTML ?? null;
        } catch {
          return null;
        }
      }),
    ).toBe(null);
  });

  it('saves an action item typed in the card to the session', async () => {
    const field = aria('textbox', 'New action item');
    await fill(card, field, 'Draft the interview summary');
    await (await card.waitForSelector(field))?.press('Enter');
    await until(
      async () =>
        (await h.records<{ status: string; actionItems: Array<{ text: string }> }>('sessions'))
          .find((s) => s.status === 'live')
          ?.actionItems.some((a) => a.text === 'Draft the interview summary'),
      { what: 'the action item in IndexedDB' },
    );
  });

  it('turns into an end card whose button leads to the reflection', async () => {
    const sessionId = (await h.records<{ id: string; status: string }>('sessions')).find(
      (s) => s.status === 'live',
    )?.id;
    expect(sessionId).toBeDefined();
    await stage(call, 'ended-user');
    await card.waitForSelector('[data-testid="end-card"]', { timeout: 5_000 });
    const tabsBefore = (await h.extensionTabs()).length;
    await click(card, aria('button', 'Reflect now'));
    // Firefox opens a sidebar only from a user action in a full extension page; either the
    // sidebar shows the reflection, or it opens in a tab.
    const where = await until(
      async () => {
        const sidebar = await h.inExtension(async () => {
          const s = (
            browser as unknown as {
              sidebarAction: {
                isOpen(d: object): Promise<boolean>;
                getPanel(d: object): Promise<string>;
              };
            }
          ).sidebarAction;
          return (await s.isOpen({})) ? await s.getPanel({}) : undefined;
        }, null);
        if (sidebar?.includes('view=reflect')) return sidebar;
        const tabs = await h.extensionTabs();
        return tabs.length > tabsBefore
          ? tabs.find((t) => t.href.includes('view=reflect'))?.href
          : undefined;
      },
      { timeout: 2_000, what: 'the reflection, in the sidebar or a tab' },
    );
    expect(new URL(where).searchParams.get('session')).toBe(sessionId);
  });
});
