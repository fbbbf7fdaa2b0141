import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../lib/errors';
import { decodePack, encodePack } from '../../../lib/share/message';
import type { Pack, PackFrom, PackKind } from '../../../lib/share/pack';
import {
  blockLines,
  crlf,
  forwarded,
  gmailReply,
  indent,
  nbsp,
  outlookReply,
  quote,
  signed,
  wrap,
} from './mail';

// ---- random packs ------------------------------------------------------------------------------

const tricky = fc.constantFrom(
  ' ',
  '\n',
  '\r\n',
  '\r',
  '\t',
  '>',
  '> ',
  '-',
  '-----',
  ';',
  '=',
  '\u00a0',
  '\u200b',
  '—',
  'é',
  'שָׁלוֹם',
  'مرحبا',
  '\u200f',
  '中文',
  '👩🏽‍💻',
  '🇧🇷',
  '"',
  '\\',
  '\u0000',
  'BEGIN',
  'END',
  ' MENTOR COMPANION PACK',
  '-----BEGIN MENTOR COMPANION PACK-----',
  '-----END MENTOR COMPANION PACK-----',
);

const text = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: tricky, maxLength: 30 }),
  fc.string({
    unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
    maxLength: 20,
  }),
);

const isoDate = fc.oneof(
  fc
    .date({
      min: new Date('1970-01-01T00:00:00.000Z'),
      max: new Date('2199-12-31T23:59:59.999Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString()),
  fc.constantFrom('2026-11-03T10:00Z', '2026-11-03T10:00:00+05:30', '2024-02-29T23:59:59.5-08:00'),
);

const packArb = (notes: fc.Arbitrary<string> = text): fc.Arbitrary<Pack> =>
  fc.record(
    {
      v: fc.constant(1 as const),
      kind: fc.constantFrom<PackKind>('pre-session', 'topic', 'summary'),
      from: fc.constantFrom<PackFrom>('mentor', 'mentee'),
      topic: text,
      notes,
      createdAt: isoDate,
      mentorship: fc.record(
        { id: text.filter((s) => s !== ''), mentorName: text, menteeName: text },
        { requiredKeys: ['id'], noNullPrototype: true },
      ),
      session: fc.record(
        { id: text, scheduledAt: isoDate },
        { requiredKeys: [], noNullPrototype: true },
      ),
      questions: fc.array(text, { maxLength: 5 }),
      actionItems: fc.array(text, { maxLength: 5 }),
      summary: text,
    },
    { requiredKeys: ['v', 'kind', 'from', 'topic', 'notes', 'createdAt'], noNullPrototype: true },
  );

// ---- random, valid mail handling ----------------------------------------------------------------

const squeeze = (s: string) => s.replace(/[\s>|\u00ad\u180e\u200b-\u200d\u2060]+/g, '');
const looksLikeMarker = (s: string) =>
  /---(BEGIN|END)MENTORCOMPANIONPACK---|---BEGINMENTOR|MENTORCOMPANIONPACK---/i.test(squeeze(s));

/** Text a person or a mailer adds around a message: anything without a marker in it. */
const junk = fc
  .oneof(
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.string({ unit: tricky, maxLength: 40 }),
    fc.lorem({ maxCount: 30, mode: 'sentences' }),
  )
  .filter((s) => !looksLikeMarker(s));

type Op =
  | { op: 'quote'; prefix: string }
  | { op: 'wrap'; width: number; hard: boolean; requote: boolean }
  | { op: 'crlf' }
  | { op: 'indent'; by: string }
  | { op: 'nbsp' }
  | { op: 'thread'; style: 'forwarded' | 'outlook' | 'gmail' | 'signed' }
  | { op: 'before' | 'after'; text: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('quote' as const),
    prefix: fc.constantFrom('> ', '>', '>> ', ' > '),
  }),
  fc.record({
    op: fc.constant('wrap' as const),
    width: fc.integer({ min: 40, max: 100 }),
    hard: fc.boolean(),
    requote: fc.boolean(),
  }),
  fc.constant({ op: 'crlf' as const }),
  fc.record({
    op: fc.constant('indent' as const),
    by: fc.constantFrom('  ', '\t', '\u00a0\u00a0', ' '),
  }),
  fc.constant({ op: 'nbsp' as const }),
  fc.record({
    op: fc.constant('thread' as const),
    style: fc.constantFrom(
      'forwarded' as const,
      'outlook' as const,
      'gmail' as const,
      'signed' as const,
    ),
  }),
  fc.record({ op: fc.constantFrom('before' as const, 'after' as const), text: junk }),
);

function apply(message: string, ops: readonly Op[]): string {
  let t = message;
  for (const o of ops) {
    switch (o.op) {
      case 'quote':
        t = quote(t, o.prefix);
        break;
      case 'wrap':
        t = wrap(t, o.width, { hard: o.hard, requote: o.requote });
        break;
      case 'crlf':
        t = crlf(t);
        break;
      case 'indent':
        t = indent(t, o.by);
        break;
      case 'nbsp':
        t = nbsp(t);
        break;
      case 'thread':
        t = { forwarded, outlook: outlookReply, gmail: gmailReply, signed }[o.style](t);
        break;
      case 'before':
        t = `${o.text}\n${t}`;
        break;
      case 'after':
        t = `${t}\n${o.text}`;
        break;
    }
  }
  return t;
}

/** decodePack's outcome: the pack, or the code of the UserError (anything else fails). */
function outcome(text: string): Pack | string {
  try {
    return decodePack(text);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return e.code;
  }
}

// Hundreds of runs each: on a loaded machine a property can take longer than a unit test's 5 s.
describe('properties', { timeout: 30_000 }, () => {
  it('a random pack round-trips', () => {
    fc.assert(
      fc.property(packArb(), (pack) => {
        expect(decodePack(encodePack(pack))).toStrictEqual(pack);
      }),
      { numRuns: 500 },
    );
  });

  it('a random pack survives random, valid mail handling', () => {
    fc.assert(
      fc.property(packArb(), fc.array(opArb, { minLength: 1, maxLength: 8 }), (pack, ops) => {
        expect(decodePack(apply(encodePack(pack), ops))).toStrictEqual(pack);
      }),
      { numRuns: 400 },
    );
  });

  it('long notes survive random mail handling', () => {
    const longNotes = fc
      .tuple(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 50 }),
        fc.integer({ min: 100, max: 2000 }),
      )
      .map(([s, n]) => s.repeat(n));
    fc.assert(
      fc.property(
        packArb(longNotes),
        fc.array(opArb, { minLength: 1, maxLength: 5 }),
        (pack, ops) => {
          expect(decodePack(apply(encodePack(pack), ops))).toStrictEqual(pack);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('any one changed character in the block is caught', () => {
    const visible = fc.integer({ min: 0x21, max: 0x7e }).map((n) => String.fromCharCode(n));
    fc.assert(
      fc.property(packArb(), fc.nat(), visible, (pack, pick, replacement) => {
        const message = encodePack(pack);
        const { header, payload, at } = blockLines(message);
        const block = `${header}\n${payload.join('\n')}`;
        const i = pick % block.length;
        fc.pre(block[i] !== '\n' && block[i] !== replacement);
        // The checksum's hex digits may be written in either case.
        fc.pre(i >= header.length || block[i]?.toLowerCase() !== replacement.toLowerCase());
        fc.pre(replacement !== '>' && replacement !== '|');
        const changed = message.slice(0, at + i) + replacement + message.slice(at + i + 1);
        expect(['pack-damaged', 'pack-truncated']).toContain(outcome(changed));
      }),
      { numRuns: 500 },
    );
  });

  it('a cut or an insertion gives the same pack or a UserError, never another pack', () => {
    fc.assert(
      fc.property(packArb(), fc.nat(), fc.nat(), junk, (pack, a, b, inserted) => {
        const message = encodePack(pack);
        const from = a % message.length;
        const to = from + (b % 200);
        for (const text of [
          message.slice(0, from) + message.slice(to),
          message.slice(0, from) + inserted + message.slice(from),
          message.slice(from),
          message.slice(0, from),
        ]) {
          const result = outcome(text);
          if (typeof result !== 'string') expect(result).toStrictEqual(pack);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('any text gives a pack or a UserError', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 3 })),
          maxLength: 80,
        }),
        (t) => {
          const result = outcome(t);
          expect(typeof result === 'string' || typeof result === 'object').toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
