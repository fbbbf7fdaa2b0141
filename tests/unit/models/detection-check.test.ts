// @vitest-environment happy-dom
// The detection check's page logic: which tab it asks, what the background adds, what is copied.

import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Replies } from '../../../lib/messages';
import { detectionCheck, detectionReport } from '../../../lib/platforms/check';
import { meet } from '../../../lib/platforms/meet';
import { initialTracker, track } from '../../../lib/platforms/tracker';
import type { Calls } from '../../../lib/session/calls';
import { callsItem, liveItem } from '../../../lib/storage/items';
import {
  type DetectionCheckEnv,
  DetectionCheckModel,
  reportText,
  sessionPart,
} from '../../../models/detection-check';
import { loadFixture } from '../platforms/load-fixture';
import { clock, freshDb, NOW } from './setup';

const URL_OF_CALL = new URL('https://meet.google.com/abc-defg-hij?authuser=0');

/** What a Meet tab's content script answers, made by the same code from a fixture. */
function meetReply(): Replies['detect-check'] {
  const doc = loadFixture('meet/in-call.en.html');
  let tracker = initialTracker;
  for (let i = 0; i < 2; i++)
    tracker = track(tracker, { reading: meet.detect(URL_OF_CALL, doc), at: NOW + i * 1000 });
  const check = detectionCheck({ url: URL_OF_CALL, doc, tracker, at: NOW + 2000 });
  return { check, report: detectionReport(check) };
}

beforeEach(async () => {
  (await freshDb()).close();
});

describe('sessionPart', () => {
  const calls: Calls = { '7': { platform: 'meet', state: 'in-call', since: NOW - 90_500 } };
  it.each([
    ['detected', { sessionId: 's', platform: 'meet' }, 'detected'],
    ['by hand', { sessionId: 's', platform: 'meet', manual: true }, 'hand'],
    ['from audio', { sessionId: 's', platform: 'meet', manual: true, fromAudio: true }, 'audio'],
  ] as const)('a session %s', (_n, info, origin) => {
    expect(sessionPart(7, calls, { '7': info }, NOW)).toEqual({
      origin,
      liveForS: 90,
      held: false,
    });
  });

  it('none where no session is live in the tab', () => {
    expect(sessionPart(8, calls, {}, NOW)).toBeUndefined();
    expect(
      sessionPart(
        7,
        { '7': { platform: 'meet', state: 'ended', since: NOW } },
        { '7': { sessionId: 's', platform: 'meet' } },
        NOW,
      ),
    ).toBeUndefined();
  });

  it('says when the call is held for a page load', () => {
    const held: Calls = {
      '7': {
        platform: 'zoom',
        state: 'in-call',
        since: NOW - 5000,
        held: { since: NOW, until: NOW + 30_000 },
      },
    };
    expect(sessionPart(7, held, { '7': { sessionId: 's', platform: 'zoom' } }, NOW)?.held).toBe(
      true,
    );
  });
});

describe('reportText', () => {
  it.each([
    [undefined, undefined, ['session: none in this tab']],
    [
      { origin: 'audio', liveForS: 75, held: false },
      true,
      ['session: live 75 s, started from audio', 'tab audible: yes'],
    ],
    [
      { origin: 'detected', liveForS: 3, held: true },
      false,
      ['session: live 3 s, detected, held for a page load', 'tab audible: no'],
    ],
  ] as const)('adds the background side: %j', (session, audible, lines) => {
    expect(reportText('REPORT', session, audible).split('\n')).toEqual(['REPORT', ...lines]);
  });
});

describe('DetectionCheckModel', () => {
  function model(over: Partial<DetectionCheckEnv> = {}) {
    const copy = vi.fn(async (_text: string) => {});
    const ask = vi.fn(
      async (_id: number): Promise<Replies['detect-check'] | undefined> => meetReply(),
    );
    const m = new DetectionCheckModel({
      now: clock(NOW + 61_000).now,
      tab: async () => 7,
      ask,
      audible: async () => true,
      calls: callsItem,
      live: liveItem,
      copy,
      ...over,
    });
    return { m, copy, ask };
  }

  it('opens on one click with what the tab sees and its session, and closes again', async () => {
    await callsItem.set({ '7': { platform: 'meet', state: 'in-call', since: NOW } });
    await liveItem.set({ '7': { sessionId: 's1', platform: 'meet' } });
    const { m, ask } = model();
    expect(m.view.value.status).toBe('closed');
    await m.toggle();
    expect(ask).toHaveBeenCalledWith(7);
    const v = m.view.value;
    expect(v.status).toBe('ready');
    if (v.status !== 'ready') return;
    expect(v).toMatchObject({
      tabId: 7,
      callTab: false,
      audible: true,
      session: { origin: 'detected', liveForS: 61, held: false },
      check: { platform: 'meet', look: 'in-call', tracker: { state: 'in-call' } },
    });
    expect(v.text.startsWith(meetReply().report)).toBe(true);
    expect(v.text).toContain('session: live 61 s, detected');
    expect(v.text).toContain('tab audible: yes');
    await m.toggle();
    expect(m.view.value.status).toBe('closed');
  });

  it('copies the text without page text, names or the meeting link, and says so', async () => {
    const { m, copy } = model();
    await m.check();
    await m.copy();
    const text = copy.mock.calls[0]?.[0] ?? '';
    expect(text).toContain('platform: meet (meet.google.com)');
    for (const secret of ['abc-defg-hij', 'authuser', 'https://', 'Ilse Brandt', 'Noa Levi'])
      expect(text).not.toContain(secret);
    expect(m.copied.value).toBe('copied');
    // A new check clears the "Copied" it said for the old text.
    await m.check();
    expect(m.copied.value).toBeUndefined();
  });

  it('says when copying failed', async () => {
    const { m } = model({ copy: async () => Promise.reject(new Error('denied')) });
    await m.check();
    await m.copy();
    expect(m.copied.value).toBe('failed');
  });

  it('checks the call tab when the tab it is over has no call page', async () => {
    await liveItem.set({ '9': { sessionId: 's9', platform: 'meet', manual: true } });
    await callsItem.set({ '9': { platform: 'meet', state: 'in-call', since: NOW } });
    const ask = vi.fn(async (id: number) => {
      if (id === 7) throw new Error('Could not establish connection');
      return meetReply();
    });
    const { m } = model({ ask });
    await m.check();
    expect(ask.mock.calls.map((c) => c[0])).toEqual([7, 9]);
    expect(m.view.value).toMatchObject({
      status: 'ready',
      tabId: 9,
      callTab: true,
      session: { origin: 'hand' },
    });
  });

  it.each([
    ['rejects', async () => Promise.reject(new Error('no receiver'))],
    ['answers something else', async () => ({ error: 'x' }) as never],
    ['answers nothing', async () => undefined],
  ])('no call page when the tab %s', async (_n, ask) => {
    const { m } = model({ ask });
    await m.check();
    expect(m.view.value).toEqual({ status: 'no-page' });
    await m.copy();
  });

  it('a check overtaken by a newer one leaves the newer answer', async () => {
    let release: () => void = () => {};
    const slow = new Promise<void>((r) => {
      release = r;
    });
    let n = 0;
    const ask = vi.fn(async () => {
      n++;
      if (n === 1) await slow;
      return meetReply();
    });
    const { m } = model({ ask });
    const first = m.check();
    await m.toggle(); // closes while the first is out
    release();
    await first;
    expect(m.view.value.status).toBe('closed');
  });
});
