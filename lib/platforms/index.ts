// The registry of platform detectors, and the one safe way to call them from a content script.

import { meet } from './meet';
import { isTeamsHost, teams } from './teams';
import type { PlatformDetector, Reading } from './types';
import { isZoomHost, zoom } from './zoom';

export type { Detected, PlatformDetector, Reading, Signals } from './types';

export const detectors: readonly PlatformDetector[] = [meet, zoom, teams];

/** The detector for a page's host, whether or not the page is a call (see `matchesUrl`). */
export function detectorFor(url: URL): PlatformDetector | undefined {
  const host = url.hostname;
  if (host === 'meet.google.com') return meet;
  if (isZoomHost(host)) return zoom;
  if (isTeamsHost(host)) return teams;
  return undefined;
}

/** Detectors that have thrown once already; we log each one once, not on every check. */
const logged = new WeakSet<PlatformDetector>();

/**
 * `detect`, but a detector that throws (a page change nobody foresaw) reads as `none` instead of
 * breaking the content script's loop.
 */
export function safeDetect(
  d: PlatformDetector,
  url: URL,
  doc: Document,
  log?: (e: unknown) => void,
): Reading {
  try {
    return d.detect(url, doc);
  } catch (e) {
    if (log && !logged.has(d)) {
      logged.add(d);
      log(e);
    }
    return {
      state: 'none',
      signals: { primary: false, secondary: false, waiting: false, lobby: false, ended: false },
    };
  }
}
