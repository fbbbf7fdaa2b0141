import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apisIn, type Build, buildTargets, pageScripts } from './manifest-builds';

// The session card (overlay.html) is an extension page framed inside the call page. Firefox
// gives such a frame only the content-script API set (seen on Firefox ESR 153: no
// storage.session, no tabs, no sidebarAction; runtime.sendMessage works), so the card's code must
// call nothing else, and get the rest from the background. Chrome gives the frame the full set.
//
// The check follows the scripts overlay.html loads; a shared chunk counts with all it calls.

/** What Firefox's framed extension page offers (the content-script set). */
const FRAMED_IN_FIREFOX = [
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

let build: Build;
let remove = () => {};

beforeAll(() => {
  const made = buildTargets([{ browser: 'firefox', manifestVersion: 3 }], 'unit-builds-card');
  build = made.builds[0] as Build;
  remove = made.remove;
}, 60_000);
afterAll(() => remove());

describe('the session card in the Firefox build', () => {
  it('calls only what a framed extension page has in Firefox', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const missing: string[] = [];
    for (const file of pageScripts(build.dir, 'overlay.html')) {
      const code = fs.readFileSync(path.join(build.dir, file), 'utf8');
      for (const api of apisIn(code).used) {
        if (api.includes('.') && !FRAMED_IN_FIREFOX.includes(api)) missing.push(`${api} (${file})`);
      }
    }
    expect(missing).toEqual([]);
  });
});
