// Finding Debian's Chromium and the flags that load the built extension, map the real meeting
// hostnames to the local fixture server, and keep Chromium off the network.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ALL_HOSTS } from './hosts.ts';

export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  throw new Error(
    'Chromium is missing: install it (apt-get install chromium), or set CHROMIUM_PATH to a Chromium binary.',
  );
}

export function chromiumArgs(opts: { port: number; extensionDir: string }): string[] {
  // Rules are read in order: the meeting hosts go to the fixture server, everything else fails
  // to resolve, so no test or demo can reach the network.
  const rules = [...ALL_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${opts.port}`), 'MAP * ~NOTFOUND'];
  return [
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--disable-gpu',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    `--host-resolver-rules=${rules.join(',')}`,
    // The fixture server's certificate is self-signed and made at test time.
    '--ignore-certificate-errors',
    `--disable-extensions-except=${opts.extensionDir}`,
    `--load-extension=${opts.extensionDir}`,
  ];
}

/**
 * The id Chromium gives an unpacked extension loaded from `dir` when its manifest has no `key`:
 * the SHA-256 of the directory's absolute, symlink-free path, its first 32 hex digits written
 * with the letters a to p (Chromium's `crx_file::id_util::GenerateIdForPath`).
 */
export function unpackedExtensionId(dir: string): string {
  const digest = createHash('sha256').update(fs.realpathSync(dir)).digest('hex').slice(0, 32);
  return [...digest].map((d) => String.fromCharCode(97 + Number.parseInt(d, 16))).join('');
}

/**
 * Pins the extension's toolbar button in a new profile, before Chromium first starts on it:
 * Chromium keeps the pinned buttons in the profile's Preferences (`extensions.pinned_extensions`,
 * a list of ids) and reads it at start. Nothing outside the profile directory is touched.
 */
export function pinInNewProfile(profileDir: string, extensionId: string): void {
  const prefs = path.join(profileDir, 'Default', 'Preferences');
  fs.mkdirSync(path.dirname(prefs), { recursive: true });
  fs.writeFileSync(prefs, JSON.stringify({ extensions: { pinned_extensions: [extensionId] } }));
}
