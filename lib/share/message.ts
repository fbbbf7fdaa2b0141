// Share packs: what mentor and mentee send each other by email or chat (there is no server).
//
// `encodePack` turns a pack into a whole message: readable sections for the person, a one-line
// hint, then the block (lib/share/block.ts) that survives email. `decodePack` finds the block in
// whatever was pasted and returns the pack, or throws a UserError (`pack-*`) that the page shows
// as one sentence. The format is described for other tools in docs/share-format.md.
//
// Pure: no clock, no browser APIs beyond TextEncoder/TextDecoder.

import { UserError } from '../errors';
import { buildBlock, defuseMarkers, MAX_INPUT_CHARS, readBlock } from './block';
import { type Pack, type PackFrom, type PackKind, validatePack } from './pack';

/**
 * The words of the readable part of a message. It is written in English, whatever the sender's
 * language: the pack is read by the block, and the readable part is for the other person.
 */
export const MESSAGE_TEXT = {
  kindTitle: {
    'pre-session': 'Pre-session notes',
    topic: 'Proposed topic',
    summary: 'Session summary',
  } satisfies Record<PackKind, string>,
  role: { mentor: 'mentor', mentee: 'mentee' } satisfies Record<PackFrom, string>,
  /** `packSubject`: "Pre-session notes: <topic>". */
  subject: (kindTitle: string, topic: string): string =>
    topic ? `${kindTitle}: ${topic}` : kindTitle,
  /** First line of the message: "Pre-session notes from Ben (mentee) to Ana (mentor)". */
  titleLine: (kindTitle: string, from: string, to?: string): string =>
    to ? `${kindTitle} from ${from} to ${to}` : `${kindTitle} from ${from}`,
  namedPerson: (name: string, role: string): string => `${name} (${role})`,
  unnamedPerson: (role: string): string => `the ${role}`,
  sessionLine: (when: string): string => `Session: ${when}`,
  headings: {
    topic: 'Topic:',
    summary: 'Summary:',
    notes: 'Notes:',
    questions: 'Questions:',
    actionItems: 'Action items:',
  },
  pasteHint: 'Paste this whole message into Mentor Companion to import it.',
} as const;

const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text without lone surrogates (a mailto URL could not carry one): each becomes U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE_RE, '\uFFFD');
}

/** Text for people: LF line breaks, and no lone surrogate. */
function humanText(text: string): string {
  return wellFormed(text.replace(/\r\n?/g, '\n'));
}

// Bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): in a name they
// could turn the title line around ("…from Ana (mentor)" read as something else), so the
// one-line texts drop them; the payload keeps the text as it was typed.
const BIDI_CONTROL_RE = /[\u202a-\u202e\u2066-\u2069]/g;

/** Whitespace collapsed to single spaces, bidi controls dropped, cut to `max` code points. */
function oneLine(text: string, max: number): string {
  const flat = humanText(text).replace(BIDI_CONTROL_RE, '').replace(/\s+/g, ' ').trim();
  const points = Array.from(flat);
  return points.length > max
    ? `${points
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`
    : flat;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A pack's time as the sender's clock showed it, with its offset: "Tue 3 Dec 2026, 10:00
 * (UTC+02:00)". The readable part is English (see MESSAGE_TEXT), so the words are too; the
 * reader's own zone is for the popup, which reads the exact time from the block.
 */
export function formatWhen(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(
    iso,
  );
  if (!m) return iso;
  const [, y, mo, d, hm, zone] = m;
  // The calendar day of the written date, not of the instant: that is the sender's day.
  const weekday = WEEKDAYS[new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDay()];
  const month = MONTHS[Number(mo) - 1];
  const offset = zone === 'Z' ? 'UTC' : `UTC${zone}`;
  return `${weekday} ${Number(d)} ${month} ${y}, ${hm} (${offset})`;
}

function person(role: PackFrom, name: string | undefined): string {
  const r = MESSAGE_TEXT.role[role];
  const n = name === undefined ? '' : oneLine(name, 60);
  return n ? MESSAGE_TEXT.namedPerson(n, r) : MESSAGE_TEXT.unnamedPerson(r);
}

function nameOf(pack: Pack, role: PackFrom): string | undefined {
  return role === 'mentor' ? pack.mentorship?.mentorName : pack.mentorship?.menteeName;
}

function bulletList(items: readonly string[]): string {
  return items.map((item) => `- ${humanText(item).split('\n').join('\n  ')}`).join('\n');
}

function readablePart(pack: Pack): string {
  const t = MESSAGE_TEXT;
  const other: PackFrom = pack.from === 'mentor' ? 'mentee' : 'mentor';
  const otherName = nameOf(pack, other);
  const head = [
    t.titleLine(
      t.kindTitle[pack.kind],
      person(pack.from, nameOf(pack, pack.from)),
      otherName?.trim() ? person(other, otherName) : undefined,
    ),
  ];
  if (pack.session?.scheduledAt) head.push(t.sessionLine(formatWhen(pack.session.scheduledAt)));
  const sections = [head.join('\n')];
  const section = (heading: string, body: string) => {
    if (body.trim()) sections.push(`${heading}\n${body}`);
  };
  section(t.headings.topic, humanText(pack.topic));
  section(t.headings.summary, humanText(pack.summary ?? ''));
  section(t.headings.notes, humanText(pack.notes));
  section(t.headings.questions, bulletList(pack.questions ?? []));
  section(t.headings.actionItems, bulletList(pack.actionItems ?? []));
  sections.push(t.pasteHint);
  return defuseMarkers(sections.join('\n\n'));
}

/**
 * The whole message to send: readable sections, the paste hint, then the block. Lines end in
 * LF. Throws a UserError when the pack is not valid (`pack-invalid`) or the message would be
 * too long to import (`pack-too-long-to-share`).
 */
export function encodePack(pack: Pack): string {
  const valid = validatePack(pack);
  const message = `${readablePart(valid)}\n\n${buildBlock(JSON.stringify(valid))}\n`;
  if (message.length > MAX_INPUT_CHARS) throw new UserError('pack-too-long-to-share');
  return message;
}

/**
 * The pack in `text` (a whole message, a reply thread, or just the block): the first complete
 * block, checked. Throws a UserError (`pack-*`).
 */
export function decodePack(text: string): Pack {
  return validatePack(readBlock(text));
}

/** A subject line for the pack, e.g. "Pre-session notes: Roadmap reviews". */
export function packSubject(pack: Pack): string {
  return MESSAGE_TEXT.subject(MESSAGE_TEXT.kindTitle[pack.kind], oneLine(pack.topic, 80));
}
