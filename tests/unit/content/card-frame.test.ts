// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_PLACE,
  FRAME_ID,
  type FrameMessage,
  type FramePlace,
  mountCard,
} from '../../../lib/content/card-frame';

// The card's frame on the call page: made and removed with the call, placed and sized by what
// the card sends through the extension (never by the page), and kept visible whatever the page
// writes into its style.

function fakeCtx() {
  const done: Array<() => void> = [];
  return {
    ctx: { onInvalidated: (cb: () => void) => done.push(cb) },
    invalidate: () => {
      for (const cb of done) cb();
    },
  };
}

/** What the background relays from the card: a `card-frame` message to this content script. */
async function fromCard(frame: FrameMessage): Promise<FramePlace | null> {
  // The content script answers through sendResponse (what Chrome and Firefox both honour).
  let answer: (value: unknown) => void = () => {};
  const replied = new Promise<unknown>((resolve) => {
    answer = resolve;
  });
  const handled = (await fakeBrowser.runtime.onMessage.trigger(
    { type: 'card-frame', frame },
    { id: fakeBrowser.runtime.id } as never,
    (value: unknown) => answer(value),
  )) as unknown[];
  if (!handled.some((r) => r === true)) return null;
  return (await replied) as FramePlace | null;
}

const frameEl = () => document.getElementById(FRAME_ID) as HTMLIFrameElement | null;
const styleOf = (prop: string) => frameEl()?.style.getPropertyValue(prop);
const priorityOf = (prop: string) => frameEl()?.style.getPropertyPriority(prop);
const flush = () => new Promise((r) => setTimeout(r, 0));

let ctx: ReturnType<typeof fakeCtx>;
beforeEach(() => {
  fakeBrowser.reset();
  // happy-dom loads no frame pages, and says so on the console for each card made.
  const log = console.error;
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (!(args[0] instanceof Error && /Iframe page loading is disabled/.test(args[0].message)))
      log(...args);
  });
  ctx = fakeCtx();
  Object.assign(window, { innerWidth: 1280, innerHeight: 800 });
});
afterEach(() => {
  vi.restoreAllMocks();
  ctx.invalidate();
  for (const f of document.querySelectorAll(`#${FRAME_ID}`)) f.remove();
});

describe('the card frame', () => {
  it('is there while the call is live and for its end card, and gone otherwise', () => {
    const card = mountCard(ctx.ctx, 'meet');
    expect(card.mounted).toBe(false);
    card.follow('in-call');
    expect(frameEl()?.src).toBe(fakeBrowser.runtime.getURL('/overlay.html'));
    expect(frameEl()?.parentElement).toBe(document.documentElement);
    card.follow('ended');
    expect(document.querySelectorAll(`#${FRAME_ID}`)).toHaveLength(1);
    card.follow('lobby');
    expect(frameEl()).toBeNull();
    expect(card.mounted).toBe(false);
  });

  it("starts at the platform's default place", () => {
    mountCard(ctx.ctx, 'teams').follow('in-call');
    expect([styleOf('right'), styleOf('top')]).toEqual([
      `${DEFAULT_PLACE.teams.right}px`,
      `${DEFAULT_PLACE.teams.top}px`,
    ]);
  });

  it('starts at the mirrored place on a right-to-left call page, and stays there as it grows', async () => {
    document.documentElement.dir = 'rtl';
    try {
      mountCard(ctx.ctx, 'meet').follow('in-call');
      await fromCard({ mc: 'size', width: 300, height: 200 });
      // 16 px from the left edge: the viewport's width less the card's and the inset.
      expect(styleOf('right')).toBe(`${window.innerWidth - 300 - DEFAULT_PLACE.meet.right}px`);
      await fromCard({ mc: 'size', width: 340, height: 200 });
      expect(styleOf('right')).toBe(`${window.innerWidth - 340 - DEFAULT_PLACE.meet.right}px`);
      // Once moved, it is where the person put it.
      const moved = await fromCard({ mc: 'move', dx: 10, dy: 0 });
      await fromCard({ mc: 'size', width: 300, height: 200 });
      expect(await fromCard({ mc: 'where' })).toEqual(moved);
    } finally {
      document.documentElement.dir = '';
    }
  });

  it('takes size, moves and the saved place from the card, held inside the viewport', async () => {
    mountCard(ctx.ctx, 'meet').follow('in-call');
    expect(await fromCard({ mc: 'size', width: 300.4, height: 200 })).toEqual({
      right: 16,
      top: 16,
    });
    expect([styleOf('width'), styleOf('height')]).toEqual(['300px', '200px']);
    expect(await fromCard({ mc: 'move', dx: -16, dy: 16 })).toEqual({ right: 32, top: 32 });
    expect(await fromCard({ mc: 'place', right: 5000, top: -40 })).toEqual({ right: 980, top: 0 });
    expect(await fromCard({ mc: 'where' })).toEqual({ right: 980, top: 0 });
    // A size beyond reason is held too.
    await fromCard({ mc: 'size', width: 1e9, height: 1e9 });
    expect([styleOf('width'), styleOf('height')]).toEqual(['640px', '784px']);
    // Numbers only.
    await fromCard({ mc: 'move', dx: Number.NaN, dy: 'x' as unknown as number });
    expect(await fromCard({ mc: 'where' })).toEqual({ right: 640, top: 0 });
  });

  it('closes when the user closes the end card', async () => {
    const card = mountCard(ctx.ctx, 'meet');
    card.follow('ended');
    expect(await fromCard({ mc: 'close' })).toBeNull();
    expect(frameEl()).toBeNull();
    // No card: nothing to place.
    expect(await fromCard({ mc: 'where' })).toBeNull();
  });

  it('hides and shows with the shortcut', () => {
    const card = mountCard(ctx.ctx, 'meet');
    card.follow('in-call');
    card.toggle();
    expect(styleOf('display')).toBe('none');
    card.toggle();
    expect(styleOf('display')).toBe('block');
  });

  it.each([
    ['opacity', '0', '1'],
    ['transform', 'translate(-9999px, 0)', 'none'],
    ['pointer-events', 'none', 'auto'],
    ['filter', 'opacity(0)', 'none'],
    ['clip-path', 'inset(50%)', 'none'],
    ['visibility', 'hidden', 'visible'],
    ['display', 'none', 'block'],
  ])('keeps its own %s when the page sets it', async (prop, hostile, own) => {
    mountCard(ctx.ctx, 'meet').follow('in-call');
    expect([styleOf(prop), priorityOf(prop)]).toEqual([own, 'important']);
    frameEl()?.style.setProperty(prop, hostile, 'important');
    await flush();
    expect([styleOf(prop), priorityOf(prop)]).toEqual([own, 'important']);
    frameEl()?.setAttribute('style', `${prop}: ${hostile}`);
    await flush();
    expect([styleOf(prop), priorityOf(prop)]).toEqual([own, 'important']);
  });

  it('posts nothing to the page: the page hears no message from the card', async () => {
    const heard: unknown[] = [];
    window.addEventListener('message', (e) => heard.push(e.data));
    mountCard(ctx.ctx, 'meet').follow('in-call');
    await fromCard({ mc: 'size', width: 320, height: 400 });
    await fromCard({ mc: 'move', dx: 10, dy: 10 });
    await flush();
    expect(heard).toEqual([]);
  });

  it('takes nothing from the page: a page message moves nothing', async () => {
    mountCard(ctx.ctx, 'meet').follow('in-call');
    window.postMessage({ mc: 'move', dx: -500, dy: 500 }, '*');
    window.postMessage({ type: 'card-frame', frame: { mc: 'close' } }, '*');
    await flush();
    expect(frameEl()).not.toBeNull();
    expect(await fromCard({ mc: 'where' })).toEqual({ right: 16, top: 16 });
  });

  it('cleans up when the extension goes', () => {
    mountCard(ctx.ctx, 'meet').follow('in-call');
    ctx.invalidate();
    expect(frameEl()).toBeNull();
  });
});
