import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { type Harness, launch, startServer, until } from './harness.ts';

// One whole session without the mouse: only `page.keyboard` acts. The test reads the page (to
// know where focus is, and what is on screen) but never clicks, fills or focuses anything. The
// fixture call's stage changes (joining, the call ending) stand for the meeting platform, not
// for the user.
//
// Onboarding in the popup, the topic and notes, the card on the call (whose shortcut Chrome
// holds, checked here as bound) reached with Tab, an action item typed there, leaving the call, the reflection in
// the side panel opened as a tab from the popup, answered and completed.

const MEET = 'https://meet.google.com/kbd-only-one';
let server: FixtureServer;
let h: Harness;

async function stage(page: Page, state: string) {
  await page.evaluate(
    (s) => (window as unknown as { __stage: { set(s: string): Promise<void> } }).__stage.set(s),
    state,
  );
}

/** What has focus in a document: its tag, type, accessible name and test id. */
function focusOf(target: Page | Frame) {
  return target.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'BODY', name: '', type: '', testid: '' };
    const labelled = el.getAttribute('aria-labelledby');
    const name =
      el.getAttribute('aria-label') ??
      (labelled ? (document.getElementById(labelled)?.textContent ?? '') : '');
    const label = el.closest('label')?.textContent ?? '';
    return {
      tag: el.tagName,
      type: el.getAttribute('type') ?? '',
      name: `${name} ${label} ${el.textContent ?? ''}`.replace(/\s+/g, ' ').trim(),
      testid: el.dataset.testid ?? '',
    };
  });
}

/**
 * Presses Tab (in `page`) until focus in `target` matches; fails naming where focus went.
 * `target` is the page or a frame in it (the card).
 */
async function tabTo(
  page: Page,
  want: (f: Awaited<ReturnType<typeof focusOf>>) => boolean,
  what: string,
  target: Page | Frame = page,
) {
  const seen: string[] = [];
  for (let i = 0; i < 60; i++) {
    const f = await focusOf(target);
    if (want(f)) return;
    seen.push(`${f.tag}${f.type ? `[${f.type}]` : ''} ${f.name.slice(0, 40)}`);
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what}; focus went: ${seen.join(' → ')}`);
}

const cardFrame = (page: Page) => page.frames().find((f) => f.url().includes('/overlay.html'));

beforeAll(async () => {
  server = await startServer();
  h = await launch(server);
});
afterAll(async () => {
  await h?.close();
  await server?.close();
});

describe('a whole session from the keyboard alone', () => {
  let sessionId = '';

  it('sets up the first mentorship and the session notes in the popup', async () => {
    const popup = await h.extensionPage('popup.html');
    await popup.getByLabel("Your mentor's name").waitFor();
    await tabTo(popup, (f) => f.tag === 'INPUT' && /mentor's name/i.test(f.name), 'the name');
    await popup.keyboard.type('Ana Moreno');
    await popup.keyboard.press('Tab');
    expect((await focusOf(popup)).name).toMatch(/Meeting link/);
    await popup.keyboard.type(MEET);
    await tabTo(popup, (f) => f.tag === 'BUTTON' && f.name === 'Create', 'Create');
    await popup.keyboard.press('Enter');
    await popup.getByLabel('Agreed topic').waitFor();

    await tabTo(popup, (f) => f.tag === 'INPUT' && /Agreed topic/.test(f.name), 'the topic');
    await popup.keyboard.type('Saying no to a VP');
    await tabTo(popup, (f) => f.tag === 'TEXTAREA', 'the notes');
    await popup.keyboard.type('Two questions.\nOne story.');
    await popup.getByTestId('save-status').getByText('Saved').waitFor();
    const [mentorship] = await h.records<{ otherName: string; meetingLink: string }>('mentorships');
    expect(mentorship?.otherName).toBe('Ana Moreno');
    await popup.close();
  });

  it('reaches the card on the call with Tab and takes an action item there', async () => {
    const call = await h.open(MEET);
    await stage(call, 'in-call');
    const tab = String(await h.tabId(call));
    await until(async () => (await h.calls())[tab]?.state === 'in-call', {
      what: 'the call to go live',
    });
    await until(() => Boolean(cardFrame(call)), { what: 'the card' });
    const visible = () =>
      call.evaluate(() => {
        const frame = document.getElementById('mentor-companion-card');
        return Boolean(frame?.getClientRects().length && frame.offsetWidth > 0);
      });
    await until(visible, { what: 'the card shown' });
    // The card's shortcut is Chrome's to catch: a key press sent to the page, as page.keyboard
    // does (CDP Input.dispatchKeyEvent), never reaches Chrome's own shortcut handling (seen
    // here: Ctrl+Shift+Period from page.keyboard left the card as it was). So the test checks
    // the binding Chrome holds, and the card is on screen by itself on a live call; what the
    // command does (toggle-card) is tested in oncall.e2e.ts.
    const commands = await h.inWorker(() => chrome.commands.getAll(), null);
    expect(commands.find((c) => c.name === 'toggle-card')?.shortcut).toBe('Ctrl+Shift+Period');

    // Tab from the call page into the card, to its action item field.
    const card = cardFrame(call) as Frame;
    await card.getByTestId('topic').waitFor();
    await tabTo(call, (f) => f.tag === 'INPUT' && /action item/i.test(f.name), 'the card', card);
    await call.keyboard.type('Send the VP the trade-off table');
    await call.keyboard.press('Enter');
    await card.getByText('Send the VP the trade-off table').waitFor();
    const [session] = await h.records<{ id: string; actionItems: Array<{ text: string }> }>(
      'sessions',
    );
    expect(session?.actionItems.map((a) => a.text)).toContain('Send the VP the trade-off table');
    sessionId = session?.id ?? '';

    // Leaving: the leave button in the call's toolbar, from the keyboard; the call then ends.
    await call.keyboard.press('Shift+Tab');
    await tabTo(call, (f) => f.tag === 'BUTTON' && f.name.startsWith('Leave call'), 'Leave');
    await call.keyboard.press('Enter');
    await stage(call, 'ended-user');
    await until(
      async () => (await h.records<{ status: string }>('sessions'))[0]?.status === 'ended',
      { what: 'the session to end' },
    );
    await call.close();
  });

  it('reflects in the side panel opened as a tab from the popup, and completes it', async () => {
    const popup = await h.extensionPage('popup.html');
    await popup.getByTestId('to-reflect').waitFor();
    await tabTo(popup, (f) => f.tag === 'BUTTON' && f.name === 'Reflect now', 'Reflect now');
    const [panel] = await Promise.all([
      h.context.waitForEvent('page'),
      popup.keyboard.press('Enter'),
    ]);
    await panel.waitForLoadState();
    expect(panel.url()).toContain(`sidepanel.html?view=reflect&session=${sessionId}`);
    await panel.getByTestId('reflection').waitFor();

    // Each rating: Tab into its group, arrows to choose (Right picks 2 from nothing, then 4).
    const groups = await panel.locator('[role="radiogroup"]').count();
    expect(groups).toBeGreaterThan(0);
    for (let g = 0; g < groups; g++) {
      await tabTo(panel, (f) => f.tag === 'INPUT' && f.type === 'radio', `rating ${g + 1}`);
      await panel.keyboard.press('ArrowRight');
      await panel.keyboard.press('ArrowRight');
      await panel.keyboard.press('ArrowRight');
      // Onwards, past this group's radios.
      await panel.keyboard.press('Tab');
    }
    await tabTo(panel, (f) => f.tag === 'BUTTON' && f.name === 'Complete reflection', 'Complete');
    await panel.keyboard.press('Enter');
    await panel
      .getByTestId('reflection-status')
      .getByText('Reflection complete. You can still change it.')
      .waitFor();
    await until(
      async () =>
        (await h.records<{ sessionId: string; complete: boolean }>('reflections')).some(
          (r) => r.sessionId === sessionId && r.complete,
        ),
      { what: 'the reflection to be complete' },
    );
    const [reflection] = await h.records<{
      answers: Record<string, { score?: number }>;
    }>('reflections');
    const scores = Object.values(reflection?.answers ?? {})
      .map((a) => a.score)
      .filter((s) => s !== undefined);
    expect(scores.length).toBe(groups);
    expect(new Set(scores)).toEqual(new Set([scores[0]]));
    await panel.close();
    await popup.close();
  });
});
