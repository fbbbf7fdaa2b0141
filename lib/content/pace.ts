// How closely the close watch looks at a call page, between two looks:
//
//   close    (a lobby, a waiting room, a call on its way in or out, an end screen): every DOM
//            change asks for a look, at most every THROTTLE_MS, and a safety look comes every
//            SAFETY_MS: joining must show quickly.
//   settled  (a live call, nothing waiting for a confirming look): a call page mutates hundreds
//            of times a second (tiles, meters, captions) and almost none of it is news. Only the
//            leave control leaving the page asks for a look at once (that is how a call ends);
//            it can leave only when the child list of one of its ancestors changes, so those
//            lists are all that is observed. A click asks for one too (`soon`: presenting starts
//            and stops with one). The safety look, every SETTLED_SAFETY_MS, takes the rest (an
//            end dialog over a still-present toolbar, a reconnect banner).
//   confirm  a change waiting for its second or third look gets one CONFIRM_MS later,
//            mutations or not.
//
// The watch says after each look which of these it needs (`after`); `stop` ends them all.

/** At most one look per this many ms, however fast the page mutates. */
export const THROTTLE_MS = 500;
/** A safety look, for changes that come without DOM mutations (URL, timers), while close. */
export const SAFETY_MS = 2_000;
/** The safety look's pace once a live call has settled. */
export const SETTLED_SAFETY_MS = 5_000;
/** A change waiting for its confirming look gets one this soon. */
export const CONFIRM_MS = 700;

const EVERYTHING: MutationObserverInit = { childList: true, subtree: true, attributes: true };

export interface PaceCtx {
  setTimeout(handler: () => void, timeout?: number): number;
  onInvalidated(cb: () => void): () => void;
}

export interface Pace {
  /**
   * After a look: `leaves` are the live call's leave controls when it has settled (none: watch
   * closely); `pending`: a confirming look is due.
   */
  after(next: { leaves: readonly Element[]; pending: boolean }): void;
  /** A confirming look is due now (a click on the leave control). */
  confirmSoon(): void;
  /** Something may have changed (a click): a look within THROTTLE_MS. */
  soon(): void;
  /** No more looks, observers or timers until the next `after`. */
  stop(): void;
}

/** The nodes whose child lists hold an element in the page: its ancestors, across shadow roots. */
export function ancestorsOf(el: Element): Node[] {
  const out: Node[] = [];
  for (let n: Node | null = el.parentNode; n; ) {
    out.push(n);
    n = n.parentNode ?? (n as ShadowRoot).host ?? null;
  }
  return out;
}

export function pace(ctx: PaceCtx, look: () => void, now: () => number = Date.now): Pace {
  let leaves: readonly Element[] = [];
  /** What is observed now: the whole page, or the ancestors of these leave controls. */
  let watching: 'all' | readonly Element[] | undefined;
  let throttled: number | undefined;
  let confirm: number | undefined;
  let safety: number | undefined;
  let lastLook = 0;

  const throttledLook = () => {
    if (throttled !== undefined) return;
    throttled = ctx.setTimeout(
      () => {
        throttled = undefined;
        lastLook = now();
        look();
      },
      Math.max(0, lastLook + THROTTLE_MS - now()),
    );
  };
  const observer = new MutationObserver(() => {
    if (leaves.length > 0 && leaves.every((el) => el.isConnected)) return;
    throttledLook();
  });
  ctx.onInvalidated(() => observer.disconnect());

  const observeAll = () => {
    if (watching === 'all') return;
    observer.disconnect();
    observer.observe(document.documentElement, EVERYTHING);
    watching = 'all';
  };
  const observeLeaves = () => {
    const same =
      Array.isArray(watching) &&
      watching.length === leaves.length &&
      watching.every((el, i) => el === leaves[i]);
    if (same) return;
    observer.disconnect();
    for (const node of new Set(leaves.flatMap(ancestorsOf))) {
      observer.observe(node, { childList: true });
    }
    watching = leaves;
  };
  const clear = (t: number | undefined) => {
    if (t !== undefined) clearTimeout(t);
    return undefined;
  };

  const confirmSoon = () => {
    if (confirm !== undefined) return;
    confirm = ctx.setTimeout(() => {
      confirm = undefined;
      look();
    }, CONFIRM_MS);
  };

  return {
    after(next) {
      leaves = next.pending ? [] : next.leaves;
      if (leaves.length > 0) observeLeaves();
      else observeAll();
      if (next.pending) confirmSoon();
      safety = clear(safety);
      safety = ctx.setTimeout(look, leaves.length > 0 ? SETTLED_SAFETY_MS : SAFETY_MS);
    },
    confirmSoon,
    soon: throttledLook,
    stop() {
      observer.disconnect();
      watching = undefined;
      leaves = [];
      throttled = clear(throttled);
      confirm = clear(confirm);
      safety = clear(safety);
    },
  };
}
