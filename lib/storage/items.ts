// Every key Mentor Companion keeps in extension storage, as one typed item each: its area, its
// version, its fallback and a validator. Nothing else in the code calls `browser.storage`
// (lint keeps it so). A stored value of an older or unknown shape is cleaned by the validator or
// replaced by the fallback: a page never crashes on what an earlier version (or a hand edit in
// DevTools) left there.
//
//   storage.local    settings, language, popupMentorship, cardPlace:<platform>, remindersShown,
//                    calendarSequences, actionDraft:<sessionId>
//   storage.session  calls, live, recent, focus:<sessionId>, dbRev, liveView:<tabId>, audio
//
// storage.session is cleared when the browser quits or the extension reloads; it holds only
// what the running browser needs (which tab is in which call, and the live view of that call,
// whose notes are copies of records kept in IndexedDB). It is in memory only and, at its default
// access level, out of reach of content scripts: a call page never sees it.

import { storage } from 'wxt/utils/storage';
import type { FocusState } from '../focus';
import { inRange, isTime, LIMITS, RANGES } from '../limits';
import type { Platform } from '../records';
import { cleanSettings, DEFAULT_SETTINGS, type Settings } from '../rules/settings';
import type { AudioState } from '../session/audio';
import type { Calls } from '../session/calls';
import type { LiveProjection } from '../session/live-projection';
import type { Live, Recent } from '../session/orchestrator';

type Key = `local:${string}` | `session:${string}`;

export interface Item<T> {
  readonly key: Key;
  readonly fallback: T;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
  /** Calls `cb` with the new (validated) value whenever it changes; returns the unwatch. */
  watch(cb: (value: T) => void): () => void;
}

/**
 * One item. `clean` returns the value it can use from whatever is stored (or undefined for the
 * fallback); `migrations` take a stored value from version n - 1 to n, as WXT runs them.
 */
export function defineItem<T>(
  key: Key,
  opts: {
    fallback: T;
    clean: (raw: unknown) => T | undefined;
    version?: number;
    migrations?: Record<number, (old: unknown) => unknown>;
  },
): Item<T> {
  // Made on first use, not when this module loads: WXT reads storage as soon as an item is
  // defined, which fails outside an extension (Node scripts and tests import this module).
  // Migrations still run before the first read or write.
  let made: ReturnType<typeof storage.defineItem<unknown>> | undefined;
  const raw = () =>
    (made ??= storage.defineItem<unknown>(key, {
      fallback: null,
      version: opts.version ?? 1,
      ...(opts.migrations ? { migrations: opts.migrations } : {}),
    }));
  const read = (value: unknown): T => {
    if (value === null || value === undefined) return opts.fallback;
    try {
      return opts.clean(value) ?? opts.fallback;
    } catch {
      return opts.fallback;
    }
  };
  return {
    key,
    fallback: opts.fallback,
    get: async () => read(await raw().getValue()),
    set: (value) => raw().setValue(value),
    remove: () => raw().removeValue(),
    watch: (cb) => raw().watch((value) => cb(read(value))),
  };
}

/** One value for each item, in one storage write: a watcher never sees half of them. */
export async function setTogether<A, B, C>(
  ...entries: [[Item<A>, A], [Item<B>, B], [Item<C>, C]?]
): Promise<void> {
  await storage.setItems(
    entries.flatMap((e) => (e ? [{ key: e[0].key, value: e[1] as unknown }] : [])),
  );
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Keeps the entries of a map whose values pass `keep`; drops the rest. */
function mapOf<V>(keep: (v: Record<string, unknown>) => boolean) {
  return (raw: unknown): Record<string, V> | undefined => {
    if (!isObject(raw)) return undefined;
    const out: Record<string, V> = {};
    for (const [k, v] of Object.entries(raw)) if (isObject(v) && keep(v)) out[k] = v as V;
    return out;
  };
}

const PLATFORMS: readonly Platform[] = ['meet', 'zoom', 'teams'];
const isPlatform = (x: unknown): x is Platform => PLATFORMS.includes(x as Platform);

// ---------------------------------------------------------------------------------------------
// storage.local

export { cleanSettings, DEFAULT_SETTINGS, type Settings };

export const settingsItem = defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  clean: cleanSettings,
});

/** The language chosen for the extension's text: see ./language.ts (the card reads it too). */
export { languageItem } from './language';

/** The mentorship the popup showed last, so it opens on the same one. */
export const popupMentorshipItem = defineItem<string | null>('local:popupMentorship', {
  fallback: null,
  clean: (raw) => (typeof raw === 'string' && raw.length <= 200 ? raw : undefined),
});

/** Where the user moved the session card, per platform. */
export interface Place {
  /** Distance from the viewport's right edge, px. */
  right: number;
  /** Distance from the viewport's top edge, px. */
  top: number;
}

const cleanPlace = (raw: unknown): Place | null | undefined =>
  isObject(raw) && Number.isFinite(raw.right) && Number.isFinite(raw.top)
    ? { right: raw.right as number, top: raw.top as number }
    : undefined;

export const cardPlaceItems: Record<Platform, Item<Place | null>> = {
  meet: defineItem('local:cardPlace:meet', { fallback: null, clean: cleanPlace }),
  zoom: defineItem('local:cardPlace:zoom', { fallback: null, clean: cleanPlace }),
  teams: defineItem('local:cardPlace:teams', { fallback: null, clean: cleanPlace }),
};

/** The most reminder names kept as shown: old ones name times long gone and never plan again. */
const ACTION_DRAFT_PREFIX = 'actionDraft:';

/**
 * The action item being typed in the session card or the side panel and not added yet, per
 * session. Kept in storage.local as it is typed (the card's frame has no synchronous storage of
 * its own), so a browser closed mid-typing loses nothing: when the session ends, the draft
 * becomes one of its action items (lib/session/action-drafts.ts).
 */
export function actionDraftItem(sessionId: string): Item<string | null> {
  return defineItem(`local:${ACTION_DRAFT_PREFIX}${sessionId}`, {
    fallback: null,
    clean: (raw) => (typeof raw === 'string' && raw.length <= LIMITS.actionItem ? raw : undefined),
  });
}

/** The sessions that have a draft action item kept (see `actionDraftItem`). */
export async function actionDraftSessions(): Promise<string[]> {
  const all = await browser.storage.local.get(null);
  return Object.keys(all)
    .filter((k) => k.startsWith(ACTION_DRAFT_PREFIX) && !k.endsWith('$'))
    .map((k) => k.slice(ACTION_DRAFT_PREFIX.length));
}

export const REMINDERS_SHOWN_MAX = 500;

/**
 * The reminders already shown (alarm names, lib/rules/reminders.ts), newest last, so each shows
 * once, across worker and browser restarts.
 */
export const remindersShownItem = defineItem<string[]>('local:remindersShown', {
  fallback: [],
  clean: (raw) =>
    Array.isArray(raw)
      ? raw
          .filter((x): x is string => typeof x === 'string' && x.length <= 400)
          .slice(-REMINDERS_SHOWN_MAX)
      : undefined,
});

/** One exported calendar event: its SEQUENCE, and what it said when that number was given. */
export interface CalendarSequence {
  sequence: number;
  /** The event's exported content (time, title, link, rule), to tell a change from a repeat. */
  signature: string;
}

/** The most events whose SEQUENCE is kept (oldest dropped first). */
export const CALENDAR_SEQUENCES_MAX = 2_000;

/**
 * The SEQUENCE of every event exported to a calendar, by UID (lib/calendar/ics.ts): one more on
 * every exported change, so the calendar replaces its copy. Kept here rather than on the records:
 * it is a fact about the user's own calendar, not about the mentorship, and needs no database
 * write (and no backup schema change) to count up.
 */
export const calendarSequencesItem = defineItem<Record<string, CalendarSequence>>(
  'local:calendarSequences',
  {
    fallback: {},
    clean: (raw) => {
      if (!isObject(raw)) return undefined;
      const out: Record<string, CalendarSequence> = {};
      const entries = Object.entries(raw).slice(-CALENDAR_SEQUENCES_MAX);
      for (const [uid, v] of entries) {
        if (
          isObject(v) &&
          Number.isInteger(v.sequence) &&
          (v.sequence as number) >= 0 &&
          typeof v.signature === 'string'
        ) {
          out[uid] = { sequence: v.sequence as number, signature: v.signature };
        }
      }
      return out;
    },
  },
);

// ---------------------------------------------------------------------------------------------
// storage.session

const CALL_STATES = ['lobby', 'in-call', 'ended'];

/** Each tab's detected call (documented in the README: integrations read it). */
export const callsItem = defineItem<Calls>('session:calls', {
  fallback: {},
  clean: mapOf((v) => isPlatform(v.platform) && CALL_STATES.includes(v.state as string)),
});

/** Each tab's live session. */
export const liveItem = defineItem<Live>('session:live', {
  fallback: {},
  clean: mapOf((v) => typeof v.sessionId === 'string' && isPlatform(v.platform)),
});

/** The session that last ended in each tab, for the end card and the panel. */
export const recentItem = defineItem<Recent>('session:recent', {
  fallback: {},
  clean: mapOf((v) => typeof v.sessionId === 'string' && isTime(v.endedAt)),
});

/** Each audible tab's stretch of sound, and the call it was asked about (lib/session/audio.ts). */
export const audioItem = defineItem<AudioState>('session:audio', {
  fallback: {},
  clean: mapOf(
    (v) =>
      (v.since === undefined || isTime(v.since)) &&
      (v.asked === undefined || (typeof v.asked === 'string' && v.asked.length <= 300)),
  ),
});

const FOCUS_PREFIX = 'focus:';

/** The focus ledger of one live session. */
export function focusItem(sessionId: string): Item<FocusState | null> {
  return defineItem(`session:${FOCUS_PREFIX}${sessionId}`, {
    fallback: null,
    clean: (raw) =>
      isObject(raw) && raw.v === 1 && isTime(raw.startedAt) && Array.isArray(raw.events)
        ? (raw as unknown as FocusState)
        : undefined,
  });
}

/**
 * Calls `cb` with the session id whenever any session's focus ledger changes (the keys are per
 * session, so no one item can be watched for all of them). Returns the unwatch.
 */
export function watchFocusItems(cb: (sessionId: string) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'session') return;
    for (const key of Object.keys(changes)) {
      if (key.startsWith(FOCUS_PREFIX) && !key.endsWith('$')) cb(key.slice(FOCUS_PREFIX.length));
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * What the session card and the side panel show of one tab's call, kept by the background
 * (lib/session/live-projection.ts). The panel watches this item; the card, which in Firefox
 * cannot read storage.session, gets the same value over a runtime port.
 */
export function liveViewItem(tabId: number): Item<LiveProjection | null> {
  return defineItem(`session:liveView:${tabId}`, {
    fallback: null,
    clean: (raw) =>
      isObject(raw) &&
      raw.v === 1 &&
      raw.tabId === tabId &&
      Array.isArray(raw.mentorships) &&
      typeof raw.menteeNotes === 'string' &&
      typeof raw.mentorNotes === 'string' &&
      inRange(raw.sessionMinutes, RANGES.sessionMinutes)
        ? (raw as unknown as LiveProjection)
        : undefined,
  });
}

/**
 * Bumped by every database write: extension pages share one IndexedDB but get no event when
 * another writes it, and storage events reach every extension context.
 */
export const dbRevItem = defineItem<number>('session:dbRev', {
  fallback: 0,
  clean: (raw) => (typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined),
});
