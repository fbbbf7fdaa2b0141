// `./run bench`: where the extension stands, measured side by side with no extension (and with
// a peer extension, `--peer <unpacked dir>`) on the same pages in the same run. Not a test: it
// measures and reports. Each browser figure is the median of several runs that alternate
// between the variants, so drift on a shared machine falls on all of them alike; min and max
// stand beside it. The JSON records the browser, the cores and the load average.
//
// Writes bench/results.json and bench/history/<date>.json (commit both), and prints a summary.
// `--quick` takes short windows and few runs, for trying the instrument; it writes only
// .tmp/bench-quick.json.

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCert } from '../lib/cert.ts';
import { findChromium } from '../lib/chromium.ts';
import { startFixtureServer } from '../lib/fixture-server.ts';
import { type Launched, launch, type Variant } from './browser.ts';
import { type CpuPage, type CpuRun, cpuRun } from './cpu.ts';
import { benchData } from './data.ts';
import { detectCycles } from './detect.ts';
import { KEYS, type Key, PEER_KEYS } from './keys.ts';
import { LOAD_SCRIPTS } from './load.ts';
import {
  addMarker,
  exportAll,
  firstRender,
  historyOpen,
  historyScan,
  importAll,
  seed,
} from './pages.ts';
import { extensionName, extensionSizes } from './sizes.ts';
import { type Figure, figure } from './stats.ts';
import { quietCall } from './wakeups.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXT = path.join(ROOT, '.output/chrome-mv3');
const TMP = path.join(ROOT, '.tmp/bench');

interface Options {
  quick: boolean;
  peer?: string;
}

function parseArgs(argv: string[]): Options {
  const out: Options = { quick: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') out.quick = true;
    else if (a === '--peer') out.peer = argv[++i];
    else if (a?.startsWith('--peer=')) out.peer = a.slice('--peer='.length);
    else throw new Error(`unknown option ${a}; use --peer <unpacked extension dir> or --quick`);
  }
  if (out.peer !== undefined) {
    out.peer = path.resolve(out.peer);
    if (!fs.existsSync(path.join(out.peer, 'manifest.json'))) {
      throw new Error(`--peer needs an unpacked extension folder with a manifest.json`);
    }
  }
  return out;
}

function settings(quick: boolean) {
  return quick
    ? {
        meetRounds: 2,
        meetWindowMs: 3_000,
        teamsRounds: 2,
        teamsWindowMs: 4_000,
        cycles: 3,
        renders: 2,
        bigRounds: 1,
        quietMs: 20_000,
      }
    : {
        meetRounds: 4,
        meetWindowMs: 8_000,
        teamsRounds: 3,
        teamsWindowMs: 20_000,
        cycles: 8,
        renders: 5,
        bigRounds: 3,
        quietMs: 180_000,
      };
}

function browserVersion(): string {
  try {
    return execFileSync(findChromium(), ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

const load = () => os.loadavg().map((n) => Math.round(n * 100) / 100);

const say = (line: string) => console.log(`bench: ${line}`);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const s = settings(opts.quick);
  const started = Date.now();
  const loadAtStart = load();
  fs.rmSync(TMP, { recursive: true, force: true });
  // Chromium's own temporary folders land under .tmp/bench too, and go with it.
  process.env.TMPDIR = path.join(TMP, 'tmp');
  fs.mkdirSync(process.env.TMPDIR, { recursive: true });

  say('building the extension');
  const build = spawnSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) throw new Error('the build failed');
  const sizes = extensionSizes(EXT);
  const peerSizes = opts.peer ? extensionSizes(opts.peer) : undefined;

  const server = await startFixtureServer(makeCert(path.join(TMP, 'cert')), 0, LOAD_SCRIPTS);
  const variants: Variant[] = [
    { kind: 'base' },
    { kind: 'ext', dir: EXT },
    ...(opts.peer ? [{ kind: 'peer' as const, dir: opts.peer }] : []),
  ];
  const open = (v: Variant) => launch(TMP, server.port, v);
  const figures: Partial<Record<Key, Figure>> = {};
  const peerFigures: Partial<Record<Key, Figure>> = {};
  try {
    // 1. Script on the busy pages, each variant in turn, the order alternating by round.
    const cpu = async (spec: CpuPage, rounds: number, label: string) => {
      const runs = new Map<Variant['kind'], CpuRun[]>(variants.map((v) => [v.kind, []]));
      for (let r = 0; r < rounds; r++) {
        const order = r % 2 === 0 ? variants : [...variants].reverse();
        for (const v of order) {
          const b = await open(v);
          try {
            runs.get(v.kind)?.push(await cpuRun(b, spec, v.kind !== 'base'));
          } finally {
            await b.close();
          }
        }
        say(`${label}: round ${r + 1} of ${rounds}`);
      }
      return runs;
    };
    say(`busy Meet call: ${s.meetRounds} rounds of ${s.meetWindowMs / 1000} s per variant`);
    const meet = await cpu(
      {
        load: 'meet-busy',
        url: 'https://meet.google.com/abc-defg-hij?state=in-call&load=meet-busy',
        settleMs: 2_000,
        windowMs: s.meetWindowMs,
        ready: '#mentor-companion-card',
      },
      s.meetRounds,
      'Meet',
    );
    say(
      `busy Teams chat, no call: ${s.teamsRounds} rounds of ${s.teamsWindowMs / 1000} s per variant`,
    );
    const teams = await cpu(
      {
        load: 'teams-chat',
        url: 'https://teams.microsoft.com/v2/?state=unknown&load=teams-chat',
        settleMs: 2_000,
        windowMs: s.teamsWindowMs,
      },
      s.teamsRounds,
      'Teams',
    );
    const cpuFigures = (runs: typeof meet, kind: 'ext' | 'peer', prefix: '' | 'teams_chat_') => {
      const base = runs.get('base') ?? [];
      const mine = runs.get(kind) ?? [];
      const pick = (rs: CpuRun[], f: (r: CpuRun) => number) => rs.map(f);
      const out: Partial<Record<Key, Figure>> = {};
      const k = (name: string) => `${prefix}${name}` as Key;
      out[k('nonpage_script_ms_per_s_ext')] = figure(
        pick(mine, (r) => r.nonpageMsPerS),
        'ms/s',
      );
      out[k('nonpage_script_ms_per_s_base')] = figure(
        pick(base, (r) => r.nonpageMsPerS),
        'ms/s',
      );
      // Paired by round: each round's difference, then their median.
      out[k('nonpage_script_ms_per_s_delta')] = figure(
        mine.map((r, i) => r.nonpageMsPerS - (base[i]?.nonpageMsPerS ?? Number.NaN)),
        'ms/s',
        { note: 'extension minus baseline, paired by round' },
      );
      out[k('ext_self_ms_per_s')] = figure(
        pick(mine, (r) => r.selfMsPerS),
        'ms/s',
        {
          note: 'CPU profile self time of chrome-extension:// frames (the content script and what it loads)',
        },
      );
      out[k('js_heap_kb')] = figure(
        mine.map((r, i) => r.heapKb - (base[i]?.heapKb ?? Number.NaN)),
        'kB',
        {
          digits: 0,
          note: "the page renderer's used JS heap after a forced GC, minus the baseline's: the content script's isolated world and what it holds",
        },
      );
      if (prefix === '') {
        out.page_own_script_ms_per_s_ext = figure(
          pick(mine, (r) => r.pageOwnMsPerS),
          'ms/s',
        );
        out.page_own_script_ms_per_s_base = figure(
          pick(base, (r) => r.pageOwnMsPerS),
          'ms/s',
        );
      }
      return out;
    };
    Object.assign(figures, cpuFigures(meet, 'ext', ''), cpuFigures(teams, 'ext', 'teams_chat_'));
    if (opts.peer) {
      Object.assign(
        peerFigures,
        cpuFigures(meet, 'peer', ''),
        cpuFigures(teams, 'peer', 'teams_chat_'),
      );
    }
    const pageFacts = {
      meet: {
        mutationsPerS: figure(
          (meet.get('base') ?? []).map((r) => r.mutationsPerS),
          '/s',
          { digits: 0 },
        ),
        elements: (meet.get('base') ?? [])[0]?.elements,
      },
      teams: {
        mutationsPerS: figure(
          (teams.get('base') ?? []).map((r) => r.mutationsPerS),
          '/s',
          { digits: 0 },
        ),
        elements: (teams.get('base') ?? [])[0]?.elements,
      },
    };

    // 2. Beside a quiet call that counts background wake-ups (mostly idle, its own browser):
    //    detection and card timings, then the pages with a lot stored.
    say(`a quiet call for ${s.quietMs / 1000} s counts background wake-ups, meanwhile:`);
    const quietBrowser = await open({ kind: 'ext', dir: EXT });
    const quiet = quietCall(quietBrowser, s.quietMs).finally(() => quietBrowser.close());
    quiet.catch(() => {});

    say(`detection: ${s.cycles} lobby -> call -> end cycles`);
    const d = await open({ kind: 'ext', dir: EXT });
    let cycles: Awaited<ReturnType<typeof detectCycles>>;
    try {
      cycles = await detectCycles(d, s.cycles);
    } finally {
      await d.close();
    }
    figures.detect_in_call_ms_p50 = figure(
      cycles.map((c) => c.inCallMs),
      'ms',
      { stat: 'p50', digits: 0 },
    );
    figures.detect_in_call_ms_p95 = figure(
      cycles.map((c) => c.inCallMs),
      'ms',
      { stat: 'p95', digits: 0 },
    );
    figures.overlay_visible_ms_p95 = figure(
      cycles.map((c) => c.overlayMs),
      'ms',
      {
        stat: 'p95',
        digits: 0,
        note: 'from the page showing the call to the card region visible in its frame',
      },
    );
    figures.detect_end_ms_p95 = figure(
      cycles.map((c) => c.endMs),
      'ms',
      { stat: 'p95', digits: 0 },
    );
    figures.end_to_reflection_ms_p95 = figure(
      cycles.map((c) => c.reflectionMs),
      'ms',
      {
        stat: 'p95',
        digits: 0,
        note: "from the page showing the end to the card's end card, whose button opens the reflection",
      },
    );

    say('pages: 20 mentorships and 2,000 sessions stored');
    const small = benchData(20, 2_000);
    const p = await open({ kind: 'ext', dir: EXT });
    try {
      await addMarker(p);
      await seed(p, small);
      const times: Record<'popup' | 'sidepanel' | 'options', number[]> = {
        popup: [],
        sidepanel: [],
        options: [],
      };
      for (let i = 0; i < s.renders; i++) {
        for (const page of ['popup', 'sidepanel', 'options'] as const) {
          times[page].push(await firstRender(p, `${page}.html`));
        }
      }
      const note = 'from navigation start to the first DOM past the loading line, data read';
      figures.popup_first_render_ms = figure(times.popup, 'ms', { digits: 0, note });
      figures.sidepanel_first_render_ms = figure(times.sidepanel, 'ms', { digits: 0, note });
      figures.options_first_render_ms = figure(times.options, 'ms', { digits: 0, note });
    } finally {
      await p.close();
    }

    say(`pages: 10,000 sessions, ${s.bigRounds} fresh profiles`);
    const big = benchData(20, 10_000);
    const runs = {
      history: [] as number[],
      scan: [] as number[],
      exp: [] as number[],
      imp: [] as number[],
    };
    for (let r = 0; r < s.bigRounds; r++) {
      const b: Launched = await open({ kind: 'ext', dir: EXT });
      try {
        await addMarker(b);
        runs.imp.push(await importAll(b, big));
        runs.history.push(await historyOpen(b, big.mentorships[0]?.id ?? ''));
        runs.scan.push(await historyScan(b, 'sales team'));
        runs.exp.push(await exportAll(b));
      } finally {
        await b.close();
      }
    }
    figures.import_10k_ms = figure(runs.imp, 'ms', {
      digits: 0,
      note: 'into an empty profile: file chosen to preview, plus Restore clicked to done',
    });
    figures.history_open_10k_ms = figure(runs.history, 'ms', {
      digits: 0,
      note: "a mentorship's page (500 of the 10,000 sessions) from navigation start to its history rows",
    });
    figures.history_search_10k_ms = figure(runs.scan, 'ms', {
      digits: 1,
      note: 'no search UI yet (another issue builds it): in an extension page, every session and note read from IndexedDB and matched against a phrase, case-insensitively, topics and notes',
    });
    figures.export_10k_ms = figure(runs.exp, 'ms', {
      digits: 0,
      note: 'click on Export backup to the download starting',
    });

    const wake = await quiet;
    figures.background_wakeups_per_min_in_call = figure(
      [(wake.starts + wake.events) / wake.minutes],
      '/min',
      {
        stat: 'rate',
        note: `service-worker starts (${wake.starts}${wake.starts ? `, at ${wake.startsAtS.join(', ')} s` : ''}) plus events it received (${wake.events}${
          wake.events
            ? `: ${Object.entries(wake.kinds)
                .map(([k, n]) => `${k} ×${n}`)
                .join(', ')}`
            : ''
        }) over ${wake.minutes.toFixed(1)} min of a quiet call`,
      },
    );

    figures.content_script_bytes_gzip = figure([sizes.contentScript.gzip], 'B', { digits: 0 });
    figures.content_script_bytes_raw = figure([sizes.contentScript.raw], 'B', { digits: 0 });
    figures.content_script_on_demand_bytes_gzip = figure([sizes.onDemand.gzip], 'B', {
      digits: 0,
      note: `loaded by the content script only where a call shows: ${sizes.onDemand.files.join(', ') || 'none'}`,
    });
    figures.content_script_on_demand_bytes_raw = figure([sizes.onDemand.raw], 'B', { digits: 0 });
    if (peerSizes) {
      peerFigures.content_script_bytes_gzip = figure([peerSizes.contentScript.gzip], 'B', {
        digits: 0,
      });
      peerFigures.content_script_bytes_raw = figure([peerSizes.contentScript.raw], 'B', {
        digits: 0,
      });
    }

    const missing = Object.keys(KEYS).filter((k) => !(k in figures));
    if (missing.length) throw new Error(`figures missing: ${missing.join(', ')}`);
    const ordered = Object.fromEntries(Object.keys(KEYS).map((k) => [k, figures[k as Key]]));
    const result = {
      schema: 1,
      when: new Date(started).toISOString(),
      took_s: Math.round((Date.now() - started) / 1000),
      machine: {
        browser: browserVersion(),
        cores: os.cpus().length,
        load_average_start: loadAtStart,
        load_average_end: load(),
        platform: `${os.platform()} ${os.arch()}`,
        node: process.version,
      },
      settings: { ...s, quick: opts.quick },
      pages: pageFacts,
      figures: ordered,
      ...(opts.peer && peerSizes
        ? {
            peer: {
              ...extensionName(opts.peer),
              figures: Object.fromEntries(PEER_KEYS.map((k) => [k, peerFigures[k]])),
              on_demand_bytes_gzip: peerSizes.onDemand.gzip,
            },
          }
        : {}),
      files: sizes.files,
    };
    const text = `${JSON.stringify(result, null, 2)}\n`;
    if (opts.quick) {
      fs.writeFileSync(path.join(ROOT, '.tmp/bench-quick.json'), text);
    } else {
      fs.mkdirSync(path.join(ROOT, 'bench/history'), { recursive: true });
      fs.writeFileSync(path.join(ROOT, 'bench/results.json'), text);
      // One file per day; a second run that day gets a number.
      const day = result.when.slice(0, 10);
      let name = `${day}.json`;
      for (let n = 2; fs.existsSync(path.join(ROOT, 'bench/history', name)); n++) {
        name = `${day}-${n}.json`;
      }
      fs.writeFileSync(path.join(ROOT, 'bench/history', name), text);
    }
    report(
      result.figures as Record<string, Figure>,
      opts.peer ? (result.peer?.figures as Record<string, Figure>) : undefined,
    );
    say(
      `done in ${result.took_s} s; load average ${loadAtStart.join(' ')} -> ${result.machine.load_average_end.join(' ')}`,
    );
  } finally {
    await server.close();
    fs.rmSync(TMP, { recursive: true, force: true });
  }
}

function report(figs: Record<string, Figure>, peer?: Record<string, Figure>) {
  console.log('');
  for (const [key, f] of Object.entries(figs)) {
    const spec = KEYS[key as Key];
    const target = 'target' in spec ? `  (target ≤ ${spec.target})` : '';
    const spread = f.runs > 1 ? `  [${f.min} – ${f.max}, ${f.runs} runs]` : '';
    const theirs = peer?.[key] ? `  peer ${peer[key]?.value}` : '';
    console.log(
      `${key.padEnd(42)} ${String(f.value).padStart(9)} ${f.unit}${spread}${target}${theirs}`,
    );
  }
  console.log('');
}

main().catch((error) => {
  console.error(
    `mentor-companion bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(1);
});
