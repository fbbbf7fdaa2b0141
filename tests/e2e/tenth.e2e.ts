import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { type Harness, launch, startServer, until } from './harness.ts';

// Issue 13, "the tenth session", on the Mentorships page in real Chromium: a mentorship with
// three held sessions (seeded in the repositories' record shape), an action item edited and
// deleted and brought back with Undo, a booking cancelled, a past reflection reopened from
// History and changed (kept after a reload), a search for a word of the first session's notes,
// and a mentorship archived, then deleted with its records while another stays untouched.

type Row = Record<string, unknown>;
type Messages = Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;
const MESSAGES = JSON.parse(
  fs.readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8'),
) as Messages;

function msg(key: string, ...subs: string[]): string {
  const entry = MESSAGES[key];
  if (!entry) throw new Error(`no message ${key}`);
  return entry.message.replace(/\$([A-Za-z_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, n: string) => subs[Number(n) - 1] ?? '');
  });
}

const DAY = 86_400_000;
const NOW = Date.now();
const agreement = { type: 'goal-oriented', cadenceDays: 14, sessionMinutes: 45 };
const ANA = {
  id: 'm-ana',
  otherName: 'Ana',
  myRole: 'mentee',
  agreement,
  goals: [{ id: 'g1', text: 'Run my first discovery interview', createdAt: NOW - 50 * DAY }],
  createdAt: NOW - 50 * DAY,
};
const MEET = 'https://meet.google.com/abc-defg-hij';
const BEN = {
  ...ANA,
  id: 'm-ben',
  otherName: 'Ben',
  goals: [],
  createdAt: NOW - 49 * DAY,
  meetingLink: MEET,
};
const held = (id: string, mentorshipId: string, daysAgo: number, extra: Row = {}) => ({
  id,
  mentorshipId,
  kind: 'regular',
  status: 'reflected',
  startedAt: NOW - daysAgo * DAY,
  endedAt: NOW - daysAgo * DAY + 45 * 60_000,
  actionItems: [],
  ...extra,
});
const SESSIONS = [
  held('s1', 'm-ana', 42, {
    kind: 'first',
    topic: { text: 'Interview scripts', by: 'mentee', at: NOW - 43 * DAY, history: [] },
    actionItems: [{ id: 'a1', text: 'Draft the scrpit', createdAt: NOW - 42 * DAY }],
  }),
  held('s2', 'm-ana', 28, {
    topic: { text: 'Stakeholders', by: 'mentor', at: NOW - 29 * DAY, history: [] },
  }),
  held('s3', 'm-ana', 14),
  {
    id: 's4',
    mentorshipId: 'm-ana',
    kind: 'regular',
    status: 'scheduled',
    scheduledAt: NOW + 3 * DAY,
    actionItems: [],
  },
  held('b1', 'm-ben', 10),
];
const NOTES = [
  {
    id: 's1:pre:mentee',
    sessionId: 's1',
    mentorshipId: 'm-ana',
    kind: 'pre-session',
    author: 'mentee',
    text: 'I keep freezing when the customer goes quiet — the zebrafish moment',
    updatedAt: NOW - 43 * DAY,
  },
  {
    id: 'b1:pre:mentee',
    sessionId: 'b1',
    mentorshipId: 'm-ben',
    kind: 'pre-session',
    author: 'mentee',
    text: 'Ben notes stay',
    updatedAt: NOW - 11 * DAY,
  },
];
const reflection = (sessionId: string, score: number) => ({
  id: `${sessionId}:mentee`,
  sessionId,
  role: 'mentee',
  catalogueVersion: 2,
  answers: {
    'mentee.satisfied': { score },
    'mentee.valuable': { score: 4 },
    'mentee.goal-progress': { score: 3 },
  },
  complete: true,
  updatedAt: NOW - 27 * DAY,
});
const REFLECTIONS = [reflection('s2', 2), reflection('b1', 5)];

let server: FixtureServer;
let h: Harness;
let page: Page;

const region = (name: string) => page.getByRole('region', { name, exact: true });
const session = async (id: string) => (await h.records<Row>('sessions')).find((s) => s.id === id);

beforeAll(async () => {
  server = await startServer();
  h = await launch(server);
  await h.inExtension(
    async (data) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('mentor-companion');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction(['mentorships', 'sessions', 'notes', 'reflections'], 'readwrite');
      for (const [store, rows] of Object.entries(data)) {
        for (const row of rows) tx.objectStore(store).put(row);
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { mentorships: [ANA, BEN], sessions: SESSIONS, notes: NOTES, reflections: REFLECTIONS },
  );
  page = await h.extensionPage('options.html#m=m-ana');
  await page.getByRole('heading', { level: 1, name: 'Ana' }).waitFor();
});
afterAll(async () => {
  await h?.close();
  await server?.close();
});

async function stage(call: Page, state: string) {
  await call.evaluate(
    (x) => (window as unknown as { __stage: { set(s: string): Promise<void> } }).__stage.set(x),
    state,
  );
}

describe('the tenth session (issue 13)', () => {
  it('edits and deletes an action item in the card during a call; the Mentorships page follows', async () => {
    const call = await h.open(MEET);
    await stage(call, 'in-call');
    const card = call.frameLocator('#mentor-companion-card');
    const add = card.getByLabel(msg('addActionLabel'));
    await add.fill('Send the scrpit to Ben');
    await add.press('Enter');
    await card.getByRole('button', { name: msg('optEditItem', 'Send the scrpit to Ben') }).click();
    const field = card.getByLabel(msg('optItemText'), { exact: true });
    await field.fill('Send the script to Ben');
    await field.press('Enter');
    await card.getByRole('checkbox', { name: 'Send the script to Ben' }).waitFor();
    const bens = async () =>
      (await h.records<Row>('sessions')).find(
        (x) => x.mentorshipId === 'm-ben' && x.status === 'live',
      );
    await until(
      async () =>
        ((await bens())?.actionItems as Row[] | undefined)?.[0]?.text === 'Send the script to Ben',
      { what: 'the card edit to be saved' },
    );
    // The Mentorships page, open at the same time, shows the edit.
    const other = await h.extensionPage('options.html#m=m-ben');
    await other.getByRole('checkbox', { name: 'Send the script to Ben' }).waitFor();
    // Deleted in the card, and back with its Undo there.
    await card
      .getByRole('button', { name: msg('optDeleteItem', 'Send the script to Ben') })
      .click();
    await until(async () => ((await bens())?.actionItems as Row[] | undefined)?.length === 0, {
      what: 'the card delete to be saved',
    });
    await card
      .getByTestId('card-undo')
      .getByRole('button', { name: msg('undoButton') })
      .click();
    await until(async () => ((await bens())?.actionItems as Row[] | undefined)?.length === 1, {
      what: 'the card undo to be saved',
    });
    await other.getByRole('checkbox', { name: 'Send the script to Ben' }).waitFor();
    await other.close();
    await stage(call, 'ended-user');
    await until(async () => (await bens()) === undefined, { what: 'the call to end' });
    await call.close();
  });

  it('edits an action item in place; the edit shows on the page and in the store', async () => {
    const goals = region(msg('optGoalsTitle'));
    await goals.getByRole('button', { name: msg('optEditItem', 'Draft the scrpit') }).click();
    const field = goals.getByLabel(msg('optItemText'));
    await field.fill('Draft the script');
    await field.press('Enter');
    await goals.getByRole('checkbox', { name: 'Draft the script' }).waitFor();
    await until(
      async () =>
        ((await session('s1'))?.actionItems as Row[] | undefined)?.[0]?.text === 'Draft the script',
      { what: 'the edit to be saved' },
    );
    // Another Mentorships page open at the same time shows the edit too.
    const other = await h.extensionPage('options.html#m=m-ana');
    await other.getByRole('checkbox', { name: 'Draft the script' }).waitFor();
    await other.close();
  });

  it('deletes an action item without a dialog and brings it back with Undo', async () => {
    const goals = region(msg('optGoalsTitle'));
    await goals.getByRole('button', { name: msg('optDeleteItem', 'Draft the script') }).click();
    const bar = page.getByRole('status', { name: msg('undoRegion') });
    await bar.getByText(msg('undoDeleted', msg('undoWhatActionItem'))).waitFor();
    expect((await session('s1'))?.actionItems).toEqual([]);
    // Keyboard: the Undo button is reachable and works with Enter.
    await bar.getByRole('button', { name: msg('undoButton') }).focus();
    await page.keyboard.press('Enter');
    await bar.getByText(msg('undoRestored')).waitFor();
    await goals.getByRole('checkbox', { name: 'Draft the script' }).waitFor();
    const items = ((await session('s1'))?.actionItems ?? []) as Row[];
    expect(items[0]?.id).toBe('a1');
  });

  it('cancels a booked session', async () => {
    const schedule = region(msg('optScheduleTitle'));
    await schedule.getByRole('button', { name: /^Cancel the booking on/ }).click();
    await until(async () => (await session('s4')) === undefined, { what: 'the booking to go' });
    await page.getByText(msg('undoDeleted', msg('undoWhatBooking'))).waitFor();
    await until(async () => (await schedule.getByRole('listitem').count()) === 0, {
      what: 'the booking to leave the schedule',
    });
  });

  it('reopens a past reflection from History, changes it, and the change is kept after a reload', async () => {
    const history = region(msg('optHistoryTitle'));
    const rows = history.locator('tr[data-state]');
    expect(await rows.count()).toBe(3);
    // s2 is the middle one (newest first).
    await rows.nth(1).getByRole('link').click();
    await page.getByTestId('session-page').waitFor();
    expect(new URL(page.url()).hash).toBe('#s=s2');
    expect(await page.getByTestId('session-topic').textContent()).toBe('Stakeholders');
    expect(await page.getByText(msg('spProposedBy', 'Ana')).count()).toBe(1);
    const box = page.getByTestId('session-reflection');
    expect(await box.getByText(msg('spScore', '2')).count()).toBe(1);
    // `[` and `]` go to the neighbours.
    await page.keyboard.press('[');
    await until(() => new URL(page.url()).hash === '#s=s1', { what: 'the previous session' });
    await page.getByText(msg('spProposedByYou')).waitFor();
    await page.keyboard.press(']');
    await until(() => new URL(page.url()).hash === '#s=s2', { what: 'the next session' });

    const [tab] = await Promise.all([
      h.context.waitForEvent('page'),
      page
        .getByTestId('session-reflection')
        .getByRole('button', { name: msg('spReopen') })
        .click(),
    ]);
    await tab.waitForLoadState();
    expect(new URL(tab.url()).searchParams.get('session')).toBe('s2');
    await tab.getByTestId('reflection').waitFor();
    await tab.locator('[data-question="mentee.satisfied"] .rating-n').nth(4).click();
    await tab.getByRole('button', { name: msg('reflectionComplete') }).click();
    await until(
      async () => {
        const r = (await h.records<Row>('reflections')).find((x) => x.id === 's2:mentee');
        return (
          r?.complete === true &&
          (r.answers as Row)['mentee.satisfied'] !== undefined &&
          (r.answers as Record<string, Row>)['mentee.satisfied']?.score === 5
        );
      },
      { what: 'the changed reflection to be saved' },
    );
    await tab.close();
    await page.reload();
    const again = page.getByTestId('session-reflection');
    await again.getByText(msg('spScore', '5')).waitFor();
    expect(await again.getByTestId('reflection-when').textContent()).toMatch(/^Reopened on /);
    const stored = (await h.records<Row>('reflections')).find((x) => x.id === 's2:mentee');
    const kept = ((stored?.history ?? []) as Row[])[0]?.answers as Row | undefined;
    expect(kept?.['mentee.satisfied']).toEqual({ score: 2 });
  });

  it('finds the first session by a word of its notes, the word marked', async () => {
    await page.keyboard.press('/');
    const box = page.getByRole('searchbox', { name: msg('srchLabel') });
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('zebrafish');
    const results = region(msg('srchTitle'));
    await results.getByText(msg('srchCount', '1')).waitFor();
    const mark = results.locator('mark');
    expect(await mark.allTextContents()).toEqual(['zebrafish']);
    await results.getByRole('link').first().click();
    await until(() => new URL(page.url()).hash === '#s=s1', { what: 'the first session' });
    await box.fill('');
    // The session's page shows my notes there.
    expect(await page.getByTestId('my-note').textContent()).toContain('zebrafish');
  });

  it('archives a mentorship, then deletes it with its records; the other is untouched', async () => {
    const benBefore = {
      sessions: (await h.records<Row>('sessions')).filter((s) => s.mentorshipId === 'm-ben'),
      notes: (await h.records<Row>('notes')).filter((n) => n.mentorshipId === 'm-ben'),
      reflections: (await h.records<Row>('reflections')).filter((r) => r.sessionId === 'b1'),
    };
    await page.getByRole('navigation').getByRole('button', { name: /^Ana/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Ana' }).waitFor();
    await page.getByRole('button', { name: msg('optArchive'), exact: true }).click();
    await until(
      async () =>
        typeof (await h.records<Row>('mentorships')).find((m) => m.id === 'm-ana')?.archivedAt ===
        'number',
      { what: 'the archive to be saved' },
    );
    await page
      .getByRole('navigation')
      .getByRole('button', { name: msg('optArchivedTitle'), exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: msg('optArchivedTitle') }).waitFor();
    await page.getByRole('button', { name: msg('optDeleteMentorshipOf', 'Ana') }).click();
    const confirm = page.getByTestId('confirm-delete');
    await confirm.getByText(msg('optDeleteAsk', 'Ana', '3')).waitFor();
    // The backup offered first is a real download.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      confirm.getByRole('button', { name: msg('optDeleteBackup') }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    await confirm.getByRole('button', { name: msg('optDeleteForGood') }).click();
    await until(async () => !(await h.records<Row>('mentorships')).some((m) => m.id === 'm-ana'), {
      what: 'the mentorship to be deleted',
    });
    expect((await h.records<Row>('sessions')).filter((s) => s.mentorshipId === 'm-ana')).toEqual(
      [],
    );
    expect((await h.records<Row>('notes')).filter((n) => n.mentorshipId === 'm-ana')).toEqual([]);
    expect(
      (await h.records<Row>('reflections')).filter((r) => String(r.sessionId).startsWith('s')),
    ).toEqual([]);
    expect({
      sessions: (await h.records<Row>('sessions')).filter((s) => s.mentorshipId === 'm-ben'),
      notes: (await h.records<Row>('notes')).filter((n) => n.mentorshipId === 'm-ben'),
      reflections: (await h.records<Row>('reflections')).filter((r) => r.sessionId === 'b1'),
    }).toEqual(benBefore);
    expect((await h.records<Row>('mentorships')).map((m) => m.id)).toEqual(['m-ben']);
  });
});
