import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MEET, setUpDemoMentorship } from '../../scripts/lib/demo-data.ts';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { type Harness, launch, startServer, until } from './harness.ts';

// A second opinion that needs no DOM (issue 11), in Chromium with sound on: a Meet tab whose
// page detection reads as its lobby plays sound for a minute (a redesign the detectors do not
// know would look the same). The background asks once, "In a session with Ana? Start it"; the
// click (a system notification cannot be clicked headless, so the worker's own click event is
// dispatched, as the calendar test does) starts the session, and the detection check says
// "started from audio".

let server: FixtureServer;
let h: Harness;

beforeAll(async () => {
  server = await startServer();
  h = await launch(server, { audio: true });
});
afterAll(async () => {
  await h?.close();
  await server?.close();
});

/** A steady tone, as a call's audio would be. */
const playTone = (page: Page) =>
  page.evaluate(() => {
    const ctx = new AudioContext();
    const tone = ctx.createOscillator();
    const gain = ctx.createGain();
    gain.gain.value = 0.1;
    tone.connect(gain).connect(ctx.destination);
    tone.start();
    (window as unknown as { __tone: AudioContext }).__tone = ctx;
    return ctx.state;
  });

describe('a meeting tab audible for a minute while detection reads its lobby', () => {
  it('asks once and starts the session from audio on one click', async () => {
    const popup = await h.extensionPage('popup.html');
    await setUpDemoMentorship(popup);
    await popup.close();

    const call = await h.open(`${DEMO_MEET}?state=lobby`);
    const tab = await h.tabId(call);
    await until(async () => (await h.calls())[String(tab)]?.state === 'lobby', {
      what: 'the lobby',
    });
    expect(await playTone(call)).toBe('running');
    await until(() => h.inWorker(async (id: number) => (await chrome.tabs.get(id)).audible, tab), {
      what: 'the tab to be audible',
    });
    const id = `mc-audio:${tab}`;
    const asked = () =>
      h.inExtension(
        async (nid) => Object.keys(await chrome.notifications.getAll()).includes(nid),
        id,
      );
    // Not before the minute is up.
    await new Promise((r) => setTimeout(r, 20_000));
    expect(await asked()).toBe(false);
    await until(asked, { timeout: 60_000, interval: 1_000, what: 'the question' });
    expect((await h.calls())[String(tab)]?.state).toBe('lobby');

    await h.inWorker(
      (nid) =>
        (
          chrome.notifications.onButtonClicked as unknown as {
            dispatch(id: string, i: number): void;
          }
        ).dispatch(nid, 0),
      id,
    );
    await until(async () => (await h.calls())[String(tab)]?.state === 'in-call', {
      what: 'the session to start',
    });
    const live = await h.inExtension(
      async (k) =>
        ((await chrome.storage.session.get('live')).live as Record<string, unknown> | undefined)?.[
          k
        ],
      String(tab),
    );
    expect(live).toMatchObject({ manual: true, fromAudio: true, meetingKey: 'meet:abc-defg-hij' });
    const [session] = await h.records<{ status: string; mentorshipId: string | null }>('sessions');
    expect(session?.status).toBe('live');
    expect(session?.mentorshipId).toBeTruthy();
    expect(await asked()).toBe(false);

    // The detection check records it.
    const panel = await h.extensionPage(`sidepanel.html?tab=${tab}`);
    await panel.getByRole('button', { name: 'Detection check' }).click();
    await panel
      .getByTestId('detect-session')
      .getByText(/started from audio/)
      .waitFor();
    expect(await panel.getByTestId('detect-report').inputValue()).toMatch(
      /^session: live \d+ s, started from audio$/m,
    );
    expect(await panel.getByTestId('detect-report').inputValue()).toMatch(/^tab audible: yes$/m);
    await panel.close();
    await call.close();
  }, 150_000);
});
