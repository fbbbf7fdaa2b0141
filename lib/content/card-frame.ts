// The session card's frame on the call page: an iframe of the extension's overlay page. The
// page's scripts cannot read a cross-origin frame, so the topic, notes and anything typed in the
// card stay in the extension. This file places, sizes and moves the frame; only geometry crosses
// between the frame and the page (postMessage, checked by origin), never content.

import type { Detected } from '../platforms/types';
import type { Platform } from '../records';
import { getURL, local } from './runtime';

interface Ctx {
  onInvalidated(cb: () => void): void;
  addEventListener: (
    target: Window,
    type: 'message',
    handler: (event: MessageEvent) => void,
  ) => void;
}

export interface Place {
  /** Distance from the viewport's right edge, px. */
  right: number;
  /** Distance from the viewport's top edge, px. */
  top: number;
}

/**
 * Default places keep clear of each platform's own controls: Meet and Zoom keep leave and mute
 * in a bottom toolbar, Teams keeps hang-up in its top bar.
 */
export const DEFAULT_PLACE: Record<Platform, Place> = {
  meet: { right: 16, top: 16 },
  zoom: { right: 16, top: 56 },
  teams: { right: 16, top: 120 },
};

export const FRAME_ID = 'mentor-companion-card';

/** Messages the overlay page posts to its frame's parent: geometry only. */
export type FrameMessage =
  | { mc: 'size'; width: number; height: number }
  | { mc: 'move'; dx: number; dy: number }
  | { mc: 'moved' }
  /** The user closed the end card. */
  | { mc: 'close' };

function clampPlace(place: Place, width: number, height: number): Place {
  const maxRight = Math.max(0, window.innerWidth - width);
  const maxTop = Math.max(0, window.innerHeight - height);
  return {
    right: Math.min(Math.max(0, place.right), maxRight),
    top: Math.min(Math.max(0, place.top), maxTop),
  };
}

export function mountCard(ctx: Ctx, platform: Platform) {
  const origin = new URL(getURL('/')).origin;
  const placeKey = `local:cardPlace:${platform}` as const;
  let frame: HTMLIFrameElement | undefined;
  let place: Place = DEFAULT_PLACE[platform];
  let size = { width: 340, height: 56 };
  let hidden = false;

  const apply = () => {
    if (!frame) return;
    place = clampPlace(place, size.width, size.height);
    frame.style.right = `${place.right}px`;
    frame.style.top = `${place.top}px`;
    frame.style.width = `${size.width}px`;
    frame.style.height = `${size.height}px`;
    frame.style.display = hidden ? 'none' : 'block';
  };

  const create = () => {
    if (frame?.isConnected) return;
    frame = document.createElement('iframe');
    frame.id = FRAME_ID;
    frame.src = getURL('/overlay.html');
    frame.title = 'Mentor Companion';
    frame.setAttribute('allowtransparency', 'true');
    frame.style.cssText =
      'position:fixed;z-index:2147483647;border:0;margin:0;padding:0;background:transparent;color-scheme:normal;';
    // On the root element, not <body>: single-page apps replace their body on navigation.
    document.documentElement.append(frame);
    apply();
  };

  const remove = () => {
    frame?.remove();
    frame = undefined;
  };

  local.get(placeKey.slice(6)).then((got) => {
    const saved = got[placeKey.slice(6)] as Place | undefined;
    if (saved && Number.isFinite(saved.right) && Number.isFinite(saved.top)) {
      place = saved;
      apply();
    }
  });

  ctx.addEventListener(window, 'message', (event) => {
    if (event.origin !== origin || !frame || event.source !== frame.contentWindow) return;
    const msg = event.data as FrameMessage;
    if (msg?.mc === 'size') {
      size = {
        width: Math.min(Math.max(40, Math.round(msg.width)), 640),
        height: Math.min(Math.max(32, Math.round(msg.height)), window.innerHeight - 16),
      };
      apply();
    } else if (msg?.mc === 'move') {
      place = { right: place.right - msg.dx, top: place.top + msg.dy };
      apply();
    } else if (msg?.mc === 'close') {
      remove();
    } else if (msg?.mc === 'moved') {
      local.set({ [placeKey.slice(6)]: place });
    }
  });
  const onResize = () => apply();
  window.addEventListener('resize', onResize);
  ctx.onInvalidated(() => {
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
