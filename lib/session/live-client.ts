// The page side of the live projection (lib/session/live-projection.ts): how the session card
// and the side panel get it, and the commands they send back. Both feed models/live.ts.
//
// The card holds a runtime port: in Firefox its frame has no storage.session, and in Chrome no
// IndexedDB. The port drops whenever the worker stops; the card connects again at once (which
// wakes a new worker, which pushes the projection it kept in storage.session), backing off only
// when the background keeps dropping it.
//
// The panel is a top-level extension page: it watches the stored item itself.

import { fromWire } from '../errors';
import { send } from '../messages';
import { actionDraftItem, liveViewItem } from '../storage/items';
import type { LiveProjection, LivePush, PortLike } from './live-projection';

export type LiveFeed = (cb: (view: LiveProjection | null) => void) => () => void;

export interface LiveCommands {
  addActionItem(sessionId: string, text: string): Promise<void>;
  toggleActionItem(sessionId: string, itemId: string): Promise<void>;
  editActionItem(sessionId: string, itemId: string, text: string): Promise<void>;
  /** Resolves to the token its Undo takes. */
  removeActionItem(sessionId: string, itemId: string): Promise<string | undefined>;
  undoRemove(sessionId: string, itemId: string, token: string): Promise<void>;
  assign(sessionId: string, mentorshipId: string | null): Promise<void>;
}

export interface DraftStore {
  /** What was typed for `sessionId` and not added yet ('' for nothing). */
  read(sessionId: string): Promise<string>;
  /** Keeps what is typed now ('' drops it). */
  write(sessionId: string, text: string): Promise<void>;
}

/** The drafts kept in storage.local, one item a session (see lib/session/action-drafts.ts). */
export const storedDrafts: DraftStore = {
  async read(sessionId) {
    return (await actionDraftItem(sessionId).get()) ?? '';
  },
  async write(sessionId, text) {
    const item = actionDraftItem(sessionId);
    await (text ? item.set(text) : item.remove());
  },
};

/** Edits as commands to the background; a refusal comes back as the user error it was. */
export function liveCommands(now: () => number = Date.now): LiveCommands {
  const check = (reply: { ok: true } | { ok: false; error: Parameters<typeof fromWire>[0] }) => {
    if (!reply.ok) throw fromWire(reply.error);
  };
  return {
    async addActionItem(sessionId, text) {
      check(await send({ type: 'action-item', sessionId, add: text }));
    },
    async toggleActionItem(sessionId, itemId) {
      check(await send({ type: 'action-item', sessionId, toggle: itemId }));
    },
    async editActionItem(sessionId, itemId, text) {
      check(await send({ type: 'action-item-change', sessionId, itemId, change: { edit: text } }));
    },
    async removeActionItem(sessionId, itemId) {
      const reply = await send({
        type: 'action-item-change',
        sessionId,
        itemId,
        change: { remove: true },
      });
      check(reply);
      return reply.undoToken;
    },
    async undoRemove(sessionId, itemId, token) {
      check(await send({ type: 'action-item-change', sessionId, itemId, change: { undo: token } }));
    },
    async assign(sessionId, mentorshipId) {
      check(await send({ type: 'assign', sessionId, mentorshipId, at: now() }));
    },
  };
}

/** Reconnects at once the first time, then waits longer while the port keeps dropping. */
const RETRY_MS = [0, 100, 250, 500, 1_000, 2_000, 5_000];
/** A port that stayed up this long was a good one: the next drop reconnects at once. */
const STABLE_MS = 2_000;
/**
 * The background answers a new port with the projection at once. A port that hears nothing
 * this long went to a worker that was being stopped (Chrome holds such a port open for seconds
 * before it drops it), so it is given up and opened anew.
 */
export const WELCOME_MS = 1_000;

export interface PortFeedDeps {
  connect: () => PortLike & {
    onMessage: { addListener(cb: (message: unknown) => void): void };
  };
  now?: () => number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
}

/** The projection of the card's own tab, over a port to the background. */
export function portFeed(deps: PortFeedDeps): LiveFeed {
  const now = deps.now ?? Date.now;
  const later = deps.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
  const cancel = deps.clearTimeout ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  return (cb) => {
    let stopped = false;
    let port: ReturnType<PortFeedDeps['connect']> | undefined;
    let retry: unknown;
    let welcome: unknown;
    let attempt = 0;
    const open = () => {
      if (stopped) return;
      let opened: number;
      let current: ReturnType<PortFeedDeps['connect']>;
      try {
        current = deps.connect();
        opened = now();
      } catch {
        // The extension was reloaded or removed: this frame is on its way out.
        return;
      }
      port = current;
      const lost = () => {
        if (port !== current) return;
        port = undefined;
        cancel(welcome);
        if (stopped) return;
        attempt = now() - opened >= STABLE_MS ? 0 : attempt + 1;
        retry = later(open, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)] ?? 0);
      };
      welcome = later(() => {
        current.disconnect();
        lost();
      }, WELCOME_MS);
      current.onMessage.addListener((message) => {
        const push = message as LivePush | null;
        if (push?.type !== 'live-view') return;
        cancel(welcome);
        cb(push.view);
      });
      current.onDisconnect.addListener(lost);
    };
    open();
    return () => {
      stopped = true;
      cancel(retry);
      cancel(welcome);
      port?.disconnect();
    };
  };
}

/** The projection of a tab, as the side panel (a top-level extension page) reads it. */
export function storedFeed(tabId: number | undefined): LiveFeed {
  return (cb) => {
    if (tabId === undefined) {
      cb(null);
      return () => {};
    }
    const item = liveViewItem(tabId);
    let fresh = false;
    const stop = item.watch((view) => {
      fresh = true;
      cb(view);
    });
    item.get().then((view) => {
      if (!fresh) cb(view);
    });
    return stop;
  };
}
