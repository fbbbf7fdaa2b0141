import { describe, expect, it } from 'vitest';
import { PACK_BEGIN, PACK_END } from '../../../lib/share/block';
import { decodePack, encodePack, MESSAGE_TEXT, packSubject } from '../../../lib/share/message';
import type { Pack } from '../../../lib/share/pack';
import { BASE, FULL, lines } from './mail';

const roundTrip = (pack: Pack) => decodePack(encodePack(pack));

describe('encodePack / decodePack round trip', () => {
  const kinds: Pack['kind'][] = ['pre-session', 'topic', 'summary'];
  const froms: Pack['from'][] = ['mentor', 'mentee'];
  for (const kind of kinds) {
    for (const from of froms) {
      it(`keeps a ${kind} pack from the ${from}, minimal and full`, () => {
        const minimal: Pack = { ...BASE, kind, from };
        const full: Pack = { ...FULL, kind, from };
        expect(roundTrip(minimal)).toStrictEqual(minimal);
        expect(roundTrip(full)).toStrictEqual(full);
      });
    }
  }

  it('keeps absent keys absent and each optional field on its own', () => {
    const decoded = roundTrip(BASE);
    expect(Object.keys(decoded).sort()).toEqual(
      ['createdAt', 'from', 'kind', 'notes', 'topic', 'v'].sort(),
    );
    const options: Partial<Pack>[] = [
      { mentorship: { id: 'x' } },
      { mentorship: { id: 'x', mentorName: 'Ana' } },
      { mentorship: { id: 'x', menteeName: 'Ben' } },
      { session: {} },
      { session: { id: 's1' } },
      { session: { scheduledAt: '2026-11-03T10:00+01:00' } },
      { questions: [] },
      { questions: ['', 'two\nlines'] },
      { actionItems: [] },
      { actionItems: ['a'] },
      { summary: '' },
      { summary: 'done' },
    ];
    for (const extra of options) {
      const pack = { ...BASE, ...extra } as Pack;
      expect(roundTrip(pack)).toStrictEqual(pack);
    }
  });

  it('treats optional keys set to undefined as absent', () => {
    const pack = { ...BASE, summary: undefined, questions: undefined } as unknown as Pack;
    expect(roundTrip(pack)).toStrictEqual(BASE);
  });

  it('keeps empty strings, unicode, emoji, RTL, CRLF and control characters', () => {
    const pack: Pack = {
      ...FULL,
      topic: '',
      notes:
        'Ünïcödé — «quotes» 中文 日本語 한국어\r\nemoji 👩🏽‍💻🚀 family 👨‍👩‍👧‍👦 flags 🇧🇷\r\n' +
        'RTL: שלום עולם مرحبا بالعالم\u200f mixed\n\ttabs\u0000nul\u2028sep\u00a0nbsp\r',
      questions: ['¿Qué tal?', 'ما رأيك؟', '🙂'],
      mentorship: { id: 'id with spaces ✓', mentorName: 'Zoë', menteeName: 'محمد' },
    };
    expect(roundTrip(pack)).toStrictEqual(pack);
  });

  it('keeps lone surrogates in the data', () => {
    const pack: Pack = { ...BASE, notes: 'half an emoji: \ud83d end', topic: '\udc00' };
    expect(roundTrip(pack)).toStrictEqual(pack);
  });

  it('keeps 200 kB notes', () => {
    const notes = 'Lorem ipsum dolor sit amet, ünïcode ✓ 🚀.\n'.repeat(5000);
    expect(notes.length).toBeGreaterThan(200_000);
    const pack: Pack = { ...FULL, notes };
    expect(roundTrip(pack)).toStrictEqual(pack);
  });

  it('is deterministic', () => {
    expect(encodePack(FULL)).toBe(encodePack({ ...FULL }));
  });
});

describe('the message', () => {
  const message = encodePack(FULL);

  it('reads well: title, session, headed sections, the hint, then the block', () => {
    const text = message.slice(0, message.indexOf(PACK_BEGIN));
    expect(lines(text)[0]).toBe('Pre-session notes from Ben Okafor (mentee) to Ana Ruiz (mentor)');
    expect(text).toContain('Session: Tue 3 Nov 2026, 10:00 (UTC)');
    const order = [
      'Topic:\nGetting better at roadmap reviews',
      'Summary:\nWe agreed to focus on listening first.',
      'Notes:\nLast review went badly',
      'Questions:\n- How do you prepare for a hostile stakeholder?\n- What do you cut first?',
      'Action items:\n- Draft the Q1 roadmap one-pager\n- Ask Sam for last review notes',
      `${MESSAGE_TEXT.pasteHint}\n\n${PACK_BEGIN}\n`,
    ].map((part) => text.indexOf(part.split('\n')[0] as string));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const part of ['Topic:\nGetting', '- What do you cut first?\n\nAction items:']) {
      expect(text).toContain(part);
    }
    expect(text).not.toMatch(/^(hi|hello|dear)\b/i);
  });

  it('names the sender by role when no names are known, and skips empty sections', () => {
    const text = encodePack({ ...BASE, from: 'mentor', kind: 'summary', notes: '' });
    expect(lines(text)[0]).toBe('Session summary from the mentor');
    expect(text).not.toContain('Notes:');
    expect(text).not.toContain('Questions:');
  });

  it('has a block of short lines: markers, header, payload at 64 columns', () => {
    const block = lines(message.slice(message.indexOf(PACK_BEGIN)).trimEnd());
    expect(block[0]).toBe(PACK_BEGIN);
    expect(block.at(-1)).toBe(PACK_END);
    expect(block[1]).toMatch(/^v=1; len=\d+; crc32=[0-9a-f]{8};$/);
    const payload = block.slice(2, -1);
    expect(payload.length).toBeGreaterThan(1);
    for (const line of payload.slice(0, -1)) expect(line).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(payload.at(-1)).toMatch(/^[A-Za-z0-9_-]{1,64}={0,2}$/);
    for (const line of block) expect(line.length).toBeLessThanOrEqual(64);
    expect(message.endsWith(`${PACK_END}\n`)).toBe(true);
  });

  it('multi-line list items stay inside their bullet', () => {
    const text = encodePack({ ...BASE, questions: ['first line\r\nsecond line'] });
    expect(text).toContain('- first line\n  second line');
    expect(text).not.toContain('\r');
  });

  it('a marker pasted inside the notes does not fool the reader', () => {
    const inner = encodePack({ ...BASE, topic: 'old message' });
    const pack: Pack = { ...FULL, notes: `Here is last week's message:\n${inner}` };
    const outer = encodePack(pack);
    expect(decodePack(outer)).toStrictEqual(pack);
    expect(outer.indexOf(PACK_BEGIN)).toBe(outer.lastIndexOf(PACK_BEGIN));
  });

  it('marker look-alikes spread over lines or quoted in the notes are defused too', () => {
    for (const notes of [
      '----- begin mentor\n> companion pack -----\nv=1; len=1; crc32=00000000;\nA\n-----END MENTOR COMPANION PACK-----',
      '---BEGIN MENTOR COMPANION PACK---END MENTOR COMPANION PACK---BEGIN MENTOR COMPANION PACK---',
      '-\n-\n-BEGIN MENTOR COMPANION PACK---',
    ]) {
      const pack: Pack = { ...BASE, notes };
      expect(decodePack(encodePack(pack))).toStrictEqual(pack);
    }
  });
});

describe('bidi controls in names', () => {
  // U+202E turns what follows around: "Eve\u202E)rotnem( ot" would show as "Eve to (mentor)".
  const CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
  const pack: Pack = {
    ...FULL,
    topic: '\u202eweiver pamdaor\u202c and more',
    mentorship: {
      id: 'pair-1',
      mentorName: 'Ana\u202e)eetnem( nahtanoJ ot\u202c',
      menteeName: '\u2067Ben\u2069 \u202aOkafor\u202c',
    },
  };

  it('leaves them out of the first line and the subject', () => {
    const message = encodePack(pack);
    const first = lines(message)[0] as string;
    expect(first).not.toMatch(CONTROLS);
    expect(first).toBe(
      'Pre-session notes from Ben Okafor (mentee) to Ana)eetnem( nahtanoJ ot (mentor)',
    );
    expect(packSubject(pack)).not.toMatch(CONTROLS);
  });

  it('keeps the text as typed in the pack', () => {
    expect(roundTrip(pack)).toStrictEqual(pack);
  });
});
