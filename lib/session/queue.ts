// The background's one-at-a-time queue. Updates to what storage.session and the database hold
// run in order, so a burst of events cannot interleave their read-modify-write steps; and each
// step may hold up the next only so long, so a tab (or a browser API) that never answers cannot
// leave every later call, focus and nudge event waiting for good.

/** How long one step of the queue may hold up the next. */
export const STEP_LIMIT_MS = 10_000;
/** How long a call tab gets to say where it stands. */
export const ASK_LIMIT_MS = 3_000;

let chain: Promise<unknown> = Promise.resolve();

/** Resolves with `p`, or with `fallback` once `ms` have passed, whichever comes first. */
export function bounded<T, F>(p: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    p.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * Runs `fn` after every update queued before it, or after the one before it has had
 * `limitMs`: a step stuck on a tab that never answers lets the queue move on (it still
 * finishes, or not, on its own).
 */
export function serial<T>(fn: () => Promise<T>, limitMs = STEP_LIMIT_MS): Promise<T> {
  const run = chain.then(fn);
  chain = bounded(
    run.catch(() => undefined),
    limitMs,
    undefined,
  );
  return run;
}
