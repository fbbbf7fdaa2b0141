// Backups: every mentorship, session, note and reflection in one JSON file the user keeps.
//
// The file is an envelope around the records:
//
//   { "format": "mentor-companion-backup", "version": 1, "exportedAt": "<ISO 8601>",
//     "counts": { "mentorships": 2, "sessions": 9, "notes": 4, "reflections": 6 },
//     "checksum": "crc32:<8 hex digits>", "data": { mentorships, sessions, notes, reflections } }
//
// The checksum is the CRC-32 of the UTF-8 bytes of `JSON.stringify(data)`. JSON.parse keeps key
// order, so re-stringifying what was read gives the same bytes however the file was re-indented;
// a changed value or a truncated copy does not. `counts` (absent in files of older versions) says
// what the file holds, for a person reading it; a file whose counts disagree with its data was
// changed after it was saved.
//
// `exportBackup` writes what the database holds, as it is: the user's own data is never refused,
// even a record an older version wrote beyond today's limits. `parseBackup` checks everything
// before anything is written: the envelope, the version, the checksum, then every record against
// the schema (lib/backup/schema.ts), ids unique per kind, and every note, reflection and session
// belonging to something. A refusal is a `UserError` (`backup-*`), one sentence for the user.
//
// Pure: no clock (times are parameters), no browser APIs beyond TextEncoder.

import { crc32Hex } from '../crc32';
import { UserError } from '../errors';
import { LIMITS } from '../limits';
import { Invalid } from './fields';
import { BACKUP_KINDS, type BackupData, type BackupKind, RECORD_READERS } from './schema';

export const BACKUP_FORMAT = 'mentor-companion-backup';
/** The file version this code writes; it reads this one and every earlier one. */
export const BACKUP_VERSION = 1;
/** A file longer than this is refused before parsing (about 50 MB of text). */
export const MAX_BACKUP_CHARS = LIMITS.backupInput;

type Obj = Record<string, unknown>;

const kindParam = (kind: BackupKind) => `@recordKind_${kind}`;

/**
 * Checks records (as a file carries them, or as a restore is given them) and returns clean
 * copies: each record against the schema, ids unique per kind, and nothing that belongs to what
 * is missing: a session's mentorship, a note's or reflection's session must be in `data`, or in
 * `here` (what the database holds, when merging into it). Throws a UserError naming the first
 * bad record; its `cause` says which field, for logs and tests.
 */
export function checkBackupData(data: unknown, here?: BackupData): BackupData {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UserError('backup-foreign');
  }
  const o = data as Obj;
  if (Object.keys(o).some((k) => !BACKUP_KINDS.includes(k as BackupKind))) {
    throw new UserError('backup-foreign');
  }
  const out = {} as Record<BackupKind, { id: string }[]>;
  for (const kind of BACKUP_KINDS) {
    const records = o[kind];
    if (!Array.isArray(records)) throw new UserError('backup-foreign');
    const seen = new Set<string>();
    // Array.from visits the holes of a sparse list too (map would skip them and keep them).
    out[kind] = Array.from(records, (record: unknown, i) => {
      let value: { id: string };
      try {
        value = RECORD_READERS[kind](record);
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        throw new UserError('backup-record', [kindParam(kind), i + 1], { cause: error.message });
      }
      if (seen.has(value.id)) throw new UserError('backup-duplicate', [kindParam(kind), value.id]);
      seen.add(value.id);
      return value;
    });
  }
  const clean = out as unknown as BackupData;
  refuseOrphans(clean, here);
  return clean;
}

function refuseOrphans(data: BackupData, here: BackupData | undefined): void {
  const ids = (kind: 'mentorships' | 'sessions') =>
    new Set([...data[kind], ...(here?.[kind] ?? [])].map((r) => r.id));
  const mentorships = ids('mentorships');
  const sessions = ids('sessions');
  const orphan = (kind: BackupKind, i: number) => {
    if (i >= 0) throw new UserError('backup-orphan', [kindParam(kind), i + 1]);
  };
  orphan(
    'sessions',
    data.sessions.findIndex((s) => s.mentorshipId !== null && !mentorships.has(s.mentorshipId)),
  );
  orphan(
    'notes',
    data.notes.findIndex((n) => !sessions.has(n.sessionId)),
  );
  orphan(
    'reflections',
    data.reflections.findIndex((r) => !sessions.has(r.sessionId)),
  );
}

function checksumOf(data: unknown): string {
  return `crc32:${crc32Hex(new TextEncoder().encode(JSON.stringify(data)))}`;
}

function countsOf(data: BackupData): Record<BackupKind, number> {
  return Object.fromEntries(BACKUP_KINDS.map((k) => [k, data[k].length])) as Record<
    BackupKind,
    number
  >;
}

/**
 * The backup file's text for these records, written as they are: exporting never refuses the
 * user's own data. (A record an older version wrote beyond today's limits is named when the
 * file is restored.)
 */
export function exportBackup(data: BackupData, now: number): string {
  const records = {} as BackupData;
  for (const kind of BACKUP_KINDS) (records as Record<BackupKind, unknown[]>)[kind] = data[kind];
  const file = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    counts: countsOf(records),
    checksum: checksumOf(records),
    data: records,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * The records in a backup file's text, all checked (against `here` too, when merging into what
 * the database holds); throws a UserError otherwise.
 */
export function parseBackup(text: string, here?: BackupData): BackupData {
  if (typeof text !== 'string') throw new UserError('backup-foreign');
  if (text.length > MAX_BACKUP_CHARS) throw new UserError('backup-too-large');
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  // Not even the start of a JSON object: some other kind of file, not a damaged backup.
  if (!trimmed.startsWith('{')) throw new UserError('backup-foreign');
  let file: unknown;
  try {
    file = JSON.parse(trimmed);
  } catch {
    // A cut-off or garbled copy of a backup still names its format near the start.
    if (trimmed.includes(`"${BACKUP_FORMAT}"`)) throw new UserError('backup-damaged');
    throw new UserError('backup-foreign');
  }
  if (typeof file !== 'object' || file === null || Array.isArray(file)) {
    throw new UserError('backup-foreign');
  }
  const envelope = file as Obj;
  if (envelope.format !== BACKUP_FORMAT) throw new UserError('backup-foreign');
  const version = envelope.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new UserError('backup-foreign');
  }
  if (version > BACKUP_VERSION) throw new UserError('backup-newer');
  if (typeof envelope.checksum !== 'string' || envelope.checksum !== checksumOf(envelope.data)) {
    throw new UserError('backup-checksum');
  }
  const clean = checkBackupData(envelope.data, here);
  if (envelope.counts !== undefined && !sameJson(envelope.counts, countsOf(clean))) {
    throw new UserError('backup-checksum');
  }
  return clean;
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
