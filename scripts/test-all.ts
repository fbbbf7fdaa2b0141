// `npm test`: every check, in the order a failure is cheapest to find. Lint, types, unit tests,
// the Chrome and Firefox builds, Firefox's add-on linter, then the end-to-end suites in Chromium
// and in Firefox (the Chromium suite includes one headful pass on a private Xvfb display,
// tests/e2e/window.e2e.ts).
// It keeps going after a failing step (except where a later step needs the earlier one), prints
// one line per step and ends with a plain `tests: N passed, N failed` line (the tests run by
// vitest, plus one failure for each other step that failed).
// Temporary files (browser profiles, certificates) live in .tmp/ and are removed at the end.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TMP = path.join(ROOT, '.tmp');
const tmpdir = path.join(TMP, 'tmp');
fs.mkdirSync(tmpdir, { recursive: true });
const env = { ...process.env, TMPDIR: tmpdir, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' };

interface Step {
  name: string;
  cmd: string[];
  env?: Record<string, string>;
  /** A vitest JSON report to count tests from. */
  report?: string;
  needs?: string;
}

const reports = path.join(TMP, 'reports');
fs.mkdirSync(reports, { recursive: true });
const unitReport = path.join(reports, 'unit.json');
const e2eReport = path.join(reports, 'e2e.json');
const e2eFirefoxReport = path.join(reports, 'e2e-firefox.json');

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const steps: Step[] = [
  { name: 'lint', cmd: ['npx', 'biome', 'check', '.'] },
  { name: 'types', cmd: ['npx', 'tsc', '--noEmit'] },
  {
    name: 'unit',
    cmd: [
      'npx',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${unitReport}`,
    ],
    report: unitReport,
  },
  { name: 'build', cmd: ['npx', 'wxt', 'build'] },
  { name: 'build-firefox', cmd: ['npx', 'wxt', 'build', '-b', 'firefox'] },
  { name: 'lint-firefox', cmd: ['node', 'scripts/lint-firefox.ts'], needs: 'build-firefox' },
  {
    name: 'e2e',
    cmd: [
      'npx',
      'vitest',
      'run',
      '--config',
      'vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${e2eReport}`,
    ],
    env: { MC_E2E_PREBUILT: '1' },
    report: e2eReport,
    needs: 'build',
  },
  {
    name: 'e2e-firefox',
    cmd: [
      'npx',
      'vitest',
      'run',
      '--config',
      'vitest.e2e-firefox.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${e2eFirefoxReport}`,
    ],
    env: { MC_E2E_PREBUILT: '1' },
    report: e2eFirefoxReport,
    needs: 'build-firefox',
  },
].filter((s) => !only.length || only.includes(s.name));

const results = new Map<string, boolean>();
let passed = 0;
let failed = 0;
const started = Date.now();

for (const step of steps) {
  if (step.needs && results.get(step.needs) === false) {
    console.log(`\n✗ ${step.name}: skipped, because ${step.needs} failed`);
    results.set(step.name, false);
    failed += 1;
    continue;
  }
  console.log(`\n▶ ${step.name}: ${step.cmd.join(' ')}`);
  if (step.report) fs.rmSync(step.report, { force: true });
  const t0 = Date.now();
  const run = spawnSync(step.cmd[0] ?? '', step.cmd.slice(1), {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...env, ...step.env },
  });
  const ok = run.status === 0;
  results.set(step.name, ok);
  if (step.report && fs.existsSync(step.report)) {
    const json = JSON.parse(fs.readFileSync(step.report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
    };
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    if (!ok && json.numFailedTests === 0) failed += 1;
  } else if (!ok) {
    // A step that is no test runner counts only when it fails, so a failure is never hidden.
    failed += 1;
  }
  console.log(`${ok ? '✓' : '✗'} ${step.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

// Profiles, certificates and Chromium's own temporary folders go with the run.
fs.rmSync(tmpdir, { recursive: true, force: true });
for (const dir of ['e2e', 'e2e-firefox', 'unit-builds', 'unit-builds-card']) {
  fs.rmSync(path.join(TMP, dir), { recursive: true, force: true });
}
const bad = [...results].filter(([, ok]) => !ok).map(([name]) => name);
console.log(
  `\n${bad.length ? `Failed: ${bad.join(', ')}` : 'Every check passed'} in ${((Date.now() - started) / 1000).toFixed(0)} s.`,
);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(bad.length ? 1 : 0);
