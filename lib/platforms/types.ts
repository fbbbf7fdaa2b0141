// The contract every platform detector keeps. A detector is pure: it looks once at a URL and a
// document and says what it sees. Hysteresis over several looks lives in `tracker.ts`.

import type { Platform } from '../records';

/** What one look at a call page shows. */
export type Detected = 'none' | 'lobby' | 'in-call' | 'ended';

/** The raw evidence behind a reading; the tracker decides on these, not on `state` alone. */
export interface Signals {
  /** A leave / hang-up control is present (in the DOM; it may be hidden). */
  primary: boolean;
  /** A second control or element that only exists once admitted (chat, captions, tiles, timer). */
  secondary: boolean;
  /** A waiting room ("asking to be let in", "the host will let you in"). */
  waiting: boolean;
  /** A pre-join page (name field, join button, device preview). */
  lobby: boolean;
  /** An explicit end: end screen, end attribute, end modal, end URL. */
  ended: boolean;
}

export interface Reading {
  state: Detected;
  /** The meeting's id when the URL shows it (Meet code, Zoom number, Teams thread or meet id). */
  meetingKey?: string;
  signals: Signals;
}

export interface PlatformDetector {
  id: Platform;
  /** URL pre-filter: is this a page where a call of this platform can be (not a landing/launcher page)? */
  matchesUrl(url: URL): boolean;
  /** Pure: one look at the URL and document. Never throws for odd DOMs (return 'none'). */
  detect(url: URL, doc: Document): Reading;
  /** The leave/hang-up controls present now (for an immediate, locale-free end on click). */
  leaveControls(doc: Document): Element[];
}
