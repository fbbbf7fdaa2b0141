import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FocusState, focusFigures } from '../../lib/focus.ts';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { type Harness, launch, startServer, until } from './harness.ts';

// Nothing lost, nothing stuck: the browser quits in the middle of a call, and Chrome stops the
// service worker again and again while the user is away from one.

const MEET = 'https://meet.google.com/abc-defg-hij';
const TOPIC = 'Saying no to a VP without burning the relationship';
const NOTES = 'Context since last time:\nthe reorg, and the offer from the other team.';

interface SessionRow {
  id: string;
  status: string;
  startedAt?: number;
  endedAt?: number;
  meetingKey?: string;
  topic?: { text: string };
}
interface NoteRow {
  sessionId: string;
  author: string;
  text: string;
}

let server: FixtureServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

async function prepare(h: Harness) {
  const popup = await h.extensionPage('popup.html');
  await popup.getByLabel("Your mentor's name").fill('Ana');
  await popup.getByLabel(/Meeting link/).fill(MEET);
  await popup.getByRole('button', { name: 'Create' }).click();
  await popup.getByLabel('Agreed topic').fill(TOPIC);
  await popup.getByLabel('Your pre-session thoughts').fill(NOTES);
  await until(
    async () => (await popup.getByTestId('save-status').textContent())?.includes('Saved'),
    { what: 'the popup to save' },
  );
  await popup.close();
}

async function goLive(h: Harness): Promise<{ page: Page; sessionId: string }> {
  const page = await h.open(MEET);
  await page.evaluate(() =>
    (window as unknown as { __stage: { set(s: string): Promise<void> } }).__stage.set('in-call'),
  );
  const tab = String(await h.tabId(page));
  const sessionId = (await until(
    () =>
      h.inExtension(async (key) => {
        const { live } = await chrome.storage.session.get('live');
        return (live as Record<string, { sessionId: string }> | undefined)?.[key]?.sessionId;
      }, tab),
    { what: 'the live session' },
  )) as string;
  await page.frameLocator('#mentor-companion-card').getByTestId('topic').waitFor();
  return { page, sessionId };
}

describe('the browser quits mid-call', () => {
  it('ends the session at the next start, lists it for reflection, keeps topic and notes', async () => {
    const h = await launch(server);
    let reopened: Harness | undefined;
    try {
      await prepare(h);
      const { sessionId } = await goLive(h);
      expect(
        (await h.records<SessionRow>('sessions')).find((s) => s.id === sessionId),
      ).toMatchObject({
        status: 'live',
        topic: { text: TOPIC },
      });
      // Quit the browser to leave the call, as people do.
      await h.close({ keepProfile: true });

      reopened = await launch(server, { userDataDir: h.userDataDir });
      const r = reopened;
      const ended = await until(
        async () =>
          (await r.records<SessionRow>('sessions')).find(
            (s) => s.id === sessionId && s.status === 'ended',
          ),
        { timeout: 10_000, what: 'the session left live to end' },
      );
      expect(ended?.endedAt).toBeGreaterThanOrEqual(ended?.startedAt ?? Number.POSITIVE_INFINITY);
      // The session prepared for the call keeps what was prepared.
      expect(ended?.topic?.text).toBe(TOPIC);
      const notes = (await r.records<NoteRow>('notes')).filter((n) => n.sessionId === sessionId);
      expect(notes.map((n) => [n.author, n.text])).toEqual([['mentee', NOTES]]);
      // And it is offered for reflection.
      const panel = await r.extensionPage('sidepanel.html');
      await panel.getByTestId('no-call').getByRole('button').first().waitFor();
      expect(await panel.getByTestId('no-call').getByRole('button').count()).toBe(1);
      const shown = await r.inExtension(
        async () => Object.keys(await chrome.notifications.getAll()),
        null,
      );
      expect(shown).toContain(`mc-reflect::${sessionId}`);
    } finally {
      await reopened?.close();
      if (!reopened) await h.close().catch(() => {});
    }
  });
});

describe('the service worker stopped ten times during a live call', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch(server);
    await prepare(h);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps one session and the away time right to a second', async () => {
    const { page, sessionId } = await goLive(h);
    const leftAt = Date.now();
    const other = await h.open('https://docs.example.org/wiki');
    for (let i = 0; i < 10; i++) {
      await h.stopWorker();
      // Any event starts a new worker (the card's port, connecting again, does too, in its own
      // time); here a message from an extension page.
      await h.inExtension(() => chrome.runtime.sendMessage({ type: 'whoami' }), null);
    }
    await page.bringToFront();
    const backAt = Date.now();
    const figures = async () => {
      const state = await h.inExtension(
        async (key) => (await chrome.storage.session.get(key))[key],
        `focus:${sessionId}`,
      );
      return focusFigures(state as FocusState, Date.now());
    };
    await until(async () => (await figures()).awaySince === null, { what: 'the return to count' });
    const f = await figures();
    expect(f.count).toBe(1);
    expect(Math.abs(f.awayMs - (backAt - leftAt))).toBeLessThanOrEqual(1_000);
    // One session for the call, still live, and the card still follows it.
    const rows = await h.records<SessionRow>('sessions');
    expect(rows.filter((s) => s.status === 'live').map((s) => s.id)).toEqual([sessionId]);
    expect(rows.filter((s) => s.meetingKey === 'meet:abc-defg-hij')).toHaveLength(1);
    await page
      .frameLocator('#mentor-companion-card')
      .getByText(/You were away/)
      .first()
      .waitFor({ timeout: 5_000 });
    await other.close();
    await page.close();
  });
});
