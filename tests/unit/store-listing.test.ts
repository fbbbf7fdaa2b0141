import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST_RULES } from '../../lib/platforms/hosts';
import { type Build, buildTargets } from './manifest-builds';

// The store listing (docs/store-listing.md) justifies every permission and every host the
// built manifests ask for, and the listing's images and icons exist at the stores' sizes.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const listing = fs.readFileSync(path.join(ROOT, 'docs/store-listing.md'), 'utf8');

/** The width and height of a PNG file, from its IHDR chunk. */
function pngSize(file: string): [number, number] {
  const head = fs.readFileSync(file).subarray(0, 24);
  expect(head.subarray(1, 4).toString('latin1'), file).toBe('PNG');
  return [head.readUInt32BE(16), head.readUInt32BE(20)];
}

/** The box of pixels that are not (nearly) transparent, in an 8-bit RGBA PNG. */
function opaqueBox(file: string) {
  const data = fs.readFileSync(file);
  const [width, height] = pngSize(file);
  expect([data[24], data[25], data[28]], 'bit depth, colour type RGBA, no interlace').toEqual([
    8, 6, 0,
  ]);
  const idat: Buffer[] = [];
  for (let at = 8; at < data.length; ) {
    const length = data.readUInt32BE(at);
    const type = data.subarray(at + 4, at + 8).toString('latin1');
    if (type === 'IDAT') idat.push(data.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rows: Uint8Array[] = [];
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= 4 ? (out[i - 4] ?? 0) : 0;
      const b = prev[i] ?? 0;
      const c = i >= 4 ? (prev[i - 4] ?? 0) : 0;
      const x = line[i] ?? 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      out[i] = (x + ([0, a, b, (a + b) >> 1, paeth][filter ?? 0] ?? 0)) & 0xff;
    }
    rows.push(out);
    prev = out;
  }
  const box = { left: width, top: height, right: -1, bottom: -1 };
  rows.forEach((row, y) => {
    for (let x = 0; x < width; x++) {
      // Anti-aliasing may leave a trace below 1/16 opacity beside the edge: that is clear.
      if ((row[x * 4 + 3] ?? 0) < 16) continue;
      box.left = Math.min(box.left, x);
      box.right = Math.max(box.right, x);
      box.top = Math.min(box.top, y);
      box.bottom = Math.max(box.bottom, y);
    }
  });
  return box;
}

let builds: Build[] = [];
let remove = () => {};
beforeAll(() => {
  ({ builds, remove } = buildTargets(
    [
      { browser: 'chrome', manifestVersion: 3 },
      { browser: 'firefox', manifestVersion: 3 },
    ],
    'store-listing',
  ));
}, 120_000);
afterAll(() => remove());

describe('the store listing', () => {
  it('justifies each permission of each build in its permissions table', () => {
    const table = listing.slice(listing.indexOf('## Permissions'), listing.indexOf('## Hosts'));
    for (const build of builds) {
      for (const permission of build.manifest.permissions ?? []) {
        expect(table, `${build.browser}: ${permission}`).toMatch(
          new RegExp(`^\\| \`${permission}\`[^|]*\\| \\S`, 'm'),
        );
      }
    }
  });

  it('lists each host of the content script, and only those', () => {
    const table = listing.slice(listing.indexOf('## Hosts'), listing.indexOf('## Data use'));
    const listed = [...table.matchAll(/^\| `([^`]+)` +\| \S/gm)].map((m) => m[1]);
    const hosts = HOST_RULES.map((r) => (r.subdomains ? `*.${r.host}` : r.host));
    expect(listed.sort()).toEqual([...hosts].sort());
    for (const build of builds) {
      const matches = (build.manifest.content_scripts as Array<{ matches: string[] }>).flatMap(
        (c) => c.matches,
      );
      expect(matches.map((m) => m.replace(/^https:\/\/|\/\*$/g, '')).sort()).toEqual(
        [...hosts].sort(),
      );
    }
  });

  it('names the add-on id the Firefox build carries, which is no placeholder', () => {
    const firefox = builds.find((b) => b.browser === 'firefox');
    const settings = firefox?.manifest.browser_specific_settings as { gecko: { id: string } };
    const id = settings.gecko.id;
    expect(id).not.toMatch(/\.(example|test|invalid|localhost)$/);
    expect(listing).toContain(`\`${id}\``);
  });

  it('sets the minimum Chrome version in the Chrome build', () => {
    const chrome = builds.find((b) => b.browser === 'chrome');
    expect(Number(chrome?.manifest.minimum_chrome_version)).toBeGreaterThanOrEqual(116);
  });

  it('has icons at every size, the 128 px one with 16 px clear on each side', () => {
    for (const size of [16, 32, 48, 96, 128]) {
      expect(pngSize(path.join(ROOT, `public/icon/${size}.png`))).toEqual([size, size]);
    }
    // The art's bounding box, read from the alpha channel: 96 × 96 px, centred.
    expect(opaqueBox(path.join(ROOT, 'public/icon/128.png'))).toEqual({
      left: 16,
      top: 16,
      right: 111,
      bottom: 111,
    });
  });
});
