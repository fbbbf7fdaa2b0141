// Saves what a person types as they type it, in order, so nothing is lost when a popup closes
// or a panel is shut: every change starts a write at once (no debounce window to lose), and a
// newer value waiting behind a running write replaces an older waiting one.
//
// "Saved" is said only when the newest value is written. A write that fails (a full disk, a
// closed database, a record gone) is reported as `failed` with its error, the value stays
// queued, and the write is tried again, sooner when the person types again.

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

/**
 * One status for several savers shown by one line: "Saved" only when every one of them has
 * written what it was given; a failure, or a write still under way, says so over the others.
 */
export function combinedStatus(statuses: Iterable<SaveStatus>): SaveStatus {
  let out: SaveStatus = 'idle';
  for (const s of statuses) {
    if (s === 'failed') return 'failed';
    if (s === 'saving') out = 'saving';
    else if (s === 'saved' && out === 'idle') out = 'saved';
  }
  return out;
}

/** Waits before the n-th retry of a failed write, in ms: 1 s, 2 s, 5 s, then every 10 s. */
export const RETRY_MS = [1_000, 2_000, 5_000, 10_000] as const;

export function createAutosave<T>(
  save: (value: T) => Promise<unknown>,
  onStatus: (s: SaveStatus, error?: unknown) => void,
  timers: {
    setTimeout: (fn: () => void, ms: number) => unknown;
    clearTimeout: (id: unknown) => void;
  } = {
    setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
    clearTimeout: (id) => globalThis.clearTimeout(id as ReturnType<typeof setTimeout>),
  },
) {
  let running: Promise<void> | undefined;
  let waiting: { value: T } | undefined;
  let failures = 0;
  let retry: unknown;

  const drain = async () => {
    while (waiting) {
      const next = waiting;
      waiting = undefined;
      try {
        await save(next.value);
        failures = 0;
      } catch (error) {
        // Keep the value unless a newer one arrived meanwhile, and try again later.
        waiting ??= next;
        running = undefined;
        onStatus('failed', error);
        const delay = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)] ?? 10_000;
        failures++;
        retry = timers.setTimeout(() => {
          retry = undefined;
          if (waiting && !running) running = drain();
        }, delay);
        return;
      }
    }
    running = undefined;
    onStatus('saved');
  };

  return {
    push(value: T) {
      waiting = { value };
      onStatus('saving');
      if (retry !== undefined) {
        timers.clearTimeout(retry);
        retry = undefined;
      }
      running ??= drain();
    },
    /** Resolves when every pushed value is written, or the last write failed. */
    flush(): Promise<void> {
      return running ?? Promise.resolve();
    },
    /** Whether a value is still waiting to be written (after a failure). */
    get pending(): boolean {
      return waiting !== undefined;
    },
  };
}
