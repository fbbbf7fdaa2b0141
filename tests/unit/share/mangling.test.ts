import { describe, expect, it } from 'vitest';
import { decodePack, encodePack } from '../../../lib/share/message';
import type { Pack } from '../../../lib/share/pack';
import {
  BASE,
  blockOnly,
  crlf,
  FULL,
  forwarded,
  gmailReply,
  indent,
  nbsp,
  outlookReply,
  quote,
  signed,
  wrap,
} from './mail';

const PACKS: Record<string, Pack> = {
  full: FULL,
  minimal: BASE,
  'unicode, RTL and CRLF': {
    ...FULL,
    topic: 'מטרות לרבעון — objectifs 🎯',
    notes: 'Line one\r\nשורה שתיים\r\n\r\n👩🏽‍💻 '.repeat(40),
    questions: ['مرحبا؟', 'x'.repeat(300)],
  },
  'long notes': {
    ...BASE,
    notes: 'A long sentence that goes on and on, well past any column. '.repeat(400),
  },
};

const MANGLINGS: Record<string, (text: string) => string> = {
  'quoted with "> "': (t) => quote(t),
  'quoted twice': (t) => quote(quote(t)),
  'quoted with ">" and no space': (t) => quote(t, '>'),
  'quoted ">>" three levels': (t) => quote(quote(quote(t, '>'), '>'), '>'),
  'wrapped at 72': (t) => wrap(t, 72),
  'wrapped at 76': (t) => wrap(t, 76),
  'wrapped at 72, long words split': (t) => wrap(t, 72, { hard: true }),
  'wrapped at 76, long words split': (t) => wrap(t, 76, { hard: true }),
  'quoted, then wrapped at 72 keeping the prefix': (t) =>
    wrap(quote(t), 72, { hard: true, requote: true }),
  'wrapped at 76, then quoted twice': (t) => quote(quote(wrap(t, 76, { hard: true }))),
  'CRLF line endings': crlf,
  'CR line endings': (t) => t.replace(/\n/g, '\r'),
  forwarded: forwarded,
  'Outlook-style reply': outlookReply,
  'Gmail-style reply': gmailReply,
  'signature appended': signed,
  'leading indentation': (t) => indent(t),
  'tab indentation and trailing spaces': (t) =>
    t
      .split('\n')
      .map((l) => `\t${l}   `)
      .join('\n'),
  'non-breaking spaces': nbsp,
  'extra blank lines': (t) => t.replace(/\n/g, '\n\n'),
  'just the block': blockOnly,
  'just the block, indented with non-breaking spaces': (t) => nbsp(indent(blockOnly(t), '  ')),
  'chat that joins all lines': (t) => t.replace(/\n/g, ' '),
  'zero-width spaces and soft hyphens inserted': (t) =>
    t.replace(/\n/g, '\u200b\n').replace(/(.{10})/g, '$1\u00ad'),
  'a long thread: forwarded, replied in Gmail, replied in Outlook, CRLF, wrapped': (t) =>
    crlf(wrap(outlookReply(gmailReply(forwarded(signed(t)))), 76, { hard: true })),
};

describe('the block survives email', () => {
  for (const [packName, pack] of Object.entries(PACKS)) {
    const message = encodePack(pack);
    for (const [name, mangle] of Object.entries(MANGLINGS)) {
      it(`${packName} pack, ${name}`, () => {
        expect(decodePack(mangle(message))).toStrictEqual(pack);
      });
    }
  }
});

describe('marker lines under wrapping', () => {
  const message = encodePack(FULL);

  it('deep quoting makes the mailer wrap the marker lines at their spaces', () => {
    let deep = message;
    for (let i = 0; i < 20; i++) deep = quote(deep);
    for (const width of [72, 76]) {
      const wrapped = wrap(deep, width);
      expect(wrapped).toMatch(/(BEGIN|MENTOR|COMPANION)\n(> )*(MENTOR|COMPANION|PACK)/);
      expect(decodePack(wrapped)).toStrictEqual(FULL);
      expect(decodePack(wrap(deep, width, { requote: true }))).toStrictEqual(FULL);
    }
  });

  it('a marker with non-breaking spaces is one long word that a mailer may split anywhere', () => {
    const quoted = nbsp(quote(quote(quote(message))));
    for (const width of [20, 30, 40]) {
      const wrapped = wrap(quoted, width, { hard: true });
      expect(wrapped).not.toContain('COMPANION\u00a0PACK-----');
      expect(decodePack(wrapped)).toStrictEqual(FULL);
    }
  });

  it('marker words in other case still read', () => {
    const lower = message.replace(
      '-----BEGIN MENTOR COMPANION PACK-----',
      '-----begin Mentor Companion pack-----',
    );
    expect(decodePack(lower)).toStrictEqual(FULL);
  });
});

describe('more than one block', () => {
  const newer: Pack = { ...FULL, topic: 'This week' };
  const older: Pack = { ...FULL, topic: 'Last week' };

  it('takes the first complete block: the newest message of a thread is on top', () => {
    const thread = gmailReply(encodePack(older)).replace('Got it, thanks!', encodePack(newer));
    expect(decodePack(thread)).toStrictEqual(newer);
    expect(decodePack(`${encodePack(newer)}\n${encodePack(older)}`)).toStrictEqual(newer);
  });

  it('skips a block whose END never came before the next BEGIN', () => {
    const cut = blockOnly(encodePack(older)).split('\n').slice(0, 4).join('\n');
    expect(decodePack(`${cut}\n\n${encodePack(newer)}`)).toStrictEqual(newer);
  });

  it('two blocks back to back, with no text between them', () => {
    const text = blockOnly(encodePack(newer)) + blockOnly(encodePack(older));
    expect(decodePack(text)).toStrictEqual(newer);
    expect(decodePack(text.replace(/\n/g, ''))).toStrictEqual(newer);
  });
});
