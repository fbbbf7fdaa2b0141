// When the content script takes its cheap look at a page that shows no call (a Teams chat open
// all day, Meet's landing page, a Zoom launcher): only when something could have brought a call,
// never on a clock. No MutationObserver, no interval; a tab in the background costs nothing.
//
// - at once, when the script starts;
// - when the page is shown again (a tab switched to, a window restored);
// - when the URL changes (the Navigation API's `currententrychange`; `popstate` and
//   `hashchange` where it is missing);
// - after the user clicks or presses Enter or Space (joining, accepting a call, a link to a
//   meeting): a few looks over the next seconds, as the app builds the call's page, 0.5, 1.5, 3,
//   6 and 12 s later. A new interaction starts the series again; it ends early once a look
//   finds a call.
//
// The caller turns looks off while it watches a call closely (`stop`) and on again when the
// call is gone (`resume`: the watch has just looked).

/** Delays of the looks after an interaction, from the interaction (ms). */
export const AFTER_INTERACTION_MS: readonly number[] = [500, 1_500, 3_000, 6_000, 12_000];

export interface LooksCtx {
  readonly isValid: boolean;
  readonly signal: AbortSignal;
}

interface NavigationLike {
  addEventListener(type: 'currententrychange', cb: () => void, opts: { signal: AbortSignal }): void;
}

export interface Looks {
  /** Looks now, then on every trigger. */
  start(): void;
  /** Looks on every trigger from now on, not now (the page was just looked at). */
  resume(): void;
  /** No more looks until `start` or `resume`. */
  stop(): void;
}

export function looksAt(ctx: LooksCtx, look: () => void): Looks {
  let on = false;
  let series: Array<ReturnType<typeof setTimeout>> = [];
  const clear = () => {
    for (const t of series) clearTimeout(t);
    series = [];
  };
  const now = () => {
    if (on && ctx.isValid) look();
  };
  const afterInteraction = () => {
    if (!on) return;
    clear();
    series = AFTER_INTERACTION_MS.map((ms) => setTimeout(now, ms));
  };
  const signal = ctx.signal;
  const opts = { capture: true, passive: true, signal };
  document.addEventListener('click', afterInteraction, opts);
  document.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Enter' || e.key === ' ') afterInteraction();
    },
    opts,
  );
  document.addEventListener(
    'visibilitychange',
    () => {
      if (document.visibilityState === 'visible') now();
    },
    { signal },
  );
  const nav = (globalThis as { navigation?: NavigationLike }).navigation;
  if (typeof nav?.addEventListener === 'function') {
    nav.addEventListener('currententrychange', now, { signal });
  } else {
    addEventListener('popstate', now, { signal });
    addEventListener('hashchange', now, { signal });
  }
  signal.addEventListener('abort', clear);
  return {
    start() {
      on = true;
      now();
    },
    resume() {
      on = true;
    },
    stop() {
      on = false;
      clear();
    },
  };
}
