// @vitest-environment happy-dom
// The content script's small context (lib/content/context.ts), which the content-script build
// puts where WXT's ContentScriptContext would be: the same public API, the same lifetime rules,
// and nothing the page can see.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext as WxtContext } from 'wxt/utils/content-script-context';
import { ContentScriptContext } from '../../../lib/content/context';

const publicApi = (proto: object) =>
  Object.getOwnPropertyNames(proto)
    .filter((name) => name !== 'constructor')
    .sort();

let runtimeId: string | undefined;

beforeEach(() => {
  runtimeId = 'ext-id';
  vi.stubGlobal('chrome', {
    runtime: {
      get id() {
        return runtimeId;
      },
    },
  });
  vi.stubGlobal('browser', undefined);
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the small context', () => {
  it("has WXT's public API, name for name", () => {
    expect(publicApi(ContentScriptContext.prototype)).toEqual(publicApi(WxtContext.prototype));
  });

  it('runs timers while valid and stops them once invalidated', () => {
    const ctx = new ContentScriptContext();
    const tick = vi.fn();
    const once = vi.fn();
    ctx.setInterval(tick, 1_000);
    ctx.setTimeout(once, 5_000);
    vi.advanceTimersByTime(3_000);
    expect(tick).toHaveBeenCalledTimes(3);
    const gone = vi.fn();
    ctx.onInvalidated(gone);
    ctx.abort();
    expect(gone).toHaveBeenCalledTimes(1);
    expect(ctx.isValid).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(tick).toHaveBeenCalledTimes(3);
    expect(once).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('is invalid once the extension is gone (updated, reloaded, removed)', () => {
    const ctx = new ContentScriptContext();
    const gone = vi.fn();
    ctx.onInvalidated(gone);
    const tick = vi.fn();
    ctx.setInterval(tick, 1_000);
    vi.advanceTimersByTime(1_000);
    expect(tick).toHaveBeenCalledTimes(1);
    runtimeId = undefined;
    vi.advanceTimersByTime(1_000);
    expect(tick).toHaveBeenCalledTimes(1);
    expect(gone).toHaveBeenCalledTimes(1);
    expect(ctx.isInvalid).toBe(true);
  });

  it('removes event listeners it added when invalidated', () => {
    const ctx = new ContentScriptContext();
    const onClick = vi.fn();
    ctx.addEventListener(document, 'click', onClick);
    document.body.click();
    ctx.abort();
    document.body.click();
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('leaves no listener behind for a timeout that has run', () => {
    const ctx = new ContentScriptContext();
    const add = vi.spyOn(ctx.signal, 'addEventListener');
    const remove = vi.spyOn(ctx.signal, 'removeEventListener');
    for (let i = 0; i < 5; i++) ctx.setTimeout(() => {}, 10);
    vi.advanceTimersByTime(10);
    expect(add).toHaveBeenCalledTimes(5);
    expect(remove).toHaveBeenCalledTimes(5);
  });

  it('tells the page nothing when it starts: no message posted, no event on the document', () => {
    const posted = vi.spyOn(window, 'postMessage');
    const dispatched = vi.spyOn(document, 'dispatchEvent');
    new ContentScriptContext();
    expect(posted).not.toHaveBeenCalled();
    expect(dispatched).not.toHaveBeenCalled();
  });

  it('reports a URL change to wxt:locationchange handlers, from popstate without a timer', () => {
    vi.stubGlobal('navigation', undefined);
    const ctx = new ContentScriptContext();
    const seen = vi.fn();
    ctx.addEventListener(window, 'wxt:locationchange', seen);
    expect(vi.getTimerCount()).toBe(0);
    history.pushState(null, '', '/abc-defg-hij');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(seen).toHaveBeenCalledTimes(1);
    expect(String(seen.mock.calls[0]?.[0].newUrl)).toMatch(/\/abc-defg-hij$/);
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(seen).toHaveBeenCalledTimes(1);
  });
});
