// Reads a committed fixture into a happy-dom Document, as the content script would see it.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// A path string, not a URL object: under happy-dom the global URL is not Node's.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');

export function fixtureHtml(file: string): string {
  return readFileSync(join(FIXTURES, file), 'utf8');
}

export function parseHtml(html: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // A `srcdoc` frame is same-origin (about:srcdoc), so a real browser gives the parent its
  // `contentDocument`. happy-dom 21 builds it for parsed documents too; should a version not, build
  // it here from the same markup so the detectors still read the client the way they do in Chromium
  // (the e2e tests load the fixture in a real browser and cover srcdoc itself).
  for (const frame of Array.from(doc.querySelectorAll('iframe[srcdoc]'))) {
    const iframe = frame as HTMLIFrameElement;
    if (iframe.contentDocument?.body?.firstElementChild) continue;
    const inner = new DOMParser().parseFromString(iframe.getAttribute('srcdoc') ?? '', 'text/html');
    Object.defineProperty(iframe, 'contentDocument', { value: inner, configurable: true });
  }
  return doc;
}

export function loadFixture(file: string): Document {
  return parseHtml(fixtureHtml(file));
}
