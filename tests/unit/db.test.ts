// Upgrades from every earlier schema version, with that version's real data in it.
//
// Each version has a fixture in db-fixtures/v<n>.ts (what that version stored, and what the
// newest code must read back). Adding MIGRATIONS[n - 1] needs only db-fixtures/v<n>.ts: every
// test below runs for every version from 1 to DB_VERSION. (Records are looked up by their
// store's key path: `id`, or `token` for the trash; a step that renames or drops a store also
// updates this file.)

import { IDBFactory } from 'fake-indexeddb';
import { type IDBPDatabase, openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, DB_VERSION, type Db, db, MIGRATIONS, openDb } from '../../lib/db';
import { listMentorships } from '../../lib/repos/mentorships';
import { getPreNote, notesOf } from '../../lib/repos/notes';
import { nextSession } from '../../lib/repos/sessions';
import type { DbFixture } from './db-fixtures/types';

const modules = import.meta.glob<{ fixture: DbFixture }>('./db-fixtures/v*.ts', { eager: true });
const fixtures = new Map<number, DbFixture>(
  Object.values(modules).map(({ fixture }) => [fixture.version, fixture]),
);
const versions = Array.from({ length: DB_VERSION }, (_, i) => i + 1);

function fixtureOf(version: number): DbFixture {
  const fixture = fixtures.get(version);
  if (!fixture) throw new Error(`Add tests/unit/db-fixtures/v${version}.ts for version ${version}`);
  return fixture;
}

let counter = 0;
const uniqueName = (label: string) => `db-test-${label}-${++counter}`;

/** The database without the schema's types: fixtures hold what older versions stored. */
const raw = (d: Db) => d as unknown as IDBPDatabase;

/** Each store's key path (every store has one plain key path). */
const KEY_PATHS: Record<string, string> = { trash: 'token' };
const keyOf = (store: string, record: Record<string, unknown>) =>
  record[KEY_PATHS[store] ?? 'id'] as string;

/** Creates a database at `version` and fills it with that version's fixture; closes it. */
async function createAt(version: number, name: string): Promise<void> {
  const d = await openDb(version, name);
  const stores = Object.entries(fixtureOf(version).stores);
  const tx = raw(d).transaction(
    stores.map(([store]) => store),
    'readwrite',
  );
  for (const [store, records] of stores) {
    for (const record of records) await tx.objectStore(store).add(structuredClone(record));
  }
  await tx.done;
  d.close();
}

async function versionOf(name: string): Promise<number | undefined> {
  return (await indexedDB.databases()).find((info) => info.name === name)?.version;
}

/** Everything the repositories must read back from a fixture's data at the newest version. */
async function expectReadable(d: Db, fixture: DbFixture) {
  const { expected } = fixture;
  const listed = await listMentorships(d);
  expect(
    listed.map((m) => ({
      id: m.id,
      otherName: m.otherName,
      myRole: m.myRole,
      ...(m.meetingLink ? { meetingLink: m.meetingLink } : {}),
    })),
  ).toEqual(expected.mentorships);
  for (const m of listed) {
    expect(m.agreement.cadenceDays).toBeGreaterThan(0);
    expect(Array.isArray(m.goals)).toBe(true);
  }
  for (const [mentorshipId, sessionId] of Object.entries(expected.next)) {
    const next = await nextSession(d, mentorshipId);
    expect(next?.id ?? null, `nextSession(${mentorshipId})`).toBe(sessionId);
    if (next) expect(Array.isArray(next.actionItems)).toBe(true);
  }
  for (const { sessionId, author, text } of expected.preNotes) {
    expect((await getPreNote(d, sessionId, author))?.text).toBe(text);
  }
  for (const [sessionId, ids] of Object.entries(expected.notesOf)) {
    expect((await notesOf(d, sessionId)).map((n) => n.id).sort()).toEqual([...ids].sort());
  }
}

beforeEach(async () => {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
});

afterEach(async () => {
  await closeDb();
});

describe('database fixtures', () => {
  it('exist for every schema version, each filling every store of its version', async () => {
    for (const version of versions) {
      const fixture = fixtureOf(version);
      expect(fixture.version).toBe(version);
      const d = await openDb(version, uniqueName(`stores-v${version}`));
      expect(Object.keys(fixture.stores).sort()).toEqual([...d.objectStoreNames].sort());
      for (const records of Object.values(fixture.stores))
        expect(records.length).toBeGreaterThan(0);
      d.close();
    }
  });
});

describe.each(versions)('upgrading a version %i database', (version) => {
  it(`to version ${DB_VERSION} keeps every record, readable through the store`, async () => {
    const fixture = fixtureOf(version);
    const name = uniqueName(`upgrade-v${version}`);
    await createAt(version, name);
    expect(await versionOf(name)).toBe(version);

    const d = await openDb(DB_VERSION, name);
    expect(d.version).toBe(DB_VERSION);
    for (const [store, records] of Object.entries(fixture.stores)) {
      expect(await raw(d).count(store), store).toBe(records.length);
      for (const record of records) {
        const stored = await raw(d).get(store, keyOf(store, record));
        expect(stored, `${store} ${keyOf(store, record)}`).toBeDefined();
        // Records of the newest version are read back exactly as written.
        if (version === DB_VERSION) expect(stored).toEqual(record);
      }
    }
    await expectReadable(d, fixture);
    d.close();

    // Opening again changes nothing.
    const again = await openDb(DB_VERSION, name);
    await expectReadable(again, fixture);
    again.close();
  });

  it('refuses a version newer than the code knows, touching nothing', async () => {
    const name = uniqueName(`newer-v${version}`);
    await createAt(version, name);
    expect(() => openDb(DB_VERSION + 1, name)).toThrow(
      `Unknown database version ${DB_VERSION + 1}`,
    );
    expect(await versionOf(name)).toBe(version);
  });
});

describe('an upgrade step that throws', () => {
  // lib/db.ts takes no migration list: MIGRATIONS is a module constant and openDb refuses any
  // version above DB_VERSION. Two ways in, then:
  //  1. openDb itself, with its newest step swapped for one that does its work and then throws
  //     (the array is frozen only by its type), from every earlier version's data;
  //  2. a future step, run through idb the way openDb runs one, on the newest version's data.

  const earlier = [0, ...versions.slice(0, -1)];

  it.each(earlier)('leaves a version %i database as it was (openDb)', async (from) => {
    const name = uniqueName(`throw-openDb-v${from}`);
    if (from > 0) await createAt(from, name);
    const steps = MIGRATIONS as ((...args: Parameters<(typeof MIGRATIONS)[number]>) => void)[];
    const real = steps[DB_VERSION - 1];
    if (!real) throw new Error('no newest step');
    steps[DB_VERSION - 1] = (d, tx) => {
      // idb makes the upgrade transaction's `done` promise as it opens; nothing in openDb waits
      // on it, so its rejection is caught here to keep the run free of unhandled rejections.
      tx.done.catch(() => {});
      real(d, tx);
      throw new Error('the step failed');
    };
    try {
      await expect(openDb(DB_VERSION, name)).rejects.toThrow();
    } finally {
      steps[DB_VERSION - 1] = real;
    }
    if (from === 0) {
      expect(await versionOf(name)).toBeUndefined();
      return;
    }
    expect(await versionOf(name)).toBe(from);
    const d = await openDb(from, name);
    for (const [store, records] of Object.entries(fixtureOf(from).stores)) {
      // getAll returns records in key order: string keys compare by UTF-16 code units.
      const byKey = [...records].sort((a, b) => (keyOf(store, a) < keyOf(store, b) ? -1 : 1));
      expect(await raw(d).getAll(store)).toEqual(byKey);
    }
    d.close();
  });

  it(`leaves a version ${DB_VERSION} database as it was (a future step)`, async () => {
    const fixture = fixtureOf(DB_VERSION);
    const name = uniqueName('throw-future');
    await createAt(DB_VERSION, name);
    const [changed, cleared, dropped] = Object.keys(fixture.stores);
    const record = changed ? fixture.stores[changed]?.[0] : undefined;
    if (!changed || !cleared || !dropped || !record) throw new Error('fixture too small');
    const failing = openDB(name, DB_VERSION + 1, {
      upgrade(d, _old, _new, tx) {
        const aborted = () => {};
        tx.done.catch(aborted);
        // What a careless step might do before it fails: change, clear, drop and add stores.
        tx.objectStore(changed)
          .put({ [KEY_PATHS[changed] ?? 'id']: keyOf(changed, record), changed: true })
          .catch(aborted);
        tx.objectStore(cleared).clear().catch(aborted);
        d.deleteObjectStore(dropped);
        d.createObjectStore('extra', { keyPath: 'id' });
        throw new Error('the step failed');
      },
    });
    await expect(failing).rejects.toThrow();
    expect(await versionOf(name)).toBe(DB_VERSION);

    const d = await openDb(DB_VERSION, name);
    expect([...d.objectStoreNames].sort()).toEqual(Object.keys(fixture.stores).sort());
    for (const [store, records] of Object.entries(fixture.stores)) {
      expect(await raw(d).count(store)).toBe(records.length);
      for (const r of records) expect(await raw(d).get(store, keyOf(store, r))).toEqual(r);
    }
    await expectReadable(d, fixture);
    d.close();
  });
});

describe('db()', () => {
  it('keeps one shared connection until closeDb', async () => {
    const a = await db();
    expect(await db()).toBe(a);
    expect(a.version).toBe(DB_VERSION);
    await closeDb();
    const b = await db();
    expect(b).not.toBe(a);
  });

  it('tries again after a failed open instead of failing forever', async () => {
    await closeDb();
    const real = globalThis.indexedDB;
    // An open that fails once, as when another version of the extension holds the database.
    let failures = 1;
    globalThis.indexedDB = new Proxy(real, {
      get(target, key) {
        if (key === 'open' && failures > 0) {
          failures--;
          return () => {
            throw new DOMException('held elsewhere', 'VersionError');
          };
        }
        const value = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    try {
      await expect(db()).rejects.toThrow();
      const d = await db();
      expect(d.version).toBe(DB_VERSION);
    } finally {
      globalThis.indexedDB = real;
    }
  });
});

describe('the key paths this test reads records by', () => {
  it('are those of the newest schema', async () => {
    const d = await openDb(DB_VERSION, uniqueName('key-paths'));
    for (const store of d.objectStoreNames) {
      expect(d.transaction(store).store.keyPath, store).toBe(KEY_PATHS[store] ?? 'id');
    }
    d.close();
  });
});
