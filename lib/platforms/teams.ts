// Microsoft Teams (web) call state. Teams is one single-page app on several hosts (work and
// school, free, the new app, the US government clouds, and the same behind the Defender for Cloud
// Apps proxy: lib/platforms/hosts.ts); anonymous guests join through `/light-meetings/launch`. The
// new app drops the meeting id from the URL once you are in, so the URL is only a pre-filter and,
// while it lasts, the source of the key. The DOM carries `data-tid` test ids and stable ids,
// which outlive class names and labels, so they come first. Teams may render its pre-join inside
// the page's first iframe (same-origin): Meeting-BaaS meet-teams-bot reads `iframes[0]` too.
// Signals and their sources: shared/research/platforms.md A.2.

import type { Probe, Scope, StandardProbes } from './dom';
import {
  ALTERNATIVE,
  elements,
  leaveButtons,
  NO_SIGNALS,
  readSignals,
  scopeOf,
  stateOf,
} from './dom';
import type { PlatformDetector, Reading } from './types';
import { isTeamsCallPage, teamsMeetingKey } from './urls';

export { teamsMeetingKey };

/** A control that is there but switched off: the waiting lobby shows a disabled toolbar (Vexa). */
const ENABLED = ':not([disabled]):not([aria-disabled="true"])';

export const teamsProbes = {
  /**
   * Primary: the hang-up control and its variants. `#hangup-button` can be the wrapper of a split
   * button whose chevron opens "leave options": `leaveControls` drops menu triggers.
   */
  leave: [
    // "CONFIRMED WORKING" (Vexa msteams/selectors.ts); TranscripTonic content-teams.js; attendee;
    // a wrapper in some builds (Live-Captions-Saver: "div#hangup-button button")
    '#hangup-button',
    // test ids of the hang-up button (Vexa; Live-Captions-Saver content_script.js; Meeting-BaaS)
    '[data-tid="hangup-main-btn"]',
    // the leave and host "end meeting" variants (Live-Captions-Saver content_script.js)
    { css: '[data-tid="hangup-leave-button"]', unverified: ALTERNATIVE },
    { css: '[data-tid="hangup-end-meeting-button"]', unverified: ALTERNATIVE },
    // the generic and the anonymous guest's hang-up (Live-Captions-Saver standalone script)
    { css: '[data-tid="hangup-button"]', unverified: ALTERNATIVE },
    '[data-tid="anon-hangup-button"]',
    // seen in unnamed public scripts only
    {
      css: '[data-tid="call-hangup"]',
      unverified:
        'named by unnamed public scripts only; no fixture of ours uses it, none of the maintained sources do',
    },
    // noah-duncan/attendee teams_ui_methods.py (2025); no longer in attendee-labs/attendee
    {
      css: '[data-inp="hangup-button"]',
      unverified:
        'an older attendee hook (noah-duncan/attendee, 2025) that attendee-labs/attendee dropped; kept for older Teams builds',
    },
    // English label in the call toolbar, enabled (Vexa; screenappai MicrosoftTeamsBot.ts)
    `[role="toolbar"] button[aria-label="Leave"]${ENABLED}`,
    `button[aria-label="Leave"]${ENABLED}`,
    // German label (wording unverified against a live DOM)
    `button[aria-label="Verlassen"]${ENABLED}`,
  ],
  /**
   * Secondary: the call's own controls and stage. `toggle-mute`, `toggle-video` and the generic
   * `calling-screen` are left out: mic and camera toggles, and likely that wrapper, are on the
   * pre-join and waiting screens too.
   */
  inCall: [
    // the call toolbar's "More" button (attendee teams_ui_methods.py; Live-Captions-Saver)
    '#callingButtons-showMoreBtn',
    '[data-tid="more-button"]',
    {
      css: '[data-tid="callingButtons-showMoreBtn"]',
      unverified: 'the test-id twin of the id above, named by an unnamed public script only',
    },
    // the meeting chat toggle (attendee teams_chromedriver_payload.js opens `button#chat-button`)
    '#chat-button',
    // people / roster (Live-Captions-Saver PEOPLE_BUTTON)
    '[data-tid="calling-toolbar-people-button"]',
    '#roster-button',
    // the video stage of a call or a meeting (unnamed meeting-reminder script; attendee layout code)
    '[data-tid="calling-stage"]',
    '[data-tid="meeting-stage"]',
    // the captions area (TranscripTonic content-teams.js; Vexa teams-capture; Live-Captions-Saver)
    { css: '[data-tid="closed-caption-renderer-wrapper"]', unverified: ALTERNATIVE },
    { css: '[data-tid="closed-caption-v2-window-wrapper"]', unverified: ALTERNATIVE },
    // a menu item of the call's More menu that attendee opens to turn captions on
    // (teams_ui_methods.py); only there while that menu is open
    {
      css: '#closed-captions-button',
      unverified: 'exists only while the call More menu is open; no fixture opens that menu',
    },
  ],
  /** Strong: structures only a live call has; they outrank waiting text left in the DOM. */
  strong: [
    // the running call timer (public meeting-reminder script)
    '[data-tid="call-duration"]',
    // raise hand: Meeting-BaaS treats its absence as "removed from the meeting" (teams.ts)
    '#raisehands-button',
    // the in-call roster's people (Live-Captions-Saver ATTENDEE_ITEM)
    { css: '[data-tid^="participantsInCall-"]', unverified: ALTERNATIVE },
  ],
  /** Waiting: joined, in the meeting lobby; on screen only. */
  waiting: [
    // English (Vexa teamsWaitingRoomIndicators; attendee teams_ui_methods.py; Meeting-BaaS)
    { text: 'Someone will let you in shortly', unverified: ALTERNATIVE },
    { text: 'Someone will let you in soon', unverified: ALTERNATIVE },
    { text: 'Someone in the meeting should let you in soon' },
    {
      text: "When the meeting starts, we'll let people know you're waiting",
      unverified: ALTERNATIVE,
    },
    { text: 'Waiting to be admitted', unverified: ALTERNATIVE },
    { text: "You're in the lobby", unverified: ALTERNATIVE },
    { text: 'Your request to join has been sent', unverified: ALTERNATIVE },
    // German (wording unverified against a live DOM)
    { text: 'Jemand wird Sie in Kürze hereinlassen', unverified: ALTERNATIVE },
    { text: 'Jemand in der Besprechung sollte Sie bald hereinlassen' },
  ],
  /** Pre-join: join button, name field, "continue in the browser" (TranscripTonic; attendee). */
  lobby: [
    '#prejoin-join-button',
    '[data-tid="prejoin-join-button"]',
    '[data-tid="prejoin-display-name-input"]',
    '[data-tid="prejoin-cancel-button"]',
    // the join link's first page (screenappai MicrosoftTeamsBot.ts)
    {
      text: 'Continue on this browser',
      within: 'button, [role="button"]',
      unverified: ALTERNATIVE,
    },
    { text: 'Join on this browser', within: 'button, [role="button"]', unverified: ALTERNATIVE },
    // the media confirmation of the pre-join (Vexa; Meeting-BaaS teams.ts)
    {
      text: 'Continue without audio or video',
      within: 'button, [role="button"]',
      unverified: ALTERNATIVE,
    },
    // German (wording unverified against a live DOM)
    { text: 'In diesem Browser fortfahren', within: 'button, [role="button"]' },
  ],
  /** Ended, trusted at any time: the post-call / removed / error screens (attendee). */
  endedMarkers: [
    '#calling-retry-screen-title',
    '[data-tid="calling-retry-cancelbutton"]',
    // the end-to-end-encryption failure screen (attendee teams_chromedriver_payload.js)
    { css: '[data-tid="calling-e2ee-end-screen"]', unverified: ALTERNATIVE },
    { css: '[data-tid="call-ended"]', unverified: 'seen in one public Playwright config only' },
  ],
  /**
   * Ended, trusted only once the hang-up control is gone (page text includes chat and captions;
   * Vexa dropped generic alert selectors for the same reason, #600).
   */
  endedHints: [
    // English texts (Vexa teamsRemovalIndicators; screenappai getTeamsMeetingState(); attendee)
    { text: 'You left the meeting' },
    { text: "You've been removed from this meeting" },
    { text: 'You have been removed from this meeting', unverified: ALTERNATIVE },
    { text: 'Removed from the meeting', unverified: ALTERNATIVE },
    { text: 'The meeting has ended', unverified: ALTERNATIVE },
    { text: 'This meeting has ended', unverified: ALTERNATIVE },
    { text: 'Meeting ended', unverified: ALTERNATIVE },
    { text: 'Call ended', unverified: ALTERNATIVE },
    // the Rejoin button of the end screen (gneva Teams driver)
    { text: 'Rejoin', within: 'button, [role="button"]' },
    // German texts (screenappai MicrosoftTeamsBot.ts)
    { text: 'Besprechung wurde beendet' },
    { text: 'Anruf beendet', unverified: ALTERNATIVE },
    // German texts (wording unverified against a live DOM)
    { text: 'Sie haben die Besprechung verlassen' },
    { text: 'Erneut teilnehmen', within: 'button, [role="button"]' },
  ],
  /** Reconnecting, on screen only (wording not confirmed by a named public source). */
  reconnecting: [
    { text: 'Reconnecting' },
    { text: 'Verbindung wird wiederhergestellt', unverified: ALTERNATIVE },
  ],
  /** Presenting: the sharer's controls. */
  presenting: [
    // the share button pressed (ids from attendee teams_chromedriver_payload.js)
    {
      css: '#screenshare-button[aria-pressed="true"], #share-button[aria-pressed="true"]',
      unverified:
        'attendee names the ids; that they carry aria-pressed while sharing is not confirmed by a source',
    },
    // the share button's label while sharing (attendee turnOffScreenshareAriaLabel)
    'button[aria-label="Stop sharing"]',
    { text: 'Stop presenting', within: 'button, [role="button"]', unverified: ALTERNATIVE },
    // German (wording unverified against a live DOM)
    { text: 'Freigabe beenden', within: 'button, [role="button"]', unverified: ALTERNATIVE },
  ],
} satisfies StandardProbes & Record<string, readonly Probe[]>;

/** The page and its first iframe, when same-origin (the pre-join may live there). */
function scopesOf(doc: Document): Scope[] {
  const scopes = [scopeOf(doc)];
  const first = doc.querySelector('iframe');
  if (first) {
    try {
      const inner = (first as HTMLIFrameElement).contentDocument;
      if (inner) scopes.push(scopeOf(inner));
    } catch {
      // cross-origin: nothing to read
    }
  }
  return scopes;
}

export const teams: PlatformDetector = {
  id: 'teams',
  probes: teamsProbes,
  scopes: scopesOf,

  // Any page of the app may hold a call (the new app drops the id); only the launcher cannot.
  matchesUrl: isTeamsCallPage,

  detect(url, doc): Reading {
    if (!teams.matchesUrl(url)) return { state: 'none', signals: { ...NO_SIGNALS } };
    const meetingKey = teamsMeetingKey(url);
    const signals = readSignals(scopesOf(doc), teamsProbes);
    const state = stateOf(signals);
    return meetingKey ? { state, meetingKey, signals } : { state, signals };
  },

  leaveControls: (doc) => leaveButtons(elements(scopesOf(doc), teamsProbes.leave)),
};
