// The fixture catalogue itself: every platform has every required state, in English and in
// German, and every listed file exists and is usable by a stage page (no scripts, and the opening
// comment says what it stands for).

import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectors } from '../../../lib/platforms';
import {
  fixtures,
  REQUIRED_GERMAN_STATES,
  REQUIRED_STATES,
  REQUIRED_TRILINGUAL_STATES,
} from '../../fixtures';
import { fixtureHtml } from './load-fixture';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');

describe.each(detectors.map((d) => ({ platform: d.id })))('$platform fixtures', ({ platform }) => {
  const mine = fixtures.filter((f) => f.platform === platform);

  it.each(REQUIRED_STATES.map((state) => ({ state })))('has $state', ({ state }) => {
    expect(mine.some((f) => f.state === state)).toBe(true);
  });

  it.each(REQUIRED_GERMAN_STATES.map((state) => ({ state })))(
    'has $state in German',
    ({ state }) => {
      expect(mine.some((f) => f.state === state && f.lang === 'de')).toBe(true);
    },
  );

  it('has a non-English fixture', () => {
    expect(mine.some((f) => f.lang !== 'en')).toBe(true);
  });

  it.each(REQUIRED_TRILINGUAL_STATES[platform].map((state) => ({ state })))(
    'has $state in English, German and Hebrew',
    ({ state }) => {
      const langs = mine.filter((f) => f.state === state).map((f) => f.lang);
      expect([...langs].sort()).toEqual(['de', 'en', 'he']);
    },
  );

  it('its Hebrew fixtures are right to left', () => {
    const hebrew = mine.filter((f) => f.lang === 'he');
    expect(hebrew.length).toBeGreaterThan(0);
    for (const f of hebrew) expect(fixtureHtml(f.file)).toMatch(/<html lang="he" dir="rtl">/);
  });
});

describe('catalogue entries', () => {
  it.each(fixtures)('$file is well-formed', (f) => {
    expect(existsSync(join(FIXTURES, f.file))).toBe(true);
    expect(f.file.startsWith(`${f.platform}/`)).toBe(true);
    expect(f.file.endsWith(`.${f.lang}.html`)).toBe(true);
    const html = fixtureHtml(f.file);
    expect(html.trimStart().startsWith('<!--')).toBe(true);
    expect(html).toMatch(/Expected: (none|lobby|in-call|ended)\./);
    expect(html).toContain(`Expected: ${f.expected}.`);
    // Served to real Chromium by a stage page that swaps <body>: no scripts, and all in the body.
    expect(html).not.toMatch(/<script/i);
    expect(html.match(/<head>([\s\S]*?)<\/head>/)?.[1] ?? '').not.toMatch(/<(style|link)\b/i);
  });

  it('lists every fixture file on disk exactly once', () => {
    const onDisk = ['meet', 'zoom', 'teams'].flatMap((p) =>
      readdirSync(join(FIXTURES, p))
        .filter((n) => n.endsWith('.html'))
        .map((n) => `${p}/${n}`),
    );
    const listed = fixtures.map((f) => f.file);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...onDisk].sort());
  });
});
