// A mentorship, or one session, as Markdown a person keeps in Obsidian or Notion:
//
//   ---                          YAML front matter: who, role, type, cadence, dates
//   # Mentorship with Ana
//   ## Agreement                 the agreed terms, one bullet each
//   ## Goals                     - [ ] / - [x]
//   ## Sessions
//   ### 2025-03-04 09:00         newest first
//   **Topic:** …
//   #### Mentee's notes / Mentor's notes
//   #### Action items            - [ ] / - [x]
//   #### My reflection           only when the caller passes the question labels
//
// Everything the user typed is escaped (`escapeMarkdown`), so a note holding `# `, `- [ ]`, a
// table pipe or a backtick stays text and cannot add a heading, a checkbox or a table; its line
// breaks are kept (as hard line breaks) and its leading spaces too (as character references, so
// four of them do not start a code block). The words around it (`labels`) come from the caller,
// in the user's language; ENGLISH_LABELS is the default for tests. Focus figures are never
// written: they are the user's private data and this text is made to be kept and shared.
//
// Pure: the zone is a parameter; no clock, no browser APIs.

import { wallTimeOf } from '../calendar/zone';
import type {
  Agreement,
  Mentorship,
  MentorshipType,
  Note,
  Reflection,
  Role,
  SessionKind,
  SessionRecord,
} from '../records';

type AgreementField = keyof Agreement;

export interface MarkdownLabels {
  /** The document's title for a mentorship, e.g. `Mentorship with Ana`. */
  title: (otherName: string) => string;
  /** The title of a one-session document, e.g. `Session with Ana`. */
  sessionTitle: (otherName: string) => string;
  agreement: string;
  goals: string;
  sessions: string;
  topic: string;
  actionItems: string;
  reflection: string;
  /** Shown for a session with no time. */
  noDate: string;
  notes: Record<Role, string>;
  fields: Record<AgreementField, string>;
  types: Record<MentorshipType, string>;
  media: Record<NonNullable<Agreement['medium']>, string>;
  kinds: Record<SessionKind, string>;
}

export const ENGLISH_LABELS: MarkdownLabels = {
  title: (name) => `Mentorship with ${name}`,
  sessionTitle: (name) => `Session with ${name}`,
  agreement: 'Agreement',
  goals: 'Goals',
  sessions: 'Sessions',
  topic: 'Topic',
  actionItems: 'Action items',
  reflection: 'My reflection',
  noDate: 'No date',
  notes: { mentee: 'Mentee’s notes', mentor: 'Mentor’s notes' },
  fields: {
    type: 'Type',
    cadenceDays: 'Cadence (days)',
    sessionMinutes: 'Session length (minutes)',
    preparation: 'Preparation',
    responsiveness: 'Responsiveness',
    channels: 'Channels',
    medium: 'Meeting by',
    location: 'Location',
    inScope: 'What we discuss',
    desiredOutcomes: 'Desired outcomes',
    endsOn: 'Ends on',
  },
  types: { 'ad-hoc': 'Ad hoc', 'goal-oriented': 'Goal-oriented', 'time-framed': 'Time-framed' },
  media: { video: 'Video', 'face-to-face': 'Face to face' },
  kinds: { regular: 'Session', first: 'First session', last: 'Last session' },
};

export interface MarkdownOptions {
  /** The user's IANA zone, for dates and times. */
  timeZone: string;
  labels?: MarkdownLabels;
  /**
   * Include the user's own reflection answers, labelled by question id in the user's language
   * (in the order given); left out when absent.
   */
  reflectionLabels?: Readonly<Record<string, string>>;
}

export interface MentorshipRecords {
  mentorship: Mentorship;
  sessions: readonly SessionRecord[];
  notes: readonly Note[];
  reflections: readonly Reflection[];
}

// ---------------------------------------------------------------------------------------------
// Escaping

/**
 * ASCII punctuation that means something in CommonMark, GitHub's tables and strikethrough, or
 * Obsidian (`#tag`, `==highlight==`, `%%comment%%`, `$math$`, `^block-id`, `[[link]]`). Any
 * ASCII punctuation may be backslash-escaped, so escaping more than needed is harmless.
 */
const SIGNIFICANT = /[\\`*_[\]<>#|~$=%^&]/g;

/** One line of user text as Markdown inline text (no line breaks in `line`). */
function escapeLine(line: string): string {
  const lead = /^[ \t]*/.exec(line)?.[0] ?? '';
  let rest = line.slice(lead.length).replace(SIGNIFICANT, (c) => `\\${c}`);
  // What only means something at the start of a line: a list item, a setext underline, an
  // ordered list's `1.` or `1)`.
  rest = rest.replace(/^([-+])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  const refs = lead.replace(/[ \t]/g, (c) => (c === ' ' ? '&#32;' : '&#9;'));
  return refs + rest;
}

/**
 * User text as Markdown: escaped, line breaks kept. A line followed by another ends in a hard
 * line break (`\`); an empty line stays a paragraph break. Lines after the first are indented
 * by `indent` spaces, to stay inside a list item.
 */
export function escapeMarkdown(text: string, indent = 0): string {
  const lines = text.replace(/\r\n|\r/g, '\n').split('\n');
  const pad = ' '.repeat(indent);
  return lines
    .map((line, i) => {
      if (line === '') return '';
      const next = lines[i + 1];
      const body = escapeLine(line) + (next !== undefined && next !== '' ? '\\' : '');
      return i === 0 ? body : pad + body;
    })
    .join('\n');
}

/** A YAML scalar: a JSON string is valid YAML, with the line separators YAML 1.1 breaks on. */
const yamlString = (s: string) =>
  JSON.stringify(s)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

// ---------------------------------------------------------------------------------------------
// Pieces

const pad2 = (n: number) => String(n).padStart(2, '0');

function dateOf(at: number, zone: string): string {
  const w = wallTimeOf(zone, at);
  return `${String(w.year).padStart(4, '0')}-${pad2(w.month)}-${pad2(w.day)}`;
}

function dateTimeOf(at: number, zone: string): string {
  const w = wallTimeOf(zone, at);
  return `${dateOf(at, zone)} ${pad2(w.hour)}:${pad2(w.minute)}`;
}

/** When a session is, for its heading and its place in the list. */
const sessionTime = (s: SessionRecord) => s.scheduledAt ?? s.startedAt ?? s.endedAt;

const checkbox = (text: string, done: boolean) =>
  `- [${done ? 'x' : ' '}] ${escapeMarkdown(text, 2)}`;

/** Front-matter keys whose values are codes of ours (`mentee`), written bare. */
const CODE_KEYS = new Set(['role', 'type', 'kind']);
/** A date goes bare too, so Obsidian shows it as a date; `endsOn` was checked when stored. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function frontMatter(fields: [string, string | number | undefined][]): string[] {
  const lines = fields
    .filter((f): f is [string, string | number] => f[1] !== undefined)
    .map(([k, v]) => {
      const bare = typeof v === 'number' || CODE_KEYS.has(k) || ISO_DATE.test(v);
      return `${k}: ${bare ? v : yamlString(v)}`;
    });
  return ['---', ...lines, '---', ''];
}

function agreementLines(a: Agreement, labels: MarkdownLabels): string[] {
  const item = (field: AgreementField, value: string | undefined) =>
    value === undefined || value.trim() === ''
      ? []
      : [`- **${escapeMarkdown(labels.fields[field])}:** ${escapeMarkdown(value, 2)}`];
  return [
    ...item('type', labels.types[a.type]),
    ...item('cadenceDays', String(a.cadenceDays)),
    ...item('sessionMinutes', String(a.sessionMinutes)),
    ...item('medium', a.medium ? labels.media[a.medium] : undefined),
    ...item('location', a.location),
    ...item('preparation', a.preparation),
    ...item('responsiveness', a.responsiveness),
    ...item('channels', a.channels),
    ...item('inScope', a.inScope),
    ...item('desiredOutcomes', a.desiredOutcomes),
    ...item('endsOn', a.endsOn),
  ];
}

function reflectionLines(r: Reflection, questions: Readonly<Record<string, string>>): string[] {
  const ids = [
    ...Object.keys(questions).filter((id) => id in r.answers),
    ...Object.keys(r.answers).filter((id) => !(id in questions)),
  ];
  return ids.flatMap((id) => {
    const answer = r.answers[id];
    const note = answer?.note?.trim() ? answer.note : undefined;
    if (!answer || (answer.score === undefined && note === undefined)) return [];
    const parts = [
      answer.score !== undefined ? `${answer.score}/5` : '',
      note ? escapeMarkdown(note, 2) : '',
    ]
      .filter(Boolean)
      .join(' — ');
    return [`- **${escapeMarkdown(questions[id] ?? id)}** ${parts}`];
  });
}

function sessionLines(
  s: SessionRecord,
  records: Omit<MentorshipRecords, 'sessions'>,
  opts: MarkdownOptions,
  depth: number,
): string[] {
  const labels = opts.labels ?? ENGLISH_LABELS;
  const h = (n: number, text: string) => `${'#'.repeat(n)} ${escapeMarkdown(text)}`;
  const at = sessionTime(s);
  const when = at === undefined ? labels.noDate : dateTimeOf(at, opts.timeZone);
  const kind = s.kind === 'regular' ? '' : ` · ${labels.kinds[s.kind]}`;
  const out = [h(depth, `${when}${kind}`), ''];
  if (s.topic?.text.trim()) {
    out.push(`**${escapeMarkdown(labels.topic)}:** ${escapeMarkdown(s.topic.text)}`, '');
  }
  for (const role of ['mentee', 'mentor'] as const) {
    const texts = records.notes
      .filter((n) => n.sessionId === s.id && n.author === role && n.text.trim() !== '')
      .sort((a, b) => a.updatedAt - b.updatedAt);
    if (texts.length === 0) continue;
    out.push(h(depth + 1, labels.notes[role]), '');
    for (const n of texts) out.push(escapeMarkdown(n.text), '');
  }
  if (s.actionItems.length > 0) {
    out.push(h(depth + 1, labels.actionItems), '');
    out.push(...s.actionItems.map((a) => checkbox(a.text, a.doneAt !== undefined)), '');
  }
  const myRole = records.mentorship.myRole;
  const mine = records.reflections.find((r) => r.sessionId === s.id && r.role === myRole);
  if (opts.reflectionLabels && mine) {
    const lines = reflectionLines(mine, opts.reflectionLabels);
    if (lines.length > 0) out.push(h(depth + 1, labels.reflection), '', ...lines, '');
  }
  return out;
}

function finish(lines: string[]): string {
  while (lines.at(-1) === '') lines.pop();
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Documents

/** The whole mentorship, sessions newest first. */
export function mentorshipMarkdown(records: MentorshipRecords, opts: MarkdownOptions): string {
  const labels = opts.labels ?? ENGLISH_LABELS;
  const { mentorship: m } = records;
  const sessions = records.sessions
    .filter((s) => s.mentorshipId === m.id)
    .sort((a, b) => (sessionTime(b) ?? -Infinity) - (sessionTime(a) ?? -Infinity));
  const times = sessions.map(sessionTime).filter((t): t is number => t !== undefined);
  const zone = opts.timeZone;
  const lines = frontMatter([
    ['with', m.otherName],
    ['role', m.myRole],
    ['type', m.agreement.type],
    ['cadence_days', m.agreement.cadenceDays],
    ['session_minutes', m.agreement.sessionMinutes],
    ['started', dateOf(m.createdAt, zone)],
    ['ends', m.agreement.endsOn],
    ['first_session', times.length ? dateOf(Math.min(...times), zone) : undefined],
    ['last_session', times.length ? dateOf(Math.max(...times), zone) : undefined],
    ['sessions', sessions.length],
  ]);
  lines.push(`# ${escapeMarkdown(labels.title(m.otherName))}`, '');
  lines.push(
    `## ${escapeMarkdown(labels.agreement)}`,
    '',
    ...agreementLines(m.agreement, labels),
    '',
  );
  if (m.goals.length > 0) {
    lines.push(`## ${escapeMarkdown(labels.goals)}`, '');
    lines.push(...m.goals.map((g) => checkbox(g.text, g.doneAt !== undefined)), '');
  }
  if (sessions.length > 0) {
    lines.push(`## ${escapeMarkdown(labels.sessions)}`, '');
    for (const s of sessions) lines.push(...sessionLines(s, records, opts, 3));
  }
  return finish(lines);
}

/** One session on its own, for a note of that day. */
export function sessionMarkdown(
  records: Omit<MentorshipRecords, 'sessions'> & { session: SessionRecord },
  opts: MarkdownOptions,
): string {
  const labels = opts.labels ?? ENGLISH_LABELS;
  const { mentorship: m, session: s } = records;
  const at = sessionTime(s);
  const lines = frontMatter([
    ['with', m.otherName],
    ['role', m.myRole],
    ['kind', s.kind],
    ['date', at === undefined ? undefined : dateOf(at, opts.timeZone)],
  ]);
  lines.push(`# ${escapeMarkdown(labels.sessionTitle(m.otherName))}`, '');
  lines.push(...sessionLines(s, records, opts, 2));
  return finish(lines);
}
