// Numbers, plurals, dates, times and durations by the rules of a language, for text people read.
// Every function takes the locale (a BCP 47 tag such as "he", "de-DE") and, where words are
// needed, `word`: the catalogue lookup (lib/i18n's `t`), so the words come from _locales while the
// choice of form comes from Intl. Chrome's i18n has no plurals: a counted word is a set of keys
// `<base>_one`, `<base>_two`, `<base>_other`, chosen here by `Intl.PluralRules` (Hebrew has a
// dual: "שעתיים", "יומיים"; English and German only use _one and _other).
//
// Pure: no clock (times are parameters), no browser APIs; only the runtime's Intl data.

export type Word = (key: string, substitutions?: string | string[]) => string;

/** The plural forms every counted word has in every catalogue. */
export type PluralForm = 'one' | 'two' | 'other';

const pluralRules = new Map<string, Intl.PluralRules>();

/** Which of a counted word's forms the language uses for `n` (any other category: 'other'). */
export function pluralForm(n: number, locale: string): PluralForm {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  const category = rules.select(n);
  return category === 'one' || category === 'two' ? category : 'other';
}

/** `n` as the language writes numbers. */
export function formatNumber(n: number, locale: string, opts?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale, opts).format(n);
}

/**
 * A counted word: `<base>_one`, `_two` or `_other` for `n`, with the number (written the
 * language's way) as its substitution. The _one and _two forms may spell the number out.
 */
export function counted(base: string, n: number, locale: string, word: Word): string {
  return word(`${base}_${pluralForm(n, locale)}`, formatNumber(n, locale));
}

/**
 * A duration in words, to the minute: "45 min", "1 h 5 min" in English; "שעתיים ו־10 דקות" in
 * Hebrew. Anything above zero that rounds to no minute is "under a minute" (a brief absence is
 * not shown as none). Negative values format their absolute value.
 */
export function formatDuration(ms: number, locale: string, word: Word): string {
  const abs = Number.isFinite(ms) ? Math.abs(ms) : 0;
  const total = Math.round(abs / 60_000);
  if (total === 0 && abs > 0) return word('durationUnderMinute');
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  const m = counted('durationMinutes', minutes, locale, word);
  if (hours === 0) return m;
  const h = counted('durationHours', hours, locale, word);
  return minutes === 0 ? h : word('durationHoursMinutes', [h, m]);
}

const DATE_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
};

/** A day and a time: "Tue, 3 Dec 2026, 10:00"; `timeZone` defaults to the runtime's own. */
export function formatDateTime(at: number, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    ...DATE_TIME,
    ...(timeZone ? { timeZone } : {}),
  }).format(at);
}

/** A day of the week and month: "Tue, 3 Dec". */
export function formatDay(at: number, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(at);
}

/** A calendar date: "3 Dec 2026". */
export function formatDate(at: number, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(timeZone ? { timeZone } : {}),
  }).format(at);
}

/** The full name of a weekday, 1 = Monday … 7 = Sunday (as `Intl.Locale` week info counts). */
export function weekdayName(day: number, locale: string): string {
  // 2024-01-01 was a Monday; noon UTC keeps the date in every zone.
  const at = Date.UTC(2024, 0, day, 12);
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(at);
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * How far `at` is from `now`, as the language says it: "in 2 days", "yesterday", "לפני שעתיים",
 * "בעוד יומיים". Under a minute is "now"; more than a week away gives the date instead.
 */
export function formatRelative(at: number, now: number, locale: string): string {
  const diff = at - now;
  const abs = Math.abs(diff);
  if (abs > 7 * 86_400_000) return formatDay(at, locale);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of RELATIVE_UNITS) {
    if (abs >= size) return rtf.format(Math.round(diff / size), unit);
  }
  return rtf.format(0, 'second');
}

// Languages written right to left, for runtimes without `Intl.Locale` text info.
const RTL_LANGUAGES = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb']);

type LocaleInfo = Intl.Locale & {
  getTextInfo?: () => { direction?: string };
  textInfo?: { direction?: string };
};

/** 'rtl' for a language written right to left (Hebrew, Arabic …), else 'ltr'. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  try {
    const l = new Intl.Locale(locale) as LocaleInfo;
    const direction = (l.getTextInfo?.() ?? l.textInfo)?.direction;
    if (direction === 'rtl' || direction === 'ltr') return direction;
    return RTL_LANGUAGES.has(l.language) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}
