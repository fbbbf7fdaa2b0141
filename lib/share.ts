// Share packs: what mentor and mentee send each other by email or chat (there is no server).
//
// `encodePack` turns a pack into a whole message: readable sections for the person, a one-line
// hint, then a compact block that survives email (quoting, re-wrapping, CRLF, forwarding,
// signatures, odd spaces). `decodePack` finds the block in whatever was pasted and returns the
// pack, or throws a `ShareError` whose message is one sentence for the user.
// The format is described for other tools in docs/share-format.md.
//
// Pure: no clock, no browser APIs beyond TextEncoder/TextDecoder.

import { crc32Hex } from './crc32';

/** The format version written by this code, in the block header and as the pack's `v`. */
export const PACK_VERSION = 1;

/** Pasted text longer than this is refused before any parsing. */
export const MAX_INPUT_CHARS = 2_000_000;

/** Payload characters per line inside the block. */
export const PAYLOAD_LINE_WIDTH = 64;

export const PACK_BEGIN = '-----BEGIN MENTOR COMPANION PACK-----';
export const PACK_END = '-----END MENTOR COMPANION PACK-----';

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

export type ShareErrorCode =
  | 'no-pack'
  | 'too-long'
  | 'incomplete'
  | 'damaged'
  | 'newer-version'
  | 'invalid'
  | 'too-long-to-share';

/** Every error thrown here: `message` is one sentence to show the user; `code` is for code. */
export class ShareError extends Error {
  readonly code: ShareErrorCode;
  constructor(code: ShareErrorCode, message: string) {
    super(message);
    this.name = 'ShareError';
    this.code = code;
  }
}

/** Every English string of share messages and errors, in one place for localization. */
export const SHARE_TEXT = {
  kindTitle: {
    'pre-session': 'Pre-session notes',
    topic: 'Proposed topic',
    summary: 'Session summary',
  } satisfies Record<PackKind, string>,
  role: { mentor: 'mentor', mentee: 'mentee' } satisfies Record<PackFrom, string>,
  /** `packSubject`: "Pre-session notes: <topic>". */
  subject: (kindTitle: string, topic: string): string =>
    topic ? `${kindTitle}: ${topic}` : kindTitle,
  /** First line of the message: "Pre-session notes from Ben (mentee) to Ana (mentor)". */
  titleLine: (kindTitle: string, from: string, to?: string): string =>
    to ? `${kindTitle} from ${from} to ${to}` : `${kindTitle} from ${from}`,
  namedPerson: (name: string, role: string): string => `${name} (${role})`,
  unnamedPerson: (role: string): string => `the ${role}`,
  sessionLine: (when: string): string => `Session: ${when}`,
  headings: {
    topic: 'Topic:',
    summary: 'Summary:',
    notes: 'Notes:',
    questions: 'Questions:',
    actionItems: 'Action items:',
  },
  pasteHint: 'Paste this whole message into Mentor Companion to import it.',
  errors: {
    noPack:
      'No Mentor Companion pack was found in this text; paste the whole message you received, including the block at its end.',
    tooLong: `This text is too long to be a Mentor Companion message (over 2,000,000 characters); paste only the message you received.`,
    incomplete:
      'The Mentor Companion pack in this text is incomplete, as if it was cut off on the way; paste the whole message again, or ask the sender to send it again.',
    damaged:
      'The Mentor Companion pack in this text was changed or damaged on its way to you; ask the sender to send it again.',
    newerVersion:
      'This pack was made by a newer version of Mentor Companion; update the extension and then import it again.',
    invalid: (field?: string): string =>
      field
        ? `This pack is not in the form Mentor Companion expects (its “${field}” is missing or wrong); ask the sender to share it again from Mentor Companion.`
        : 'This pack is not in the form Mentor Companion expects; ask the sender to share it again from Mentor Companion.',
    tooLongToShare:
      'This is too much text to share in one message; shorten the notes and try again.',
  },
} as const;

// ---------------------------------------------------------------------------------------------
// Validation

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

function invalid(field?: string): never {
  throw new ShareError('invalid', SHARE_TEXT.errors.invalid(field));
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

function checkKeys(obj: Record<string, unknown>, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) invalid(path ? `${path}.${key}` : key);
  }
}

function str(x: unknown, path: string): string {
  if (typeof x !== 'string') invalid(path);
  return x;
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
  if (!isIsoDateTime(s)) invalid(path);
  return s;
}

function strList(x: unknown, path: string): string[] {
  if (!Array.isArray(x)) invalid(path);
  const out: string[] = [];
  for (let i = 0; i < x.length; i++) out.push(str(x[i], `${path}[${i}]`));
  return out;
}

/**
 * Checks that `x` is a pack of this format version, strictly (no unknown keys, every type
 * right), and returns a fresh copy. Optional keys set to `undefined` count as absent.
 * Throws a ShareError ('newer-version' or 'invalid') with one sentence for the user.
 */
export function validatePack(x: unknown): Pack {
  if (!isPlainObject(x)) invalid();
  checkKeys(x, PACK_KEYS, '');
  const { v } = x;
  if (typeof v === 'number' && Number.isInteger(v) && v > PACK_VERSION) {
    throw new ShareError('newer-version', SHARE_TEXT.errors.newerVersion);
  }
  if (v !== PACK_VERSION) invalid('v');
  const kind = str(x.kind, 'kind');
  if (!KINDS.includes(kind)) invalid('kind');
  const from = str(x.from, 'from');
  if (!ROLES.includes(from)) invalid('from');
  const pack: Pack = {
    v: PACK_VERSION,
    kind: kind as PackKind,
    from: from as PackFrom,
    topic: str(x.topic, 'topic'),
    notes: str(x.notes, 'notes'),
    createdAt: isoDateTime(x.createdAt, 'createdAt'),
  };
  if (x.mentorship !== undefined) {
    const m = x.mentorship;
    if (!isPlainObject(m)) invalid('mentorship');
    checkKeys(m, MENTORSHIP_KEYS, 'mentorship');
    const id = str(m.id, 'mentorship.id');
    if (id === '') invalid('mentorship.id');
    const mentorship: NonNullable<Pack['mentorship']> = { id };
    if (m.mentorName !== undefined)
      mentorship.mentorName = str(m.mentorName, 'mentorship.mentorName');
    if (m.menteeName !== undefined)
      mentorship.menteeName = str(m.menteeName, 'mentorship.menteeName');
    pack.mentorship = mentorship;
  }
  if (x.session !== undefined) {
    const s = x.session;
    if (!isPlainObject(s)) invalid('session');
    checkKeys(s, SESSION_KEYS, 'session');
    const session: NonNullable<Pack['session']> = {};
    if (s.id !== undefined) session.id = str(s.id, 'session.id');
    if (s.scheduledAt !== undefined) {
      session.scheduledAt = isoDateTime(s.scheduledAt, 'session.scheduledAt');
    }
    pack.session = session;
  }
  if (x.questions !== undefined) pack.questions = strList(x.questions, 'questions');
  if (x.actionItems !== undefined) pack.actionItems = strList(x.actionItems, 'actionItems');
  if (x.summary !== undefined) pack.summary = str(x.summary, 'summary');
  return pack;
}

// ---------------------------------------------------------------------------------------------
// base64url (RFC 4648 §5, with `=` padding so standard decoders accept it)

const B64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_LOOKUP: Int8Array = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i++) t[B64_ALPHABET.charCodeAt(i)] = i;
  return t;
})();

function b64char(n: number): string {
  return B64_ALPHABET[n & 63] as string;
}

function base64urlEncode(bytes: Uint8Array): string {
  const out: string[] = [];
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n =
      ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out.push(b64char(n >> 18) + b64char(n >> 12) + b64char(n >> 6) + b64char(n));
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] as number) << 16;
    out.push(`${b64char(n >> 18)}${b64char(n >> 12)}==`);
  } else if (rest === 2) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8);
    out.push(`${b64char(n >> 18)}${b64char(n >> 12)}${b64char(n >> 6)}=`);
  }
  return out.join('');
}

/** Decodes base64url with or without padding; null when it is not valid base64url. */
function base64urlDecode(text: string): Uint8Array | null {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end--;
  const padding = text.length - end;
  if (padding > 2 || (padding > 0 && text.length % 4 !== 0)) return null;
  const tail = end % 4;
  if (tail === 1) return null;
  const out = new Uint8Array(Math.floor(end / 4) * 3 + (tail === 0 ? 0 : tail - 1));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const d = c < 128 ? (B64_LOOKUP[c] as number) : -1;
    if (d < 0) return null;
    acc = ((acc << 6) | d) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The block

// Reading squeezes the text first: every character a mail client may add, drop or turn into
// another (whitespace of any kind and line breaks, `>` and `|` quote marks, invisible format
// marks) is removed everywhere. What is left of a block is its exact characters, wherever the
// lines were broken, split or quoted, and even a marker line split inside a word still reads.
const NOISE_CLASS = '\\s>|\\u00ad\\u180e\\u200b-\\u200d\\u2060';
const NOISE_RE = new RegExp(`[${NOISE_CLASS}]+`, 'g');
const KEPT_RUN_RE = new RegExp(`[^${NOISE_CLASS}]+`, 'g');

/**
 * A marker in squeezed text. It starts at the last three dashes before BEGIN/END (so matching
 * stays linear on long runs of dashes) and takes three dashes after PACK.
 */
function markerRegExp(): RegExp {
  return /---(BEGIN|END)MENTORCOMPANIONPACK---/gi;
}

/** What is left of a marker when the text was cut inside it. */
const PARTIAL_MARKER_RE = /---BEGINMENTOR|MENTORCOMPANIONPACK---/i;

/** Dashes a writer puts before END beyond the three the marker pattern takes. */
const END_EXTRA_DASHES = 2;

function squeeze(text: string): string {
  return text.replace(NOISE_RE, '');
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** The header fields other than crc32, then the payload: the text the CRC-32 covers. */
function checksummedText(fields: readonly (readonly [string, string])[], payload: string): string {
  let text = '';
  for (const [key, value] of fields) if (key !== 'crc32') text += `${key}=${value};`;
  return text + payload;
}

function buildBlock(pack: Pack): string {
  const payload = base64urlEncode(utf8(JSON.stringify(pack)));
  const fields: [string, string][] = [
    ['v', String(PACK_VERSION)],
    ['len', String(payload.length)],
  ];
  const crc = crc32Hex(utf8(checksummedText(fields, payload)));
  const lines = [PACK_BEGIN, `v=${PACK_VERSION}; len=${payload.length}; crc32=${crc};`];
  for (let i = 0; i < payload.length; i += PAYLOAD_LINE_WIDTH) {
    lines.push(payload.slice(i, i + PAYLOAD_LINE_WIDTH));
  }
  lines.push(PACK_END);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// The readable part

const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for people: LF line breaks, and no lone surrogate (a mailto URL could not carry it). */
function humanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(LONE_SURROGATE_RE, '\uFFFD');
}

/**
 * Makes marker look-alikes in the readable part (a pasted old message inside the notes, say)
 * unreadable as markers, so that only the real block is found: their leading dashes become
 * U+2010 hyphens. The payload keeps the notes exactly.
 */
function defuseMarkers(text: string): string {
  let out = text;
  for (;;) {
    // Squeeze, remembering where each kept run came from.
    const runs: { at: number; from: number }[] = [];
    let squeezed = '';
    for (const m of out.matchAll(KEPT_RUN_RE)) {
      runs.push({ at: squeezed.length, from: m.index });
      squeezed += m[0];
    }
    const origin = (i: number): number => {
      let lo = 0;
      let hi = runs.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((runs[mid] as { at: number }).at <= i) lo = mid;
        else hi = mid - 1;
      }
      const run = runs[lo] as { at: number; from: number };
      return run.from + (i - run.at);
    };
    const hits: number[] = [];
    for (const m of squeezed.matchAll(markerRegExp())) {
      for (let k = 0; k < 3; k++) hits.push(origin(m.index + k));
    }
    if (hits.length === 0) return out;
    const chars = out.split('');
    for (const i of hits) chars[i] = '\u2010';
    out = chars.join('');
  }
}

function formatWhen(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${m[1]} ${m[2]} ${m[3] === 'Z' ? 'UTC' : `UTC${m[3]}`}`;
}

function person(role: PackFrom, name: string | undefined): string {
  const r = SHARE_TEXT.role[role];
  const n = name === undefined ? '' : oneLine(name, 60);
  return n ? SHARE_TEXT.namedPerson(n, r) : SHARE_TEXT.unnamedPerson(r);
}

function nameOf(pack: Pack, role: PackFrom): string | undefined {
  return role === 'mentor' ? pack.mentorship?.mentorName : pack.mentorship?.menteeName;
}

function bulletList(items: readonly string[]): string {
  return items.map((item) => `- ${humanText(item).split('\n').join('\n  ')}`).join('\n');
}

function readablePart(pack: Pack): string {
  const t = SHARE_TEXT;
  const other: PackFrom = pack.from === 'mentor' ? 'mentee' : 'mentor';
  const otherName = nameOf(pack, other);
  const head = [
    t.titleLine(
      t.kindTitle[pack.kind],
      person(pack.from, nameOf(pack, pack.from)),
      otherName?.trim() ? person(other, otherName) : undefined,
    ),
  ];
  if (pack.session?.scheduledAt) head.push(t.sessionLine(formatWhen(pack.session.scheduledAt)));
  const sections = [head.join('\n')];
  const section = (heading: string, body: string) => {
    if (body.trim()) sections.push(`${heading}\n${body}`);
  };
  section(t.headings.topic, humanText(pack.topic));
  section(t.headings.summary, humanText(pack.summary ?? ''));
  section(t.headings.notes, humanText(pack.notes));
  section(t.headings.questions, bulletList(pack.questions ?? []));
  section(t.headings.actionItems, bulletList(pack.actionItems ?? []));
  sections.push(t.pasteHint);
  return defuseMarkers(sections.join('\n\n'));
}

/** Whitespace collapsed to single spaces, cut to `max` code points with an ellipsis. */
function oneLine(text: string, max: number): string {
  const flat = humanText(text).replace(/\s+/g, ' ').trim();
  const points = Array.from(flat);
  return points.length > max
    ? `${points
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`
    : flat;
}

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * The whole message to send: readable sections, the paste hint, then the block. Lines end in
 * LF. Throws a ShareError when the pack is not valid or the message would be too long to import.
 */
export function encodePack(pack: Pack): string {
  const valid = validatePack(pack);
  const message = `${readablePart(valid)}\n\n${buildBlock(valid)}\n`;
  if (message.length > MAX_INPUT_CHARS) {
    throw new ShareError('too-long-to-share', SHARE_TEXT.errors.tooLongToShare);
  }
  return message;
}

/**
 * Finds the first complete block in `text` (a whole message, a reply thread, or just the
 * block) and returns its pack. The first one wins because the newest message of a thread is on
 * top. Throws a ShareError with one sentence for the user.
 */
export function decodePack(text: string): Pack {
  if (typeof text !== 'string') throw new ShareError('no-pack', SHARE_TEXT.errors.noPack);
  if (text.length > MAX_INPUT_CHARS) throw new ShareError('too-long', SHARE_TEXT.errors.tooLong);
  const squeezed = squeeze(text);
  const markers = Array.from(squeezed.matchAll(markerRegExp()), (m) => ({
    begin: (m[1] as string).toUpperCase() === 'BEGIN',
    start: m.index,
    end: m.index + m[0].length,
  }));
  for (let i = 0; i + 1 < markers.length; i++) {
    const open = markers[i];
    const close = markers[i + 1];
    if (open?.begin && close && !close.begin) {
      // The header starts with a letter, so every dash after BEGIN belongs to the marker; the
      // payload may end in a dash, so only the writer's own dashes before END are dropped.
      let start = open.end;
      while (start < close.start && squeezed[start] === '-') start++;
      let end = close.start;
      for (let k = 0; k < END_EXTRA_DASHES && end > start && squeezed[end - 1] === '-'; k++) end--;
      return readBlock(squeezed.slice(start, end));
    }
  }
  if (markers.length > 0 || PARTIAL_MARKER_RE.test(squeezed)) {
    throw new ShareError('incomplete', SHARE_TEXT.errors.incomplete);
  }
  throw new ShareError('no-pack', SHARE_TEXT.errors.noPack);
}

function damaged(): never {
  throw new ShareError('damaged', SHARE_TEXT.errors.damaged);
}

/** Reads the squeezed text between the markers: `k=v;` header fields, then the payload. */
function readBlock(body: string): Pack {
  const split = body.lastIndexOf(';');
  if (split < 0) {
    if (body === '') throw new ShareError('incomplete', SHARE_TEXT.errors.incomplete);
    damaged();
  }
  const payload = body.slice(split + 1);
  const fields: [string, string][] = [];
  const byKey = new Map<string, string>();
  for (const field of body.slice(0, split).split(';')) {
    const m = /^([a-z][a-z0-9_-]*)=([^=]*)$/.exec(field);
    if (!m) damaged();
    const key = m[1] as string;
    if (byKey.has(key)) damaged();
    byKey.set(key, m[2] as string);
    fields.push([key, m[2] as string]);
  }
  const version = byKey.get('v') ?? '';
  const length = byKey.get('len') ?? '';
  const crc = byKey.get('crc32') ?? '';
  if (!/^\d{1,6}$/.test(version) || !/^\d{1,9}$/.test(length) || !/^[0-9a-f]{8}$/i.test(crc)) {
    damaged();
  }
  if (crc32Hex(utf8(checksummedText(fields, payload))) !== crc.toLowerCase()) {
    if (payload.length < Number(length)) {
      throw new ShareError('incomplete', SHARE_TEXT.errors.incomplete);
    }
    damaged();
  }
  // The header layout and checksum rule hold for every version, so a newer block is recognised
  // (and told apart from a damaged one) even when its payload means something else.
  if (Number(version) > PACK_VERSION) {
    throw new ShareError('newer-version', SHARE_TEXT.errors.newerVersion);
  }
  if (Number(version) !== PACK_VERSION) invalid('v');
  if (payload.length !== Number(length)) invalid('len');
  const bytes = base64urlDecode(payload);
  if (!bytes) invalid();
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    invalid();
  }
  return validatePack(value);
}

/** A subject line for the pack, e.g. "Pre-session notes: Roadmap reviews". */
export function packSubject(pack: Pack): string {
  return SHARE_TEXT.subject(SHARE_TEXT.kindTitle[pack.kind], oneLine(pack.topic, 80));
}

function encodeMailtoPart(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE_RE, '\uFFFD'));
}

/**
 * A `mailto:` URL (RFC 6068) with the subject and the whole message as body, its line breaks
 * as CRLF (%0D%0A). `to` may hold several addresses separated by commas.
 */
export function mailtoUrl(pack: Pack, opts: { to?: string; subject?: string } = {}): string {
  const to = encodeMailtoPart((opts.to ?? '').trim())
    .replace(/%40/g, '@')
    .replace(/%2C/gi, ',');
  const subject = (opts.subject ?? packSubject(pack)).replace(/[\r\n]+/g, ' ');
  const body = encodePack(pack).replace(/\r?\n/g, '\r\n');
  return `mailto:${to}?subject=${encodeMailtoPart(subject)}&body=${encodeMailtoPart(body)}`;
}
