import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { type CallEntry, type Harness, launch, sleep, startServer, until } from './harness.ts';

// The background's side of detection (issue 11), on the real Zoom hostname: right after joining,
// the Zoom web client can load a whole new page within /wc/ while audio starts. The content
// script that saw the call is gone with the old page; the background holds the session for a
// grace, and the new page reporting in-call continues it: one session, not two.

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

interface SessionRow {
  status: string;
  meetingKey?: string;
  startedAt?: number;
  endedAt?: number;
}

type Held = CallEntry & { held?: { since: number; until: number } };

const stage = (page: Page, s: string) =>
  page.evaluate(
    (x) => (window as unknown as { __stage: { set(s: string): Promise<void> } }).__stage.set(x),
    s,
  );

async function entryOf(page: Page): Promise<Held | undefined> {
  return (await h.calls())[String(await h.tabId(page))] as Held | undefined;
}

const sessionsOf = async (key: string) =>
  (await h.records<SessionRow>('sessions')).filter((s) => s.meetingKey === key);

/** The page loads another address itself, as the Zoom client does: a full page load. */
async function reloadTo(page: Page, path: string) {
  await Promise.all([
    page.waitForURL((u) => u.pathname === path.split('?')[0]),
    page.evaluate((p) => {
      location.href = p;
    }, path),
  ]);
}

describe('a Zoom call whose page loads anew within /wc/', () => {
  it('keeps one session when the new page reports in-call within the grace', async () => {
    const page = await h.open('https://app.zoom.us/wc/555000444/join?state=in-call');
    await until(async () => (await entryOf(page))?.state === 'in-call', {
      timeout: 10_000,
      what: 'the call to be live',
    });
    const [before] = await sessionsOf('zoom:555000444');
    await reloadTo(page, '/wc/555000444/start?state=unknown');
    const held = await until(async () => (await entryOf(page))?.held, {
      what: 'the call to be held',
    });
    expect(held.until - held.since).toBe(30_000);
    await sleep(3_000);
    expect((await entryOf(page))?.state).toBe('in-call');
    await stage(page, 'in-call');
    await until(
      async () => {
        const e = await entryOf(page);
        return e?.state === 'in-call' && e.held === undefined;
      },
      { what: 'the held call to go on' },
    );
    const after = await sessionsOf('zoom:555000444');
    expect(after.map((s) => s.status)).toEqual(['live']);
    expect(after[0]?.startedAt).toBe(before?.startedAt);
    await stage(page, 'ended-host');
    await until(async () => (await entryOf(page))?.state === 'ended', { what: 'the end' });
    expect((await sessionsOf('zoom:555000444')).map((s) => s.status)).toEqual(['ended']);
    await page.close();
  });

  it('ends the session when the new page shows no call by the end of the grace', async () => {
    const page = await h.open('https://app.zoom.us/wc/555000555/join?state=in-call');
    await until(async () => (await entryOf(page))?.state === 'in-call', {
      timeout: 10_000,
      what: 'the call to be live',
    });
    await reloadTo(page, '/wc/555000555/start?state=unknown');
    const held = await until(async () => (await entryOf(page))?.held, {
      what: 'the call to be held',
    });
    // The grace's alarm ends it, at the time the old page went away.
    await until(async () => (await entryOf(page))?.state === 'ended', {
      timeout: 40_000,
      interval: 500,
      what: 'the held call to end',
    });
    const [s] = await sessionsOf('zoom:555000555');
    expect(s).toMatchObject({ status: 'ended', endedAt: held.since });
    await page.close();
  });
});
