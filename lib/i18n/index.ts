// Text comes from _locales/<lang>/messages.json; a missing key shows as itself, so a gap is
// visible in review instead of an empty label.
//
// The language: `browser.i18n.getMessage` always answers in the browser's language, and many
// people run the browser in another language than they work in (Hebrew speakers often run Chrome
// in English). So the user may choose one in Settings (`languageItem`): its catalogue is loaded
// from the extension's own bundle (the same messages.json files, imported at build time, one
// chunk per language) and `t()` reads it. `active` is a signal: every view that called `t()`
// renders again when the choice changes, and `startLanguage` keeps `<html lang dir>` in step.
//
// Formatting by the language's rules (plurals, dates, durations) is in ./format.ts, pure and
// taking the locale; the wrappers here pass the active language.

import { effect, signal } from '@preact/signals';
import { h, type VNode } from 'preact';
import { ERROR_PARAMS, errorKey, isUserError } from '../errors';
import { firstDayOfWeek } from '../schedule';
import * as format from './format';

export { formatClock } from '../time';
export { pluralForm, textDirection } from './format';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type Catalogue = Record<string, Message>;

// Each language's messages.json, as a chunk loaded only when that language is chosen.
const loaders = import.meta.glob<Catalogue>('../../public/_locales/*/messages.json', {
  import: 'default',
});
const LOADERS = new Map(
  Object.entries(loaders).map(([file, load]) => [
    file.replace(/^.*_locales\/([^/]+)\/messages\.json$/, '$1'),
    load,
  ]),
);

/** The languages the extension has text in ("en", "de", "he" …), sorted. */
export const LANGUAGES: readonly string[] = [...LOADERS.keys()].sort();

/** The stored choice that follows the browser's language. */
export const BROWSER_LANGUAGE = 'auto';

/** The language chosen in Settings and its catalogue; none: the browser's language. */
const active = signal<{ lang?: string; catalogue?: Catalogue }>({});

type GetMessage = (key: string, subs?: string | string[]) => string;

function browserMessage(key: string, substitutions?: string | string[]): string {
  const getMessage = globalThis.browser?.i18n?.getMessage as GetMessage | undefined;
  return getMessage?.(key, substitutions) ?? '';
}

/** A message with its substitutions, by the rules of `chrome.i18n.getMessage`. */
export function fillMessage(m: Message, substitutions?: string | string[]): string {
  const subs =
    substitutions === undefined
      ? []
      : Array.isArray(substitutions)
        ? substitutions
        : [substitutions];
  const sub = (text: string) =>
    text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  const placeholders = Object.fromEntries(
    Object.entries(m.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
  return m.message
    .split('$$')
    .map((part) =>
      sub(
        part.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
          const content = placeholders[name.toLowerCase()];
          return content === undefined ? whole : content;
        }),
      ),
    )
    .join('$');
}

export function t(key: string, substitutions?: string | string[]): string {
  const m = active.value.catalogue?.[key];
  if (m) return fillMessage(m, substitutions);
  return browserMessage(key, substitutions) || key;
}

/** The language the extension's text is shown in: the chosen one, else the browser's. */
export function uiLanguage(): string {
  return active.value.lang || globalThis.browser?.i18n?.getUILanguage?.() || 'en';
}

/** 'rtl' when the UI language is written right to left. */
export function uiDirection(): 'ltr' | 'rtl' {
  return format.textDirection(uiLanguage());
}

/**
 * Shows the extension's text in `choice` ("he", "de" …), or in the browser's language for
 * BROWSER_LANGUAGE or a language it has no text in.
 */
export async function chooseLanguage(choice: string): Promise<void> {
  const base = choice.toLowerCase().split('-')[0] ?? '';
  const load = choice === BROWSER_LANGUAGE ? undefined : LOADERS.get(base);
  if (!load) {
    active.value = {};
    return;
  }
  active.value = { lang: base, catalogue: await load() };
}

/** Where the choice is kept: `languageItem` (lib/storage/items.ts). */
export interface LanguageSource {
  get(): Promise<string>;
  watch(cb: (value: string) => void): () => void;
}

/**
 * For a page: loads the chosen language before the first render, follows later choices, and
 * keeps `<html lang dir>` on the language shown. A failure to read the choice leaves the
 * browser's language.
 */
export async function startLanguage(source: LanguageSource, doc = document): Promise<() => void> {
  try {
    await chooseLanguage(await source.get());
  } catch (e) {
    console.error('Mentor Companion: language', e);
  }
  const unwatch = source.watch((choice) => {
    chooseLanguage(choice).catch((e) => console.error('Mentor Companion: language', e));
  });
  const stop = effect(() => {
    const lang = uiLanguage();
    doc.documentElement.lang = lang;
    doc.documentElement.dir = format.textDirection(lang);
  });
  return () => {
    unwatch();
    stop();
  };
}

let following: Promise<void> | undefined;

/**
 * For the background, which has no document: loads the chosen language and follows later
 * choices, so its notifications speak the language chosen in Settings, not the browser's.
 * Returns the unwatch; `languageReady()` resolves once the current choice is loaded.
 */
export function followLanguage(source: LanguageSource): () => void {
  const log = (e: unknown) => console.error('Mentor Companion: language', e);
  following = source.get().then(chooseLanguage).catch(log);
  return source.watch((choice) => {
    following = chooseLanguage(choice).catch(log);
  });
}

/** Resolves once the language `followLanguage` follows is loaded (at once without it). */
export function languageReady(): Promise<void> {
  return following ?? Promise.resolve();
}

/** A language's own name for itself: "עברית", "Deutsch", "English". */
export function languageName(lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

// Private-use characters stand for the substitutions while the message is split around them.
const SLOT = 0xe000;

/**
 * A message whose substitutions are user text (a name, a topic), each in its own `<bdi>`: a
 * Hebrew name in an English label, an English name in a Hebrew one, or bidi controls the user
 * typed stay inside their own text and never reorder the label around them.
 */
export function tIsolated(
  key: string,
  substitutions: string | string[],
): (string | VNode<unknown>)[] {
  const subs = Array.isArray(substitutions) ? substitutions : [substitutions];
  const text = t(
    key,
    subs.map((_, i) => String.fromCharCode(SLOT + i)),
  );
  const parts: (string | VNode<unknown>)[] = [];
  let rest = '';
  for (const ch of text) {
    const i = ch.charCodeAt(0) - SLOT;
    if (ch.length === 1 && i >= 0 && i < subs.length) {
      if (rest) parts.push(rest);
      rest = '';
      parts.push(h('bdi', { key: i }, subs[i]) as VNode<unknown>);
    } else rest += ch;
  }
  if (rest) parts.push(rest);
  return parts;
}

// ---- formatting in the UI language --------------------------------------------------------------

/** A duration in words: "45 min", "1 h 5 min"; "שעתיים" in Hebrew. */
export function formatDuration(ms: number): string {
  return format.formatDuration(ms, uiLanguage(), t);
}

/** A counted word (`<base>_one|_two|_other`) for `n`. */
export function counted(base: string, n: number): string {
  return format.counted(base, n, uiLanguage(), t);
}

/** A number as the UI language writes it. */
export function formatNumber(n: number, opts?: Intl.NumberFormatOptions): string {
  return format.formatNumber(n, uiLanguage(), opts);
}

/** A day and time in the runtime's zone ("Tue, 3 Dec 2026, 10:00"), or in `timeZone`. */
export function formatDateTime(at: number, timeZone?: string): string {
  return format.formatDateTime(at, uiLanguage(), timeZone);
}

/** A weekday and date ("Tue, 3 Dec"). */
export function formatDay(at: number): string {
  return format.formatDay(at, uiLanguage());
}

/** A calendar date ("3 Dec 2026"). */
export function formatDate(at: number): string {
  return format.formatDate(at, uiLanguage());
}

/** "in 2 days", "yesterday" … in the UI language; further than a week: the date. */
export function formatRelative(at: number, now: number): string {
  return format.formatRelative(at, now, uiLanguage());
}

/**
 * The first day of the week, 1 = Monday … 7 = Sunday, as the user's calendar has it: the chosen
 * language's (Hebrew: Sunday), else the browser's locale with its region (en-GB: Monday, en-US:
 * Sunday).
 */
export function weekStart(): number {
  const nav = globalThis.navigator?.language;
  return firstDayOfWeek(active.value.lang ?? nav ?? uiLanguage());
}

/**
 * The sentence to show for an error: a `UserError` in the user's language; anything else is
 * logged (it is a bug or a browser failure) and shown as the one generic sentence.
 */
export function describeError(error: unknown): string {
  if (isUserError(error) && error.code in ERROR_PARAMS) {
    // Numbers in the parameters (a limit, a count) are written the way the language writes them.
    const numbers = new Intl.NumberFormat(uiLanguage());
    // A parameter written `@key` names a word of its own in _locales/ (a record kind, a weekday).
    const params = error.params.map((p) =>
      /^\d+$/.test(p) ? numbers.format(Number(p)) : p.startsWith('@') ? t(p.slice(1)) : p,
    );
    return t(errorKey(error.code), params);
  }
  console.error('Mentor Companion:', error);
  return t(errorKey('generic'));
}
