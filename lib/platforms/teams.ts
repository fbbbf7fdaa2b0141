// Microsoft Teams (web) call state. Teams is one single-page app on three hosts; the new app
// (teams.cloud.microsoft) drops the meeting id from the URL once you are in, so the URL is only a
// pre-filter and, while it lasts, the source of the key. The DOM carries `data-tid` test ids,
// which outlive class names and labels, so they come first.
// Signals and their sources: shared/research/platforms.md A.2.

import type { Probe } from './dom';
import { controlOf, elements, NO_SIGNALS, present, scopeOf, stateOf } from './dom';
import type { PlatformDetector, Reading, Signals } from './types';

const HOSTS = new Set(['teams.microsoft.com', 'teams.live.com', 'teams.cloud.microsoft']);

export function isTeamsHost(hostname: string): boolean {
  return HOSTS.has(hostname);
}
/** The "Open the Teams app?" launcher page: it only hands over to the desktop app. */
const LAUNCHER = /^\/dl\/launcher\//;
/** `/l/meetup-join/<thread id>/…` (classic join link) in the path or the hash route. */
const MEETUP_JOIN = /^\/l\/meetup-join\/([^/?#]+)/;
/** `/meet/<id>` short link (teams.microsoft.com digits, teams.live.com ids), path or hash route. */
const MEET = /^\/meet\/([A-Za-z0-9]+)/;

/** A control that is there but switched off: the waiting lobby shows a disabled toolbar (Vexa). */
const ENABLED = ':not([disabled]):not([aria-disabled="true"])';

export const teamsProbes = {
  /** Primary: the hang-up control. */
  leave: [
    // "CONFIRMED WORKING" (Vexa msteams/selectors.ts); TranscripTonic content-teams.js; attendee
    '#hangup-button',
    // test ids of the hang-up button (Vexa; other public scripts)
    '[data-tid="hangup-main-btn"]',
    '[data-tid="call-hangup"]',
    '[data-tid="hangup-button"]',
    // attendee teams_ui_methods.py
    '[data-inp="hangup-button"]',
    // English label in the call toolbar, enabled (Vexa; screenappai MicrosoftTeamsBot.ts)
    `[role="toolbar"] button[aria-label="Leave"]${ENABLED}`,
    `button[aria-label="Leave"]${ENABLED}`,
    // German label (wording unverified against a live DOM)
    `button[aria-label="Verlassen"]${ENABLED}`,
  ],
  /**
   * Secondary: the call stage and its controls. `toggle-mute`, `toggle-video` and the generic
   * `calling-screen` are left out: mic and camera toggles, and likely that wrapper, are on the
   * pre-join and waiting screens too.
   */
  inCall: [
    // the running call timer (public meeting-reminder script)
    '[data-tid="call-duration"]',
    // the video stage of a call or a meeting (same script; attendee)
    '[data-tid="calling-stage"]',
    '[data-tid="meeting-stage"]',
    // the call toolbar's "More" button (attendee teams_ui_methods.py)
    '#callingButtons-showMoreBtn',
    '[data-tid="callingButtons-showMoreBtn"]',
    // captions button and captions area (TranscripTonic content-teams.js; attendee)
    '#closed-captions-button',
    '[data-tid="closed-caption-renderer-wrapper"]',
  ],
  /** Waiting: joined, in the meeting lobby (Vexa teamsWaitingRoomIndicators; attendee; gneva). */
  waiting: [
    { text: 'Someone will let you in shortly' },
    { text: 'Someone in the meeting should let you in soon' },
    { text: "When the meeting starts, we'll let people know you're waiting" },
    // German (wording unverified against a live DOM)
    { text: 'Jemand wird Sie in Kürze hereinlassen' },
    { text: 'Jemand in der Besprechung sollte Sie bald hereinlassen' },
  ],
  /** Pre-join: join button, name field, "continue in the browser" (TranscripTonic; attendee). */
  lobby: [
    '#prejoin-join-button',
    '[data-tid="prejoin-join-button"]',
    '[data-tid="prejoin-display-name-input"]',
    '[data-tid="prejoin-cancel-button"]',
    // the join link's first page (screenappai MicrosoftTeamsBot.ts)
    { text: 'Continue on this browser', within: 'button, [role="button"]' },
    // German (wording unverified against a live DOM)
    { text: 'In diesem Browser fortfahren', within: 'button, [role="button"]' },
  ],
  /** Ended, trusted at any time: the post-call / removed screen (attendee teams payload). */
  endedMarkers: [
    '#calling-retry-screen-title',
    '[data-tid="calling-retry-cancelbutton"]',
    // seen in one public Playwright config only
    '[data-tid="call-ended"]',
  ],
  /**
   * Ended, trusted only once the hang-up control is gone (page text includes chat and captions;
   * Vexa dropped generic alert selectors for the same reason, #600).
   */
  endedHints: [
    // English texts (Vexa teamsRemovalIndicators; screenappai getTeamsMeetingState())
    { text: 'You left the meeting' },
    { text: "You've been removed from this meeting" },
    { text: 'The meeting has ended' },
    { text: 'This meeting has ended' },
    { text: 'Call ended' },
    // the Rejoin button of the end screen (gneva Teams driver)
    { text: 'Rejoin', within: 'button, [role="button"]' },
    // German texts (screenappai MicrosoftTeamsBot.ts)
    { text: 'Besprechung wurde beendet' },
    { text: 'Anruf beendet' },
    // German texts (wording unverified against a live DOM)
    { text: 'Sie haben die Besprechung verlassen' },
    { text: 'Erneut teilnehmen', within: 'button, [role="button"]' },
  ],
} satisfies Record<string, readonly Probe[]>;

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The meeting id from the path or the hash route, when the URL still carries one. */
export function teamsMeetingKey(url: URL): string | undefined {
  if (!HOSTS.has(url.hostname)) return undefined;
  const hashPath = url.hash.replace(/^#/, '').split('?')[0] ?? '';
  for (const path of [url.pathname, hashPath]) {
    const join = MEETUP_JOIN.exec(path);
    if (join?.[1]) return decode(join[1]);
    const meet = MEET.exec(path);
    if (meet?.[1]) return meet[1];
  }
  return undefined;
}

export const teams: PlatformDetector = {
  id: 'teams',

  // Any page of the app may hold a call (the new app drops the id); only the launcher cannot.
  matchesUrl: (url) => HOSTS.has(url.hostname) && !LAUNCHER.test(url.pathname),

  detect(url, doc): Reading {
    if (!teams.matchesUrl(url)) return { state: 'none', signals: { ...NO_SIGNALS } };
    const meetingKey = teamsMeetingKey(url);
    const scopes = [scopeOf(doc)];
    const primary = present(scopes, teamsProbes.leave);
    const signals: Signals = {
      primary,
      secondary: present(scopes, teamsProbes.inCall),
      waiting: present(scopes, teamsProbes.waiting),
      lobby: present(scopes, teamsProbes.lobby),
      ended:
        present(scopes, teamsProbes.endedMarkers) ||
        (!primary && present(scopes, teamsProbes.endedHints)),
    };
    const state = stateOf(signals);
    return meetingKey ? { state, meetingKey, signals } : { state, signals };
  },

  leaveControls(doc) {
    const found = elements([scopeOf(doc)], teamsProbes.leave).map(controlOf);
    return [...new Set(found)];
  },
};
