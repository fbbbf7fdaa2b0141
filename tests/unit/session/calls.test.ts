import { describe, expect, it } from 'vitest';
import {
  applyReport,
  type CallEntry,
  type Calls,
  type Effect,
  type Report,
  transition,
} from '../../../lib/session/calls';

const T0 = 1_762_160_400_000;
const at = (s: number) => T0 + s * 1000;

const entry = (
  state: CallEntry['state'],
  since = at(0),
  platform: CallEntry['platform'] = 'meet',
) => ({
  platform,
  state,
  since,
});
const report = (state: Report['state'], s = 10, platform: Report['platform'] = 'meet'): Report => ({
  platform,
  state,
  at: at(s),
});

describe('transition', () => {
  const cases: {
    name: string;
    prev: CallEntry | undefined;
    report: Report;
    next: CallEntry | undefined | 'same';
    effect: Effect;
  }[] = [
    // A tab live on one platform that reports a call on another: end the old, start the new.
    {
      name: 'in-call on meet -> in-call on zoom: restart',
      prev: entry('in-call'),
      report: report('in-call', 10, 'zoom'),
      next: entry('in-call', at(10), 'zoom'),
      effect: 'restart',
    },
    // Starting.
    {
      name: 'no entry -> lobby: waits',
      prev: undefined,
      report: report('lobby'),
      next: entry('lobby', at(10)),
      effect: 'none',
    },
    {
      name: 'lobby -> in-call: starts',
      prev: entry('lobby'),
      report: report('in-call'),
      next: entry('in-call', at(10)),
      effect: 'start',
    },
    {
      name: 'no entry -> in-call (joined straight in): starts',
      prev: undefined,
      report: report('in-call'),
      next: entry('in-call', at(10)),
      effect: 'start',
    },
    {
      name: 'ended -> in-call (rejoined): starts again',
      prev: entry('ended'),
      report: report('in-call'),
      next: entry('in-call', at(10)),
      effect: 'start',
    },
    // Repeats change nothing (a worker restart re-asks every tab).
    {
      name: 'in-call -> in-call: no double start',
      prev: entry('in-call'),
      report: report('in-call'),
      next: 'same',
      effect: 'none',
    },
    {
      name: 'lobby -> lobby: keeps its since',
      prev: entry('lobby'),
      report: report('lobby'),
      next: 'same',
      effect: 'none',
    },
    {
      name: 'ended -> ended: nothing',
      prev: entry('ended'),
      report: report('ended'),
      next: 'same',
      effect: 'none',
    },
    // Ending.
    {
      name: 'in-call -> ended: ends',
      prev: entry('in-call'),
      report: report('ended'),
      next: entry('ended', at(10)),
      effect: 'end',
    },
    {
      name: 'in-call -> lobby (left to the pre-join page): ends',
      prev: entry('in-call'),
      report: report('lobby'),
      next: entry('lobby', at(10)),
      effect: 'end',
    },
    {
      name: 'in-call -> none (navigated away in the app): ends, keeps an ended entry',
      prev: entry('in-call'),
      report: report('none'),
      next: entry('ended', at(10)),
      effect: 'end',
    },
    {
      name: 'in-call -> tab closed: ends and drops the entry',
      prev: entry('in-call'),
      report: report('closed'),
      next: undefined,
      effect: 'end',
    },
    // Never started, so never ended.
    {
      name: 'lobby -> ended (gave up waiting): no session',
      prev: entry('lobby'),
      report: report('ended'),
      next: entry('ended', at(10)),
      effect: 'none',
    },
    {
      name: 'no entry -> ended: no session',
      prev: undefined,
      report: report('ended'),
      next: entry('ended', at(10)),
      effect: 'none',
    },
    {
      name: 'lobby -> tab closed: drops the entry, nothing to end',
      prev: entry('lobby'),
      report: report('closed'),
      next: undefined,
      effect: 'none',
    },
    {
      name: 'ended -> tab closed: drops the entry',
      prev: entry('ended'),
      report: report('closed'),
      next: undefined,
      effect: 'none',
    },
    {
      name: 'no entry -> tab closed: nothing',
      prev: undefined,
      report: report('closed'),
      next: undefined,
      effect: 'none',
    },
    {
      name: 'lobby -> none: drops the entry',
      prev: entry('lobby'),
      report: report('none'),
      next: undefined,
      effect: 'none',
    },
    {
      name: 'ended -> none: keeps the ended entry',
      prev: entry('ended'),
      report: report('none'),
      next: 'same',
      effect: 'none',
    },
    {
      name: 'no entry -> none: nothing',
      prev: undefined,
      report: report('none'),
      next: undefined,
      effect: 'none',
    },
    // Another platform in the same tab.
    {
      name: 'meet lobby -> zoom lobby: a new entry',
      prev: entry('lobby'),
      report: report('lobby', 10, 'zoom'),
      next: entry('lobby', at(10), 'zoom'),
      effect: 'none',
    },
    {
      name: 'meet in-call -> teams ended: ends',
      prev: entry('in-call'),
      report: report('ended', 10, 'teams'),
      next: entry('ended', at(10), 'teams'),
      effect: 'end',
    },
  ];

  it.each(cases)('$name', ({ prev, report, next, effect }) => {
    const got = transition(prev, report);
    expect(got.effect).toBe(effect);
    if (next === 'same') expect(got.next).toBe(prev);
    else expect(got.next).toEqual(next);
  });

  const presenting = (on: boolean | undefined, s = 10): Report => ({
    ...report('in-call', s),
    ...(on === undefined ? {} : { presenting: on }),
  });
  it.each([
    {
      name: 'starting while presenting marks the entry',
      prev: entry('lobby'),
      report: presenting(true),
      next: { ...entry('in-call', at(10)), presenting: true },
      effect: 'start',
    },
    {
      name: 'starting without presenting leaves no mark',
      prev: entry('lobby'),
      report: presenting(false),
      next: entry('in-call', at(10)),
      effect: 'start',
    },
    {
      name: 'presenting starts in a call: marked, same since, no new session',
      prev: entry('in-call'),
      report: presenting(true),
      next: { ...entry('in-call'), presenting: true },
      effect: 'none',
    },
    {
      name: 'presenting stops: the mark goes',
      prev: { ...entry('in-call'), presenting: true as const },
      report: presenting(false),
      next: entry('in-call'),
      effect: 'none',
    },
    {
      name: 'a report that does not say keeps the mark',
      prev: { ...entry('in-call'), presenting: true as const },
      report: presenting(undefined),
      next: 'same',
      effect: 'none',
    },
    {
      name: 'still presenting: the same entry',
      prev: { ...entry('in-call'), presenting: true as const },
      report: presenting(true),
      next: 'same',
      effect: 'none',
    },
    {
      name: 'the call ends while presenting: the mark goes with it',
      prev: { ...entry('in-call'), presenting: true as const },
      report: report('ended'),
      next: entry('ended', at(10)),
      effect: 'end',
    },
  ] as {
    name: string;
    prev: CallEntry | undefined;
    report: Report;
    next: CallEntry | 'same';
    effect: Effect;
  }[])('presenting: $name', ({ prev, report, next, effect }) => {
    const got = transition(prev, report);
    expect(got.effect).toBe(effect);
    if (next === 'same') expect(got.next).toBe(prev);
    else expect(got.next).toEqual(next);
  });

  it('starts only once over a whole call, however often each state is reported', () => {
    const states: Report['state'][] = [
      'lobby',
      'lobby',
      'in-call',
      'in-call',
      'in-call',
      'in-call',
      'ended',
      'ended',
      'none',
      'closed',
    ];
    let prev: CallEntry | undefined;
    const effects: Effect[] = [];
    states.forEach((state, i) => {
      const got = transition(prev, report(state, i));
      effects.push(got.effect);
      prev = got.next;
    });
    expect(effects.filter((e) => e === 'start')).toHaveLength(1);
    expect(effects.filter((e) => e === 'end')).toHaveLength(1);
    expect(effects.indexOf('start')).toBeLessThan(effects.indexOf('end'));
    expect(prev).toBeUndefined();
  });
});

describe('applyReport', () => {
  const other: Calls = { '7': entry('lobby', at(0), 'zoom') };

  it.each([
    {
      name: 'lobby -> in-call starts and stores the entry',
      calls: { ...other, '3': entry('lobby') },
      report: report('in-call'),
      effect: 'start',
      after: { ...other, '3': entry('in-call', at(10)) },
    },
    {
      name: 'in-call -> ended ends and keeps an ended entry',
      calls: { ...other, '3': entry('in-call') },
      report: report('ended'),
      effect: 'end',
      after: { ...other, '3': entry('ended', at(10)) },
    },
    {
      name: 'tab closed mid-call ends and removes the entry',
      calls: { ...other, '3': entry('in-call') },
      report: report('closed'),
      effect: 'end',
      after: other,
    },
    {
      name: 'lobby -> ended never starts a session',
      calls: { ...other, '3': entry('lobby') },
      report: report('ended'),
      effect: 'none',
      after: { ...other, '3': entry('ended', at(10)) },
    },
    {
      name: 'a first report in a new tab adds it',
      calls: other,
      report: report('lobby'),
      effect: 'none',
      after: { ...other, '3': entry('lobby', at(10)) },
    },
  ] as { name: string; calls: Calls; report: Report; effect: Effect; after: Calls }[])(
    '$name',
    ({ calls, report, effect, after }) => {
      const frozen = structuredClone(calls);
      const got = applyReport(calls, 3, report);
      expect(got.effect).toBe(effect);
      expect(got.calls).toEqual(after);
      expect(got.prev).toEqual(calls['3']);
      // The map passed in is never changed.
      expect(calls).toEqual(frozen);
    },
  );

  it.each([
    {
      name: 'a repeated in-call report (after a worker restart)',
      calls: { '3': entry('in-call') },
      report: report('in-call'),
    },
    { name: 'a repeated lobby report', calls: { '3': entry('lobby') }, report: report('lobby') },
    { name: 'none for a tab with no entry', calls: {}, report: report('none') },
    { name: 'closed for a tab with no entry', calls: {}, report: report('closed') },
    { name: 'none after the call ended', calls: { '3': entry('ended') }, report: report('none') },
  ] as { name: string; calls: Calls; report: Report }[])(
    '$name returns the same map and does nothing',
    ({ calls, report }) => {
      const got = applyReport(calls, 3, report);
      expect(got.effect).toBe('none');
      expect(got.calls).toBe(calls);
    },
  );

  it('keeps exactly { platform, state, since } per tab', () => {
    let calls: Calls = {};
    calls = applyReport(calls, 3, report('lobby', 1)).calls;
    calls = applyReport(calls, 3, report('in-call', 2)).calls;
    calls = applyReport(calls, 9, report('in-call', 3, 'teams')).calls;
    expect(calls).toEqual({
      '3': { platform: 'meet', state: 'in-call', since: at(2) },
      '9': { platform: 'teams', state: 'in-call', since: at(3) },
    });
    for (const value of Object.values(calls)) {
      expect(Object.keys(value).sort()).toEqual(['platform', 'since', 'state']);
    }
  });
});

describe('transition: a live call whose page loads anew (the reload grace)', () => {
  const G = 30_000;
  const live = entry('in-call', at(0), 'zoom');
  const held = { ...live, held: { since: at(10), until: at(10) + G } };
  const zoom = (state: Report['state'], s: number, graceMs?: number): Report => ({
    platform: 'zoom',
    state,
    at: at(s),
    ...(graceMs ? { graceMs } : {}),
  });
  it.each<[string, CallEntry | undefined, Report, ReturnType<typeof transition>]>([
    [
      'no call on the new page, within a grace: held',
      live,
      zoom('none', 10, G),
      { next: held, effect: 'hold' },
    ],
    [
      'the new page in its lobby, within a grace: held',
      live,
      zoom('lobby', 10, G),
      { next: held, effect: 'hold' },
    ],
    [
      'held, and still no call: held as it was (the grace is not extended)',
      held,
      zoom('none', 20, G),
      { next: held, effect: 'none' },
    ],
    [
      'held, and the new page is in the call: the same session',
      held,
      zoom('in-call', 25),
      { next: live, effect: 'resume' },
    ],
    [
      'held, the grace over: ended when the page went away',
      held,
      zoom('grace-over', 40),
      { next: entry('ended', at(10), 'zoom'), effect: 'end', endedAt: at(10) },
    ],
    [
      'held, an early alarm: nothing yet',
      held,
      zoom('grace-over', 39),
      { next: held, effect: 'none' },
    ],
    ['not held, an alarm: nothing', live, zoom('grace-over', 40), { next: live, effect: 'none' }],
    [
      'held, and no grace where the tab is now: ended when the page went away',
      held,
      zoom('none', 20),
      { next: entry('ended', at(10), 'zoom'), effect: 'end', endedAt: at(10) },
    ],
    [
      'held, a lobby with no grace: ended when the page went away',
      held,
      zoom('lobby', 20),
      { next: entry('ended', at(10), 'zoom'), effect: 'end', endedAt: at(10) },
    ],
    [
      'held, an explicit end: ended now',
      held,
      zoom('ended', 20),
      { next: entry('ended', at(20), 'zoom'), effect: 'end' },
    ],
    ['held, the tab closed: ended', held, zoom('closed', 20), { next: undefined, effect: 'end' }],
    [
      'no grace: no call on the page ends the call, as before',
      live,
      zoom('none', 10),
      { next: entry('ended', at(10), 'zoom'), effect: 'end' },
    ],
    [
      'a grace never holds a call that is not live',
      entry('lobby', at(0), 'zoom'),
      zoom('none', 10, G),
      { next: undefined, effect: 'none' },
    ],
    [
      'a grace for another platform holds nothing: ended, as before',
      entry('in-call', at(0), 'meet'),
      zoom('none', 10, G),
      { next: entry('ended', at(10), 'zoom'), effect: 'end' },
    ],
  ])('%s', (_name, prev, r, want) => {
    expect(transition(prev, r)).toEqual(want);
  });
});
