// A second opinion that needs no DOM (issue 11): a meeting tab that has played sound for a minute
// while detection reads its lobby or nothing is probably a call whose markup changed. The user is
// asked once, quietly ("In a session with Ana? Start it"), and one click starts the session.
//
//   tab turns audible ──> since = now, alarm at since + 1 min
//   tab turns silent  ──> since cleared, alarm cleared (an asked call stays asked)
//   alarm ──> still audible for a minute, a call page of a platform, no call seen, no session
//             live anywhere, not asked for this call yet ──> ask; asked = this call
//   tab closed ──> forgotten
//
// Nothing ticks: the browser's `audible` changes (tabs.onUpdated) and one alarm per stretch of
// sound. Pure: the events, the clock and what the tab's page says come in; the adapter
// (lib/session/audio-watch.ts) does the asking.

import type { Detected } from '../platforms/types';
import type { PageFacts } from '../platforms/urls';
import type { CallState, Platform } from '../records';

/** How long a tab must have played sound before the question. */
export const AUDIBLE_ASK_MS = 60_000;

/** The alarm's name, then the tab id; the notification's id the same. */
export const AUDIO_ALARM = 'mc-audio:';

export interface AudioEntry {
  /** Audible since (ms); absent while silent. */
  since?: number;
  /** The call the question was asked about (`callKeyOf`): asked once per tab and call. */
  asked?: string;
}

export type AudioState = Record<string, AudioEntry>;

/** What the tab's content script answers (call-ping): nothing where there is none. */
export interface PageAnswer {
  platform?: Platform;
  state: Detected;
  meetingKey?: string;
  page?: PageFacts;
}

export type AudioEvent =
  | { kind: 'audible'; tabId: number; audible: boolean; at: number }
  | { kind: 'closed'; tabId: number }
  | {
      kind: 'alarm';
      tabId: number;
      at: number;
      /** The browser's word on the tab now. */
      audible: boolean;
      answer: PageAnswer | null;
      /** The tab's detected call, as the background keeps it. */
      call?: CallState;
      /** A session is live in some tab. */
      anyLive: boolean;
    };

export interface AudioDecision {
  next: AudioState;
  /** Set (at `when`) or clear the tab's alarm; nothing to do when absent. */
  alarm?: { tabId: number; when: number } | { tabId: number; clear: true };
  /** Ask the user about this tab's call (the key says which, for the session's meeting key). */
  ask?: { tabId: number; platform: Platform; meetingKey?: string };
}

/** One call, as the question remembers it: the platform and the meeting key while known. */
export function callKeyOf(platform: Platform, meetingKey: string | undefined): string {
  return `${platform}:${meetingKey ?? ''}`;
}

function without(state: AudioState, key: string): AudioState {
  const copy = { ...state };
  delete copy[key];
  return copy;
}

function put(state: AudioState, key: string, entry: AudioEntry): AudioState {
  if (entry.since === undefined && entry.asked === undefined) return without(state, key);
  return { ...state, [key]: entry };
}

export function decideAudio(state: AudioState, event: AudioEvent): AudioDecision {
  const key = String(event.tabId);
  const entry = state[key] ?? {};
  switch (event.kind) {
    case 'closed':
      return state[key] ? { next: without(state, key) } : { next: state };
    case 'audible': {
      if (!event.audible) {
        if (entry.since === undefined) return { next: state };
        const { since: _gone, ...rest } = entry;
        return { next: put(state, key, rest), alarm: { tabId: event.tabId, clear: true } };
      }
      if (entry.since !== undefined) return { next: state };
      return {
        next: put(state, key, { ...entry, since: event.at }),
        alarm: { tabId: event.tabId, when: event.at + AUDIBLE_ASK_MS },
      };
    }
    case 'alarm': {
      const { answer } = event;
      const heard = entry.since !== undefined && event.at - entry.since >= AUDIBLE_ASK_MS;
      // Sound stopped without the browser telling us (a worker asleep): start over.
      if (!event.audible) {
        const { since: _gone, ...rest } = entry;
        return { next: put(state, key, rest) };
      }
      if (!heard) {
        // An alarm early (a worker restart set another): wait for the minute.
        return entry.since === undefined
          ? {
              next: put(state, key, { ...entry, since: event.at }),
              alarm: { tabId: event.tabId, when: event.at + AUDIBLE_ASK_MS },
            }
          : { next: state, alarm: { tabId: event.tabId, when: entry.since + AUDIBLE_ASK_MS } };
      }
      const platform = answer?.platform;
      if (!platform || !answer?.page?.client) return { next: state };
      // Detection sees the call (or saw it end): it needs no second opinion.
      if (event.call === 'in-call' || event.call === 'ended' || event.anyLive)
        return { next: state };
      if (answer.state === 'in-call' || answer.state === 'ended') return { next: state };
      const meetingKey = answer.meetingKey ?? answer.page.meetingKey;
      const asked = callKeyOf(platform, meetingKey);
      if (entry.asked === asked) return { next: state };
      return {
        next: put(state, key, { ...entry, asked }),
        ask: { tabId: event.tabId, platform, ...(meetingKey ? { meetingKey } : {}) },
      };
    }
  }
}
