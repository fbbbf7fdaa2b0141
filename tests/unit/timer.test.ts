import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clampSessionMinutes,
  DEFAULT_SESSION_MINUTES,
  MAX_SESSION_MINUTES,
  MIN_SESSION_MINUTES,
  sessionTimer,
  type TimerPhase,
} from '../../lib/timer';

const T0 = 1_741_000_000_000;
const MIN = 60_000;

describe('sessionTimer phases', () => {
  it.each<[string, number, number, TimerPhase, number]>([
    // [what, length (min), elapsed (ms), phase, left (ms)]
    ['45 min: the start', 45, 0, 'running', 45 * MIN],
    ['45 min: just before halftime', 45, 22.5 * MIN - 1, 'running', 22.5 * MIN + 1],
    ['45 min: halftime', 45, 22.5 * MIN, 'second-half', 22.5 * MIN],
    ['45 min: just before wrap-up', 45, 40 * MIN - 1, 'second-half', 5 * MIN + 1],
    ['45 min: 5 minutes left', 45, 40 * MIN, 'wrap-up', 5 * MIN],
    ['45 min: exactly the end', 45, 45 * MIN, 'wrap-up', 0],
    ['45 min: just past the end', 45, 45 * MIN + 1, 'overtime', -1],
    ['45 min: 5 minutes over', 45, 50 * MIN, 'overtime', -5 * MIN],
    ['25 min: wrap-up is the full 5 minutes', 25, 20 * MIN, 'wrap-up', 5 * MIN],
    ['20 min: wrap-up is 20 % (4 min), not yet', 20, 16 * MIN - 1, 'second-half', 4 * MIN + 1],
    ['20 min: wrap-up is 20 % (4 min)', 20, 16 * MIN, 'wrap-up', 4 * MIN],
    ['10 min: halftime at 5 min', 10, 5 * MIN, 'second-half', 5 * MIN],
    ['10 min: wrap-up at 8 min', 10, 8 * MIN, 'wrap-up', 2 * MIN],
    ['5 min: wrap-up for the last minute', 5, 4 * MIN, 'wrap-up', MIN],
    ['5 min: second half before it', 5, 3 * MIN, 'second-half', 2 * MIN],
    ['240 min: overtime after 4 h', 240, 240 * MIN + 1, 'overtime', -1],
  ])('%s', (_what, length, elapsed, phase, left) => {
    const t = sessionTimer(T0, length, T0 + elapsed);
    expect(t.phase).toBe(phase);
    expect(t.leftMs).toBe(left);
    expect(t.elapsedMs).toBe(elapsed);
    expect(t.endsAt).toBe(T0 + length * MIN);
    expect(t.lengthMs).toBe(length * MIN);
  });

  it('gives the boundaries as times', () => {
    expect(sessionTimer(T0, 45, T0)).toEqual({
      elapsedMs: 0,
      leftMs: 45 * MIN,
      phase: 'running',
      halftimeAt: T0 + 22.5 * MIN,
      wrapUpAt: T0 + 40 * MIN,
      endsAt: T0 + 45 * MIN,
      lengthMs: 45 * MIN,
    });
    expect(sessionTimer(T0, 10, T0).wrapUpAt).toBe(T0 + 8 * MIN);
  });

  it('treats a clock behind the start as the start', () => {
    const t = sessionTimer(T0, 45, T0 - 5000);
    expect(t.elapsedMs).toBe(0);
    expect(t.leftMs).toBe(45 * MIN);
    expect(t.phase).toBe('running');
    expect(sessionTimer(T0, 45, Number.NaN).elapsedMs).toBe(0);
  });
});

describe('session length', () => {
  it.each<[number, number]>([
    [45, 45],
    [30, 30],
    [7.5, 7.5],
    [0, DEFAULT_SESSION_MINUTES],
    [-10, DEFAULT_SESSION_MINUTES],
    [Number.NaN, DEFAULT_SESSION_MINUTES],
    [Number.POSITIVE_INFINITY, DEFAULT_SESSION_MINUTES],
    [2, MIN_SESSION_MINUTES],
    [1000, MAX_SESSION_MINUTES],
  ])('%s minutes -> %s', (given, used) => {
    expect(clampSessionMinutes(given)).toBe(used);
    expect(sessionTimer(T0, given, T0).endsAt).toBe(T0 + used * MIN);
  });

  it('always has the phases in order, each reached, for any length', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 500, noNaN: true }), (length) => {
        const t = sessionTimer(T0, length, T0);
        expect(T0).toBeLessThan(t.halftimeAt);
        expect(t.halftimeAt).toBeLessThan(t.wrapUpAt);
        expect(t.wrapUpAt).toBeLessThan(t.endsAt);
        expect(t.endsAt - t.wrapUpAt).toBeLessThanOrEqual(5 * MIN);
        const order: TimerPhase[] = ['running', 'second-half', 'wrap-up', 'overtime'];
        const at = [T0, t.halftimeAt, t.wrapUpAt, t.endsAt + 1];
        expect(at.map((now) => sessionTimer(T0, length, now).phase)).toEqual(order);
      }),
    );
  });
});
