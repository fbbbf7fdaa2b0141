// The one way to write the database: `write` opens a transaction over the stores it names,
// runs the change, and either commits it and announces it once to the other pages, or aborts
// it whole when anything in it throws (a refused input, a record gone, a full disk), so no
// write is ever half done. `read` takes one consistent snapshot.

import type { IDBPTransaction, StoreNames } from 'idb';
import { announceChange } from '../changes';
import type { CompanionDB, Db } from '../db';
import { fromStorageFailure, isUserError } from '../errors';

export type Store = StoreNames<CompanionDB>;
export type WriteTx<S extends Store[]> = IDBPTransaction<CompanionDB, S, 'readwrite'>;
export type ReadTx<S extends Store[]> = IDBPTransaction<CompanionDB, S, 'readonly'>;

export async function write<const S extends Store[], T>(
  d: Db,
  stores: S,
  change: (tx: WriteTx<S>) => Promise<T>,
): Promise<T> {
  const tx = d.transaction(stores, 'readwrite');
  let result: T;
  try {
    result = await change(tx);
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
  announceChange();
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
