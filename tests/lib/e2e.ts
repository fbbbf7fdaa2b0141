// What the Chromium and the Firefox e2e harnesses share: polling, and the reader each runs
// inside an extension page to list one IndexedDB store.

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `fn` returns a truthy value, or fails with what it last saw. */
export async function until<T>(
  fn: () => Promise<T> | T,
  { timeout = 5_000, interval = 100, what = 'condition' } = {},
): Promise<Exclude<T, undefined | null | false | 0 | ''>> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  for (;;) {
    last = await fn();
    if (last) return last as Exclude<T, undefined | null | false | 0 | ''>;
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeout} ms waiting for ${what}; last: ${JSON.stringify(last)}`,
      );
    }
    await sleep(interval);
  }
}

/**
 * Runs in an extension page (passed to the driver's evaluate, so it must stay self-contained):
 * every record of one store, or none when there is no database yet (its creation is aborted,
 * so a test never makes an empty one).
 */
export function readStore(name: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('mentor-companion');
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => (open.error?.name === 'AbortError' ? resolve([]) : reject(open.error));
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(name)) return resolve([]);
      const req = db.transaction(name).objectStore(name).getAll();
      req.onsuccess = () => {
        resolve(req.result);
        db.close();
      };
      req.onerror = () => reject(req.error);
    };
  });
}
