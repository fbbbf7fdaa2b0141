// The block at the end of a share message: the pack's JSON as base64url lines between two
// marker lines, under a header with the version, the length and a CRC-32 (docs/share-format.md,
// "Block" and "Reading"). Writing is plain; reading finds the block in whatever a mail client
// made of the message: quoted, re-wrapped at any width, CRLF, odd spaces, a reply thread.
//
// Pure: no clock, no browser APIs beyond TextEncoder/TextDecoder.

import { crc32Hex } from '../crc32';
import { UserError } from '../errors';
import { LIMITS } from '../limits';
import { invalidPack, PACK_VERSION } from './pack';

/** Pasted text longer than this is refused before any parsing. */
export const MAX_INPUT_CHARS = LIMITS.shareInput;

/** Payload characters per line inside the block. */
export const PAYLOAD_LINE_WIDTH = 64;

export const PACK_BEGIN = '-----BEGIN MENTOR COMPANION PACK-----';
export const PACK_END = '-----END MENTOR COMPANION PACK-----';

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
// Squeezing and markers

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

/**
 * Makes marker look-alikes in the readable part (a pasted old message inside the notes, say)
 * unreadable as markers, so that only the real block is found: their leading dashes become
 * U+2010 hyphens. The payload keeps the notes exactly.
 */
export function defuseMarkers(text: string): string {
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

// ---------------------------------------------------------------------------------------------
// Writing and reading

/** The header fields other than crc32, then the payload: the text the CRC-32 covers. */
function checksummedText(fields: readonly (readonly [string, string])[], payload: string): string {
  let text = '';
  for (const [key, value] of fields) if (key !== 'crc32') text += `${key}=${value};`;
  return text + payload;
}

/** The block carrying `json` (a pack as JSON text), lines joined by LF. */
export function buildBlock(json: string): string {
  const payload = base64urlEncode(utf8(json));
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

/**
 * Finds the first complete block in `text` (a whole message, a reply thread, or just the
 * block) and returns the JSON value it carries, not yet checked as a pack. The first one wins
 * because the newest message of a thread is on top. Throws a UserError: `pack-too-large`,
 * `pack-none`, `pack-truncated`, `pack-damaged`, `pack-newer` or `pack-invalid`.
 */
export function readBlock(text: string): unknown {
  if (typeof text !== 'string') throw new UserError('pack-none');
  if (text.length > MAX_INPUT_CHARS) throw new UserError('pack-too-large');
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
      return readBody(squeezed.slice(start, end));
    }
  }
  if (markers.length > 0 || PARTIAL_MARKER_RE.test(squeezed)) {
    throw new UserError('pack-truncated');
  }
  throw new UserError('pack-none');
}

function damaged(): never {
  throw new UserError('pack-damaged');
}

/** Reads the squeezed text between the markers: `k=v;` header fields, then the payload. */
function readBody(body: string): unknown {
  const split = body.lastIndexOf(';');
  if (split < 0) {
    if (body === '') throw new UserError('pack-truncated');
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
    if (payload.length < Number(length)) throw new UserError('pack-truncated');
    damaged();
  }
  // The header layout and checksum rule hold for every version, so a newer block is recognised
  // (and told apart from a damaged one) even when its payload means something else.
  if (Number(version) > PACK_VERSION) throw new UserError('pack-newer');
  if (Number(version) !== PACK_VERSION) invalidPack('v');
  if (payload.length !== Number(length)) invalidPack('len');
  const bytes = base64urlDecode(payload);
  if (!bytes) invalidPack();
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    invalidPack();
  }
}
