// `npm run bench`: what the extension costs where it runs. Not a test: it measures and reports.
//
// 1. Main-thread script time of a live Meet call page whose DOM mutates hundreds of times a
//    second, with the extension loaded and without it (Chrome's own Performance metrics,
//    ScriptDuration and TaskDuration, over the same window, median of several runs).
// 2. The size of what each surface loads (raw and gzip), the content script first.
//
// Results go to stdout and to bench-results/bench.json.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { makeCert } from './lib/cert.ts';
import { chromiumArgs, findChromium } from './lib/chromium.ts';
import { startFixtureServer } from './lib/fixture-server.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXT = path.join(ROOT, '.output/chrome-mv3');
const TMP = path.join(ROOT, '.tmp/bench');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 10_000);
const CHURN = Number(process.env.BENCH_CHURN ?? 500);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

async function measure(port: number, withExtension: boolean) {
  const profile = fs.mkdtempSync(path.join(TMP, 'profile-'));
  const args = chromiumArgs({ port, extensionDir: EXT }).filter(
    (a) =>
      withExtension ||
      (!a.startsWith('--load-extension') && !a.startsWith('--disable-extensions-except')),
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args,
  });
  try {
    if (withExtension) {
      if (!context.serviceWorkers().length)
        await context.waitForEvent('serviceworker', { timeout: 15_000 });
    }
    const page = await context.newPage();
    await page.goto(`https://meet.google.com/abc-defg-hij?state=in-call&churn=${CHURN}`);
    if (withExtension)
      await page.locator('#mentor-companion-card').waitFor({ state: 'attached', timeout: 10_000 });
    await page.waitForTimeout(1_000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const read = async () => {
      const { metrics } = (await cdp.send('Performance.getMetrics')) as {
        metrics: Array<{ name: string; value: number }>;
      };
      const get = (n: string) => metrics.find((m) => m.name === n)?.value ?? 0;
      return { script: get('ScriptDuration'), task: get('TaskDuration') };
    };
    const a = await read();
    const mutationsBefore = Number(
      await page.evaluate(() => document.getElementById('__churn')?.getAttribute('data-n')),
    );
    await page.waitForTimeout(WINDOW_MS);
    const b = await read();
    const mutationsAfter = Number(
      await page.evaluate(() => document.getElementById('__churn')?.getAttribute('data-n')),
    );
    const seconds = WINDOW_MS / 1000;
    return {
      scriptMsPerS: ((b.script - a.script) * 1000) / seconds,
      taskMsPerS: ((b.task - a.task) * 1000) / seconds,
      mutationsPerS: (mutationsAfter - mutationsBefore) / seconds,
    };
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

function sizes() {
  const rows: Array<{ file: string; raw: number; gzip: number }> = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(js|css|html)$/.test(entry.name)) {
        const data = fs.readFileSync(full);
        rows.push({
          file: path.relative(EXT, full),
          raw: data.length,
          gzip: zlib.gzipSync(data, { level: 9 }).length,
        });
      }
    }
  };
  walk(EXT);
  return rows.sort((a, b) =>
    a.file.startsWith('content-scripts')
      ? -1
      : b.file.startsWith('content-scripts')
        ? 1
        : b.raw - a.raw,
  );
}

async function main() {
  fs.mkdirSync(TMP, { recursive: true });
  console.log('Building the extension…');
  const build = spawnSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) throw new Error('the build failed');
  const server = await startFixtureServer(makeCert(path.join(TMP, 'cert')));
  const results: Record<'with' | 'without', Array<Awaited<ReturnType<typeof measure>>>> = {
    with: [],
    without: [],
  };
  try {
    for (let i = 0; i < RUNS; i++) {
      // Alternate, so drift on the machine falls on both sides alike.
      results.without.push(await measure(server.port, false));
      results.with.push(await measure(server.port, true));
    }
  } finally {
    await server.close();
  }
  const summary = (rs: typeof results.with) => ({
    scriptMsPerS: median(rs.map((r) => r.scriptMsPerS)),
    taskMsPerS: median(rs.map((r) => r.taskMsPerS)),
    mutationsPerS: median(rs.map((r) => r.mutationsPerS)),
  });
  const w = summary(results.with);
  const wo = summary(results.without);
  const files = sizes();
  console.log(
    `\nMain thread of a live Meet call page mutating its DOM ~${Math.round(wo.mutationsPerS)} times a second`,
  );
  console.log(
    `(median of ${RUNS} runs, ${WINDOW_MS / 1000} s each; ms of main-thread time per second of call)\n`,
  );
  console.log('                     script ms/s   task ms/s');
  console.log(
    `without extension    ${wo.scriptMsPerS.toFixed(2).padStart(11)}   ${wo.taskMsPerS.toFixed(2).padStart(9)}`,
  );
  console.log(
    `with extension       ${w.scriptMsPerS.toFixed(2).padStart(11)}   ${w.taskMsPerS.toFixed(2).padStart(9)}`,
  );
  console.log(
    `difference           ${(w.scriptMsPerS - wo.scriptMsPerS).toFixed(2).padStart(11)}   ${(w.taskMsPerS - wo.taskMsPerS).toFixed(2).padStart(9)}`,
  );
  console.log('\nWhat each part loads (chrome-mv3 build)\n');
  for (const f of files)
    console.log(
      `${f.file.padEnd(48)} ${String(f.raw).padStart(8)} B  ${String(f.gzip).padStart(7)} B gzip`,
    );
  fs.mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, 'bench-results/bench.json'),
    `${JSON.stringify({ when: new Date().toISOString(), runs: RUNS, windowMs: WINDOW_MS, with: results.with, without: results.without, summary: { with: w, without: wo }, files }, null, 2)}\n`,
  );
  fs.rmSync(TMP, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(
    `mentor-companion bench: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
