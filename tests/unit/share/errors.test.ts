import { afterEach, describe, expect, it, vi } from 'vitest';
import { crc32Hex } from '../../../lib/crc32';
import {
  decodePack,
  encodePack,
  MAX_INPUT_CHARS,
  PACK_BEGIN,
  PACK_END,
  type Pack,
  SHARE_TEXT,
  ShareError,
  type ShareErrorCode,
} from '../../../lib/share';
import { BASE, blockLines, FULL, gmailReply, quote, wrap } from './mail';

const E = SHARE_TEXT.errors;

/** The error decodePack throws for `text` (fails the test when it returns). */
function errorOf(text: string): ShareError {
  try {
    decodePack(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ShareError);
    expect(e).toBeInstanceOf(Error);
    return e as ShareError;
  }
  throw new Error('decodePack did not throw');
}

function expectError(text: string, code: ShareErrorCode, message: string): void {
  const error = errorOf(text);
  expect(error.message).toBe(message);
  expect(error.code).toBe(code);
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

describe('every message is one sentence for the user', () => {
  it('ends in one full stop, with no other sentence inside', () => {
    const messages = [
      E.noPack,
      E.tooLong,
      E.incomplete,
      E.damaged,
      E.newerVersion,
      E.invalid(),
      E.invalid('mentorship.id'),
      E.tooLongToShare,
    ];
    for (const m of messages) {
      const plain = m.replace(/“[^”]*”/g, 'X');
      expect(plain).toMatch(/^[A-Z][^.!?\n]*\.$/);
      expect(plain.length).toBeLessThan(200);
    }
  });
});

describe('no block', () => {
  it('says so for text without any block', () => {
    for (const text of ['', '   \n ', 'Hi Ana, see you Monday!', '-----BEGIN PGP MESSAGE-----']) {
      expectError(text, 'no-pack', E.noPack);
    }
  });

  it('says so for the readable part without its block', () => {
    const message = encodePack(FULL);
    expectError(message.slice(0, message.indexOf(PACK_BEGIN)), 'no-pack', E.noPack);
  });

  it('says so when given something that is not text', () => {
    expectError(undefined as unknown as string, 'no-pack', E.noPack);
  });
});

describe('incomplete', () => {
  const message = encodePack(FULL);
  const { payload } = blockLines(message);

  it('a block with BEGIN and no END', () => {
    const cut = message.slice(0, message.indexOf(PACK_END));
    expectError(cut, 'incomplete', E.incomplete);
    expectError(cut.slice(0, cut.indexOf(payload[3] as string) + 10), 'incomplete', E.incomplete);
    expectError(message.slice(0, message.indexOf(PACK_BEGIN) + 20), 'incomplete', E.incomplete);
    expectError(gmailReply(cut), 'incomplete', E.incomplete);
  });

  it('an END with no BEGIN', () => {
    expectError(message.slice(message.indexOf(PACK_BEGIN) + 10), 'incomplete', E.incomplete);
  });

  it('payload lines missing between BEGIN and END', () => {
    for (const drop of [0, 3, payload.length - 1]) {
      const line = payload[drop] as string;
      expectError(message.replace(`${line}\n`, ''), 'incomplete', E.incomplete);
    }
    expectError(message.replace(payload.join('\n'), ''), 'incomplete', E.incomplete);
  });

  it('the last part of the payload cut off before END', () => {
    const last = payload.at(-1) as string;
    expectError(message.replace(`${last}\n`, `${last.slice(0, 5)}\n`), 'incomplete', E.incomplete);
  });

  it('an empty block', () => {
    expectError(`${PACK_BEGIN}\n${PACK_END}`, 'incomplete', E.incomplete);
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
      expectError(replaceAt(message, start + i, other(c)), 'damaged', E.damaged);
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
      expect(error.code, `header position ${i}`).toBe(grewLength ? 'incomplete' : 'damaged');
      expect(error.message).toBe(grewLength ? E.incomplete : E.damaged);
    }
  });

  it('a changed version number is damage, not a newer version', () => {
    expectError(message.replace('v=1;', 'v=2;'), 'damaged', E.damaged);
  });

  it('a block whose header is missing or garbled', () => {
    const lines = blockLines(message);
    expectError(message.replace(`${lines.header}\n`, ''), 'damaged', E.damaged);
    expectError(message.replace('crc32=', 'crc='), 'damaged', E.damaged);
    expectError(message.replace('len=', 'len=len='), 'damaged', E.damaged);
    expectError(message.replace('v=1;', 'v=1; v=1;'), 'damaged', E.damaged);
  });

  it('a changed character in a quoted, wrapped copy', () => {
    const mangled = wrap(quote(quote(message)), 72, { hard: true });
    const target = payload[2] as string;
    const i = mangled.indexOf(target.slice(0, 20)) + 7;
    expectError(replaceAt(mangled, i, other(mangled[i] as string)), 'damaged', E.damaged);
  });

  it('swapped payload lines', () => {
    const [a, b] = payload as [string, string];
    expectError(message.replace(`${a}\n${b}`, `${b}\n${a}`), 'damaged', E.damaged);
  });

  it('text inserted into the block', () => {
    const [a] = payload as [string];
    expectError(message.replace(a, `${a}\nPlease see below`), 'damaged', E.damaged);
  });
});

describe('newer version', () => {
  it('a block whose header says a newer version', () => {
    expectError(
      handBlock(jsonPayload({ ...BASE, v: 2 }), { v: 2 }),
      'newer-version',
      E.newerVersion,
    );
    expectError(handBlock('zz', { v: 17 }), 'newer-version', E.newerVersion);
  });

  it('a newer block whose payload ends in a dash', () => {
    expectError(handBlock('abc-', { v: 2 }), 'newer-version', E.newerVersion);
    expectError(
      quote(wrap(handBlock(`${'q'.repeat(100)}-`, { v: 2 }), 30, { hard: true })),
      'newer-version',
      E.newerVersion,
    );
  });

  it('a v1 block whose pack says a newer version', () => {
    expectError(handBlock(jsonPayload({ ...BASE, v: 2 })), 'newer-version', E.newerVersion);
  });
});

describe('not in the expected form (the checksum is right, the content is not)', () => {
  it('a payload that is not base64url', () => {
    expectError(handBlock('abc!'), 'invalid', E.invalid());
    expectError(handBlock('abcde'), 'invalid', E.invalid());
    expectError(handBlock('ab=c'), 'invalid', E.invalid());
  });

  it('bytes that are not UTF-8', () => {
    expectError(
      handBlock(b64url(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))),
      'invalid',
      E.invalid(),
    );
  });

  it('malformed JSON', () => {
    for (const json of ['{not json', '', '{"v":1,', 'null', '[1,2]', '"text"', '42']) {
      const error = errorOf(handBlock(jsonPayload(json)));
      expect(error.code).toBe('invalid');
      expect(error.message.startsWith(E.invalid().slice(0, 40))).toBe(true);
    }
  });

  it('JSON of the wrong shape names the field', () => {
    expectError(handBlock(jsonPayload({ ...BASE, kind: 'weekly' })), 'invalid', E.invalid('kind'));
    expectError(handBlock(jsonPayload({ ...BASE, extra: 1 })), 'invalid', E.invalid('extra'));
    const { notes: _notes, ...noNotes } = BASE;
    expectError(handBlock(jsonPayload(noNotes)), 'invalid', E.invalid('notes'));
  });

  it('a wrong length in an otherwise valid header', () => {
    const payload = jsonPayload(BASE);
    expectError(handBlock(payload, { len: payload.length - 1 }), 'invalid', E.invalid('len'));
  });

  it('version 0', () => {
    expectError(handBlock(jsonPayload(BASE), { v: 0 }), 'invalid', E.invalid('v'));
  });

  it('a hand-made block that is right reads', () => {
    expect(decodePack(handBlock(jsonPayload(FULL)))).toStrictEqual(FULL);
    expect(decodePack(handBlock(jsonPayload(FULL).replace(/=+$/, '')))).toStrictEqual(FULL);
  });
});

describe('too much text', () => {
  it('refuses 5 MB at once, before any parsing', () => {
    const big = `${encodePack(FULL)}\n${'x'.repeat(5_000_000)}`;
    const replace = vi.spyOn(String.prototype, 'replace');
    const matchAll = vi.spyOn(String.prototype, 'matchAll');
    expectError(big, 'too-long', E.tooLong);
    expect(replace).not.toHaveBeenCalled();
    expect(matchAll).not.toHaveBeenCalled();
  });

  it('reads a message of exactly the limit', () => {
    const message = encodePack(FULL);
    const padded = message + ' '.repeat(MAX_INPUT_CHARS - message.length);
    expect(padded.length).toBe(MAX_INPUT_CHARS);
    expect(decodePack(padded)).toStrictEqual(FULL);
    expectError(`${padded} `, 'too-long', E.tooLong);
  });

  it('stays fast on hostile input just under the limit', () => {
    for (const filler of ['-', '- ', '>', '---BEGIN', '---BEGINMENTORCOMPANIONPACK---;']) {
      const text = filler.repeat(Math.floor(MAX_INPUT_CHARS / filler.length));
      expect(() => decodePack(text)).toThrow(ShareError);
    }
  });

  it('refuses to encode a pack whose message would be too long to import', () => {
    const pack: Pack = { ...BASE, notes: 'n'.repeat(1_000_000) };
    expect(() => encodePack(pack)).toThrow(E.tooLongToShare);
  });
});
