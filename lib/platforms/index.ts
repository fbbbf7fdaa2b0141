// The registry of platform detectors, and the one safe way to call them from a content script.

import { NO_SIGNALS } from './dom';
import { platformOfHost } from './hosts';
import { meet } from './meet';
import { teams } from './teams';
import type { PlatformDetector, Reading } from './types';
import { zoom } from './zoom';

export type { Detected, PlatformDetector, Reading, Signals } from './types';

export const detectors: readonly PlatformDetector[] = [meet, zoom, teams];

/**
 * The detector for a page's host, whether or not the page is a call (see `matchesUrl`). Hosts
 * come from the one host list (hosts.ts); any other host, even under a covered domain
 * (`outlook.office.com.mcas.ms`, `evil.teams.microsoft.us`), gets none, and so no card.
 */
export function detectorFor(url: URL): PlatformDetector | undefined {
  const platform = platformOfHost(url.hostname);
  return platform ? detectors.find((d) => d.id === platform) : undefined;
}

/** Detectors that have thrown once already; we log each one once, not on every check. */
const logged = new WeakSet<PlatformDetector>();

/**
 * `detect`, but a detector that throws (a page change nobody foresaw) reads as unknown instead
 * of breaking the content script's loop, and the tracker concludes nothing from it: a call must
 * not end because a selector broke.
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
    return { state: 'none', signals: { ...NO_SIGNALS }, unknown: true };
  }
}
