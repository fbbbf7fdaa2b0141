// The content script stays light by lint (biome.json's content-script weight override and
// lint/content-light.grit): in its files, webextension-polyfill and wxt/browser are refused,
// imported or auto-imported (the `browser` global), and lib/content/runtime.ts is the way in.
// Each probe file is linted in a scratch copy of the configuration.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const biome = path.join(root, 'node_modules', '.bin', 'biome');
let scratch = '';

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-content-light-'));
  fs.cpSync(path.join(root, 'lint'), path.join(scratch, 'lint'), { recursive: true });
  const config = JSON.parse(fs.readFileSync(path.join(root, 'biome.json'), 'utf8'));
  delete config.$schema;
  config.vcs = { enabled: false };
  fs.writeFileSync(path.join(scratch, 'biome.json'), JSON.stringify(config));
});

afterAll(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

function lint(file: string, source: string): { ok: boolean; output: string } {
  const full = path.join(scratch, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, source);
  try {
    const run = spawnSync(biome, ['lint', '--colors=off', file], {
      cwd: scratch,
      encoding: 'utf8',
    });
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    fs.rmSync(full);
  }
}

const ZONE = [
  'entrypoints/call.content.ts',
  'entrypoints/call-watch.ts',
  'lib/content/probe.ts',
  'lib/platforms/probe.ts',
];

describe('the content script stays light', () => {
  it.each(ZONE)('%s refuses the polyfill and wxt/browser', (file) => {
    for (const source of [
      "import { browser } from 'wxt/browser';\nexport const id = browser.runtime.id;\n",
      "import browser from 'webextension-polyfill';\nexport const id = browser.runtime.id;\n",
      "import 'webextension-polyfill';\n",
    ]) {
      const result = lint(file, source);
      expect(result.ok).toBe(false);
      expect(result.output).toContain('Zone content script');
    }
  });

  it.each(ZONE)('%s refuses the auto-imported browser global', (file) => {
    const result = lint(file, 'export const id = () => browser.runtime.id;\n');
    expect(result.ok).toBe(false);
    expect(result.output).toContain('lib/content/runtime.ts');
  });

  it('accepts the runtime door', () => {
    const result = lint(
      'lib/content/probe.ts',
      "import { getURL } from './runtime';\nexport const url = getURL('/call-watch.js');\n",
    );
    expect(result.output).not.toContain('Zone content script');
    expect(result.ok).toBe(true);
  });

  it('leaves the pages and the background their polyfill', () => {
    const result = lint(
      'entrypoints/popup/probe.ts',
      "import { browser } from 'wxt/browser';\nexport const id = browser.runtime.id;\n",
    );
    expect(result.ok).toBe(true);
  });
});
