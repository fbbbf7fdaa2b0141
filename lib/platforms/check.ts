// The detection check: what the detector sees in a tab now, probe by probe, and the tracker's
// streaks, so a user can tell us when a platform changed its page. Pure: URL, document and
// tracker in, plain data out. The copied report carries no page text, no names and no meeting
// link: only our own probe definitions, yes/no answers and counts.

import type { Platform } from '../records';
import { probeMatches, probeName, SHOWN_ONLY_GROUPS } from './dom';
import { hostRuleOf } from './hosts';
import { detectorFor } from './index';
import { CANCEL_CHECKS, GONE_CHECKS, IN_CALL_CHECKS, type TrackerState } from './tracker';
import type { Detected, SignalName, Signals } from './types';

/** Which signal each standard probe group feeds. */
const GROUP_SIGNAL: Readonly<Record<string, SignalName>> = {
  leave: 'primary',
  inCall: 'secondary',
  strong: 'strong',
  waiting: 'waiting',
  lobby: 'lobby',
  endedMarkers: 'ended',
  endedHints: 'ended',
  reconnecting: 'reconnecting',
  presenting: 'presenting',
};

export interface ProbeCheck {
  probe: string;
  matched: boolean;
}

export interface GroupCheck {
  group: string;
  /** The signal the group feeds; none for helper groups (Zoom's leave menu). */
  signal?: SignalName;
  /** Counted only when on screen (waiting, reconnecting). */
  shownOnly: boolean;
  probes: ProbeCheck[];
}

export interface DetectionCheck {
  v: 1;
  platform?: Platform;
  /** The covered host rule (`zoom.us` for acme.zoom.us): never the tab's own host. */
  hostRule?: string;
  /** Is this a page where a call can be (not a landing page, launcher or other host)? */
  callPage: boolean;
  /** Whether the URL carries a meeting key (never the key itself). */
  keyInUrl: boolean;
  /** One look now; `unknown` when the detector threw. */
  look: Detected | 'unknown';
  signals?: Signals;
  groups: GroupCheck[];
  /** Documents read (the page, and same-origin frames where the app lives). */
  documents: number;
  tracker: {
    state: Detected;
    inCallStreak: number;
    goneStreak: number;
    leavePending: boolean;
    reconnectHold: boolean;
    presenting: boolean;
    /** Seconds since the call went live, whole. */
    liveForS?: number;
  };
  version?: string;
}

export interface CheckInput {
  url: URL;
  doc: Document;
  tracker: TrackerState;
  at: number;
  version?: string;
}

function trackerPart(t: TrackerState, at: number): DetectionCheck['tracker'] {
  const out: DetectionCheck['tracker'] = {
    state: t.state,
    inCallStreak: t.inCallStreak,
    goneStreak: t.goneStreak,
    leavePending: t.leaveClicked !== undefined,
    reconnectHold: t.holdUntil !== undefined && at < t.holdUntil,
    presenting: t.presenting,
  };
  if (t.state === 'in-call' && t.liveSince !== undefined) {
    out.liveForS = Math.max(0, Math.floor((at - t.liveSince) / 1000));
  }
  return out;
}

/** What the detector sees in this document now. Never throws: a failing probe reads unmatched. */
export function detectionCheck({ url, doc, tracker, at, version }: CheckInput): DetectionCheck {
  const detector = detectorFor(url);
  const base = {
    v: 1 as const,
    callPage: false,
    keyInUrl: false,
    groups: [] as GroupCheck[],
    documents: 0,
    tracker: trackerPart(tracker, at),
    ...(version ? { version } : {}),
  };
  if (!detector) return { ...base, look: 'none' };
  const rule = hostRuleOf(url.hostname);
  let look: DetectionCheck['look'] = 'unknown';
  let signals: Signals | undefined;
  let keyInUrl = false;
  try {
    const reading = detector.detect(url, doc);
    look = reading.state;
    signals = reading.signals;
    keyInUrl = reading.meetingKey !== undefined;
  } catch {
    // a throwing detector reads unknown, as in the content script
  }
  let scopes: ReturnType<typeof detector.scopes> = [];
  try {
    scopes = detector.scopes(doc);
  } catch {
    scopes = [];
  }
  const groups: GroupCheck[] = Object.entries(detector.probes).map(([group, probes]) => {
    const shownOnly = SHOWN_ONLY_GROUPS.has(group);
    const signal = GROUP_SIGNAL[group];
    return {
      group,
      ...(signal ? { signal } : {}),
      shownOnly,
      probes: probes.map((probe) => {
        let matched = false;
        try {
          matched = scopes.some((scope) => probeMatches(scope, probe, shownOnly));
        } catch {
          matched = false;
        }
        return { probe: probeName(probe), matched };
      }),
    };
  });
  return {
    ...base,
    platform: detector.id,
    ...(rule ? { hostRule: rule.subdomains ? `*.${rule.host}` : rule.host } : {}),
    callPage: detector.matchesUrl(url),
    keyInUrl,
    look,
    ...(signals ? { signals } : {}),
    groups,
    documents: scopes.length,
  };
}

const yn = (b: boolean) => (b ? 'yes' : 'no');

/**
 * The "copy for a bug report" text. Built only from the check's own fields: probe definitions
 * (ours), states, counts and yes/no. No page text, no names, no URL, no meeting key.
 */
export function detectionReport(c: DetectionCheck): string {
  const lines = [
    `Mentor Companion detection check v${c.v}${c.version ? `, extension ${c.version}` : ''}`,
  ];
  if (!c.platform) {
    lines.push('platform: none (this page is not on a covered host)');
    return lines.join('\n');
  }
  const t = c.tracker;
  lines.push(
    `platform: ${c.platform} (${c.hostRule ?? '?'}); call page: ${yn(c.callPage)}; meeting key in URL: ${yn(c.keyInUrl)}; documents read: ${c.documents}`,
    `look now: ${c.look}; tracked: ${t.state}`,
    `tracker: in-call looks ${t.inCallStreak}/${IN_CALL_CHECKS}, misses ${t.goneStreak}/${GONE_CHECKS}, leave pending ${yn(t.leavePending)} (cancel after ${CANCEL_CHECKS}), reconnect hold ${yn(t.reconnectHold)}, presenting ${yn(t.presenting)}${t.liveForS !== undefined ? `, live ${t.liveForS} s` : ''}`,
  );
  if (c.signals) {
    const s = c.signals;
    lines.push(
      `signals: ${(Object.keys(s) as SignalName[]).map((k) => `${k} ${yn(s[k])}`).join(', ')}`,
    );
  }
  for (const g of c.groups) {
    const hits = g.probes.filter((p) => p.matched).length;
    const head = `${g.group}${g.signal ? ` -> ${g.signal}` : ''}${g.shownOnly ? ' (on screen only)' : ''}: ${hits}/${g.probes.length}`;
    lines.push(head);
    for (const p of g.probes) lines.push(`  ${p.matched ? '+' : '-'} ${p.probe}`);
  }
  return lines.join('\n');
}
