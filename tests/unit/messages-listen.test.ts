import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listen } from '../../lib/messages';

// Who may send what: a call page's context (the content script) only reports; everything that
// reads or changes records must come from one of the extension's own pages.

const own = browser.runtime.getURL('/popup.html');

describe('listen', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    [
      'a report from the content script',
      { type: 'call-state', platform: 'meet', state: 'lobby', at: 1 },
      'https://meet.google.com/abc-defg-hij',
      true,
    ],
    [
      'a record change from the content script',
      { type: 'action-item', sessionId: 's', add: 'x' },
      'https://meet.google.com/abc-defg-hij',
      false,
    ],
    [
      "the card's geometry from the content script",
      { type: 'card-frame', frame: { mc: 'where' } },
      'https://meet.google.com/abc-defg-hij',
      false,
    ],
    [
      'a manual start from the content script',
      { type: 'manual-start', tabId: 1, at: 1 },
      'https://meet.google.com/abc-defg-hij',
      false,
    ],
    [
      'a record change from an extension page',
      { type: 'action-item', sessionId: 's', add: 'x' },
      own,
      true,
    ],
    ['something that is not ours', { type: 'hello' }, own, false],
  ])('%s: handled %s', async (_name, msg, url, handled) => {
    const seen: string[] = [];
    const stop = listen({
      'call-state': () => {
        seen.push('call-state');
        return { ok: true };
      },
      'action-item': () => {
        seen.push('action-item');
        return { ok: true };
      },
      'card-frame': () => {
        seen.push('card-frame');
        return null;
      },
      'manual-start': () => {
        seen.push('manual-start');
        return { ok: true };
      },
    });
    await fakeBrowser.runtime.onMessage.trigger(
      msg,
      {
        url,
        tab: { id: 1, windowId: 2 } as never,
        frameId: 0,
      } as never,
      () => {},
    );
    expect(seen.length > 0).toBe(handled);
    stop();
  });
});
