// Every message between the content script, the background and the extension pages, as one
// union, with the reply each one gets. Listener differences between browsers live here alone:
// Chrome's own `chrome.runtime.onMessage` wants `sendResponse` + `return true`, Firefox's wants a
// returned Promise; through webextension-polyfill both take a returned Promise, and returning
// `undefined` leaves a message to other listeners.

import type { FrameMessage, FramePlace } from './content/card-frame';
import type { WireError } from './errors';
import type { DetectionCheck } from './platforms/check';
import type { Detected } from './platforms/types';
import type { PageFacts } from './platforms/urls';
import type { Platform } from './records';

/** A command's reply: done, or the user error to show (`fromWire`, then `describeError`). */
export type CommandReply = { ok: true; error?: undefined } | { ok: false; error: WireError };

export type Message =
  /** content -> background: the tracked call state of this tab changed (or a re-report). */
  | {
      type: 'call-state';
      platform: Platform;
      state: Detected;
      meetingKey?: string;
      at: number;
      /** In a call: whether the user presents (shares their screen) from it now. */
      presenting?: boolean;
    }
  /** content -> background: the call tab's page became visible or hidden. */
  | { type: 'visibility'; visible: boolean; at: number }
  /** background -> content: what is your call state now? (after a worker restart) */
  | { type: 'call-ping' }
  /**
   * extension page -> content (sendToTab): what does detection see in this tab now? For the
   * detection check; the reply carries no page text, names or meeting link.
   */
  | { type: 'detect-check' }
  /** popup -> background: the user says a session is on in this tab / has ended. */
  | { type: 'manual-start'; tabId: number; at: number }
  | { type: 'manual-end'; tabId: number; at: number }
  /** overlay -> background: this call belongs to this mentorship (or to none: ad hoc). */
  | { type: 'assign'; sessionId: string; mentorshipId: string | null; at: number }
  /** overlay / panel -> background: mark or unmark a tab as part of the session. */
  | { type: 'companion-tab'; tabId: number; on: boolean }
  /** background -> content: the session card should show or hide. */
  | { type: 'toggle-card' }
  /** background -> content: this tab's session went live or ended (also when started by hand). */
  | { type: 'card-state'; state: 'in-call' | 'ended' }
  /**
   * session card -> background, in Firefox: open the side panel's page for this tab. The card's
   * frame has no sidebarAction there, and a click in a framed page is no user action for it, so
   * the background opens the page in a tab.
   */
  | { type: 'open-panel'; view: 'live' | 'reflect'; sessionId?: string }
  /** overlay/panel -> background: bring the call tab and window to the front. */
  | { type: 'focus-call'; tabId: number }
  /** overlay -> background: which tab and window is this frame in? */
  | { type: 'whoami' }
  /**
   * session card / panel -> background: add an action item to a session, or tick one. The
   * card's frame sits in the call page, where Chrome denies the frame IndexedDB, so the
   * background writes for it (and the panel does the same, to keep one path). What they show
   * comes back as the live projection (lib/session/live-projection.ts), not as a reply.
   */
  | { type: 'action-item'; sessionId: string; add?: string; toggle?: string }
  /**
   * session card / panel -> background: change an action item's text, delete it (the reply
   * carries the token its Undo takes), or undo such a delete (issue 13). Beside 'action-item'
   * for the same reason: the card's frame has no IndexedDB.
   */
  | {
      type: 'action-item-change';
      sessionId: string;
      itemId: string;
      change: { edit: string } | { remove: true } | { undo: string };
    }
  /**
   * session card -> background -> the tab's content script: the card's geometry. Through the
   * extension, not `postMessage`, which the call page would see (how many action items, when the
   * user came back). The reply is where the content script put the card.
   */
  | { type: 'card-frame'; frame: FrameMessage };

export type MessageType = Message['type'];
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

export interface Replies {
  'call-state': { ok: true };
  visibility: { ok: true };
  /** From the content script of a call platform; no answer from any other page. */
  'call-ping': {
    platform: Platform;
    state: Detected;
    meetingKey?: string;
    presenting?: boolean;
    /** What the page is, from its URL (lib/platforms/urls.ts `pageFacts`). */
    page?: PageFacts;
  };
  /** From the content script of a call platform's page; `report` is the copyable text. */
  'detect-check': { check: DetectionCheck; report: string };
  'manual-start': CommandReply;
  'manual-end': CommandReply;
  assign: CommandReply;
  'companion-tab': { ok: true };
  'toggle-card': { ok: true };
  'card-state': { ok: true };
  'focus-call': { ok: boolean };
  'open-panel': { ok: boolean };
  whoami: { tabId?: number; windowId?: number };
  'action-item': CommandReply;
  /** A delete's reply holds its undo token. */
  'action-item-change': CommandReply & { undoToken?: string };
  /** The card's place after the change, or nothing when no card is mounted. */
  'card-frame': FramePlace | null;
}

export interface Sender {
  tabId?: number;
  windowId?: number;
  frameId?: number;
  url?: string;
}

export type Handlers = {
  [T in MessageType]?: (msg: MessageOf<T>, sender: Sender) => Replies[T] | Promise<Replies[T]>;
};

const TYPES: ReadonlySet<string> = new Set<MessageType>([
  'call-state',
  'visibility',
  'call-ping',
  'detect-check',
  'manual-start',
  'manual-end',
  'assign',
  'companion-tab',
  'toggle-card',
  'card-state',
  'focus-call',
  'open-panel',
  'whoami',
  'action-item',
  'action-item-change',
  'card-frame',
]);

/** What the content script on a call page sends; nothing else is taken from there. */
const FROM_CONTENT_SCRIPTS: ReadonlySet<MessageType> = new Set<MessageType>([
  'call-state',
  'visibility',
]);

export function isMessage(x: unknown): x is Message {
  return typeof x === 'object' && x !== null && TYPES.has((x as { type?: unknown }).type as string);
}

interface RuntimeSender {
  tab?: { id?: number; windowId?: number };
  frameId?: number;
  url?: string;
}

/**
 * Listens for our messages with typed handlers. A handler runs synchronously up to its first
 * `await`, which matters for `sidePanel.open()`: it must be called before any await to keep the
 * user gesture. Returns a function that removes the listener.
 */
export function listen(handlers: Handlers): () => void {
  const ownOrigin = browser.runtime.getURL('/');
  const listener = (msg: unknown, sender: RuntimeSender): Promise<unknown> | undefined => {
    if (!isMessage(msg)) return undefined;
    // Defence in depth: only the reports a content script makes are taken from a call page's
    // context; everything that reads or changes records must come from an extension page.
    const fromOwnPage = sender.url?.startsWith(ownOrigin) ?? false;
    if (!fromOwnPage && !FROM_CONTENT_SCRIPTS.has(msg.type)) return undefined;
    const handler = handlers[msg.type] as
      | ((m: Message, s: Sender) => unknown | Promise<unknown>)
      | undefined;
    if (!handler) return undefined;
    const from: Sender = {
      tabId: sender.tab?.id,
      windowId: sender.tab?.windowId,
      frameId: sender.frameId,
      url: sender.url,
    };
    try {
      return Promise.resolve(handler(msg, from));
    } catch (error) {
      return Promise.reject(error);
    }
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Sends a message to the background (or extension pages) and types the reply. */
export function send<T extends MessageType>(msg: MessageOf<T>): Promise<Replies[T]> {
  return browser.runtime.sendMessage(msg) as Promise<Replies[T]>;
}

/** Sends a message to one tab's content script (its top frame's, with `frameId: 0`). */
export function sendToTab<T extends MessageType>(
  tabId: number,
  msg: MessageOf<T>,
  options?: { frameId?: number },
): Promise<Replies[T]> {
  return (
    options ? browser.tabs.sendMessage(tabId, msg, options) : browser.tabs.sendMessage(tabId, msg)
  ) as Promise<Replies[T]>;
}
