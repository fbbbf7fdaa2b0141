// Google Meet call state. Meet keeps the same URL (`/abc-defg-hij`) in the lobby, in the waiting
// room, in the call and on the end screen, so the state comes from the DOM; the URL gives the key.
// Signals and their sources: shared/research/platforms.md A.1. German wording is unverified
// against a live DOM unless a source is named.

import type { Probe, StandardProbes } from './dom';
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
import { meetMeetingKey } from './urls';

export { meetMeetingKey };

export const meetProbes = {
  /**
   * Primary: a leave control. Also present in the waiting room, so never enough alone. A click
   * on it is provisional: a host gets "End the call for everyone?" and may cancel
   * (ChrisRegado/streamdeck-googlemeet leave_call_event_handler.js handles that dialog).
   */
  leave: [
    // the hang-up icon ligature, any locale (TranscripTonic content-google-meet.js; meet-helper)
    { icon: 'call_end' },
    // the leave control's jsname, on a button or (Meeting-BaaS closeMeeting.ts) a div
    // (attendee google_meet_ui_methods.py; ChrisRegado leave_call_event_handler.js)
    '[jsname="CQylAd"]',
    // English label (Vexa googlemeet/selectors.ts, screenappai GoogleMeetBot.ts, attendee)
    'button[aria-label="Leave call"]',
    // English tooltip on the same button (Vexa googleAdmissionIndicators' tooltip variants)
    '[data-tooltip*="Leave call"]',
    // German label (screenappai GoogleMeetBot.ts)
    'button[aria-label="Anruf verlassen"]',
  ],
  /** Secondary: only exists once admitted (not in the lobby, not in the waiting room). */
  inCall: [
    // the side-panel toggles by panel id, any locale: 1 people, 2 chat (petele/StreamDeck-Meet
    // MeetWrapper.js; ChrisRegado/streamdeck-googlemeet PR #47 shows data-panel-id="2" on chat)
    'button[data-panel-id="1"]',
    'button[data-panel-id="2"]',
    // chat and captions icons: "not visible while waiting to be let in" (TranscripTonic)
    { icon: 'chat' },
    { icon: 'closed_caption_off' },
    // captions switched on: the same button shows the filled icon (ChrisRegado captions handler)
    { icon: 'closed_caption', unverified: ALTERNATIVE },
    // the captions button's jsname, "from approximately Feb 2026" and before it
    // (ChrisRegado/streamdeck-googlemeet captions_event_handler.js)
    'button[jsname="RrG0hf"]',
    {
      css: 'button[jsname="r8qRAd"]',
      unverified:
        'the pre-Feb-2026 captions jsname, kept for accounts not yet on the redesign (ChrisRegado captions_event_handler.js); no fixture shows the old toolbar',
    },
    // English toolbar labels (Vexa googleInitialAdmissionIndicators)
    { css: 'button[aria-label*="Share screen"]', unverified: ALTERNATIVE },
    'button[aria-label*="Present now"]',
    // English chat toggle (Meeting-BaaS meet.ts; vellum-ai/vellum-assistant PR #27384)
    'button[aria-label="Chat with everyone"]',
    // German toolbar labels (wording unverified against a live DOM)
    'button[aria-label="Mit allen chatten"]',
    'button[aria-label*="Jetzt präsentieren"]',
  ],
  /**
   * Strong: structures no waiting room has, so they outrank waiting text left in the DOM.
   * "[data-participant-id], [data-self-name] do NOT exist in the lobby" (Vexa admission.ts).
   */
  strong: [
    // a participant tile, minus the self "Backgrounds and effects" preview that the lobby also has
    // (Vexa googlemeet/selectors.ts + admission.ts, "verified live 2026-06-12")
    {
      selector: '[data-participant-id]',
      except: /visual_effects|backgrounds and effects|hintergründe und effekte/,
    },
    // the own name on the self tile (Vexa googlemeet/admission.ts)
    '[data-self-name]',
    // the meeting room's title block (petele/StreamDeck-Meet PR #39: "entering meeting room")
    { css: 'div[data-meeting-title]', unverified: ALTERNATIVE },
  ],
  /** Waiting room: asked to join, nobody has let us in yet; counted only when on screen. */
  waiting: [
    // English (Vexa googleWaitingRoomIndicators, #471)
    { text: 'Asking to be let in' },
    { text: "You'll join the call when someone lets you in" },
    { text: 'Waiting for the host to join', unverified: ALTERNATIVE },
    { text: 'Please wait until a meeting host brings you into the call', unverified: ALTERNATIVE },
    { text: 'Waiting for the host to let you in', unverified: ALTERNATIVE },
    { text: "You're in the waiting room", unverified: ALTERNATIVE },
    // German (wording unverified against a live DOM)
    { text: 'Teilnahme wird angefragt' },
    { text: 'sobald Sie jemand hereinlässt' },
  ],
  /** Pre-join: name field and join buttons. */
  lobby: [
    // the join button's jsname (public content scripts: "JOIN_BTN_SELECTOR"; petele
    // MeetWrapper.js). Reported changed in 2025 (petele/StreamDeck-Meet PR #41, new value not
    // public), so the texts below carry the lobby; this stays as one fallback.
    'button[jsname="Qx7uuf"]',
    // the guest name field
    { css: 'input[aria-label="Your name"]', unverified: ALTERNATIVE },
    'input[aria-label="Ihr Name"]',
    // the join buttons' English texts (attendee google_meet_ui_methods.py; Vexa join selectors)
    { text: 'Ask to join', within: 'button, [role="button"]', unverified: ALTERNATIVE },
    { text: 'Join now', within: 'button, [role="button"]' },
    { text: 'Join the call now', within: 'button, [role="button"]', unverified: ALTERNATIVE },
    { text: 'Join anyway', within: 'button, [role="button"]', unverified: ALTERNATIVE },
    { text: 'Join here too', within: 'button, [role="button"]', unverified: ALTERNATIVE },
    { text: 'Switch here', within: 'button, [role="button"]', unverified: ALTERNATIVE },
    // German texts: "Teilnahme erbitten" is Meet's wording (issue 11 corrects "anfragen")
    { text: 'Teilnahme erbitten', within: 'button, [role="button"]' },
    { text: 'Jetzt teilnehmen', within: 'button, [role="button"]', unverified: ALTERNATIVE },
  ],
  /** Ended, trusted at any time: the call's own end attribute. */
  endedMarkers: [
    // seen in several public content scripts, none named; fixtures only
    '[data-call-ended="true"]',
  ],
  /** Ended, trusted only once the leave control is gone. */
  endedHints: [
    // the end screen's Rejoin: the jsname sits on a wrapper around the button
    // (petele/StreamDeck-Meet `[jsname=oI7Fj] button`; peace-out alreadyLeft())
    '[jsname="oI7Fj"]',
    // the end screen ("exit hall") itself (petele MeetWrapper.js)
    { css: '[jsname="r4nke"]', unverified: ALTERNATIVE },
    // English end-screen texts: left, ended (Vexa googleRemovalIndicators)
    { text: 'You left the meeting' },
    { text: 'This meeting has ended', unverified: ALTERNATIVE },
    { text: 'Meeting ended', unverified: ALTERNATIVE },
    { text: 'Call ended', unverified: ALTERNATIVE },
    // removed, or ended by the host (attendee google_meet_chromedriver_payload.js `.roSPhc`;
    // screenappai GoogleMeetBot.ts)
    { text: "You've been removed from the meeting", unverified: ALTERNATIVE },
    { text: 'Your host ended the meeting for everyone' },
    // nobody let us in (Vexa rejection texts family)
    { text: 'No one responded to your request to join the call', unverified: ALTERNATIVE },
    // German end-screen texts (wording unverified against a live DOM)
    { text: 'Sie haben die Videokonferenz verlassen' },
    { text: 'Sie haben das Meeting verlassen', unverified: ALTERNATIVE },
    { text: 'Sie wurden aus der Videokonferenz entfernt', unverified: ALTERNATIVE },
    { text: 'hat die Videokonferenz für alle beendet' },
    { text: 'Erneut teilnehmen', within: 'button, [role="button"]' },
  ],
  /**
   * Reconnecting: Meet says so while the network drops (Vexa lists "Reconnecting" among its
   * removal texts; for a person it means the opposite: the call goes on). On screen only.
   */
  reconnecting: [
    { text: 'Reconnecting' },
    // German (wording unverified against a live DOM)
    { text: 'Verbindung wird wiederhergestellt', unverified: ALTERNATIVE },
  ],
  /** Presenting: the user shares their screen from this call. */
  presenting: [
    // the "Stop presenting" button's jsname (petele/StreamDeck-Meet MeetWrapper.js)
    '[jsname="aK5XXd"]',
    // its English text (attendee google_meet_chromedriver_payload.js turnOffScreenshare)
    { text: 'Stop presenting', within: 'button, [role="button"]' },
    // the banner over the own presentation (wording seen in public Meet look-alikes only)
    { text: 'You are presenting' },
    // German (wording unverified against a live DOM)
    { text: 'Präsentation beenden', within: 'button, [role="button"]' },
  ],
} satisfies StandardProbes & Record<string, readonly Probe[]>;

const scopes = (doc: Document) => [scopeOf(doc)];

export const meet: PlatformDetector = {
  id: 'meet',
  probes: meetProbes,
  scopes,

  // `/`, `/landing` and `/new` have no code: they are not calls (TranscripTonic excludeMatches).
  matchesUrl: (url) => meetMeetingKey(url) !== undefined,

  detect(url, doc): Reading {
    const meetingKey = meetMeetingKey(url);
    if (meetingKey === undefined) return { state: 'none', signals: { ...NO_SIGNALS } };
    const signals = readSignals(scopes(doc), meetProbes);
    return { state: stateOf(signals), meetingKey, signals };
  },

  leaveControls: (doc) => leaveButtons(elements(scopes(doc), meetProbes.leave)),
};
