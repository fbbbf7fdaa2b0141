import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyFocusEvent,
  endFocus,
  FOCUS_BLIP_MS,
  FOCUS_MAX_EVENTS,
  type FocusEvent,
  type FocusFigures,
  type FocusState,
  focusFigures,
  isAway,
  isFocusState,
  startFocus,
} from '../../lib/focus';

// Times in tests are offsets in ms from T0, the session start.
const T0 = 1_741_000_000_000;
const S = 1000;

const tab = (at: number, where: 'call' | 'companion' | 'other'): FocusEvent => ({
  at: T0 + at,
  kind: 'tab',
  where,
});
const win = (at: number, focused: 'call' | 'other' | 'none'): FocusEvent => ({
  at: T0 + at,
  kind: 'window',
  focused,
});
const vis = (at: number, visible: boolean): FocusEvent => ({
  at: T0 + at,
  kind: 'visibility',
  visible,
});
const idle = (at: number, locked: boolean): FocusEvent => ({ at: T0 + at, kind: 'idle', locked });

function feed(events: readonly FocusEvent[], state: FocusState = startFocus(T0)): FocusState {
  return events.reduce(applyFocusEvent, state);
}

/** A state holding `events` as given, never compacted: the reference for compaction tests. */
function uncompacted(events: readonly FocusEvent[], endedAt: number | null = null): FocusState {
  return { v: 1, startedAt: T0, endedAt, events: [...events], checkpoint: null };
}

interface Case {
  name: string;
  events: FocusEvent[];
  now: number;
  awayMs: number;
  count: number;
  longestMs?: number;
  awaySince?: number | null;
}

const cases: Case[] = [
  { name: 'nothing happens', events: [], now: 60 * S, awayMs: 0, count: 0, awaySince: null },
  {
    name: 'tab away and back (5 s)',
    events: [tab(10 * S, 'other'), tab(15 * S, 'call')],
    now: 60 * S,
    awayMs: 5 * S,
    count: 1,
    longestMs: 5 * S,
    awaySince: null,
  },
  {
    name: 'window to another app and back (none is back-dated)',
    events: [win(10 * S, 'none'), win(20 * S, 'call')],
    now: 60 * S,
    awayMs: 10 * S,
    count: 1,
  },
  {
    name: 'window to another browser window and back',
    events: [win(10 * S, 'other'), win(12 * S, 'call')],
    now: 60 * S,
    awayMs: 2 * S,
    count: 1,
  },
  {
    name: 'lock screen (visibility follows it)',
    events: [
      idle(10 * S, true),
      vis(10 * S + 1, false),
      idle(70 * S, false),
      vis(70 * S + 200, true),
    ],
    now: 90 * S,
    awayMs: 60 * S,
    count: 1,
  },
  {
    name: 'unlock makes the call tab visible before the late report',
    events: [vis(10 * S - 3, false), idle(10 * S, true), idle(70 * S, false), vis(71 * S, true)],
    now: 90 * S,
    awayMs: 60 * S,
    count: 1,
  },
  {
    name: 'overlapping causes: tab, then app, then back by parts',
    events: [
      tab(10 * S, 'other'),
      win(12 * S, 'none'),
      vis(13 * S, false),
      tab(20 * S, 'call'),
      win(25 * S, 'call'),
    ],
    now: 60 * S,
    awayMs: 15 * S,
    count: 1,
  },
  {
    name: 'overlapping causes: hidden, other window, visible, window back',
    events: [vis(10 * S, false), win(12 * S, 'other'), vis(14 * S, true), win(18 * S, 'call')],
    now: 60 * S,
    awayMs: 8 * S,
    count: 1,
  },
  {
    name: 'overlapping causes: lock during a tab absence',
    events: [tab(10 * S, 'other'), idle(15 * S, true), tab(20 * S, 'call'), idle(30 * S, false)],
    now: 60 * S,
    awayMs: 20 * S,
    count: 1,
  },
  {
    name: 'companion tab is not away (call tab hidden meanwhile)',
    events: [
      tab(10 * S, 'companion'),
      vis(10 * S + 2, false),
      tab(30 * S, 'call'),
      vis(30 * S + 50, true),
    ],
    now: 60 * S,
    awayMs: 0,
    count: 0,
  },
  {
    name: 'companion tab: hidden reported a few ms before the tab change',
    events: [
      vis(10 * S - 2, false),
      tab(10 * S, 'companion'),
      vis(30 * S - 5, true),
      tab(30 * S, 'call'),
    ],
    now: 60 * S,
    awayMs: 0,
    count: 0,
  },
  {
    name: 'companion tab, then another app',
    events: [
      tab(10 * S, 'companion'),
      vis(10 * S + 3, false),
      win(20 * S, 'none'),
      win(25 * S, 'call'),
    ],
    now: 60 * S,
    awayMs: 5 * S,
    count: 1,
  },
  {
    name: 'companion tab, then another tab',
    events: [tab(10 * S, 'companion'), tab(20 * S, 'other'), tab(26 * S, 'companion')],
    now: 60 * S,
    awayMs: 6 * S,
    count: 1,
  },
  {
    name: 'blip: none then the call window within 300 ms',
    events: [win(10 * S, 'none'), win(10 * S + 300, 'call')],
    now: 60 * S,
    awayMs: 0,
    count: 0,
  },
  {
    name: 'blip: none then another window: away from the none',
    events: [win(10 * S, 'none'), win(10 * S + 200, 'other'), win(15 * S, 'call')],
    now: 60 * S,
    awayMs: 5 * S,
    count: 1,
  },
  {
    name: 'blip: coming back from another window through a none',
    events: [win(10 * S, 'other'), win(20 * S, 'none'), win(20 * S + 100, 'call')],
    now: 60 * S,
    awayMs: 10 * S,
    count: 1,
  },
  {
    name: 'blip: none alone, past the blip window: back-dated',
    events: [win(10 * S, 'none')],
    now: 20 * S,
    awayMs: 10 * S,
    count: 1,
    awaySince: T0 + 10 * S,
  },
  {
    name: 'blip: none alone, still within the blip window: not yet away',
    events: [win(10 * S, 'none')],
    now: 10 * S + 500,
    awayMs: 0,
    count: 0,
    awaySince: null,
  },
  {
    name: 'blip: none alone, exactly at the end of the blip window',
    events: [win(10 * S, 'none')],
    now: 10 * S + FOCUS_BLIP_MS,
    awayMs: FOCUS_BLIP_MS,
    count: 1,
    awaySince: T0 + 10 * S,
  },
  {
    name: 'blip: call window just after the blip window: counted',
    events: [win(10 * S, 'none'), win(10 * S + FOCUS_BLIP_MS + 1, 'call')],
    now: 60 * S,
    awayMs: FOCUS_BLIP_MS + 1,
    count: 1,
  },
  {
    name: 'hidden alone (occluded window) for 5 s',
    events: [vis(10 * S, false), vis(15 * S, true)],
    now: 60 * S,
    awayMs: 5 * S,
    count: 1,
  },
  {
    name: 'hidden flicker shorter than the blip window',
    events: [vis(10 * S, false), vis(10 * S + 300, true)],
    now: 60 * S,
    awayMs: 0,
    count: 0,
  },
  {
    name: 'hidden explained by a tab change: away from the tab change',
    events: [vis(10 * S - 2, false), tab(10 * S, 'other'), tab(15 * S, 'call')],
    now: 60 * S,
    awayMs: 5 * S,
    count: 1,
  },
  {
    name: 'a late "visible" after returning to the call tab adds nothing',
    events: [
      tab(10 * S, 'other'),
      vis(10 * S + 4, false),
      tab(15 * S, 'call'),
      vis(15 * S + 90, true),
    ],
    now: 60 * S,
    awayMs: 5 * S,
    count: 1,
  },
  {
    name: 'open span counted up to now',
    events: [tab(10 * S, 'other')],
    now: 25 * S,
    awayMs: 15 * S,
    count: 1,
    longestMs: 15 * S,
    awaySince: T0 + 10 * S,
  },
  {
    name: 'count and longest over three spans, the last open',
    events: [
      tab(10 * S, 'other'),
      tab(15 * S, 'call'),
      win(20 * S, 'other'),
      win(40 * S, 'call'),
      idle(50 * S, true),
    ],
    now: 60 * S,
    awayMs: 35 * S,
    count: 3,
    longestMs: 20 * S,
    awaySince: T0 + 50 * S,
  },
  {
    name: 'events before the start take effect at the start',
    events: [tab(-5 * S, 'other'), tab(-4 * S, 'call'), win(-3 * S, 'other')],
    now: 10 * S,
    awayMs: 10 * S,
    count: 1,
    awaySince: T0,
  },
  {
    name: 'same millisecond, contradicting: the "here" value wins',
    events: [tab(10 * S, 'call'), tab(10 * S, 'other')],
    now: 60 * S,
    awayMs: 0,
    count: 0,
  },
  {
    name: 'away and back in the same millisecond is no span',
    events: [tab(10 * S, 'other'), win(10 * S, 'other'), tab(20 * S, 'call'), win(20 * S, 'call')],
    now: 60 * S,
    awayMs: 10 * S,
    count: 1,
  },
  {
    name: 'now before the start',
    events: [tab(10 * S, 'other')],
    now: -5 * S,
    awayMs: 0,
    count: 0,
    awaySince: null,
  },
];

function expectCase(f: FocusFigures, c: Case): void {
  expect(f.awayMs).toBe(c.awayMs);
  expect(f.count).toBe(c.count);
  if (c.longestMs !== undefined) expect(f.longestMs).toBe(c.longestMs);
  if (c.awaySince !== undefined) expect(f.awaySince).toBe(c.awaySince);
}

describe('focusFigures over event sequences', () => {
  it.each(cases)('$name', (c) => {
    const f = focusFigures(feed(c.events), T0 + c.now);
    expectCase(f, c);
    expect(f.elapsedMs).toBe(Math.max(0, c.now));
  });

  it.each(cases)('$name: same figures whatever the arrival order', (c) => {
    const inOrder = feed(c.events);
    for (const order of [[...c.events].reverse(), rotate(c.events, 1), rotate(c.events, 2)]) {
      const shuffled = feed(order);
      expect(shuffled).toEqual(inOrder);
      expectCase(focusFigures(shuffled, T0 + c.now), c);
    }
  });

  it.each(cases)('$name: duplicates change nothing', (c) => {
    const once = feed(c.events);
    const twice = feed([...c.events, ...c.events.map((e) => ({ ...e }))]);
    expect(twice).toEqual(once);
    for (const e of c.events) expect(applyFocusEvent(once, { ...e })).toBe(once);
  });

  it.each(cases)('$name: a JSON round trip mid-session keeps the figures', (c) => {
    const half = Math.ceil(c.events.length / 2);
    const restarted = JSON.parse(JSON.stringify(feed(c.events.slice(0, half)))) as FocusState;
    expect(isFocusState(restarted)).toBe(true);
    const f = focusFigures(feed(c.events.slice(half), restarted), T0 + c.now);
    expect(f).toEqual(focusFigures(feed(c.events), T0 + c.now));
  });
});

function rotate<T>(xs: readonly T[], n: number): T[] {
  if (xs.length === 0) return [];
  const k = n % xs.length;
  return [...xs.slice(k), ...xs.slice(0, k)];
}

describe('figures', () => {
  it('gives presentShare of the elapsed time, and 1 before any time has passed', () => {
    const s = feed([tab(10 * S, 'other'), tab(15 * S, 'call'), tab(20 * S, 'other')]);
    // 60 s elapsed, 5 s + 40 s (open) away.
    expect(focusFigures(s, T0 + 60 * S)).toEqual({
      awayMs: 45 * S,
      count: 2,
      longestMs: 40 * S,
      awaySince: T0 + 20 * S,
      presentShare: 15 / 60,
      elapsedMs: 60 * S,
    });
    expect(focusFigures(s, T0).presentShare).toBe(1);
    expect(focusFigures(startFocus(T0), T0 + 60 * S).presentShare).toBe(1);
  });

  it('grows the open span with now, from timestamps alone', () => {
    const s = feed([tab(10 * S, 'other')]);
    for (const now of [11, 20, 300]) {
      const f = focusFigures(s, T0 + now * S);
      expect(f.awayMs).toBe((now - 10) * S);
      expect(f.awayMs).toBe(now * S - ((f.awaySince ?? 0) - T0));
    }
  });

  it('back-dates a lone none only once the blip window has passed', () => {
    const s = feed([win(10 * S, 'none')]);
    expect(isAway(s, T0 + 10 * S + FOCUS_BLIP_MS - 1)).toBe(false);
    expect(focusFigures(s, T0 + 10 * S + FOCUS_BLIP_MS - 1).awayMs).toBe(0);
    expect(isAway(s, T0 + 10 * S + FOCUS_BLIP_MS)).toBe(true);
    // The call window's event arriving late (after the window passed) undoes it retroactively.
    const back = applyFocusEvent(s, win(10 * S + 300, 'call'));
    expect(isAway(back, T0 + 20 * S)).toBe(false);
    expect(focusFigures(back, T0 + 20 * S).awayMs).toBe(0);
  });

  it('isAway follows the open span', () => {
    const s = feed([tab(10 * S, 'other'), tab(15 * S, 'call')]);
    expect(isAway(s, T0 + 5 * S)).toBe(false);
    expect(isAway(s, T0 + 12 * S)).toBe(true);
    expect(isAway(s, T0 + 15 * S)).toBe(false);
  });
});

describe('start and end', () => {
  it('closes an open span at the end and stops the clock', () => {
    const s = endFocus(feed([tab(20 * S, 'other')]), T0 + 30 * S);
    const f = focusFigures(s, T0 + 100 * S);
    expect(f).toEqual({
      awayMs: 10 * S,
      count: 1,
      longestMs: 10 * S,
      awaySince: null,
      presentShare: 2 / 3,
      elapsedMs: 30 * S,
    });
    expect(isAway(s, T0 + 100 * S)).toBe(false);
  });

  it('ignores events after the end and keeps late ones from before it', () => {
    const ended = endFocus(feed([tab(10 * S, 'other')]), T0 + 30 * S);
    expect(applyFocusEvent(ended, tab(40 * S, 'call'))).toBe(ended);
    const late = applyFocusEvent(ended, tab(25 * S, 'call'));
    expect(focusFigures(late, T0 + 100 * S).awayMs).toBe(15 * S);
  });

  it('drops events after the end when ending, and ends only once', () => {
    const s = endFocus(feed([tab(10 * S, 'other'), tab(40 * S, 'call')]), T0 + 30 * S);
    expect(s.events).toEqual([tab(10 * S, 'other')]);
    expect(endFocus(s, T0 + 50 * S)).toBe(s);
  });

  it('does not count a none within the blip window of the end', () => {
    const s = endFocus(feed([win(30 * S - 100, 'none')]), T0 + 30 * S);
    expect(focusFigures(s, T0 + 100 * S).awayMs).toBe(0);
  });

  it('holds an end before the start to the start', () => {
    const s = endFocus(startFocus(T0), T0 - 5 * S);
    expect(s.endedAt).toBe(T0);
    expect(focusFigures(s, T0 + 10 * S).elapsedMs).toBe(0);
  });

  it('refuses a start that is not a time', () => {
    expect(() => startFocus(Number.NaN)).toThrow(RangeError);
  });

  it('ignores malformed events and strips unknown fields', () => {
    const s = startFocus(T0);
    const bad = [
      { at: Number.NaN, kind: 'tab', where: 'other' },
      { at: T0 + 1, kind: 'tab', where: 'elsewhere' },
      { at: T0 + 1, kind: 'sound', on: true },
      { at: '5', kind: 'idle', locked: true },
      null,
    ];
    for (const e of bad) expect(applyFocusEvent(s, e as unknown as FocusEvent)).toBe(s);
    const extra = { ...tab(1, 'other'), tabId: 7 } as unknown as FocusEvent;
    expect(applyFocusEvent(s, extra).events).toEqual([tab(1, 'other')]);
  });
});

describe('persistence', () => {
  it('a JSON round trip mid-span (a worker restart) gives the same figures, then and later', () => {
    const before = feed([tab(10 * S, 'other'), win(12 * S, 'none')]);
    const after = JSON.parse(JSON.stringify(before)) as FocusState;
    expect(after).toEqual(before);
    expect(focusFigures(after, T0 + 20 * S)).toEqual(focusFigures(before, T0 + 20 * S));
    const back = [tab(25 * S, 'call'), win(26 * S, 'call')];
    expect(focusFigures(feed(back, after), T0 + 60 * S)).toEqual(
      focusFigures(feed(back, before), T0 + 60 * S),
    );
    expect(focusFigures(feed(back, after), T0 + 60 * S).awayMs).toBe(16 * S);
  });

  it('isFocusState accepts states and refuses other shapes', () => {
    const compacted = feed(steady(FOCUS_MAX_EVENTS + 1));
    expect(compacted.checkpoint).not.toBeNull();
    for (const s of [startFocus(T0), feed(cases[6]?.events ?? []), compacted]) {
      expect(isFocusState(JSON.parse(JSON.stringify(s)))).toBe(true);
    }
    const good = feed([tab(1, 'other'), tab(2, 'call')]);
    for (const bad of [
      null,
      {},
      { ...good, v: 2 },
      { ...good, startedAt: null },
      { ...good, events: [...good.events].reverse() },
      { ...good, events: [{ at: 1, kind: 'tab' }] },
      { ...compacted, checkpoint: { ...compacted.checkpoint, signals: null } },
    ]) {
      expect(isFocusState(bad)).toBe(false);
    }
  });
});

/** `n` events a second apart alternating away and back, a tentative one now and then. */
function steady(n: number): FocusEvent[] {
  const out: FocusEvent[] = [];
  for (let i = 0; i < n; i++) {
    const at = (i + 1) * S;
    if (i % 10 === 3) out.push(win(at, i % 20 === 3 ? 'none' : 'call'));
    else if (i % 10 === 7) out.push(vis(at, i % 20 !== 7));
    else out.push(tab(at, i % 2 === 0 ? 'other' : 'call'));
  }
  return out;
}

describe('bounded history', () => {
  it('keeps at most FOCUS_MAX_EVENTS events and the exact figures', () => {
    const events = steady(3 * FOCUS_MAX_EVENTS);
    let s = startFocus(T0);
    for (const e of events) {
      s = applyFocusEvent(s, e);
      expect(s.events.length).toBeLessThanOrEqual(FOCUS_MAX_EVENTS);
    }
    expect(s.checkpoint).not.toBeNull();
    const reference = uncompacted(events);
    for (const now of [events.length * S, events.length * S + 10 * S]) {
      expect(focusFigures(s, T0 + now)).toEqual(focusFigures(reference, T0 + now));
    }
    const restarted = JSON.parse(JSON.stringify(s)) as FocusState;
    expect(focusFigures(restarted, T0 + 99_999 * S)).toEqual(
      focusFigures(reference, T0 + 99_999 * S),
    );
  });

  it('never folds a tentative event whose answer could still be accepted', () => {
    // Present throughout, but for a none 300 ms before where the ideal cut would fall.
    const events: FocusEvent[] = [];
    for (let i = 1; i <= FOCUS_MAX_EVENTS; i++)
      events.push(tab(i * S, i % 2 ? 'companion' : 'call'));
    events.push(win(1001 * S - 300, 'none'));
    const s = feed(events);
    expect(s.checkpoint).not.toBeNull();
    // The call window's event, reported late: either refused (older than the checkpoint) or
    // folded as if it had come in order, never half applied.
    const late = win(1001 * S + 200, 'call');
    const after = applyFocusEvent(s, late);
    const accepted = after === s ? events : [...events, late];
    const reference = uncompacted([...accepted].sort((a, b) => a.at - b.at));
    const now = T0 + 3000 * S;
    expect(focusFigures(after, now)).toEqual(focusFigures(reference, now));
  });

  it('ignores an event older than the checkpoint', () => {
    const s = feed(steady(FOCUS_MAX_EVENTS + 1));
    const watermark = s.checkpoint?.at ?? 0;
    expect(applyFocusEvent(s, { at: watermark - 1, kind: 'tab', where: 'other' })).toBe(s);
  });

  it('stays bounded and exact under a flood of flickering reports', () => {
    // Hidden/visible every 500 ms: no cut is clear of a tentative event.
    const events: FocusEvent[] = [];
    for (let i = 0; i < 2 * FOCUS_MAX_EVENTS; i++) events.push(vis(S + i * 250, i % 2 === 1));
    events.push(tab(S + 2 * FOCUS_MAX_EVENTS * 250, 'other'));
    const s = feed(events);
    expect(s.events.length).toBeLessThanOrEqual(FOCUS_MAX_EVENTS);
    const now = T0 + 2 * FOCUS_MAX_EVENTS * 250 + 60 * S;
    expect(focusFigures(s, now)).toEqual(focusFigures(uncompacted(events), now));
    expect(focusFigures(s, now).count).toBe(1);
  });
});

// Property tests: arbitrary feeds, compared with in-order feeding and with a simple oracle.

const anyEvent: fc.Arbitrary<FocusEvent> = fc.oneof(
  fc
    .record({
      at: fc.integer({ min: -2, max: 40 }),
      where: fc.constantFrom('call' as const, 'companion' as const, 'other' as const),
    })
    .map(({ at, where }) => tab(at * 250, where)),
  fc
    .record({
      at: fc.integer({ min: -2, max: 40 }),
      focused: fc.constantFrom('call' as const, 'other' as const, 'none' as const),
    })
    .map(({ at, focused }) => win(at * 250, focused)),
  fc
    .record({ at: fc.integer({ min: -2, max: 40 }), visible: fc.boolean() })
    .map(({ at, visible }) => vis(at * 250, visible)),
  fc
    .record({ at: fc.integer({ min: -2, max: 40 }), locked: fc.boolean() })
    .map(({ at, locked }) => idle(at * 250, locked)),
);

describe('properties', () => {
  it('arrival order and duplicates never change the state or the figures', () => {
    fc.assert(
      fc.property(
        fc
          .array(anyEvent, { maxLength: 30 })
          .chain((events) =>
            fc.tuple(
              fc.constant(events),
              fc.shuffledSubarray([...events, ...events], { minLength: events.length * 2 }),
              fc.integer({ min: 0, max: 12 * S }),
            ),
          ),
        ([events, shuffled, now]) => {
          const sorted = [...events].sort((a, b) => a.at - b.at);
          const a = feed(sorted);
          const b = feed(shuffled);
          expect(b).toEqual(a);
          expect(focusFigures(b, T0 + now)).toEqual(focusFigures(a, T0 + now));
        },
      ),
    );
  });

  it('figures stay consistent: away within elapsed, longest within away, share in 0..1', () => {
    fc.assert(
      fc.property(
        fc.array(anyEvent, { maxLength: 30 }),
        fc.integer({ min: -S, max: 12 * S }),
        (events, now) => {
          const f = focusFigures(feed(events), T0 + now);
          expect(f.awayMs).toBeGreaterThanOrEqual(0);
          expect(f.awayMs).toBeLessThanOrEqual(f.elapsedMs);
          expect(f.longestMs).toBeLessThanOrEqual(f.awayMs);
          // An away span that began at `now` counts before it has any length.
          if (f.count === 0) expect(f.awayMs).toBe(0);
          if (f.awayMs > 0) expect(f.count).toBeGreaterThan(0);
          expect(f.presentShare).toBeGreaterThanOrEqual(0);
          expect(f.presentShare).toBeLessThanOrEqual(1);
          expect(isAway(feed(events), T0 + now)).toBe(f.awaySince !== null);
        },
      ),
    );
  });

  it('matches a second-by-second oracle for tab, window and lock changes', () => {
    // Without the tentative signals (none, hidden) presence is a plain function of the latest
    // value of each signal; sample it once a second.
    const plain: fc.Arbitrary<FocusEvent> = fc.oneof(
      fc
        .record({
          at: fc.integer({ min: 0, max: 59 }),
          where: fc.constantFrom('call' as const, 'companion' as const, 'other' as const),
        })
        .map(({ at, where }) => tab(at * S, where)),
      fc
        .record({
          at: fc.integer({ min: 0, max: 59 }),
          focused: fc.constantFrom('call' as const, 'other' as const),
        })
        .map(({ at, focused }) => win(at * S, focused)),
      fc
        .record({ at: fc.integer({ min: 0, max: 59 }), locked: fc.boolean() })
        .map(({ at, locked }) => idle(at * S, locked)),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(plain, { maxLength: 25, selector: (e) => `${e.at}${e.kind}` }),
        (events) => {
          let away = 0;
          let count = 0;
          let run = 0;
          let longest = 0;
          for (let sec = 0; sec < 60; sec++) {
            const upTo = events.filter((e) => e.at <= T0 + sec * S);
            const last = <K extends FocusEvent['kind']>(kind: K) =>
              upTo
                .filter((e): e is Extract<FocusEvent, { kind: K }> => e.kind === kind)
                .sort((a, b) => a.at - b.at)
                .at(-1);
            const where = last('tab')?.where ?? 'call';
            const focused = last('window')?.focused ?? 'call';
            const locked = last('idle')?.locked ?? false;
            const present = where !== 'other' && focused === 'call' && !locked;
            if (!present) {
              away += S;
              if (run === 0) count++;
              run += S;
              longest = Math.max(longest, run);
            } else run = 0;
          }
          const f = focusFigures(feed(events), T0 + 60 * S);
          expect(f.awayMs).toBe(away);
          expect(f.count).toBe(count);
          expect(f.longestMs).toBe(longest);
        },
      ),
    );
  });
});
