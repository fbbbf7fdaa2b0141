// ical.js (about 80 kB) is only for the invite importer: it is imported by lib/calendar/invite.ts
// alone, and that module is only ever loaded on demand (`await import(…)`), so neither the
// content script nor the popup's first paint carries it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const SKIP = new Set(['node_modules', '.output', '.wxt', '.tools', '.tmp', '.git', 'tests']);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (SKIP.has(d.name)) return [];
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return /\.(ts|tsx|js|mjs)$/.test(d.name) ? [p] : [];
  });
}

const files = sources(root).map((p) => ({
  file: path.relative(root, p).split(path.sep).join('/'),
  text: fs.readFileSync(p, 'utf8'),
}));

describe('ical.js is loaded only where an invite is read', () => {
  it('is imported by lib/calendar/invite.ts and nothing else', () => {
    const importers = files
      .filter((f) => /from\s+['"]ical\.js['"]|import\(\s*['"]ical\.js['"]\s*\)/.test(f.text))
      .map((f) => f.file);
    expect(importers).toEqual(['lib/calendar/invite.ts']);
  });

  it('is reached only through a dynamic import of the invite module', () => {
    const staticImports = files
      .filter((f) => /(?:from|import)\s+['"][^'"]*calendar\/invite['"]/.test(f.text))
      .map((f) => f.file);
    expect(staticImports).toEqual([]);
  });
});
