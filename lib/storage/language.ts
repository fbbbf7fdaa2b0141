// The language chosen in Settings for the extension's text ("he", "de" …), or 'auto' for the
// browser's own. lib/i18n reads it on every page before the first render and follows changes.
//
// One typed item like those in items.ts (and listed there), written over storage.local itself
// rather than WXT's storage module: the session card reads it too, and in Firefox the card's
// frame gets only the content-script API set, where WXT's module (which also reaches
// storage.session) does not belong. The key is the one WXT's `local:language` would use.

import { browser } from 'wxt/browser';

export const LANGUAGE_KEY = 'language';
export const BROWSER_LANGUAGE_CHOICE = 'auto';

/** The stored choice, or undefined when it is not one (a hand edit, an unknown shape). */
export function cleanLanguage(raw: unknown): string | undefined {
  return typeof raw === 'string' && /^(auto|[a-z]{2,3}(-[A-Za-z0-9]{2,8})*)$/.test(raw)
    ? raw
    : undefined;
}

type Changes = Record<string, { newValue?: unknown }>;

export const languageItem = {
  key: `local:${LANGUAGE_KEY}` as const,
  fallback: BROWSER_LANGUAGE_CHOICE,
  async get(): Promise<string> {
    const stored = await browser.storage.local.get(LANGUAGE_KEY);
    return cleanLanguage(stored[LANGUAGE_KEY]) ?? BROWSER_LANGUAGE_CHOICE;
  },
  set(value: string): Promise<void> {
    return browser.storage.local.set({ [LANGUAGE_KEY]: value });
  },
  remove(): Promise<void> {
    return browser.storage.local.remove(LANGUAGE_KEY);
  },
  /** Calls `cb` with the new choice whenever it changes; returns the unwatch. */
  watch(cb: (value: string) => void): () => void {
    const listener = (changes: Changes, area: string) => {
      const change = changes[LANGUAGE_KEY];
      if (area === 'local' && change) cb(cleanLanguage(change.newValue) ?? BROWSER_LANGUAGE_CHOICE);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
};
