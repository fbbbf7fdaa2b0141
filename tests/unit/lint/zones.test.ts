// The layers are kept by lint (biome.json's overrides and the GritQL rules in lint/): this test
// writes one probe file into each zone of a scratch copy of the configuration and shows that
// `biome lint` refuses what crosses the zone and accepts what is allowed there.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const biome = path.join(root, 'node_modules', '.bin', 'biome');
let scratch = '';

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-zones-'));
  fs.copyFileSync(path.join(root, 'biome.json'), path.join(scratch, 'biome.json'));
  fs.cpSync(path.join(root, 'lint'), path.join(scratch, 'lint'), { recursive: true });
  // The scratch copy has no git and no node_modules: drop the VCS setting and the $schema path.
  const config = JSON.parse(fs.readFileSync(path.join(scratch, 'biome.json'), 'utf8'));
  delete config.$schema;
  config.vcs = { enabled: false };
  fs.writeFileSync(path.join(scratch, 'biome.json'), JSON.stringify(config));
});

afterAll(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

/** Lints one file written at `file` (a path inside the repository's layout). */
function lint(file: string, source: string): { ok: boolean; output: string } {
  const full = path.join(scratch, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, source);
  try {
    const run = spawnSync(biome, ['lint', '--colors=off', '--max-diagnostics=50', file], {
      cwd: scratch,
      encoding: 'utf8',
    });
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    fs.rmSync(full);
  }
}

const use = (names: string) => `\nexport const used = [${names}];\n`;

describe('lint zones', () => {
  it.each([
    // [zone, file, source, the words the refusal must carry]
    ['lib', 'lib/probe.ts', `import { Prep } from '@/components/Prep';${use('Prep')}`, 'Zone lib/'],
    [
      'lib',
      'lib/session/probe.ts',
      `import { x } from '../../models/prep';${use('x')}`,
      'Zone lib/',
    ],
    ['pure', 'lib/rules/probe.ts', `import { db } from '../db';${use('db')}`, 'Zone pure'],
    ['pure', 'lib/share/probe.ts', `import { t } from '../i18n';${use('t')}`, 'Zone pure'],
    ['pure', 'lib/time.ts', 'export const now = () => Date.now();\n', 'Zone pure'],
    ['pure', 'lib/rules/probe.ts', 'export const id = () => browser.runtime.id;\n', 'browser'],
    ['pure', 'lib/focus.ts', 'export const id = () => globalThis.chrome;\n', 'Zone pure'],
    [
      'content script',
      'lib/platforms/probe.ts',
      `import { openDb } from '../db';${use('openDb')}`,
      'Zone content script',
    ],
    [
      'content script',
      'entrypoints/call.content.ts',
      `import { h } from 'preact';${use('h')}`,
      'Zone content script',
    ],
    [
      'content script',
      'lib/content/probe.ts',
      `import { settingsItem } from '../storage/items';${use('settingsItem')}`,
      'Zone content script',
    ],
    [
      'models',
      'models/probe.ts',
      `import { Prep } from '@/components/Prep';${use('Prep')}`,
      'Zone models/',
    ],
    [
      'components',
      'components/Probe.tsx',
      `import { loadAll } from '@/lib/repos/snapshot';${use('loadAll')}`,
      'Zone components/',
    ],
    [
      'components',
      'components/options/Probe.tsx',
      `import { createPrep } from '../../models/prep';${use('createPrep')}`,
      'Zone components/',
    ],
    ['components', 'components/Probe.tsx', 'export const s = () => browser.storage;\n', 'browser'],
    [
      'storage items',
      'models/probe.ts',
      "export const s = () => browser.storage.local.get('settings');\n",
      'lib/storage/items.ts',
    ],
    [
      'storage items',
      'lib/session/probe.ts',
      'export const s = () => chrome.storage.session.set({ live: {} });\n',
      'lib/storage/items.ts',
    ],
    [
      'repositories',
      'entrypoints/popup/probe.ts',
      "export const put = (d: IDBDatabase) => d.transaction('sessions', 'readwrite');\n",
      'lib/repos/',
    ],
  ])('%s: refuses %s', (_zone, file, source, words) => {
    const { ok, output } = lint(file, source);
    expect(ok).toBe(false);
    expect(output).toContain(words);
  });

  it.each([
    ['lib', 'lib/session/probe.ts', `import { t } from '../i18n';${use('t')}`],
    ['pure', 'lib/rules/probe.ts', `import { LIMITS } from '../limits';${use('LIMITS')}`],
    ['pure', 'lib/rules/probe.ts', 'export const later = (now: number) => new Date(now + 1);\n'],
    [
      'content script',
      'lib/platforms/probe.ts',
      `import type { Platform } from '../records';\nexport const p: Platform = 'meet';\n`,
    ],
    [
      'models',
      'models/probe.ts',
      `import { LIMITS } from '@/lib/limits';\nimport { write } from '@/lib/repos/tx';\nexport const x = [LIMITS.name, write];\n`,
    ],
    [
      'components',
      'components/Probe.tsx',
      `import type { Mentorship } from '@/lib/records';\nimport { t } from '@/lib/i18n';\nexport const f = (m: Mentorship) => t(m.id);\n`,
    ],
    [
      'storage items',
      'lib/storage/probe.ts',
      "export const s = () => browser.storage.local.get('settings');\n",
    ],
    [
      'repositories',
      'lib/repos/probe.ts',
      "export const put = (d: IDBDatabase) => d.transaction('sessions', 'readwrite');\n",
    ],
  ])('%s: accepts %s', (_zone, file, source) => {
    const { ok, output } = lint(file, source);
    expect(output).not.toContain('Zone');
    expect(ok).toBe(true);
  });
});
