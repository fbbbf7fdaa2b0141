import { describe, expect, it } from 'vitest';
import {
  AUDIBLE_ASK_MS,
  type AudioDecision,
  type AudioEvent,
  type AudioState,
  decideAudio,
  type PageAnswer,
} from '../../../lib/session/audio';

const T = 1_800_000_000_000;
const TAB = 7;
const MIN = AUDIBLE_ASK_MS;

/** A Meet tab in its lobby, as its content script answers. */
const lobby: PageAnswer = {
  platform: 'meet',
  state: 'lobby',
  page: { client: true, meetingKey: 'abc-defg-hij' },
};
const alarm = (over: Partial<Extract<AudioEvent, { kind: 'alarm' }>> = {}): AudioEvent => ({
  kind: 'alarm',
  tabId: TAB,
  at: T + MIN,
  audible: true,
  answer: lobby,
  anyLive: false,
  ...over,
});
const heard: AudioState = { [TAB]: { since: T } };
const ask = { tabId: TAB, platform: 'meet', meetingKey: 'abc-defg-hij' } as const;

describe('decideAudio', () => {
  it.each<[string, AudioState, AudioEvent, AudioDecision]>([
    // The sound begins and ends.
    [
      'sound begins: the minute starts, one alarm',
      {},
      { kind: 'audible', tabId: TAB, audible: true, at: T },
      { next: heard, alarm: { tabId: TAB, when: T + MIN } },
    ],
    [
      'sound again while audible: nothing new',
      heard,
      { kind: 'audible', tabId: TAB, audible: true, at: T + 5000 },
      { next: heard },
    ],
    [
      'sound stops: the alarm goes',
      heard,
      { kind: 'audible', tabId: TAB, audible: false, at: T + 5000 },
      { next: {}, alarm: { tabId: TAB, clear: true } },
    ],
    [
      'sound stops after the question: still asked',
      { [TAB]: { since: T, asked: 'meet:abc-defg-hij' } },
      { kind: 'audible', tabId: TAB, audible: false, at: T + 5000 },
      { next: { [TAB]: { asked: 'meet:abc-defg-hij' } }, alarm: { tabId: TAB, clear: true } },
    ],
    [
      'silent, and silent again: nothing',
      {},
      { kind: 'audible', tabId: TAB, audible: false, at: T },
      { next: {} },
    ],
    ['the tab closes: forgotten', heard, { kind: 'closed', tabId: TAB }, { next: {} }],
    // The minute is up.
    [
      'a minute of sound in a lobby: ask',
      heard,
      alarm(),
      { next: { [TAB]: { since: T, asked: 'meet:abc-defg-hij' } }, ask },
    ],
    [
      'a minute of sound where detection sees nothing: ask',
      heard,
      alarm({ answer: { ...lobby, state: 'none' } }),
      { next: { [TAB]: { since: T, asked: 'meet:abc-defg-hij' } }, ask },
    ],
    [
      'the key the tracker holds wins over the URL',
      heard,
      alarm({ answer: { ...lobby, meetingKey: 'xyz-abcd-efg' } }),
      {
        next: { [TAB]: { since: T, asked: 'meet:xyz-abcd-efg' } },
        ask: { ...ask, meetingKey: 'xyz-abcd-efg' },
      },
    ],
    [
      'Teams with no key in the URL: asked for the tab',
      heard,
      alarm({ answer: { platform: 'teams', state: 'none', page: { client: true } } }),
      { next: { [TAB]: { since: T, asked: 'teams:' } }, ask: { tabId: TAB, platform: 'teams' } },
    ],
    [
      'asked already for this call: once only',
      { [TAB]: { since: T, asked: 'meet:abc-defg-hij' } },
      alarm(),
      { next: { [TAB]: { since: T, asked: 'meet:abc-defg-hij' } } },
    ],
    [
      'another call in the same tab: asked again',
      { [TAB]: { since: T, asked: 'meet:old-call-key' } },
      alarm(),
      { next: { [TAB]: { since: T, asked: 'meet:abc-defg-hij' } }, ask },
    ],
    // No question.
    ['detection sees the call', heard, alarm({ call: 'in-call' }), { next: heard }],
    [
      'the content script sees the call',
      heard,
      alarm({ answer: { ...lobby, state: 'in-call' } }),
      { next: heard },
    ],
    ['detection saw the call end', heard, alarm({ call: 'ended' }), { next: heard }],
    ['a session is live somewhere', heard, alarm({ anyLive: true }), { next: heard }],
    ['no meeting page (a video site): no answer', heard, alarm({ answer: null }), { next: heard }],
    [
      'a platform page that is no call page (Meet landing, Zoom home)',
      heard,
      alarm({ answer: { platform: 'meet', state: 'none', page: { client: false } } }),
      { next: heard },
    ],
    ['the tab went silent unnoticed: start over', heard, alarm({ audible: false }), { next: {} }],
    [
      'an early alarm: wait for the minute',
      heard,
      alarm({ at: T + MIN - 1 }),
      { next: heard, alarm: { tabId: TAB, when: T + MIN } },
    ],
    [
      'an alarm with no stretch recorded (state lost): the minute starts now',
      {},
      alarm(),
      { next: { [TAB]: { since: T + MIN } }, alarm: { tabId: TAB, when: T + 2 * MIN } },
    ],
  ])('%s', (_name, state, event, want) => {
    expect(decideAudio(state, event)).toEqual(want);
  });

  it('leaves other tabs alone', () => {
    const other: AudioState = { 9: { since: T - 5000 } };
    expect(decideAudio({ ...other, ...heard }, { kind: 'closed', tabId: TAB }).next).toEqual(other);
  });
});
