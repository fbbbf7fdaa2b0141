import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_MATCHES } from '../../lib/platforms/hosts';
import {
  apisIn,
  type Build,
  buildTargets,
  callArguments,
  scripts,
  type Target,
} from './manifest-builds';

// Every build the extension ships: its manifest has the agreed shape, and every browser API its
// code can call exists in that browser, in that manifest version, in the context that calls it.
// The tables below say what each target offers, for the APIs this code base uses or might
// reach for next; a call outside them fails here, naming the build, the file and the API.

const TARGETS: Target[] = [
  { browser: 'chrome', manifestVersion: 3 },
  { browser: 'firefox', manifestVersion: 3 },
];

/** Members every extension context offers in both browsers' MV3. */
const COMMON_EXTENSION = [
  'action.getBadgeText',
  'action.setBadgeBackgroundColor',
  'action.setBadgeText',
  'action.setIcon',
  'action.setTitle',
  'alarms.clear',
  'alarms.create',
  'alarms.get',
  'alarms.getAll',
  'alarms.onAlarm',
  'commands.getAll',
  'commands.onCommand',
  'i18n.getMessage',
  'i18n.getUILanguage',
  'idle.onStateChanged',
  'idle.queryState',
  'idle.setDetectionInterval',
  'notifications.clear',
  'notifications.create',
  'notifications.getAll',
  'notifications.onButtonClicked',
  'notifications.onClicked',
  'notifications.onClosed',
  'permissions.contains',
  'permissions.getAll',
  'permissions.request',
  'runtime.connect',
  'runtime.getManifest',
  'runtime.getURL',
  'runtime.id',
  'runtime.lastError',
  'runtime.onConnect',
  'runtime.onInstalled',
  'runtime.onMessage',
  'runtime.onStartup',
  'runtime.openOptionsPage',
  'runtime.sendMessage',
  'storage.local',
  'storage.onChanged',
  'storage.session',
  'storage.sync',
  'tabs.create',
  'tabs.get',
  'tabs.getCurrent',
  'tabs.onActivated',
  'tabs.onRemoved',
  'tabs.onUpdated',
  'tabs.query',
  'tabs.sendMessage',
  'tabs.update',
  'windows.WINDOW_ID_CURRENT',
  'windows.WINDOW_ID_NONE',
  'windows.get',
  'windows.getCurrent',
  'windows.onFocusChanged',
  'windows.update',
];

/**
 * What a content script gets in both browsers (and, in Firefox, an extension page framed in a
 * web page: seen on Firefox ESR 153, the card's frame has only this set). `storage.session` is
 * not there: Chrome opens it to content scripts only with setAccessLevel, Firefox not at all.
 */
const CONTENT_SCRIPT = [
  'i18n.getMessage',
  'i18n.getUILanguage',
  'runtime.connect',
  'runtime.getManifest',
  'runtime.getURL',
  'runtime.id',
  'runtime.lastError',
  'runtime.onMessage',
  'runtime.sendMessage',
  'storage.local',
  'storage.onChanged',
  'storage.sync',
];

interface Offer {
  extension: string[];
  contentScript: string[];
  /** Options an API refuses in this browser (it throws on them). */
  refusedOptions: Record<string, string[]>;
  /** The manifest permission each namespace needs. */
}

const OFFERS: Record<string, Offer> = {
  'chrome-mv3': {
    extension: [
      ...COMMON_EXTENSION,
      'sidePanel.close',
      'sidePanel.getOptions',
      'sidePanel.open',
      'sidePanel.setOptions',
      'sidePanel.setPanelBehavior',
    ],
    contentScript: CONTENT_SCRIPT,
    refusedOptions: {},
  },
  // Firefox MV3 has `action` (not MV2's browserAction), `sidebarAction` instead of sidePanel.
  'firefox-mv3': {
    extension: [
      ...COMMON_EXTENSION,
      'notifications.onShown',
      'sidebarAction.close',
      'sidebarAction.getPanel',
      'sidebarAction.isOpen',
      'sidebarAction.open',
      'sidebarAction.setPanel',
      'sidebarAction.toggle',
    ],
    contentScript: CONTENT_SCRIPT,
    // "Property "buttons" is unsupported by Firefox" (seen on Firefox ESR 153).
    refusedOptions: { 'notifications.create': ['buttons'] },
  },
};

/** Namespaces that need a manifest permission before they exist at all. */
const PERMISSION_OF: Record<string, string> = {
  alarms: 'alarms',
  idle: 'idle',
  notifications: 'notifications',
  sidePanel: 'sidePanel',
  storage: 'storage',
};

const key = (b: Target) => `${b.browser}-mv${b.manifestVersion}`;

let builds: Build[] = [];
let remove = () => {};

beforeAll(() => {
  ({ builds, remove } = buildTargets(TARGETS, 'unit-builds'));
}, 60_000);
afterAll(() => remove());

const build = (name: string) => {
  const b = builds.find((x) => key(x) === name);
  if (!b) throw new Error(`no ${name} build`);
  return b;
};

/** The APIs a set of files calls, each with the first file that calls it. */
function calls(files: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [file, code] of files) {
    for (const api of apisIn(code).used) {
      // A namespace read alone (`browser?.sidebarAction`) is no call: it is undefined, not an
      // error, where the browser lacks it, and the code checks it.
      if (api.includes('.') && !out.has(api)) out.set(api, file);
    }
  }
  return out;
}

describe.each(TARGETS.map((t) => [key(t), t] as const))('the %s build', (name) => {
  it('calls only APIs its browser offers, in each context', () => {
    const b = build(name);
    const offer = OFFERS[name] as Offer;
    const all = scripts(b.dir);
    const content = new Map([...all].filter(([f]) => f.startsWith('content-scripts/')));
    const extension = new Map([...all].filter(([f]) => !f.startsWith('content-scripts/')));
    const missing: string[] = [];
    for (const [api, file] of calls(extension)) {
      if (!offer.extension.includes(api)) missing.push(`${api} (${file})`);
    }
    for (const [api, file] of calls(content)) {
      if (!offer.contentScript.includes(api)) missing.push(`${api} in a content script (${file})`);
    }
    expect(missing, `${name} calls what its browser lacks`).toEqual([]);
  });

  it('passes no option its browser refuses', () => {
    const offer = OFFERS[name] as Offer;
    const refused: string[] = [];
    for (const [file, code] of scripts(build(name).dir)) {
      for (const [api, options] of Object.entries(offer.refusedOptions)) {
        const member = api.split('.').pop() as string;
        const ns = api.split('.')[0] as string;
        for (const args of callArguments(code, `.${ns}.${member}`)) {
          for (const option of options) {
            if (new RegExp(`\\b${option}:`).test(args))
              refused.push(`${api}({ ${option} }) in ${file}`);
          }
        }
      }
    }
    expect(refused).toEqual([]);
  });

  it('asks for the permission of every namespace it uses, and for nothing it does not use', () => {
    const b = build(name);
    const used = new Set([...calls(scripts(b.dir)).keys()].map((api) => api.split('.')[0]));
    const needed = [...used].flatMap((ns) => (ns && PERMISSION_OF[ns] ? [PERMISSION_OF[ns]] : []));
    expect([...(b.manifest.permissions ?? [])].sort()).toEqual([...new Set(needed)].sort());
  });

  it('is Manifest V3 with a toolbar action, host access to the platforms only', () => {
    const m = build(name).manifest as unknown as Record<string, unknown> & {
      content_scripts: Array<{ matches: string[] }>;
      web_accessible_resources: Array<{ resources: string[]; matches: string[] }>;
    };
    expect(m.manifest_version).toBe(3);
    expect(m.action).toBeDefined();
    expect(m.browser_action).toBeUndefined();
    expect(m.host_permissions).toBeUndefined();
    for (const c of m.content_scripts)
      expect([...c.matches].sort()).toEqual([...CALL_MATCHES].sort());
    // Only the platforms may frame the card (in MV2 any site could).
    // …and load the content script's call watch, the one other file a page may reach.
    expect(m.web_accessible_resources).toEqual([
      expect.objectContaining({ resources: ['overlay.html'], matches: [...CALL_MATCHES] }),
      expect.objectContaining({ resources: ['call-watch.js'], matches: [...CALL_MATCHES] }),
    ]);
  });
});

describe('the manifests', () => {
  it('have the same shape in Chrome and Firefox, but for what each browser names its own way', () => {
    const keys = (b: Build) => Object.keys(b.manifest).sort();
    const own = {
      chrome: ['side_panel', 'minimum_chrome_version'],
      firefox: ['sidebar_action', 'browser_specific_settings'],
    };
    const chrome = keys(build('chrome-mv3')).filter((k) => !own.chrome.includes(k));
    const firefox = keys(build('firefox-mv3')).filter((k) => !own.firefox.includes(k));
    expect(firefox).toEqual(chrome);
    for (const k of own.chrome) expect(build('chrome-mv3').manifest[k]).toBeDefined();
    for (const k of own.firefox) expect(build('firefox-mv3').manifest[k]).toBeDefined();
  });

  it('give the card page a per-session URL in Chrome, so it is no install-wide fingerprint', () => {
    const war = build('chrome-mv3').manifest.web_accessible_resources as Array<{
      use_dynamic_url?: boolean;
    }>;
    expect(war.every((w) => w.use_dynamic_url === true)).toBe(true);
    // Firefox's moz-extension:// host is a random id per install already; it has no such key.
    const ff = build('firefox-mv3').manifest.web_accessible_resources as Array<object>;
    expect(ff.some((w) => 'use_dynamic_url' in w)).toBe(false);
  });

  it('keep the Firefox sidebar closed at install and ask for Firefox 140 or later', () => {
    const m = build('firefox-mv3').manifest as unknown as {
      sidebar_action: { default_panel: string; open_at_install?: boolean };
      browser_specific_settings: { gecko: { id: string; strict_min_version: string } };
      background: { scripts?: string[]; service_worker?: string };
    };
    expect(m.sidebar_action).toMatchObject({
      default_panel: 'sidepanel.html',
      open_at_install: false,
    });
    expect(m.browser_specific_settings.gecko.strict_min_version).toBe('140.0');
    expect(m.browser_specific_settings.gecko.id).toMatch(/@/);
    // Firefox MV3 runs the background as an event page, Chrome as a service worker.
    expect(m.background.scripts).toEqual(['background.js']);
    expect(
      (build('chrome-mv3').manifest.background as { service_worker?: string }).service_worker,
    ).toBe('background.js');
  });
});

describe('least privilege', () => {
  const allowed = JSON.parse(
    fs.readFileSync(path.resolve(__dirname, '../../docs/permissions.json'), 'utf8'),
  ) as { permissions: Record<string, string>; hosts: Record<string, string> };

  const asked = (b: Build) => {
    const m = b.manifest as unknown as {
      permissions?: string[];
      optional_permissions?: string[];
      host_permissions?: string[];
      content_scripts?: Array<{ matches: string[] }>;
      web_accessible_resources?: Array<{ matches: string[] }>;
    };
    return {
      permissions: [...(m.permissions ?? []), ...(m.optional_permissions ?? [])],
      hosts: [
        ...(m.host_permissions ?? []),
        ...(m.content_scripts ?? []).flatMap((c) => c.matches),
        ...(m.web_accessible_resources ?? []).flatMap((w) => w.matches),
      ],
    };
  };

  it.each(TARGETS.map((t) => key(t)))(
    'the %s build asks for nothing the allow-list lacks',
    (name) => {
      const { permissions, hosts } = asked(build(name));
      expect(permissions.filter((p) => !(p in allowed.permissions))).toEqual([]);
      expect([...new Set(hosts)].filter((h) => !(h in allowed.hosts))).toEqual([]);
    },
  );

  it('lists nothing no build asks for, and gives every entry its reason', () => {
    const all = builds.map(asked);
    for (const p of Object.keys(allowed.permissions)) {
      expect(
        all.some((a) => a.permissions.includes(p)),
        `${p} is asked for`,
      ).toBe(true);
    }
    for (const h of Object.keys(allowed.hosts)) {
      expect(
        all.some((a) => a.hosts.includes(h)),
        `${h} is asked for`,
      ).toBe(true);
    }
    for (const reason of [...Object.values(allowed.permissions), ...Object.values(allowed.hosts)]) {
      expect(reason.trim().length).toBeGreaterThan(10);
    }
  });
});
