import { describe, expect, it } from 'vitest';
import { platformOfHost } from '../../../lib/platforms/hosts';
import { detectorFor } from '../../../lib/platforms/index';
import { meetMeetingKey } from '../../../lib/platforms/meet';
import { teamsMeetingKey } from '../../../lib/platforms/teams';
import { zoomMeetingKey } from '../../../lib/platforms/zoom';
import type { Platform } from '../../../lib/records';
import { meetingKeyOf, prefixedKey } from '../../../lib/session/links';

const TEAMS_THREAD = '19%3ameeting_NzQ5YmE3ZjEtMjM0NS00ZDY3LWE4OWItMGJjZGVmMTIzNDU2%40thread.v2';
const TEAMS_KEY = 'teams:19:meeting_nzq5yme3zjetmjm0ns00zdy3lwe4owitmgjjzgvmmtizndu2@thread.v2';

describe('meetingKeyOf', () => {
  it.each([
    // Google Meet
    ['a Meet link', 'https://meet.google.com/abc-defg-hij', 'meet:abc-defg-hij'],
    [
      'a Meet link with a query',
      'https://meet.google.com/abc-defg-hij?authuser=1&hs=122',
      'meet:abc-defg-hij',
    ],
    ['a Meet link in capitals', 'https://meet.google.com/ABC-DEFG-HIJ', 'meet:abc-defg-hij'],
    ['a Meet link without a scheme', 'meet.google.com/abc-defg-hij', 'meet:abc-defg-hij'],
    [
      'a Meet link with spaces around it',
      '  https://meet.google.com/abc-defg-hij/  \n',
      'meet:abc-defg-hij',
    ],
    // Zoom
    ['a Zoom /j/ link', 'https://zoom.us/j/1234567890', 'zoom:1234567890'],
    [
      'a Zoom /j/ link with ?pwd',
      'https://us02web.zoom.us/j/85912345678?pwd=aGVsbG8ud29ybGQ.1',
      'zoom:85912345678',
    ],
    ['a Zoom vanity host', 'https://acme.zoom.us/j/987654321?pwd=x', 'zoom:987654321'],
    ['a Zoom /s/ (start) link', 'https://zoom.us/s/1234567890', 'zoom:1234567890'],
    ['a Zoom /w/ (webinar) link', 'https://zoom.us/w/1234567890?tk=abc', 'zoom:1234567890'],
    [
      'the Zoom web client /wc/<id>/join',
      'https://app.zoom.us/wc/85912345678/join?fromPWA=1&pwd=x',
      'zoom:85912345678',
    ],
    [
      'the Zoom web client /wc/join/<id>',
      'https://zoom.us/wc/join/85912345678',
      'zoom:85912345678',
    ],
    [
      'the Zoom web client /wc/<id>/start',
      'https://zoom.us/wc/85912345678/start',
      'zoom:85912345678',
    ],
    // Teams
    [
      'a Teams meetup-join link',
      `https://teams.microsoft.com/l/meetup-join/${TEAMS_THREAD}/0?context=%7b%22Tid%22%3a%22x%22%7d`,
      TEAMS_KEY,
    ],
    [
      'a Teams meetup-join link, undecoded',
      `https://teams.microsoft.com/l/meetup-join/${decodeURIComponent(TEAMS_THREAD)}/0`,
      TEAMS_KEY,
    ],
    [
      'a Teams address bar with the #/l/meetup-join/ route',
      `https://teams.microsoft.com/v2/?meetingjoin=true#/l/meetup-join/${decodeURIComponent(TEAMS_THREAD)}/0?context=x`,
      TEAMS_KEY,
    ],
    [
      'a Teams /meet/<digits> short link',
      'https://teams.microsoft.com/meet/21234567890123?p=AbCdEfGh',
      'teams:21234567890123',
    ],
    [
      'a Teams personal /meet/<digits> link',
      'https://teams.live.com/meet/9381234567890?p=xyz',
      'teams:9381234567890',
    ],
    [
      'a Teams #/meet/<digits> route',
      'https://teams.microsoft.com/v2/#/meet/21234567890123?p=x',
      'teams:21234567890123',
    ],
    [
      'a teams.cloud.microsoft short link',
      'https://teams.cloud.microsoft/meet/21234567890123',
      'teams:21234567890123',
    ],
  ])('%s', (_name, link, key) => {
    expect(meetingKeyOf(link)).toBe(key);
  });

  it.each([
    ['empty text', ''],
    ['spaces', '   '],
    ['words', 'our usual link'],
    ['not a URL at all', 'http://['],
    ['another site', 'https://example.com/j/1234567890'],
    ['a host that only ends like zoom', 'https://notzoom.us/j/1234567890'],
    ['a look-alike Meet host', 'https://meet.google.com.evil.example/abc-defg-hij'],
    ['the Meet home page', 'https://meet.google.com/'],
    ['a Meet page that is no meeting', 'https://meet.google.com/landing'],
    ['a malformed Meet code', 'https://meet.google.com/abcd-efg-hij'],
    ['the Zoom home page', 'https://zoom.us/'],
    ['a Zoom id too short', 'https://zoom.us/j/12345'],
    ['a Zoom path with no id', 'https://zoom.us/j/abc'],
    ['a Zoom end page', 'https://zoom.us/wc/leave'],
    ['the Teams app', 'https://teams.microsoft.com/v2/'],
    ['a Teams chat link', 'https://teams.microsoft.com/l/chat/0/0?users=a@b.c'],
    [
      'a Teams meetup-join link with a broken escape',
      'https://teams.microsoft.com/l/meetup-join/19%3meeting_x%40thread.v2/0',
    ],
  ])('%s names no meeting', (_name, link) => {
    expect(meetingKeyOf(link)).toBeUndefined();
  });
});

describe('platformOfHost', () => {
  it.each([
    ['meet.google.com', 'meet'],
    ['zoom.us', 'zoom'],
    ['app.zoom.us', 'zoom'],
    ['acme.zoom.us', 'zoom'],
    ['teams.microsoft.com', 'teams'],
    ['teams.live.com', 'teams'],
    ['teams.cloud.microsoft', 'teams'],
    ['google.com', undefined],
    ['notzoom.us', undefined],
    ['zoom.us.example.com', undefined],
    ['teams.microsoft.com.example.com', undefined],
  ] as [string, Platform | undefined][])('%s -> %s', (host, platform) => {
    expect(platformOfHost(host)).toBe(platform);
  });
});

describe('prefixedKey', () => {
  it.each([
    ['meet', 'abc-defg-hij', 'meet:abc-defg-hij'],
    ['zoom', '85912345678', 'zoom:85912345678'],
    ['teams', '19:meeting_AbC@thread.v2', 'teams:19:meeting_abc@thread.v2'],
    ['teams', '21234567890123', 'teams:21234567890123'],
    ['meet', 'meet:abc-defg-hij', 'meet:abc-defg-hij'],
    ['zoom', 'zoom:85912345678', 'zoom:85912345678'],
    ['meet', undefined, undefined],
    ['zoom', '', undefined],
  ] as [Platform, string | undefined, string | undefined][])(
    '%s %s -> %s',
    (platform, key, out) => {
      expect(prefixedKey(platform, key)).toBe(out);
    },
  );
});

// A call is matched by comparing the key the detector reads from the call tab's URL with the key
// of the link the mentorship keeps: both must give the same key for the same meeting.
describe('the detector and the pasted link agree', () => {
  it.each([
    ['meet', 'https://meet.google.com/abc-defg-hij?authuser=0', meetMeetingKey],
    ['zoom', 'https://app.zoom.us/wc/85912345678/join?pwd=x', zoomMeetingKey],
    ['zoom', 'https://acme.zoom.us/wc/join/85912345678', zoomMeetingKey],
    [
      'teams',
      `https://teams.microsoft.com/l/meetup-join/${TEAMS_THREAD}/0?context=x`,
      teamsMeetingKey,
    ],
    [
      'teams',
      `https://teams.microsoft.com/v2/?meetingjoin=true#/l/meetup-join/${decodeURIComponent(TEAMS_THREAD)}/0?context=x`,
      teamsMeetingKey,
    ],
    ['teams', 'https://teams.microsoft.com/meet/21234567890123?p=x', teamsMeetingKey],
    ['teams', 'https://teams.live.com/meet/9381234567890?p=x', teamsMeetingKey],
  ] as [Platform, string, (url: URL) => string | undefined][])(
    '%s %s',
    (platform, url, detectorKey) => {
      const fromTab = prefixedKey(platform, detectorKey(new URL(url)));
      expect(fromTab).toBeDefined();
      expect(fromTab).toBe(meetingKeyOf(url));
    },
  );
});

describe('platformOfHost and the detector registry', () => {
  it.each([
    'meet.google.com',
    'app.zoom.us',
    'acme.zoom.us',
    'zoom.us',
    'teams.microsoft.com',
    'teams.live.com',
    'teams.cloud.microsoft',
    'docs.example.org',
    'meet.google.com.example.org',
  ])('agree on %s', (host) => {
    expect(platformOfHost(host)).toBe(detectorFor(new URL(`https://${host}/`))?.id);
  });
});
