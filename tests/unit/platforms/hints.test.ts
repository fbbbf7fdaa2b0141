// @vitest-environment happy-dom
// The content script's cheap first look (lib/platforms/hints.ts) must never hide a call from the
// detectors: wherever a detector sees a lobby, a waiting room, a call or an end, the look says
// "maybe a call" and the detectors are loaded; on the chat page with no call, it says no.

import { describe, expect, it } from 'vitest';
import { detectorFor } from '../../../lib/platforms';
import type { Probe } from '../../../lib/platforms/dom';
import { callHint, TEAMS_HINTS } from '../../../lib/platforms/hints';
import { teamsProbes } from '../../../lib/platforms/teams';
import { fixtures } from '../../fixtures';
import { loadFixture } from './load-fixture';

const css = (probes: readonly Probe[]) =>
  probes.flatMap((p) => (typeof p === 'string' ? [p] : 'css' in p ? [p.css] : []));

/** A Teams URL with no meeting in it: the new app's, once it has dropped the join link. */
const BARE_TEAMS = 'https://teams.cloud.microsoft/v2/';

/**
 * End screens Teams shows in words only ("You left the meeting", Rejoin): no id or test id marks
 * them. The watch that followed the call from its start reads them, as it always has; a page
 * loaded fresh on one has no call left to find.
 */
const ENDS_IN_WORDS: ReadonlySet<string> = new Set([
  'teams/ended-user.en.html',
  'teams/ended-user.de.html',
]);
/** The join link's "continue in this browser" page, in words only: it is only ever at a join link. */
const JOIN_PAGE_IN_WORDS: ReadonlySet<string> = new Set(['teams/lobby.de.html']);

describe('the Teams hint', () => {
  it('is every CSS probe the Teams detector has for a call being near', () => {
    const groups = [
      teamsProbes.leave,
      teamsProbes.inCall,
      teamsProbes.strong,
      teamsProbes.lobby,
      teamsProbes.endedMarkers,
    ];
    expect([...TEAMS_HINTS].sort()).toEqual(groups.flatMap(css).sort());
  });
});

describe('every fixture a detector reads as more than none', () => {
  const seen = fixtures.filter((f) => f.expected !== 'none' && !ENDS_IN_WORDS.has(f.file));
  it.each(seen.map((f) => [f.file, f.url] as const))('%s hints at a call at %s', (file, url) => {
    const u = new URL(url);
    const platform = detectorFor(u)?.id;
    expect(platform).toBeDefined();
    if (!platform) return;
    expect(callHint(platform, u, loadFixture(file))).toBe(true);
  });

  const teams = seen.filter((f) => f.platform === 'teams' && !JOIN_PAGE_IN_WORDS.has(f.file));
  it.each(teams.map((f) => f.file))('%s hints at a call by its DOM alone', (file) => {
    expect(callHint('teams', new URL(BARE_TEAMS), loadFixture(file))).toBe(true);
  });
});

describe('words only', () => {
  it.each([...ENDS_IN_WORDS])(
    '%s is no hint on a fresh page, and is an end to the detector',
    (file) => {
      const url = new URL(BARE_TEAMS);
      expect(callHint('teams', url, loadFixture(file))).toBe(false);
      expect(detectorFor(url)?.detect(url, loadFixture(file)).state).toBe('ended');
    },
  );
});

describe('no call', () => {
  it('the Teams chat page hints at nothing', () => {
    expect(callHint('teams', new URL(BARE_TEAMS), loadFixture('teams/unknown.en.html'))).toBe(
      false,
    );
  });

  it.each([
    ['meet', 'https://meet.google.com/landing'],
    ['meet', 'https://meet.google.com/'],
    ['zoom', 'https://app.zoom.us/j/123456789?pwd=abc'],
    ['zoom', 'https://support.zoom.us/hc/en-us'],
    ['teams', 'https://teams.microsoft.com/dl/launcher/launcher.html?url=x'],
  ] as const)('%s %s hints at nothing', (platform, url) => {
    expect(callHint(platform, new URL(url), loadFixture('teams/unknown.en.html'))).toBe(false);
  });

  it.each([
    ['teams', 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0'],
    ['teams', 'https://teams.live.com/meet/9312345678901?p=Ab12Cd'],
    ['teams', 'https://teams.live.com/light-meetings/launch?anon=true'],
    ['meet', 'https://meet.google.com/abc-defg-hij'],
    ['zoom', 'https://app.zoom.us/wc/123456789/join'],
    ['zoom', 'https://acme.zoom.us/postattendee?mn=123456789'],
  ] as const)('%s %s hints at a call by its URL alone', (platform, url) => {
    expect(callHint(platform, new URL(url), loadFixture('teams/unknown.en.html'))).toBe(true);
  });
});
