// Backups: every mentorship, session, note and reflection in one JSON file the user keeps.
//
// The file is an envelope around the records:
//
//   { "format": "mentor-companion-backup", "version": 1, "exportedAt": "<ISO 8601>",
//     "checksum": "crc32:<8 hex digits>", "data": { mentorships, sessions, notes, reflections } }
//
// The checksum is the CRC-32 of the UTF-8 bytes of `JSON.stringify(data)`. JSON.parse keeps key
// order, so re-stringifying what was read gives the same bytes however the file was re-indented;
// a changed value or a truncated copy does not.
//
// `parseBackup` checks everything before anything is written: the envelope, the version, the
// checksum, then every record against the model's schema (unknown fields included), and ids
// unique per kind. It throws a `BackupError` whose message is one sentence for the user.
// `exportBackup` runs the same record checks, so a file it writes always reads back.
//
// Pure: no clock (times are parameters), no browser APIs beyond TextEncoder.

import { crc32Hex } from './crc32';
import type {
  ActionItem,
  Agreement,
  Answer,
  Goal,
  Mentorship,
  Note,
  Reflection,
  SessionRecord,
  Topic,
  TopicVersion,
} from './records';
import { CATALOGUE_VERSION } from './reflection';

export const BACKUP_FORMAT = 'mentor-companion-backup';
/** The file version this code writes; it reads this one and every earlier one. */
export const BACKUP_VERSION = 1;
/** A file longer than this is refused before parsing (about 50 MB of text). */
export const MAX_BACKUP_CHARS = 50_000_000;

export interface BackupData {
  mentorships: Mentorship[];
  sessions: SessionRecord[];
  notes: Note[];
  reflections: Reflection[];
}

export type BackupKind = keyof BackupData;
export const BACKUP_KINDS: readonly BackupKind[] = [
  'mentorships',
  'sessions',
  'notes',
  'reflections',
];

export type BackupErrorCode =
  | 'too-large'
  | 'damaged'
  | 'foreign'
  | 'newer-version'
  | 'checksum'
  | 'invalid-record'
  | 'duplicate';

/** Every error thrown here: `message` is one sentence to show the user; `code` is for code. */
export class BackupError extends Error {
  readonly code: BackupErrorCode;
  constructor(code: BackupErrorCode, message: string) {
    super(message);
    this.name = 'BackupError';
    this.code = code;
  }
}

export const BACKUP_TEXT = {
  tooLarge: 'This file is too large to be a Mentor Companion backup, so nothing was restored.',
  damaged: 'This backup is damaged (it is not complete, valid JSON), so nothing was restored.',
  foreign: 'This file is not a Mentor Companion backup, so nothing was restored.',
  newer:
    'This backup was made by a newer version of Mentor Companion, so update the extension before restoring it.',
  checksum:
    'This backup was changed or damaged after it was saved (its checksum does not match), so nothing was restored.',
  record: (what: string, problem: string) =>
    `${what} in this backup is not valid (${problem}), so nothing was restored.`,
  duplicate: (kind: string, id: string) =>
    `Two ${kind} in this backup have the same id "${id}", so nothing was restored.`,
};

const KIND_NAME: Record<BackupKind, string> = {
  mentorships: 'Mentorship',
  sessions: 'Session',
  notes: 'Note',
  reflections: 'Reflection',
};

// ---------------------------------------------------------------------------------------------
// Record checks. Each reads an unknown value and returns a fresh record holding only the model's
// fields, in a fixed order, or throws `Invalid` naming the first field that is wrong.

class Invalid extends Error {}

type Obj = Record<string, unknown>;

const MAX_ID = 200;
const MAX_SHORT = 2_000;
const MAX_TEXT = 100_000;

function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new Invalid(`${path} must be an object`);
  }
  return v as Obj;
}

/** Refuses fields the model does not have: a strict schema reads back exactly what it wrote. */
function only(o: Obj, keys: readonly string[], path: string): void {
  for (const key of Object.keys(o)) {
    if (!keys.includes(key)) throw new Invalid(`${path} has an unknown field "${key}"`);
  }
}

function str(v: unknown, path: string, max: number): string {
  if (typeof v !== 'string') throw new Invalid(`${path} must be text`);
  if (v.length > max) throw new Invalid(`${path} is longer than ${max} characters`);
  return v;
}

function id(v: unknown, path: string): string {
  const s = str(v, path, MAX_ID);
  if (!s) throw new Invalid(`${path} must not be empty`);
  return s;
}

function time(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    throw new Invalid(`${path} must be a time`);
  }
  return v;
}

function int(v: unknown, path: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new Invalid(`${path} must be a whole number from ${min} to ${max}`);
  }
  return v;
}

function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') throw new Invalid(`${path} must be true or false`);
  return v;
}

function oneOf<T extends string>(v: unknown, path: string, values: readonly T[]): T {
  if (typeof v !== 'string' || !values.includes(v as T)) {
    throw new Invalid(`${path} must be one of ${values.join(', ')}`);
  }
  return v as T;
}

function list<T>(v: unknown, path: string, item: (x: unknown, path: string) => T): T[] {
  if (!Array.isArray(v)) throw new Invalid(`${path} must be a list`);
  return v.map((x, i) => item(x, `${path} ${i + 1}`));
}

/** Sets `out[key]` from `o[key]` when present; absent and undefined stay absent. */
function opt<T>(o: Obj, key: string, read: (v: unknown, path: string) => T): T | undefined {
  return o[key] === undefined ? undefined : read(o[key], key);
}

/** Drops keys whose value is undefined, so JSON and equality checks see the same record. */
function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

const isoDate = (v: unknown, path: string): string => {
  const s = str(v, path, 10);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!d || d.toISOString().slice(0, 10) !== s) throw new Invalid(`${path} must be a date`);
  return s;
};

const ROLES = ['mentor', 'mentee'] as const;

function agreement(v: unknown, path: string): Agreement {
  const o = obj(v, path);
  only(
    o,
    [
      'type',
      'cadenceDays',
      'sessionMinutes',
      'preparation',
      'responsiveness',
      'channels',
      'medium',
      'location',
      'inScope',
      'desiredOutcomes',
      'endsOn',
    ],
    path,
  );
  const text = (x: unknown, p: string) => str(x, p, MAX_TEXT);
  return compact({
    type: oneOf(o.type, 'type', ['ad-hoc', 'goal-oriented', 'time-framed'] as const),
    cadenceDays: int(o.cadenceDays, 'cadenceDays', 1, 365),
    sessionMinutes: int(o.sessionMinutes, 'sessionMinutes', 5, 240),
    preparation: opt(o, 'preparation', text),
    responsiveness: opt(o, 'responsiveness', text),
    channels: opt(o, 'channels', text),
    medium: opt(o, 'medium', (x, p) => oneOf(x, p, ['video', 'face-to-face'] as const)),
    location: opt(o, 'location', text),
    inScope: opt(o, 'inScope', text),
    desiredOutcomes: opt(o, 'desiredOutcomes', text),
    endsOn: opt(o, 'endsOn', isoDate),
  });
}

function goal(v: unknown, path: string): Goal {
  const o = obj(v, path);
  only(o, ['id', 'text', 'createdAt', 'doneAt'], path);
  return compact({
    id: id(o.id, `${path} id`),
    text: str(o.text, `${path} text`, MAX_SHORT),
    createdAt: time(o.createdAt, `${path} createdAt`),
    doneAt: opt(o, 'doneAt', (x) => time(x, `${path} doneAt`)),
  });
}

function mentorship(v: unknown): Mentorship {
  const o = obj(v, 'the record');
  only(
    o,
    [
      'id',
      'otherName',
      'myRole',
      'meetingLink',
      'agreement',
      'goals',
      'createdAt',
      'archivedAt',
      'pairId',
      'importedPacks',
    ],
    'the record',
  );
  const otherName = str(o.otherName, 'otherName', 200);
  if (!otherName.trim()) throw new Invalid('otherName must not be empty');
  return compact({
    id: id(o.id, 'id'),
    otherName,
    myRole: oneOf(o.myRole, 'myRole', ROLES),
    meetingLink: opt(o, 'meetingLink', (x, p) => str(x, p, MAX_SHORT)),
    agreement: agreement(o.agreement, 'agreement'),
    goals: list(o.goals, 'goal', goal),
    createdAt: time(o.createdAt, 'createdAt'),
    archivedAt: opt(o, 'archivedAt', time),
    pairId: opt(o, 'pairId', id),
    importedPacks: opt(o, 'importedPacks', (x, p) => list(x, p, (f, q) => str(f, q, MAX_SHORT))),
  });
}

function topicVersion(v: unknown, path: string): TopicVersion {
  const o = obj(v, path);
  only(o, ['text', 'by', 'at'], path);
  return {
    text: str(o.text, `${path} text`, MAX_SHORT),
    by: oneOf(o.by, `${path} by`, ROLES),
    at: time(o.at, `${path} at`),
  };
}

function topic(v: unknown, path: string): Topic {
  const o = obj(v, path);
  only(o, ['text', 'by', 'at', 'history'], path);
  return {
    ...topicVersion({ text: o.text, by: o.by, at: o.at }, path),
    history: list(o.history, 'earlier topic', topicVersion),
  };
}

function actionItem(v: unknown, path: string): ActionItem {
  const o = obj(v, path);
  only(o, ['id', 'text', 'createdAt', 'doneAt'], path);
  return compact({
    id: id(o.id, `${path} id`),
    text: str(o.text, `${path} text`, MAX_SHORT),
    createdAt: time(o.createdAt, `${path} createdAt`),
    doneAt: opt(o, 'doneAt', (x) => time(x, `${path} doneAt`)),
  });
}

function focus(v: unknown, path: string): NonNullable<SessionRecord['focus']> {
  const o = obj(v, path);
  only(o, ['awayMs', 'count', 'longestMs', 'presentShare'], path);
  const share = o.presentShare;
  if (typeof share !== 'number' || !(share >= 0 && share <= 1)) {
    throw new Invalid('focus presentShare must be a number from 0 to 1');
  }
  return {
    awayMs: time(o.awayMs, 'focus awayMs'),
    count: int(o.count, 'focus count', 0, 1_000_000),
    longestMs: time(o.longestMs, 'focus longestMs'),
    presentShare: share,
  };
}

function session(v: unknown): SessionRecord {
  const o = obj(v, 'the record');
  only(
    o,
    [
      'id',
      'mentorshipId',
      'adHoc',
      'kind',
      'status',
      'scheduledAt',
      'platform',
      'meetingKey',
      'startedAt',
      'endedAt',
      'aliveAt',
      'topic',
      'actionItems',
      'reflectionDismissed',
      'focus',
    ],
    'the record',
  );
  return compact({
    id: id(o.id, 'id'),
    mentorshipId: o.mentorshipId === null ? null : id(o.mentorshipId, 'mentorshipId'),
    adHoc: opt(o, 'adHoc', bool),
    kind: oneOf(o.kind, 'kind', ['regular', 'first', 'last'] as const),
    status: oneOf(o.status, 'status', ['scheduled', 'live', 'ended', 'reflected'] as const),
    scheduledAt: opt(o, 'scheduledAt', time),
    platform: opt(o, 'platform', (x, p) => oneOf(x, p, ['meet', 'zoom', 'teams'] as const)),
    meetingKey: opt(o, 'meetingKey', (x, p) => str(x, p, MAX_SHORT)),
    startedAt: opt(o, 'startedAt', time),
    endedAt: opt(o, 'endedAt', time),
    aliveAt: opt(o, 'aliveAt', time),
    topic: opt(o, 'topic', topic),
    actionItems: list(o.actionItems, 'action item', actionItem),
    reflectionDismissed: opt(o, 'reflectionDismissed', bool),
    focus: opt(o, 'focus', focus),
  });
}

function note(v: unknown): Note {
  const o = obj(v, 'the record');
  only(o, ['id', 'sessionId', 'mentorshipId', 'kind', 'author', 'text', 'updatedAt'], 'the record');
  return {
    id: id(o.id, 'id'),
    sessionId: id(o.sessionId, 'sessionId'),
    mentorshipId: o.mentorshipId === null ? null : id(o.mentorshipId, 'mentorshipId'),
    kind: oneOf(o.kind, 'kind', ['pre-session'] as const),
    author: oneOf(o.author, 'author', ROLES),
    text: str(o.text, 'text', MAX_TEXT),
    updatedAt: time(o.updatedAt, 'updatedAt'),
  };
}

function answer(v: unknown, path: string): Answer {
  const o = obj(v, path);
  only(o, ['score', 'note'], path);
  return compact({
    score: opt(o, 'score', (x) => int(x, `${path} score`, 1, 5)),
    note: opt(o, 'note', (x) => str(x, `${path} note`, MAX_TEXT)),
  });
}

function reflection(v: unknown): Reflection {
  const o = obj(v, 'the record');
  only(
    o,
    ['id', 'sessionId', 'role', 'catalogueVersion', 'answers', 'complete', 'updatedAt'],
    'the record',
  );
  const sessionId = id(o.sessionId, 'sessionId');
  const role = oneOf(o.role, 'role', ROLES);
  const rid = id(o.id, 'id');
  if (rid !== `${sessionId}:${role}`) throw new Invalid('id must be its session id and role');
  const catalogueVersion = int(o.catalogueVersion, 'catalogueVersion', 1, CATALOGUE_VERSION);
  const given = obj(o.answers, 'answers');
  const answers: Record<string, Answer> = {};
  for (const [question, a] of Object.entries(given)) {
    if (!question || question.length > MAX_ID) throw new Invalid('an answer has a bad question id');
    answers[question] = answer(a, `the answer to ${question}`);
  }
  return {
    id: rid,
    sessionId,
    role,
    catalogueVersion,
    answers,
    complete: bool(o.complete, 'complete'),
    updatedAt: time(o.updatedAt, 'updatedAt'),
  };
}

const READERS: { [K in BackupKind]: (v: unknown) => BackupData[K][number] } = {
  mentorships: mentorship,
  sessions: session,
  notes: note,
  reflections: reflection,
};

/**
 * Checks records as the database holds them (or as a file carries them) and returns clean
 * copies. Throws a BackupError naming the first bad record.
 */
export function checkBackupData(data: unknown): BackupData {
  let o: Obj;
  try {
    o = obj(data, 'data');
    only(o, BACKUP_KINDS, 'data');
  } catch {
    throw new BackupError('foreign', BACKUP_TEXT.foreign);
  }
  const out = {} as BackupData;
  for (const kind of BACKUP_KINDS) {
    const records = o[kind];
    if (!Array.isArray(records)) throw new BackupError('foreign', BACKUP_TEXT.foreign);
    const seen = new Set<string>();
    const clean = records.map((record, i) => {
      let value: BackupData[typeof kind][number];
      try {
        value = READERS[kind](record);
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        throw new BackupError(
          'invalid-record',
          BACKUP_TEXT.record(`${KIND_NAME[kind]} ${i + 1}`, error.message),
        );
      }
      if (seen.has(value.id))
        throw new BackupError('duplicate', BACKUP_TEXT.duplicate(kind, value.id));
      seen.add(value.id);
      return value;
    });
    (out as unknown as Record<BackupKind, unknown[]>)[kind] = clean;
  }
  return out;
}

function checksumOf(data: unknown): string {
  return `crc32:${crc32Hex(new TextEncoder().encode(JSON.stringify(data)))}`;
}

/** The backup file's text for these records. Throws a BackupError if a record is not valid. */
export function exportBackup(data: BackupData, now: number): string {
  const clean = checkBackupData(data);
  const file = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    checksum: checksumOf(clean),
    data: clean,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The records in a backup file's text, all checked; throws a BackupError otherwise. */
export function parseBackup(text: string): BackupData {
  if (typeof text !== 'string') throw new BackupError('foreign', BACKUP_TEXT.foreign);
  if (text.length > MAX_BACKUP_CHARS) throw new BackupError('too-large', BACKUP_TEXT.tooLarge);
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  // Not even the start of a JSON object: some other kind of file, not a damaged backup.
  if (!trimmed.startsWith('{')) throw new BackupError('foreign', BACKUP_TEXT.foreign);
  let file: unknown;
  try {
    file = JSON.parse(trimmed);
  } catch {
    // A cut-off or garbled copy of a backup still names its format near the start.
    if (trimmed.includes(`"${BACKUP_FORMAT}"`)) {
      throw new BackupError('damaged', BACKUP_TEXT.damaged);
    }
    throw new BackupError('foreign', BACKUP_TEXT.foreign);
  }
  if (typeof file !== 'object' || file === null || Array.isArray(file)) {
    throw new BackupError('foreign', BACKUP_TEXT.foreign);
  }
  const envelope = file as Obj;
  if (envelope.format !== BACKUP_FORMAT) throw new BackupError('foreign', BACKUP_TEXT.foreign);
  const version = envelope.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new BackupError('foreign', BACKUP_TEXT.foreign);
  }
  if (version > BACKUP_VERSION) throw new BackupError('newer-version', BACKUP_TEXT.newer);
  if (typeof envelope.checksum !== 'string' || envelope.checksum !== checksumOf(envelope.data)) {
    throw new BackupError('checksum', BACKUP_TEXT.checksum);
  }
  return checkBackupData(envelope.data);
}

// ---------------------------------------------------------------------------------------------
// What a restore will do, for the user to confirm.

export type RestoreMode = 'merge' | 'replace';

export interface RestoreCounts {
  /** In the backup, not here: added. */
  add: number;
  /** Here and in the backup, different: the backup's copy replaces this one. */
  replace: number;
  /** Here and in the backup, the same. */
  same: number;
  /** Here, not in the backup: removed when replacing, kept when merging. */
  remove: number;
}

export type RestorePlan = Record<BackupKind, RestoreCounts>;

/** Order-insensitive equality of two JSON-safe values. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Obj)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Obj)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameJson((a as Obj)[k], (b as Obj)[k]));
}

/** What restoring `incoming` over `current` changes, per kind of record. */
export function planRestore(
  current: BackupData,
  incoming: BackupData,
  mode: RestoreMode,
): RestorePlan {
  const plan = {} as RestorePlan;
  for (const kind of BACKUP_KINDS) {
    const here = new Map<string, unknown>(current[kind].map((r) => [r.id, r]));
    const counts: RestoreCounts = { add: 0, replace: 0, same: 0, remove: 0 };
    const there = new Set<string>();
    for (const record of incoming[kind]) {
      there.add(record.id);
      if (!here.has(record.id)) counts.add++;
      else if (sameJson(here.get(record.id), record)) counts.same++;
      else counts.replace++;
    }
    if (mode === 'replace') counts.remove = [...here.keys()].filter((k) => !there.has(k)).length;
    plan[kind] = counts;
  }
  return plan;
}

/** Whether applying the plan would change anything. */
export function restoreChangesSomething(plan: RestorePlan): boolean {
  return BACKUP_KINDS.some((k) => plan[k].add + plan[k].replace + plan[k].remove > 0);
}
