// @vitest-environment happy-dom
// The registry: which detector a host gets, which pages count as call pages, and safeDetect.

import { describe, expect, it, vi } from 'vitest';
import { detectorFor, detectors, safeDetect } from '../../../lib/platforms';
import { NO_SIGNALS } from '../../../lib/platforms/dom';
import { meet } from '../../../lib/platforms/meet';
import { teams } from '../../../lib/platforms/teams';
import type { PlatformDetector } from '../../../lib/platforms/types';
import { zoom } from '../../../lib/platforms/zoom';

describe('detectors', () => {
  it('lists meet, zoom and teams once each', () => {
    expect(detectors.map((d) => d.id)).toEqual(['meet', 'zoom', 'teams']);
  });
});

describe('detectorFor', () => {
  it.each([
    ['https://meet.google.com/abc-defg-hij', 'meet'],
    ['https://meet.google.com/landing', 'meet'],
    ['https://app.zoom.us/wc/84512345678/join?pwd=x', 'zoom'],
    ['https://acme.zoom.us/wc/join/84512345678', 'zoom'],
    ['https://us02web.zoom.us/j/84512345678', 'zoom'],
    ['https://zoom.us/postattendee?mn=84512345678', 'zoom'],
    ['https://teams.microsoft.com/v2/', 'teams'],
    ['https://teams.live.com/meet/9312345678901', 'teams'],
    ['https://teams.cloud.microsoft/v2/', 'teams'],
  ])('%s -> %s', (href, id) => {
    expect(detectorFor(new URL(href))?.id).toBe(id);
  });

  it.each([
    'https://google.com/abc-defg-hij',
    'https://calendar.google.com/calendar/r',
    'https://meet.google.com.evil.example/abc-defg-hij',
    'https://zoom.us.evil.example/wc/84512345678/join',
    'https://notzoom.us/wc/84512345678/join',
    'https://evil-zoom.us/wc/84512345678/join',
    'https://microsoft.com/teams',
    'https://teams.microsoft.com.evil.example/v2/',
    'https://example.com/',
  ])('%s -> undefined', (href) => {
    expect(detectorFor(new URL(href))).toBeUndefined();
  });
});

describe('matchesUrl', () => {
  it.each([
    [meet, 'https://meet.google.com/abc-defg-hij', true],
    [meet, 'https://meet.google.com/ABC-DEFG-HIJ?authuser=1', true],
    [meet, 'https://meet.google.com/', false],
    [meet, 'https://meet.google.com/landing', false],
    [meet, 'https://meet.google.com/new', false],
    [zoom, 'https://app.zoom.us/wc/84512345678/join?pwd=x', true],
    [zoom, 'https://app.zoom.us/wc/84512345678/start', true],
    [zoom, 'https://acme.zoom.us/wc/join/84512345678', true],
    [zoom, 'https://app.zoom.us/postattendee?mn=84512345678', true],
    [zoom, 'https://app.zoom.us/wc/leave', true],
    [zoom, 'https://zoom.us/meeting/ended', true],
    [zoom, 'https://app.zoom.us/j/84512345678?pwd=x', false],
    [zoom, 'https://acme.zoom.us/s/84512345678', false],
    [zoom, 'https://app.zoom.us/wc/home', false],
    [zoom, 'https://zoom.us/', false],
    [teams, 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0', true],
    [teams, 'https://teams.cloud.microsoft/v2/', true],
    [teams, 'https://teams.microsoft.com/dl/launcher/launcher.html?url=%2F_%23%2Fl', false],
  ] as const)('%s.matchesUrl(%s) is %s', (d, href, expected) => {
    expect(d.matchesUrl(new URL(href))).toBe(expected);
  });

  it('a Zoom launcher page reads none whatever it shows', () => {
    const doc = document.implementation.createHTMLDocument('');
    doc.body.innerHTML =
      '<div id="wc-footer"><div class="footer__leave-btn-container"></div></div>';
    expect(zoom.detect(new URL('https://app.zoom.us/j/84512345678'), doc).state).toBe('none');
    expect(zoom.detect(new URL('https://app.zoom.us/wc/84512345678/join'), doc).state).toBe(
      'in-call',
    );
  });
});

describe('safeDetect', () => {
  const throwing = (): PlatformDetector => ({
    id: 'meet',
    matchesUrl: () => true,
    detect: () => {
      throw new Error('page changed');
    },
    leaveControls: () => [],
    probes: {},
    scopes: () => [],
  });
  const url = new URL('https://meet.google.com/abc-defg-hij');

  it('turns a throw into an unknown reading (never an end) and logs once per detector', () => {
    const d = throwing();
    const log = vi.fn();
    const doc = document.implementation.createHTMLDocument('');
    for (let i = 0; i < 3; i++) {
      expect(safeDetect(d, url, doc, log)).toEqual({
        state: 'none',
        signals: { ...NO_SIGNALS },
        unknown: true,
      });
    }
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toBeInstanceOf(Error);

    const other = throwing();
    safeDetect(other, url, doc, log);
    expect(log).toHaveBeenCalledTimes(2);
  });

  it('works without a logger and passes a good reading through', () => {
    const doc = document.implementation.createHTMLDocument('');
    expect(safeDetect(throwing(), url, doc).state).toBe('none');
    expect(safeDetect(meet, url, doc)).toEqual(meet.detect(url, doc));
  });
});
