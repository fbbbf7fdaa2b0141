// Every locale under public/_locales must match the English catalogue: the same keys, non-empty
// messages, the same placeholders, and no `$NAME$` token without a declared placeholder.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
type Catalogue = Record<string, Message>;

const root = path.resolve(__dirname, '../..');
const localesDir = path.join(root, 'public', '_locales');
const DEFAULT_LOCALE = 'en';

function load(locale: string): Catalogue {
  const file = path.join(localesDir, locale, 'messages.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Catalogue;
}

/** `$NAME$` tokens in a message; `$$` is an escaped dollar and `$1` a raw substitution. */
function tokens(message: string): string[] {
  return [...message.replaceAll('$$', '').matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1] ?? '');
}

function placeholderShape(m: Message): Record<string, string> {
  return Object.fromEntries(
    Object.entries(m.placeholders ?? {}).map(([name, p]) => [name, p.content]),
  );
}

const locales = fs
  .readdirSync(localesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const english = load(DEFAULT_LOCALE);

describe('locales', () => {
  it('has the default locale named in wxt.config.ts', () => {
    const config = fs.readFileSync(path.join(root, 'wxt.config.ts'), 'utf8');
    const match = config.match(/default_locale:\s*['"]([^'"]+)['"]/);
    expect(match?.[1]).toBe(DEFAULT_LOCALE);
    expect(locales).toContain(DEFAULT_LOCALE);
    expect(fs.existsSync(path.join(localesDir, DEFAULT_LOCALE, 'messages.json'))).toBe(true);
  });

  it('has at least one locale besides English', () => {
    expect(locales.filter((l) => l !== DEFAULT_LOCALE).length).toBeGreaterThan(0);
  });

  describe.each(locales)('%s', (locale) => {
    const catalogue = load(locale);

    it('has exactly the English keys', () => {
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(english).sort());
    });

    it('has a non-empty message for every key', () => {
      const empty = Object.entries(catalogue)
        .filter(([, m]) => typeof m.message !== 'string' || m.message.trim() === '')
        .map(([key]) => key);
      expect(empty).toEqual([]);
    });

    it('declares the same placeholders as English, with the same contents', () => {
      for (const [key, en] of Object.entries(english)) {
        const m = catalogue[key];
        if (!m) continue; // reported by the key test
        expect(placeholderShape(m), key).toEqual(placeholderShape(en));
      }
    });

    it('declares a placeholder for every $TOKEN$ in a message', () => {
      for (const [key, m] of Object.entries(catalogue)) {
        const declared = new Set(Object.keys(m.placeholders ?? {}).map((n) => n.toLowerCase()));
        const undeclared = tokens(m.message).filter((t) => !declared.has(t.toLowerCase()));
        expect(undeclared, key).toEqual([]);
      }
    });

    it('uses the same $TOKEN$s as English in every message', () => {
      for (const [key, en] of Object.entries(english)) {
        const m = catalogue[key];
        if (!m) continue;
        // Exactly as written in English: `$NAME$` stays `$NAME$`.
        expect(tokens(m.message).sort(), key).toEqual(tokens(en.message).sort());
      }
    });

    it('has every plural form of each counted word', () => {
      const bases = new Set(
        Object.keys(english)
          .map((k) => /^(.+)_(one|two|other)$/.exec(k)?.[1])
          .filter((b): b is string => b !== undefined),
      );
      for (const base of bases) {
        for (const form of ['one', 'two', 'other']) {
          expect(catalogue[`${base}_${form}`], `${base}_${form}`).toBeDefined();
        }
      }
    });

    it('keeps the product name', () => {
      expect(catalogue.extName?.message).toBe(english.extName?.message);
      expect(english.extName?.message).toBe('Mentor Companion');
    });
  });
});

// Latin-script words a Hebrew sentence may hold: product and platform names, and the formats an
// error quotes (a web address, a calendar file's markers).
const LATIN_ALLOWED = new Set([
  'Mentor',
  'Companion',
  'Google',
  'Meet',
  'Zoom',
  'Teams',
  'Chromium',
  // about:addons, the Firefox page a shortcut is changed on.
  'about',
  'addons',
  'JSON',
  'https',
  'BEGIN',
  'END',
  'VCALENDAR',
  'ics',
]);

describe('he', () => {
  const hebrew = load('he');

  it('is written in Hebrew: no English words but product names and quoted formats', () => {
    const latin = Object.entries(hebrew).flatMap(([key, m]) =>
      [...m.message.replace(/\$[A-Za-z0-9_@]+\$/g, '').matchAll(/[A-Za-z]+/g)]
        .map((w) => w[0])
        .filter((w) => !LATIN_ALLOWED.has(w))
        .map((w) => `${key}: ${w}`),
    );
    expect(latin).toEqual([]);
  });

  it('differs from English in every message but the product name', () => {
    const same = Object.keys(english).filter(
      (k) => k !== 'extName' && hebrew[k]?.message === english[k]?.message,
    );
    expect(same).toEqual([]);
  });
});
