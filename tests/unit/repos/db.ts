// A fresh database per test, on fake-indexeddb, and a count of the change notices writes send.
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, type MockInstance, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDb, DB_VERSION, type Db, openDb } from '../../../lib/db';
import { dbRevItem } from '../../../lib/storage/items';

let counter = 0;

/**
 * Opens a fresh database before each test (closed after it); `get()` is the open one.
 * `reopen()` closes it and opens the same database again, as a restarted background or a
 * reloaded page does: only what IndexedDB kept is there.
 */
export function useDb(): { get(): Db; another(): Promise<Db>; reopen(): Promise<Db> } {
  let d: Db | undefined;
  let name = '';
  const others: Db[] = [];
  beforeEach(async () => {
    fakeBrowser.reset();
    await closeDb();
    globalThis.indexedDB = new IDBFactory();
    name = `repos-test-${++counter}`;
    d = await openDb(DB_VERSION, name);
  });
  afterEach(() => {
    d?.close();
    for (const o of others.splice(0)) o.close();
  });
  return {
    get() {
      if (!d) throw new Error('no database open');
      return d;
    },
    async another() {
      const o = await openDb(DB_VERSION, `repos-test-${++counter}`);
      others.push(o);
      return o;
    },
    async reopen() {
      d?.close();
      d = await openDb(DB_VERSION, name);
      return d;
    },
  };
}

/** Counts the change notices (each write that changed something sends one). */
export function watchAnnouncements(): { count(): number; reset(): void } {
  let spy: MockInstance | undefined;
  beforeEach(() => {
    spy = vi.spyOn(dbRevItem, 'set');
  });
  afterEach(() => {
    spy?.mockRestore();
  });
  return {
    count: () => spy?.mock.calls.length ?? 0,
    reset: () => spy?.mockClear(),
  };
}

export async function counts(d: Db) {
  return {
    mentorships: await d.count('mentorships'),
    sessions: await d.count('sessions'),
    notes: await d.count('notes'),
  };
}

/** Everything in the database, the trash included, to show a refused write changed nothing. */
export async function everything(d: Db) {
  const [mentorships, sessions, notes, reflections, trash] = await Promise.all([
    d.getAll('mentorships'),
    d.getAll('sessions'),
    d.getAll('notes'),
    d.getAll('reflections'),
    d.getAll('trash'),
  ]);
  return { mentorships, sessions, notes, reflections, trash };
}

/** Everything but the trash: what a person sees, to show an Undo put it all back. */
export async function records(d: Db) {
  const { trash: _, ...rest } = await everything(d);
  return rest;
}
