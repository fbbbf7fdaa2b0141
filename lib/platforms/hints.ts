// The content script's first, cheap look at a page: could a call be here now? Only a yes loads
// the detectors and starts watching the page closely; a no costs one look and nothing after it
// until something suggests a call (see entrypoints/call.content.ts). The looks are language-free:
// URLs, ids and test ids, never page text.
//
// - Meet: a page with a meeting code is a call page (lobby, waiting room, call and end screen
//   all keep the URL); the landing page is not.
// - Zoom: the web client's pages and the end pages; launchers and the home page are not.
// - Teams: a join link or a guest page in the URL, or any element the Teams detector reads by CSS
//   for a call being near (hang-up, call controls, pre-join, call stage, end screens), in the
//   page or its first same-origin frame. A chat, calendar or files page has none of these.
//   Teams shows some end screens ("You left the meeting", Rejoin) in words only: those are read
//   by the detector that has watched the call since it began, as it always has.
//
// Pure: a URL and a document in, a boolean out.

import type { Platform } from '../records';
import {
  isTeamsCallPage,
  isTeamsGuestPage,
  isZoomCallPage,
  meetMeetingKey,
  teamsMeetingKey,
} from './urls';

const ENABLED = ':not([disabled]):not([aria-disabled="true"])';

/**
 * Every CSS probe of the Teams detector's leave, in-call, strong, lobby and end-marker groups
 * (tests/unit/platforms/hints.test.ts keeps the two lists equal).
 */
export const TEAMS_HINTS: readonly string[] = [
  // leave
  '#hangup-button',
  '[data-tid="hangup-main-btn"]',
  '[data-tid="hangup-leave-button"]',
  '[data-tid="hangup-end-meeting-button"]',
  '[data-tid="hangup-button"]',
  '[data-tid="anon-hangup-button"]',
  '[data-tid="call-hangup"]',
  '[data-inp="hangup-button"]',
  `[role="toolbar"] button[aria-label="Leave"]${ENABLED}`,
  `button[aria-label="Leave"]${ENABLED}`,
  `button[aria-label="Verlassen"]${ENABLED}`,
  // in call
  '#callingButtons-showMoreBtn',
  '[data-tid="more-button"]',
  '[data-tid="callingButtons-showMoreBtn"]',
  '#chat-button',
  '[data-tid="calling-toolbar-people-button"]',
  '#roster-button',
  '[data-tid="calling-stage"]',
  '[data-tid="meeting-stage"]',
  '[data-tid="closed-caption-renderer-wrapper"]',
  '[data-tid="closed-caption-v2-window-wrapper"]',
  '#closed-captions-button',
  // strong
  '[data-tid="call-duration"]',
  '#raisehands-button',
  '[data-tid^="participantsInCall-"]',
  // lobby
  '#prejoin-join-button',
  '[data-tid="prejoin-join-button"]',
  '[data-tid="prejoin-display-name-input"]',
  '[data-tid="prejoin-cancel-button"]',
  // ended markers
  '#calling-retry-screen-title',
  '[data-tid="calling-retry-cancelbutton"]',
  '[data-tid="calling-e2ee-end-screen"]',
  '[data-tid="call-ended"]',
];

const TEAMS_HINT = TEAMS_HINTS.join(',');

/** One selector over the page and its first frame (Teams may render the pre-join there). */
function teamsDomHint(doc: Document): boolean {
  if (doc.querySelector(TEAMS_HINT)) return true;
  try {
    const inner = doc.querySelector('iframe')?.contentDocument;
    return Boolean(inner?.querySelector(TEAMS_HINT));
  } catch {
    return false; // a cross-origin frame: nothing to read
  }
}

/** Could a call of this platform be on this page now? */
export function callHint(platform: Platform, url: URL, doc: Document): boolean {
  switch (platform) {
    case 'meet':
      return meetMeetingKey(url) !== undefined;
    case 'zoom':
      return isZoomCallPage(url);
    case 'teams':
      return (
        isTeamsCallPage(url) &&
        (teamsMeetingKey(url) !== undefined || isTeamsGuestPage(url) || teamsDomHint(doc))
      );
  }
}
