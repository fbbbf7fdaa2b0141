import { describe, expect, it } from 'vitest';
import { pageFactsOf, RELOAD_GRACE_MS, reloadGraceMs } from '../../../lib/session/reload-grace';

describe('reloadGraceMs: how long a live call outlives a page loading anew', () => {
  it.each([
    [
      'Zoom, the same meeting redirected to /start',
      'zoom',
      'https://app.zoom.us/wc/123456789/start',
      'zoom:123456789',
      RELOAD_GRACE_MS,
    ],
    [
      'Zoom, the audio handshake page',
      'zoom',
      'https://app.zoom.us/wc-loading/',
      'zoom:123456789',
      RELOAD_GRACE_MS,
    ],
    [
      'Zoom, a company host',
      'zoom',
      'https://acme.zoom.us/wc/123456789/join?pwd=x',
      'zoom:123456789',
      RELOAD_GRACE_MS,
    ],
    [
      'Zoom for Government',
      'zoom',
      'https://agency.zoomgov.com/wc/123456789/join',
      'zoom:123456789',
      RELOAD_GRACE_MS,
    ],
    [
      'Zoom, a session with no key yet',
      'zoom',
      'https://app.zoom.us/wc/123456789/join',
      undefined,
      RELOAD_GRACE_MS,
    ],
    [
      'Zoom, another meeting number: another call',
      'zoom',
      'https://app.zoom.us/wc/999999999/join',
      'zoom:123456789',
      0,
    ],
    [
      'Zoom, the post-attendee page: the call is over',
      'zoom',
      'https://app.zoom.us/postattendee?mn=123456789',
      'zoom:123456789',
      0,
    ],
    ['Zoom, /wc/leave', 'zoom', 'https://app.zoom.us/wc/leave', 'zoom:123456789', 0],
    ['Zoom, the home page', 'zoom', 'https://app.zoom.us/', 'zoom:123456789', 0],
    ['Zoom, the launcher', 'zoom', 'https://app.zoom.us/j/123456789', 'zoom:123456789', 0],
    [
      'Zoom, a host no platform covers',
      'zoom',
      'https://zoom.us.evil.example/wc/123456789/join',
      'zoom:123456789',
      0,
    ],
    ['Zoom, no URL readable', 'zoom', undefined, 'zoom:123456789', 0],
    ['Zoom, not a URL', 'zoom', 'not a url', 'zoom:123456789', 0],
    [
      'Meet: a reload leaves the call',
      'meet',
      'https://meet.google.com/abc-defg-hij',
      'meet:abc-defg-hij',
      0,
    ],
    ['Teams: no grace', 'teams', 'https://teams.microsoft.com/v2/', undefined, 0],
  ] as const)('%s', (_name, platform, url, key, want) => {
    // The page as its URL says (a report's sender URL; the content script's own for a ping).
    expect(reloadGraceMs(platform, pageFactsOf(url), key)).toBe(want);
  });
});
