// Runs once before the end-to-end files: builds the Chrome extension (unless the caller just
// did, as `npm test` does) and checks that Chromium is there, with one clear line if not.
import { execFileSync } from 'node:child_process';
import { findChromium } from '../../scripts/lib/chromium.ts';

export default function setup(): void {
  findChromium();
  if (process.env.MC_E2E_PREBUILT !== '1') {
    execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  }
}
