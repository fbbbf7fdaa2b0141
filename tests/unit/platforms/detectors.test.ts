// @vitest-environment happy-dom
// Every detector over every committed fixture: the fixture's own platform must read the expected
// state and key; the other platforms' detectors must not claim the page at all.

import { describe, expect, it } from 'vitest';
import { detectorFor, detectors } from '../../../lib/platforms';
import { fixtures } from '../../fixtures';
import { loadFixture } from './load-fixture';

const rows = fixtures.map((f) => ({ ...f, name: `${f.file} @ ${f.url}` }));

describe('each fixture, read by its own platform', () => {
  it.each(rows)('$name -> $expected', (f) => {
    const url = new URL(f.url);
    const detector = detectorFor(url);
    expect(detector?.id).toBe(f.platform);
    if (!detector) return;
    const reading = detector.detect(url, loadFixture(f.file));
    expect(reading.state).toBe(f.expected);
    expect(reading.meetingKey).toBe(f.meetingKey);
    if (f.signals) expect(reading.signals).toMatchObject(f.signals);
    // Presenting and reconnecting are read only where a fixture says so.
    if (!f.signals?.presenting) expect(reading.signals.presenting).toBe(false);
    if (!f.signals?.reconnecting) expect(reading.signals.reconnecting).toBe(false);
  });
});

describe('each fixture, read by every other platform', () => {
  const cross = rows.flatMap((f) =>
    detectors.filter((d) => d.id !== f.platform).map((d) => ({ ...f, other: d.id, d })),
  );
  it.each(cross)('$other on $file reads none', ({ d, url, file }) => {
    const reading = d.detect(new URL(url), loadFixture(file));
    expect(reading.state).toBe('none');
    expect(reading.meetingKey).toBeUndefined();
  });
});

describe('waiting rooms are never in call', () => {
  const waiting = rows.filter((f) => f.state === 'waiting');
  it.each(waiting)('$name', (f) => {
    const url = new URL(f.url);
    const reading = detectorFor(url)?.detect(url, loadFixture(f.file));
    expect(reading?.state).toBe('lobby');
  });

  it('the Meet waiting room has the leave icon, and reads lobby all the same', () => {
    const url = new URL('https://meet.google.com/abc-defg-hij');
    const reading = detectorFor(url)?.detect(url, loadFixture('meet/waiting.en.html'));
    expect(reading?.signals).toMatchObject({ primary: true, secondary: false, waiting: true });
  });
});

describe('leave controls', () => {
  const inCall = rows.filter((f) => f.expected === 'in-call' && f.platform !== 'zoom');
  it.each(inCall)('$name has a clickable leave control', (f) => {
    const detector = detectorFor(new URL(f.url));
    const controls = detector?.leaveControls(loadFixture(f.file)) ?? [];
    expect(controls.length).toBeGreaterThan(0);
    for (const c of controls) expect(c.tagName).toBe('BUTTON');
  });

  // Zoom's end dialogs sit over the still-present footer: its Leave is still there, and a click on
  // it would only arm an end that the dialog has already made.
  const ended = rows.filter(
    (f) =>
      f.expected === 'ended' &&
      !(f.platform === 'zoom' && (f.state === 'ended-host' || f.state === 'ended-dialog')),
  );
  it.each(ended)('$name has none left', (f) => {
    const detector = detectorFor(new URL(f.url));
    const doc = loadFixture(f.file);
    expect(detector?.leaveControls(doc)).toEqual([]);
  });
});
