// The session card's frame on the call page: an iframe of the extension's overlay page. The
// page's scripts cannot read a cross-origin frame, so the topic, notes and anything typed in the
// card stay in the extension. This file places, sizes and moves the frame, and keeps it visible.
//
// What the page must not learn, it is not told: the card's size says how many action items
// there are, its moves say when the user is at the card. So the frame's geometry comes through
// the extension (frame -> background -> this content script, `card-frame` messages), never
// through `postMessage`, which the page's own `message` listeners would see. The frame keeps the
// card's place per platform in extension storage; this file only applies it, held inside the
// viewport, and answers where the card is.
//
// What the page must not change, it cannot keep changed: the frame's visibility styles (opacity,
// transforms, filters, clipping, pointer events...) are set `!important` in its style attribute,
// which beats any page stylesheet, and set again whenever the page edits that attribute, so a
// card made invisible under the cursor (clickjacking) does not stay that way.
//
// Content-script zone: no storage module, no database, no Preact (see issue 9): it stays small.

import type { Detected } from '../platforms/types';
import type { Platform } from '../records';
import { getURL, onMessage as onExtensionMessage } from './runtime';

interface Ctx {
  onInvalidated(cb: () => void): void;
}

export interface FramePlace {
  /** Distance from the viewport's right edge, px. */
  right: number;
  /** Distance from the viewport's top edge, px. */
  top: number;
}

/**
 * Default places keep clear of each platform's own controls: Meet and Zoom keep leave and mute
 * in a bottom toolbar, Teams keeps hang-up in its top bar.
 */
export const DEFAULT_PLACE: Record<Platform, FramePlace> = {
  meet: { right: 16, top: 16 },
  zoom: { right: 16, top: 56 },
  teams: { right: 16, top: 120 },
};

export const FRAME_ID = 'mentor-companion-card';

/** What the overlay page sends its frame (through the background): geometry only. */
export type FrameMessage =
  | { mc: 'size'; width: number; height: number }
  | { mc: 'move'; dx: number; dy: number }
  /** The place the user left the card at on this platform, from extension storage. */
  | { mc: 'place'; right: number; top: number }
  /** No change: where is the card? */
  | { mc: 'where' }
  /** The user closed the end card. */
  | { mc: 'close' };

/** The frame's styles that decide whether and how it shows: the extension's, not the page's. */
const FIXED_STYLES: ReadonlyArray<[string, string]> = [
  ['position', 'fixed'],
  ['z-index', '2147483647'],
  ['left', 'auto'],
  ['bottom', 'auto'],
  ['border', '0'],
  ['margin', '0'],
  ['padding', '0'],
  ['background', 'transparent'],
  ['color-scheme', 'normal'],
  ['opacity', '1'],
  ['visibility', 'visible'],
  ['transform', 'none'],
  ['translate', 'none'],
  ['rotate', 'none'],
  ['scale', 'none'],
  ['zoom', '1'],
  ['filter', 'none'],
  ['backdrop-filter', 'none'],
  ['clip-path', 'none'],
  ['mask', 'none'],
  ['mix-blend-mode', 'normal'],
  ['pointer-events', 'auto'],
  ['content-visibility', 'visible'],
  ['min-width', '0'],
  ['min-height', '0'],
  ['max-width', 'none'],
  ['max-height', 'none'],
];

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

function clampPlace(place: FramePlace, width: number, height: number): FramePlace {
  const maxRight = Math.max(0, window.innerWidth - width);
  const maxTop = Math.max(0, window.innerHeight - height);
  return {
    right: Math.round(Math.min(Math.max(0, place.right), maxRight)),
    top: Math.round(Math.min(Math.max(0, place.top), maxTop)),
  };
}

/** The frame's whole style attribute for a geometry, every declaration `!important`. */
export function frameStyle(
  place: FramePlace,
  size: { width: number; height: number },
  hidden: boolean,
) {
  const all: Array<[string, string]> = [
    ...FIXED_STYLES,
    ['display', hidden ? 'none' : 'block'],
    ['right', `${place.right}px`],
    ['top', `${place.top}px`],
    ['width', `${size.width}px`],
    ['height', `${size.height}px`],
  ];
  return all.map(([k, v]) => `${k}: ${v} !important;`).join(' ');
}

/**
 * Whether the call page is laid out right to left (Meet, Zoom and Teams mirror their whole UI
 * in Hebrew or Arabic): the card's default place is mirrored there, to the left edge.
 */
export function pageIsRtl(doc: Document): boolean {
  const root = doc.documentElement;
  if (root.dir) return root.dir.toLowerCase() === 'rtl';
  const body = doc.body;
  if (body?.dir) return body.dir.toLowerCase() === 'rtl';
  return doc.defaultView?.getComputedStyle(root).direction === 'rtl';
}

/** The default place, mirrored on a right-to-left page: as far from the left edge instead. */
export function defaultPlace(
  platform: Platform,
  rtl: boolean,
  viewportWidth: number,
  width: number,
): FramePlace {
  const base = DEFAULT_PLACE[platform];
  return rtl ? { right: Math.max(0, viewportWidth - width - base.right), top: base.top } : base;
}

export function mountCard(ctx: Ctx, platform: Platform) {
  let frame: HTMLIFrameElement | undefined;
  let guard: MutationObserver | undefined;
  let place: FramePlace = DEFAULT_PLACE[platform];
  let size = { width: 340, height: 56 };
  let hidden = false;
  let style = '';
  // Until the person moves the card or a saved place arrives, it sits at the default place,
  // mirrored on a right-to-left page (kept there as its width changes).
  let atDefault = true;

  const apply = () => {
    if (!frame) return;
    if (atDefault) {
      place = defaultPlace(platform, pageIsRtl(document), window.innerWidth, size.width);
    }
    place = clampPlace(place, size.width, size.height);
    style = frameStyle(place, size, hidden);
    if (frame.getAttribute('style') !== style) frame.setAttribute('style', style);
  };

  const create = () => {
    if (frame?.isConnected) return;
    frame = document.createElement('iframe');
    frame.id = FRAME_ID;
    frame.src = getURL('/overlay.html');
    frame.title = 'Mentor Companion';
    frame.setAttribute('allowtransparency', 'true');
    apply();
    // Whatever the page writes into the style attribute, the extension's styles come back.
    guard = new MutationObserver(() => {
      if (frame && frame.getAttribute('style') !== style) frame.setAttribute('style', style);
    });
    guard.observe(frame, { attributes: true, attributeFilter: ['style'] });
    // On the root element, not <body>: single-page apps replace their body on navigation.
    document.documentElement.append(frame);
  };

  const remove = () => {
    guard?.disconnect();
    guard = undefined;
    frame?.remove();
    frame = undefined;
  };

  /** One message from the card; returns where the card is now (null: no card here). */
  const onFrame = (msg: FrameMessage): FramePlace | null => {
    if (!frame) return null;
    if (msg.mc === 'size' && finite(msg.width) && finite(msg.height)) {
      size = {
        width: Math.min(Math.max(40, Math.round(msg.width)), 640),
        height: Math.min(Math.max(32, Math.round(msg.height)), window.innerHeight - 16),
      };
    } else if (msg.mc === 'move' && finite(msg.dx) && finite(msg.dy)) {
      atDefault = false;
      place = { right: place.right - msg.dx, top: place.top + msg.dy };
    } else if (msg.mc === 'place' && finite(msg.right) && finite(msg.top)) {
      atDefault = false;
      place = { right: msg.right, top: msg.top };
    } else if (msg.mc === 'close') {
      remove();
      return null;
    }
    apply();
    return { ...place };
  };

  // Only the extension reaches a content script's runtime.onMessage; the page cannot.
  const onMessage = (msg: unknown) => {
    const m = msg as { type?: string; frame?: FrameMessage } | null;
    if (m?.type !== 'card-frame' || typeof m.frame !== 'object' || m.frame === null)
      return undefined;
    return Promise.resolve(onFrame(m.frame));
  };
  const stopListening = onExtensionMessage(onMessage);
  const onResize = () => apply();
  window.addEventListener('resize', onResize);
  ctx.onInvalidated(() => {
    stopListening();
    window.removeEventListener('resize', onResize);
    remove();
  });

  return {
    /** Shows the card while a call is live and for its end card; removes it otherwise. */
    follow(state: Detected) {
      if (state === 'in-call' || state === 'ended') create();
      else remove();
    },
    toggle() {
      hidden = !hidden;
      apply();
    },
    get mounted() {
      return Boolean(frame?.isConnected);
    },
  };
}
