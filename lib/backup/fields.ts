// Field checks the record schema is built from (lib/backup/schema.ts): each reads an unknown
// value at a path (`goals[1].text`) and returns it, or throws `Invalid` saying which field and
// what is wrong, in words for logs and tests, never for people.
//
// Pure: no browser, no clock.

import { inRange, isTime, LIMITS } from '../limits';
import { parseIsoDate } from '../time';

export type Problem =
  | 'type'
  | 'empty'
  | 'too-long'
  | 'too-many'
  | 'range'
  | 'choice'
  | 'date'
  | 'time'
  | 'unknown-field'
  | 'reserved'
  | 'mismatch';

/** A value that does not fit the schema: `path` is the field, `problem` what is wrong. */
export class Invalid extends Error {
  readonly path: string;
  readonly problem: Problem;
  constructor(path: string, problem: Problem) {
    super(`${path || 'the record'}: ${problem}`);
    this.name = 'Invalid';
    this.path = path;
    this.problem = problem;
  }
}

export type Obj = Record<string, unknown>;

export const fieldPath = (path: string, key: string): string => (path ? `${path}.${key}` : key);

export function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Invalid(path, 'type');
  return v as Obj;
}

/** Refuses fields the model does not have: a strict schema reads back exactly what it wrote. */
export function only(o: Obj, keys: readonly string[], path: string): void {
  for (const key of Object.keys(o)) {
    if (!keys.includes(key)) throw new Invalid(fieldPath(path, key), 'unknown-field');
  }
}

export function text(v: unknown, path: string, max: number): string {
  if (typeof v !== 'string') throw new Invalid(path, 'type');
  if (v.length > max) throw new Invalid(path, 'too-long');
  return v;
}

/** A record id (also a pairing id or a question id): non-empty text. */
export function id(v: unknown, path: string): string {
  const s = text(v, path, LIMITS.id);
  if (!s) throw new Invalid(path, 'empty');
  return s;
}

// Characters that show nothing: whitespace, zero-width marks and joiners, bidi controls and
// marks, the byte-order mark. A name made only of them reads as no name at all.
const INVISIBLE_RE =
  /[\s\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Whether `s` holds anything a person can see. */
export function hasVisibleText(s: string): boolean {
  return s.replace(INVISIBLE_RE, '') !== '';
}

/** An instant in ms since 1970 that a Date can hold (never before 1970 in a record). */
export function time(v: unknown, path: string): number {
  if (!isTime(v) || v < 0) throw new Invalid(path, 'time');
  return v;
}

export function whole(v: unknown, path: string, range: readonly [number, number]): number {
  if (!inRange(v, range)) throw new Invalid(path, 'range');
  return v;
}

export function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') throw new Invalid(path, 'type');
  return v;
}

export function oneOf<T extends string>(v: unknown, path: string, values: readonly T[]): T {
  if (typeof v !== 'string' || !values.includes(v as T)) throw new Invalid(path, 'choice');
  return v as T;
}

export function list<T>(
  v: unknown,
  path: string,
  item: (x: unknown, path: string) => T,
  max = Number.POSITIVE_INFINITY,
): T[] {
  if (!Array.isArray(v)) throw new Invalid(path, 'type');
  if (v.length > max) throw new Invalid(path, 'too-many');
  // Array.from visits a sparse list's holes too (map would skip and keep them).
  return Array.from(v, (x: unknown, i) => item(x, `${path}[${i}]`));
}

/** Reads `o[key]` when present; absent and undefined stay absent. */
export function opt<T>(
  o: Obj,
  key: string,
  path: string,
  read: (v: unknown, path: string) => T,
): T | undefined {
  return o[key] === undefined ? undefined : read(o[key], fieldPath(path, key));
}

/** Drops keys whose value is undefined, so JSON and equality checks see the same record. */
export function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

export function isoDate(v: unknown, path: string): string {
  const s = text(v, path, 10);
  if (parseIsoDate(s) === null) throw new Invalid(path, 'date');
  return s;
}
