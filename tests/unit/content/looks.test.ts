// @vitest-environment happy-dom
// The cheap looks at a page with no call (lib/content/looks.ts): on start, on the page being
// shown again, on a URL change and in a short series after an interaction; never on a clock, so
// a Teams chat open all day runs no timer at all.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AFTER_INTERACTION_MS, looksAt } from '../../../lib/content/looks';

let abort: AbortController;
const ctx = () => ({
  get isValid() {
    return !abort.signal.aborted;
  },
  signal: abort.signal,
});

beforeEach(() => {
  abort = new AbortController();
  vi.useFakeTimers();
  vi.stubGlobal('navigation', undefined);
});

afterEach(() => {
  abort.abort();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('looks at a page with no call', () => {
  it('looks once at start, then runs no timer however long the page stays open', () => {
    const look = vi.fn();
    looksAt(ctx(), look).start();
    expect(look).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(8 * 3_600_000);
    expect(look).toHaveBeenCalledTimes(1);
  });

  it('looks a few times over the seconds after a click, as the app builds a call', () => {
    const look = vi.fn();
    looksAt(ctx(), look).start();
    document.body.click();
    vi.advanceTimersByTime(Math.max(...AFTER_INTERACTION_MS));
    expect(look).toHaveBeenCalledTimes(1 + AFTER_INTERACTION_MS.length);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('starts the series again on a new interaction instead of adding one', () => {
    const look = vi.fn();
    looksAt(ctx(), look).start();
    document.body.click();
    vi.advanceTimersByTime(100);
    document.body.click();
    expect(vi.getTimerCount()).toBe(AFTER_INTERACTION_MS.length);
  });

  it('takes Enter and Space as interactions, not typing', () => {
    const look = vi.fn();
    looksAt(ctx(), look).start();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    expect(vi.getTimerCount()).toBe(0);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(vi.getTimerCount()).toBe(AFTER_INTERACTION_MS.length);
  });

  it('looks when the URL changes and when the page is shown again', () => {
    const look = vi.fn();
    looksAt(ctx(), look).start();
    window.dispatchEvent(new PopStateEvent('popstate'));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(look).toHaveBeenCalledTimes(4);
  });

  it('does not look while stopped (a call is being watched closely), nor once invalid', () => {
    const look = vi.fn();
    const looks = looksAt(ctx(), look);
    looks.start();
    document.body.click();
    looks.stop();
    expect(vi.getTimerCount()).toBe(0);
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(look).toHaveBeenCalledTimes(1);
    looks.start();
    expect(look).toHaveBeenCalledTimes(2);
    abort.abort();
    window.dispatchEvent(new PopStateEvent('popstate'));
    document.body.click();
    expect(look).toHaveBeenCalledTimes(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('resumes without looking at once (the watch has just looked)', () => {
    const look = vi.fn();
    const looks = looksAt(ctx(), look);
    looks.start();
    looks.stop();
    looks.resume();
    expect(look).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(look).toHaveBeenCalledTimes(2);
  });
});
