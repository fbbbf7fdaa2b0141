// A journal of what was typed, written synchronously with each keystroke into the page's own
// localStorage, so text typed a moment before the browser closes is not lost while its
// IndexedDB write is still under way (an asynchronous write the closing page cannot wait for).
// The next time the page opens, a journal entry that the database does not hold yet is written
// again; one the database holds is dropped. It holds only the latest text of each field, and
// only until that text is saved.

export interface Journal {
  /** The text just typed into `field`. */
  write(field: string, text: string): void;
  /** `text` was saved: the entry goes, unless something newer was typed meanwhile. */
  saved(field: string, text: string): void;
  /** What was typed into `field` and may not be saved yet. */
  read(field: string): string | undefined;
}

const PREFIX = 'mc-typed:';

export function pageJournal(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): Journal {
  return {
    write(field, text) {
      try {
        storage.setItem(PREFIX + field, text);
      } catch {
        // Full or refused: the database write still runs; only this safety net is missing.
      }
    },
    saved(field, text) {
      try {
        if (storage.getItem(PREFIX + field) === text) storage.removeItem(PREFIX + field);
      } catch {
        // Nothing to do: the entry is dropped when the text is read back as saved.
      }
    },
    read(field) {
      try {
        return storage.getItem(PREFIX + field) ?? undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/** A journal that keeps nothing (tests, and pages without localStorage). */
export const noJournal: Journal = { write() {}, saved() {}, read: () => undefined };
