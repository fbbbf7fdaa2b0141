import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  type PortFeedDeps,
  portFeed,
  storedFeed,
  WELCOME_MS,
} from '../../../lib/session/live-client';
import type { LiveProjection } from '../../../lib/session/live-projection';
import { liveViewItem } from '../../../lib/storage/items';

// How the card and the panel get the live projection: the card over a port that drops with
// every worker stop and is opened again; the panel from the stored item.

type Port = ReturnType<PortFeedDeps['connect']>;

/** `welcome`: each port hears the background's first push as soon as it listens. */
function fakeRuntime({ welcome = false } = {}) {
  const ports: Array<{ port: Port; send(m: unknown): void; drop(): void }> = [];
  const connect = vi.fn((): Port => {
    const onMessage: Array<(m: unknown) => void> = [];
    const onDisconnect: Array<() => void> = [];
    const port: Port = {
      name: 'live',
      postMessage() {},
      disconnect: vi.fn(),
      onMessage: {
        addListener: (cb) => {
          onMessage.push(cb);
          if (welcome) cb({ type: 'live-view', view: null });
        },
      },
      onDisconnect: { addListener: (cb) => onDisconnect.push(cb) },
    };
    ports.push({
      port,
      send: (m) => {
        for (const cb of onMessage) cb(m);
      },
      drop: () => {
        for (const cb of onDisconnect) cb();
      },
    });
    return port;
  });
  return { connect, ports };
}

const view = (tabId: number) => ({ v: 1, tabId }) as unknown as LiveProjection;

describe('portFeed', () => {
  it('passes on every projection pushed down the port', () => {
    const rt = fakeRuntime();
    const seen: Array<LiveProjection | null> = [];
    portFeed({ connect: rt.connect })((v) => seen.push(v));
    rt.ports[0]?.send({ type: 'live-view', view: view(1) });
    rt.ports[0]?.send({ type: 'something-else' });
    rt.ports[0]?.send({ type: 'live-view', view: null });
    expect(seen).toEqual([view(1), null]);
  });

  it('connects again at once when the worker stops, and gets the projection anew', () => {
    vi.useFakeTimers();
    let clock = 0;
    const rt = fakeRuntime();
    const seen: Array<LiveProjection | null> = [];
    portFeed({ connect: rt.connect, now: () => clock })((v) => seen.push(v));
    for (let i = 1; i <= 10; i++) {
      clock += 30_000;
      rt.ports.at(-1)?.drop();
      vi.advanceTimersByTime(0);
      rt.ports.at(-1)?.send({ type: 'live-view', view: view(i) });
    }
    expect(rt.connect).toHaveBeenCalledTimes(11);
    expect(seen.at(-1)).toEqual(view(10));
    vi.useRealTimers();
  });

  it('backs off while the port keeps dropping at once, and stops for good when asked', () => {
    vi.useFakeTimers();
    const rt = fakeRuntime({ welcome: true });
    const stop = portFeed({ connect: rt.connect, now: () => 0 })(() => {});
    rt.ports.at(-1)?.drop();
    vi.advanceTimersByTime(99);
    expect(rt.connect).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(rt.connect).toHaveBeenCalledTimes(2);
    rt.ports.at(-1)?.drop();
    vi.advanceTimersByTime(249);
    expect(rt.connect).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1);
    expect(rt.connect).toHaveBeenCalledTimes(3);
    // However often it drops, it waits no longer than 5 s.
    for (let i = 0; i < 10; i++) {
      rt.ports.at(-1)?.drop();
      vi.advanceTimersByTime(5_000);
    }
    expect(rt.connect).toHaveBeenCalledTimes(13);
    stop();
    expect(rt.ports.at(-1)?.port.disconnect).toHaveBeenCalled();
    rt.ports.at(-1)?.drop();
    vi.advanceTimersByTime(10_000);
    expect(rt.connect).toHaveBeenCalledTimes(13);
    vi.useRealTimers();
  });

  it('gives up a port that hears nothing, as one to a worker being stopped, and opens another', () => {
    vi.useFakeTimers();
    const rt = fakeRuntime();
    const seen: Array<LiveProjection | null> = [];
    portFeed({ connect: rt.connect, now: () => Date.now() })((v) => seen.push(v));
    vi.advanceTimersByTime(WELCOME_MS);
    expect(rt.ports[0]?.port.disconnect).toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(rt.connect).toHaveBeenCalledTimes(2);
    rt.ports[1]?.send({ type: 'live-view', view: view(2) });
    vi.advanceTimersByTime(10 * WELCOME_MS);
    expect(rt.connect).toHaveBeenCalledTimes(2);
    expect(seen).toEqual([view(2)]);
    vi.useRealTimers();
  });

  it('gives up when the extension context is gone', () => {
    const connect = vi.fn(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(() => portFeed({ connect })(() => {})).not.toThrow();
  });
});

describe('storedFeed', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the tab projection, then follows it', async () => {
    await liveViewItem(3).set({
      ...view(3),
      mentorships: [],
      menteeNotes: '',
      mentorNotes: '',
      sessionMinutes: 45,
    });
    const seen: Array<number | undefined> = [];
    const stop = storedFeed(3)((v) => seen.push(v?.sessionMinutes));
    await vi.waitFor(() => expect(seen).toEqual([45]));
    await liveViewItem(3).set({
      ...view(3),
      mentorships: [],
      menteeNotes: '',
      mentorNotes: '',
      sessionMinutes: 30,
    });
    await vi.waitFor(() => expect(seen).toEqual([45, 30]));
    await liveViewItem(3).remove();
    await vi.waitFor(() => expect(seen).toEqual([45, 30, undefined]));
    stop();
  });

  it('no tab: nothing to show', () => {
    const seen: unknown[] = [];
    storedFeed(undefined)((v) => seen.push(v));
    expect(seen).toEqual([null]);
  });
});
