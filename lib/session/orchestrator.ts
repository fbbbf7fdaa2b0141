// The background's session orchestrator: call reports in, session records and browser chrome out.
//
// Everything it knows lives in storage.session (`calls`, `live`, `recent`) and IndexedDB, never
// only in memory: Chrome stops the service worker whenever it likes, and a new one picks up from
// storage (and asks each call tab where it stands). Updates run one at a time through `serial`,
// so a burst of reports cannot interleave their read-modify-write steps; each step is bounded,
// so a tab that never answers cannot hold up every later event.
//
// A browser quit, an extension update or reload clears storage.session but not the database:
// `sweep` (at every worker start) ends the session records left `live` that no tab owns.
//
// A Zoom call whose page loads anew within `/wc/` is held for a grace (reload-grace.ts): the
// `held` hook sets an alarm for its end, `graceOver` is that alarm's step, and the new page
// reporting in-call before it continues the same session.

import { db } from '../db';
import { type ErrorCode, toWire, UserError } from '../errors';
import type { CommandReply } from '../messages';
import type { Detected } from '../platforms/types';
import type { PageFacts } from '../platforms/urls';
import type { Platform, SessionRecord } from '../records';
import {
  assignSession,
  endLiveSession,
  endOrphanedSessions,
  startLiveSession,
  touchLiveSession,
} from '../repos/live';
import { editActionItems } from '../repos/sessions';
import { callsItem, focusItem, liveItem, recentItem, setTogether } from '../storage/items';
import { applyReport, type CallEntry, type Calls, type Effect } from './calls';
import { prefixedKey } from './links';
import { ASK_LIMIT_MS, bounded, STEP_LIMIT_MS, serial } from './queue';
import { reloadGraceMs } from './reload-grace';

export interface LiveInfo {
  sessionId: string;
  platform: Platform;
  windowId?: number;
  meetingKey?: string;
  /** Started by hand from the popup: detection may not see this call, so only an end counts. */
  manual?: boolean;
  /** Started from the "In a session? Start it" question a minute of sound in the tab asked. */
  fromAudio?: boolean;
  /** Tabs the user marked as part of the session (a shared doc, slides): not away there. */
  companions?: number[];
  /** The away span (by its start) the user was already nudged about. */
  nudgedFor?: number;
}

export type Live = Record<string, LiveInfo>;

export interface Hooks {
  /** Before the session record is closed: what to add to it (this call's focus figures). */
  ending?(tabId: number, live: LiveInfo, at: number): Promise<Partial<SessionRecord> | undefined>;
  started?(tabId: number, live: LiveInfo, session: SessionRecord): Promise<void> | void;
  ended?(
    tabId: number,
    live: LiveInfo,
    session: SessionRecord | undefined,
    at: number,
  ): Promise<void> | void;
  /** A session the browser left live (it quit mid-call) was ended by the sweep. */
  orphaned?(session: SessionRecord): Promise<void> | void;
  /** The call's page went away and its session is held until `until`: call `graceOver` then. */
  held?(tabId: number, until: number): Promise<void> | void;
}

export async function readState(): Promise<{ calls: Calls; live: Live }> {
  const [calls, live] = await Promise.all([callsItem.get(), liveItem.get()]);
  return { calls, live };
}

/** Calls that ended in each tab, so the end card and panel know which session to reflect on. */
export type Recent = Record<string, { sessionId: string; endedAt: number }>;

/** One storage write, so a watcher never sees a call without its session or the reverse. */
async function writeState(calls: Calls, live: Live, recent?: Recent) {
  await setTogether(
    [callsItem, calls],
    [liveItem, live],
    recent ? [recentItem, recent] : undefined,
  );
}

/** Asks a tab's content script where it stands; rejects when the tab has none. */
export type Ask = (tabId: number) => Promise<{
  platform?: Platform;
  state: Detected;
  meetingKey?: string;
  presenting?: boolean;
  /** What the page is (for the reload grace), as the page's URL says. */
  page?: PageFacts;
} | null>;

type Reply = CommandReply;

const refuse = (code: ErrorCode): Reply => ({ ok: false, error: toWire(new UserError(code)) });

/** No answer in time: the tab is busy or hung, which says nothing about its call. */
const NO_ANSWER_YET = Symbol('no answer yet');

export interface CallReport {
  tabId: number;
  windowId?: number;
  platform: Platform;
  state: Detected | 'closed' | 'grace-over';
  meetingKey?: string;
  at: number;
  manual?: boolean;
  /** In a call: whether the user presents now (absent: the reporter does not know). */
  presenting?: boolean;
  /** Started from the question a minute of sound in the tab asked (with `manual`). */
  fromAudio?: boolean;
  /** What the reporting page is, from its URL (for the reload grace). */
  page?: PageFacts;
}

export interface OrchestratorOptions {
  askLimitMs?: number;
  stepLimitMs?: number;
}

export function createOrchestrator(
  hooks: Hooks,
  now: () => number = Date.now,
  opts: OrchestratorOptions = {},
) {
  const askLimit = opts.askLimitMs ?? ASK_LIMIT_MS;
  const queue = <T>(fn: () => Promise<T>) => serial(fn, opts.stepLimitMs ?? STEP_LIMIT_MS);

  async function apply(report: CallReport): Promise<Effect> {
    const { calls, live } = await readState();
    const key = String(report.tabId);
    const current = live[key];
    // A session started by hand ignores detection that does not see it; only an end counts.
    if (
      current?.manual &&
      !report.manual &&
      report.state !== 'ended' &&
      report.state !== 'closed'
    ) {
      return 'none';
    }
    // A live call that reports no call (yet): is its page loading anew, within a grace?
    const entry = calls[key];
    const maybeReload =
      current !== undefined &&
      entry?.state === 'in-call' &&
      (report.state === 'none' || report.state === 'lobby');
    const graceMs = maybeReload
      ? reloadGraceMs(report.platform, report.page, current.meetingKey)
      : 0;
    const next = applyReport(calls, report.tabId, {
      platform: report.platform,
      state: report.state,
      at: report.at,
      ...(report.presenting !== undefined ? { presenting: report.presenting } : {}),
      ...(graceMs > 0 ? { graceMs } : {}),
    });
    const nextLive = { ...live };
    const ending = next.effect === 'end' || next.effect === 'restart';
    const endedAt = next.endedAt ?? report.at;
    if (ending && current) {
      const extra = (await hooks.ending?.(report.tabId, current, endedAt)) ?? {};
      const ended = await endLiveSession(await db(), current.sessionId, endedAt, extra);
      delete nextLive[key];
      const recent: Recent = {
        ...(await recentItem.get()),
        [key]: { sessionId: current.sessionId, endedAt },
      };
      await writeState(next.effect === 'end' ? next.calls : calls, nextLive, recent);
      await hooks.ended?.(report.tabId, current, ended, endedAt);
    } else if (next.effect === 'end') {
      // A call with no session behind it (its start failed): the state still moves on.
      await writeState(next.calls, nextLive);
    }
    if (next.effect === 'start' || next.effect === 'restart') {
      const meetingKey = prefixedKey(report.platform, report.meetingKey);
      const session = await startLiveSession(
        await db(),
        { platform: report.platform, meetingKey },
        report.at,
      );
      const info: LiveInfo = {
        sessionId: session.id,
        platform: report.platform,
        windowId: report.windowId,
        meetingKey,
        ...(report.manual ? { manual: true } : {}),
        ...(report.manual && report.fromAudio ? { fromAudio: true } : {}),
      };
      nextLive[key] = info;
      await writeState(next.calls, nextLive);
      await hooks.started?.(report.tabId, info, session);
    } else if (next.effect === 'hold' || next.effect === 'resume') {
      await writeState(next.calls, nextLive);
      const until = next.calls[key]?.held?.until;
      if (next.effect === 'hold' && until !== undefined) await hooks.held?.(report.tabId, until);
    } else if (next.effect === 'none' && next.calls !== calls) {
      await writeState(next.calls, nextLive);
    }
    return next.effect;
  }

  /** Follows a session under its new id: the live entry, the recent one, the focus ledger. */
  async function rename(from: string, to: string) {
    const [{ calls, live }, recent] = await Promise.all([readState(), recentItem.get()]);
    const next = { ...live };
    for (const [key, info] of Object.entries(live)) {
      if (info.sessionId === from) next[key] = { ...info, sessionId: to };
    }
    const nextRecent = { ...recent };
    for (const [key, r] of Object.entries(recent)) {
      if (r.sessionId === from) nextRecent[key] = { ...r, sessionId: to };
    }
    const focus = await focusItem(from).get();
    await writeState(calls, next, nextRecent);
    if (focus) {
      await focusItem(to).set(focus);
      await focusItem(from).remove();
    }
  }

  /** Asks a call tab where it stands and applies the answer; no answer means it left the call. */
  async function askAndApply(tabId: number, entry: CallEntry, ask: Ask, live?: LiveInfo) {
    // A refusal: the tab left the platform (its content script is gone), so no call. Silence
    // past the limit: the page is busy, which changes nothing; the next event asks again.
    const reply = await bounded(
      ask(tabId).catch(() => null),
      askLimit,
      NO_ANSWER_YET,
    );
    if (reply === NO_ANSWER_YET) return;
    const answer = reply ?? { state: 'none' as const };
    // Still on: the heartbeat the sweep ends a session at, should the browser quit.
    if (live && answer.state === 'in-call') {
      await touchLiveSession(await db(), live.sessionId, now()).catch(() => {});
    }
    await apply({
      tabId,
      platform: entry.platform,
      state: answer.state,
      meetingKey: answer.meetingKey,
      at: now(),
      ...(typeof answer.presenting === 'boolean' ? { presenting: answer.presenting } : {}),
      ...(answer.page ? { page: answer.page } : {}),
    });
  }

  return {
    report: (r: CallReport) => queue(() => apply(r)),

    tabClosed: (tabId: number) =>
      queue(async () => {
        const { calls } = await readState();
        const entry = calls[String(tabId)];
        if (!entry) return 'none' as Effect;
        return apply({ tabId, platform: entry.platform, state: 'closed', at: now() });
      }),

    /** The reload grace's alarm: a held call whose page never reported in-call again ends. */
    graceOver: (tabId: number) =>
      queue(async () => {
        const { calls } = await readState();
        const entry = calls[String(tabId)];
        if (!entry?.held) return 'none' as Effect;
        return apply({ tabId, platform: entry.platform, state: 'grace-over', at: now() });
      }),

    /**
     * The popup's "I'm in a session" (and the question a minute of sound asked, `fromAudio`):
     * the tab must be on one of the platforms.
     */
    manualStart: (
      tabId: number,
      ask: Ask,
      windowId?: number,
      how: { fromAudio?: boolean } = {},
    ): Promise<Reply> =>
      queue(async () => {
        // Only a call platform's page answers: its content script says which platform it is.
        const reply = await bounded(
          ask(tabId).catch(() => null),
          askLimit,
          null,
        );
        const platform = reply?.platform;
        if (!platform) return refuse('no-call-tab');
        const { live } = await readState();
        if (live[String(tabId)]) return { ok: true };
        // The meeting key the page shows, so the session finds its mentorship by link.
        const meetingKey = reply.meetingKey ?? reply.page?.meetingKey;
        await apply({
          tabId,
          windowId,
          platform,
          state: 'in-call',
          at: now(),
          manual: true,
          ...(meetingKey ? { meetingKey } : {}),
          ...(how.fromAudio ? { fromAudio: true } : {}),
        });
        return { ok: true } as Reply;
      }),

    manualEnd: (tabId: number): Promise<Reply> =>
      queue(async () => {
        const { calls } = await readState();
        const entry = calls[String(tabId)];
        if (entry?.state !== 'in-call') return refuse('no-live-session');
        await apply({ tabId, platform: entry.platform, state: 'ended', at: now(), manual: true });
        return { ok: true } as Reply;
      }),

    /** The user assigned the call and it became another session record (the prepared one). */
    renameSession: (from: string, to: string) => queue(() => rename(from, to)),

    /**
     * The user answered "which mentorship?". One step of the queue with the rename that
     * follows it, so a call ending meanwhile ends the session under the id it has then (before,
     * it could end the old id, which the assignment had just folded away, and leave the new
     * one live for good).
     */
    assign: (sessionId: string, mentorshipId: string | null, at: number): Promise<Reply> =>
      queue(async () => {
        try {
          const next = await assignSession(await db(), sessionId, mentorshipId, at);
          // The call became the session prepared for it: follow it under its id.
          if (next.id !== sessionId) await rename(sessionId, next.id);
          return { ok: true } as Reply;
        } catch (error) {
          return { ok: false, error: toWire(error) } as Reply;
        }
      }),

    /**
     * An action item added in the card or the panel, or ticked. In the queue, so it lands on
     * the session under the id it has after a "which mentorship?" answer running just before.
     */
    actionItem: (sessionId: string, edit: { add?: string; toggle?: string }): Promise<Reply> =>
      queue(async () => {
        try {
          const change = edit.add !== undefined ? { add: edit.add } : { toggle: edit.toggle ?? '' };
          if (!change.add && !change.toggle) throw new UserError('nothing-to-change');
          await editActionItems(await db(), sessionId, change, now());
          return { ok: true } as Reply;
        } catch (error) {
          return { ok: false, error: toWire(error) } as Reply;
        }
      }),

    /** A call tab finished loading a page: a page that answers no ping is no call any more. */
    reconcileTab: (tabId: number, ask: Ask) =>
      queue(async () => {
        const { calls, live } = await readState();
        const entry = calls[String(tabId)];
        const info = live[String(tabId)];
        if (!entry || info?.manual) return;
        await askAndApply(tabId, entry, ask, info);
      }),

    /**
     * After a worker (re)start: a tab that is gone ends its call; every other tab is asked
     * where it stands, and its answer goes through the same transition, which starts or ends
     * nothing that already started or ended.
     */
    reconcile: (ask: Ask, tabExists: (tabId: number) => Promise<boolean>) =>
      queue(async () => {
        const { calls, live } = await readState();
        for (const [key, entry] of Object.entries(calls)) {
          const tabId = Number(key);
          if (!(await tabExists(tabId))) {
            await apply({ tabId, platform: entry.platform, state: 'closed', at: now() });
            continue;
          }
          if (live[key]?.manual) continue;
          await askAndApply(tabId, entry, ask, live[key]);
        }
      }),

    /**
     * Ends each session record left `live` that no live tab owns (the browser quit, or the
     * extension was updated or reloaded, mid-call), and offers it for reflection. Run it at
     * every worker start, after `reconcile`.
     */
    sweep: (defaultMinutes: () => Promise<number>) =>
      queue(async () => {
        const { live } = await readState();
        const owned = new Set(Object.values(live).map((l) => l.sessionId));
        const ended = await endOrphanedSessions(await db(), owned, now(), await defaultMinutes());
        for (const session of ended) await hooks.orphaned?.(session);
        return ended;
      }),
  };
}

export type Orchestrator = ReturnType<typeof createOrchestrator>;
