import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { type Harness, launch, startServer, until } from './harness.ts';

// When the call ends: the side panel turns into the reflection checklist (or the end card in the
// call tab opens it), answers are kept as typed, and first and last sessions ask for more.

let server: FixtureServer;
let h: Harness;
const MEET = 'https://meet.google.com/abc-defg-hij';

async function stage(page: Page, state: string) {
  await page.evaluate(
    (s) => (window as unknown as { __stage: { set(s: string): Promise<void> } }).__stage.set(s),
    state,
  );
}

async function goLive(url = MEET) {
  const page = await h.open(url);
  await stage(page, 'in-call');
  const tab = String(await h.tabId(page));
  await until(async () => (await h.calls())[tab]?.state === 'in-call', {
    what: 'the call to go live',
  });
  await page.frameLocator('#mentor-companion-card').getByTestId('topic').waitFor();
  return page;
}

const panelView = () =>
  h
    .panelEval<string>(`(() => {
    const r = document.querySelector('[data-testid=reflection]');
    if (r) return 'reflect:' + r.getAttribute('data-kind');
    if (document.querySelector('[data-testid=live-view]')) return 'live';
    if (document.querySelector('[data-testid=no-call]')) return 'no-call';
    return 'loading';
  })()`)
    .catch(() => 'none');

const questionsInPanel = () =>
  h.panelEval<string[]>(
    `[...document.querySelectorAll('[data-question]')].map((q) => q.getAttribute('data-question'))`,
  );

async function closePanel(page: Page) {
  await h.inExtension((tab) => chrome.sidePanel.close({ tabId: tab }), await h.tabId(page));
  await until(async () => !(await h.panelUrl()), { what: 'the panel to close' });
}

interface ReflectionRow {
  id: string;
  sessionId: string;
  role: string;
  catalogueVersion: number;
  answers: Record<string, { score?: number; note?: string }>;
  complete: boolean;
}

beforeAll(async () => {
  server = await startServer();
  h = await launch(server);
  const popup = await h.extensionPage('popup.html');
  await popup.getByLabel("Your mentor's name").fill('Ana');
  await popup.getByLabel(/Meeting link/).fill(MEET);
  await popup.getByRole('button', { name: 'Create' }).click();
  await popup.getByLabel('Agreed topic').fill('Career ladder');
  await until(
    async () => (await popup.getByTestId('save-status').textContent())?.includes('Saved'),
    { what: 'save' },
  );
  await popup.close();
});
afterAll(async () => {
  await h?.close();
  await server?.close();
});

describe('the side panel', () => {
  it('switches from the live session to the reflection when the call ends, and keeps answers typed there', async () => {
    const page = await goLive();
    // Opened by a click, as a user would: the card's "open side panel" button.
    await page.frameLocator('#mentor-companion-card').getByTestId('open-panel').click();
    await until(() => h.panelUrl(), { what: 'the panel to open' });
    await until(async () => (await panelView()) === 'live', { what: 'the live view' });
    expect(
      await h.panelEval<string>(`document.querySelector('[data-testid=topic]').textContent`),
    ).toBe('Career ladder');

    await stage(page, 'ended-user');
    const tab = String(await h.tabId(page));
    await until(async () => (await h.calls())[tab]?.state === 'ended', {
      interval: 50,
      what: 'the call to end',
    });
    const endedAt = Date.now();
    await until(async () => (await panelView()).startsWith('reflect'), {
      timeout: 2_000,
      interval: 50,
      what: 'the reflection view',
    });
    expect(Date.now() - endedAt).toBeLessThan(2_000);
    // First session of the mentorship: its extra items are there.
    expect(await panelView()).toBe('reflect:first');
    const questions = await questionsInPanel();
    expect(questions).toContain('first.introductions');
    expect(questions.some((q) => q.startsWith('last.'))).toBe(false);
    expect(questions).toContain('mentee.satisfied');
    expect(questions.some((q) => q.startsWith('mentor.'))).toBe(false);

    await h.panelEval(
      `document.querySelector('[data-question="mentee.satisfied"] input[value="4"]').click()`,
    );
    await h.panelEval(`(() => {
      const area = document.querySelector('[data-question="session.raise-next"] textarea');
      area.value = 'Ask about the promotion timeline';
      area.dispatchEvent(new Event('input', { bubbles: true }));
    })()`);
    await until(
      async () => {
        const rows = await h.records<ReflectionRow>('reflections');
        const r = rows[0];
        return (
          r?.answers['mentee.satisfied']?.score === 4 &&
          r.answers['session.raise-next']?.note === 'Ask about the promotion timeline'
        );
      },
      { what: 'the answers in IndexedDB' },
    );

    // Closed and opened again (from the end card's button): the answers are there.
    await closePanel(page);
    await page
      .frameLocator('#mentor-companion-card')
      .getByRole('button', { name: 'Reflect now' })
      .click();
    await until(async () => (await h.panelUrl()) && (await panelView()).startsWith('reflect'), {
      what: 'the panel again',
    });
    await until(
      () =>
        h.panelEval<boolean>(
          `document.querySelector('[data-question="mentee.satisfied"] input[value="4"]')?.checked === true`,
        ),
      { what: 'the saved rating' },
    );
    expect(
      await h.panelEval<string>(
        `document.querySelector('[data-question="session.raise-next"] textarea').value`,
      ),
    ).toBe('Ask about the promotion timeline');
    await closePanel(page);
    await page.close();
  });

  it('shows an end card whose button opens the panel on the reflection when the panel was closed', async () => {
    const page = await goLive();
    expect(await h.panelUrl()).toBeUndefined();
    await stage(page, 'ended-user');
    const button = page
      .frameLocator('#mentor-companion-card')
      .getByRole('button', { name: 'Reflect now' });
    await button.waitFor({ timeout: 5_000 });
    await button.click();
    const url = await until(() => h.panelUrl(), { what: 'the panel target' });
    expect(url).toContain('view=reflect');
    await until(async () => (await panelView()) === 'reflect:regular', {
      what: 'the reflection view',
    });
    const questions = await questionsInPanel();
    expect(questions.some((q) => q.startsWith('first.') || q.startsWith('last.'))).toBe(false);
    await closePanel(page);
    await page.close();
  });

  it('asks the last-session questions of a session marked as the last', async () => {
    // The next session is marked as the last one (as the Mentorships page does).
    await h.inExtension(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('mentor-companion');
          open.onsuccess = () => {
            const tx = open.result.transaction('sessions', 'readwrite');
            const store = tx.objectStore('sessions');
            store.put({
              id: 'last-one',
              mentorshipId: null,
              kind: 'last',
              status: 'scheduled',
              scheduledAt: Date.now(),
              actionItems: [],
            });
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
      null,
    );
    const mentorship = (await h.records<{ id: string }>('mentorships'))[0];
    await h.inExtension(
      (id) =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open('mentor-companion');
          open.onsuccess = () => {
            const tx = open.result.transaction('sessions', 'readwrite');
            const store = tx.objectStore('sessions');
            const get = store.get('last-one');
            get.onsuccess = () => store.put({ ...get.result, mentorshipId: id });
            tx.oncomplete = () => resolve();
          };
        }),
      mentorship?.id,
    );
    const page = await goLive();
    await stage(page, 'ended-user');
    await page
      .frameLocator('#mentor-companion-card')
      .getByRole('button', { name: 'Reflect now' })
      .click();
    await until(async () => (await h.panelUrl()) && (await panelView()) === 'reflect:last', {
      what: 'the last-session reflection',
    });
    const questions = await questionsInPanel();
    expect(questions).toEqual(
      expect.arrayContaining(['last.takeaways', 'last.retrospective', 'last.whats-next']),
    );
    expect(questions.some((q) => q.startsWith('first.'))).toBe(false);
    await closePanel(page);
    await page.close();
  });
});

describe('bad input', () => {
  it('says so when the panel is opened with no call', async () => {
    const tab = await h.extensionPage('sidepanel.html');
    await tab.getByTestId('no-call').waitFor();
    expect(await tab.getByTestId('no-call').textContent()).toContain('No call in this tab');
    await tab.close();
  });

  it('refuses a reflection for a session that no longer exists, writing nothing', async () => {
    const before = await h.records('reflections');
    const tab = await h.extensionPage('sidepanel.html?view=reflect&session=gone');
    await tab.getByTestId('reflection-error').waitFor();
    expect(await tab.getByTestId('reflection-error').textContent()).toContain('no longer exists');
    expect(await h.records('reflections')).toEqual(before);
    await tab.close();
  });

  it('keeps a reflection saved by a newer release untouched', async () => {
    const session = (await h.records<{ id: string; status: string }>('sessions')).find(
      (s) => s.status === 'ended',
    );
    const future: ReflectionRow = {
      id: `${session?.id}:mentee`,
      sessionId: session?.id ?? '',
      role: 'mentee',
      catalogueVersion: 99,
      answers: { 'mentee.satisfied': { score: 5, note: 'from the future' } },
      complete: true,
    };
    await h.inExtension(
      (row) =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open('mentor-companion');
          open.onsuccess = () => {
            const tx = open.result.transaction('reflections', 'readwrite');
            tx.objectStore('reflections').put({ ...row, updatedAt: 1 });
            tx.oncomplete = () => resolve();
          };
        }),
      future,
    );
    const tab = await h.extensionPage(`sidepanel.html?view=reflect&session=${session?.id}`);
    await tab.getByTestId('reflection-error').waitFor();
    expect(await tab.getByTestId('reflection-error').textContent()).toContain('newer version');
    const stored = (await h.records<ReflectionRow>('reflections')).find((r) => r.id === future.id);
    expect(stored).toMatchObject({ catalogueVersion: 99, answers: future.answers });
    await tab.close();
  });
});
