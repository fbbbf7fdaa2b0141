// What the Mentorships page's models share: the records as last read (all four stores, one
// snapshot), the mentorship shown, the page's clock, and one way to write that reads again
// afterwards and turns a failure into the sentence to show.

import type { ReadonlySignal } from '@preact/signals';
import type { BackupData } from '@/lib/backup/schema';
import type { Db } from '@/lib/db';
import type { Mentorship } from '@/lib/records';
import type { Deleted } from '@/lib/repos/trash';
import type { Item, Settings } from '@/lib/storage/items';

export interface OptionsEnv {
  db: () => Promise<Db>;
  now: () => number;
  /** Where the settings live: `settingsItem`. */
  settings: Pick<Item<Settings>, 'get' | 'set'>;
  /** The language chosen for the extension's text: `languageItem`. */
  language?: Pick<Item<string>, 'get' | 'set'>;
  /**
   * The browser's storage manager (`navigator.storage`): whether it keeps this extension's
   * records when disk space runs low. Absent where the browser has none.
   */
  storage?: { persisted(): Promise<boolean>; persist(): Promise<boolean> };
}

export interface OptionsContext extends OptionsEnv {
  /** Every record, as last read; undefined until the first read. */
  data: ReadonlySignal<BackupData | undefined>;
  /** The mentorship shown, when the view is one. */
  selected: ReadonlySignal<Mentorship | undefined>;
  /** The page's "now", moved on every minute so "missed" and "needs scheduling" stay true. */
  today: ReadonlySignal<number>;
  /** Reads every record again. */
  reload(): Promise<void>;
  /**
   * Runs a write, then reads again. Resolves to the sentence to show when it failed, else
   * undefined.
   */
  change(write: (d: Db) => Promise<unknown>): Promise<string | undefined>;
  /** The same, for a write about the mentorship shown (refused when it is gone). */
  changeSelected(write: (m: Mentorship, d: Db) => Promise<unknown>): Promise<string | undefined>;
  /** A delete: run like `change`, and its "Deleted · Undo" bar shown when it succeeded. */
  remove(write: (d: Db) => Promise<Deleted>): Promise<string | undefined>;
}
