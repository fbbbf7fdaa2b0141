// The sentence a person sees for an error, in a given locale: `describeError` over the real
// catalogue in public/_locales, with Chrome's placeholder rules (enough of them for the tests).
import fs from 'node:fs';
import path from 'node:path';
import { vi } from 'vitest';
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
    c = JSON.parse(fs.readFileSync(path.join(localesDir, locale, 'messages.json'), 'utf8'));
    catalogues.set(locale, c as Record<string, Message>);
  }
  return c as Record<string, Message>;
}

/** What the page shows for `error` when the browser's language is `locale`. */
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
  vi.stubGlobal('browser', { i18n: { getMessage, getUILanguage: () => locale } });
  try {
    return describeError(error);
  } finally {
    vi.unstubAllGlobals();
  }
}
