// Which web address in an invite is the meeting's. Invites carry many: Google's description
// links to phone numbers and a help page, Teams' to a download page and meeting options. A
// Meet, Zoom (any `*.zoom.us` host, company ones included) or Teams link is preferred wherever
// it is, the conferencing fields first; failing one, any web address in a field that names the
// meeting itself (a conferencing field, URL, LOCATION), never one from the description.
//
// Pure: string handling only.

import type { Platform } from '../records';
import { meetingKeyOf } from '../session/links';

/** Where a meeting link may be, most trusted first (names as ical.js spells them). */
export const LINK_FIELDS = [
  'x-google-conference',
  'x-microsoft-skypeteamsmeetingurl',
  'x-microsoft-onlinemeetingexternallink',
  // A SIP address with the Teams thread in it; only a web address inside it counts.
  'x-microsoft-onlinemeetingconflink',
  // RFC 7986, as Apple and others write a video link.
  'conference',
  'url',
  'location',
  'description',
  // Outlook's HTML description.
  'x-alt-desc',
] as const;

/** Fields whose any web address is meant as the meeting's. */
const OWN_FIELDS = new Set<string>(LINK_FIELDS.slice(0, 7));

const WEB = /https?:\/\/[^\s<>"'\\]+/gi;

export interface MeetingLink {
  link: string;
  platform?: Platform;
  /** As lib/session/links.ts derives it, e.g. `meet:abc-defg-hij`. */
  meetingKey?: string;
}

/** The web addresses in a value, without the punctuation a sentence puts after one. */
export function webAddressesIn(value: string): string[] {
  // Unknown X- properties reach us raw: undo the TEXT escapes a writer may have added.
  const text = value.replace(/\\([\\;,])/g, '$1');
  return [...text.matchAll(WEB)].map((m) => m[0].replace(/[).,;:!?\]]+$/, ''));
}

/** The meeting link among an invite's field values, in LINK_FIELDS order, or undefined. */
export function pickMeetingLink(
  values: readonly { field: string; value: string }[],
): MeetingLink | undefined {
  const found = values.flatMap(({ field, value }) =>
    webAddressesIn(value).map((link) => ({ field, link, key: meetingKeyOf(link) })),
  );
  const chosen =
    found.find((f) => f.key !== undefined) ?? found.find((f) => OWN_FIELDS.has(f.field));
  if (!chosen) return undefined;
  if (!chosen.key) return { link: chosen.link };
  return {
    link: chosen.link,
    platform: chosen.key.slice(0, chosen.key.indexOf(':')) as Platform,
    meetingKey: chosen.key,
  };
}
