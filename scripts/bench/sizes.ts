// What each part of a built extension weighs, raw and gzip -9. The content script is what the
// manifest injects into every matching page; "on demand" is script the content script loads
// itself (web-accessible .js), which only a page that shows a call pays for.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

export interface ExtensionSizes {
  contentScript: { raw: number; gzip: number; files: string[] };
  onDemand: { raw: number; gzip: number; files: string[] };
  files: FileSize[];
}

interface Manifest {
  content_scripts?: Array<{ js?: string[] }>;
  web_accessible_resources?: Array<string | { resources?: string[] }>;
}

const sizeOf = (dir: string, file: string): FileSize => {
  const data = fs.readFileSync(path.join(dir, file));
  return { file, raw: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length };
};

const sum = (dir: string, files: string[]) => {
  const rows = files.map((f) => sizeOf(dir, f));
  return {
    raw: rows.reduce((n, r) => n + r.raw, 0),
    gzip: rows.reduce((n, r) => n + r.gzip, 0),
    files,
  };
};

export function extensionSizes(dir: string): ExtensionSizes {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const injected = [...new Set((manifest.content_scripts ?? []).flatMap((c) => c.js ?? []))];
  const exposed = (manifest.web_accessible_resources ?? [])
    .flatMap((r) => (typeof r === 'string' ? [r] : (r.resources ?? [])))
    .map((f) => f.replace(/^\//, ''))
    .filter((f) => f.endsWith('.js') && fs.existsSync(path.join(dir, f)));
  const files: FileSize[] = [];
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.posix.join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/\.(js|css|html)$/.test(entry.name)) files.push(sizeOf(dir, rel));
    }
  };
  walk('');
  files.sort((a, b) => b.raw - a.raw);
  return {
    contentScript: sum(dir, injected),
    onDemand: sum(
      dir,
      exposed.filter((f) => !injected.includes(f)),
    ),
    files,
  };
}

/** The extension's name and version from its manifest (its default locale for __MSG_ names). */
export function extensionName(dir: string): { name: string; version: string } {
  const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
    name?: string;
    version?: string;
    default_locale?: string;
  };
  let name = m.name ?? path.basename(dir);
  const key = /^__MSG_(.+)__$/.exec(name)?.[1];
  if (key && m.default_locale) {
    try {
      const messages = JSON.parse(
        fs.readFileSync(path.join(dir, '_locales', m.default_locale, 'messages.json'), 'utf8'),
      ) as Record<string, { message?: string }>;
      const hit = Object.entries(messages).find(([k]) => k.toLowerCase() === key.toLowerCase());
      if (hit?.[1].message) name = hit[1].message;
    } catch {
      // keep the raw name
    }
  }
  return { name, version: m.version ?? '?' };
}
