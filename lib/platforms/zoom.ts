// Zoom web client call state. The client runs at `/wc/<number>/join|start` (or classic
// `/wc/join/<number>`) on app.zoom.us, a regional or company host (acme.zoom.us) or Zoom for
// Government (zoomgov.com), either in the page itself or, in the PWA shell, inside a same-origin
// `iframe#webclient`. The launcher pages `/j/<number>` and `/s/<number>` only offer to open the
// desktop app: not calls. Right after joining the client may move within `/wc/` and through
// `/wc-loading/` while audio starts (Vexa zoom/removal.ts ZOOM_AUDIO_INIT_URL_PATTERNS), so a
// missing toolbar ends a call only after `joinGraceMs`; explicit end signals end it at once.
// Signals and their sources: shared/research/platforms.md A.3.

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
import { isZoomCallPage, isZoomEndPage, zoomMeetingKey } from './urls';

export { zoomMeetingKey };

/** Long enough for the audio-init redirects (Vexa: a 20 s grace, "audio init can take 10-15s"). */
export const ZOOM_JOIN_GRACE_MS = 30_000;

export const zoomProbes = {
  /**
   * Primary: the footer's Leave (participants) or End (hosts); "never appears in pre-join or
   * waiting room" (Vexa). Both only open a menu, so a click on them is provisional.
   */
  leave: [
    // the footer's leave container, long-lived in the client (TranscripTonic content-zoom.js)
    '.footer__leave-btn-container',
    // the leave button itself (older Selenium scripts: `#foot-bar > .footer__leave-btn-container`)
    '.footer__leave-btn',
    // English label, "verified from live DOM" (Vexa zoom/selectors.ts zoomLeaveButtonSelector)
    'button[aria-label="Leave"]',
    // the host's footer says End, not Leave (issue 11; a host's footer in the client)
    'button[aria-label="End"]',
    // German labels (wording unverified against a live DOM)
    'button[aria-label="Verlassen"]',
    'button[aria-label="Beenden"]',
  ],
  /** Secondary: parts of the meeting client that the waiting room does not have. */
  inCall: [
    // the classic footer bar (older Selenium scripts)
    '#foot-bar',
    // the right-hand panel holder for chat and participants (public Python bots)
    '#wc-container-right',
  ],
  /** Strong: the meeting footer's own hooks outrank lobby text (Vexa PR #967 zoomInMeetingMarkers). */
  strong: [
    // the audio options menu, TranscripTonic's "meeting started" signal (inside the iframe)
    '#audioOptionMenu',
    // the meeting footer (screenappai ZoomBot.ts waits on it once joined)
    '#wc-footer',
  ],
  /**
   * Waiting room, on screen only. No bare "Please wait" or "waiting room": Zoom shows those in
   * the meeting too (Vexa #966).
   */
  waiting: [
    // the classic waiting room's leave button and text block (older Selenium scripts)
    '.wr-leave-btn',
    '.wr-default__text',
    // English (Vexa zoomWaitingRoomTexts)
    { text: 'the meeting host will let you in soon' },
    { text: 'Waiting for the host to start this meeting', unverified: ALTERNATIVE },
    { text: 'Waiting for the host to start the meeting', unverified: ALTERNATIVE },
    { text: "We've let them know you're here", unverified: ALTERNATIVE },
    // German (wording unverified against a live DOM)
    { text: 'der Meeting-Host lässt Sie in Kürze eintreten' },
    { text: 'Warten auf den Host', unverified: ALTERNATIVE },
  ],
  /** Pre-join: name field, join button, device preview (Vexa zoom/selectors.ts). */
  lobby: [
    '#input-for-name',
    { css: '#inputname', unverified: ALTERNATIVE },
    'button.preview-join-button',
    { css: '#joinBtn', unverified: ALTERNATIVE },
    '#preview-audio-control-button',
    '#preview-video-control-button',
    { text: 'Continue without microphone and camera', unverified: ALTERNATIVE },
    // German (wording unverified against a live DOM)
    { text: 'Ohne Mikrofon und Kamera fortfahren', unverified: ALTERNATIVE },
  ],
  /** Ended: the client's end and removal dialogs over the meeting. */
  endedMarkers: [
    // the dialogs' own aria-labels, which survive a class rename (screenappai RecordingTask.ts
    // `[aria-label="Meeting is end now"]`; public Selenium Zoom bots, both labels)
    '[aria-label="Meeting is end now"]',
    '[aria-label="You have been removed"]',
    // the modal title's texts (Vexa zoom/selectors.ts zoomRemovalTexts; screenappai endText)
    { text: 'ended by host', within: '.zm-modal-body-title' },
    { text: 'meeting has ended', within: '.zm-modal-body-title', unverified: ALTERNATIVE },
    { text: 'You have been removed', within: '.zm-modal-body-title', unverified: ALTERNATIVE },
    { text: 'removed from the meeting', within: '.zm-modal-body-title', unverified: ALTERNATIVE },
    // German (wording unverified against a live DOM)
    { text: 'vom Host beendet', within: '.zm-modal-body-title' },
    { text: 'wurden entfernt', within: '.zm-modal-body-title', unverified: ALTERNATIVE },
  ],
  /** The client shows its end on the URL or in the dialogs above; no page-text hints. */
  endedHints: [],
  /** Reconnecting, on screen only (wording not confirmed by a named public source). */
  reconnecting: [
    { text: 'Reconnecting' },
    { text: 'Verbindung wird wiederhergestellt', unverified: ALTERNATIVE },
  ],
  /** Presenting: the sharer's "Stop Share" and banner (wording not confirmed by a named source). */
  presenting: [
    { text: 'Stop Share', within: 'button, [role="button"]' },
    { text: 'You are screen sharing' },
    { text: 'Freigabe beenden', within: 'button, [role="button"]', unverified: ALTERNATIVE },
  ],
  /**
   * The confirming buttons of the leave and end menus (Vexa zoom/selectors.ts: "Leave Meeting"
   * has this class and an empty aria-label). Clicks on them are provisional too.
   */
  leaveConfirm: ['button.leave-meeting-options__btn--danger'],
} satisfies StandardProbes & Record<string, readonly Probe[]>;

/** The page and, in the PWA shell, the same-origin client frame (null when cross-origin). */
function scopesOf(doc: Document): Scope[] {
  const scopes = [scopeOf(doc)];
  for (const frame of Array.from(doc.querySelectorAll('iframe#webclient'))) {
    try {
      const inner = (frame as HTMLIFrameElement).contentDocument;
      if (inner) scopes.push(scopeOf(inner));
    } catch {
      // a cross-origin frame throws in some engines instead of returning null
    }
  }
  return scopes;
}

export const zoom: PlatformDetector = {
  id: 'zoom',
  probes: zoomProbes,
  scopes: scopesOf,
  joinGraceMs: ZOOM_JOIN_GRACE_MS,

  // The client and the end pages; launchers (`/j/`, `/s/`, `/w/`) and the home page are not calls.
  matchesUrl: isZoomCallPage,

  detect(url, doc): Reading {
    if (!zoom.matchesUrl(url)) return { state: 'none', signals: { ...NO_SIGNALS } };
    const meetingKey = zoomMeetingKey(url);
    const withKey = (r: Reading): Reading => (meetingKey ? { ...r, meetingKey } : r);
    if (isZoomEndPage(url)) {
      return withKey({ state: 'ended', signals: { ...NO_SIGNALS, ended: true } });
    }
    const signals = readSignals(scopesOf(doc), zoomProbes);
    return withKey({ state: stateOf(signals), signals });
  },

  leaveControls: (doc) =>
    leaveButtons(elements(scopesOf(doc), [...zoomProbes.leave, ...zoomProbes.leaveConfirm])),
};
