import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../lib/reflection';

// Every text the UI asks for exists in _locales/en/messages.json, so no screen shows a bare key.

const ROOT = path.resolve(__dirname, '../..');
const messages = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'public/_locales/en/messages.json'), 'utf8'),
) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

const used = new Set<string>();
for (const file of [...sources('entrypoints'), ...sources('components'), ...sources('lib')]) {
  const text = fs.readFileSync(file, 'utf8');
  for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1] as string);
  for (const m of text.matchAll(/getMessage\(\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1] as string);
  for (const m of text.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.add(m[1] as string);
}

describe('messages.json', () => {
  it.each([...used].sort())('has %s', (key) => {
    expect(messages[key]?.message, key).toBeTruthy();
  });

  it('has every reflection question of every catalogue version', () => {
    for (const catalogue of Object.values(catalogues)) {
      for (const q of catalogue.questions) expect(messages[q.key]?.message, q.key).toBe(q.text);
    }
  });

  it('declares every placeholder it uses', () => {
    for (const [key, entry] of Object.entries(messages)) {
      for (const m of entry.message.matchAll(/\$([A-Z_]+)\$/g)) {
        expect(
          entry.placeholders?.[(m[1] as string).toLowerCase()],
          `${key} uses $${m[1]}$`,
        ).toBeDefined();
      }
    }
  });
});
