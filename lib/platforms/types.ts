// The contract every platform detector keeps. A detector is pure: it looks once at a URL and a
// document and says what it sees. Hysteresis over several looks lives in `tracker.ts`.

import type { Platform } from '../records';
import type { Probe, Scope } from './dom';

/** What one look at a call page shows. */
export type Detected = 'none' | 'lobby' | 'in-call' | 'ended';

/** The raw evidence behind a reading; the tracker decides on these, not on `state` alone. */
export interface Signals {
  /** A leave / hang-up control is present (in the DOM; it may be hidden). */
  primary: boolean;
  /** A second control or element that only exists once admitted (chat, captions, tiles, timer). */
  secondary: boolean;
  /**
   * In-call evidence strong enough to outrank waiting-room text: structures a waiting room never
   * has (participant tiles, the call timer, the meeting footer). Stale waiting text left in the
   * DOM after admission must not hold a live call at lobby (Vexa #966 / PR #967).
   */
  strong: boolean;
  /** A waiting room ("asking to be let in", "the host will let you in"), shown on screen. */
  waiting: boolean;
  /** A pre-join page (name field, join button, device preview). */
  lobby: boolean;
  /** An explicit end: end screen, end attribute, end modal, end URL. */
  ended: boolean;
  /** The platform says it is reconnecting: the call is not over, whatever else is missing. */
  reconnecting: boolean;
  /** The user shares their screen from this call ("You are presenting", "Stop sharing"). */
  presenting: boolean;
}

export type SignalName = keyof Signals;

export interface Reading {
  state: Detected;
  /** The meeting's id when the URL shows it (Meet code, Zoom number, Teams thread or meet id). */
  meetingKey?: string;
  signals: Signals;
  /**
   * The detector failed on this page (threw): nothing is known, and nothing may be concluded.
   * The tracker keeps its state and streaks as they were: a broken selector never ends a call.
   */
  unknown?: true;
}

/** A detector's probes, by the signal they feed: `leave` feeds `primary`, and so on. */
export type ProbeGroups = Readonly<Record<string, readonly Probe[]>>;

export interface PlatformDetector {
  id: Platform;
  /** URL pre-filter: is this a page where a call of this platform can be (not a landing/launcher page)? */
  matchesUrl(url: URL): boolean;
  /** Pure: one look at the URL and document. Never throws for odd DOMs (return 'none'). */
  detect(url: URL, doc: Document): Reading;
  /** The leave/hang-up controls present now (a click on one makes the end provisional). */
  leaveControls(doc: Document): Element[];
  /** Every probe, by group, for the detection check and the fixture meta-test. */
  probes: ProbeGroups;
  /** The documents a detector reads: the page, and same-origin frames where the app lives. */
  scopes(doc: Document): Scope[];
  /**
   * How long after a call goes live a missing leave control is not yet an end (the Zoom client
   * redirects within `/wc/` while audio starts). Explicit end signals end the call at once.
   */
  joinGraceMs?: number;
}
