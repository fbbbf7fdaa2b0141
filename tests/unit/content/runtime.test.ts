// The content script's door to the extension (lib/content/runtime.ts): the browser's own
// namespace, no polyfill; Firefox's `browser` where it is real, Chrome's `chrome` otherwise; and
// replies through sendResponse, which both browsers honour (Chrome ignores a returned Promise).

import { afterEach, describe, expect, it, vi } from 'vitest';
import { alive, getURL, onMessage, sendMessage } from '../../../lib/content/runtime';

type Listener = (msg: unknown, sender: unknown, reply: (answer: unknown) => void) => unknown;

function fakeRuntime(id: string | undefined, base: string) {
  const listeners: Listener[] = [];
  return {
    listeners,
    runtime: {
      id,
      getURL: (path: string) => `${base}${path.replace(/^\//, '')}`,
      getManifest: () => ({ version: '1.2.3' }),
      sendMessage: vi.fn(async (msg: unknown) => ({ echo: msg })),
      onMessage: {
        addListener: (l: Listener) => listeners.push(l),
        removeListener: (l: Listener) => listeners.splice(listeners.indexOf(l), 1),
      },
    },
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('the runtime door', () => {
  it("uses Chrome's chrome where there is no extension browser namespace", async () => {
    const chrome = fakeRuntime('abc', 'chrome-extension://abc/');
    vi.stubGlobal('browser', undefined);
    vi.stubGlobal('chrome', chrome);
    expect(getURL('/call-watch.js')).toBe('chrome-extension://abc/call-watch.js');
    expect(await sendMessage({ type: 'call-ping' })).toEqual({ echo: { type: 'call-ping' } });
    expect(alive()).toBe(true);
  });

  it("uses Firefox's browser when it is a real extension namespace", () => {
    vi.stubGlobal('browser', fakeRuntime('uuid', 'moz-extension://uuid/'));
    vi.stubGlobal('chrome', fakeRuntime('uuid', 'chrome-ish://uuid/'));
    expect(getURL('/x.js')).toBe('moz-extension://uuid/x.js');
  });

  it('knows an orphaned script (the extension was reloaded) and sends nothing from it', async () => {
    const chrome = fakeRuntime(undefined, 'chrome-extension://abc/');
    vi.stubGlobal('browser', undefined);
    vi.stubGlobal('chrome', chrome);
    expect(alive()).toBe(false);
    await expect(sendMessage({ type: 'visibility' })).rejects.toThrow(/invalidated/);
    expect(chrome.runtime.sendMessage).not.toHaveBeenCalled();
  });

  it('answers through sendResponse and keeps the channel open; leaves others alone', async () => {
    const chrome = fakeRuntime('abc', 'chrome-extension://abc/');
    vi.stubGlobal('browser', undefined);
    vi.stubGlobal('chrome', chrome);
    const off = onMessage((msg) =>
      (msg as { type?: string }).type === 'call-ping'
        ? Promise.resolve({ state: 'none' })
        : undefined,
    );
    const listener = chrome.listeners[0] as Listener;
    const reply = vi.fn();
    expect(listener({ type: 'call-ping' }, {}, reply)).toBe(true);
    await Promise.resolve();
    expect(reply).toHaveBeenCalledWith({ state: 'none' });
    const other = vi.fn();
    expect(listener({ type: 'something-else' }, {}, other)).toBe(false);
    expect(other).not.toHaveBeenCalled();
    off();
    expect(chrome.listeners).toHaveLength(0);
  });
});
