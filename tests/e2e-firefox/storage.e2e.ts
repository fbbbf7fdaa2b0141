import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { aria, click, fill, launch, newProfileDir, startServer, until } from './harness.ts';

// What the user types in Firefox is still there after the browser is closed and opened again on
// the same profile.

let server: FixtureServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

const NOTE = 'I want to talk about\nroadmap trade-offs 🚀 · שלום';

describe('storage in Firefox', () => {
  it('keeps a note typed into the popup after the browser is closed and opened again', async () => {
    const profile = newProfileDir();
    const first = await launch(server, { profileDir: profile });
    try {
      const popup = await first.extensionPage('popup.html');
      await fill(popup, aria('textbox', "Your mentor's name"), 'Ana');
      await click(popup, aria('button', 'Create'));
      await fill(popup, aria('textbox', 'Your pre-session thoughts'), NOTE);
      await until(
        () =>
          popup.evaluate(() =>
            document.querySelector('[data-testid="save-status"]')?.textContent?.includes('Saved'),
          ),
        { what: 'the note to save' },
      );
    } finally {
      await first.close({ keepProfile: true });
    }

    const again = await launch(server, { profileDir: profile });
    try {
      const reopened = await again.extensionPage('popup.html');
      const field = aria('textbox', 'Your pre-session thoughts');
      await reopened.waitForSelector(field);
      await until(
        async () =>
          (await reopened.$eval(field, (el) => (el as HTMLTextAreaElement).value)) === NOTE,
        { what: 'the note in the reopened popup' },
      );
      const stored = await again.records<{ text: string }>('notes');
      expect(stored.map((n) => n.text)).toEqual([NOTE]);
      expect(
        (await again.records<{ otherName: string }>('mentorships')).map((m) => m.otherName),
      ).toEqual(['Ana']);
    } finally {
      await again.close();
    }
  });
});
