// Runs once before the Firefox end-to-end files: builds the Firefox add-on (unless the caller
// just did, as `npm test` does) and checks that Firefox is there, with one clear line if not.
import { execFileSync } from 'node:child_process';
import { findFirefox } from '../../scripts/lib/firefox.ts';

export default function setup(): void {
  findFirefox();
  if (process.env.MC_E2E_PREBUILT !== '1') {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'inherit' });
  }
}
