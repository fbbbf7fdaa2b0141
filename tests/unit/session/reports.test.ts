import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../lib/limits';
import { checkCallReport, checkVisibility, REPORT_SKEW_MS } from '../../../lib/session/reports';

// A call page's report is taken only when it could be true: the platform of the host it came
// from, a state of the tracker's, a time near now, a bounded meeting key.

const NOW = Date.UTC(2026, 10, 3, 10, 0);
const MEET = 'https://meet.google.com/abc-defg-hij';
const ok = { platform: 'meet', state: 'in-call', meetingKey: 'abc-defg-hij', at: NOW };

describe('checkCallReport', () => {
  it('takes a true report as it is', () => {
    expect(checkCallReport(ok, MEET, NOW)).toEqual(ok);
    expect(checkCallReport({ ...ok, meetingKey: undefined }, MEET, NOW)).toEqual({
      platform: 'meet',
      state: 'in-call',
      at: NOW,
    });
    expect(
      checkCallReport({ ...ok, platform: 'zoom' }, 'https://acme.zoom.us/wc/123456789/join', NOW),
    ).toMatchObject({ platform: 'zoom' });
    expect(checkCallReport({ ...ok, at: NOW - REPORT_SKEW_MS }, MEET, NOW)).not.toBeNull();
  });

  it.each([
    ['another platform than its host', { ...ok, platform: 'teams' }, MEET],
    ['a host of no platform', ok, 'https://meet.google.com.example.org/abc-defg-hij'],
    ['no sender address', ok, undefined],
    ['an address that is no URL', ok, 'not a url'],
    ['a state the tracker has not', { ...ok, state: 'live' }, MEET],
    ['no state', { ...ok, state: undefined }, MEET],
    ['a time over a minute old', { ...ok, at: NOW - REPORT_SKEW_MS - 1 }, MEET],
    ['a time in the future', { ...ok, at: NOW + REPORT_SKEW_MS + 1 }, MEET],
    ['a time that is no number', { ...ok, at: '2026-11-03' }, MEET],
    ['no time', { ...ok, at: Number.NaN }, MEET],
    ['a meeting key that is no text', { ...ok, meetingKey: 42 }, MEET],
    ['a meeting key beyond the limit', { ...ok, meetingKey: 'x'.repeat(LIMITS.meetingKey) }, MEET],
  ])('refuses %s', (_name, msg, url) => {
    expect(checkCallReport(msg, url, NOW)).toBeNull();
  });
});

describe('checkCallReport: presenting', () => {
  it.each([
    ['presenting in a call', { ...ok, presenting: true }, { presenting: true }],
    ['not presenting in a call', { ...ok, presenting: false }, { presenting: false }],
    ['no word on presenting', ok, {}],
    ['a presenting that is no yes or no', { ...ok, presenting: 'yes' }, {}],
    ['a presenting that is an object', { ...ok, presenting: { on: true } }, {}],
    ['presenting outside a call', { ...ok, state: 'lobby', presenting: true }, {}],
  ])('keeps only a yes or no in a call: %s', (_name, msg, extra) => {
    const state = (msg as { state: string }).state;
    expect(checkCallReport(msg, MEET, NOW)).toEqual({
      platform: 'meet',
      state,
      meetingKey: 'abc-defg-hij',
      at: NOW,
      ...extra,
    });
  });
});

describe('checkVisibility', () => {
  it('takes a true report, and only from a call page, with a yes or no, now', () => {
    expect(checkVisibility({ visible: false, at: NOW }, MEET, NOW)).toEqual({
      visible: false,
      at: NOW,
    });
    expect(checkVisibility({ visible: false, at: NOW }, 'https://example.org/', NOW)).toBeNull();
    expect(checkVisibility({ visible: 'no', at: NOW }, MEET, NOW)).toBeNull();
    expect(checkVisibility({ visible: true, at: NOW - 2 * REPORT_SKEW_MS }, MEET, NOW)).toBeNull();
  });
});
