// Reads a Chromium net log (`--log-net-log`) and lists the network requests a browser made,
// with the origin that started each one. The e2e suite records one per browser it launches and
// checks, when the browser closes, that the extension started none: every extension context
// (service worker, card frame, side panel, popup, Mentorships page) is an initiator
// `chrome-extension://<id>` there, and the content script acts for its call page, which may
// reach its own host only.
//
// Chromium writes the log as it goes and closes the JSON when it exits; a log read before that
// is completed here.

import fs from 'node:fs';

export interface LoggedRequest {
  url: string;
  /** The origin that started the request, or 'not an origin' for the browser's own. */
  initiator: string;
  method: string;
}

interface NetLog {
  constants: { logEventTypes: Record<string, number> };
  events: Array<{ type: number; params?: { url?: string; initiator?: string; method?: string } }>;
}

export function readNetLog(file: string): LoggedRequest[] {
  if (!fs.existsSync(file)) return [];
  const text = fs.readFileSync(file, 'utf8');
  let log: NetLog;
  try {
    log = JSON.parse(text) as NetLog;
  } catch {
    log = JSON.parse(`${text.replace(/,?\s*$/, '')}]}`) as NetLog;
  }
  const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events.flatMap((e) =>
    e.type === start && e.params?.url
      ? [{ url: e.params.url, initiator: e.params.initiator ?? '', method: e.params.method ?? '' }]
      : [],
  );
}

/**
 * The requests that break the promise "no network requests from the extension": any web
 * request an extension context started, and any request a platform page started to a host that
 * is not its own fixture host (a content script acting for the page).
 */
export function extensionRequests(
  requests: readonly LoggedRequest[],
  extensionId: string,
  servedHosts: readonly string[],
): LoggedRequest[] {
  const served = new Set(servedHosts);
  return requests.filter((r) => {
    if (!/^(https?|wss?):/.test(r.url)) return false;
    if (r.initiator === `chrome-extension://${extensionId}`) return true;
    const from = /^https:\/\/([^/:]+)/.exec(r.initiator)?.[1];
    return from !== undefined && served.has(from) && !served.has(new URL(r.url).hostname);
  });
}
