// Runs once before the Firefox end-to-end files: builds the Firefox add-on (unless the caller
// just did, as `npm test` does), checks that Firefox is there, with one clear line if not, and
// makes the fixture certificate once, before files running side by side would race to make it.
import { execFileSync } from 'node:child_process';
import { makeCert } from '../../scripts/lib/cert.ts';
import { findFirefox } from '../../scripts/lib/firefox.ts';
import { certDir } from './harness.ts';

export default function setup(): void {
  findFirefox();
  if (process.env.MC_E2E_PREBUILT !== '1') {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'inherit' });
  }
  makeCert(certDir);
}
