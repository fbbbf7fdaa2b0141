// The one way to write the database: `write` opens a transaction over the stores it names,
// runs the change, and either commits it and announces it once to the other pages, or aborts
// it whole when anything in it throws (a refused input, a record gone, a full disk), so no
// write is ever half done. `read` takes one consistent snapshot.
//
// A change that finds nothing to do (the same text again, a session already ended) calls the
// `unchanged` it is given: it still commits, but nothing is announced, so no page reloads for
// nothing.

import type { IDBPTransaction, StoreNames } from 'idb';
import { announceChange } from '../changes';
import type { CompanionDB, Db } from '../db';
import { type ErrorCode, fromStorageFailure, isUserError, UserError } from '../errors';

export type Store = StoreNames<CompanionDB>;
export type WriteTx<S extends Store[]> = IDBPTransaction<CompanionDB, S, 'readwrite'>;
export type ReadTx<S extends Store[]> = IDBPTransaction<CompanionDB, S, 'readonly'>;

export async function write<const S extends Store[], T>(
  d: Db,
  stores: S,
  change: (tx: WriteTx<S>, unchanged: () => void) => Promise<T>,
): Promise<T> {
  let tx: WriteTx<S>;
  try {
    tx = d.transaction(stores, 'readwrite');
  } catch (error) {
    // A closed connection, or one another version of the extension holds open.
    console.error('Mentor Companion: a write could not start', error);
    throw fromStorageFailure(error);
  }
  let result: T;
  let changed = true;
  try {
    result = await change(tx, () => {
      changed = false;
    });
    await tx.done;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted (by the request that failed) or already finished.
    }
    await tx.done.catch(() => {});
    // A refused input keeps its sentence; a browser failure is logged and becomes "could not
    // save" (or "the disk is full").
    if (!isUserError(error)) console.error('Mentor Companion: a write failed', error);
    throw isUserError(error) ? error : fromStorageFailure(error);
  }
  if (changed) announceChange();
  return result;
}

export async function read<const S extends Store[], T>(
  d: Db,
  stores: S,
  look: (tx: ReadTx<S>) => Promise<T>,
): Promise<T> {
  const tx = d.transaction(stores, 'readonly');
  const [result] = await Promise.all([look(tx), tx.done]);
  return result;
}

/** The record a write needs, or a `UserError` with `code` when it is gone (aborting the write). */
export function found<T>(record: T | undefined, code: ErrorCode): T {
  if (record === undefined) throw new UserError(code);
  return record;
}
