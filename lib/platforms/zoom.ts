// Zoom web client call state. The client runs at `/wc/<number>/join|start` (or classic
// `/wc/join/<number>`) on app.zoom.us or a company host (acme.zoom.us), either in the page itself
// or, in the PWA shell, inside a same-origin `iframe#webclient`. The launcher pages `/j/<number>`
// and `/s/<number>` only offer to open the desktop app: not calls. Leaving or being ended
// redirects to `/postattendee`, `/wc/leave` or `/meeting/ended`.
// Signals and their sources: shared/research/platforms.md A.3.

import type { Probe, Scope } from './dom';
import { elements, NO_SIGNALS, present, scopeOf, stateOf } from './dom';
import type { PlatformDetector, Reading, Signals } from './types';

/** The client page: `/wc/<number>/join`, `/wc/<number>/start`, classic `/wc/join/<number>`. */
const CLIENT_PATH = /^\/wc\/(?:join\/)?(\d+)(?:\/|$)/;
/** Where Zoom sends you when the meeting is over for you (Vexa zoom/removal.ts). */
const END_PATHS = [/^\/postattendee(?:\/|$)/, /^\/wc\/leave(?:\/|$)/, /^\/meeting\/ended(?:\/|$)/];

export function isZoomHost(hostname: string): boolean {
  return hostname === 'zoom.us' || hostname.endsWith('.zoom.us');
}

export const zoomProbes = {
  /** Primary: the footer's Leave; "never appears in pre-join or waiting room" (Vexa). */
  leave: [
    // the footer's leave container, long-lived in the client (TranscripTonic content-zoom.js)
    '.footer__leave-btn-container',
    // the leave button itself (older Selenium scripts: `#foot-bar > .footer__leave-btn-container`)
    '.footer__leave-btn',
    // English label, "verified from live DOM" (Vexa zoom/selectors.ts zoomLeaveButtonSelector)
    'button[aria-label="Leave"]',
    // German label (wording unverified against a live DOM)
    'button[aria-label="Verlassen"]',
  ],
  /** Secondary: parts of the meeting client that the waiting room does not have. */
  inCall: [
    // the audio options menu, TranscripTonic's "meeting started" signal (inside the iframe)
    '#audioOptionMenu',
    // the meeting footer (screenappai ZoomBot.ts waits on it)
    '#wc-footer',
    // the classic footer bar (older Selenium scripts)
    '#foot-bar',
    // the right-hand panel holder for chat and participants (public Python bots)
    '#wc-container-right',
  ],
  /** Waiting room: the host has not let us in or not started (Vexa; older Selenium scripts). */
  waiting: [
    // the classic waiting room's leave button and text block
    '.wr-leave-btn',
    '.wr-default__text',
    { text: 'the meeting host will let you in soon' },
    { text: 'Waiting for the host to start this meeting' },
    { text: "We've let them know you're here" },
    // German (wording unverified against a live DOM)
    { text: 'der Meeting-Host lässt Sie in Kürze eintreten' },
    { text: 'Warten auf den Host' },
  ],
  /** Pre-join: name field, join button, device preview (Vexa zoom/selectors.ts). */
  lobby: [
    '#input-for-name',
    '#inputname',
    'button.preview-join-button',
    '#joinBtn',
    '#preview-audio-control-button',
    '#preview-video-control-button',
    { text: 'Continue without microphone and camera' },
    // German (wording unverified against a live DOM)
    { text: 'Ohne Mikrofon und Kamera fortfahren' },
  ],
  /** Ended: the client's end modal over the meeting (Vexa removal.ts; screenappai RecordingTask.ts). */
  endedMarkers: [
    { text: 'ended by host', within: '.zm-modal-body-title' },
    { text: 'meeting has ended', within: '.zm-modal-body-title' },
    { text: 'You have been removed', within: '.zm-modal-body-title' },
    // German (wording unverified against a live DOM)
    { text: 'vom Host beendet', within: '.zm-modal-body-title' },
    { text: 'wurden entfernt', within: '.zm-modal-body-title' },
  ],
  /**
   * The confirming button of the leave menu. The footer's Leave only opens this menu; a click on
   * Leave and then Cancel must not end the session (Vexa zoom/selectors.ts).
   */
  leaveConfirm: ['button.leave-meeting-options__btn--danger'],
} satisfies Record<string, readonly Probe[]>;

/** The meeting number from the client path or the end page's `mn` parameter. */
export function zoomMeetingKey(url: URL): string | undefined {
  if (!isZoomHost(url.hostname)) return undefined;
  const client = CLIENT_PATH.exec(url.pathname);
  if (client) return client[1];
  const mn = url.searchParams.get('mn')?.replace(/\D/g, '');
  return mn ? mn : undefined;
}

function isClientPage(url: URL): boolean {
  return isZoomHost(url.hostname) && CLIENT_PATH.test(url.pathname);
}

function isEndPage(url: URL): boolean {
  return isZoomHost(url.hostname) && END_PATHS.some((p) => p.test(url.pathname));
}

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

  // The client and the end pages; launchers (`/j/`, `/s/`, `/w/`) and the home page are not calls.
  matchesUrl: (url) => isClientPage(url) || isEndPage(url),

  detect(url, doc): Reading {
    const meetingKey = zoomMeetingKey(url);
    const withKey = (r: Reading): Reading => (meetingKey ? { ...r, meetingKey } : r);
    if (isEndPage(url)) {
      return withKey({ state: 'ended', signals: { ...NO_SIGNALS, ended: true } });
    }
    if (!isClientPage(url)) return { state: 'none', signals: { ...NO_SIGNALS } };
    const scopes = scopesOf(doc);
    const signals: Signals = {
      primary: present(scopes, zoomProbes.leave),
      secondary: present(scopes, zoomProbes.inCall),
      waiting: present(scopes, zoomProbes.waiting),
      lobby: present(scopes, zoomProbes.lobby),
      ended: present(scopes, zoomProbes.endedMarkers),
    };
    return withKey({ state: stateOf(signals), signals });
  },

  leaveControls: (doc) => elements(scopesOf(doc), zoomProbes.leaveConfirm),
};
