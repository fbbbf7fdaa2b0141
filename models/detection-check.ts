// The detection check (issue 11): what the detector sees in the tab now, asked of the tab's
// content script, with what the background knows of its session beside it, and the text the
// user copies for a bug report.
//
//   closed --open--> checking --reply--> ready --copy--> ready + copied | copy failed
//                        \--no reply (no call page)--> no-page
//   ready/no-page --check again--> checking
//
// The tab: the one the page is over (the popup's, the panel's); when that one has no call page
// and a session is live in another tab, that call tab. The copied text is the content script's
// report (built from our own probe definitions, yes/no and counts; lib/platforms/check.ts) and
// lines of ours in the same spirit: no page text, no names, no meeting link, no tab title.

import { createModel, signal } from '@preact/signals';
import type { Replies } from '@/lib/messages';
import type { DetectionCheck } from '@/lib/platforms/check';
import type { Calls } from '@/lib/session/calls';
import type { Live, LiveInfo } from '@/lib/session/orchestrator';
import type { Item } from '@/lib/storage/items';

/** How the tab's session began, as the background recorded it. */
export type SessionOrigin = 'detected' | 'hand' | 'audio';

export interface SessionPart {
  origin: SessionOrigin;
  /** Whole seconds since the call went live, as the background counts it. */
  liveForS: number;
  /** The page went away in the call (a reload within the web client); held until it reports. */
  held: boolean;
}

export type CheckView =
  | { status: 'closed' }
  | { status: 'checking' }
  | { status: 'no-page' }
  | {
      status: 'ready';
      tabId: number;
      /** The call tab, not the tab the page is over (which has no call page). */
      callTab: boolean;
      check: DetectionCheck;
      session?: SessionPart;
      audible?: boolean;
      /** The text "Copy for a bug report" copies. */
      text: string;
    };

export interface DetectionCheckEnv {
  now: () => number;
  /** The tab the page is over. */
  tab: () => Promise<number | undefined>;
  /** The tab's content script's answer; rejects (or gives nothing) where there is none. */
  ask: (tabId: number) => Promise<Replies['detect-check'] | undefined>;
  /** Whether the browser says the tab plays sound now. */
  audible?: (tabId: number) => Promise<boolean | undefined>;
  calls: Pick<Item<Calls>, 'get'>;
  live: Pick<Item<Live>, 'get'>;
  copy: (text: string) => Promise<void>;
}

export function originOf(info: LiveInfo): SessionOrigin {
  if (info.fromAudio) return 'audio';
  return info.manual ? 'hand' : 'detected';
}

/** What the background knows of the tab's session, or nothing when none is live there. */
export function sessionPart(
  tabId: number,
  calls: Calls,
  live: Live,
  now: number,
): SessionPart | undefined {
  const info = live[String(tabId)];
  const entry = calls[String(tabId)];
  if (!info || entry?.state !== 'in-call') return undefined;
  return {
    origin: originOf(info),
    liveForS: Math.max(0, Math.floor((now - entry.since) / 1000)),
    held: entry.held !== undefined,
  };
}

const ORIGIN_TEXT: Record<SessionOrigin, string> = {
  detected: 'detected',
  hand: 'started by hand',
  audio: 'started from audio',
};

/**
 * The copied text: the content script's report, then the background's side. Ours alone: the
 * session's origin and age, whether the tab plays sound; never a name, a link or a title.
 */
export function reportText(
  report: string,
  session: SessionPart | undefined,
  audible: boolean | undefined,
): string {
  const lines = [report];
  lines.push(
    session
      ? `session: live ${session.liveForS} s, ${ORIGIN_TEXT[session.origin]}${session.held ? ', held for a page load' : ''}`
      : 'session: none in this tab',
  );
  if (audible !== undefined) lines.push(`tab audible: ${audible ? 'yes' : 'no'}`);
  return lines.join('\n');
}

/** A reply that is the content script's check, or undefined for anything else. */
function checkReply(reply: unknown): Replies['detect-check'] | undefined {
  const r = reply as Partial<Replies['detect-check']> | null | undefined;
  if (!r || typeof r !== 'object' || typeof r.report !== 'string') return undefined;
  if (!r.check || typeof r.check !== 'object' || r.check.v !== 1) return undefined;
  return r as Replies['detect-check'];
}

export const DetectionCheckModel = createModel((env: DetectionCheckEnv) => {
  const view = signal<CheckView>({ status: 'closed' });
  /** The outcome of the last copy, for the polite live region. */
  const copied = signal<'copied' | 'failed' | undefined>(undefined);
  let run = 0;

  const askTab = (tabId: number) => env.ask(tabId).then(checkReply, () => undefined);

  async function check() {
    const mine = ++run;
    copied.value = undefined;
    view.value = { status: 'checking' };
    const tabId = await env.tab();
    const [calls, live] = await Promise.all([env.calls.get(), env.live.get()]);
    let target = tabId;
    let reply = target === undefined ? undefined : await askTab(target);
    if (!reply) {
      // No call page here: the call tab, when a session is live in another one.
      const other = Object.keys(live)
        .map(Number)
        .find((id) => id !== tabId);
      if (other !== undefined) {
        target = other;
        reply = await askTab(other);
      }
    }
    if (mine !== run) return;
    if (!reply || target === undefined) {
      view.value = { status: 'no-page' };
      return;
    }
    const audible = await env.audible?.(target).catch(() => undefined);
    if (mine !== run) return;
    const session = sessionPart(target, calls, live, env.now());
    view.value = {
      status: 'ready',
      tabId: target,
      callTab: target !== tabId,
      check: reply.check,
      ...(session ? { session } : {}),
      ...(audible !== undefined ? { audible } : {}),
      text: reportText(reply.report, session, audible),
    };
  }

  return {
    view,
    copied,
    /** Opens the check (and checks), or closes it. */
    toggle() {
      if (view.value.status === 'closed') return check();
      run++;
      copied.value = undefined;
      view.value = { status: 'closed' };
      return Promise.resolve();
    },
    check,
    async copy() {
      const v = view.value;
      if (v.status !== 'ready') return;
      try {
        await env.copy(v.text);
        copied.value = 'copied';
      } catch {
        copied.value = 'failed';
      }
    },
  };
});

export type DetectionCheckModel = InstanceType<typeof DetectionCheckModel>;
