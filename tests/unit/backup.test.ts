import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  BACKUP_TEXT,
  BACKUP_VERSION,
  type BackupData,
  BackupError,
  checkBackupData,
  exportBackup,
  MAX_BACKUP_CHARS,
  parseBackup,
  planRestore,
  restoreChangesSomething,
} from '../../lib/backup';
import { crc32Hex } from '../../lib/crc32';

const NOW = Date.UTC(2026, 2, 10, 9, 0);

function sampleData(): BackupData {
  return {
    mentorships: [
      {
        id: 'm1',
        otherName: 'Ana',
        myRole: 'mentee',
        meetingLink: 'https://meet.google.com/abc-defg-hij',
        agreement: {
          type: 'time-framed',
          cadenceDays: 14,
          sessionMinutes: 45,
          preparation: 'Send thoughts the day before',
          medium: 'video',
          endsOn: '2026-06-30',
        },
        goals: [
          { id: 'g1', text: 'Lead a discovery sprint', createdAt: NOW - 1000 },
          { id: 'g2', text: 'Write a PRD', createdAt: NOW - 900, doneAt: NOW - 10 },
        ],
        createdAt: NOW - 10_000,
        pairId: 'pair-1',
      },
      {
        id: 'm2',
        otherName: 'Zoë «Ω» 李',
        myRole: 'mentor',
        agreement: { type: 'ad-hoc', cadenceDays: 7, sessionMinutes: 30 },
        goals: [],
        createdAt: NOW - 5_000,
      },
    ],
    sessions: [
      {
        id: 's1',
        mentorshipId: 'm1',
        kind: 'first',
        status: 'reflected',
        scheduledAt: NOW - 86_400_000,
        platform: 'meet',
        meetingKey: 'meet:abc-defg-hij',
        startedAt: NOW - 86_400_000,
        endedAt: NOW - 86_400_000 + 2_700_000,
        topic: {
          text: 'Goals',
          by: 'mentor',
          at: NOW - 90_000_000,
          history: [{ text: 'Intro', by: 'mentee', at: NOW - 95_000_000 }],
        },
        actionItems: [
          { id: 'a1', text: 'Read the book', createdAt: NOW - 86_000_000, doneAt: NOW - 1 },
          { id: 'a2', text: 'Draft a plan', createdAt: NOW - 86_000_000 },
        ],
        focus: { awayMs: 60_000, count: 2, longestMs: 40_000, presentShare: 0.97 },
      },
      {
        id: 's2',
        mentorshipId: null,
        adHoc: true,
        kind: 'regular',
        status: 'ended',
        startedAt: NOW - 3_600_000,
        endedAt: NOW - 1_800_000,
        actionItems: [],
        reflectionDismissed: true,
      },
      { id: 's3', mentorshipId: 'm1', kind: 'regular', status: 'scheduled', actionItems: [] },
    ],
    notes: [
      {
        id: 's1:pre:mentee',
        sessionId: 's1',
        mentorshipId: 'm1',
        kind: 'pre-session',
        author: 'mentee',
        text: 'Line one\nLine two <b>not html</b>',
        updatedAt: NOW - 90_000_000,
      },
    ],
    reflections: [
      {
        id: 's1:mentee',
        sessionId: 's1',
        role: 'mentee',
        catalogueVersion: 2,
        answers: { 'mentee.satisfied': { score: 4 }, 'session.raise-next': { note: 'Budget' } },
        complete: true,
        updatedAt: NOW - 80_000_000,
      },
    ],
  };
}

/** A file envelope with a correct checksum around any data, to reach the record checks. */
function envelope(data: unknown, extra: Record<string, unknown> = {}): string {
  const checksum = `crc32:${crc32Hex(new TextEncoder().encode(JSON.stringify(data)))}`;
  return JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(NOW).toISOString(),
    checksum,
    data,
    ...extra,
  });
}

function refusal(text: string): BackupError {
  try {
    parseBackup(text);
  } catch (error) {
    expect(error).toBeInstanceOf(BackupError);
    return error as BackupError;
  }
  throw new Error('parseBackup accepted it');
}

function oneSentence(message: string) {
  expect(message).toMatch(/^[A-Z].*\.$/s);
  expect(message.split(/\.\s+[A-Z]/).length).toBe(1);
}

describe('exportBackup and parseBackup', () => {
  it('round-trips every record exactly', () => {
    const data = sampleData();
    const text = exportBackup(data, NOW);
    expect(parseBackup(text)).toEqual(data);
  });

  it('round-trips an empty database', () => {
    const empty: BackupData = { mentorships: [], sessions: [], notes: [], reflections: [] };
    expect(parseBackup(exportBackup(empty, NOW))).toEqual(empty);
  });

  it('writes a named, versioned, dated envelope with a checksum', () => {
    const file = JSON.parse(exportBackup(sampleData(), NOW));
    expect(file.format).toBe(BACKUP_FORMAT);
    expect(file.version).toBe(BACKUP_VERSION);
    expect(file.exportedAt).toBe('2026-03-10T09:00:00.000Z');
    expect(file.checksum).toMatch(/^crc32:[0-9a-f]{8}$/);
  });

  it('reads a file re-indented, with CRLF and a byte-order mark', () => {
    const text = exportBackup(sampleData(), NOW);
    const reformatted = `\uFEFF${JSON.stringify(JSON.parse(text), null, 4).replace(/\n/g, '\r\n')}`;
    expect(parseBackup(reformatted)).toEqual(sampleData());
  });

  it('drops fields that are undefined rather than writing them', () => {
    const data = sampleData();
    (data.sessions[2] as { scheduledAt?: number }).scheduledAt = undefined;
    expect(exportBackup(data, NOW)).not.toContain('scheduledAt": null');
    expect(parseBackup(exportBackup(data, NOW)).sessions[2]).not.toHaveProperty('scheduledAt');
  });

  it('refuses to export a record that could not be read back', () => {
    const data = sampleData();
    (data.reflections[0] as { answers: Record<string, { score: number }> }).answers.x = {
      score: 9,
    };
    expect(() => exportBackup(data, NOW)).toThrow(BackupError);
  });
});

describe('parseBackup refuses bad files with one sentence', () => {
  const good = () => exportBackup(sampleData(), NOW);

  it.each([
    ['plain text', 'Dear Ana, here are my notes.', 'foreign', BACKUP_TEXT.foreign],
    ['an empty file', '', 'foreign', BACKUP_TEXT.foreign],
    ['a JSON array', '[1,2,3]', 'foreign', BACKUP_TEXT.foreign],
    [
      'another JSON file',
      '{"name":"some-package","version":"1.0.0"}',
      'foreign',
      BACKUP_TEXT.foreign,
    ],
    ['a share pack', '-----BEGIN MENTOR COMPANION PACK-----', 'foreign', BACKUP_TEXT.foreign],
    ['garbled JSON of no format', '{"a": [1, 2', 'foreign', BACKUP_TEXT.foreign],
    ['a cut-off backup', good().slice(0, 300), 'damaged', BACKUP_TEXT.damaged],
    [
      'a backup with a stray comma',
      good().replace('"version": 1,', '"version": 1,,'),
      'damaged',
      BACKUP_TEXT.damaged,
    ],
    [
      'a newer version',
      good().replace('"version": 1,', '"version": 2,'),
      'newer-version',
      BACKUP_TEXT.newer,
    ],
    [
      'a version that is not a number',
      good().replace('"version": 1,', '"version": "1",'),
      'foreign',
      BACKUP_TEXT.foreign,
    ],
    ['version 0', good().replace('"version": 1,', '"version": 0,'), 'foreign', BACKUP_TEXT.foreign],
    ['an edited value', good().replace('"Ana"', '"Anna"'), 'checksum', BACKUP_TEXT.checksum],
    [
      'a missing checksum',
      good().replace(/"checksum": "[^"]*",/, ''),
      'checksum',
      BACKUP_TEXT.checksum,
    ],
  ])('%s', (_name, text, code, message) => {
    const error = refusal(text);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    oneSentence(error.message);
  });

  it('refuses a file larger than any backup', () => {
    const error = refusal(' '.repeat(MAX_BACKUP_CHARS + 1));
    expect(error.code).toBe('too-large');
    oneSentence(error.message);
  });

  const DELETE = Symbol('delete');
  /** Sets (or deletes) the value at a path of keys and indexes inside the data. */
  function setAt(root: unknown, path: (string | number)[], value: unknown) {
    const parent = path
      .slice(0, -1)
      .reduce<Record<string | number, unknown>>(
        (o, k) => o[k] as Record<string | number, unknown>,
        root as Record<string | number, unknown>,
      );
    const key = path.at(-1) as string | number;
    if (value === DELETE) delete parent[key];
    else parent[key] = value;
  }
  const bad = (what: string, problem: string) =>
    `${what} in this backup is not valid (${problem}), so nothing was restored.`;
  const records: [string, (string | number)[], unknown, string][] = [
    [
      'a mentorship without a name',
      ['mentorships', 0, 'otherName'],
      '  ',
      bad('Mentorship 1', 'otherName must not be empty'),
    ],
    [
      'a role that is not one',
      ['mentorships', 1, 'myRole'],
      'boss',
      bad('Mentorship 2', 'myRole must be one of mentor, mentee'),
    ],
    [
      'a cadence of 0 days',
      ['mentorships', 0, 'agreement', 'cadenceDays'],
      0,
      bad('Mentorship 1', 'cadenceDays must be a whole number from 1 to 365'),
    ],
    [
      'an impossible end date',
      ['mentorships', 0, 'agreement', 'endsOn'],
      '2026-02-30',
      bad('Mentorship 1', 'endsOn must be a date'),
    ],
    [
      'a goal without text',
      ['mentorships', 0, 'goals', 1, 'text'],
      DELETE,
      bad('Mentorship 1', 'goal 2 text must be text'),
    ],
    [
      'an unknown field',
      ['mentorships', 0, 'password'],
      'x',
      bad('Mentorship 1', 'the record has an unknown field "password"'),
    ],
    [
      'a session status that is not one',
      ['sessions', 0, 'status'],
      'done',
      bad('Session 1', 'status must be one of scheduled, live, ended, reflected'),
    ],
    [
      'a time as text',
      ['sessions', 1, 'startedAt'],
      '2026-03-10',
      bad('Session 2', 'startedAt must be a time'),
    ],
    ['a negative time', ['sessions', 1, 'endedAt'], -5, bad('Session 2', 'endedAt must be a time')],
    [
      'a fractional time',
      ['sessions', 1, 'endedAt'],
      1.5,
      bad('Session 2', 'endedAt must be a time'),
    ],
    [
      'a present share above 1',
      ['sessions', 0, 'focus', 'presentShare'],
      1.5,
      bad('Session 1', 'focus presentShare must be a number from 0 to 1'),
    ],
    [
      'action items that are not a list',
      ['sessions', 2, 'actionItems'],
      {},
      bad('Session 3', 'action item must be a list'),
    ],
    [
      'a null mentorship id as text',
      ['sessions', 1, 'mentorshipId'],
      '',
      bad('Session 2', 'mentorshipId must not be empty'),
    ],
    ['a note as a number', ['notes', 0, 'text'], 5, bad('Note 1', 'text must be text')],
    [
      'a score of 6',
      ['reflections', 0, 'answers', 'mentee.satisfied'],
      { score: 6 },
      bad(
        'Reflection 1',
        'the answer to mentee.satisfied score must be a whole number from 1 to 5',
      ),
    ],
    [
      'a reflection from a newer catalogue',
      ['reflections', 0, 'catalogueVersion'],
      99,
      bad('Reflection 1', 'catalogueVersion must be a whole number from 1 to 2'),
    ],
    [
      'a reflection id that does not match',
      ['reflections', 0, 'id'],
      's1:mentor',
      bad('Reflection 1', 'id must be its session id and role'),
    ],
    [
      'a record that is not an object',
      ['notes', 0],
      'note',
      bad('Note 1', 'the record must be an object'),
    ],
    [
      'two sessions with one id',
      ['sessions', 1, 'id'],
      's1',
      'Two sessions in this backup have the same id "s1", so nothing was restored.',
    ],
  ];

  it.each(records)('%s', (_name, path, value, message) => {
    const data = sampleData();
    setAt(data, path, value);
    const error = refusal(envelope(data));
    expect(['invalid-record', 'duplicate']).toContain(error.code);
    expect(error.message).toBe(message);
    oneSentence(error.message);
  });

  it.each([
    ['data missing a kind', { mentorships: [], sessions: [], notes: [] }],
    ['data with an extra kind', { ...sampleData(), passwords: [] }],
    ['data as a list', []],
  ])('%s is foreign', (_name, data) => {
    const error = refusal(envelope(data));
    expect(error.code).toBe('foreign');
  });
});

describe('checkBackupData', () => {
  it('returns clean copies, not the objects it was given', () => {
    const data = sampleData();
    const clean = checkBackupData(data);
    expect(clean).toEqual(data);
    expect(clean.mentorships[0]).not.toBe(data.mentorships[0]);
  });
});

describe('planRestore', () => {
  const empty: BackupData = { mentorships: [], sessions: [], notes: [], reflections: [] };

  it('counts everything as added into an empty database', () => {
    const plan = planRestore(empty, sampleData(), 'merge');
    expect(plan.mentorships).toEqual({ add: 2, replace: 0, same: 0, remove: 0 });
    expect(plan.sessions).toEqual({ add: 3, replace: 0, same: 0, remove: 0 });
    expect(restoreChangesSomething(plan)).toBe(true);
  });

  it('finds nothing to do when restoring the same data', () => {
    const plan = planRestore(sampleData(), parseBackup(exportBackup(sampleData(), NOW)), 'replace');
    expect(plan.sessions).toEqual({ add: 0, replace: 0, same: 3, remove: 0 });
    expect(restoreChangesSomething(plan)).toBe(false);
  });

  it.each([
    ['merge', 0],
    ['replace', 1],
  ] as const)('counts changed, new and (in %s) removed records', (mode, removed) => {
    const here = sampleData();
    here.sessions.push({
      id: 'only-here',
      mentorshipId: 'm2',
      kind: 'regular',
      status: 'scheduled',
      actionItems: [],
    });
    const incoming = sampleData();
    const [ana] = incoming.mentorships;
    const [note] = incoming.notes;
    if (!ana || !note) throw new Error('setup');
    ana.otherName = 'Ana B.';
    incoming.notes.push({ ...note, id: 's1:pre:mentor', author: 'mentor' });
    const plan = planRestore(here, incoming, mode);
    expect(plan.mentorships).toEqual({ add: 0, replace: 1, same: 1, remove: 0 });
    expect(plan.notes).toEqual({ add: 1, replace: 0, same: 1, remove: 0 });
    expect(plan.sessions).toEqual({ add: 0, replace: 0, same: 3, remove: removed });
  });
});
