import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CALL_MATCHES } from './lib/platforms/hosts';

/** The content script's own context (lib/content/context.ts says why it replaces WXT's). */
const SMALL_CONTEXT = fileURLToPath(new URL('./lib/content/context.ts', import.meta.url));

// The manifest asks for the least the product needs: host access comes only from the content
// script's matches (the three platforms), and each permission below has a user.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
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
    commands: {
      'toggle-card': {
        suggested_key: { default: 'Alt+Shift+M' },
        description: '__MSG_commandToggleCard__',
      },
      'open-panel': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_commandOpenPanel__',
      },
    },
    web_accessible_resources: [
      // Only the call platforms may frame the session card.
      { resources: ['overlay.html'], matches: [...CALL_MATCHES] },
      // The close watch the content script imports once a page hints at a call. In Chrome its
      // URL carries a per-session id, so a page cannot probe a fixed URL for the extension.
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
              id: 'mentor-companion@mentor-companion.example',
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
