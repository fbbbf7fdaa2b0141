// What each platform's URLs say: which pages can hold a call, and the meeting's key while the URL
// shows it. Kept apart from the detectors (meet.ts, zoom.ts, teams.ts use these) because the
// content script's first look at a page needs only this: it is small, and it reads no DOM.

import { platformOfHost } from './hosts';

// -- Google Meet -------------------------------------------------------------------------------

/** A meeting code: three letters, four, three (Vexa `clients/extension/src/meeting.ts`). */
const MEET_CODE = /^[a-z]{3}-[a-z]{4}-[a-z]{3}$/i;

/** The meeting code from the path, lower case; undefined on landing and other pages. */
export function meetMeetingKey(url: URL): string | undefined {
  if (platformOfHost(url.hostname) !== 'meet') return undefined;
  const first = url.pathname.split('/')[1] ?? '';
  return MEET_CODE.test(first) ? first.toLowerCase() : undefined;
}

// -- Zoom --------------------------------------------------------------------------------------

/** The client page: `/wc/<number>/join`, `/wc/<number>/start`, classic `/wc/join/<number>`. */
const ZOOM_CLIENT_PATH = /^\/wc\/(?:join\/)?(\d+)(?:\/|$)/;
/** The client's loading page during the audio handshake (Vexa zoom/removal.ts). */
const ZOOM_LOADING_PATH = /^\/wc-loading(?:\/|$)/;
/**
 * Where Zoom sends you when the meeting is over for you. Not from Vexa (which ends on leaving the
 * Zoom domain or on /signin): `/postattendee` from public Playwright Zoom bots (a
 * `framenavigated` handler on "postattendee"); `/wc/leave` and `/meeting/ended` from public
 * meeting-link extensions' match lists.
 */
const ZOOM_END_PATHS = [
  /^\/postattendee(?:\/|$)/,
  /^\/wc\/leave(?:\/|$)/,
  /^\/meeting\/ended(?:\/|$)/,
];

export function isZoomClientPage(url: URL): boolean {
  return ZOOM_CLIENT_PATH.test(url.pathname) || ZOOM_LOADING_PATH.test(url.pathname);
}

export function isZoomEndPage(url: URL): boolean {
  return ZOOM_END_PATHS.some((p) => p.test(url.pathname));
}

/** The client and the end pages; launchers (`/j/`, `/s/`, `/w/`) and the home page are not calls. */
export function isZoomCallPage(url: URL): boolean {
  return platformOfHost(url.hostname) === 'zoom' && (isZoomClientPage(url) || isZoomEndPage(url));
}

/** The meeting number from the client path or the end page's `mn` parameter. */
export function zoomMeetingKey(url: URL): string | undefined {
  if (platformOfHost(url.hostname) !== 'zoom') return undefined;
  const client = ZOOM_CLIENT_PATH.exec(url.pathname);
  if (client) return client[1];
  const mn = url.searchParams.get('mn')?.replace(/\D/g, '');
  return mn ? mn : undefined;
}

// -- Microsoft Teams ---------------------------------------------------------------------------

/** The "Open the Teams app?" launcher page: it only hands over to the desktop app. */
const TEAMS_LAUNCHER = /^\/dl\/launcher\//;
/** `/l/meetup-join/<thread id>/…` (classic join link) in the path or the hash route. */
const TEAMS_MEETUP_JOIN = /^\/l\/meetup-join\/([^/?#]+)/;
/** `/meet/<id>` short link (teams.microsoft.com digits, teams.live.com ids), path or hash route. */
const TEAMS_MEET = /^\/meet\/([A-Za-z0-9]+)/;
/** The anonymous guest's page (attendee meeting_url_utils.py; Meeting-BaaS teams.ts). */
const TEAMS_LIGHT = /^\/light-meetings(?:\/|$)/;

/** Any page of the app may hold a call (the new app drops the id); only the launcher cannot. */
export function isTeamsCallPage(url: URL): boolean {
  return platformOfHost(url.hostname) === 'teams' && !TEAMS_LAUNCHER.test(url.pathname);
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The key of a guest's `/light-meetings/launch?coords=<base64 JSON>` page: the thread id it
 * carries (`conversationId`, as attendee meeting_url_utils.py reads it) or the short meeting code
 * (`meetingCode`, teams.live.com), so it matches the invite's own key.
 */
function lightMeetingKey(url: URL): string | undefined {
  const coords = url.searchParams.get('coords');
  if (!coords) return undefined;
  try {
    const json = JSON.parse(atob(coords.replace(/-/g, '+').replace(/_/g, '/'))) as unknown;
    if (typeof json !== 'object' || json === null) return undefined;
    const { conversationId, meetingCode } = json as Record<string, unknown>;
    if (typeof conversationId === 'string' && conversationId) return conversationId;
    if (typeof meetingCode === 'string' && /^[A-Za-z0-9]+$/.test(meetingCode)) return meetingCode;
  } catch {
    // not base64 JSON: no key
  }
  return undefined;
}

/** Whether the URL is a guest's meeting page, which holds a call whether or not it has a key. */
export function isTeamsGuestPage(url: URL): boolean {
  return platformOfHost(url.hostname) === 'teams' && TEAMS_LIGHT.test(url.pathname);
}

/** The meeting id from the path, the hash route or the guest page, when the URL still has one. */
export function teamsMeetingKey(url: URL): string | undefined {
  if (platformOfHost(url.hostname) !== 'teams') return undefined;
  if (TEAMS_LIGHT.test(url.pathname)) return lightMeetingKey(url);
  const hashPath = url.hash.replace(/^#/, '').split('?')[0] ?? '';
  for (const path of [url.pathname, hashPath]) {
    const join = TEAMS_MEETUP_JOIN.exec(path);
    if (join?.[1]) return decode(join[1]);
    const meet = TEAMS_MEET.exec(path);
    if (meet?.[1]) return meet[1];
  }
  return undefined;
}

// -- All three -------------------------------------------------------------------------------

/**
 * What a page's URL says of the call it may hold, for the background, which cannot read a tab's
 * URL: whether the platform's call client runs on this page (a Meet meeting page, a Zoom client
 * page, any Teams page but the launcher; never an end page, launcher or home page), and the
 * meeting's key while the URL shows it. The reload grace (lib/session/reload-grace.ts) and the
 * second opinion from sound (lib/session/audio.ts) read it.
 */
export interface PageFacts {
  client: boolean;
  meetingKey?: string;
}

export function pageFacts(url: URL): PageFacts {
  const platform = platformOfHost(url.hostname);
  let client = false;
  let meetingKey: string | undefined;
  if (platform === 'meet') {
    meetingKey = meetMeetingKey(url);
    client = meetingKey !== undefined;
  } else if (platform === 'zoom') {
    client = isZoomClientPage(url);
    meetingKey = client ? zoomMeetingKey(url) : undefined;
  } else if (platform === 'teams') {
    client = isTeamsCallPage(url);
    meetingKey = client ? teamsMeetingKey(url) : undefined;
  }
  return meetingKey ? { client, meetingKey } : { client };
}
