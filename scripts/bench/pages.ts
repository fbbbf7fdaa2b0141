// The extension's pages with a lot stored: first render of the popup, the side panel and the
// Mentorships page at 2,000 sessions; opening a mentorship's history, searching, exporting and
// importing at 10,000. Times are taken inside the page (performance.now(), from navigation
// start) by a small script Playwright adds to every page before it runs: it notes when each
// watched selector first matches, when a download starts and when a file is chosen.
//
// "First render" is the first DOM the page builds past its loading line: a heading, a button or
// a field inside #app, with the stored data read.

import type { Page } from 'playwright-core';
import type { Launched } from './browser.ts';
import { type BenchData, backupFile } from './data.ts';

/** What the page shows once rendered with its data: no loading line has any of these. */
const RENDERED = '#app :is(h1, h2, h3, button, textarea, input, select, table)';
const HISTORY_ROW = 'section[aria-labelledby="history-title"] tbody tr';
const RESTORE_PREVIEW = '#restore-title';
// The Backups page's "restored" line (the page has other status regions, always there: the undo
// bar's, the search's).
const RESTORE_DONE = '#app p.ok[role="status"]';
const WATCHED = [RENDERED, HISTORY_ROW, RESTORE_PREVIEW, RESTORE_DONE];

interface Marks {
  __seen?: Record<string, number>;
  __downloadAt?: number;
  __chosenAt?: number;
}

/** Added to every page of the context before its own scripts. */
function marker(watched: string[]) {
  if (location.protocol !== 'chrome-extension:') return;
  const w = window as Marks;
  const seen: Record<string, number> = {};
  w.__seen = seen;
  const look = () => {
    for (const sel of watched) {
      if (seen[sel] === undefined && document.querySelector(sel)) seen[sel] = performance.now();
    }
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true });
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (this.download) w.__downloadAt = performance.now();
    return click.call(this);
  };
  document.addEventListener(
    'change',
    (e) => {
      if ((e.target as HTMLInputElement | null)?.type === 'file') w.__chosenAt = performance.now();
    },
    true,
  );
}

export async function addMarker(b: Launched): Promise<void> {
  await b.context.addInitScript(marker, WATCHED);
}

const seenAt = (page: Page, selector: string, timeout = 30_000) =>
  page
    .waitForFunction((sel) => (window as Marks).__seen?.[sel], selector, { timeout, polling: 50 })
    .then((h) => h.jsonValue() as Promise<number>);

/** Writes the records straight into the extension's database, from one of its pages. */
export async function seed(b: Launched, data: BenchData): Promise<void> {
  const page = await b.context.newPage();
  // The Mentorships page opens (and so creates and upgrades) the database first.
  await page.goto(`chrome-extension://${b.extensionId}/options.html`);
  await seenAt(page, RENDERED);
  await page.evaluate(
    (data) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('mentor-companion');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const stores = ['mentorships', 'sessions', 'notes', 'reflections'] as const;
          const tx = db.transaction([...stores], 'readwrite');
          for (const s of stores) for (const r of data[s]) tx.objectStore(s).put(r);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    data,
  );
  await page.close();
}

/** Milliseconds from navigation start to the page's first render with its data. */
export async function firstRender(b: Launched, file: string): Promise<number> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/${file}`, { waitUntil: 'commit' });
  const at = await seenAt(page, RENDERED);
  await page.close();
  return at;
}

/** Milliseconds from navigation start to a mentorship's history with its rows. */
export async function historyOpen(b: Launched, mentorshipId: string): Promise<number> {
  const page = await b.context.newPage();
  const hash = `#m=${encodeURIComponent(mentorshipId)}`;
  await page.goto(`chrome-extension://${b.extensionId}/options.html${hash}`, {
    waitUntil: 'commit',
  });
  const at = await seenAt(page, HISTORY_ROW);
  await page.close();
  return at;
}

/**
 * Search does not exist yet (another issue builds it). The closest real work: in an extension
 * page, read every session and note from IndexedDB and match a phrase, case-insensitively,
 * against every topic and note, as a search over the history would.
 */
export async function historyScan(b: Launched, phrase: string): Promise<number> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/options.html`);
  await seenAt(page, RENDERED);
  const ms = await page.evaluate(
    (phrase) =>
      new Promise<number>((resolve, reject) => {
        const t0 = performance.now();
        const open = indexedDB.open('mentor-companion');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['sessions', 'notes'], 'readonly');
          const sessions = tx.objectStore('sessions').getAll();
          const notes = tx.objectStore('notes').getAll();
          tx.oncomplete = () => {
            const q = phrase.toLowerCase();
            const hits = new Set<string>();
            for (const s of sessions.result as Array<{ id: string; topic?: { text: string } }>) {
              if (s.topic?.text.toLowerCase().includes(q)) hits.add(s.id);
            }
            for (const n of notes.result as Array<{ sessionId: string; text: string }>) {
              if (n.text.toLowerCase().includes(q)) hits.add(n.sessionId);
            }
            db.close();
            if (hits.size === 0) reject(new Error('the scan found nothing'));
            else resolve(performance.now() - t0);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    phrase,
  );
  await page.close();
  return ms;
}

async function backupsPage(b: Launched): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/options.html#backups`);
  await page.getByRole('button', { name: 'Export backup' }).waitFor();
  return page;
}

/** Milliseconds from the click on "Export backup" to the file's download starting. */
export async function exportAll(b: Launched): Promise<number> {
  const page = await backupsPage(b);
  const download = page.waitForEvent('download', { timeout: 60_000 });
  const t0 = await page.evaluate(() => {
    const button = Array.from(document.querySelectorAll('button')).find(
      (el) => el.textContent?.trim() === 'Export backup',
    );
    const t = performance.now();
    button?.click();
    return t;
  });
  await download;
  const at = await page.waitForFunction(() => (window as Marks).__downloadAt, undefined, {
    timeout: 60_000,
  });
  const ms = Number(await at.jsonValue()) - t0;
  await page.close();
  return ms;
}

/**
 * Milliseconds of an import into an empty profile: from choosing the file to the preview of what
 * it will change, plus from the click on "Restore" to the page saying it is done (the wait for
 * the user's click between the two is not counted).
 */
export async function importAll(b: Launched, data: BenchData): Promise<number> {
  const page = await backupsPage(b);
  const text = backupFile(data);
  await page.locator('input[type="file"]').setInputFiles({
    name: 'mentor-companion-backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  const preview = await seenAt(page, RESTORE_PREVIEW, 120_000);
  const chosen = Number(await page.evaluate(() => (window as Marks).__chosenAt));
  const confirm = await page.evaluate(() => {
    const button = Array.from(document.querySelectorAll('button')).find(
      (el) => el.textContent?.trim() === 'Restore',
    );
    const t = performance.now();
    button?.click();
    return t;
  });
  const done = await seenAt(page, RESTORE_DONE, 120_000);
  await page.close();
  return preview - chosen + (done - confirm);
}
