// What the model tests share: a fresh fake IndexedDB per test, a fixed clock, and the UI text
// from a real catalogue (en or de) the way Chrome's i18n.getMessage reads it.
import fs from 'node:fs';
import path from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDb, DB_VERSION, type Db, openDb } from '../../../lib/db';

/** 2026-11-03 10:00 UTC, a Tuesday. */
export const NOW = Date.UTC(2026, 10, 3, 10, 0);
export const MIN = 60_000;
export const DAY = 24 * 60 * MIN;

let counter = 0;

/** A new, empty database (and a clean fake browser) for one test. */
export async function freshDb(): Promise<Db> {
  fakeBrowser.reset();
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
  return openDb(DB_VERSION, `models-test-${++counter}`);
}

/** `d`, counting the transactions opened on it (each read or write of the records is one). */
export function countingTransactions(d: Db): { db: Db; count(): number } {
  let opened = 0;
  const db = new Proxy(d, {
    get(target, key) {
      const value = Reflect.get(target, key, target);
      if (key !== 'transaction' || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        opened++;
        return value.apply(target, args);
      };
    },
  });
  return { db, count: () => opened };
}

/** A clock that says `at` until moved. */
export function clock(at = NOW) {
  let now = at;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export function catalogue(locale: string): Record<string, Message> {
  const file = path.resolve(__dirname, '../../../public/_locales', locale, 'messages.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Message>;
}

/** `t()` in `locale` from now on (named placeholders to `$n` substitutions, as Chrome does). */
export function useLocale(locale: string) {
  const messages = catalogue(locale);
  const getMessage = (key: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    const m = messages[key];
    if (!m) return '';
    return m.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
      const content = m.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (_x, n: string) => list[Number(n) - 1] ?? '');
    });
  };
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage as never);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockImplementation(() => locale);
  return (key: string, subs?: string | string[]) => getMessage(key, subs);
}

/** Resolves after pending promises and IndexedDB callbacks have run. */
export const settle = () => new Promise((r) => setTimeout(r, 0));
