import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc32Hex } from '../../lib/crc32.ts';
import { PACK_BEGIN, PACK_END } from '../../lib/share/block.ts';
import { decodePack, encodePack } from '../../lib/share/message.ts';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { EXTENSION_DIR, type Harness, launch, startServer, until } from './harness.ts';

// Issue 6, end to end in real Chromium with two profiles: the mentee (A) prepares the session in
// the popup and shares it by email; the mentor (B) pastes the mail, quoted by their mail client,
// into the popup, imports it, and sees the topic and notes on the session card in the call.
// Importing twice changes nothing; bad input gets one sentence and changes nothing. Focus
// figures never travel, and the notes never enter the call page's own DOM.

const MEETING = 'https://meet.google.com/abc-defg-hij';
const TOPIC = 'Saying no to roadmap requests — without burning bridges';
// Multi-line, with a blank line, indentation, a link, emoji and right-to-left phrases.
const NOTES = [
  'Since our last session I shipped the pricing page 🚀🎉',
  '',
  'Questions:',
  '  1. How do I push back on scope creep?',
  '  2. Read this first: https://example.org/blog/roadmaps?ref=mentor&x=1#part-2',
  'A phrase from my Tel Aviv team: שלום, מה שלומך? and one in Arabic: شكرا جزيلا',
  'Last line 👩🏽‍💻 end.',
].join('\n');

/** The English sentence the popup shows for an error code (from the locale catalogue). */
const EN_MESSAGES = JSON.parse(
  fs.readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8'),
) as Record<string, { message: string }>;
const sentence = (code: string): string =>
  EN_MESSAGES[`error_${code.replaceAll('-', '_')}`]?.message ?? `no sentence for ${code}`;

let server: FixtureServer;
let a: Harness;
let b: Harness;
let mailtoBody = '';
/** The message as B's mail client shows it in a reply: quoted, with an attribution line. */
let quoted = '';
let aMentorshipId = '';

type Row = Record<string, unknown>;

const builtAt = () => fs.statSync(path.join(EXTENSION_DIR, 'manifest.json')).mtimeMs;
let launchedOn = 0;

beforeAll(async () => {
  launchedOn = builtAt();
  server = await startServer();
  [a, b] = await Promise.all([launch(server), launch(server)]);
});
afterAll(async () => {
  await Promise.allSettled([a?.close(), b?.close()]);
  await server?.close();
});

async function stage(page: Page, state: string) {
  await page.evaluate(
    (s) => (window as unknown as { __stage: { set(s: string): Promise<void> } }).__stage.set(s),
    state,
  );
}

/**
 * Waits until the session card in `page` shows `want` in the element with `testId`; on failure
 * says what the card, the call and the records were.
 */
async function cardShows(h: Harness, page: Page, testId: string, want: (text: string) => boolean) {
  const el = page.frameLocator('#mentor-companion-card').getByTestId(testId);
  await until(async () => want((await el.textContent({ timeout: 300 }).catch(() => null)) ?? ''), {
    what: `the session card's ${testId}`,
    timeout: 10_000,
  }).catch(async (error) => {
    const frame = await page.locator('#mentor-companion-card').count();
    const card = await page
      .frameLocator('#mentor-companion-card')
      .locator('body')
      .textContent({ timeout: 1_000 })
      .catch(() => '(unreadable)');
    const sessions = (await h.records<Row>('sessions')).map((s) => [s.status, s.meetingKey]);
    const rebuilt =
      builtAt() !== launchedOn ? '; the extension was rebuilt while this test ran' : '';
    throw new Error(
      `${(error as Error).message}; frames ${frame}, card ${JSON.stringify(card)}, calls ${JSON.stringify(await h.calls())}, sessions ${JSON.stringify(sessions)}${rebuilt}`,
    );
  });
}

/** Fills the popup's first-run form. */
async function onboard(popup: Page, role: 'mentee' | 'mentor', otherName: string) {
  await popup.getByRole('radio', { name: role, exact: true }).check();
  await popup
    .getByLabel(role === 'mentee' ? "Your mentor's name" : "Your mentee's name")
    .fill(otherName);
  await popup.getByLabel('Meeting link (if you reuse one)').fill(MEETING);
  await popup.getByRole('button', { name: 'Create' }).click();
  await popup.getByRole('heading', { name: `Next session with ${otherName}` }).waitFor();
}

async function snapshot(h: Harness) {
  const [mentorships, sessions, notes] = await Promise.all([
    h.records<Row>('mentorships'),
    h.records<Row>('sessions'),
    h.records<Row>('notes'),
  ]);
  return { mentorships, sessions, notes };
}

describe('sharing the pre-session notes from mentee to mentor', () => {
  let popupB: Page;

  it('the mentee prepares the session in the popup and gets a mailto link with all of it', async () => {
    const popup = await a.extensionPage('popup.html');
    await onboard(popup, 'mentee', 'Ana');

    // A first call, with a moment away from it: the mentee now has focus figures of their own.
    const call = await a.open(MEETING);
    await stage(call, 'in-call');
    await cardShows(a, call, 'topic', (text) => text.length > 0);
    const elsewhere = await a.open('https://docs.example.org/wiki');
    await new Promise((r) => setTimeout(r, 300));
    await call.bringToFront();
    // The card shows the time away (the presence share shows from the first minute on).
    await cardShows(a, call, 'focus', (text) => /Away \d+:\d\d \(1×\)/.test(text));
    await stage(call, 'ended-user');
    const focus = await until(
      async () =>
        (await a.records<Row>('sessions')).find((s) => s.status === 'ended' && s.focus)?.focus,
      { what: "A's first session to end with its focus figures", timeout: 10_000 },
    );
    expect(focus).toMatchObject({ count: expect.any(Number), presentShare: expect.any(Number) });
    await Promise.all([call.close(), elsewhere.close()]);

    // Then the mentee prepares the next session.
    await popup.reload();
    await popup.getByRole('heading', { name: 'Next session with Ana' }).waitFor();
    await popup.getByLabel('Agreed topic').fill(TOPIC);
    await popup.getByLabel('Your pre-session thoughts').fill(NOTES);
    await until(
      async () => {
        const { sessions, notes } = await snapshot(a);
        return (
          notes.some((n) => n.text === NOTES && n.author === 'mentee') &&
          sessions.some((s) => (s.topic as { text?: string } | undefined)?.text === TOPIC)
        );
      },
      { what: "A's topic and notes to be saved" },
    );
    aMentorshipId = String((await a.records<Row>('mentorships'))[0]?.id);

    // The share step shows open, as a step of its own.
    await popup.getByRole('heading', { name: 'Share with your mentor' }).waitFor();
    const link = popup.getByTestId('share-mailto');
    await link.waitFor({ state: 'visible' });
    expect(await link.textContent()).toBe('Email to my mentor');
    const href = (await link.getAttribute('href')) ?? '';
    expect(href.startsWith('mailto:?subject=')).toBe(true);
    const subject = decodeURIComponent(/[?&]subject=([^&]*)/.exec(href)?.[1] ?? '');
    expect(subject).toBe(`Pre-session notes: ${TOPIC}`);
    mailtoBody = decodeURIComponent(/[?&]body=([^&]*)/.exec(href)?.[1] ?? '');
    // Readable for the mentor in any mail client, and carrying the block.
    expect(mailtoBody.startsWith('Pre-session notes from the mentee to Ana (mentor)\r\n')).toBe(
      true,
    );
    expect(mailtoBody).toContain(`Topic:\r\n${TOPIC}`);
    expect(mailtoBody).toContain(NOTES.split('\n').join('\r\n'));
    expect(mailtoBody).toContain(PACK_BEGIN);
    expect(mailtoBody).toContain(PACK_END);
    const pack = decodePack(mailtoBody);
    expect(pack).toMatchObject({ from: 'mentee', topic: TOPIC, notes: NOTES });
    expect(pack.mentorship?.id).toBe(aMentorshipId);
    // Privacy: no focus figures, in the text or in the payload.
    for (const text of [mailtoBody, JSON.stringify(pack)]) {
      expect(text).not.toMatch(/present|away|focus|presentShare|awayMs/i);
    }

    const lines = mailtoBody.split('\r\n');
    quoted = [
      'Thanks Ben, see you then!',
      '',
      'On Mon, 3 Nov 2025 at 09:12, Ben <ben@example.org> wrote:',
      ...lines.map((line) => `> ${line}`),
    ].join('\n');
    await popup.close();
  });

  it('the mentor pastes the quoted mail, sees what changes, and imports it', async () => {
    popupB = await b.extensionPage('popup.html');
    await onboard(popupB, 'mentor', 'Ben');
    const before = await snapshot(b);
    expect(before.notes).toEqual([]);

    await popupB.getByRole('heading', { name: 'Share with your mentee' }).waitFor();
    const box = popupB.getByLabel('Paste a message from your mentee');
    await box.fill(quoted);
    await popupB.getByRole('button', { name: 'Read pack' }).click();
    const preview = popupB.getByTestId('import-preview');
    await preview.waitFor({ state: 'visible' });
    expect(await preview.locator('p').first().textContent()).toBe(
      'Importing into your mentorship with Ben will:',
    );
    expect(await preview.locator('li').allTextContents()).toEqual([
      `set the topic to “${TOPIC}”`,
      expect.stringMatching(/^set the pre-session notes \(\d+ characters\)$/),
    ]);
    // Only a preview so far: nothing written.
    expect(await snapshot(b)).toEqual(before);

    await popupB.getByRole('button', { name: 'Import', exact: true }).click();
    await until(async () => (await b.records<Row>('notes')).length === 1, {
      what: 'the import to be written',
    });
    const info = popupB.getByTestId('import-info');
    await info.waitFor({ state: 'visible' });
    expect(await info.textContent()).toBe('Imported.');

    const after = await snapshot(b);
    expect(after.notes).toEqual([
      expect.objectContaining({ author: 'mentee', text: NOTES, kind: 'pre-session' }),
    ]);
    expect(after.sessions).toHaveLength(1);
    expect(after.sessions[0]).toMatchObject({
      status: 'scheduled',
      topic: { text: TOPIC, by: 'mentee' },
    });
    expect(after.mentorships[0]).toMatchObject({ otherName: 'Ben', pairId: aMentorshipId });
    // The mentor's popup now shows what the mentee sent.
    await until(
      async () =>
        (await popupB.getByLabel("Your mentee's pre-session thoughts").inputValue()) === NOTES &&
        (await popupB.getByLabel('Agreed topic').inputValue()) === TOPIC,
      { what: "B's popup to show the imported topic and notes" },
    );
  });

  it('importing the same pack again changes nothing, and says so', async () => {
    const before = await snapshot(b);
    const box = popupB.getByLabel('Paste a message from your mentee');
    expect(await box.isVisible()).toBe(true);
    await box.fill(quoted);
    await popupB.getByRole('button', { name: 'Read pack' }).click();
    await until(
      async () =>
        (await popupB.getByTestId('import-info').textContent()) ===
        'Already imported: nothing to change.',
      { what: 'the popup to say nothing changes' },
    );
    await expect(popupB.getByTestId('import-info').isVisible()).resolves.toBe(true);
    expect(await popupB.getByTestId('import-preview').count()).toBe(0);
    expect(await popupB.getByTestId('import-error').count()).toBe(0);
    const after = await snapshot(b);
    expect(after.notes).toEqual(before.notes);
    expect(after.sessions).toEqual(before.sessions);
    expect(after.mentorships).toEqual(before.mentorships);
  });

  describe('bad input gets one sentence and changes nothing', () => {
    const payloadLines = () =>
      mailtoBody
        .split('\r\n')
        .map((line, i) => ({ line, i }))
        .filter(({ line }) => /^[A-Za-z0-9_=-]{16,}$/.test(line));

    // `times`: the text is pasted that many times over (built in the page, not sent across).
    const cases: Array<{ name: string; text: () => string; times?: number; error: () => string }> =
      [
        {
          name: 'text with no block',
          text: () => 'Hi Ana,\n\nhere are my thoughts for Monday: roadmaps, and saying no.\n\nBen',
          error: () => sentence('pack-none'),
        },
        {
          name: 'the block with one payload character changed',
          text: () => {
            const lines = mailtoBody.split('\r\n');
            const target = payloadLines()[1] ?? payloadLines()[0];
            if (!target) throw new Error('no payload line found');
            const chars = target.line.split('');
            chars[10] = chars[10] === 'A' ? 'B' : 'A';
            lines[target.i] = chars.join('');
            return lines.map((l) => `> ${l}`).join('\n');
          },
          error: () => sentence('pack-damaged'),
        },
        {
          name: 'a block cut off on the way',
          text: () => {
            const lines = mailtoBody.split('\r\n');
            const target = payloadLines()[1] ?? payloadLines()[0];
            if (!target) throw new Error('no payload line found');
            return lines.slice(0, target.i + 1).join('\n');
          },
          error: () => sentence('pack-truncated'),
        },
        {
          name: 'a pack from a newer format version',
          text: () => {
            const pack = { ...decodePack(mailtoBody), v: 2 };
            const b64 = Buffer.from(JSON.stringify(pack), 'utf8').toString('base64url');
            const payload = b64.padEnd(Math.ceil(b64.length / 4) * 4, '=');
            const crc = crc32Hex(new TextEncoder().encode(`v=2;len=${payload.length};${payload}`));
            const block = [PACK_BEGIN, `v=2; len=${payload.length}; crc32=${crc};`];
            for (let i = 0; i < payload.length; i += 64) block.push(payload.slice(i, i + 64));
            block.push(PACK_END);
            const readable = mailtoBody.split('\r\n').slice(0, -1).join('\n');
            return `${readable.slice(0, readable.indexOf(PACK_BEGIN))}${block.join('\n')}\n`;
          },
          error: () => sentence('pack-newer'),
        },
        {
          name: '5 MB of pasted text',
          text: () => `${'A long log line that someone pasted by mistake. '.repeat(20)}\n`,
          times: 5_300,
          error: () => sentence('pack-too-large'),
        },
        {
          name: 'a pack from another mentorship',
          text: () => {
            const pack = decodePack(mailtoBody);
            return encodePack({
              ...pack,
              topic: 'A topic for someone else',
              notes: 'Notes for another mentor',
              mentorship: { id: 'another-mentorship-0001', mentorName: 'Zoe' },
            });
          },
          error: () =>
            'This pack is meant for a different mentorship than yours; ask the sender to send it from the mentorship you share.',
        },
      ];

    it.each(cases)('$name', async ({ text, times = 1, error }) => {
      const input = text();
      if (times > 1) expect(input.length * times).toBeGreaterThan(5_000_000);
      const before = await snapshot(b);
      const box = popupB.getByLabel('Paste a message from your mentee');
      expect(await box.isVisible()).toBe(true);
      // As a paste: the whole text lands at once.
      await box.evaluate(
        (el, { value, times }) => {
          const area = el as HTMLTextAreaElement;
          area.value = value.repeat(times);
          area.dispatchEvent(new Event('input', { bubbles: true }));
        },
        { value: input, times },
      );
      await popupB.getByRole('button', { name: 'Read pack' }).click();
      const shown = popupB.getByTestId('import-error');
      await until(async () => (await shown.count()) && (await shown.textContent()) === error(), {
        what: `the error for ${input.slice(0, 40)}`,
        timeout: 10_000,
      }).catch(async (e) => {
        throw new Error(
          `${(e as Error).message}; shown: ${await shown.textContent().catch(() => null)}`,
        );
      });
      expect(await shown.isVisible()).toBe(true);
      // One sentence.
      expect(error()).toMatch(/^[A-Z][^.!?]*\.$/);
      expect(await popupB.getByTestId('import-preview').count()).toBe(0);
      expect(await snapshot(b)).toEqual(before);
    });
  });

  it('the mentor joins the call and the session card shows the mentee’s topic and notes', async () => {
    const call = await b.open(MEETING);
    await stage(call, 'in-call');
    const card = call.frameLocator('#mentor-companion-card');
    await cardShows(b, call, 'topic', (text) => text === TOPIC);
    const notes = card.getByTestId('mentee-notes');
    expect(await notes.textContent()).toBe(NOTES);
    // Open the notes as the mentor would: shown with their line breaks.
    await card.getByText("Mentee's notes").click();
    await notes.waitFor({ state: 'visible' });
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, line breaks and all.
    expect(await notes.innerText()).toBe(NOTES);
    expect(await notes.evaluate((el) => getComputedStyle(el).whiteSpace)).toMatch(/^pre/);
    expect(await card.getByRole('heading', { name: 'Session with Ben' }).count()).toBe(1);

    // The card is the extension's frame; the page's own DOM holds none of it.
    const pageHtml = await call.content();
    expect(pageHtml).toContain('mentor-companion-card');
    for (const fragment of [
      TOPIC,
      'pricing page',
      'scope creep',
      'example.org/blog',
      'שלום',
      'شكرا',
      '🚀',
      ...NOTES.split('\n').filter((l) => l.trim()),
    ]) {
      expect(pageHtml).not.toContain(fragment);
    }
    expect(pageHtml).not.toMatch(/Present \d|away \d/);
    const live = (await b.records<Row>('sessions')).find((s) => s.status === 'live');
    expect(live).toMatchObject({ meetingKey: 'meet:abc-defg-hij', topic: { text: TOPIC } });

    await stage(call, 'ended-user');
    await until(async () => (await b.records<Row>('sessions'))[0]?.status === 'ended', {
      what: 'the session to end',
    });
    await call.close();
  });
});
