import { describe, expect, it } from 'vitest';
import { mailtoUrl } from '../../../lib/share/mailto';
import { decodePack, encodePack, packSubject } from '../../../lib/share/message';
import type { Pack } from '../../../lib/share/pack';
import { BASE, FULL } from './mail';

function parse(url: string): { to: string; params: Map<string, string>; raw: string } {
  expect(url.startsWith('mailto:')).toBe(true);
  const [target, query = ''] = url.slice('mailto:'.length).split('?') as [string, string?];
  const params = new Map<string, string>();
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    params.set(part.slice(0, eq), decodeURIComponent(part.slice(eq + 1)));
  }
  return { to: decodeURIComponent(target), params, raw: query };
}

describe('mailtoUrl', () => {
  it('has a body that decodes back to the same pack', () => {
    for (const pack of [BASE, FULL, { ...FULL, notes: 'emoji 🚀 RTL שלום\r\n& ?=#%+' }]) {
      const { params } = parse(mailtoUrl(pack, { to: 'ana@example.com' }));
      const body = params.get('body') as string;
      expect(decodePack(body)).toStrictEqual(pack);
      expect(body).toBe(encodePack(pack).replace(/\n/g, '\r\n'));
    }
  });

  it('uses CRLF line breaks and %20 for spaces, as RFC 6068 asks', () => {
    const url = mailtoUrl(FULL, {});
    expect(url).toContain('%0D%0A');
    expect(url).not.toMatch(/(?<!%0D)%0A/);
    expect(url).not.toMatch(/[ +\r\n]/);
    expect(url).toContain('Pre-session%20notes');
  });

  it('takes the subject from the pack unless given, on one line', () => {
    expect(parse(mailtoUrl(FULL, {})).params.get('subject')).toBe(packSubject(FULL));
    expect(
      parse(mailtoUrl(FULL, { subject: 'Notes\r\nfor Monday & more' })).params.get('subject'),
    ).toBe('Notes for Monday & more');
  });

  it('puts the recipients before the query, readable', () => {
    expect(
      mailtoUrl(BASE, { to: ' ana@example.com ' }).startsWith('mailto:ana@example.com?subject='),
    ).toBe(true);
    expect(
      mailtoUrl(BASE, { to: 'ana@example.com,sam@example.com' }).startsWith(
        'mailto:ana@example.com,sam@example.com?',
      ),
    ).toBe(true);
    expect(mailtoUrl(BASE, {}).startsWith('mailto:?subject=')).toBe(true);
    const odd = parse(mailtoUrl(BASE, { to: 'a?b&c@example.com' }));
    expect(odd.to).toBe('a?b&c@example.com');
    expect(odd.params.get('subject')).toBe(packSubject(BASE));
  });

  it('does not throw on a broken surrogate in the text', () => {
    const pack: Pack = { ...BASE, topic: 'half \ud83d', notes: '\udc00 tail' };
    const { params } = parse(mailtoUrl(pack, {}));
    expect(decodePack(params.get('body') as string)).toStrictEqual(pack);
  });
});
