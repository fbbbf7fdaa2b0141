// How long a live call outlives its page when the tab loads a new one. The Zoom web client, right
// after joining, can navigate within `/wc/` (`/wc/<id>/join` to `/wc/<id>/start`, or through
// `/wc-loading/`) while audio starts: a full page load, so the content script that saw the call
// is gone and the new one starts from nothing (Vexa zoom/removal.ts skips these "audio-init
// redirects"; issue 11). The tracker's in-page grace cannot cover a page that is replaced; the
// background holds the session instead, and the new page reporting in-call continues it.
//
// Pure: the platform, what the tab's page is now and the live session's meeting key in. The
// background cannot read a tab's URL (the extension holds no `tabs` or host permission): a
// report's sender URL says what the page is, and so does the page's own answer to a ping
// (`pageFacts` in lib/platforms/urls.ts, run in the content script).

import { type PageFacts, pageFacts } from '../platforms/urls';
import type { Platform } from '../records';

/** The alarm that ends a held call, then the tab id. */
export const RELOAD_GRACE_ALARM = 'mc-reload-grace:';

/** Long enough for the client's redirects and a page that loads slowly (the in-page grace too). */
export const RELOAD_GRACE_MS = 30_000;

/** What a report's sender URL says of the page; nothing from a URL that does not parse. */
export function pageFactsOf(url: string | undefined): PageFacts | undefined {
  try {
    return url ? pageFacts(new URL(url)) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The grace, in ms, a live call on `platform` keeps while its tab shows `page` and reports no call
 * (yet); 0 for none. Only Zoom's client pages, and only for the same meeting: a page of another
 * meeting number is another call. (`liveKey` is the session's prefixed key, `zoom:<number>`.)
 */
export function reloadGraceMs(
  platform: Platform,
  page: PageFacts | undefined,
  liveKey: string | undefined,
): number {
  if (platform !== 'zoom' || !page?.client) return 0;
  const key = page.meetingKey;
  const live = liveKey?.startsWith('zoom:') ? liveKey.slice('zoom:'.length) : undefined;
  if (key && live && key !== live) return 0;
  return RELOAD_GRACE_MS;
}
