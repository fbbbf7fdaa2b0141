// Text comes from _locales/<lang>/messages.json through the browser; a missing key shows as
// itself, so a gap is visible in review instead of an empty label.

import { ERROR_PARAMS, errorKey, isUserError } from './errors';

/** A duration as the clock text views show (`1:05`, `1:02:03`): text, so views take it from here. */
export { formatClock } from './time';

export function t(key: string, substitutions?: string | string[]): string {
  const getMessage = globalThis.browser?.i18n?.getMessage as
    | ((key: string, subs?: string | string[]) => string)
    | undefined;
  return getMessage?.(key, substitutions) || key;
}

/** The language the browser shows the extension's text in. */
export function uiLanguage(): string {
  return globalThis.browser?.i18n?.getUILanguage?.() || 'en';
}

/**
 * The sentence to show for an error: a `UserError` in the user's language; anything else is
 * logged (it is a bug or a browser failure) and shown as the one generic sentence.
 */
export function describeError(error: unknown): string {
  if (isUserError(error) && error.code in ERROR_PARAMS) {
    // Numbers in the parameters (a limit, a count) are written the way the language writes them.
    const numbers = new Intl.NumberFormat(uiLanguage());
    // A parameter written `@key` names a word of its own in _locales/ (a record kind).
    const params = error.params.map((p) =>
      /^\d+$/.test(p) ? numbers.format(Number(p)) : p.startsWith('@') ? t(p.slice(1)) : p,
    );
    return t(errorKey(error.code), params);
  }
  console.error('Mentor Companion:', error);
  return t(errorKey('generic'));
}
