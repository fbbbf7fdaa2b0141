// Google Meet call state. Meet keeps the same URL (`/abc-defg-hij`) in the lobby, in the waiting
// room, in the call and on the end screen, so the state comes from the DOM; the URL gives the key.
// Signals and their sources: shared/research/platforms.md A.1.

import type { Probe } from './dom';
import { controlOf, elements, NO_SIGNALS, present, scopeOf, stateOf } from './dom';
import type { PlatformDetector, Reading, Signals } from './types';

const HOST = 'meet.google.com';
/** A meeting code: three letters, four, three (Vexa `clients/extension/src/meeting.ts`). */
const CODE = /^[a-z]{3}-[a-z]{4}-[a-z]{3}$/i;

export const meetProbes = {
  /** Primary: a leave control. Also present in the waiting room, so never enough alone. */
  leave: [
    // the hang-up icon ligature, any locale (TranscripTonic content-google-meet.js; meet-helper)
    { icon: 'call_end' },
    // the leave button's jsname, obfuscated but stable for years (attendee google_meet_ui_methods.py)
    'button[jsname="CQylAd"]',
    // English label (Vexa googlemeet/selectors.ts, screenappai GoogleMeetBot.ts)
    'button[aria-label="Leave call"]',
    // English tooltip on the same button (Vexa)
    '[data-tooltip*="Leave call"]',
    // German label (screenappai GoogleMeetBot.ts)
    'button[aria-label="Anruf verlassen"]',
  ],
  /** Secondary: only exists once admitted (not in the lobby, not in the waiting room). */
  inCall: [
    // a participant tile, minus the self "Backgrounds and effects" preview that the lobby also has
    // (Vexa googlemeet/selectors.ts + admission.ts, "verified live 2026-06-12")
    {
      selector: '[data-participant-id]',
      except: /visual_effects|backgrounds and effects|hintergründe und effekte/,
    },
    // the own name on the self tile (Vexa googlemeet/admission.ts)
    '[data-self-name]',
    // chat and captions icons: "not visible while waiting to be let in" (TranscripTonic)
    { icon: 'chat' },
    { icon: 'closed_caption_off' },
    // captions switched on: the same button shows the filled icon
    { icon: 'closed_caption' },
    // English toolbar labels (Vexa googleInitialAdmissionIndicators)
    'button[aria-label*="Share screen"]',
    'button[aria-label*="Present now"]',
    'button[aria-label="Chat with everyone"]',
    // German toolbar labels (wording unverified against a live DOM)
    'button[aria-label="Mit allen chatten"]',
    'button[aria-label*="Jetzt präsentieren"]',
  ],
  /** Waiting room: asked to join, nobody has let us in yet (Vexa googleWaitingRoomIndicators). */
  waiting: [
    { text: 'Asking to be let in' },
    { text: "You'll join the call when someone lets you in" },
    { text: 'Waiting for the host to join' },
    // German (wording unverified against a live DOM)
    { text: 'Teilnahme wird angefragt' },
    { text: 'sobald Sie jemand hereinlässt' },
  ],
  /** Pre-join: name field and join buttons (Vexa, attendee). */
  lobby: [
    // the join button's jsname (public content scripts: "JOIN_BTN_SELECTOR")
    'button[jsname="Qx7uuf"]',
    // the guest name field
    'input[aria-label="Your name"]',
    'input[aria-label="Ihr Name"]',
    // the join buttons' English texts (Vexa, attendee)
    { text: 'Ask to join', within: 'button, [role="button"]' },
    { text: 'Join now', within: 'button, [role="button"]' },
    { text: 'Switch here', within: 'button, [role="button"]' },
    // German texts (wording unverified against a live DOM)
    { text: 'Teilnahme anfragen', within: 'button, [role="button"]' },
    { text: 'Jetzt teilnehmen', within: 'button, [role="button"]' },
  ],
  /** Ended, trusted at any time: the call's own end attribute (several public content scripts). */
  endedMarkers: ['[data-call-ended="true"]'],
  /**
   * Ended, trusted only once the leave control is gone: page text includes chat and captions, so
   * a participant typing "call ended" must not end the call.
   */
  endedHints: [
    // the end screen's Rejoin button (jsname from public code; peace-out alreadyLeft())
    'button[jsname="oI7Fj"]',
    // English end-screen texts (Vexa googleRemovalIndicators, attendee, screenappai)
    { text: 'You left the meeting' },
    { text: "You've been removed from the meeting" },
    { text: 'Your host ended the meeting for everyone' },
    { text: 'This meeting has ended' },
    { text: 'Meeting ended' },
    { text: 'Call ended' },
    { text: 'No one responded to your request to join the call' },
    // German end-screen texts (wording unverified against a live DOM)
    { text: 'Sie haben die Videokonferenz verlassen' },
    { text: 'Sie haben das Meeting verlassen' },
    { text: 'Sie wurden aus der Videokonferenz entfernt' },
    { text: 'hat die Videokonferenz für alle beendet' },
    { text: 'Erneut teilnehmen', within: 'button, [role="button"]' },
  ],
} satisfies Record<string, readonly Probe[]>;

/** The meeting code from the path, lower case; undefined on landing and other pages. */
export function meetMeetingKey(url: URL): string | undefined {
  if (url.hostname !== HOST) return undefined;
  const first = url.pathname.split('/')[1] ?? '';
  return CODE.test(first) ? first.toLowerCase() : undefined;
}

export const meet: PlatformDetector = {
  id: 'meet',

  // `/`, `/landing` and `/new` have no code: they are not calls (TranscripTonic excludeMatches).
  matchesUrl: (url) => meetMeetingKey(url) !== undefined,

  detect(url, doc): Reading {
    const meetingKey = meetMeetingKey(url);
    if (meetingKey === undefined) return { state: 'none', signals: { ...NO_SIGNALS } };
    const scopes = [scopeOf(doc)];
    const primary = present(scopes, meetProbes.leave);
    const signals: Signals = {
      primary,
      secondary: present(scopes, meetProbes.inCall),
      waiting: present(scopes, meetProbes.waiting),
      lobby: present(scopes, meetProbes.lobby),
      ended:
        present(scopes, meetProbes.endedMarkers) ||
        (!primary && present(scopes, meetProbes.endedHints)),
    };
    return { state: stateOf(signals), meetingKey, signals };
  },

  leaveControls(doc) {
    const found = elements([scopeOf(doc)], meetProbes.leave).map(controlOf);
    return [...new Set(found)];
  },
};
