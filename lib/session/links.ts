// A meeting's identity from a link a user pastes or a URL a tab is on, so a call can be matched
// to the mentorship that uses that link. Keys are platform-prefixed: `meet:abc-defg-hij`,
// `zoom:123456789`, `teams:<id>`.

import { platformOfHost } from '../platforms/hosts';
import type { Platform } from '../records';

/** The meeting key of a link or URL, or undefined when it names no meeting. */
export function meetingKeyOf(link: string): string | undefined {
  let url: URL;
  try {
    url = new URL(link.trim().startsWith('http') ? link.trim() : `https://${link.trim()}`);
  } catch {
    return undefined;
  }
  const platform = platformOfHost(url.hostname);
  if (platform === 'meet') {
    const code = /^\/([a-z]{3}-[a-z]{4}-[a-z]{3})(?:\/|$)/i.exec(url.pathname)?.[1];
    return code ? `meet:${code.toLowerCase()}` : undefined;
  }
  if (platform === 'zoom') {
    const id = /^\/(?:j|s|w|wc(?:\/join)?)\/(\d{9,12})(?:\/|$)/.exec(url.pathname)?.[1];
    return id ? `zoom:${id}` : undefined;
  }
  if (platform === 'teams') {
    const short = /^\/meet\/(\d{9,15})/.exec(url.pathname)?.[1];
    if (short) return `teams:${short}`;
    const hash =
      /#\/meet\/(\d{9,15})/.exec(url.hash)?.[1] ?? /^\/meet\/(\d+)/.exec(url.hash.slice(1))?.[1];
    if (hash) return `teams:${hash}`;
    // The invite's path, or the hash route the app shows in the address bar once joined.
    const join = (/^\/l\/meetup-join\/([^/]+)/.exec(url.pathname) ??
      /^#\/l\/meetup-join\/([^/?#]+)/.exec(url.hash))?.[1];
    if (join) {
      // A broken escape (`%3m`) names no meeting: a throw here would stop every call matching.
      try {
        return `teams:${decodeURIComponent(join).toLowerCase()}`;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** A detector's bare key (`abc-defg-hij`, `123456789`) in the same prefixed form. */
export function prefixedKey(platform: Platform, key: string | undefined): string | undefined {
  if (!key) return undefined;
  if (key.includes(':') && key.startsWith(`${platform}:`)) return key;
  return `${platform}:${platform === 'teams' ? key.toLowerCase() : key}`;
}
