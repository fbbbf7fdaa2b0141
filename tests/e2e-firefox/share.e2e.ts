import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePack } from '../../lib/share/message.ts';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { aria, click, fill, type Harness, launch, startServer, until } from './harness.ts';

// A share pack in Firefox: the mentor pastes the mentee's mail, quoted by their mail client, into
// the popup, sees what will change, imports it, and the popup shows the mentee's topic and notes.

const TOPIC = 'Saying no to roadmap requests — without burning bridges';
const NOTES = [
  'Since our last session I shipped the pricing page 🚀🎉',
  '',
  '  1. How do I push back on scope creep?',
  'A phrase from my Tel Aviv team: שלום, מה שלומך?',
].join('\n');

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

const text = (page: import('puppeteer-core').Page, selector: string) =>
  page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);

describe('sharing in Firefox', () => {
  it('imports a pasted pack once, after showing what it changes', async () => {
    const message = encodePack({
      v: 1,
      kind: 'pre-session',
      from: 'mentee',
      topic: TOPIC,
      notes: NOTES,
      createdAt: '2026-11-03T09:12:00.000Z',
      mentorship: { id: 'pair-ana-ben', mentorName: 'Ana', menteeName: 'Ben' },
    });
    const quoted = [
      'Thanks Ben, see you then!',
      '',
      'On Mon, 3 Nov 2026 at 09:12, Ben <ben@example.org> wrote:',
      ...message.split('\n').map((line) => `> ${line}`),
    ].join('\n');

    const popup = await h.extensionPage('popup.html');
    await click(popup, aria('radio', 'mentor'));
    await fill(popup, aria('textbox', "Your mentee's name"), 'Ben');
    await click(popup, aria('button', 'Create'));
    await popup.waitForSelector(aria('heading', 'Next session with Ben'));
    // The share step shows open: its paste box is there without a click.
    await popup.waitForSelector(aria('heading', 'Share with your mentee'));
    await fill(popup, aria('textbox', 'Paste a message from your mentee'), quoted);
    await click(popup, aria('button', 'Read pack'));
    await popup.waitForSelector('[data-testid="import-preview"]');
    expect(await text(popup, '[data-testid="import-preview"] p')).toBe(
      'Importing into your mentorship with Ben will:',
    );
    // A preview only: nothing written yet.
    expect(await h.records('notes')).toEqual([]);
    await click(popup, aria('button', 'Import'));
    await until(async () => (await text(popup, '[data-testid="import-info"]')) === 'Imported.', {
      what: 'the import to be written',
    });
    const notes = await h.records<{ text: string; author: string }>('notes');
    expect(notes.map((n) => [n.author, n.text])).toEqual([['mentee', NOTES]]);
    const field = (name: string) =>
      popup.$eval(aria('textbox', name), (el) => (el as HTMLTextAreaElement).value);
    await until(
      async () =>
        (await field("Your mentee's pre-session thoughts")) === NOTES &&
        (await field('Agreed topic')) === TOPIC,
      { what: 'the popup to show the imported topic and notes' },
    );

    // The same pack again changes nothing, and says so.
    const box = aria('textbox', 'Paste a message from your mentee');
    await fill(popup, box, quoted);
    await click(popup, aria('button', 'Read pack'));
    await until(
      async () =>
        (await text(popup, '[data-testid="import-info"]')) ===
        'Already imported: nothing to change.',
      { what: 'the popup to say nothing changes' },
    );
    expect(await h.records('notes')).toHaveLength(1);
    await popup.close();
  });
});
