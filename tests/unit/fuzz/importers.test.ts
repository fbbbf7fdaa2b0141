// Random and mangled data through every importer (share packs, backups, restores) and every
// database migration: each input is taken whole or refused whole, and every refusal is one
// user error with a sentence in every locale.
import fs from 'node:fs';
import path from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkBackupData, exportBackup, parseBackup } from '../../../lib/backup/format';
import type { BackupData } from '../../../lib/backup/schema';
import { closeDb, DB_VERSION, type Db, openDb } from '../../../lib/db';
import { ERROR_PARAMS, errorKey, isUserError } from '../../../lib/errors';
import { loadAll, restoreBackup } from '../../../lib/repos/snapshot';
import { decodePack, encodePack } from '../../../lib/share/message';
import { NOW, sampleData } from '../backup/sample';

const RUNS = 150;
const localesDir = path.resolve(__dirname, '../../../public/_locales');
const catalogues = fs
  .readdirSync(localesDir)
  .map((l) => JSON.parse(fs.readFileSync(path.join(localesDir, l, 'messages.json'), 'utf8')));

/** A refusal as the promise says: a user error with a code, and a sentence in every locale. */
function expectOneSentence(error: unknown): void {
  expect(isUserError(error), String(error)).toBe(true);
  if (!isUserError(error)) return;
  expect(error.code in ERROR_PARAMS).toBe(true);
  for (const catalogue of catalogues) expect(catalogue[errorKey(error.code)]?.message).toBeTruthy();
}

/** `fn` either returns or throws one user error. */
function takenOrRefused<T>(fn: () => T): { ok: true; value: T } | { ok: false } {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    expectOneSentence(error);
    return { ok: false };
  }
}

/** A JSON value changed at one random place: a field dropped, retyped, or a hostile key added. */
function mangle(value: unknown, pick: number[], replacement: unknown): unknown {
  if (typeof value !== 'object' || value === null) return replacement;
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const [head = 0, ...rest] = pick;
  const key = keys[head % keys.length] as string;
  const copy: Record<string, unknown> = Array.isArray(value)
    ? ([...value] as unknown as Record<string, unknown>)
    : { ...(value as Record<string, unknown>) };
  if (rest.length === 0) {
    if (replacement === undefined) delete copy[key];
    else copy[key] = replacement;
  } else {
    copy[key] = mangle(copy[key], rest, replacement);
  }
  return copy;
}

const hostile = fc.oneof(
  fc.constant(undefined),
  fc.anything(),
  fc.constantFrom(
    8.64e15 + 1,
    -1,
    Number.NaN,
    '',
    '\u200b\u202e',
    'x'.repeat(3_000),
    { __proto__: { polluted: true } },
    JSON.parse('{"__proto__": {"polluted": true}}'),
    [],
  ),
);
const path5 = fc.array(fc.nat(40), { minLength: 1, maxLength: 5 });

describe('backups', () => {
  it('a random text is refused with one sentence', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const got = takenOrRefused(() => parseBackup(text));
        expect(got.ok).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it('a mangled backup is taken whole (and clean) or refused with one sentence', () => {
    const data = sampleData();
    fc.assert(
      fc.property(path5, hostile, (pick, replacement) => {
        const mangled = mangle(data, pick, replacement);
        const got = takenOrRefused(() => checkBackupData(mangled));
        if (got.ok) {
          // What is taken is taken as a whole and reads the same when checked again.
          expect(checkBackupData(got.value)).toEqual(got.value);
          expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
        }
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('a mangled file (its text cut, changed or grown) is refused or read exactly', () => {
    const file = exportBackup(sampleData(), NOW);
    fc.assert(
      fc.property(
        fc.nat(file.length - 1),
        fc.nat(20),
        fc.string({ maxLength: 5 }),
        (at, cut, insert) => {
          const text = file.slice(0, at) + insert + file.slice(at + cut);
          const got = takenOrRefused(() => parseBackup(text));
          if (got.ok) expect(got.value).toEqual(parseBackup(file));
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });
});

describe('restores', () => {
  let d: Db;
  let n = 0;
  beforeEach(async () => {
    fakeBrowser.reset();
    await closeDb();
    globalThis.indexedDB = new IDBFactory();
    d = await openDb(DB_VERSION, `fuzz-${++n}`);
    await restoreBackup(d, sampleData(), 'replace');
  });

  it('writes all of a mangled backup or none of it, whatever the mode', async () => {
    const before = await loadAll(d);
    await fc.assert(
      fc.asyncProperty(
        path5,
        hostile,
        fc.constantFrom('merge' as const, 'replace' as const),
        async (pick, replacement, mode) => {
          const mangled = mangle(sampleData(), pick, replacement) as BackupData;
          const now = await loadAll(d);
          try {
            await restoreBackup(d, mangled, mode);
          } catch (error) {
            expectOneSentence(error);
            expect(await loadAll(d)).toEqual(now);
            return;
          }
          // Taken: put the database back for the next run.
          await restoreBackup(d, before, 'replace');
        },
      ),
      { numRuns: 60 },
    );
    d.close();
  });
});

describe('share packs', () => {
  const pack = {
    v: 1 as const,
    kind: 'pre-session' as const,
    from: 'mentee' as const,
    topic: 'Roadmap reviews',
    notes: 'What I want to ask',
    createdAt: new Date(NOW).toISOString(),
    actionItems: ['Draft the roadmap'],
  };

  it('a pack whose payload is any JSON is read whole or refused with one sentence', () => {
    fc.assert(
      fc.property(path5, hostile, (pick, replacement) => {
        const mangled = mangle(pack, pick, replacement);
        let text: string;
        try {
          text = encodePack(mangled as typeof pack);
        } catch (error) {
          // Refused already when writing it: the same one-sentence rule.
          expectOneSentence(error);
          return;
        }
        const got = takenOrRefused(() => decodePack(text));
        if (got.ok) expect(decodePack(encodePack(got.value))).toEqual(got.value);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('random text pasted into the importer is refused with one sentence', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        expect(takenOrRefused(() => decodePack(text)).ok).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('migrations', () => {
  it('every record an earlier version holds is there after upgrading to the newest', async () => {
    const data = sampleData();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: DB_VERSION }),
        fc.subarray(data.mentorships),
        fc.subarray(data.sessions),
        fc.subarray(data.notes),
        fc.subarray(data.reflections),
        async (from, mentorships, sessions, notes, reflections) => {
          globalThis.indexedDB = new IDBFactory();
          const name = `fuzz-migrate-${++n}`;
          const old = await openDb(from, name);
          const tx = old.transaction(
            ['mentorships', 'sessions', 'notes', 'reflections'],
            'readwrite',
          );
          for (const r of mentorships) tx.objectStore('mentorships').put(r);
          for (const r of sessions) tx.objectStore('sessions').put(r);
          for (const r of notes) tx.objectStore('notes').put(r);
          for (const r of reflections) tx.objectStore('reflections').put(r);
          await tx.done;
          old.close();
          const upgraded = await openDb(DB_VERSION, name);
          const byId = <T extends { id: string }>(xs: T[]) =>
            [...xs].sort((a, b) => a.id.localeCompare(b.id));
          const all = await loadAll(upgraded);
          expect(byId(all.mentorships)).toEqual(byId(mentorships));
          expect(byId(all.sessions)).toEqual(byId(sessions));
          expect(byId(all.notes)).toEqual(byId(notes));
          expect(byId(all.reflections)).toEqual(byId(reflections));
          upgraded.close();
        },
      ),
      { numRuns: 40 },
    );
  });
});
