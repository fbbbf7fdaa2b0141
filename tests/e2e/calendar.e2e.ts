import fs from 'node:fs';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { type Harness, launch, startServer, until } from './harness.ts';

// Issue 14 end to end in real Chromium: a booking downloaded as .ics (read back with ical.js);
// an invite pasted into the popup books a session whose link then matches the call; an invite
// for a session already booked gives it its own link, which then matches the call; a reminder
// alarm fires and its notification's action opens the meeting link; the Markdown of a
// mentorship with three sessions holds every action item as a checkbox.

const LINK = 'https://meet.google.com/kid-xyzw-abc';

type Row = Record<string, unknown>;
let server: FixtureServer;
let h: Harness;
let mentorshipId = '';

const pad = (n: number) => String(n).padStart(2, '0');
/** A datetime-local value, in the browser's (and this process's) zone. */
function localInput(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
const utcStamp = (at: number) =>
  new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

function invite(at: number, link = LINK): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'METHOD:REQUEST',
    'BEGIN:VEVENT',
    `DTSTART:${utcStamp(at)}`,
    `DTEND:${utcStamp(at + 45 * 60_000)}`,
    `DTSTAMP:${utcStamp(Date.now())}`,
    'UID:e2e-invite-1@google.com',
    `X-GOOGLE-CONFERENCE:${link}`,
    'SUMMARY:Mentoring: Ana / Ben',
    'SEQUENCE:0',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
}

async function sessions() {
  return (await h.records<Row>('sessions')).filter((s) => s.mentorshipId === mentorshipId);
}

async function options(hash = `#m=${mentorshipId}`): Promise<Page> {
  const page = await h.extensionPage(`options.html${hash}`);
  await page.getByTestId('calendar').waitFor();
  return page;
}

beforeAll(async () => {
  server = await startServer();
  h = await launch(server);
  const popup = await h.extensionPage('popup.html');
  await popup.getByLabel("Your mentor's name").fill('Ana');
  await popup.getByRole('button', { name: 'Create' }).click();
  await popup.getByLabel('Agreed topic').waitFor();
  await popup.close();
  mentorshipId = String((await h.records<Row>('mentorships'))[0]?.id);
});
afterAll(async () => {
  await h?.close();
  await server?.close();
});

describe('add to calendar', () => {
  it('downloads a session booked on the Mentorships page as .ics', async () => {
    const page = await options();
    const at = new Date(Date.now() + 2 * 86_400_000);
    at.setHours(10, 0, 0, 0);
    await page.locator('input[name="book"]').fill(localInput(at.getTime()));
    await page.getByRole('button', { name: 'Book', exact: true }).click();
    await until(async () => (await sessions()).some((s) => s.scheduledAt === at.getTime()), {
      what: 'the booking',
    });
    const booked = (await sessions()).find((s) => s.scheduledAt === at.getTime());
    const download = page.waitForEvent('download');
    await page.getByTestId('cal-session').first().click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^mentoring-ana-\d{4}-\d{2}-\d{2}\.ics$/);
    const text = fs.readFileSync((await file.path()) ?? '', 'utf8');
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent') ?? undefined,
    );
    expect(event.uid).toBe(`session-${booked?.id}@mentor-companion`);
    expect(event.startDate.toJSDate().getTime()).toBe(at.getTime());
    expect(event.endDate.toJSDate().getTime()).toBe(at.getTime() + 45 * 60_000);
    expect(event.summary).toBe('Mentoring with Ana');
    await page.close();
  });
});

describe('import a calendar invite', () => {
  let bookedAt = 0;
  it('books the session a pasted invite names, with its link, and the call then matches it', async () => {
    bookedAt = Math.ceil((Date.now() + 3 * 3_600_000) / 60_000) * 60_000;
    const popup = await h.extensionPage('popup.html');
    await popup.locator('details summary').filter({ hasText: /Share/ }).click();
    await popup.locator('textarea[name="import"]').fill(invite(bookedAt));
    await popup.getByRole('button', { name: 'Read' }).click();
    await popup.getByTestId('invite-preview').waitFor();
    expect(await popup.getByTestId('invite-link').textContent()).toBe(LINK);
    // Nothing is booked before it is confirmed.
    expect((await sessions()).some((s) => s.scheduledAt === bookedAt)).toBe(false);
    await popup.getByRole('button', { name: 'Book this session' }).click();
    await popup.getByTestId('invite-info').waitFor();
    const session = await until(
      async () => (await sessions()).find((s) => s.scheduledAt === bookedAt),
      { what: 'the session booked from the invite' },
    );
    const m = (await h.records<Row>('mentorships')).find((x) => x.id === mentorshipId);
    expect(m?.meetingLink).toBe(LINK);
    await popup.close();

    // The fixture call on that meeting link's host and path is matched to the booking.
    const call = await h.open(LINK);
    await call.evaluate(() =>
      (window as unknown as { __stage: { set(s: string): Promise<void> } }).__stage.set('in-call'),
    );
    const live = await until(
      async () => (await sessions()).find((s) => s.id === session?.id && s.status === 'live'),
      { what: 'the booked session to go live on its link' },
    );
    expect(live?.mentorshipId).toBe(mentorshipId);
    await call.close();
    await until(
      async () => (await sessions()).find((s) => s.id === session?.id && s.status === 'ended'),
      {
        what: 'the call to end',
      },
    );
  });

  it('gives a session already booked the link of its invite, and the call on that link is matched to it', async () => {
    // Another link than the mentorship's (LINK, kept from the test above): a one-off meeting.
    const other = 'https://meet.google.com/one-offl-ink';
    // More than the schedule's hour away: only the session's own link can match the call.
    const at = Math.ceil((Date.now() + 26 * 3_600_000) / 60_000) * 60_000;
    const page = await options();
    await page.locator('input[name="book"]').fill(localInput(at));
    await page.getByRole('button', { name: 'Book', exact: true }).click();
    const session = await until(async () => (await sessions()).find((s) => s.scheduledAt === at), {
      what: 'the booking',
    });
    await page.close();
    expect(session?.meetingKey).toBeUndefined();
    const before = (await sessions()).length;

    const popup = await h.extensionPage('popup.html');
    await popup.locator('details summary').filter({ hasText: /Share/ }).click();
    await popup.locator('textarea[name="import"]').fill(invite(at, other));
    await popup.getByRole('button', { name: 'Read' }).click();
    await popup.getByTestId('invite-preview').waitFor();
    expect(await popup.getByTestId('invite-preview').textContent()).toContain(
      'This invite is for a session already booked:',
    );
    await popup.getByRole('button', { name: /^Use this link for the session on / }).click();
    await popup.getByTestId('invite-info').waitFor();
    await until(
      async () =>
        (await sessions()).find((s) => s.id === session?.id)?.meetingKey === 'meet:one-offl-ink',
      { what: "the booking's meeting key" },
    );
    expect((await sessions()).length).toBe(before);
    expect((await sessions()).find((s) => s.id === session?.id)).toMatchObject({
      scheduledAt: at,
      meetingLink: other,
    });
    const m = (await h.records<Row>('mentorships')).find((x) => x.id === mentorshipId);
    expect(m?.meetingLink).toBe(LINK);
    await popup.close();

    // The fixture call on that link's real host is this booking, a day early.
    const call = await h.open(other);
    await call.evaluate(() =>
      (window as unknown as { __stage: { set(s: string): Promise<void> } }).__stage.set('in-call'),
    );
    const live = await until(
      async () => (await sessions()).find((s) => s.id === session?.id && s.status === 'live'),
      { what: 'the booked session to go live on its own link' },
    );
    expect(live).toMatchObject({ mentorshipId, meetingKey: 'meet:one-offl-ink', platform: 'meet' });
    expect((await sessions()).length).toBe(before);
    await call.close();
    await until(
      async () => (await sessions()).find((s) => s.id === session?.id && s.status === 'ended'),
      { what: 'the call to end' },
    );
  });

  it('refuses a past invite with its sentence and books nothing', async () => {
    const before = (await sessions()).length;
    const popup = await h.extensionPage('popup.html');
    await popup.locator('details summary').filter({ hasText: /Share/ }).click();
    await popup.locator('textarea[name="import"]').fill(invite(Date.now() - 86_400_000));
    await popup.getByRole('button', { name: 'Read' }).click();
    await expect
      .poll(() => popup.getByTestId('invite-error').textContent())
      .toBe('This invite is for a time that has passed, so nothing was booked.');
    expect((await sessions()).length).toBe(before);
    await popup.close();
  });
});

describe('an invite file on the Mentorships page', () => {
  it('an empty file gets its sentence; a UTF-16 file, as Outlook saves it, is previewed', async () => {
    const before = (await sessions()).length;
    const page = await options();
    const chooser = page.locator('input[name="invite"]');
    await chooser.setInputFiles({
      name: 'invite.ics',
      mimeType: 'text/calendar',
      buffer: Buffer.alloc(0),
    });
    await expect
      .poll(() => page.getByTestId('invite-error').textContent())
      .toBe('This file is empty, so nothing was booked.');
    const at = Math.ceil((Date.now() + 5 * 86_400_000) / 60_000) * 60_000;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(invite(at), 'utf16le')]);
    await chooser.setInputFiles({ name: 'invite.ics', mimeType: 'text/calendar', buffer: utf16 });
    await page.getByTestId('invite-preview').waitFor();
    expect(await page.getByTestId('invite-link').textContent()).toBe(LINK);
    expect(await page.getByTestId('invite-error').count()).toBe(0);
    await page.getByTestId('invite-preview').getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('invite-preview').waitFor({ state: 'detached' });
    expect((await sessions()).length).toBe(before);
    await page.close();
  });
});

describe('reminders', () => {
  it('a starting reminder fires from its alarm, and its action opens the meeting link', async () => {
    const at = Math.ceil((Date.now() + 2 * 86_400_000 + 3_600_000) / 60_000) * 60_000;
    const page = await options();
    await page.locator('input[name="book"]').fill(localInput(at));
    await page.getByRole('button', { name: 'Book', exact: true }).click();
    const session = await until(async () => (await sessions()).find((s) => s.scheduledAt === at), {
      what: 'the booking',
    });
    const name = `reminder:starting:${encodeURIComponent(String(session?.id))}:${at}`;
    // The plan made after the booking holds its alarm.
    await until(() => h.inExtension(async (n) => Boolean(await chrome.alarms.get(n)), name), {
      what: 'the starting alarm',
    });
    // Fire it now: the same alarm, due in a moment.
    await h.inExtension((n) => chrome.alarms.create(n, { when: Date.now() + 200 }), name);
    const id = `mc-remind:${name}`;
    await until(
      () =>
        h.inExtension(
          async (nid) => Object.keys(await chrome.notifications.getAll()).includes(nid),
          id,
        ),
      { what: 'the reminder notification', timeout: 10_000 },
    );
    // A system notification cannot be clicked headless: the worker's click event is dispatched.
    const opened = h.context.waitForEvent('page', {
      predicate: (p) => p.url().startsWith(LINK),
      timeout: 10_000,
    });
    await h.inWorker(
      (nid) =>
        (
          chrome.notifications.onButtonClicked as unknown as {
            dispatch(id: string, i: number): void;
          }
        ).dispatch(nid, 0),
      id,
    );
    const tab = await opened;
    expect(tab.url()).toBe(`${LINK}`);
    await tab.close();
    const shown = await h.inExtension(
      async () => (await chrome.storage.local.get('remindersShown')).remindersShown,
      null,
    );
    expect(shown).toContain(name);
    await page.close();
  });
});

describe('Markdown', () => {
  it('the export of a mentorship with three sessions holds every action item as a checkbox', async () => {
    const items = [
      'Draft the interview guide',
      'Ask Sam for the metrics | numbers',
      'Read *Inspired*',
    ];
    // Three sessions, each with an action item (one done), written as the card would.
    await h.inExtension(
      async ({ mentorshipId: mid, items: texts }) => {
        const db = await new Promise<IDBDatabase>((ok, no) => {
          const r = indexedDB.open('mentor-companion');
          r.onsuccess = () => ok(r.result);
          r.onerror = () => no(r.error);
        });
        const tx = db.transaction('sessions', 'readwrite');
        texts.forEach((text, i) => {
          const at = Date.now() - (i + 1) * 7 * 86_400_000;
          tx.objectStore('sessions').put({
            id: `md-${i}`,
            mentorshipId: mid,
            kind: 'regular',
            status: 'ended',
            scheduledAt: at,
            startedAt: at,
            endedAt: at + 45 * 60_000,
            actionItems: [
              { id: `ai-${i}`, text, createdAt: at, ...(i === 0 ? { doneAt: at + 1 } : {}) },
            ],
          });
        });
        await new Promise((ok) => {
          tx.oncomplete = ok;
        });
        db.close();
      },
      { mentorshipId, items },
    );
    const page = await options();
    const download = page.waitForEvent('download');
    await page.getByTestId('markdown').getByRole('button', { name: 'Download .md' }).click();
    const text = fs.readFileSync((await (await download).path()) ?? '', 'utf8');
    expect(text).toContain('- [x] Draft the interview guide');
    expect(text).toContain('- [ ] Ask Sam for the metrics \\| numbers');
    expect(text).toContain('- [ ] Read \\*Inspired\\*');
    expect(text.match(/^- \[[ x]\] /gm)?.length).toBeGreaterThanOrEqual(3);
    await page.close();
  });
});
