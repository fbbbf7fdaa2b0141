// @vitest-environment happy-dom
// How often the close watch looks (lib/content/pace.ts): closely until a call is live and
// settled; then only the leave control leaving the page asks for a look at once, the tiles,
// meters and captions around it ask for nothing, and a safety look comes every few seconds.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CONFIRM_MS,
  pace,
  SAFETY_MS,
  SETTLED_SAFETY_MS,
  THROTTLE_MS,
} from '../../../lib/content/pace';

const ctx = {
  setTimeout: (fn: () => void, ms?: number) => setTimeout(fn, ms) as unknown as number,
  onInvalidated: () => () => {},
};

/** Lets the observer's callback (a microtask) run, then time pass. */
const later = async (ms: number) => {
  await Promise.resolve();
  await vi.advanceTimersByTimeAsync(ms);
};

let leave: HTMLButtonElement;
let tiles: HTMLElement;

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML =
    '<div id="toolbar"><div class="wrap"><button id="leave">call_end</button></div></div><div id="tiles"></div>';
  leave = document.getElementById('leave') as HTMLButtonElement;
  tiles = document.getElementById('tiles') as HTMLElement;
});

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

const churn = () => {
  for (let i = 0; i < 20; i++) {
    tiles.append(document.createElement('span'));
    tiles.setAttribute('data-level', String(i));
  }
};

describe('while close', () => {
  it('looks after DOM changes, at most once per throttle, and at the safety pace', async () => {
    const look = vi.fn();
    const p = pace(ctx, look);
    p.after({ leaves: [], pending: false });
    churn();
    await later(THROTTLE_MS);
    expect(look).toHaveBeenCalledTimes(1);
    look.mockClear();
    p.stop();
    p.after({ leaves: [], pending: false });
    await later(SAFETY_MS);
    expect(look).toHaveBeenCalledTimes(1);
  });

  it('gives a change waiting for its confirmation a look soon, mutations or not', async () => {
    const look = vi.fn();
    const p = pace(ctx, look);
    p.after({ leaves: [leave], pending: true });
    await later(CONFIRM_MS);
    expect(look).toHaveBeenCalledTimes(1);
    p.stop();
  });
});

describe('once the call has settled', () => {
  it('asks for nothing when the page churns around the leave control', async () => {
    const look = vi.fn();
    const p = pace(ctx, look);
    p.after({ leaves: [leave], pending: false });
    for (let i = 0; i < 5; i++) {
      churn();
      await later(THROTTLE_MS);
    }
    expect(look).not.toHaveBeenCalled();
    p.stop();
  });

  it('looks at once when the leave control leaves the page', async () => {
    const look = vi.fn();
    const p = pace(ctx, look);
    p.after({ leaves: [leave], pending: false });
    document.getElementById('toolbar')?.replaceChildren();
    await later(THROTTLE_MS);
    expect(look).toHaveBeenCalledTimes(1);
    p.stop();
  });

  it('still takes a safety look, at the slower pace', async () => {
    const look = vi.fn();
    const p = pace(ctx, look);
    p.after({ leaves: [leave], pending: false });
    await later(SAFETY_MS);
    expect(look).not.toHaveBeenCalled();
    await later(SETTLED_SAFETY_MS - SAFETY_MS);
    expect(look).toHaveBeenCalledTimes(1);
    p.stop();
  });
});

describe('a click in a settled call', () => {
  it('gets a look within the throttle (presenting starts and stops with a click)', async () => {
    const look = vi.fn();
    const p = pace(ctx, look);
    p.after({ leaves: [leave], pending: false });
    p.soon();
    p.soon();
    await later(THROTTLE_MS);
    expect(look).toHaveBeenCalledTimes(1);
    p.stop();
  });
});

describe('stopped', () => {
  it('holds no timer and looks at nothing', async () => {
    const look = vi.fn();
    const p = pace(ctx, look);
    p.after({ leaves: [], pending: true });
    p.stop();
    expect(vi.getTimerCount()).toBe(0);
    churn();
    leave.remove();
    await later(10 * SETTLED_SAFETY_MS);
    expect(look).not.toHaveBeenCalled();
  });
});
