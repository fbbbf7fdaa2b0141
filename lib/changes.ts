// Extension pages and the background share one IndexedDB but get no event when another writes
// it. Writers bump `dbRev` in storage.session; views watch it and reload what they show.
// (storage events reach every extension context; a BroadcastChannel would not reach the session
// card's frame, whose storage Chrome partitions by the page.)

import { dbRevItem } from './storage/items';

/** The storage.session key `dbRevItem` keeps (for views that still watch raw change events). */
export const DB_REV_KEY = 'dbRev';

export function announceChange(): void {
  dbRevItem.set(Date.now() + Math.random()).catch(() => {});
}

/** Calls `cb` after any page or the background wrote the database; returns the unwatch. */
export function watchChanges(cb: () => void): () => void {
  return dbRevItem.watch(() => cb());
}
