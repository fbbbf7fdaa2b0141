// A local HTTPS server that plays Google Meet, Zoom and Teams for the tests and the demo.
// Chromium maps the real hostnames here (--host-resolver-rules), so the extension's real match
// patterns run. Each meeting URL serves a "stage": one of the committed fixtures from
// tests/fixtures/<platform>/<state>.<lang>.html, plus a small page script (window.__stage) that
// swaps the body for another state's fixture, as the real single-page apps do on one URL.

import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { platformOfHost } from '../../lib/platforms/hosts.ts';
import type { Cert } from './cert.ts';
import { DEMO_PEOPLE, DEMO_PEOPLE_MENTOR } from './demo-data.ts';
import { COVERED_OTHER_HOST, OTHER_HOST } from './hosts.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES_DIR = path.join(ROOT, 'tests/fixtures');
/** The demo's own look (tests/fixtures/demo/): drawn icons and the demo's people on the tiles. */
const DEMO_DIR = path.join(FIXTURES_DIR, 'demo');
const DEMO_FILES: Record<string, string> = {
  'meet-look.css': 'text/css; charset=utf-8',
  'meet-look.js': 'text/javascript; charset=utf-8',
};

export type StagePlatform = 'meet' | 'zoom' | 'teams';

export interface FixtureServer {
  port: number;
  /** Every request seen, as `host path`. */
  requests: string[];
  close(): Promise<void>;
}

/** The platform a host plays, from the extension's own host list. */
function platformOf(host: string): StagePlatform | undefined {
  return host === COVERED_OTHER_HOST ? undefined : platformOfHost(host);
}

function bodyOf(html: string): string {
  const match = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
  return match?.[1] ?? html;
}

function fixtureFile(platform: StagePlatform, state: string, lang: string): string | undefined {
  if (!/^[a-z-]+$/.test(state) || !/^[a-z]{2}$/.test(lang)) return undefined;
  for (const l of [lang, 'en']) {
    const file = path.join(FIXTURES_DIR, platform, `${state}.${l}.html`);
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}

/** Languages the platforms lay out right to left: the stage mirrors the page as they do. */
const RTL_LANGS = ['he', 'ar'];

const TITLES: Record<StagePlatform, string> = {
  meet: 'Meet',
  zoom: 'Zoom',
  teams: 'Microsoft Teams',
};

function stagePage(
  platform: StagePlatform,
  state: string,
  lang: string,
  demo: boolean,
  churn = 0,
  look = demo,
  asMentor = false,
  load?: string,
): string {
  const file = fixtureFile(platform, state, lang);
  const body = file ? bodyOf(fs.readFileSync(file, 'utf8')) : '';
  // The demo look exists for Meet, the platform the demo plays; the tests never ask for it.
  const dressed = look && platform === 'meet';
  const config = JSON.stringify({
    platform,
    state,
    lang,
    demo,
    churn,
    // You first, as Meet shows it: the mentee, or with ?as=mentor the mentor.
    ...(dressed ? { people: asMentor ? [...DEMO_PEOPLE_MENTOR] : [...DEMO_PEOPLE] } : {}),
  });
  const dress = dressed
    ? '<link rel="stylesheet" href="/__stage/demo/meet-look.css">\n<script src="/__stage/demo/meet-look.js" defer></script>\n'
    : '';
  // A page script of the caller's (the bench's busy pages), run like the platform's own code.
  const extra = load ? `\n<script src="/__load/${load}.js" defer></script>` : '';
  return `<!doctype html>
<html lang="${lang}"${RTL_LANGS.includes(lang) ? ' dir="rtl"' : ''}><head><meta charset="utf-8"><title>${TITLES[platform]}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${STAGE_CSS}</style>
<script>window.__stageConfig = ${config};</script>
<script src="/__stage/stage.js" defer></script>${extra}
${dress}</head><body>${body}</body></html>`;
}

// A look for the fixtures when a person watches (the demo, screenshots); detection ignores it.
const STAGE_CSS = `
html { background: #202124; }
body { margin: 0; min-height: 100vh; background: #202124; color: #e8eaed; font: 14px system-ui, sans-serif; }
body > * { padding: 12px 16px; }
button, [role="button"] { background: #3c4043; color: #e8eaed; border: 0; border-radius: 20px; padding: 8px 14px; margin: 4px; font: 13px system-ui, sans-serif; }
input { background: #303134; color: #e8eaed; border: 1px solid #5f6368; border-radius: 6px; padding: 6px; }
[data-participant-id], [data-tid*="video"], .video-avatar__avatar { display: inline-block; width: 300px; height: 180px; margin: 8px; border-radius: 12px; background: #3c4043; vertical-align: top; padding: 10px; }
`;

// The page script of the stage. It runs in the page, like the platforms' own code.
const STAGE_JS = `(() => {
  const config = window.__stageConfig;
  const labels = [['lobby', '1 · Lobby'], ['waiting', '2 · Waiting room'], ['in-call', '3 · Join'], ['ended-user', '4 · Hang up']];
  function panel() {
    if (!config.demo) return null;
    const box = document.createElement('div');
    box.id = '__stage-panel';
    box.setAttribute('style', 'position:fixed;left:12px;bottom:12px;z-index:2147483646;background:#202124;color:#fff;font:13px system-ui,sans-serif;padding:8px 10px;border-radius:10px;display:flex;gap:6px;align-items:center;box-shadow:0 2px 8px rgba(0,0,0,.4)');
    const title = document.createElement('span');
    title.textContent = 'Demo stage:';
    box.append(title);
    for (const [state, label] of labels) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.dataset.stage = state;
      b.setAttribute('style', 'font:inherit;border:0;border-radius:6px;padding:4px 8px;cursor:pointer;background:' + (state === current ? '#8ab4f8' : '#3c4043') + ';color:' + (state === current ? '#202124' : '#fff'));
      b.addEventListener('click', () => set(state));
      box.append(b);
    }
    const note = document.createElement('span');
    note.id = '__stage-note';
    note.setAttribute('style', 'max-width:380px;font-size:12px;line-height:1.35;color:#bdc1c6;margin-left:6px');
    note.textContent = 'After Join, switch to another tab for a while to be nudged back. ' +
      'The address bar says "Not secure": this page comes from a server on your own machine with a ' +
      'certificate made for the demo, so the browser cannot vouch for it. Nothing leaves your machine.';
    box.append(note);
    return box;
  }
  let current = config.state;
  async function set(state) {
    const res = await fetch('/__stage/fixture/' + config.platform + '/' + state + '/' + config.lang);
    if (!res.ok) throw new Error('no fixture for ' + state);
    const html = await res.text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    current = state;
    document.body.replaceWith(document.adoptNode(doc.body));
    const p = panel();
    if (p) document.body.append(p);
    return state;
  }
  window.__stage = { set, get state() { return current; }, go: (url) => { location.href = url; } };
  // For the benchmark: mutate the DOM this many times a second, as busy meeting apps do.
  if (config.churn > 0) {
    const box = document.createElement('div');
    box.id = '__churn';
    document.documentElement.append(box);
    const perTick = Math.max(1, Math.round(config.churn / 100));
    let n = 0;
    setInterval(() => {
      for (let i = 0; i < perTick; i++) {
        const span = document.createElement('span');
        span.textContent = String(n++);
        box.append(span);
        if (box.childElementCount > 50) box.firstElementChild.remove();
        box.setAttribute('data-n', String(n));
      }
    }, 10);
  }
  const p = panel();
  if (p) document.body.append(p);
})();`;

const LAUNCHER = `<!doctype html><html><head><meta charset="utf-8"><title>Launch Meeting - Zoom</title></head>
<body><main><h1>Launch Meeting</h1><p>Click Open Zoom Workplace on the dialog shown by your browser.</p>
<a href="#">Join from your browser</a></main></body></html>`;

const MEET_LANDING = `<!doctype html><html><head><meta charset="utf-8"><title>Google Meet</title></head>
<body><main><h1>Video calls and meetings for everyone</h1><button>New meeting</button>
<input aria-label="Enter a code or link"></main></body></html>`;

const OTHER_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Team wiki</title></head>
<body><main><h1>Team wiki</h1><p>A page on a host that is not a meeting platform.</p></main></body></html>`;

function route(
  host: string,
  url: URL,
  scripts: Readonly<Record<string, string>>,
): { status: number; type: string; body: string } {
  const html = (body: string, status = 200) => ({ status, type: 'text/html; charset=utf-8', body });
  if (url.pathname === '/__stage/stage.js') {
    return { status: 200, type: 'text/javascript; charset=utf-8', body: STAGE_JS };
  }
  const demoFile = /^\/__stage\/demo\/([a-z-]+\.(?:css|js))$/.exec(url.pathname)?.[1];
  if (demoFile && DEMO_FILES[demoFile]) {
    return {
      status: 200,
      type: DEMO_FILES[demoFile],
      body: fs.readFileSync(path.join(DEMO_DIR, demoFile), 'utf8'),
    };
  }
  const script = /^\/__load\/([a-z-]+)\.js$/.exec(url.pathname)?.[1];
  if (script !== undefined) {
    const body = Object.hasOwn(scripts, script) ? scripts[script] : undefined;
    return body === undefined
      ? html('no such script', 404)
      : { status: 200, type: 'text/javascript; charset=utf-8', body };
  }
  const fixture = /^\/__stage\/fixture\/(meet|zoom|teams)\/([a-z-]+)\/([a-z]{2})$/.exec(
    url.pathname,
  );
  if (fixture) {
    const [, platform, state = '', lang = ''] = fixture;
    const file = fixtureFile(platform as StagePlatform, state, lang);
    return file ? html(fs.readFileSync(file, 'utf8')) : html('no such fixture', 404);
  }
  if (url.pathname === '/favicon.ico') return { status: 204, type: 'image/x-icon', body: '' };
  const platform = platformOf(host);
  if (!platform) {
    return host === OTHER_HOST || host === COVERED_OTHER_HOST
      ? html(OTHER_PAGE)
      : html('unknown host', 404);
  }
  const lang = url.searchParams.get('hl') ?? 'en';
  const demo = url.searchParams.has('demo');
  // ?look: the demo's look without its stage buttons, for the screenshots.
  const look = demo || url.searchParams.has('look');
  const state = url.searchParams.get('state') ?? 'lobby';
  if (platform === 'meet' && (url.pathname === '/' || url.pathname.startsWith('/landing'))) {
    return html(MEET_LANDING);
  }
  if (platform === 'zoom') {
    if (/^\/[js]\/\d+/.test(url.pathname)) return html(LAUNCHER);
    if (/^\/(postattendee|wc\/leave|meeting\/ended)/.test(url.pathname)) {
      return html(stagePage(platform, 'ended-user', lang, demo, 0, look));
    }
  }
  const churn = Math.min(5_000, Math.max(0, Number(url.searchParams.get('churn')) || 0));
  const load = url.searchParams.get('load') ?? '';
  return html(
    stagePage(
      platform,
      state,
      lang,
      demo,
      churn,
      look,
      url.searchParams.get('as') === 'mentor',
      Object.hasOwn(scripts, load) ? load : undefined,
    ),
  );
}

/**
 * `scripts`: extra page scripts by name; `?load=<name>` adds one to a stage page (the bench's
 * busy pages, scripts/bench/load.ts).
 */
export function startFixtureServer(
  cert: Cert,
  port = 0,
  scripts: Readonly<Record<string, string>> = {},
): Promise<FixtureServer> {
  const requests: string[] = [];
  const server = https.createServer({ key: cert.key, cert: cert.cert }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${host}`);
    requests.push(`${host} ${url.pathname}`);
    const { status, type, body } = route(host, url, scripts);
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${port} is in use: stop what listens there, or choose another with MC_PORT=<port>.`,
            )
          : error,
      );
    });
    server.listen(port, '127.0.0.1', () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        requests,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
