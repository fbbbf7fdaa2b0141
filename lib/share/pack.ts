// The share pack: what the block at the end of a message carries, as JSON, and the strict check
// every pack passes before it is written out or read in (docs/share-format.md, "Pack").
//
// Fields that become parts of records on the other side (the pairing id, the session id, the
// names, the topic, the action items) go through the record schema's own checks
// (lib/backup/schema.ts), so a pack never carries what a record could not hold.
//
// Pure: no browser, no clock.

import { Invalid } from '../backup/fields';
import { recordPart } from '../backup/schema';
import { UserError } from '../errors';

/** The format version written by this code, in the block header and as the pack's `v`. */
export const PACK_VERSION = 1;

export type PackKind = 'pre-session' | 'topic' | 'summary';
export type PackFrom = 'mentor' | 'mentee';

/** A share pack: a plain JSON-safe object. Optional fields are absent, never null. */
export interface Pack {
  /** Format version: always PACK_VERSION. */
  v: typeof PACK_VERSION;
  kind: PackKind;
  /** Who wrote the pack. */
  from: PackFrom;
  topic: string;
  notes: string;
  /** ISO 8601 date-time with a zone (`Z` or `±hh:mm`), e.g. `2026-11-03T10:00:00.000Z`. */
  createdAt: string;
  /** The pairing both sides share, so an import lands on the right mentorship. */
  mentorship?: { id: string; mentorName?: string; menteeName?: string };
  session?: { id?: string /** ISO 8601 date-time */; scheduledAt?: string };
  questions?: string[];
  actionItems?: string[];
  summary?: string;
}

const KINDS: readonly string[] = ['pre-session', 'topic', 'summary'];
const ROLES: readonly string[] = ['mentor', 'mentee'];
const PACK_KEYS: readonly string[] = [
  'v',
  'kind',
  'from',
  'topic',
  'notes',
  'createdAt',
  'mentorship',
  'session',
  'questions',
  'actionItems',
  'summary',
];
const MENTORSHIP_KEYS: readonly string[] = ['id', 'mentorName', 'menteeName'];
const SESSION_KEYS: readonly string[] = ['id', 'scheduledAt'];

/** A pack not in the expected form; `cause` names the field (a path), for logs and tests. */
export function invalidPack(field = ''): never {
  throw new UserError('pack-invalid', [], { cause: field });
}

function isPlainRecord(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

function checkKeys(obj: Record<string, unknown>, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) invalidPack(path ? `${path}.${key}` : key);
  }
}

function str(x: unknown, path: string): string {
  if (typeof x !== 'string') invalidPack(path);
  return x;
}

/** Runs a record-schema check, turning its refusal into the pack's. */
function part<T>(read: (x: unknown, path: string) => T, x: unknown, path: string): T {
  try {
    return read(x, path);
  } catch (error) {
    if (error instanceof Invalid) invalidPack(error.path || path);
    throw error;
  }
}

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** An ISO 8601 / RFC 3339 date-time with a zone; seconds and fractions optional. */
export function isIsoDateTime(x: string): boolean {
  const m = ISO_RE.exec(x);
  if (!m) return false;
  const [year, month, day, hour, minute, second, offH, offM] = m
    .slice(1)
    .map((s) => (s === undefined ? 0 : Number(s))) as number[] as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day <= days && hour <= 23 && minute <= 59 && second <= 59 && offH <= 23 && offM <= 59;
}

function isoDateTime(x: unknown, path: string): string {
  const s = str(x, path);
  if (!isIsoDateTime(s)) invalidPack(path);
  return s;
}

function strList(x: unknown, path: string): string[] {
  if (!Array.isArray(x)) invalidPack(path);
  const out: string[] = [];
  for (let i = 0; i < x.length; i++) out.push(str(x[i], `${path}[${i}]`));
  return out;
}

/**
 * Checks that `x` is a pack of this format version, strictly (no unknown keys, every type
 * right, record parts within the records' limits), and returns a fresh copy. Optional keys set
 * to `undefined` count as absent. Throws a UserError: `pack-newer` or `pack-invalid`.
 */
export function validatePack(x: unknown): Pack {
  if (!isPlainRecord(x)) invalidPack();
  checkKeys(x, PACK_KEYS, '');
  const { v } = x;
  if (typeof v === 'number' && Number.isInteger(v) && v > PACK_VERSION) {
    throw new UserError('pack-newer');
  }
  if (v !== PACK_VERSION) invalidPack('v');
  const kind = str(x.kind, 'kind');
  if (!KINDS.includes(kind)) invalidPack('kind');
  const from = str(x.from, 'from');
  if (!ROLES.includes(from)) invalidPack('from');
  const pack: Pack = {
    v: PACK_VERSION,
    kind: kind as PackKind,
    from: from as PackFrom,
    topic: part(recordPart.topic, x.topic, 'topic'),
    notes: str(x.notes, 'notes'),
    createdAt: isoDateTime(x.createdAt, 'createdAt'),
  };
  if (x.mentorship !== undefined) {
    const m = x.mentorship;
    if (!isPlainRecord(m)) invalidPack('mentorship');
    checkKeys(m, MENTORSHIP_KEYS, 'mentorship');
    const mentorship: NonNullable<Pack['mentorship']> = {
      id: part(recordPart.id, m.id, 'mentorship.id'),
    };
    if (m.mentorName !== undefined) {
      mentorship.mentorName = part(recordPart.name, m.mentorName, 'mentorship.mentorName');
    }
    if (m.menteeName !== undefined) {
      mentorship.menteeName = part(recordPart.name, m.menteeName, 'mentorship.menteeName');
    }
    pack.mentorship = mentorship;
  }
  if (x.session !== undefined) {
    const s = x.session;
    if (!isPlainRecord(s)) invalidPack('session');
    checkKeys(s, SESSION_KEYS, 'session');
    const session: NonNullable<Pack['session']> = {};
    // An empty session id is no id (the import then finds the session by its time); any other
    // is a record id.
    if (s.id !== undefined) session.id = s.id === '' ? '' : part(recordPart.id, s.id, 'session.id');
    if (s.scheduledAt !== undefined) {
      session.scheduledAt = isoDateTime(s.scheduledAt, 'session.scheduledAt');
    }
    pack.session = session;
  }
  if (x.questions !== undefined) pack.questions = strList(x.questions, 'questions');
  if (x.actionItems !== undefined) {
    const items = (v: unknown, p: string) =>
      recordPart.actionItems(v, p, recordPart.actionItemText);
    pack.actionItems = part(items, x.actionItems, 'actionItems');
  }
  if (x.summary !== undefined) pack.summary = str(x.summary, 'summary');
  return pack;
}
