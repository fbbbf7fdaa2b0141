// The sentence a person sees for an error, in a locale: describeError with that locale's
// _locales/<lang>/messages.json behind browser.i18n, as Chrome fills placeholders.
import fs from 'node:fs';
import path from 'node:path';
import { expect, vi } from 'vitest';
import type { ErrorCode } from '../../lib/errors';
import { describeError } from '../../lib/i18n';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const localesDir = path.resolve(__dirname, '../../public/_locales');
const catalogues = new Map<string, Record<string, Message>>();

function catalogue(locale: string): Record<string, Message> {
  let c = catalogues.get(locale);
  if (!c) {
    c = JSON.parse(
      fs.readFileSync(path.join(localesDir, locale, 'messages.json'), 'utf8'),
    ) as Record<string, Message>;
    catalogues.set(locale, c);
  }
  return c;
}

export function sentenceIn(locale: 'en' | 'de', error: unknown): string {
  const messages = catalogue(locale);
  const getMessage = (key: string, subs: string[] = []) => {
    const m = messages[key];
    if (!m) return '';
    return m.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
      const content = m.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (_x, n: string) => subs[Number(n) - 1] ?? '');
    });
  };
  const original = globalThis.browser;
  vi.stubGlobal('browser', { ...original, i18n: { getMessage, getUILanguage: () => locale } });
  try {
    return describeError(error);
  } finally {
    vi.stubGlobal('browser', original);
  }
}

/**
 * `error` is a UserError with `code` (and `params`), which reads as `english` in English and as
 * a German sentence of its own in German.
 */
export function expectUserError(
  error: unknown,
  code: ErrorCode,
  english?: string,
  params?: readonly (string | number)[],
): void {
  expect(error).toMatchObject({ name: 'UserError', code });
  if (params) expect((error as { params: string[] }).params).toEqual(params.map(String));
  const en = sentenceIn('en', error);
  if (english !== undefined) expect(en).toBe(english);
  const de = sentenceIn('de', error);
  expect(de).toBeTruthy();
  expect(de).not.toBe(en);
  expect(de).not.toBe(catalogue('de').error_generic?.message);
}

/** What a promise rejected with (fails the test when it resolved). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
