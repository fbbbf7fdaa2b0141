// The one read path of the live session. The background keeps, per call tab, one projection of
// what the session card and the side panel show (the call, the session, its mentorship, notes,
// focus ledger and timer length), in storage.session (`liveView:<tabId>`), and recomputes it
// when the call state, a focus ledger, the database or the settings change:
//
//   calls / live / recent / focus:* / dbRev / settings --change--> recompute --> liveView:<tabId>
//                                                                       \--> ports named live
//
// The side panel watches the item. The session card cannot: in Firefox its frame (an extension
// page inside a web page) gets only the content-script API set, with no storage.session, and in
// Chrome it is denied IndexedDB. So it holds a runtime port (`live`, or `live:<tabId>`) to the
// background, which pushes the current projection on connect and every new one after; the card
// reconnects when the worker restarts and the port drops. Edits stay commands (messages).
//
// The side panel holds a port too (`live:<tabId>`, from no tab), only so the background knows it
// is open on that tab's call: the card folds to its timer then, and at the end nothing repeats
// the reflection the panel shows (lib/rules/on-screen.ts). Chrome unloads a closed panel, so its
// port drops; a drop is believed after a short grace, since the panel also reconnects when the
// worker restarts and reloads when its path changes at the call's end.
//
// `project` is pure; `createLiveProjection` is the adapter around it.

import type { Db } from '../db';
import type { FocusState } from '../focus';
import type { Mentorship, SessionRecord } from '../records';
import type { LiveView } from '../repos/live';
import {
  callsItem,
  dbRevItem,
  focusItem,
  liveItem,
  liveViewItem,
  recentItem,
  type Settings,
  settingsItem,
  watchFocusItems,
} from '../storage/items';
import type { CallEntry } from './calls';
import type { LiveInfo } from './orchestrator';

export interface LiveProjection {
  v: 1;
  tabId: number;
  call: CallEntry | null;
  /** The tab's live session, while there is one. */
  live: Pick<LiveInfo, 'sessionId' | 'platform' | 'manual' | 'companions'> | null;
  /** The live session, else the one that last ended in this tab. */
  sessionId: string | null;
  session: SessionRecord | null;
  mentorship: Mentorship | null;
  /** Asked "which mentorship?" while the call is matched to none: the choices. */
  mentorships: Array<Pick<Mentorship, 'id' | 'otherName'>>;
  /** Notes are copied only while the session is live: the end card and reflection need none. */
  menteeNotes: string;
  mentorNotes: string;
  focus: FocusState | null;
  /** The timer's length: the mentorship's agreed length, else the user's default. */
  sessionMinutes: number;
  /** The side panel is open on this tab's call. */
  panelOpen: boolean;
  /** The setting: fold the card to its timer while the user presents. */
  foldWhilePresenting: boolean;
}

export interface ProjectionInput {
  tabId: number;
  call?: CallEntry;
  live?: LiveInfo;
  recent?: { sessionId: string };
  view: LiveView;
  focus: FocusState | null;
  settings: Settings;
  panelOpen?: boolean;
}

function withoutHeartbeat(session: SessionRecord, live: boolean): SessionRecord {
  const { aliveAt: _alive, focus, ...rest } = session;
  return live || !focus ? rest : { ...rest, focus };
}

/** The projection of one tab, or null when the tab has no call (a closed tab has none). */
export function project(input: ProjectionInput): LiveProjection | null {
  const { call, live, recent, view } = input;
  if (!call && !live) return null;
  // The heartbeat (and, while live, the figures written with it) change with every focus
  // event and are shown nowhere: left out, they cause no second write of the projection.
  const session = view.session ? withoutHeartbeat(view.session, Boolean(live)) : null;
  const mentorship = view.mentorship ?? null;
  const unassigned = session !== null && !session.mentorshipId && !session.adHoc;
  const noteOf = (author: 'mentee' | 'mentor') =>
    (live && view.notes.find((n) => n.author === author)?.text) || '';
  return {
    v: 1,
    tabId: input.tabId,
    call: call ?? null,
    live: live
      ? {
          sessionId: live.sessionId,
          platform: live.platform,
          ...(live.manual ? { manual: true } : {}),
          ...(live.companions?.length ? { companions: live.companions } : {}),
        }
      : null,
    sessionId: live?.sessionId ?? recent?.sessionId ?? null,
    session,
    mentorship,
    mentorships: unassigned
      ? view.mentorships.map((m) => ({ id: m.id, otherName: m.otherName }))
      : [],
    menteeNotes: noteOf('mentee'),
    mentorNotes: noteOf('mentor'),
    focus: live ? input.focus : null,
    sessionMinutes: mentorship?.agreement.sessionMinutes ?? input.settings.defaultSessionMinutes,
    panelOpen: Boolean(input.panelOpen),
    foldWhilePresenting: input.settings.foldWhilePresenting,
  };
}

/** The few members of a runtime port this module uses (a fake in tests). */
export interface PortLike {
  name: string;
  sender?: { tab?: { id?: number }; url?: string };
  postMessage(message: unknown): void;
  disconnect(): void;
  onDisconnect: { addListener(cb: () => void): void };
}

/** What the background pushes down a `live` port. */
export interface LivePush {
  type: 'live-view';
  view: LiveProjection | null;
}

export const LIVE_PORT = 'live';

/**
 * The tab a `live` port may follow: the frame's own tab (from the browser, not from the name),
 * or for an extension page outside any tab, the tab its name gives. Ports from anything but the
 * extension's own pages are refused.
 */
export function portTab(port: PortLike, ownOrigin: string): number | undefined {
  if (!port.sender?.url?.startsWith(ownOrigin)) return undefined;
  const own = port.sender.tab?.id;
  if (port.name === LIVE_PORT) return own;
  const m = /^live:(\d{1,10})$/.exec(port.name);
  if (!m) return undefined;
  const named = Number(m[1]);
  return own === undefined || own === named ? named : undefined;
}

/** A port from the side panel (an extension page in no tab), following a tab's call. */
export function isPanelPort(port: PortLike): boolean {
  return port.sender?.tab === undefined && port.name.startsWith(`${LIVE_PORT}:`);
}

/** How long a panel whose port dropped still counts as open (a reload, a worker restart). */
export const PANEL_GRACE_MS = 1_500;

export interface ProjectionDeps {
  db: () => Promise<Db>;
  loadView: (d: Db, sessionId: string | undefined) => Promise<LiveView>;
  ownOrigin: string;
  now?: () => number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
}

export function createLiveProjection(deps: ProjectionDeps) {
  const now = deps.now ?? Date.now;
  const later = deps.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
  const ports = new Map<number, Set<PortLike>>();
  /** The side panels open on each tab's call, by their ports. */
  const panels = new Map<number, Set<PortLike>>();
  /** Until when a panel whose port dropped still counts as open, per tab. */
  const lingering = new Map<number, number>();
  /** Tabs this worker has computed a projection for: a new worker believes the stored one. */
  const seen = new Set<number>();
  const panelOpen = (tabId: number) =>
    Boolean(panels.get(tabId)?.size) || (lingering.get(tabId) ?? 0) > now();
  const linger = (tabId: number) => {
    lingering.set(tabId, now() + PANEL_GRACE_MS);
    later(() => void refresh(), PANEL_GRACE_MS + 20);
  };
  /** What was last written per tab (this worker only), so an unchanged view is not rewritten. */
  const written = new Map<number, string>();
  let running: Promise<void> | undefined;
  let again = false;

  const push = (tabId: number, view: LiveProjection | null) => {
    for (const port of ports.get(tabId) ?? []) {
      try {
        port.postMessage({ type: 'live-view', view } satisfies LivePush);
      } catch {
        // The other end went away; its disconnect event removes it.
      }
    }
  };

  async function recompute() {
    const [calls, live, recent, settings] = await Promise.all([
      callsItem.get(),
      liveItem.get(),
      recentItem.get(),
      settingsItem.get(),
    ]);
    const tabs = new Set([...Object.keys(calls), ...Object.keys(live)].map(Number));
    for (const tabId of written.keys()) tabs.add(tabId);
    const d = await deps.db();
    for (const tabId of tabs) {
      const key = String(tabId);
      const info = live[key];
      const sessionId = info?.sessionId ?? recent[key]?.sessionId;
      const [view, focus] = await Promise.all([
        deps.loadView(d, sessionId),
        info ? focusItem(info.sessionId).get() : Promise.resolve(null),
      ]);
      if (!seen.has(tabId)) {
        seen.add(tabId);
        // A new worker: the panel the last one knew of is reconnecting; give it the grace.
        const before = await liveViewItem(tabId).get();
        if (before?.panelOpen && !panelOpen(tabId)) linger(tabId);
      }
      const next = project({
        tabId,
        call: calls[key],
        live: info,
        recent: recent[key],
        view,
        focus,
        settings,
        panelOpen: panelOpen(tabId),
      });
      const text = JSON.stringify(next);
      if (written.get(tabId) === text) continue;
      if (next) {
        await liveViewItem(tabId).set(next);
        written.set(tabId, text);
      } else {
        await liveViewItem(tabId).remove();
        written.delete(tabId);
      }
      push(tabId, next);
    }
  }

  /** Recomputes every tab's projection; calls made while one runs fold into one more run. */
  function refresh(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await recompute();
        } catch (error) {
          console.error('Mentor Companion: could not update the live view', error);
        }
      } while (again);
      running = undefined;
    })();
    return running;
  }

  return {
    refresh,

    /** Whether the side panel is open on this tab's call (its port, or within the grace). */
    panelOpen,

    /** Recomputes on every change of what a projection is made of; returns the unwatch. */
    watch(): () => void {
      const stops = [
        callsItem.watch(() => refresh()),
        liveItem.watch(() => refresh()),
        recentItem.watch(() => refresh()),
        dbRevItem.watch(() => refresh()),
        settingsItem.watch(() => refresh()),
        watchFocusItems(() => refresh()),
      ];
      return () => {
        for (const stop of stops) stop();
      };
    },

    /** A card connected: it gets the current projection now and every new one. */
    connect(port: PortLike) {
      const tabId = portTab(port, deps.ownOrigin);
      if (tabId === undefined) {
        port.disconnect();
        return;
      }
      const set = ports.get(tabId) ?? new Set<PortLike>();
      ports.set(tabId, set);
      set.add(port);
      const panel = isPanelPort(port);
      if (panel) {
        const open = panels.get(tabId) ?? new Set<PortLike>();
        panels.set(tabId, open);
        open.add(port);
        lingering.delete(tabId);
        void refresh();
      }
      port.onDisconnect.addListener(() => {
        set.delete(port);
        if (!set.size) ports.delete(tabId);
        const open = panels.get(tabId);
        if (panel && open?.delete(port) && !open.size) {
          panels.delete(tabId);
          linger(tabId);
        }
      });
      // What storage holds survives a worker restart; a fresher one follows if anything moved.
      liveViewItem(tabId)
        .get()
        .then((view) => port.postMessage({ type: 'live-view', view } satisfies LivePush))
        .catch(() => {});
    },

    /** The tab is gone: its projection too. */
    async drop(tabId: number) {
      written.delete(tabId);
      await liveViewItem(tabId).remove();
      push(tabId, null);
    },
  };
}

export type LiveProjectionHub = ReturnType<typeof createLiveProjection>;
