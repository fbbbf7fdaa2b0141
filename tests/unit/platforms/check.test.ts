// @vitest-environment happy-dom
// The detection check's data and its bug-report text; visibility of waiting text; the host list.

import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectorFor } from '../../../lib/platforms';
import { detectionCheck, detectionReport } from '../../../lib/platforms/check';
import { probeName } from '../../../lib/platforms/dom';
import { CALL_MATCHES, platformOfHost } from '../../../lib/platforms/hosts';
import { meet } from '../../../lib/platforms/meet';
import { initialTracker, track } from '../../../lib/platforms/tracker';
import { loadFixture, parseHtml } from './load-fixture';

const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');
const MEET = new URL('https://meet.google.com/abc-defg-hij?authuser=0');
const body = (html: string) => parseHtml(`<!DOCTYPE html><html><body>${html}</body></html>`);

describe('waiting text counts only when on screen', () => {
  const call = '<i class="google-symbols">call_end</i><i class="google-symbols">chat</i>';
  it.each([
    ['hidden', '<div hidden>Asking to be let in</div>'],
    [
      'aria-hidden ancestor',
      '<div aria-hidden="true"><p><span>Asking to be let in</span></p></div>',
    ],
    ['display:none', '<div style="display:none">Asking to be let in</div>'],
    ['visibility:hidden', '<div style="visibility:hidden">Asking to be let in</div>'],
  ])('%s waiting text is no signal', (_n, stale) => {
    const reading = meet.detect(MEET, body(call + stale));
    expect(reading.signals.waiting).toBe(false);
    expect(reading.state).toBe('in-call');
  });

  it('shown waiting text holds a call without strong evidence at lobby', () => {
    const reading = meet.detect(MEET, body(`${call}<div>Asking to be let in</div>`));
    expect(reading.signals).toMatchObject({ waiting: true, strong: false });
    expect(reading.state).toBe('lobby');
  });

  it('zero-size text is no signal where the page is laid out', () => {
    const doc = body(`${call}<div id="w">Asking to be let in</div>`);
    const zero = { width: 0, height: 0 } as DOMRect;
    const real = { width: 1280, height: 800 } as DOMRect;
    (doc.documentElement as HTMLElement).getBoundingClientRect = () => real;
    for (const el of Array.from(doc.querySelectorAll('body, #w')))
      (el as HTMLElement).getBoundingClientRect = () => zero;
    expect(meet.detect(MEET, doc).signals.waiting).toBe(false);
  });
});

describe('detection check', () => {
  const doc = loadFixture('meet/in-call-stale-waiting.en.html');
  const T = 1_800_000_000_000;
  let tracker = initialTracker;
  for (let i = 0; i < 2; i++)
    tracker = track(tracker, { reading: meet.detect(MEET, doc), at: T + i * 1000 });
  const check = detectionCheck({ url: MEET, doc, tracker, at: T + 61_000, version: '0.1.0' });

  it('says what the detector sees, probe by probe, and the streaks', () => {
    expect(check).toMatchObject({
      platform: 'meet',
      hostRule: 'meet.google.com',
      callPage: true,
      keyInUrl: true,
      look: 'in-call',
      documents: 1,
      tracker: {
        state: 'in-call',
        inCallStreak: 2,
        goneStreak: 0,
        leavePending: false,
        liveForS: 60,
      },
    });
    const waiting = check.groups.find((g) => g.group === 'waiting');
    expect(waiting).toMatchObject({ signal: 'waiting', shownOnly: true });
    // The stale text is in the DOM, but hidden: no waiting probe matches.
    expect(waiting?.probes.every((p) => !p.matched)).toBe(true);
    const leave = check.groups.find((g) => g.group === 'leave');
    expect(leave?.probes.find((p) => p.probe === 'icon:call_end')?.matched).toBe(true);
  });

  it('copies a report without page text, names or the meeting link', () => {
    const report = detectionReport(check);
    expect(report).toContain('platform: meet (meet.google.com)');
    expect(report).toContain('+ icon:call_end');
    expect(report).toContain('extension 0.1.0');
    for (const secret of ['abc-defg-hij', 'Ilse Brandt', 'Noa Levi', 'authuser', 'https://']) {
      expect(report).not.toContain(secret);
    }
    // The hidden waiting sentence is a probe of ours, listed as unmatched, never page text.
    expect(report).toContain('- text:"Asking to be let in"');
    expect(report).not.toContain('Asking to be let in…');
  });

  it('on a host no platform covers, says so and nothing else', () => {
    const off = detectionCheck({
      url: new URL('https://docs.example.org/x'),
      doc: body('hello'),
      tracker: initialTracker,
      at: T,
    });
    expect(off.platform).toBeUndefined();
    expect(detectionReport(off)).toMatch(/platform: none/);
  });

  it('a throwing detector reads unknown in the check too', () => {
    const broken = body('');
    Object.defineProperty(broken, 'body', {
      get() {
        throw new Error('boom');
      },
    });
    const c = detectionCheck({ url: MEET, doc: broken, tracker: initialTracker, at: T });
    expect(c.look).toBe('unknown');
  });
});

describe('the one host list', () => {
  it('gives the manifest its match patterns, least access that covers each platform', () => {
    expect(CALL_MATCHES).toEqual([
      'https://meet.google.com/*',
      'https://*.zoom.us/*',
      'https://*.zoomgov.com/*',
      'https://teams.microsoft.com/*',
      'https://teams.live.com/*',
      'https://teams.cloud.microsoft/*',
      'https://gov.teams.microsoft.us/*',
      'https://dod.teams.microsoft.us/*',
      'https://teams.microsoft.com.mcas.ms/*',
      'https://teams.cloud.microsoft.mcas.ms/*',
    ]);
  });

  it.each([
    ['agency.zoomgov.com', 'zoom'],
    ['zoomgov.com', 'zoom'],
    ['gov.teams.microsoft.us', 'teams'],
    ['teams.cloud.microsoft.mcas.ms', 'teams'],
    ['evil.teams.microsoft.us', undefined],
    ['outlook.office.com.mcas.ms', undefined],
    ['teams.microsoft.com.evil.mcas.ms', undefined],
    ['zoomgov.com.evil.example', undefined],
  ])('%s -> %s, and the registry agrees', (host, platform) => {
    expect(platformOfHost(host)).toBe(platform);
    expect(detectorFor(new URL(`https://${host}/`))?.id).toBe(platform);
  });
});

describe('the bug-report text holds nothing of the page, on every fixture', () => {
  const URLS = {
    meet: 'https://meet.google.com/pvt-link-key?authuser=3',
    zoom: 'https://acme.zoom.us/wc/987654321/join?pwd=SeCrEtPwD',
    teams: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_PRIVATE%40thread.v2/0',
  } as const;
  const files = (['meet', 'zoom', 'teams'] as const).flatMap((p) =>
    readdirSync(join(FIXTURES_DIR, p))
      .filter((f) => f.endsWith('.html'))
      .map((f) => [p, f] as const),
  );

  it.each(files)('%s/%s', (platform, file) => {
    const doc = loadFixture(`${platform}/${file}`);
    const url = new URL(URLS[platform]);
    const detector = detectorFor(url);
    if (!detector) throw new Error('no detector');
    let tracker = initialTracker;
    for (let i = 0; i < 3; i++)
      tracker = track(tracker, { reading: detector.detect(url, doc), at: 1000 * i });
    const report = detectionReport(detectionCheck({ url, doc, tracker, at: 5000 }));
    // Probe lines are our own definitions, exactly: nothing read from the page gets in.
    const ours = new Set(Object.values(detector.probes).flat().map(probeName));
    const probeLines = report.split('\n').filter((l) => /^ {2}[+-] /.test(l));
    for (const line of probeLines) expect(ours.has(line.slice(4))).toBe(true);
    // Every other line holds none of the page's text, names included.
    // (A page that says only its platform's name, "Zoom", says what the report's own platform
    // line says anyway.)
    const texts = pageTexts(doc).filter((t) => t.toLowerCase() !== platform);
    for (const line of report.split('\n').filter((l) => !/^ {2}[+-] /.test(l)))
      for (const text of texts) expect(line).not.toContain(text);
    for (const secret of ['pvt-link-key', '987654321', 'SeCrEtPwD', 'PRIVATE', 'https://', 'acme'])
      expect(report).not.toContain(secret);
  });
});

/** Every text, attribute value and frame text of a fixture, as page text a report must not hold. */
function pageTexts(doc: Document): string[] {
  const out = new Set<string>();
  const walk = (d: Document) => {
    const all = Array.from(d.querySelectorAll('*'));
    for (const el of all) {
      for (const attr of Array.from(el.attributes))
        if (attr.value.trim().length >= 4 && !/^[\w-]+$/.test(attr.value))
          out.add(attr.value.trim());
      for (const node of Array.from(el.childNodes))
        if (node.nodeType === 3 && (node.textContent ?? '').trim().length >= 4)
          out.add((node.textContent ?? '').trim());
      const frame = el as HTMLIFrameElement;
      if (el.tagName === 'IFRAME' && frame.contentDocument) walk(frame.contentDocument);
    }
  };
  walk(doc);
  return [...out];
}
