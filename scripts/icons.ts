// `node scripts/icons.ts`: draws the extension's icons from one SVG, in headless Chromium, and
// writes public/icon/{16,32,48,96,128}.png and public/icon/icon.svg.
//
// The Chrome Web Store's guideline for the 128 px icon: the artwork 96 × 96 px, centred, with
// 16 px of transparent space on every side (the store draws its own shadow and tile around it).
// The toolbar sizes (16, 32, 48) and Firefox's 96 use the whole square, where every pixel counts.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium } from './lib/chromium.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'public/icon');

/** The artwork, drawn on a 120-unit square from (4, 4) to (124, 124). */
const ART = `
  <rect x="4" y="4" width="120" height="120" rx="28" fill="#1967d2"/>
  <path d="M24 34a14 14 0 0 1 14-14h52a14 14 0 0 1 14 14v38a14 14 0 0 1-14 14H58l-20 18v-18a14 14 0 0 1-14-14z" fill="#fff"/>
  <circle cx="50" cy="50" r="9" fill="#1967d2"/>
  <circle cx="78" cy="50" r="9" fill="#188038"/>
  <path d="M40 72c3-7 8-10 10-10s7 3 10 10M68 72c3-7 8-10 10-10s7 3 10 10" stroke="#1967d2" stroke-width="6" fill="none" stroke-linecap="round"/>`;

/** The whole square: the art fills it. */
const FULL = '4 4 120 120';
/** The store's 128 px: 96 of 128 px is art, so the canvas is 120 × 128 / 96 = 160 units. */
const STORE = '-16 -16 160 160';

function svg(viewBox: string, title = false): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}"${
    title ? ' role="img" aria-labelledby="t"' : ''
  }>${title ? '\n  <title id="t">Mentor Companion</title>' : ''}${ART}\n</svg>\n`;
}

export const ICONS: Array<{ size: number; viewBox: string }> = [
  { size: 16, viewBox: FULL },
  { size: 32, viewBox: FULL },
  { size: 48, viewBox: FULL },
  { size: 96, viewBox: FULL },
  { size: 128, viewBox: STORE },
];

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, 'icon.svg'), svg(FULL, true));
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
  try {
    for (const { size, viewBox } of ICONS) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent">${svg(viewBox).replace(
          '<svg ',
          `<svg width="${size}" height="${size}" style="display:block" `,
        )}</body></html>`,
      );
      await page.screenshot({ path: path.join(OUT, `${size}.png`), omitBackground: true });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`Icons in ${path.relative(ROOT, OUT)}/: ${ICONS.map((i) => i.size).join(', ')} px`);
}

main().catch((error) => {
  console.error(
    `mentor-companion icons: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
