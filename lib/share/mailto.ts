// A share message as a `mailto:` link (RFC 6068), so the popup can open the user's mail client
// with the message written.
//
// Pure.

import { encodePack, packSubject, wellFormed } from './message';
import type { Pack } from './pack';

function encodeMailtoPart(text: string): string {
  return encodeURIComponent(wellFormed(text));
}

/**
 * A `mailto:` URL with the subject and the whole message as body, its line breaks as CRLF
 * (%0D%0A). `to` may hold several addresses separated by commas. Throws what `encodePack` does.
 */
export function mailtoUrl(pack: Pack, opts: { to?: string; subject?: string } = {}): string {
  const to = encodeMailtoPart((opts.to ?? '').trim())
    .replace(/%40/g, '@')
    .replace(/%2C/gi, ',');
  const subject = (opts.subject ?? packSubject(pack)).replace(/[\r\n]+/g, ' ');
  const body = encodePack(pack).replace(/\r?\n/g, '\r\n');
  return `mailto:${to}?subject=${encodeMailtoPart(subject)}&body=${encodeMailtoPart(body)}`;
}
