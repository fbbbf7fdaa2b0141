// @vitest-environment happy-dom
// The fallbacks behind the fixtures: language-free hooks alone, labels alone, and odd DOMs.

import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../lib/platforms/dom';
import { meet } from '../../../lib/platforms/meet';
import { teams } from '../../../lib/platforms/teams';
import type { PlatformDetector } from '../../../lib/platforms/types';
import { zoom } from '../../../lib/platforms/zoom';
import { parseHtml } from './load-fixture';

const MEET = new URL('https://meet.google.com/abc-defg-hij');
const ZOOM = new URL('https://app.zoom.us/wc/84512345678/join');
const TEAMS = new URL('https://teams.cloud.microsoft/v2/');
const body = (html: string) => parseHtml(`<!DOCTYPE html><html><body>${html}</body></html>`);

describe('labels as the last fallback', () => {
  it.each<[string, PlatformDetector, URL, string]>([
    [
      'Meet, English labels only',
      meet,
      MEET,
      '<button aria-label="Leave call"></button><button aria-label="Chat with everyone"></button>',
    ],
    [
      'Meet, German labels only',
      meet,
      MEET,
      '<button aria-label="Anruf verlassen"></button><button aria-label="Mit allen chatten"></button>',
    ],
    [
      'Zoom, English label and footer',
      zoom,
      ZOOM,
      '<div id="wc-footer"><button aria-label="Leave">Leave</button></div>',
    ],
    [
      'Zoom, German label and footer',
      zoom,
      ZOOM,
      '<div id="wc-footer"><button aria-label="Verlassen">Verlassen</button></div>',
    ],
    [
      'Teams, English label and call timer',
      teams,
      TEAMS,
      '<div role="toolbar"><span data-tid="call-duration">1:00</span><button aria-label="Leave"></button></div>',
    ],
    [
      'Teams, German label and call timer',
      teams,
      TEAMS,
      '<div role="toolbar"><span data-tid="call-duration">1:00</span><button aria-label="Verlassen"></button></div>',
    ],
  ])('%s read in-call', (_name, d, url, html) => {
    expect(d.detect(url, body(html)).state).toBe('in-call');
  });

  it('a disabled Teams Leave label is no leave control (the lobby shows a disabled toolbar)', () => {
    const doc = body(
      '<div role="toolbar"><span data-tid="call-duration"></span><button aria-label="Leave" aria-disabled="true"></button></div>',
    );
    expect(teams.detect(TEAMS, doc).signals.primary).toBe(false);
  });
});

describe('guards against false signals', () => {
  it('the Meet effects preview tile is no participant', () => {
    const doc = body(
      '<div data-participant-id="p"><i class="google-symbols">visual_effects</i></div><i class="google-symbols">call_end</i>',
    );
    expect(meet.detect(MEET, doc).signals.secondary).toBe(false);
    expect(meet.detect(MEET, doc).state).toBe('lobby');
  });

  it.each<[string, PlatformDetector, URL, string]>([
    [
      'Meet',
      meet,
      MEET,
      '<i class="google-symbols">call_end</i><i class="google-symbols">chat</i><div class="msg">Call ended? You left the meeting, lol</div>',
    ],
    [
      'Teams',
      teams,
      TEAMS,
      '<button id="hangup-button"></button><span data-tid="call-duration"></span><div class="msg">Call ended for me earlier. Rejoin <button>Rejoin</button></div>',
    ],
  ])(
    '%s: end words in chat do not end a call while the leave control is there',
    (_n, d, url, html) => {
      expect(d.detect(url, body(html)).state).toBe('in-call');
    },
  );

  it('a style sheet in the body is no page text', () => {
    const doc = body(
      '<style>/* Asking to be let in */</style><i class="google-symbols">call_end</i><i class="google-symbols">chat</i>',
    );
    expect(meet.detect(MEET, doc).state).toBe('in-call');
  });

  it('typographic and straight apostrophes compare equal', () => {
    expect(normalizeText('You’ll  join\nthe call')).toBe("you'll join the call");
  });
});

describe('Zoom', () => {
  it('reads the client inside iframe#webclient, and nothing from a cross-origin frame', () => {
    const doc = body('<iframe id="webclient" srcdoc=""></iframe>');
    const frame = doc.querySelector('iframe') as HTMLIFrameElement;
    Object.defineProperty(frame, 'contentDocument', { value: null });
    expect(zoom.detect(ZOOM, doc).state).toBe('none');

    const throwing = body('<iframe id="webclient" srcdoc=""></iframe>');
    Object.defineProperty(throwing.querySelector('iframe'), 'contentDocument', {
      get() {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    });
    expect(zoom.detect(ZOOM, throwing).state).toBe('none');
  });

  it('watches the footer Leave and the menu confirmation: each click only arms the end', () => {
    const doc = body(
      '<div class="footer__leave-btn-container"><button aria-label="Leave" class="footer__leave-btn">Leave</button></div>' +
        '<div class="leave-meeting-options"><button class="leave-meeting-options__btn leave-meeting-options__btn--danger">Leave Meeting</button></div>',
    );
    const controls = zoom.leaveControls(doc);
    expect(controls.map((c) => c.className)).toEqual([
      'footer__leave-btn',
      'leave-meeting-options__btn leave-meeting-options__btn--danger',
    ]);
  });

  it('takes the meeting number from the path or the end page', () => {
    const key = (href: string) => zoom.detect(new URL(href), body('')).meetingKey;
    expect(key('https://app.zoom.us/wc/84512345678/join')).toBe('84512345678');
    expect(key('https://acme.zoom.us/wc/join/84512345678')).toBe('84512345678');
    expect(key('https://app.zoom.us/postattendee?mn=84512345678')).toBe('84512345678');
    expect(key('https://app.zoom.us/j/84512345678')).toBeUndefined();
  });
});

describe('Teams keys', () => {
  it.each([
    [
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0?context=1',
      '19:meeting_X@thread.v2',
    ],
    [
      'https://teams.microsoft.com/_#/l/meetup-join/19%3ameeting_X%40thread.v2/0',
      '19:meeting_X@thread.v2',
    ],
    ['https://teams.microsoft.com/meet/3123456789012?p=abc', '3123456789012'],
    ['https://teams.live.com/meet/9312345678901', '9312345678901'],
    ['https://teams.microsoft.com/v2/#/meet/3123456789012?p=abc', '3123456789012'],
    ['https://teams.microsoft.com/l/meetup-join/%E0%A4%A/0', '%E0%A4%A'],
    ['https://teams.cloud.microsoft/v2/', undefined],
  ])('%s -> %s', (href, key) => {
    expect(teams.detect(new URL(href), body('')).meetingKey).toBe(key);
  });
});

describe('odd documents never throw and read none', () => {
  const odd: [string, () => Document][] = [
    ['an empty HTML document', () => document.implementation.createHTMLDocument('')],
    ['a document without a body', () => document.implementation.createDocument(null, 'root', null)],
    ['a text-only body', () => body('just some words')],
    ['a deep tree', () => body(`${'<div>'.repeat(400)}x${'</div>'.repeat(400)}`)],
  ];
  const platforms: [PlatformDetector, URL][] = [
    [meet, MEET],
    [zoom, ZOOM],
    [teams, TEAMS],
  ];
  it.each(
    odd.flatMap(([name, make]) =>
      platforms.map(([d, url]) => [`${d.id}: ${name}`, d, url, make] as const),
    ),
  )('%s', (_name, d, url, make) => {
    const doc = make();
    expect(() => d.detect(url, doc)).not.toThrow();
    expect(d.detect(url, doc).state).toBe('none');
    expect(d.leaveControls(doc)).toEqual([]);
  });
});
