// A dropped or chosen invite file, from its bytes to the text the invite reader gets: each
// encoding calendars and mail programs write, and each file that is no invite refused with its
// own code (the pages show its sentence and book nothing: tests/unit/models/invite.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInvite } from '../../../lib/calendar/invite';
import {
  INVITE_FILE_MAX_BYTES,
  inviteFileText,
  readInviteFile,
} from '../../../lib/calendar/invite-file';
import { UserError } from '../../../lib/errors';
import { LIMITS } from '../../../lib/limits';

const google = fs.readFileSync(
  path.resolve(__dirname, '../../fixtures/invites/google-meet.ics'),
  'utf8',
);
/** Before the Google fixture's series starts. */
const NOW = Date.UTC(2029, 8, 25, 10);
const SUMMARY = 'Mentoring: Ana & Ben — «Roadmap» ✓';
const withSummary = google.replace(/^SUMMARY:.*$/m, `SUMMARY:${SUMMARY}`);

const utf16 = (text: string, le: boolean) => {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i] = le ? c & 0xff : c >> 8;
    out[3 + 2 * i] = le ? c >> 8 : c & 0xff;
  }
  return out;
};
const utf8 = (text: string) => new TextEncoder().encode(text);
/** Windows-1252: the summary's `—`, `«`, `»` are 0x97, 0xAB, 0xBB there (and ✓ has no byte). */
const cp1252 = (text: string) =>
  Uint8Array.from(
    [...text.replace('✓', '')].map((ch) => {
      const special: Record<string, number> = { '—': 0x97, '«': 0xab, '»': 0xbb };
      return special[ch] ?? ch.charCodeAt(0);
    }),
  );

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof UserError ? e.code : String(e);
  }
  return undefined;
};
const summaryOf = (text: string) => {
  const r = readInvite(text, { now: NOW, timeZone: 'Europe/Berlin' });
  return r.kind === 'book' ? r.invite.summary : undefined;
};

describe('inviteFileText', () => {
  it.each([
    ['UTF-8', utf8(withSummary), SUMMARY],
    [
      'UTF-8 with a byte-order mark',
      Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(withSummary)]),
      SUMMARY,
    ],
    ['UTF-16 little-endian (Outlook, Windows)', utf16(withSummary, true), SUMMARY],
    ['UTF-16 big-endian', utf16(withSummary, false), SUMMARY],
    ['Windows-1252 (an older export)', cp1252(withSummary), SUMMARY.replace(' ✓', ' ')],
  ])('reads %s', (_what, bytes, summary) => {
    const text = inviteFileText(bytes);
    expect(text.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(summaryOf(text)?.trim()).toBe(summary.trim());
  });

  it.each([
    ['an empty file', new Uint8Array(0), 'invite-file-empty'],
    ['a file of blank lines', utf8(' \r\n\r\n\t'), 'invite-file-empty'],
    ['a UTF-16 file with only its mark', Uint8Array.from([0xff, 0xfe]), 'invite-file-empty'],
    [
      'a picture',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'invite-file-not-calendar',
    ],
    [
      'a PDF',
      utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
      'invite-file-not-calendar',
    ],
    [
      'a contact card',
      utf8('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana\r\nEND:VCARD\r\n'),
      'invite-file-not-calendar',
    ],
    [
      'text past the limit',
      utf8(`${withSummary}${' '.repeat(LIMITS.inviteInput)}`),
      'invite-too-large',
    ],
    ['bytes past the limit', new Uint8Array(INVITE_FILE_MAX_BYTES + 1), 'invite-too-large'],
  ])('refuses %s with its own code', (_what, bytes, code) => {
    expect(codeOf(() => inviteFileText(bytes))).toBe(code);
  });
});

describe('readInviteFile', () => {
  const file = (bytes: Uint8Array, size = bytes.length) => ({
    size,
    reads: 0,
    async arrayBuffer() {
      this.reads++;
      return bytes.slice().buffer;
    },
  });

  it('reads a file into its text', async () => {
    expect(await readInviteFile(file(utf8(google)))).toBe(google);
  });

  it('refuses a file larger than an invite can be without reading it', async () => {
    const big = file(new Uint8Array(0), INVITE_FILE_MAX_BYTES + 1);
    await expect(readInviteFile(big)).rejects.toMatchObject({ code: 'invite-too-large' });
    expect(big.reads).toBe(0);
  });

  it('says a file that cannot be read is unreadable', async () => {
    const gone = {
      size: 10,
      arrayBuffer: () =>
        Promise.reject(new DOMException('A requested file could not be read', 'NotReadableError')),
    };
    await expect(readInviteFile(gone)).rejects.toMatchObject({ code: 'invite-file-unreadable' });
  });
});

describe('any bytes at all', () => {
  // A fixed seed, so a failure is the same on every run.
  let seed = 14;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const mangled = (bytes: Uint8Array) => {
    const out = bytes.slice(0, Math.floor(random() * bytes.length) + 1);
    for (let i = 0; i < 8; i++) out[Math.floor(random() * out.length)] = Math.floor(random() * 256);
    return out;
  };

  it('are read into a preview or refused with a sentence, never a crash', () => {
    const samples = [
      ...Array.from({ length: 150 }, () =>
        Uint8Array.from({ length: Math.floor(random() * 400) }, () => Math.floor(random() * 256)),
      ),
      ...Array.from({ length: 150 }, () => mangled(utf8(google))),
      ...Array.from({ length: 50 }, () => mangled(utf16(google, true))),
    ];
    for (const bytes of samples) {
      try {
        readInvite(inviteFileText(bytes), { now: NOW, timeZone: 'Europe/Berlin' });
      } catch (e) {
        expect(e).toBeInstanceOf(UserError);
      }
    }
  });
});
