import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackupError } from '../../../lib/backup';
import { UserError } from '../../../lib/errors';
import { ShareError } from '../../../lib/share';
import { LEGACY_AS_WRITTEN, LEGACY_CODES, describe as sentence } from '../../../models/errors';
import { useLocale } from './setup';

// The bridge from lib/'s English sentences to error codes, until lib/ throws only UserErrors.

afterEach(() => vi.restoreAllMocks());

describe('describe', () => {
  let t: ReturnType<typeof useLocale>;
  beforeEach(() => {
    t = useLocale('en');
  });

  it.each(Object.keys(LEGACY_CODES))('reads “%s” the same through its code', (text) => {
    expect(sentence(new Error(text))).toBe(text);
  });

  it.each(Object.keys(LEGACY_CODES))('translates “%s”', (text) => {
    t = useLocale('de');
    const shown = sentence(new Error(text));
    expect(shown).not.toBe(text);
    expect(shown.trim()).toBeTruthy();
  });

  it('shows a sentence lib/ has no code for as written', () => {
    for (const text of LEGACY_AS_WRITTEN) expect(sentence(new Error(text))).toBe(text);
  });

  it('turns a user error into its sentence', () => {
    t = useLocale('de');
    expect(sentence(new UserError('minutes-range', [5, 240]))).toBe(
      t('error_minutes_range', ['5', '240']),
    );
  });

  it("keeps a share or backup error's own sentence", () => {
    expect(sentence(new ShareError('damaged', 'Damaged.'))).toBe('Damaged.');
    expect(sentence(new BackupError('foreign', 'Foreign.'))).toBe('Foreign.');
  });

  it('logs anything else and shows the generic sentence', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const bug = new TypeError('x is undefined');
    expect(sentence(bug)).toBe(t('error_generic'));
    expect(sentence(new Error('Something in English.'))).toBe(t('error_generic'));
    expect(log).toHaveBeenCalledWith('Mentor Companion:', bug);
  });
});
