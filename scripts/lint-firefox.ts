// Firefox's add-on linter on the Firefox build: no errors, and no warning about sidePanel
// (Chrome-only code must be guarded out of the Firefox build).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const dir = process.argv[2] ?? '.output/firefox-mv3';
if (!fs.existsSync(`${dir}/manifest.json`)) {
  console.error(`No Firefox build in ${dir}: run 'npm run build:firefox' first.`);
  process.exit(1);
}
const run = spawnSync(
  'npx',
  ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-input'],
  {
    encoding: 'utf8',
  },
);
let report: {
  summary: { errors: number; warnings: number; notices: number };
  errors: Item[];
  warnings: Item[];
};
interface Item {
  code: string;
  message: string;
  file?: string;
}
try {
  report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
} catch {
  console.error(`web-ext lint gave no report: ${run.stderr || run.stdout}`.trim());
  process.exit(1);
}
for (const item of [...report.errors, ...report.warnings]) {
  console.log(`  ${item.code}: ${item.message}${item.file ? ` (${item.file})` : ''}`);
}
const sidePanel = report.warnings.filter((w) => /sidePanel/i.test(`${w.code} ${w.message}`));
console.log(
  `web-ext lint ${dir}: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`,
);
if (report.summary.errors > 0 || sidePanel.length > 0) {
  if (sidePanel.length)
    console.error('A sidePanel warning: guard Chrome-only code with import.meta.env.FIREFOX.');
  process.exit(1);
}
