import { afterEach, describe, expect, it, vi } from 'vitest';
import { crc32Hex } from '../../../lib/crc32';
import { type ErrorCode, UserError } from '../../../lib/errors';
import { LIMITS } from '../../../lib/limits';
import { MAX_INPUT_CHARS, PACK_BEGIN, PACK_END } from '../../../lib/share/block';
import { decodePack, encodePack } from '../../../lib/share/message';
import type { Pack } from '../../../lib/share/pack';
import { sentenceIn } from '../sentences';
import { BASE, blockLines, FULL, gmailReply, quote, wrap } from './mail';

/** The error decodePack throws for `text` (fails the test when it returns). */
function errorOf(text: string): UserError {
  try {
    decodePack(text);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    expect(e).toBeInstanceOf(Error);
    return e as UserError;
  }
  throw new Error('decodePack did not throw');
}

/** decodePack refuses `text` with `code`; for `pack-invalid`, naming `field` (its cause). */
function expectError(text: string, code: ErrorCode, field?: string): void {
  const error = errorOf(text);
  expect(error.code).toBe(code);
  if (field !== undefined) expect(error.cause).toBe(field);
}

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');

/** A block built by hand, with a correct checksum unless `crc` is given. */
function handBlock(payload: string, opts: { v?: number; len?: number; crc?: string } = {}): string {
  const v = opts.v ?? 1;
  const len = opts.len ?? payload.length;
  const crc = opts.crc ?? crc32Hex(new TextEncoder().encode(`v=${v};len=${len};${payload}`));
  const lines = payload.match(/.{1,64}/g) ?? [];
  return [PACK_BEGIN, `v=${v}; len=${len}; crc32=${crc};`, ...lines, PACK_END].join('\n');
}

const jsonPayload = (value: unknown) =>
  b64url(new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value)));

afterEach(() => {
  vi.restoreAllMocks();
});

const PACK_CODES: ErrorCode[] = [
  'pack-none',
  'pack-too-large',
  'pack-truncated',
  'pack-damaged',
  'pack-newer',
  'pack-invalid',
  'pack-too-long-to-share',
];

describe('every refusal is one sentence for the user, in English and German', () => {
  it.each(['en', 'de'] as const)('in %s: ends in one full stop, with no other inside', (locale) => {
    for (const code of PACK_CODES) {
      const sentence = sentenceIn(locale, new UserError(code));
      expect(sentence, code).toMatch(/^[A-ZÄÖÜ][^.!?\n]*\.$/);
      expect(sentence.length).toBeLessThan(200);
    }
  });

  it('reads as the person sees it', () => {
    expect(sentenceIn('en', errorOf('Hi Ana, see you Monday!'))).toBe(
      'No Mentor Companion pack was found in this text; paste the whole message you received, including the block at its end.',
    );
    expect(sentenceIn('de', errorOf('Hi Ana, see you Monday!'))).toBe(
      'In diesem Text wurde kein Mentor-Companion-Paket gefunden; füge die ganze erhaltene Nachricht ein, mit dem Block an ihrem Ende.',
    );
    const cut = encodePack(FULL).slice(0, encodePack(FULL).indexOf(PACK_END));
    expect(sentenceIn('en', errorOf(cut))).toBe(
      'The Mentor Companion pack in this text is incomplete, as if it was cut off on the way; paste the whole message again, or ask the sender to send it again.',
    );
    expect(sentenceIn('de', errorOf(cut))).toMatch(
      /^Das Mentor-Companion-Paket in diesem Text ist unvollständig/,
    );
  });
});

describe('no block', () => {
  it('says so for text without any block', () => {
    for (const text of ['', '   \n ', 'Hi Ana, see you Monday!', '-----BEGIN PGP MESSAGE-----']) {
      expectError(text, 'pack-none');
    }
  });

  it('says so for the readable part without its block', () => {
    const message = encodePack(FULL);
    expectError(message.slice(0, message.indexOf(PACK_BEGIN)), 'pack-none');
  });

  it('says so when given something that is not text', () => {
    expectError(undefined as unknown as string, 'pack-none');
  });
});

describe('incomplete', () => {
  const message = encodePack(FULL);
  const { payload } = blockLines(message);

  it('a block with BEGIN and no END', () => {
    const cut = message.slice(0, message.indexOf(PACK_END));
    expectError(cut, 'pack-truncated');
    expectError(cut.slice(0, cut.indexOf(payload[3] as string) + 10), 'pack-truncated');
    expectError(message.slice(0, message.indexOf(PACK_BEGIN) + 20), 'pack-truncated');
    expectError(gmailReply(cut), 'pack-truncated');
  });

  it('an END with no BEGIN', () => {
    expectError(message.slice(message.indexOf(PACK_BEGIN) + 10), 'pack-truncated');
  });

  it('payload lines missing between BEGIN and END', () => {
    for (const drop of [0, 3, payload.length - 1]) {
      const line = payload[drop] as string;
      expectError(message.replace(`${line}\n`, ''), 'pack-truncated');
    }
    expectError(message.replace(payload.join('\n'), ''), 'pack-truncated');
  });

  it('the last part of the payload cut off before END', () => {
    const last = payload.at(-1) as string;
    expectError(message.replace(`${last}\n`, `${last.slice(0, 5)}\n`), 'pack-truncated');
  });

  it('an empty block', () => {
    expectError(`${PACK_BEGIN}\n${PACK_END}`, 'pack-truncated');
  });
});

describe('changed or damaged', () => {
  const message = encodePack(FULL);
  const { header, payload, at } = blockLines(message);
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

  /** Another character of the same kind, so the change looks innocent. */
  function other(c: string): string {
    if (/[0-9]/.test(c)) return String((Number(c) + 1) % 10);
    if (/[a-f]/.test(c)) return c === 'a' ? 'b' : 'a';
    if (/[A-Za-z0-9_-]/.test(c)) return B64[(B64.indexOf(c) + 7) % 64] as string;
    return c === ':' ? ';' : ':';
  }

  const replaceAt = (text: string, i: number, c: string) =>
    text.slice(0, i) + c + text.slice(i + 1);

  it('one changed character anywhere in the payload', () => {
    const block = payload.join('\n');
    const start = at + header.length + 1;
    for (let i = 0; i < block.length; i++) {
      const c = block[i] as string;
      if (c === '\n') continue;
      expectError(replaceAt(message, start + i, other(c)), 'pack-damaged');
    }
  });

  it('one changed character anywhere in the header line', () => {
    const lenField = /len=(\d+)/.exec(header) as RegExpExecArray;
    const lenDigits = [lenField.index + 4, lenField.index + 4 + (lenField[1] as string).length];
    for (let i = 0; i < header.length; i++) {
      const c = header[i] as string;
      const changed = replaceAt(message, at + i, c === ' ' ? 'x' : other(c));
      const error = errorOf(changed);
      // A bigger length looks like a payload cut short: that message is right too.
      const grewLength =
        i >= (lenDigits[0] as number) &&
        i < (lenDigits[1] as number) &&
        Number(/len=(\d+)/.exec(changed.slice(at))?.[1]) > payload.join('').length;
      expect(error.code, `header position ${i}`).toBe(
        grewLength ? 'pack-truncated' : 'pack-damaged',
      );
    }
  });

  it('a changed version number is damage, not a newer version', () => {
    expectError(message.replace('v=1;', 'v=2;'), 'pack-damaged');
  });

  it('a block whose header is missing or garbled', () => {
    const lines = blockLines(message);
    expectError(message.replace(`${lines.header}\n`, ''), 'pack-damaged');
    expectError(message.replace('crc32=', 'crc='), 'pack-damaged');
    expectError(message.replace('len=', 'len=len='), 'pack-damaged');
    expectError(message.replace('v=1;', 'v=1; v=1;'), 'pack-damaged');
  });

  it('a changed character in a quoted, wrapped copy', () => {
    const mangled = wrap(quote(quote(message)), 72, { hard: true });
    const target = payload[2] as string;
    const i = mangled.indexOf(target.slice(0, 20)) + 7;
    expectError(replaceAt(mangled, i, other(mangled[i] as string)), 'pack-damaged');
  });

  it('swapped payload lines', () => {
    const [a, b] = payload as [string, string];
    expectError(message.replace(`${a}\n${b}`, `${b}\n${a}`), 'pack-damaged');
  });

  it('text inserted into the block', () => {
    const [a] = payload as [string];
    expectError(message.replace(a, `${a}\nPlease see below`), 'pack-damaged');
  });
});

describe('newer version', () => {
  it('a block whose header says a newer version', () => {
    expectError(handBlock(jsonPayload({ ...BASE, v: 2 }), { v: 2 }), 'pack-newer');
    expectError(handBlock('zz', { v: 17 }), 'pack-newer');
  });

  it('a newer block whose payload ends in a dash', () => {
    expectError(handBlock('abc-', { v: 2 }), 'pack-newer');
    expectError(
      quote(wrap(handBlock(`${'q'.repeat(100)}-`, { v: 2 }), 30, { hard: true })),
      'pack-newer',
    );
  });

  it('a v1 block whose pack says a newer version', () => {
    expectError(handBlock(jsonPayload({ ...BASE, v: 2 })), 'pack-newer');
  });
});

describe('not in the expected form (the checksum is right, the content is not)', () => {
  it('a payload that is not base64url', () => {
    expectError(handBlock('abc!'), 'pack-invalid', '');
    expectError(handBlock('abcde'), 'pack-invalid', '');
    expectError(handBlock('ab=c'), 'pack-invalid', '');
  });

  it('bytes that are not UTF-8', () => {
    expectError(handBlock(b64url(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))), 'pack-invalid', '');
  });

  it('malformed JSON', () => {
    for (const json of ['{not json', '', '{"v":1,', 'null', '[1,2]', '"text"', '42']) {
      const error = errorOf(handBlock(jsonPayload(json)));
      expect(error.code).toBe('pack-invalid');
      expect(typeof error.cause).toBe('string');
    }
  });

  it('JSON of the wrong shape names the field', () => {
    expectError(handBlock(jsonPayload({ ...BASE, kind: 'weekly' })), 'pack-invalid', 'kind');
    expectError(handBlock(jsonPayload({ ...BASE, extra: 1 })), 'pack-invalid', 'extra');
    const { notes: _notes, ...noNotes } = BASE;
    expectError(handBlock(jsonPayload(noNotes)), 'pack-invalid', 'notes');
  });

  it('a wrong length in an otherwise valid header', () => {
    const payload = jsonPayload(BASE);
    expectError(handBlock(payload, { len: payload.length - 1 }), 'pack-invalid', 'len');
  });

  it('version 0', () => {
    expectError(handBlock(jsonPayload(BASE), { v: 0 }), 'pack-invalid', 'v');
  });

  it('a hand-made block that is right reads', () => {
    expect(decodePack(handBlock(jsonPayload(FULL)))).toStrictEqual(FULL);
    expect(decodePack(handBlock(jsonPayload(FULL).replace(/=+$/, '')))).toStrictEqual(FULL);
  });
});

describe('too many action items', () => {
  it('refuses a pack adding more action items than a session holds', () => {
    const items = Array.from({ length: 50_000 }, (_, i) => `item ${i}`);
    // Too big for the spread in b64url: Node encodes it (unpadded, which readers accept).
    const payload = Buffer.from(JSON.stringify({ ...BASE, actionItems: items })).toString(
      'base64url',
    );
    expectError(handBlock(payload), 'pack-invalid', 'actionItems');
    const justOver = items.slice(0, LIMITS.actionItems + 1);
    expectError(
      handBlock(jsonPayload({ ...BASE, actionItems: justOver })),
      'pack-invalid',
      'actionItems',
    );
  });

  it('reads as many as a session holds', () => {
    const items = Array.from({ length: LIMITS.actionItems }, (_, i) => `item ${i}`);
    expect(decodePack(handBlock(jsonPayload({ ...BASE, actionItems: items }))).actionItems).toEqual(
      items,
    );
  });
});

describe('too much text', () => {
  it('refuses 5 MB at once, before any parsing', () => {
    const big = `${encodePack(FULL)}\n${'x'.repeat(5_000_000)}`;
    const replace = vi.spyOn(String.prototype, 'replace');
    const matchAll = vi.spyOn(String.prototype, 'matchAll');
    expectError(big, 'pack-too-large');
    expect(replace).not.toHaveBeenCalled();
    expect(matchAll).not.toHaveBeenCalled();
  });

  it('reads a message of exactly the limit', () => {
    const message = encodePack(FULL);
    const padded = message + ' '.repeat(MAX_INPUT_CHARS - message.length);
    expect(padded.length).toBe(MAX_INPUT_CHARS);
    expect(decodePack(padded)).toStrictEqual(FULL);
    expectError(`${padded} `, 'pack-too-large');
  });

  it('stays fast on hostile input just under the limit', () => {
    for (const filler of ['-', '- ', '>', '---BEGIN', '---BEGINMENTORCOMPANIONPACK---;']) {
      const text = filler.repeat(Math.floor(MAX_INPUT_CHARS / filler.length));
      expect(() => decodePack(text)).toThrow(UserError);
    }
  });

  it('refuses to encode a pack whose message would be too long to import', () => {
    const pack: Pack = { ...BASE, notes: 'n'.repeat(1_000_000) };
    expect(() => encodePack(pack)).toThrow(
      expect.objectContaining({ code: 'pack-too-long-to-share' }),
    );
  });
});
