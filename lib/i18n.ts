// Text comes from _locales/<lang>/messages.json through the browser; a missing key shows as
// itself, so a gap is visible in review instead of an empty label.
export function t(key: string, substitutions?: string | string[]): string {
  const getMessage = globalThis.browser?.i18n?.getMessage as
    | ((key: string, subs?: string | string[]) => string)
    | undefined;
  return getMessage?.(key, substitutions) || key;
}
