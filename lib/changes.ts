// Extension pages and the background share one IndexedDB but get no event when another writes
// it. Writers bump `dbRev` in storage.session; views watch it and reload what they show.
// (storage events reach every extension context, the session card's frame included; a
// BroadcastChannel would not reach that frame, whose storage Chrome partitions by the page.)

export const DB_REV_KEY = 'dbRev';

export function announceChange(): void {
  globalThis.browser?.storage?.session
    ?.set({ [DB_REV_KEY]: Date.now() + Math.random() })
    .catch(() => {});
}
