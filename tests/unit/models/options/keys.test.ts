import { describe, expect, it } from 'vitest';
import { type KeyInput, keyCommand } from '../../../../models/options/keys';

const base: KeyInput = {
  key: '',
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  typing: false,
  onSessionPage: false,
};

describe('the Mentorships page keys', () => {
  it.each<[Partial<KeyInput>, ReturnType<typeof keyCommand>]>([
    [{ key: '/' }, 'search'],
    [{ key: 'n' }, 'next-mentorship'],
    // A Hebrew layout: the same physical key.
    [{ key: 'מ', code: 'KeyN' }, 'next-mentorship'],
    [{ key: '[', onSessionPage: true }, 'previous-session'],
    [{ key: ']', onSessionPage: true }, 'next-session'],
    [{ key: '[' }, undefined],
    // Typing in a field, or with a modifier (the browser's own keys), is left alone.
    [{ key: '/', typing: true }, undefined],
    [{ key: 'n', typing: true }, undefined],
    [{ key: '[', altKey: true, onSessionPage: true }, undefined],
    [{ key: 'ArrowLeft', altKey: true, onSessionPage: true }, undefined],
    [{ key: 'n', ctrlKey: true }, undefined],
    [{ key: 'n', metaKey: true }, undefined],
  ])('%o → %s', (input, command) => {
    expect(keyCommand({ ...base, ...input })).toBe(command);
  });
});
