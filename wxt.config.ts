import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CALL_MATCHES } from './lib/platforms/hosts';

/** The content script's own context (lib/content/context.ts says why it replaces WXT's). */
const SMALL_CONTEXT = fileURLToPath(new URL('./lib/content/context.ts', import.meta.url));

// The manifest asks for the least the product needs: host access comes only from the content
// script's matches (the three platforms), and each permission below has a user.
// Chrome and Firefox (140 ESR and later) both get Manifest V3, with the same shape where Firefox
// allows: the side panel becomes Firefox's sidebar_action, the service worker an event page.
// Firefox MV3 treats host access as the user's to grant: it shows the content script's hosts in
// the install prompt and grants them there (Firefox 127+); the user may take them away per site.
export const EXTENSION_PAGES_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage', // settings and the live call state
      'notifications', // "Back to your call" and "Reflect on the session"
      'alarms', // the nudge after the grace time, which survives a worker restart
      'idle', // a locked screen counts as away
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    action: { default_title: '__MSG_extName__' },
    // Extension pages load only the extension's own code and reach no network: no remote
    // script, no eval, no connection but to the extension's own files.
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    // Chrome 116: sidePanel.open(), which the card's and the popup's buttons call.
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '116' }),
    // Defaults that the systems and the call pages leave free. Alt+Shift (pressed with any key)
    // switches the keyboard layout on Windows, and ChromeOS gives Alt+Shift+M to its Files app.
    // Chrome, Firefox, Meet, Zoom and Teams take many Ctrl+Shift+<letter> keys (Teams: M mutes,
    // O the camera, K raises a hand, E shares, H hangs up; Firefox: K, E, P, Y, H, S; GTK on
    // Linux: U), and none of them takes Ctrl+Shift+Period (Command+Shift+Period on a Mac).
    // The side panel has its toolbar button and Firefox its View menu, so "open-panel" has no
    // default; a person gives it one at chrome://extensions/shortcuts or in about:addons.
    commands: {
      'toggle-card': {
        suggested_key: { default: 'Ctrl+Shift+Period', mac: 'Command+Shift+Period' },
        description: '__MSG_commandToggleCard__',
      },
      'open-panel': {
        description: '__MSG_commandOpenPanel__',
      },
    },
    web_accessible_resources: [
      // Only the call platforms may frame the session card. In Chrome its URL carries a per-
      // session id (use_dynamic_url), so a page cannot probe a fixed URL to learn the extension
      // is installed; Firefox's moz-extension:// host is already a random id per install.
      {
        resources: ['overlay.html'],
        matches: [...CALL_MATCHES],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
      // The close watch the content script imports once a page hints at a call, with the same
      // per-session URL in Chrome.
      {
        resources: ['call-watch.js'],
        matches: [...CALL_MATCHES],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              // Permanent once uploaded to addons.mozilla.org; docs/store-listing.md says why
              // this one.
              id: 'mentor-companion@mentor-companion.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // The data-collection declaration exists on Firefox for Android from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // WXT writes sidebar_action from the side panel entrypoint; Firefox opens a new add-on's
    // sidebar by itself unless told not to, and the panel is for when a call ends.
    'build:manifestGenerated': (_wxt, manifest) => {
      const sidebar = (manifest as { sidebar_action?: Record<string, unknown> }).sidebar_action;
      if (sidebar) sidebar.open_at_install = false;
    },
    'vite:build:extendConfig': (entrypoints, config) => {
      const names = entrypoints.map((e) => e.name);
      // The content script gets a context of a few hundred bytes instead of WXT's, which would
      // bring the polyfill and tell the page the extension is there.
      if (names.includes('call')) {
        config.resolve ??= {};
        const alias = config.resolve.alias;
        const mine = { find: 'wxt/utils/content-script-context', replacement: SMALL_CONTEXT };
        config.resolve.alias = Array.isArray(alias)
          ? [mine, ...alias]
          : [
              mine,
              ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement })),
            ];
      }
      // The close watch is imported as a module (`import()` from the content script), so it is
      // built as one, with its start function as the default export.
      if (names.includes('call-watch') && config.build?.lib) {
        config.build.lib.formats = ['es'];
      }
    },
  },
  vite: () => ({
    plugins: [
      preact({ prerender: { enabled: false }, devToolsEnabled: false, prefreshEnabled: false }),
    ],
  }),
});
