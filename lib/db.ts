// The one IndexedDB database, through idb. Each schema version is a migration step; opening
// runs every step from the stored version to the newest inside IndexedDB's upgrade transaction,
// so an upgrade is all-or-nothing: a step that throws aborts it and the old data stays as it was.
//
// Every later version is tested by opening a database made by each earlier version, with real
// data in it (tests/unit/db.test.ts keeps those earlier-version databases as fixtures).

import {
  type DBSchema,
  type IDBPDatabase,
  type IDBPTransaction,
  openDB,
  type StoreNames,
} from 'idb';
import type { Mentorship, Note, Reflection, SessionRecord, TrashEntry } from './records';

export const DB_NAME = 'mentor-companion';

export interface CompanionDB extends DBSchema {
  mentorships: { key: string; value: Mentorship };
  sessions: {
    key: string;
    value: SessionRecord;
    indexes: {
      byMentorship: string;
      byMeetingKey: string;
      byScheduledAt: number;
      byStatus: string;
    };
  };
  notes: { key: string; value: Note; indexes: { bySession: string } };
  reflections: { key: string; value: Reflection; indexes: { bySession: string } };
  /** What deletes removed, for their undo window (lib/repos/trash.ts), by undo token. */
  trash: { key: string; value: TrashEntry };
}

export type Db = IDBPDatabase<CompanionDB>;
type UpgradeTx = IDBPTransaction<CompanionDB, StoreNames<CompanionDB>[], 'versionchange'>;

/**
 * Migration steps; `MIGRATIONS[n - 1]` takes a database from version n - 1 to n.
 * Never edit a released step: add a new one.
 */
export const MIGRATIONS: ReadonlyArray<(db: Db, tx: UpgradeTx) => void> = [
  // 1: mentorships, sessions, notes, reflections.
  (db) => {
    db.createObjectStore('mentorships', { keyPath: 'id' });
    const sessions = db.createObjectStore('sessions', { keyPath: 'id' });
    sessions.createIndex('byMentorship', 'mentorshipId');
    sessions.createIndex('byMeetingKey', 'meetingKey');
    sessions.createIndex('byScheduledAt', 'scheduledAt');
    sessions.createIndex('byStatus', 'status');
    db.createObjectStore('notes', { keyPath: 'id' }).createIndex('bySession', 'sessionId');
    db.createObjectStore('reflections', { keyPath: 'id' }).createIndex('bySession', 'sessionId');
  },
  // 2: the trash, so a delete and what it removed land in one transaction and an Undo still
  // works (or is cleanly refused) after the background or the page restarted. It holds a few
  // entries at a time: expired ones are purged, so it needs no index.
  (db) => {
    db.createObjectStore('trash', { keyPath: 'token' });
  },
];

export const DB_VERSION = MIGRATIONS.length;

/** Opens the database at `version` (the newest unless a test asks for an earlier one). */
export function openDb(version: number = DB_VERSION, name: string = DB_NAME): Promise<Db> {
  if (version > DB_VERSION) throw new Error(`Unknown database version ${version}`);
  return openDB<CompanionDB>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      // A failing step aborts the upgrade; the rejection of openDb says so, this one need not.
      tx.done.catch(() => {});
      for (let v = oldVersion; v < (newVersion ?? version); v++) {
        const step = MIGRATIONS[v];
        if (!step) throw new Error(`No migration to version ${v + 1}`);
        step(db, tx);
      }
    },
    blocking(_current, _next, event) {
      // Another page is upgrading: step aside so it can, and reopen lazily next time.
      (event.target as IDBDatabase).close();
      cached = undefined;
    },
  });
}

let cached: Promise<Db> | undefined;

/** The shared connection for extension pages and the background. */
export function db(): Promise<Db> {
  if (!cached) {
    let opening: Promise<Db>;
    try {
      opening = openDb();
    } catch (error) {
      opening = Promise.reject(error);
    }
    cached = opening;
    // A failed open (another version holding the database, a full disk) is not kept: the next
    // call tries again instead of failing forever.
    opening.catch(() => {
      if (cached === opening) cached = undefined;
    });
    // The browser may close the connection (the profile is being deleted, storage pressure):
    // the next call opens a new one.
    opening.then(
      (d) => {
        d.addEventListener('close', () => {
          if (cached === opening) cached = undefined;
        });
      },
      () => {},
    );
  }
  return cached;
}

/** For tests: drop the shared connection. */
export async function closeDb(): Promise<void> {
  const open = cached;
  cached = undefined;
  if (open) (await open).close();
}

export function newId(): string {
  return crypto.randomUUID();
}
