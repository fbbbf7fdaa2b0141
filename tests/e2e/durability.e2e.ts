import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { launch, newProfileDir, startServer, until } from './harness.ts';

// Nothing typed is lost: the browser is closed while the person is still typing (no waiting for
// "Saved"), and every character typed before the close is there when it opens again.

let server: FixtureServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

const TYPED = 'Roadmap trade-offs, then hiring: שלום 🚀 and one last word';

async function noteTexts(h: Awaited<ReturnType<typeof launch>>): Promise<string[]> {
  return (await h.records<{ text: string }>('notes')).map((n) => n.text);
}

describe('the browser closed mid-typing', () => {
  it('keeps every character typed into the popup', async () => {
    const profile = newProfileDir();
    const first = await launch(server, { userDataDir: profile });
    const popup = await first.extensionPage('popup.html');
    await popup.getByLabel("Your mentor's name").fill('Ana');
    await popup.getByRole('button', { name: 'Create' }).click();
    const notes = popup.getByLabel('Your pre-session thoughts');
    await notes.click();
    await popup.keyboard.type(TYPED, { delay: 5 });
    // No wait for "Saved": the window goes the moment the last key is down.
    await first.close({ keepProfile: true });

    // Opened again: every character is there, and written to the database (the last
    // keystrokes may have been only in the page's synchronous journal when it closed).
    const again = await launch(server, { userDataDir: profile });
    const reopened = await again.extensionPage('popup.html');
    await expect
      .poll(() => reopened.getByLabel('Your pre-session thoughts').inputValue())
      .toBe(TYPED);
    await expect.poll(() => noteTexts(again)).toEqual([TYPED]);
    await again.close();
  });

  it('keeps every character typed into a reflection', async () => {
    const profile = newProfileDir();
    const first = await launch(server, { userDataDir: profile });
    // A mentorship with one ended session to reflect on, made through the popup and a call.
    const popup = await first.extensionPage('popup.html');
    await popup.getByLabel("Your mentor's name").fill('Ana');
    await popup.getByRole('button', { name: 'Create' }).click();
    await popup.getByLabel('Your pre-session thoughts').waitFor();
    const sessionId = await first.inExtension(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('mentor-companion');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('sessions', 'readwrite');
            const store = tx.objectStore('sessions');
            const req = store.getAll();
            req.onsuccess = () => {
              const [s] = req.result as Array<Record<string, unknown>>;
              if (!s) return reject(new Error('no session'));
              const now = Date.now();
              store.put({
                ...s,
                status: 'ended',
                startedAt: now - 3_000_000,
                endedAt: now - 60_000,
              });
              tx.oncomplete = () => resolve(s.id as string);
            };
          };
        }),
      null,
    );
    const panel = await first.extensionPage(`sidepanel.html?view=reflect&session=${sessionId}`);
    const field = panel.getByRole('textbox').first();
    await field.click();
    await panel.keyboard.type(TYPED, { delay: 5 });
    await first.close({ keepProfile: true });

    // Opened again, the reflection shows every character, and the database holds them (the
    // last keystrokes may have been only in the page's synchronous journal when it closed).
    const again = await launch(server, { userDataDir: profile });
    const reopened = await again.extensionPage(`sidepanel.html?view=reflect&session=${sessionId}`);
    await expect.poll(() => reopened.getByRole('textbox').first().inputValue()).toBe(TYPED);
    const reflectionNotes = async () => {
      const reflections = await again.records<{ answers: Record<string, { note?: string }> }>(
        'reflections',
      );
      return reflections.flatMap((r) => Object.values(r.answers).map((a) => a.note ?? ''));
    };
    await expect.poll(reflectionNotes).toContain(TYPED);
    await again.close();
  });

  it('keeps every character typed into the card, not yet added, as an action item', async () => {
    const profile = newProfileDir();
    const first = await launch(server, { userDataDir: profile });
    const link = 'https://meet.google.com/abc-defg-hij';
    const popup = await first.extensionPage('popup.html');
    await popup.getByLabel("Your mentor's name").fill('Ana');
    await popup.getByLabel(/Meeting link/).fill(link);
    await popup.getByRole('button', { name: 'Create' }).click();
    await popup.getByLabel('Your pre-session thoughts').waitFor();
    await popup.close();
    const page = await first.open(link);
    await page.evaluate(() =>
      (window as unknown as { __stage: { set(s: string): Promise<void> } }).__stage.set('in-call'),
    );
    const card = page.frameLocator('#mentor-companion-card');
    await card.getByTestId('topic').waitFor();
    await card.getByLabel('New action item').click();
    await page.keyboard.type(TYPED, { delay: 5 });
    // No Enter, no wait: the browser goes the moment the last key is down.
    await first.close({ keepProfile: true });

    // Opened again: the call is over, and what was typed is one of its action items.
    const again = await launch(server, { userDataDir: profile });
    const items = await until(
      async () => {
        const sessions = await again.records<{ status: string; actionItems: { text: string }[] }>(
          'sessions',
        );
        const texts = sessions.flatMap((s) => s.actionItems.map((a) => a.text));
        return texts.length ? texts : undefined;
      },
      { timeout: 15_000, what: 'the unsent action item to be added' },
    );
    expect(items).toEqual([TYPED]);
    await again.close();
  });
});
