// A mentorship as Markdown: every goal and action item a checkbox in its state, sessions newest
// first, user text that cannot break the structure and reads back as typed, the reflection only
// when asked for, and never a focus figure.
import { describe, expect, it } from 'vitest';
import {
  ENGLISH_LABELS,
  escapeMarkdown,
  type MarkdownLabels,
  type MentorshipRecords,
  mentorshipMarkdown,
  sessionMarkdown,
} from '../../../lib/export/markdown';
import type { ActionItem, Mentorship, Note, Reflection, SessionRecord } from '../../../lib/records';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);

/** CommonMark read back: backslash escapes of ASCII punctuation and numeric references. */
function unescapeInline(s: string): string {
  return s.replace(
    /\\([!-/:-@[-`{-~])|&#(\d+);/g,
    (_m, p: string | undefined, d: string | undefined) => p ?? String.fromCodePoint(Number(d)),
  );
}

/** The text `escapeMarkdown(text, indent)` stands for: hard breaks and indentation undone. */
function readBack(md: string, indent = 0): string {
  return md
    .split('\n')
    .map((line, i) => {
      let l = i === 0 ? line : line.slice(indent);
      // A hard break is one backslash more than the (always doubled) escaped ones.
      const trailing = /\\*$/.exec(l)?.[0].length ?? 0;
      if (trailing % 2 === 1) l = l.slice(0, -1);
      return unescapeInline(l);
    })
    .join('\n');
}

const TRICKY = [
  '# Not a heading, #not-a-tag',
  '* not a list, **not bold**, _not italic_',
  '- [ ] not a checkbox',
  '[x] nor this, [[not a wiki link]] and [a](link)',
  '| not | a | table |',
  '`not code` and ```',
  '    four spaces, not a code block',
  '> not a quote',
  '1. not an ordered list',
  '---',
  '==not highlighted== %%not a comment%% $not math$ ^not-a-block',
  '<b>not html</b> &amp; not an entity \\ backslash\\',
  'שלום! מה שלומך? (עברית) 🙂',
  '',
  'A second paragraph after an empty line.',
].join('\n');

function item(id: string, text: string, done: boolean): ActionItem {
  return { id, text, createdAt: 0, ...(done ? { doneAt: 1 } : {}) };
}

const mentorship: Mentorship = {
  id: 'm1',
  otherName: 'Ana "the mentor" Lima',
  myRole: 'mentee',
  meetingLink: 'https://meet.google.com/abc-defg-hij',
  agreement: {
    type: 'time-framed',
    cadenceDays: 14,
    sessionMinutes: 45,
    medium: 'video',
    preparation: 'Send thoughts the day before.\nKeep it short | one page',
    desiredOutcomes: 'A promotion case #1',
    endsOn: '2026-06-30',
  },
  goals: [
    { id: 'g1', text: 'Run a discovery interview', createdAt: 0, doneAt: 5 },
    { id: 'g2', text: 'Write a *strategy* [draft]', createdAt: 0 },
  ],
  createdAt: utc(2026, 1, 5, 10),
};

function session(id: string, at: number, extra: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id,
    mentorshipId: 'm1',
    kind: 'regular',
    status: 'reflected',
    scheduledAt: at,
    actionItems: [],
    ...extra,
  };
}

const sessions: SessionRecord[] = [
  session('s1', utc(2026, 1, 12, 9), {
    kind: 'first',
    topic: { text: 'Goals and `ways` of working', by: 'mentee', at: 0, history: [] },
    actionItems: [item('a1', 'Draft three goals', true), item('a2', 'Book the next session', true)],
    focus: { awayMs: 123_457, count: 9, longestMs: 98_765, presentShare: 0.8765 },
  }),
  session('s3', utc(2026, 2, 9, 9), {
    status: 'ended',
    topic: { text: TRICKY, by: 'mentee', at: 0, history: [] },
    actionItems: [item('a5', TRICKY, false), item('a6', '- [x] already done?', false)],
  }),
  session('s2', utc(2026, 1, 26, 9), {
    topic: { text: 'Interview practice', by: 'mentor', at: 0, history: [] },
    actionItems: [
      item('a3', 'Interview two users', true),
      item('a4', 'Summarise | findings', false),
    ],
  }),
];

const notes: Note[] = [
  {
    id: 'n1',
    sessionId: 's3',
    mentorshipId: 'm1',
    kind: 'pre-session',
    author: 'mentee',
    text: TRICKY,
    updatedAt: 1,
  },
  {
    id: 'n2',
    sessionId: 's3',
    mentorshipId: 'm1',
    kind: 'pre-session',
    author: 'mentor',
    text: 'Mentor side: *read* this',
    updatedAt: 2,
  },
  {
    id: 'n3',
    sessionId: 's2',
    mentorshipId: 'm1',
    kind: 'pre-session',
    author: 'mentee',
    text: 'Short note',
    updatedAt: 1,
  },
];

const reflections: Reflection[] = [
  {
    id: 's3:mentee',
    sessionId: 's3',
    role: 'mentee',
    catalogueVersion: 2,
    answers: {
      'mentee.satisfied': { score: 4, note: 'Mostly; #1 was *great*' },
      'mentee.valuable': { score: 5 },
    },
    complete: true,
    updatedAt: 3,
  },
  {
    id: 's3:mentor',
    sessionId: 's3',
    role: 'mentor',
    catalogueVersion: 2,
    answers: { 'mentor.listened': { score: 2, note: 'the other side’s private answer' } },
    complete: true,
    updatedAt: 3,
  },
];

const records: MentorshipRecords = { mentorship, sessions, notes, reflections };
const opts = { timeZone: 'Europe/Berlin' };

describe('escapeMarkdown', () => {
  it.each([
    ['plain', 'Just words.'],
    ['the tricky note', TRICKY],
    ['Windows line ends', 'one\r\ntwo\r\n\r\nthree'],
    ['a trailing backslash', 'ends with \\'],
    ['tabs and spaces first', '\t  indented\n  also'],
  ])('reads back %s as typed', (_what, text) => {
    for (const indent of [0, 2]) {
      expect(readBack(escapeMarkdown(text, indent), indent)).toBe(text.replace(/\r\n/g, '\n'));
    }
  });

  it('starts no block: every line is paragraph text', () => {
    for (const line of escapeMarkdown(TRICKY).split('\n')) {
      if (line === '') continue;
      expect(line).not.toMatch(/^(#{1,6}\s|[-*+]\s|>|\||\d+[.)]\s| {4}|`{3}|-{3}|={3})/);
    }
  });
});

describe('a mentorship with three sessions', () => {
  const md = mentorshipMarkdown(records, opts);
  const lines = md.split('\n');

  it('holds every goal and action item as a checkbox in its state, and no other', () => {
    const boxes = lines.filter((l) => /^- \[[ x]\] /.test(l));
    const expected = [
      ...mentorship.goals.map(
        (g) => `- [${g.doneAt ? 'x' : ' '}] ${escapeMarkdown(g.text, 2).split('\n')[0]}`,
      ),
      ...[sessions[1], sessions[2], sessions[0]].flatMap((s) =>
        (s as SessionRecord).actionItems.map(
          (a) => `- [${a.doneAt ? 'x' : ' '}] ${escapeMarkdown(a.text, 2).split('\n')[0]}`,
        ),
      ),
    ];
    expect(boxes).toEqual(expected);
    expect(boxes).toHaveLength(8);
  });

  it('lists the sessions newest first, with their date and local time', () => {
    const headings = lines.filter((l) => /^#{1,6} /.test(l));
    expect(headings).toEqual([
      `# Mentorship with Ana "the mentor" Lima`,
      '## Agreement',
      '## Goals',
      '## Sessions',
      '### 2026-02-09 10:00',
      '#### Mentee’s notes',
      '#### Mentor’s notes',
      '#### Action items',
      '### 2026-01-26 10:00',
      '#### Mentee’s notes',
      '#### Action items',
      '### 2026-01-12 10:00 · First session',
      '#### Action items',
    ]);
  });

  it('starts with front matter a YAML reader takes', () => {
    const end = lines.indexOf('---', 1);
    expect(lines[0]).toBe('---');
    // Quoted values are JSON strings (valid YAML); the rest are numbers, codes and dates.
    const fields = Object.fromEntries(
      lines.slice(1, end).map((l) => {
        const i = l.indexOf(': ');
        const v = l.slice(i + 2);
        return [l.slice(0, i), /^["\d]/.test(v) && !/^\d{4}-/.test(v) ? JSON.parse(v) : v];
      }),
    );
    expect(fields).toEqual({
      with: 'Ana "the mentor" Lima',
      role: 'mentee',
      type: 'time-framed',
      cadence_days: 14,
      session_minutes: 45,
      started: '2026-01-05',
      ends: '2026-06-30',
      first_session: '2026-01-12',
      last_session: '2026-02-09',
      sessions: 3,
    });
  });

  it('writes the agreement', () => {
    expect(md).toContain('- **Type:** Time-framed\n');
    expect(md).toContain('- **Cadence (days):** 14\n');
    expect(md).toContain('- **Meeting by:** Video\n');
    expect(md).toContain(
      '- **Preparation:** Send thoughts the day before.\\\n  Keep it short \\| one page\n',
    );
    expect(md).toContain('- **Desired outcomes:** A promotion case \\#1\n');
  });

  it('keeps the user’s text, round trip, in the topic, both sides’ notes and an action item', () => {
    const topic = `**Topic:** ${escapeMarkdown(TRICKY)}`;
    expect(md).toContain(topic);
    expect(readBack(escapeMarkdown(TRICKY))).toBe(TRICKY);
    expect(md).toContain(`#### Mentee’s notes\n\n${escapeMarkdown(TRICKY)}\n\n#### Mentor’s notes`);
    expect(md).toContain('Mentor side: \\*read\\* this');
    expect(md).toContain(`- [ ] ${escapeMarkdown(TRICKY, 2)}\n`);
    expect(md).toContain('שלום! מה שלומך? (עברית) 🙂');
    // The user's 14 lines stay 14 lines (one blank).
    const block = md.split('#### Mentee’s notes\n\n')[1]?.split('\n\n#### Mentor’s notes')[0] ?? '';
    expect(block.split('\n')).toHaveLength(TRICKY.split('\n').length);
    expect(readBack(block)).toBe(TRICKY);
  });

  it('leaves the reflection out unless asked, and never writes focus figures', () => {
    expect(md).not.toContain('My reflection');
    expect(md).not.toContain('Mostly');
    const withReflection = mentorshipMarkdown(records, {
      ...opts,
      reflectionLabels: {
        'mentee.satisfied': 'Was I satisfied?',
        'mentee.valuable': 'Was it valuable?',
      },
    });
    expect(withReflection).toContain(
      '#### My reflection\n\n- **Was I satisfied?** 4/5 — Mostly; \\#1 was \\*great\\*\n- **Was it valuable?** 5/5\n',
    );
    // Only the user's own: the other role's reflection is not theirs to publish.
    expect(withReflection).not.toContain('private answer');
    for (const text of [md, withReflection]) {
      for (const figure of ['123457', '123', '98765', '0.8765', '87'])
        expect(text).not.toContain(figure);
    }
  });

  it('uses the labels it is given', () => {
    const de: MarkdownLabels = {
      ...ENGLISH_LABELS,
      title: (n) => `Mentoring mit ${n}`,
      agreement: 'Vereinbarung',
      goals: 'Ziele',
      sessions: 'Sitzungen',
      actionItems: 'Aufgaben',
      notes: { mentee: 'Notizen der Mentee', mentor: 'Notizen des Mentors' },
    };
    const german = mentorshipMarkdown(records, { ...opts, labels: de });
    for (const h of [
      '# Mentoring mit Ana',
      '## Vereinbarung',
      '## Ziele',
      '## Sitzungen',
      '#### Aufgaben',
    ]) {
      expect(german).toContain(`\n${h}`);
    }
    expect(german).not.toContain('## Goals');
  });
});

describe('one session', () => {
  it('has its own title, date, notes and action items', () => {
    const md = sessionMarkdown(
      { mentorship, session: sessions[2] as SessionRecord, notes, reflections },
      { timeZone: 'America/New_York' },
    );
    expect(md).toBe(
      [
        '---',
        'with: "Ana \\"the mentor\\" Lima"',
        'role: mentee',
        'kind: regular',
        'date: 2026-01-26',
        '---',
        '',
        '# Session with Ana "the mentor" Lima',
        '',
        '## 2026-01-26 04:00',
        '',
        '**Topic:** Interview practice',
        '',
        '### Mentee’s notes',
        '',
        'Short note',
        '',
        '### Action items',
        '',
        '- [x] Interview two users',
        '- [ ] Summarise \\| findings',
        '',
      ].join('\n'),
    );
  });
});
