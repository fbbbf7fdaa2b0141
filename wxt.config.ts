import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CALL_MATCHES } from './lib/platforms/hosts';

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
  vite: () => ({
    plugins: [
      preact({ prerender: { enabled: false }, devToolsEnabled: false, prefreshEnabled: false }),
    ],
  }),
});
