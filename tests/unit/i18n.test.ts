// Text by the rules of the language: plural forms (Hebrew's dual), durations, dates, the writing
// direction, the language chosen in Settings over the browser's, and user text isolated inside
// the extension's own labels.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../lib/errors';
import {
  type Catalogue,
  chooseLanguage,
  describeError,
  fillMessage,
  followLanguage,
  LANGUAGES,
  languageReady,
  startLanguage,
  t,
  tIsolated,
  uiLanguage,
  weekStart,
} from '../../lib/i18n';
import {
  counted,
  formatDateTime,
  formatDuration,
  formatRelative,
  pluralForm,
  textDirection,
  weekdayName,
} from '../../lib/i18n/format';

const localesDir = path.resolve(__dirname, '../../public/_locales');
const catalogue = (lang: string): Catalogue =>
  JSON.parse(fs.readFileSync(path.join(localesDir, lang, 'messages.json'), 'utf8'));
/** The catalogue lookup `t` does, for one language. */
const wordsOf = (lang: string) => {
  const c = catalogue(lang);
  return (key: string, subs?: string | string[]) => {
    const m = c[key];
    return m ? fillMessage(m, subs) : key;
  };
};

const MIN = 60_000;
const HOUR = 60 * MIN;

afterEach(async () => {
  await chooseLanguage('auto');
  vi.unstubAllGlobals();
});

describe('plural forms', () => {
  it.each([
    ['he', 1, 'one'],
    ['he', 2, 'two'],
    ['he', 3, 'other'],
    ['he', 20, 'other'],
    ['en', 1, 'one'],
    ['en', 2, 'other'],
    ['de', 2, 'other'],
  ] as const)('%s %d is %s', (lang, n, form) => {
    expect(pluralForm(n, lang)).toBe(form);
  });
});

describe('durations', () => {
  it.each([
    ['he', 2 * HOUR, 'שעתיים'],
    ['he', HOUR, 'שעה'],
    ['he', 3 * HOUR, '3 שעות'],
    ['he', 2 * HOUR + 10 * MIN, 'שעתיים ו־10 דקות'],
    ['he', 45 * MIN, '45 דקות'],
    ['he', MIN, 'דקה'],
    ['he', 10_000, 'פחות מדקה'],
    ['en', 45 * MIN, '45 min'],
    ['en', HOUR + 5 * MIN, '1 h 5 min'],
    ['en', 2 * HOUR, '2 h'],
    ['en', 0, '0 min'],
    ['de', 45 * MIN, '45 Min.'],
    ['de', HOUR + 5 * MIN, '1 Std. 5 Min.'],
  ] as const)('%s: %d ms is "%s"', (lang, ms, text) => {
    expect(formatDuration(ms, lang, wordsOf(lang))).toBe(text);
  });

  it('has no English words in another language', () => {
    for (const lang of ['he', 'de']) {
      for (const ms of [0, 30_000, MIN, 2 * MIN, 45 * MIN, HOUR, 2 * HOUR, 3 * HOUR + 7 * MIN]) {
        expect(formatDuration(ms, lang, wordsOf(lang))).not.toMatch(/\b(min|h)\b/);
      }
    }
  });

  it('counts days with the dual in Hebrew', () => {
    expect(counted('cadenceDays', 1, 'he', wordsOf('he'))).toBe('כל יום');
    expect(counted('cadenceDays', 2, 'he', wordsOf('he'))).toBe('כל יומיים');
    expect(counted('cadenceDays', 10, 'he', wordsOf('he'))).toBe('כל 10 ימים');
    expect(counted('cadenceDays', 10, 'en', wordsOf('en'))).toBe('Every 10 days');
  });
});

describe('dates and relative times', () => {
  // Thursday 3 December 2026, 08:00 UTC: 10:00 in Jerusalem, 09:00 in Berlin.
  const AT = Date.UTC(2026, 11, 3, 8, 0);

  it('writes a day and time in the language and the zone asked for', () => {
    const he = formatDateTime(AT, 'he', 'Asia/Jerusalem');
    expect(he).toContain('10:00');
    expect(he).toMatch(/[\u0590-\u05ff]/);
    expect(he).not.toMatch(/[A-Za-z]/);
    expect(formatDateTime(AT, 'de', 'Europe/Berlin')).toContain('09:00');
  });

  it('says how far off a time is, in the language', () => {
    expect(formatRelative(AT + 2 * 24 * HOUR, AT, 'en')).toBe('in 2 days');
    expect(formatRelative(AT + 2 * 24 * HOUR, AT, 'he')).not.toMatch(/[A-Za-z]/);
    expect(formatRelative(AT - 2 * HOUR, AT, 'he')).toMatch(/[\u0590-\u05ff]/);
  });

  it('names weekdays, Monday as 1 and Sunday as 7', () => {
    expect(weekdayName(1, 'en')).toBe('Monday');
    expect(weekdayName(7, 'en')).toBe('Sunday');
    expect(weekdayName(7, 'de')).toBe('Sonntag');
  });
});

describe('direction', () => {
  it.each([
    ['he', 'rtl'],
    ['he-IL', 'rtl'],
    ['ar-EG', 'rtl'],
    ['en-US', 'ltr'],
    ['de', 'ltr'],
    ['not a locale!', 'ltr'],
  ] as const)('%s is %s', (lang, dir) => {
    expect(textDirection(lang)).toBe(dir);
  });
});

describe('the language chosen in Settings', () => {
  // The browser runs in English; the user chose Hebrew.
  const browserInEnglish = () => {
    const en = wordsOf('en');
    vi.stubGlobal('browser', { i18n: { getMessage: en, getUILanguage: () => 'en-US' } });
  };

  it('has every language of public/_locales', () => {
    expect([...LANGUAGES]).toEqual(fs.readdirSync(localesDir).sort());
    expect(LANGUAGES).toContain('he');
  });

  it('shows the chosen language over the browser’s, and the browser’s again on auto', async () => {
    browserInEnglish();
    expect(t('sessionWith', 'Noa')).toBe('Session with Noa');
    await chooseLanguage('he');
    expect(uiLanguage()).toBe('he');
    expect(t('sessionWith', 'Noa')).toBe('פגישה עם Noa');
    expect(describeError(new UserError('text-too-long', ['1000']))).toBe(
      'הטקסט ארוך מדי; עד 1,000 תווים.',
    );
    await chooseLanguage('auto');
    expect(uiLanguage()).toBe('en-US');
    expect(t('sessionWith', 'Noa')).toBe('Session with Noa');
  });

  it('keeps <html lang dir> on the language shown, and follows a new choice', async () => {
    browserInEnglish();
    let choice = 'he';
    const listeners: ((v: string) => void)[] = [];
    const doc = { documentElement: { lang: 'en', dir: '' } } as unknown as Document;
    const stop = await startLanguage(
      {
        get: async () => choice,
        watch: (cb) => {
          listeners.push(cb);
          return () => {};
        },
      },
      doc,
    );
    expect(doc.documentElement.lang).toBe('he');
    expect(doc.documentElement.dir).toBe('rtl');
    choice = 'de';
    for (const l of listeners) l(choice);
    await vi.waitFor(() => expect(doc.documentElement.lang).toBe('de'));
    expect(doc.documentElement.dir).toBe('ltr');
    expect(t('optSettingsTitle')).toBe('Einstellungen');
    stop();
  });

  it('follows the choice in the background, which has no document', async () => {
    browserInEnglish();
    const listeners: ((v: string) => void)[] = [];
    const stop = followLanguage({
      get: async () => 'de',
      watch: (cb) => {
        listeners.push(cb);
        return () => {};
      },
    });
    await languageReady();
    expect(t('reflectTitle')).toBe('Deine Session ist zu Ende');
    for (const l of listeners) l('he');
    await languageReady();
    expect(uiLanguage()).toBe('he');
    for (const l of listeners) l('auto');
    await languageReady();
    expect(t('reflectTitle')).toBe(wordsOf('en')('reflectTitle'));
    stop();
  });

  it('starts the week where the chosen language’s calendar does', async () => {
    browserInEnglish();
    vi.stubGlobal('navigator', { language: 'de-DE' });
    expect(weekStart()).toBe(1);
    await chooseLanguage('he');
    expect(weekStart()).toBe(7);
  });

  it('names the week’s days in the “other week” sentence', async () => {
    browserInEnglish();
    await chooseLanguage('he');
    expect(describeError(new UserError('other-week', ['@weekday_7', '@weekday_6']))).toContain(
      '(מיום ראשון עד יום שבת)',
    );
    await chooseLanguage('en');
    expect(describeError(new UserError('other-week', ['@weekday_1', '@weekday_7']))).toContain(
      '(Monday to Sunday)',
    );
  });
});

describe('user text inside the extension’s labels', () => {
  it('puts each substitution in its own <bdi>, the label around it as text', () => {
    const en = wordsOf('en');
    vi.stubGlobal('browser', { i18n: { getMessage: en, getUILanguage: () => 'en' } });
    // A name with a right-to-left override the user typed: kept, but inside its own isolate.
    const name = '\u202eנועה';
    const parts = tIsolated('sessionWith', name);
    expect(parts[0]).toBe('Session with ');
    const bdi = parts[1] as { type: string; props: { children: string } };
    expect(bdi.type).toBe('bdi');
    expect(bdi.props.children).toBe(name);
    expect(parts).toHaveLength(2);
  });
});
