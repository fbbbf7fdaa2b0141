// What email and chat do to a message on its way, as small pure functions for the share tests.

import type { Pack } from '../../../lib/share/pack';

export const lines = (text: string): string[] => text.split('\n');

/** Quotes every line: `> ` by default; empty lines get the bare marker, as mail clients do. */
export function quote(text: string, prefix = '> '): string {
  return lines(text)
    .map((line) => (line === '' || line === '\r' ? prefix.trimEnd() + line : prefix + line))
    .join('\n');
}

export interface WrapOptions {
  /** Split a word longer than the width (else it is left long, past the width). */
  hard?: boolean;
  /** Repeat the line's quote prefix on the continuation lines. */
  requote?: boolean;
}

/** Re-wraps every line longer than `width` at its last space within the width, like a mailer. */
export function wrap(text: string, width: number, opts: WrapOptions = {}): string {
  const out: string[] = [];
  for (const original of lines(text)) {
    const prefix = opts.requote ? (/^[> ]*/.exec(original)?.[0] ?? '') : '';
    const carry = prefix.length < width / 2 ? prefix : '';
    let line = original;
    while (line.length > width) {
      let cut = line.lastIndexOf(' ', width);
      if (cut <= carry.length) cut = -1;
      if (cut > 0) {
        out.push(line.slice(0, cut));
        line = carry + line.slice(cut + 1);
      } else if (opts.hard) {
        out.push(line.slice(0, width));
        line = carry + line.slice(width);
      } else {
        const next = line.indexOf(' ', width);
        if (next < 0) break;
        out.push(line.slice(0, next));
        line = carry + line.slice(next + 1);
      }
    }
    out.push(line);
  }
  return out.join('\n');
}

export const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');

export const indent = (text: string, by = '    '): string =>
  lines(text)
    .map((line) => by + line)
    .join('\n');

/** Every plain space becomes a non-breaking one. */
export const nbsp = (text: string): string => text.replace(/ /g, '\u00a0');

export const forwarded = (text: string): string =>
  [
    'FYI, see below.',
    '',
    '---------- Forwarded message ---------',
    'From: Ana Ruiz <ana@example.com>',
    'Date: Mon, 3 Nov 2026 at 10:00',
    'Subject: Pre-session notes: Roadmap reviews',
    'To: Ben Okafor <ben@example.com>',
    '',
    text,
  ].join('\n');

export const outlookReply = (text: string): string =>
  [
    'Thanks, see you on Monday.',
    '',
    'Ben',
    '',
    '________________________________',
    'From: Ana Ruiz <ana@example.com>',
    'Sent: Monday, November 3, 2026 10:00 AM',
    'To: Ben Okafor <ben@example.com>',
    'Subject: Pre-session notes: Roadmap reviews',
    '',
    indent(text, '  '),
  ].join('\n');

export const gmailReply = (text: string): string =>
  [
    'Got it, thanks!',
    '',
    'On Mon, 3 Nov 2026 at 10:00, Ana <ana@example.com> wrote:',
    '',
    quote(text, '> '),
  ].join('\n');

export const signed = (text: string): string =>
  `${text}\n-- \nAna Ruiz\nProduct Lead, Example Co.\n+1 555 0100\n`;

/** Only the block, from its BEGIN line to its END line. */
export function blockOnly(message: string): string {
  const start = message.indexOf('-----BEGIN MENTOR COMPANION PACK-----');
  const endMarker = '-----END MENTOR COMPANION PACK-----';
  const end = message.indexOf(endMarker);
  if (start < 0 || end < 0) throw new Error('no block in message');
  return message.slice(start, end + endMarker.length);
}

/** The block's header line and payload lines (between the markers), with their offsets. */
export function blockLines(message: string): { header: string; payload: string[]; at: number } {
  const block = blockOnly(message);
  const all = lines(block);
  const header = all[1] ?? '';
  return {
    header,
    payload: all.slice(2, -1),
    at: message.indexOf(block) + (all[0] as string).length + 1,
  };
}

export const BASE: Pack = {
  v: 1,
  kind: 'pre-session',
  from: 'mentee',
  topic: 'Getting better at roadmap reviews',
  notes:
    'Last review went badly: I defended every item instead of listening.\n\nI want to practise saying "I don\'t know yet" and coming back with data.',
  createdAt: '2026-11-02T18:30:00.000Z',
};

export const FULL: Pack = {
  ...BASE,
  mentorship: { id: 'm-7f3c2a', mentorName: 'Ana Ruiz', menteeName: 'Ben Okafor' },
  session: { id: 's-0042', scheduledAt: '2026-11-03T10:00:00Z' },
  questions: ['How do you prepare for a hostile stakeholder?', 'What do you cut first?'],
  actionItems: ['Draft the Q1 roadmap one-pager', 'Ask Sam for last review notes'],
  summary: 'We agreed to focus on listening first.',
};
