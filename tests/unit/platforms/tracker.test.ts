// @vitest-environment happy-dom
// The tracker's hysteresis, as tables of looks and events -> states, then over real fixture
// sequences (lobby -> waiting -> in call -> toolbar hidden -> ended) for each platform.

import { describe, expect, it } from 'vitest';
import { detectorFor } from '../../../lib/platforms';
import {
  initialTracker,
  RECONNECT_HOLD_MS,
  type TrackerInput,
  type TrackerOptions,
  type TrackerState,
  track,
} from '../../../lib/platforms/tracker';
import type { Detected, Reading, Signals } from '../../../lib/platforms/types';
import { loadFixture } from './load-fixture';

const sig = (s: Partial<Signals>): Signals => ({
  primary: false,
  secondary: false,
  strong: false,
  waiting: false,
  lobby: false,
  ended: false,
  reconnecting: false,
  presenting: false,
  ...s,
});
/** An input without its time; `run` stamps one look a second. */
type Step = { reading: Reading } | { event: 'leave-clicked' | 'navigated-away' };
const look = (state: Detected, s: Partial<Signals>, meetingKey?: string): Step => ({
  reading: meetingKey ? { state, signals: sig(s), meetingKey } : { state, signals: sig(s) },
});
const T0 = 1_800_000_000_000;

/** Leave control and in-call evidence (toolbar shown or hidden: presence is what counts). */
const IN = look('in-call', { primary: true, secondary: true });
/** Leave control only: the second signal missed one look. */
const PARTIAL = look('lobby', { primary: true });
/** Meet's waiting room: the leave icon is there, the waiting text too. */
const WAIT = look('lobby', { primary: true, waiting: true });
/** A waiting room that also shows call-like controls. */
const WAIT_FULL = look('lobby', { primary: true, secondary: true, waiting: true });
const LOBBY = look('lobby', { lobby: true });
/** Nothing known on the page. */
const GONE = look('none', {});
/** An end screen (leave control gone). */
const END = look('ended', { ended: true });
/** Zoom's "ended by host" modal over the still-present footer. */
const END_OVER_CALL = look('ended', { primary: true, secondary: true, ended: true });
/** A detector that threw. */
const UNKNOWN: Step = { reading: { state: 'none', signals: sig({}), unknown: true } };
const LEAVE: Step = { event: 'leave-clicked' };
const NAV: Step = { event: 'navigated-away' };

function run(
  inputs: readonly Step[],
  from: TrackerState = initialTracker,
  opts: TrackerOptions = {},
  everyMs = 1_000,
): TrackerState[] {
  const out: TrackerState[] = [];
  let s = from;
  inputs.forEach((input, i) => {
    s = track(s, { ...input, at: T0 + i * everyMs } as TrackerInput, opts);
    out.push(s);
  });
  return out;
}
const states = (
  inputs: readonly Step[],
  from?: TrackerState,
  opts?: TrackerOptions,
  every?: number,
) => run(inputs, from, opts, every).map((s) => s.state);

describe('track', () => {
  it.each<[string, Step[], Detected[]]>([
    ['two in-call looks in a row to go in call', [LOBBY, IN, IN], ['lobby', 'lobby', 'in-call']],
    ['from nothing, too', [IN, IN], ['none', 'in-call']],
    ['an interruption restarts the count', [IN, GONE, IN, IN], ['none', 'none', 'none', 'in-call']],
    [
      'a partial look is not an in-call look',
      [IN, PARTIAL, IN, IN],
      ['none', 'lobby', 'lobby', 'in-call'],
    ],
    [
      'a waiting room (leave icon visible) is never in call',
      [WAIT, WAIT, WAIT, WAIT],
      ['lobby', 'lobby', 'lobby', 'lobby'],
    ],
    [
      'nor one with call-like controls',
      [WAIT_FULL, WAIT_FULL, WAIT_FULL],
      ['lobby', 'lobby', 'lobby'],
    ],
    [
      'admitted from the waiting room',
      [LOBBY, WAIT, WAIT, IN, IN],
      ['lobby', 'lobby', 'lobby', 'lobby', 'in-call'],
    ],
    [
      'a hidden toolbar and partial looks stay in call',
      [IN, IN, IN, PARTIAL, PARTIAL, PARTIAL, WAIT, IN],
      ['none', 'in-call', 'in-call', 'in-call', 'in-call', 'in-call', 'in-call', 'in-call'],
    ],
    [
      'three looks without the leave control end the call',
      [IN, IN, GONE, GONE, GONE],
      ['none', 'in-call', 'in-call', 'in-call', 'ended'],
    ],
    [
      'two misses then the control is back: still in call',
      [IN, IN, GONE, GONE, PARTIAL, GONE, GONE],
      ['none', 'in-call', 'in-call', 'in-call', 'in-call', 'in-call', 'in-call'],
    ],
    [
      'a lobby look without the leave control counts as a miss',
      [IN, IN, LOBBY, LOBBY, LOBBY],
      ['none', 'in-call', 'in-call', 'in-call', 'ended'],
    ],
    ['an end screen ends at once', [IN, IN, END], ['none', 'in-call', 'ended']],
    [
      'an end modal over the call ends at once and stays ended',
      [IN, IN, END_OVER_CALL, END_OVER_CALL, IN],
      ['none', 'in-call', 'ended', 'ended', 'ended'],
    ],
    [
      'a leave click is provisional: the first look without the control ends the call',
      [IN, IN, LEAVE, GONE],
      ['none', 'in-call', 'in-call', 'ended'],
    ],
    [
      'a cancelled host leave ("End the call for everyone?" -> Cancel) stays in the call',
      [IN, IN, LEAVE, PARTIAL, IN, IN, IN, IN],
      ['none', 'in-call', 'in-call', 'in-call', 'in-call', 'in-call', 'in-call', 'in-call'],
    ],
    [
      'after a cancelled leave, a miss is a miss again (three end the call)',
      [IN, IN, LEAVE, IN, IN, IN, GONE, GONE, GONE],
      [
        'none',
        'in-call',
        'in-call',
        'in-call',
        'in-call',
        'in-call',
        'in-call',
        'in-call',
        'ended',
      ],
    ],
    [
      'an end screen after a leave click ends at once',
      [IN, IN, LEAVE, IN, END],
      ['none', 'in-call', 'in-call', 'in-call', 'ended'],
    ],
    [
      'rejoin after a confirmed leave, once the old DOM went',
      [IN, IN, LEAVE, END, IN, IN],
      ['none', 'in-call', 'in-call', 'ended', 'ended', 'in-call'],
    ],
    [
      'stale waiting text does not hold a call with strong evidence at lobby',
      [
        look('in-call', { primary: true, secondary: true, strong: true, waiting: true }),
        look('in-call', { primary: true, secondary: true, strong: true, waiting: true }),
      ],
      ['none', 'in-call'],
    ],
    [
      'an unknown reading (the detector threw) changes nothing',
      [IN, IN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, IN],
      ['none', 'in-call', 'in-call', 'in-call', 'in-call', 'in-call', 'in-call'],
    ],
    ['and never starts a call', [UNKNOWN, UNKNOWN, IN], ['none', 'none', 'none']],
    [
      'rejoin through the lobby',
      [IN, IN, END, LOBBY, WAIT, IN, IN],
      ['none', 'in-call', 'ended', 'lobby', 'lobby', 'lobby', 'in-call'],
    ],
    [
      'rejoin straight after the call faded out',
      [IN, IN, GONE, GONE, GONE, IN, IN],
      ['none', 'in-call', 'in-call', 'in-call', 'ended', 'ended', 'in-call'],
    ],
    ['navigating away ends a call', [IN, IN, NAV], ['none', 'in-call', 'ended']],
    ['navigating away from a lobby is nothing', [LOBBY, NAV], ['lobby', 'none']],
    [
      'a rejoin may follow navigation',
      [IN, IN, NAV, IN, IN],
      ['none', 'in-call', 'ended', 'ended', 'in-call'],
    ],
    [
      'an ended call stays ended on an unknown page',
      [IN, IN, END, GONE, GONE],
      ['none', 'in-call', 'ended', 'ended', 'ended'],
    ],
    ['an end look without a call is ended (ignored later)', [LOBBY, END], ['lobby', 'ended']],
    ['cancelling the request to join ends the lobby', [WAIT, LEAVE], ['lobby', 'ended']],
    ['a leave click on nothing is nothing', [LEAVE, NAV], ['none', 'none']],
    ['nothing known is none, never a guess', [GONE, LOBBY, GONE], ['none', 'lobby', 'none']],
  ])('%s', (_name, inputs, expected) => {
    expect(states(inputs)).toEqual(expected);
  });

  it('Zoom: a missing toolbar within the join grace is no end; an explicit end still is', () => {
    const zoomOpts = { joinGraceMs: 30_000 };
    // Going live, then a /wc/ redirect rebuilds the client for 10 s: one session throughout.
    const redirect = [IN, IN, ...Array(10).fill(GONE), IN, IN];
    expect(states(redirect, initialTracker, zoomOpts).at(-1)).toBe('in-call');
    expect(states(redirect, initialTracker, zoomOpts)).not.toContain('ended');
    // Without the grace the same looks would end the call.
    expect(states(redirect)).toContain('ended');
    // Past the grace, three misses end it as anywhere else.
    const late = [IN, IN, ...Array(40).fill(GONE)];
    const out = states(late, initialTracker, zoomOpts);
    expect(out.indexOf('ended')).toBe(31);
    // The end dialog ends at once, grace or not.
    expect(states([IN, IN, END_OVER_CALL], initialTracker, zoomOpts)).toEqual([
      'none',
      'in-call',
      'ended',
    ]);
  });

  it('a reconnecting banner keeps the call live for at least a minute', () => {
    const RECON = look('none', { reconnecting: true });
    // A banner at 2 s, then nothing known for 70 s (one look a second).
    const looks = [IN, IN, RECON, ...Array(70).fill(GONE)];
    const out = states(looks);
    const endedAt = out.indexOf('ended');
    expect(endedAt).toBeGreaterThan(2 + RECONNECT_HOLD_MS / 1_000 - 1);
    expect(out.slice(0, endedAt).every((s) => s !== 'ended')).toBe(true);
    // The banner over a broken toolbar: still in the call; an explicit end still ends it.
    expect(states([IN, IN, RECON, GONE, GONE, GONE, END]).slice(-2)).toEqual(['in-call', 'ended']);
  });

  it('follows presenting while in a call, and drops it when the call ends', () => {
    const PRESENTING = look('in-call', { primary: true, secondary: true, presenting: true });
    const out = run([IN, PRESENTING, PRESENTING, IN, PRESENTING, END]);
    expect(out.map((s) => s.presenting)).toEqual([false, true, true, false, true, false]);
    expect(out.map((s) => s.state)).toEqual([
      'none',
      'in-call',
      'in-call',
      'in-call',
      'in-call',
      'ended',
    ]);
  });

  it('keeps the last meeting key seen', () => {
    const keys = run([
      look('lobby', { lobby: true }, '19:meeting_a@thread.v2'),
      IN,
      IN,
      GONE,
      LEAVE,
      NAV,
      look('lobby', { lobby: true }, '3123456789012'),
      IN,
    ]).map((s) => s.meetingKey);
    expect(keys).toEqual([
      '19:meeting_a@thread.v2',
      '19:meeting_a@thread.v2',
      '19:meeting_a@thread.v2',
      '19:meeting_a@thread.v2',
      '19:meeting_a@thread.v2',
      '19:meeting_a@thread.v2',
      '3123456789012',
      '3123456789012',
    ]);
    expect(run([IN])[0]).not.toHaveProperty('meetingKey');
  });

  it('counts streaks and caps them', () => {
    const s = run([IN, IN, IN, IN, GONE, GONE]);
    expect(s.map((x) => [x.inCallStreak, x.goneStreak])).toEqual([
      [1, 0],
      [2, 0],
      [2, 0],
      [2, 0],
      [0, 1],
      [0, 2],
    ]);
  });

  it('never changes its input', () => {
    const prev: TrackerState = {
      state: 'in-call',
      inCallStreak: 2,
      goneStreak: 0,
      meetingKey: 'k',
      presenting: false,
    };
    const copy = structuredClone(prev);
    track(prev, { ...GONE, at: T0 } as TrackerInput);
    track(prev, { ...LEAVE, at: T0 } as TrackerInput);
    expect(prev).toEqual(copy);
    expect(initialTracker).toEqual({
      state: 'none',
      inCallStreak: 0,
      goneStreak: 0,
      presenting: false,
    });
  });
});

describe('track over fixture sequences', () => {
  const read = (file: string, href: string): Step => {
    const url = new URL(href);
    const reading = detectorFor(url)?.detect(url, loadFixture(file)) as Reading;
    return { reading };
  };

  it('Meet: lobby, waiting, in call, hidden toolbar, left', () => {
    const u = 'https://meet.google.com/abc-defg-hij';
    const steps = [
      read('meet/lobby.en.html', u),
      read('meet/waiting.en.html', u),
      read('meet/waiting.en.html', u),
      read('meet/in-call.en.html', u),
      read('meet/in-call.en.html', u),
      read('meet/in-call-toolbar-hidden.en.html', u),
      read('meet/in-call-toolbar-hidden.en.html', u),
      read('meet/ended-user.en.html', u),
    ];
    const out = run(steps);
    expect(out.map((s) => s.state)).toEqual([
      'lobby',
      'lobby',
      'lobby',
      'lobby',
      'in-call',
      'in-call',
      'in-call',
      'ended',
    ]);
    expect(out.at(-1)?.meetingKey).toBe('abc-defg-hij');
  });

  it('Teams: the join link key survives the new app dropping it', () => {
    const join =
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzQ1ZmE2Yjct%40thread.v2/0?context=%7b%7d';
    const app = 'https://teams.cloud.microsoft/v2/';
    const out = run([
      read('teams/lobby.en.html', join),
      read('teams/waiting.de.html', app),
      read('teams/in-call.en.html', app),
      read('teams/in-call-data-tid.en.html', app),
      read('teams/in-call-toolbar-hidden.en.html', app),
      read('teams/ended-host.en.html', app),
    ]);
    expect(out.map((s) => s.state)).toEqual([
      'lobby',
      'lobby',
      'lobby',
      'in-call',
      'in-call',
      'ended',
    ]);
    expect(out.map((s) => s.meetingKey)).toEqual(
      Array(6).fill('19:meeting_NzQ1ZmE2Yjct@thread.v2'),
    );
  });

  it('Zoom: preview, client in the PWA iframe, ended by the host', () => {
    const u = 'https://app.zoom.us/wc/84512345678/join';
    const out = run([
      read('zoom/lobby.en.html', u),
      read('zoom/waiting.en.html', u),
      read('zoom/in-call-iframe.en.html', u),
      read('zoom/in-call.en.html', u),
      read('zoom/in-call-toolbar-hidden.en.html', u),
      read('zoom/ended-host.en.html', u),
      read('zoom/ended-user.en.html', 'https://app.zoom.us/postattendee?mn=84512345678'),
    ]);
    expect(out.map((s) => s.state)).toEqual([
      'lobby',
      'lobby',
      'lobby',
      'in-call',
      'in-call',
      'ended',
      'ended',
    ]);
  });
});
