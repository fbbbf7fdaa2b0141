import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { type Harness, launch, startServer, until } from './harness.ts';

// One prompt, where the person is looking (issues 11 and 13): while the user presents from the
// call (Meet, Zoom and Teams fixtures, on their real hostnames), the card is a timer pill with nothing else on screen, and the nudge keeps to the badge;
// while the side panel shows the call, the card folds to its pill too; at the end, with the
// panel showing the reflection, neither the card nor a notification offers it again.

let server: FixtureServer;
let h: Harness;

const MEET = 'https://meet.google.com/abc-defg-hij';
const ZOOM = 'https://app.zoom.us/wc/84512345678/join?pwd=mentoring';
const TEAMS = 'https://teams.cloud.microsoft/v2/';
const TOPIC = 'Saying no to a VP without burning the relationship';
const NOTES = 'Context since last time: the reorg, and the offsite in Lisbon';
const NAME = 'Ana';

async function stage(page: Page, state: string) {
  await page.evaluate(
    (s) => (window as unknown as { __stage: { set(s: string): Promise<void> } }).__stage.set(s),
    state,
  );
}

const card = (page: Page): FrameLocator => page.frameLocator('#mentor-companion-card');

/** What the card's document holds: all its text (shown or not), and how it is folded. */
const cardShows = (page: Page) =>
  card(page)
    .locator('body')
    .evaluate((body) => ({
      text: body.textContent ?? '',
      fold: body.querySelector('[data-testid=pill]')?.getAttribute('data-fold') ?? null,
    }));

async function goLive(url: string) {
  const page = await h.open(url);
  await stage(page, 'in-call');
  const tab = String(await h.tabId(page));
  await until(async () => (await h.calls())[tab]?.state === 'in-call', {
    what: 'the call to go live',
  });
  return { page, tab };
}

const presenting = async (tab: string) =>
  (await h.calls())[tab] as { presenting?: boolean } | undefined;

async function expectPill(page: Page, reason: 'presenting' | 'panel') {
  await until(async () => (await cardShows(page)).fold === reason, {
    what: `the card to fold for ${reason}`,
  });
  const shown = await cardShows(page);
  // The time left and nothing the other side should see.
  expect(shown.text).toMatch(/\d+:\d\d left/);
  for (const secret of [TOPIC, NOTES, 'Context since', NAME, 'Lisbon']) {
    expect(shown.text).not.toContain(secret);
  }
}

async function expectWhole(page: Page) {
  await until(async () => (await cardShows(page)).fold === null, { what: 'the card to unfold' });
  await card(page).getByTestId('topic').waitFor();
}

const notifications = () =>
  h.inExtension(async () => Object.keys(await chrome.notifications.getAll()), null);

beforeAll(async () => {
  server = await startServer();
  h = await launch(server);
  const popup = await h.extensionPage('popup.html');
  await popup.getByLabel("Your mentor's name").fill(NAME);
  await popup.getByLabel(/Meeting link/).fill(MEET);
  await popup.getByRole('button', { name: 'Create' }).click();
  await popup.getByLabel('Agreed topic').fill(TOPIC);
  await popup.getByLabel('Your pre-session thoughts').fill(NOTES);
  await until(
    async () => (await popup.getByTestId('save-status').textContent())?.includes('Saved'),
    { what: 'the popup to save' },
  );
  await popup.close();
  await h.inExtension(
    () => chrome.storage.local.set({ settings: { graceSeconds: 2, nudges: true } }),
    null,
  );
});
afterAll(async () => {
  await h?.close();
  await server?.close();
});

describe('while the user presents', () => {
  it('on Meet, the card is a timer pill with no note text on screen, and unfolds when sharing stops', async () => {
    const { page, tab } = await goLive(MEET);
    await card(page).getByTestId('topic').waitFor();
    await stage(page, 'in-call-presenting');
    await until(async () => (await presenting(tab))?.presenting === true, {
      what: 'the call to be marked presenting',
    });
    await expectPill(page, 'presenting');

    // Away while presenting: the badge says so, no notification on the shared screen.
    const other = await h.open('https://docs.example.org/wiki');
    await until(
      async () => /^\d+m$/.test(await h.inExtension(() => chrome.action.getBadgeText({}), null)),
      { timeout: 6_000, what: 'the away badge' },
    );
    expect((await notifications()).filter((n) => n.startsWith('mc-back-to-call:'))).toEqual([]);
    await other.close();
    await page.bringToFront();
    await h.inExtension((id) => chrome.tabs.update(id, { active: true }), await h.tabId(page));
    // Back on the call while still presenting: still the pill, and no "you were away" line.
    await expectPill(page, 'presenting');
    expect((await cardShows(page)).text).not.toMatch(/away/i);

    await stage(page, 'in-call');
    await until(async () => (await presenting(tab))?.presenting === undefined, {
      what: 'the presenting mark to go',
    });
    await expectWhole(page);
    await page.close();
  });

  it.each([
    ['Zoom', ZOOM],
    ['Teams', TEAMS],
  ])(
    'on %s, on its real hostname, the same; the name shows only once it is whole',
    async (_name, url) => {
      const { page, tab } = await goLive(url);
      await stage(page, 'in-call-presenting');
      await until(async () => (await presenting(tab))?.presenting === true, {
        what: 'the call to be marked presenting',
      });
      await expectPill(page, 'presenting');
      await stage(page, 'in-call');
      await until(async () => (await cardShows(page)).fold === null, {
        what: 'the card to unfold',
      });
      // Whole again, the card shows the name (in its title, or asking which mentorship).
      expect((await cardShows(page)).text).toContain(NAME);
      await page.close();
    },
  );

  it('stays folded after sharing stops when the user had folded it by hand; the setting keeps it whole', async () => {
    const { page } = await goLive(MEET);
    await card(page).getByRole('button', { name: 'Collapse the session card' }).click();
    await until(async () => (await cardShows(page)).fold === 'hand', { what: 'folded by hand' });
    await stage(page, 'in-call-presenting');
    await until(async () => (await cardShows(page)).fold === 'presenting', {
      what: 'folded for presenting',
    });
    await stage(page, 'in-call');
    await until(async () => (await cardShows(page)).fold === 'hand', {
      what: 'still folded by hand',
    });
    await card(page).getByRole('button', { name: /left/ }).click();
    await expectWhole(page);

    // Turned off on the Settings page.
    const settings = await h.extensionPage('options.html#settings');
    const fold = settings.getByRole('checkbox', {
      name: 'Fold the card to its timer while I present my screen',
    });
    const stored = () =>
      h.inExtension(
        async () =>
          (
            (await chrome.storage.local.get('settings')).settings as {
              foldWhilePresenting?: boolean;
            }
          )?.foldWhilePresenting,
        null,
      );
    expect(await fold.isChecked()).toBe(true);
    await fold.uncheck();
    await until(async () => (await stored()) === false, { what: 'the switch to be saved' });
    await stage(page, 'in-call-presenting');
    const tab = String(await h.tabId(page));
    await until(async () => (await presenting(tab))?.presenting === true, {
      what: 'presenting again',
    });
    await new Promise((r) => setTimeout(r, 500));
    expect((await cardShows(page)).fold).toBeNull();
    await card(page).getByTestId('topic').waitFor();
    // On again: the card folds at once.
    await fold.check();
    await until(async () => (await stored()) === true, { what: 'the switch to be saved' });
    await settings.close();
    await expectPill(page, 'presenting');
    await page.close();
  });
});

describe('with the side panel open on the call', () => {
  it('the card is its pill, whole again when the panel closes, and at the end only the panel offers the reflection', async () => {
    const { page } = await goLive(MEET);
    const tabId = await h.tabId(page);
    await card(page).getByTestId('open-panel').click();
    await until(() => h.panelUrl(), { what: 'the panel to open' });
    await expectPill(page, 'panel');

    await h.inExtension((id) => chrome.sidePanel.close({ tabId: id }), tabId);
    await until(async () => !(await h.panelUrl()), { what: 'the panel to close' });
    await expectWhole(page);

    await card(page).getByTestId('open-panel').click();
    await until(() => h.panelUrl(), { what: 'the panel to open again' });
    await expectPill(page, 'panel');

    const before = await notifications();
    await stage(page, 'ended-user');
    const endCard = card(page).getByTestId('end-card');
    await endCard.waitFor({ timeout: 5_000 });
    await until(async () => (await h.panelUrl())?.includes('view=reflect'), {
      what: 'the panel on the reflection',
    });
    // The end's badge is set with the notification it would have come with.
    await until(
      async () =>
        (await h.inExtension((id) => chrome.action.getBadgeText({ tabId: id }), tabId)) === '✎',
      { what: 'the reflection badge' },
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(await card(page).getByRole('button', { name: 'Reflect now' }).count()).toBe(0);
    expect(await endCard.textContent()).toContain('Your reflection is open in the side panel.');
    expect((await notifications()).filter((n) => !before.includes(n))).toEqual([]);
    await h.inExtension((id) => chrome.sidePanel.close({ tabId: id }), tabId);
    await until(async () => !(await h.panelUrl()), { what: 'the panel to close' });
    // The panel closed: the card offers the reflection again.
    await card(page).getByRole('button', { name: 'Reflect now' }).waitFor();
    await page.close();
  });

  it('with the panel closed at the end, the end card and the notification offer it', async () => {
    const { page } = await goLive(MEET);
    const tabId = await h.tabId(page);
    await card(page).getByTestId('topic').waitFor();
    await stage(page, 'ended-user');
    await card(page).getByRole('button', { name: 'Reflect now' }).waitFor({ timeout: 5_000 });
    await until(
      async () => (await notifications()).some((n) => n.startsWith(`mc-reflect:${tabId}:`)),
      { what: 'the reflection notification' },
    );
    await page.close();
  });

  it("the panel's page opened in a tab is no panel beside the call: the card stays whole, and the page holds no port the background would refuse", async () => {
    const { page } = await goLive(MEET);
    const tabId = await h.tabId(page);
    await card(page).getByTestId('topic').waitFor();
    // Count the panel ports the background is offered from now on.
    await h.inExtension(() => {
      const g = globalThis as { __panelPorts?: number };
      g.__panelPorts = 0;
      chrome.runtime.onConnect.addListener((port) => {
        if (port.name.startsWith('live:')) g.__panelPorts = (g.__panelPorts ?? 0) + 1;
      });
    }, null);
    const panel = await h.extensionPage(`sidepanel.html?tab=${tabId}`);
    await panel.getByTestId('live-view').waitFor();
    await page.bringToFront();
    // Long enough for a refused port to come back more than once (it backs off to 5 s).
    await new Promise((r) => setTimeout(r, 4_000));
    expect(
      await h.inExtension(() => (globalThis as { __panelPorts?: number }).__panelPorts, null),
    ).toBe(0);
    expect((await cardShows(page)).fold).toBeNull();
    await panel.close();
    await page.close();
  });
});
