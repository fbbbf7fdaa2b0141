import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { type CallEntry, type Harness, launch, startServer, until } from './harness.ts';

// Call detection on the real hostnames: stepping a fixture page through lobby, call and end
// gives the matching `calls` entry in storage.session within 3 seconds of each step.

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

type Stage =
  | 'lobby'
  | 'waiting'
  | 'in-call'
  | 'in-call-toolbar-hidden'
  | 'ended-user'
  | 'ended-host'
  | 'ended-dialog'
  | 'in-call-leave-dialog'
  | 'unknown';

async function stage(page: Page, state: Stage) {
  await page.evaluate(
    (s) => (window as unknown as { __stage: { set(s: string): Promise<void> } }).__stage.set(s),
    state,
  );
}

async function entryOf(page: Page): Promise<CallEntry | undefined> {
  const id = await h.tabId(page);
  return (await h.calls())[String(id)];
}

async function expectState(
  page: Page,
  state: CallEntry['state'] | undefined,
  platform?: CallEntry['platform'],
  /** What else the entry holds (a call the user presents from is marked so). */
  extra: Partial<CallEntry> = {},
) {
  const entry = await until(
    async () => {
      const e = await entryOf(page);
      return (e?.state ?? 'none') === (state ?? 'none') ? (e ?? ('none' as const)) : undefined;
    },
    { timeout: 3_000, what: `calls entry ${state}` },
  ).catch(async (error) => {
    throw new Error(
      `${(error as Error).message}; tab ${await h.tabId(page)}, calls ${JSON.stringify(await h.calls())}, body ${(await page.locator('body').innerHTML()).slice(0, 200)}`,
    );
  });
  if (state && entry && entry !== 'none') {
    expect(entry).toEqual({ platform, state, since: expect.any(Number), ...extra });
    expect(Math.abs(entry.since - Date.now())).toBeLessThan(10_000);
  }
}

interface SessionRow {
  id: string;
  status: string;
  platform?: string;
  meetingKey?: string;
  startedAt?: number;
  endedAt?: number;
}

describe.each([
  {
    platform: 'meet' as const,
    url: 'https://meet.google.com/abc-defg-hij',
    key: 'meet:abc-defg-hij',
    end: 'ended-user' as Stage,
  },
  {
    platform: 'zoom' as const,
    url: 'https://app.zoom.us/wc/123456789/join',
    key: 'zoom:123456789',
    end: 'ended-host' as Stage,
  },
  {
    platform: 'teams' as const,
    url: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0',
    key: undefined,
    end: 'ended-user' as Stage,
  },
])('$platform', ({ platform, url, key, end }) => {
  it('steps lobby, waiting room, call and end, and records one session', async () => {
    const before = (await h.records<SessionRow>('sessions')).length;
    const page = await h.open(url);
    await expectState(page, 'lobby', platform);
    await stage(page, 'waiting');
    await expectState(page, 'lobby', platform);
    await stage(page, 'in-call');
    await expectState(page, 'in-call', platform);
    // The toolbar auto-hides: still in the call.
    await stage(page, 'in-call-toolbar-hidden');
    await new Promise((r) => setTimeout(r, 2_500));
    await expectState(page, 'in-call', platform);
    await stage(page, end);
    await expectState(page, 'ended', platform);
    const sessions = await h.records<SessionRow>('sessions');
    expect(sessions.length).toBe(before + 1);
    const session = sessions.find((s) => s.platform === platform && s.status === 'ended');
    expect(session?.endedAt).toBeGreaterThan(session?.startedAt ?? Number.POSITIVE_INFINITY);
    if (key) expect(session?.meetingKey).toBe(key);
    await page.close();
  });

  it('leaves no session for a call left from the lobby', async () => {
    const before = (await h.records<SessionRow>('sessions')).length;
    const page = await h.open(url);
    await expectState(page, 'lobby', platform);
    await page.close();
    await new Promise((r) => setTimeout(r, 500));
    expect((await h.records<SessionRow>('sessions')).length).toBe(before);
  });
});

describe('ends', () => {
  it('ends the session when the tab is closed mid-call', async () => {
    const page = await h.open('https://meet.google.com/xyz-abcd-efg');
    await stage(page, 'in-call');
    await expectState(page, 'in-call', 'meet');
    const tab = String(await h.tabId(page));
    await page.close();
    await until(async () => !(tab in (await h.calls())), {
      timeout: 3_000,
      what: 'the entry to go',
    });
    const session = (await h.records<SessionRow>('sessions')).find(
      (s) => s.meetingKey === 'meet:xyz-abcd-efg',
    );
    expect(session?.status).toBe('ended');
    expect(session?.endedAt).toBeDefined();
  });

  it('ends a Zoom call when the client redirects to the post-attendee page', async () => {
    const page = await h.open('https://acme.zoom.us/wc/987654321/join');
    await stage(page, 'in-call');
    await expectState(page, 'in-call', 'zoom');
    await page.goto('https://acme.zoom.us/postattendee?mn=987654321');
    await expectState(page, 'ended', 'zoom');
    await page.close();
  });

  it('a click on the leave control ends the call at the first look without it', async () => {
    const page = await h.open('https://teams.live.com/meet/9876543210');
    await stage(page, 'in-call');
    await expectState(page, 'in-call', 'teams');
    const hangup = page
      .locator('#hangup-button, [data-tid="hangup-main-btn"], [data-tid="call-hangup"]')
      .first();
    await hangup.click();
    // The click only arms the end (a host may still cancel); Teams then takes the call UI away.
    await page.evaluate(() => {
      for (const el of Array.from(
        document.querySelectorAll('#hangup-button, [data-tid^="hangup"], [data-tid="call-hangup"]'),
      )) {
        el.remove();
      }
    });
    await expectState(page, 'ended', 'teams');
    await page.close();
  });
});

describe('no call', () => {
  it.each([
    'https://meet.google.com/landing',
    'https://app.zoom.us/j/123456789?pwd=abc',
    'https://docs.example.org/notes',
  ])('gives no call on %s', async (url) => {
    const page = await h.open(url);
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await entryOf(page)).toBeUndefined();
    await page.close();
  });
});

describe('a stopped service worker', () => {
  it('keeps the call live across a restart and ends it once', async () => {
    const page = await h.open('https://meet.google.com/kkk-llll-mmm');
    await stage(page, 'in-call');
    await expectState(page, 'in-call', 'meet');
    await h.stopWorker();
    // Something wakes a new worker (here, a message from an extension page); it rebuilds its
    // state from storage and asks the call tab where it stands.
    await h.inExtension(() => chrome.runtime.sendMessage({ type: 'whoami' }), null);
    expect(await h.workerRunning()).toBe(true);
    await new Promise((r) => setTimeout(r, 1_000));
    await expectState(page, 'in-call', 'meet');
    const live = (await h.records<SessionRow>('sessions')).filter(
      (s) => s.meetingKey === 'meet:kkk-llll-mmm',
    );
    expect(live.map((s) => s.status)).toEqual(['live']);
    await stage(page, 'ended-user');
    await expectState(page, 'ended', 'meet');
    const after = (await h.records<SessionRow>('sessions')).filter(
      (s) => s.meetingKey === 'meet:kkk-llll-mmm',
    );
    expect(after.map((s) => s.status)).toEqual(['ended']);
    expect(after[0]?.startedAt).toBe(live[0]?.startedAt);
    await page.close();
  });
});

describe('the manual fallback', () => {
  it('starts a session with "I\'m in a session" where detection sees nothing, and ends it by hand', async () => {
    // A Meet page in a UI the detectors do not know.
    const page = await h.open('https://meet.google.com/mmm-nnnn-ooo?state=unknown');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await entryOf(page)).toBeUndefined();
    const tab = await h.tabId(page);
    // What the popup's buttons send for the tab it is over.
    const start = (id: number) =>
      chrome.runtime.sendMessage({ type: 'manual-start', tabId: id, at: Date.now() });
    expect(await h.inExtension(start, tab)).toEqual({ ok: true });
    await expectState(page, 'in-call', 'meet');
    await page
      .frameLocator('#mentor-companion-card')
      .getByRole('region', { name: /session card/ })
      .waitFor();
    // Detection still sees nothing; the session stays.
    await new Promise((r) => setTimeout(r, 2_500));
    await expectState(page, 'in-call', 'meet');
    const end = (id: number) =>
      chrome.runtime.sendMessage({ type: 'manual-end', tabId: id, at: Date.now() });
    expect(await h.inExtension(end, tab)).toEqual({ ok: true });
    await expectState(page, 'ended', 'meet');
    await page.frameLocator('#mentor-companion-card').getByTestId('end-card').waitFor();
    await page.close();
  });

  it('refuses to start on a page that is no call platform, with a sentence', async () => {
    const page = await h.open('https://docs.example.org/agenda');
    const start = (id: number) =>
      chrome.runtime.sendMessage({ type: 'manual-start', tabId: id, at: Date.now() });
    const reply = await h.inExtension(start, await h.tabId(page));
    expect(reply).toEqual({ ok: false, error: { code: 'no-call-tab', params: [] } });
    // The sentence the popup shows for it, in the user's language.
    expect(await h.inExtension(() => chrome.i18n.getMessage('error_no_call_tab'), null)).toBe(
      'Open your call in Google Meet, Zoom or Teams in this tab first.',
    );
    expect(await entryOf(page)).toBeUndefined();
    await page.close();
  });
});

// Issue 11: what real sites do that the look-alikes did not, on the real hostnames.
describe('real sites', () => {
  const sessionsOf = async (key: string) =>
    (await h.records<SessionRow>('sessions')).filter((s) => s.meetingKey === key);

  it('a host who clicks hang up and cancels "End the call for everyone?" stays in the call', async () => {
    const page = await h.open('https://meet.google.com/hst-canc-eld');
    await stage(page, 'in-call');
    await expectState(page, 'in-call', 'meet');
    // The click on the leave control opens the host's dialog over the still-present call.
    await page.locator('[jsname="CQylAd"]').first().click();
    await stage(page, 'in-call-leave-dialog');
    await page.locator('[data-mdc-dialog-action="cancel"]').click();
    await stage(page, 'in-call');
    await new Promise((r) => setTimeout(r, 3_000));
    await expectState(page, 'in-call', 'meet');
    expect((await sessionsOf('meet:hst-canc-eld')).map((s) => s.status)).toEqual(['live']);
    // Then really leaving ends it at once.
    await page.locator('[jsname="CQylAd"]').first().click();
    await stage(page, 'ended-user');
    await expectState(page, 'ended', 'meet');
    await page.close();
  });

  it.each([
    ['meet', 'https://meet.google.com/stl-wait-txt'],
    ['zoom', 'https://app.zoom.us/wc/555000111/join'],
    ['teams', 'https://teams.cloud.microsoft/v2/'],
  ] as const)('%s: stale hidden waiting text does not block in-call', async (platform, url) => {
    const page = await h.open(`${url}?state=in-call-stale-waiting`);
    await expectState(page, 'in-call', platform);
    await page.close();
  });

  it('a Teams toolbar with only data-tid hooks reads in-call (Hebrew, right to left)', async () => {
    const page = await h.open('https://teams.microsoft.com/v2/?state=in-call-data-tid&hl=he');
    await expectState(page, 'in-call', 'teams');
    await page.close();
  });

  it('the Zoom end dialog without its usual class ends the call', async () => {
    const page = await h.open('https://acme.zoom.us/wc/555000222/join');
    await stage(page, 'in-call');
    await expectState(page, 'in-call', 'zoom');
    await stage(page, 'ended-dialog');
    await expectState(page, 'ended', 'zoom');
    await page.close();
  });

  it('a transient Zoom redirect within /wc/ right after joining keeps one session', async () => {
    const page = await h.open('https://app.zoom.us/wc/555000333/join');
    await stage(page, 'in-call');
    await expectState(page, 'in-call', 'zoom');
    // The client moves to /wc/<id>/start while audio starts and rebuilds itself (no toolbar).
    await page.evaluate(() => history.replaceState(null, '', '/wc/555000333/start'));
    await stage(page, 'unknown');
    await new Promise((r) => setTimeout(r, 5_000));
    await expectState(page, 'in-call', 'zoom');
    await stage(page, 'in-call');
    await new Promise((r) => setTimeout(r, 1_000));
    await expectState(page, 'in-call', 'zoom');
    expect((await sessionsOf('zoom:555000333')).map((s) => s.status)).toEqual(['live']);
    await stage(page, 'ended-host');
    await expectState(page, 'ended', 'zoom');
    expect((await sessionsOf('zoom:555000333')).map((s) => s.status)).toEqual(['ended']);
    await page.close();
  });

  it('a Teams guest call on /light-meetings/ is detected', async () => {
    const page = await h.open(
      'https://teams.live.com/light-meetings/launch?anon=true&state=in-call-guest',
    );
    await expectState(page, 'in-call', 'teams');
    await page.close();
  });

  it('an unknown host under a covered domain gets no call and no card', async () => {
    const page = await h.open('https://support.zoom.us/hc/en-us');
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await entryOf(page)).toBeUndefined();
    expect(await page.locator('#mentor-companion-card').count()).toBe(0);
    await page.close();
  });

  it('answers detect-check with the probes and a report without the link', async () => {
    const page = await h.open('https://meet.google.com/chk-repo-rtx?state=in-call-presenting');
    await expectState(page, 'in-call', 'meet', { presenting: true });
    const tab = await h.tabId(page);
    const reply = await h.inExtension(
      (id: number) => chrome.tabs.sendMessage(id, { type: 'detect-check' }),
      tab,
    );
    const { check, report } = reply as {
      check: { platform: string; look: string; tracker: { presenting: boolean } };
      report: string;
    };
    expect(check).toMatchObject({
      platform: 'meet',
      look: 'in-call',
      tracker: { presenting: true },
    });
    expect(report).toContain('presenting yes');
    expect(report).not.toContain('chk-repo-rtx');
    await page.close();
  });
});
