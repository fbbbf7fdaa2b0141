import { describe, expect, it } from 'vitest';
import { UserError } from '../../../lib/errors';
import { encodePack, packSubject } from '../../../lib/share/message';
import { isIsoDateTime, PACK_VERSION, type Pack, validatePack } from '../../../lib/share/pack';
import { BASE, FULL } from './mail';

/** The field a refused pack names (its UserError's cause), or undefined when it is valid. */
function invalidField(x: unknown): string | undefined {
  try {
    validatePack(x);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    const error = e as UserError;
    expect(error.code).toBe('pack-invalid');
    return error.cause as string;
  }
  return undefined;
}

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as UserError).code;
  }
  return undefined;
};

describe('validatePack', () => {
  it('accepts valid packs and returns a fresh, equal copy', () => {
    for (const pack of [BASE, FULL]) {
      const copy = validatePack(pack);
      expect(copy).toStrictEqual(pack);
      expect(copy).not.toBe(pack);
    }
    expect(validatePack(FULL).questions).not.toBe(FULL.questions);
    expect(validatePack(FULL).mentorship).not.toBe(FULL.mentorship);
    expect(PACK_VERSION).toBe(1);
  });

  it('accepts an object with no prototype', () => {
    const pack = Object.assign(Object.create(null) as object, BASE);
    expect(validatePack(pack)).toStrictEqual(BASE);
  });

  it('refuses what is not a pack object', () => {
    for (const x of [null, undefined, 1, 'pack', [], [BASE], new Date(), new Map()]) {
      expect(invalidField(x)).toBe('');
    }
  });

  it('names the field that is missing or wrong', () => {
    const cases: [unknown, string][] = [
      [{ ...BASE, v: '1' }, 'v'],
      [{ ...BASE, v: 0 }, 'v'],
      [{ ...BASE, v: 1.5 }, 'v'],
      [{ ...BASE, kind: 'weekly' }, 'kind'],
      [{ ...BASE, kind: undefined }, 'kind'],
      [{ ...BASE, from: 'coach' }, 'from'],
      [{ ...BASE, topic: null }, 'topic'],
      [{ ...BASE, notes: 3 }, 'notes'],
      [{ ...BASE, createdAt: 1_700_000_000_000 }, 'createdAt'],
      [{ ...BASE, createdAt: '2026-11-02' }, 'createdAt'],
      [{ ...BASE, createdAt: '2026-11-02T18:30:00' }, 'createdAt'],
      [{ ...BASE, createdAt: '2026-02-30T10:00:00Z' }, 'createdAt'],
      [{ ...BASE, createdAt: '2026-11-02T24:00:00Z' }, 'createdAt'],
      [{ ...BASE, createdAt: 'yesterday' }, 'createdAt'],
      [{ ...BASE, mentorship: 'm-1' }, 'mentorship'],
      [{ ...BASE, mentorship: null }, 'mentorship'],
      [{ ...BASE, mentorship: {} }, 'mentorship.id'],
      [{ ...BASE, mentorship: { id: '' } }, 'mentorship.id'],
      [{ ...BASE, mentorship: { id: 'x', mentorName: 1 } }, 'mentorship.mentorName'],
      [{ ...BASE, mentorship: { id: 'x', menteeName: [] } }, 'mentorship.menteeName'],
      [{ ...BASE, mentorship: { id: 'x', email: 'a@b' } }, 'mentorship.email'],
      [{ ...BASE, session: [] }, 'session'],
      [{ ...BASE, session: { id: 2 } }, 'session.id'],
      [{ ...BASE, session: { scheduledAt: 'Monday' } }, 'session.scheduledAt'],
      [{ ...BASE, session: { link: 'x' } }, 'session.link'],
      [{ ...BASE, questions: 'why?' }, 'questions'],
      [{ ...BASE, questions: ['ok', 2] }, 'questions[1]'],
      [{ ...BASE, questions: [null] }, 'questions[0]'],
      [{ ...BASE, actionItems: {} }, 'actionItems'],
      [{ ...BASE, actionItems: ['a', 'b', undefined] }, 'actionItems[2]'],
      [{ ...BASE, summary: false }, 'summary'],
      [{ ...BASE, goals: [] }, 'goals'],
      [{ ...BASE, __proto__: { x: 1 } }, ''],
    ];
    for (const [x, field] of cases) expect(invalidField(x), JSON.stringify(x)).toBe(field);
  });

  it('refuses an own "__proto__" key from JSON', () => {
    expect(invalidField(JSON.parse(`{"__proto__":{},${JSON.stringify(BASE).slice(1)}`))).toBe(
      '__proto__',
    );
  });

  it('says a newer version is newer', () => {
    for (const v of [2, 99]) {
      expect(codeOf(() => validatePack({ ...BASE, v }))).toBe('pack-newer');
    }
  });

  it('encodePack validates too', () => {
    expect(invalidField({ ...BASE, kind: 'weekly' })).toBe('kind');
    expect(codeOf(() => encodePack({ ...BASE, kind: 'weekly' } as unknown as Pack))).toBe(
      'pack-invalid',
    );
  });
});

describe('isIsoDateTime', () => {
  it('accepts RFC 3339 date-times with a zone', () => {
    for (const s of [
      '2026-11-03T10:00:00.000Z',
      '2026-11-03T10:00Z',
      '2026-11-03T10:00:59+05:30',
      '2024-02-29T00:00:00-08:00',
      '2000-02-29T23:59:59.123456789Z',
      new Date(0).toISOString(),
    ]) {
      expect(isIsoDateTime(s), s).toBe(true);
    }
  });

  it('refuses other dates', () => {
    for (const s of [
      '2026-11-03',
      '2026-11-03 10:00:00Z',
      '2026-11-03T10:00:00',
      '2025-02-29T00:00:00Z',
      '1900-02-29T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-00-01T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-11-03T10:60:00Z',
      '2026-11-03T10:00:60Z',
      '2026-11-03T10:00:00+24:00',
      '2026-11-03t10:00:00z',
      ' 2026-11-03T10:00:00Z',
    ]) {
      expect(isIsoDateTime(s), s).toBe(false);
    }
  });
});

describe('packSubject', () => {
  it('titles by kind with the topic', () => {
    expect(packSubject(BASE)).toBe('Pre-session notes: Getting better at roadmap reviews');
    expect(packSubject({ ...BASE, kind: 'topic' })).toBe(
      'Proposed topic: Getting better at roadmap reviews',
    );
    expect(packSubject({ ...BASE, kind: 'summary', topic: '' })).toBe('Session summary');
  });

  it('keeps the subject on one short line', () => {
    const subject = packSubject({ ...BASE, topic: `  a\r\nb\t c ${'long '.repeat(40)}` });
    expect(subject.startsWith('Pre-session notes: a b c long')).toBe(true);
    expect(subject.endsWith('…')).toBe(true);
    expect(subject).not.toMatch(/[\r\n\t]/);
    expect(Array.from(subject).length).toBeLessThanOrEqual('Pre-session notes: '.length + 80);
  });
});
