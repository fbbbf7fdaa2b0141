// Shared by the manifest tests: builds the extension for each target it ships to (into .tmp/, not
// .output/, so a browser running on .output keeps its files), and reads what a build calls.
//
// What a build calls is read from its bundles, after the bundler has dropped the other browser's
// branches (`import.meta.env.FIREFOX`): a call that survives there is one that build can make.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Target {
  browser: 'chrome' | 'firefox';
  manifestVersion: 2 | 3;
}

export interface Build extends Target {
  dir: string;
  manifest: Record<string, unknown> & {
    manifest_version: number;
    permissions?: string[];
  };
}

/** Builds each target into one temporary folder; returns the builds and a cleanup. */
export function buildTargets(targets: Target[], name: string): { builds: Build[]; remove(): void } {
  const outDir = path.join(ROOT, '.tmp', name);
  fs.rmSync(outDir, { recursive: true, force: true });
  const builds = targets.map((target) => {
    // A separate process: WXT's build wants a plain Node, not the test runner's module graph.
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { build } from 'wxt';
         await build(${JSON.stringify({ ...target, outDir })});`,
      ],
      { cwd: ROOT, stdio: 'pipe' },
    );
    const dir = path.join(outDir, `${target.browser}-mv${target.manifestVersion}`);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    return { ...target, dir, manifest };
  });
  return { builds, remove: () => fs.rmSync(outDir, { recursive: true, force: true }) };
}

/** The JavaScript files of a build, by path inside it. */
export function scripts(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (file.endsWith('.js')) out.set(file, fs.readFileSync(path.join(dir, file), 'utf8'));
  }
  return out;
}

/**
 * The extension APIs a bundle touches, as `namespace.member` (or `namespace` alone): calls
 * through the polyfill's default export (`x.default.tabs.query`) and on the globals
 * (`chrome.runtime.id`, `globalThis.browser?.sidebarAction`). An access written with `?.`
 * before the member (`storage?.session?.set`) is `guarded`: the code has a way without it.
 */
export function apisIn(code: string): { used: Set<string>; guarded: Set<string> } {
  const used = new Set<string>();
  const guarded = new Set<string>();
  const patterns = [
    /\b[\w$]+\.default\.([a-zA-Z][\w]*)(?:(\?)?\.([a-zA-Z_][\w]*))?/g,
    /(?<![\w$.])(?:globalThis\.)?(?:browser|chrome)(?:\?)?\.([a-zA-Z][\w]*)(?:(\?)?\.([a-zA-Z_][\w]*))?/g,
  ];
  for (const pattern of patterns) {
    for (const m of code.matchAll(pattern)) {
      const api = m[3] ? `${m[1]}.${m[3]}` : `${m[1]}`;
      (m[2] ? guarded : used).add(api);
    }
  }
  return { used, guarded };
}

/** The argument text of every call to `callee(` in the code (parentheses balanced). */
export function callArguments(code: string, callee: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const at = code.indexOf(`${callee}(`, from);
    if (at < 0) return out;
    let depth = 0;
    let i = at + callee.length;
    for (; i < code.length; i++) {
      if (code[i] === '(') depth++;
      else if (code[i] === ')' && --depth === 0) break;
    }
    out.push(code.slice(at + callee.length + 1, i));
    from = i;
  }
}

/** The scripts an extension page loads, following the bundles' static imports. */
export function pageScripts(dir: string, page: string): string[] {
  const html = fs.readFileSync(path.join(dir, page), 'utf8');
  const queue = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) =>
    path.posix.normalize((m[1] ?? '').replace(/^\//, '')),
  );
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const m of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
      queue.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1] ?? '')));
    }
  }
  return [...seen];
}
