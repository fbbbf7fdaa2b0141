// Every error code has a sentence in every locale, with exactly the parameters the code passes,
// and the edge turns codes (and only codes) into those sentences.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ERROR_CODES,
  ERROR_PARAMS,
  errorKey,
  fromStorageFailure,
  fromWire,
  toWire,
  UserError,
} from '../../lib/errors';
import { describeError } from '../../lib/i18n';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
const localesDir = path.resolve(__dirname, '../../public/_locales');
const locales = fs.readdirSync(localesDir).sort();
const load = (l: string) =>
  JSON.parse(fs.readFileSync(path.join(localesDir, l, 'messages.json'), 'utf8')) as Record<
    string,
    Message
  >;

/** Chrome's getMessage, enough for the test: named placeholders to `$n` substitutions. */
function getMessageFrom(catalogue: Record<string, Message>) {
  return (key: string, subs: string[] = []) => {
    const m = catalogue[key];
    if (!m) return '';
    return m.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
      const content = m.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (_x, n: string) => subs[Number(n) - 1] ?? '');
    });
  };
}

describe('error codes', () => {
  afterEach(() => vi.unstubAllGlobals());

  describe.each(locales)('in %s', (locale) => {
    const catalogue = load(locale);
    it.each(ERROR_CODES)('%s has a sentence taking its parameters', (code) => {
      const m = catalogue[errorKey(code)];
      expect(m?.message.trim()).toBeTruthy();
      const used = Object.values(m?.placeholders ?? {})
        .map((p) => p.content)
        .sort();
      const wanted = Array.from({ length: ERROR_PARAMS[code] }, (_, i) => `$${i + 1}`);
      expect(used).toEqual(wanted);
    });

    it('shows every code as its sentence, never the code or English from lib/', () => {
      vi.stubGlobal('browser', {
        i18n: { getMessage: getMessageFrom(catalogue), getUILanguage: () => locale },
      });
      for (const code of ERROR_CODES) {
        const params = Array.from({ length: ERROR_PARAMS[code] }, (_, i) => String(1000 + i));
        const text = describeError(new UserError(code, params));
        expect(text).not.toBe(errorKey(code));
        expect(text).not.toContain('$');
        for (const p of params) expect(text.replace(/\D/g, '')).toContain(p.slice(-3));
      }
    });
  });

  it('writes numbers as the language does and resolves @keys', () => {
    vi.stubGlobal('browser', {
      i18n: { getMessage: getMessageFrom(load('de')), getUILanguage: () => 'de' },
    });
    expect(describeError(new UserError('text-too-long', [5000]))).toContain('5.000');
    expect(describeError(new UserError('backup-record', ['@recordKind_sessions', 3]))).toMatch(
      /^Sitzung 3 /,
    );
  });

  it('logs anything that is not a user error and shows the generic sentence', () => {
    const english = load('en');
    vi.stubGlobal('browser', { i18n: { getMessage: getMessageFrom(english) } });
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(describeError(new Error('TypeError: x is undefined'))).toBe(
      english.error_generic?.message,
    );
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });

  it('crosses a message boundary as code and parameters', () => {
    const e = fromWire(toWire(new UserError('minutes-range', [5, 240])));
    expect(e).toBeInstanceOf(UserError);
    expect([e.code, e.params]).toEqual(['minutes-range', ['5', '240']]);
    expect(fromWire({ code: 'no-such' as never, params: [] }).code).toBe('generic');
    expect(toWire(new Error('boom')).code).toBe('generic');
  });

  it('names a full disk', () => {
    expect(fromStorageFailure(new DOMException('full', 'QuotaExceededError')).code).toBe(
      'storage-full',
    );
    expect(fromStorageFailure(new DOMException('closed', 'InvalidStateError')).code).toBe(
      'save-failed',
    );
  });
});
