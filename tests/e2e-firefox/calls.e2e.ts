import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import {
  aria,
  type CallEntry,
  click,
  fill,
  type Harness,
  launch,
  stage,
  startServer,
  until,
} from './harness.ts';

// Call detection in Firefox on the real hostnames: lobby, call and end on the three platforms
// give the matching `calls` entry, the background records the session as ended (not left live),
// the toolbar badge follows, and the reflection is reachable from the popup when the call ends.

let server: FixtureServer;
let h: Harness;

interface SessionRow {
  id: string;
  status: string;
  platform?: string;
  meetingKey?: string;
  startedAt?: number;
  endedAt?: number;
}

beforeAll(async () => {
  server = await startServer();
  h = await launch(server);
  // A mentorship, as the popup's first run makes it.
  const popup = await h.extensionPage('popup.html');
  await fill(popup, aria('textbox', "Your mentor's name"), 'Ana');
  await click(popup, aria('button', 'Create'));
  await popup.waitForSelector(aria('textbox', 'Agreed topic'));
  await popup.close();
});
afterAll(async () => {
  await h?.close();
  await server?.close();
});

async function expectState(page: Page, state: CallEntry['state'], platform: string) {
  const tab = String(h.tabId(page));
  const entry = await until(
    async () => {
      const e = (await h.calls())[tab];
      return e?.state === state ? e : undefined;
    },
    { timeout: 3_000, what: `calls entry ${state}` },
  ).catch(async (error) => {
    throw new Error(`${(error as Error).message}; calls ${JSON.stringify(await h.calls())}`);
  });
  expect(entry).toEqual({ platform, state, since: expect.any(Number) });
  expect(Math.abs(entry.since - Date.now())).toBeLessThan(10_000);
}

const badge = (tabId: number) =>
  h.inExtension((id) => browser.action.getBadgeText({ tabId: id }), tabId);

describe.each([
  {
    platform: 'meet',
    url: 'https://meet.google.com/abc-defg-hij',
    key: 'meet:abc-defg-hij',
    end: 'ended-user',
  },
  {
    platform: 'zoom',
    url: 'https://app.zoom.us/wc/123456789/join',
    key: 'zoom:123456789',
    end: 'ended-host',
  },
  {
    platform: 'teams',
    url: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0',
    key: undefined,
    end: 'ended-user',
  },
])('$platform', ({ platform, url, key, end }) => {
  it('steps lobby, waiting room, call and end, and records the session as ended', async () => {
    const before = (await h.records<SessionRow>('sessions')).filter(
      (s) => s.status !== 'scheduled',
    ).length;
    const page = await h.open(url);
    await expectState(page, 'lobby', platform);
    await stage(page, 'waiting');
    await expectState(page, 'lobby', platform);
    await stage(page, 'in-call');
    await expectState(page, 'in-call', platform);
    // The badge follows the call state's write: the session's start sets it a moment later.
    await until(async () => (await badge(h.tabId(page))) === '●', { what: 'the live badge' });
    await stage(page, end);
    await expectState(page, 'ended', platform);
    // The background wrote the end: the record is ended, with its time, and nothing stays live.
    const session = await until(
      async () =>
        (await h.records<SessionRow>('sessions')).find(
          (s) => s.platform === platform && s.status === 'ended',
        ),
      { timeout: 3_000, what: `the ${platform} session to be ended` },
    );
    expect(session.endedAt).toBeGreaterThan(session.startedAt ?? Number.POSITIVE_INFINITY);
    if (key) expect(session.meetingKey).toBe(key);
    const sessions = await h.records<SessionRow>('sessions');
    expect(sessions.filter((s) => s.status !== 'scheduled').length).toBe(before + 1);
    expect(sessions.filter((s) => s.status === 'live')).toEqual([]);
    expect(
      await h.inExtension(async () => (await browser.storage.session.get('live')).live ?? {}, null),
    ).toEqual({});
    expect(await badge(h.tabId(page))).toBe('✎');
    // The reflection notification (Firefox takes no notification buttons).
    await until(
      async () =>
        (await h.notifications()).some((id) => id === `mc-reflect:${h.tabId(page)}:${session.id}`),
      { timeout: 3_000, what: 'the reflection notification' },
    );
    await page.close();
  });
});

describe('when the call has ended', () => {
  it('lists the session in the popup, whose button opens its reflection', async () => {
    const ended = (await h.records<SessionRow>('sessions')).filter((s) => s.status === 'ended');
    expect(ended.length).toBe(3);
    const popup = await h.extensionPage('popup.html');
    const list = await popup.waitForSelector('[data-testid="to-reflect"]', { timeout: 3_000 });
    expect(await list?.evaluate((el) => el.querySelectorAll('li').length)).toBe(3);
    const before = (await h.extensionTabs()).length;
    await click(
      popup,
      `[data-testid="to-reflect"] li:first-child ${aria('button', 'Reflect now')}`,
    );
    const tab = await until(
      async () => {
        const tabs = await h.extensionTabs();
        return tabs.length > before
          ? tabs.find((t) => t.href.includes('sidepanel.html?view=reflect'))
          : undefined;
      },
      { what: 'the reflection tab' },
    );
    const sessionId = new URL(tab.href).searchParams.get('session');
    expect(ended.map((s) => s.id)).toContain(sessionId);
    const kind = await until(
      () =>
        tab.page
          .evaluate(() =>
            document.querySelector('[data-testid=reflection]')?.getAttribute('data-kind'),
          )
          .catch(() => undefined),
      { what: 'the reflection checklist' },
    );
    expect(kind).toMatch(/^(first|regular)$/);
    // The mentee's questions, answered and kept.
    const questions = await tab.page.evaluate(() =>
      [...document.querySelectorAll('[data-question]')].map((q) => q.getAttribute('data-question')),
    );
    expect(questions).toContain('mentee.satisfied');
    await click(tab.page, '[data-question="mentee.satisfied"] input[value="4"]');
    await until(
      async () =>
        (
          await h.records<{ sessionId: string; answers: Record<string, { score?: number }> }>(
            'reflections',
          )
        ).find((r) => r.sessionId === sessionId)?.answers['mentee.satisfied']?.score === 4,
      { what: 'the answer in IndexedDB' },
    );
    await tab.page.close();
    await popup.close();
  });
});

describe('focus', () => {
  it('nudges after the grace time away from the call, with the time on the badge', async () => {
    await h.inExtension(
      () => browser.storage.local.set({ settings: { graceSeconds: 2, nudges: true } }),
      null,
    );
    const call = await h.open('https://meet.google.com/fff-gggg-hhh');
    await stage(call, 'in-call');
    await expectState(call, 'in-call', 'meet');
    const leftAt = Date.now();
    const other = await h.open('https://docs.example.org/wiki');
    await until(
      async () => (await h.notifications()).includes(`mc-back-to-call:${h.tabId(call)}`),
      {
        timeout: 5_000,
        what: 'the nudge notification',
      },
    );
    expect(Date.now() - leftAt).toBeGreaterThanOrEqual(1_900);
    expect(await h.inExtension(() => browser.action.getBadgeText({}), null)).toMatch(/^\d+m$/);
    await other.close();
    await call.close();
  });
});
