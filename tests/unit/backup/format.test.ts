import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  checkBackupData,
  exportBackup,
  MAX_BACKUP_CHARS,
  parseBackup,
  planRestore,
  restoreChangesSomething,
} from '../../../lib/backup/format';
import type { BackupData } from '../../../lib/backup/schema';
import { type ErrorCode, UserError } from '../../../lib/errors';
import { sentenceIn } from '../sentences';
import { envelope, NOW, sampleData } from './sample';

/** What a person reads for each refusal of a whole file, in English. */
const EN = {
  foreign: 'This file is not a Mentor Companion backup, so nothing was restored.',
  damaged: 'This backup is damaged (it is not complete, valid JSON), so nothing was restored.',
  newer:
    'This backup was made by a newer version of Mentor Companion, so update the extension before restoring it.',
  checksum:
    'This backup was changed or damaged after it was saved (its checksum does not match), so nothing was restored.',
};

function refusal(text: string): UserError {
  try {
    parseBackup(text);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('parseBackup accepted it');
}

/** The refusal reads as one sentence in English and in German. */
function oneSentence(error: UserError) {
  for (const locale of ['en', 'de'] as const) {
    const message = sentenceIn(locale, error);
    expect(message).toMatch(/^[A-ZÄÖÜ].*\.$/s);
    expect(message.split(/\.\s+[A-Z]/).length).toBe(1);
  }
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

  it('exports a record beyond the limits as it is; restoring the file names it', () => {
    const data = sampleData();
    (data.reflections[0] as { answers: Record<string, { score: number }> }).answers.x = {
      score: 9,
    };
    const text = exportBackup(data, NOW);
    expect(JSON.parse(text).data).toEqual(data);
    const error = refusal(text);
    expect(error.code).toBe('backup-record');
    expect(error.params).toEqual(['@recordKind_reflections', '1']);
    expect(sentenceIn('en', error)).toBe(
      'Reflection 1 in this backup is not valid, so nothing was restored.',
    );
  });
});

describe('parseBackup refuses bad files with one sentence', () => {
  const good = () => exportBackup(sampleData(), NOW);

  it.each([
    ['plain text', 'Dear Ana, here are my notes.', 'backup-foreign', EN.foreign],
    ['an empty file', '', 'backup-foreign', EN.foreign],
    ['a JSON array', '[1,2,3]', 'backup-foreign', EN.foreign],
    [
      'another JSON file',
      '{"name":"some-package","version":"1.0.0"}',
      'backup-foreign',
      EN.foreign,
    ],
    ['a share pack', '-----BEGIN MENTOR COMPANION PACK-----', 'backup-foreign', EN.foreign],
    ['garbled JSON of no format', '{"a": [1, 2', 'backup-foreign', EN.foreign],
    ['a cut-off backup', good().slice(0, 300), 'backup-damaged', EN.damaged],
    [
      'a backup with a stray comma',
      good().replace('"version": 1,', '"version": 1,,'),
      'backup-damaged',
      EN.damaged,
    ],
    ['a newer version', good().replace('"version": 1,', '"version": 2,'), 'backup-newer', EN.newer],
    [
      'a version that is not a number',
      good().replace('"version": 1,', '"version": "1",'),
      'backup-foreign',
      EN.foreign,
    ],
    ['version 0', good().replace('"version": 1,', '"version": 0,'), 'backup-foreign', EN.foreign],
    ['an edited value', good().replace('"Ana"', '"Anna"'), 'backup-checksum', EN.checksum],
    [
      'a missing checksum',
      good().replace(/"checksum": "[^"]*",/, ''),
      'backup-checksum',
      EN.checksum,
    ],
  ] as [string, string, ErrorCode, string][])('%s', (_name, text, code, message) => {
    const error = refusal(text);
    expect(error.code).toBe(code);
    expect(sentenceIn('en', error)).toBe(message);
    oneSentence(error);
  });

  it('refuses a file larger than any backup', () => {
    const error = refusal(' '.repeat(MAX_BACKUP_CHARS + 1));
    expect(error.code).toBe('backup-too-large');
    oneSentence(error);
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
  interface Refusal {
    code: ErrorCode;
    params: string[];
    cause?: string;
    en: string;
  }
  const KIND_EN = {
    mentorships: 'Mentorship',
    sessions: 'Session',
    notes: 'Note',
    reflections: 'Reflection',
  } as const;
  /** A bad record: its kind and 1-based number (what the user reads), and which field (cause). */
  const bad = (kind: keyof typeof KIND_EN, n: number, cause: string): Refusal => ({
    code: 'backup-record',
    params: [`@recordKind_${kind}`, String(n)],
    cause,
    en: `${KIND_EN[kind]} ${n} in this backup is not valid, so nothing was restored.`,
  });
  const records: [string, (string | number)[], unknown, Refusal][] = [
    [
      'a mentorship without a name',
      ['mentorships', 0, 'otherName'],
      '  ',
      bad('mentorships', 1, 'otherName: empty'),
    ],
    [
      'a role that is not one',
      ['mentorships', 1, 'myRole'],
      'boss',
      bad('mentorships', 2, 'myRole: choice'),
    ],
    [
      'a cadence of 0 days',
      ['mentorships', 0, 'agreement', 'cadenceDays'],
      0,
      bad('mentorships', 1, 'agreement.cadenceDays: range'),
    ],
    [
      'an impossible end date',
      ['mentorships', 0, 'agreement', 'endsOn'],
      '2026-02-30',
      bad('mentorships', 1, 'agreement.endsOn: date'),
    ],
    [
      'a goal without text',
      ['mentorships', 0, 'goals', 1, 'text'],
      DELETE,
      bad('mentorships', 1, 'goals[1].text: type'),
    ],
    [
      'an unknown field',
      ['mentorships', 0, 'password'],
      'x',
      bad('mentorships', 1, 'password: unknown-field'),
    ],
    [
      'a session status that is not one',
      ['sessions', 0, 'status'],
      'done',
      bad('sessions', 1, 'status: choice'),
    ],
    [
      'a time as text',
      ['sessions', 1, 'startedAt'],
      '2026-03-10',
      bad('sessions', 2, 'startedAt: time'),
    ],
    ['a negative time', ['sessions', 1, 'endedAt'], -5, bad('sessions', 2, 'endedAt: time')],
    ['a fractional time', ['sessions', 1, 'endedAt'], 1.5, bad('sessions', 2, 'endedAt: time')],
    [
      'a present share above 1',
      ['sessions', 0, 'focus', 'presentShare'],
      1.5,
      bad('sessions', 1, 'focus.presentShare: range'),
    ],
    [
      'action items that are not a list',
      ['sessions', 2, 'actionItems'],
      {},
      bad('sessions', 3, 'actionItems: type'),
    ],
    [
      'a null mentorship id as text',
      ['sessions', 1, 'mentorshipId'],
      '',
      bad('sessions', 2, 'mentorshipId: empty'),
    ],
    ['a note as a number', ['notes', 0, 'text'], 5, bad('notes', 1, 'text: type')],
    [
      'a score of 6',
      ['reflections', 0, 'answers', 'mentee.satisfied'],
      { score: 6 },
      bad('reflections', 1, 'answers[mentee.satisfied].score: range'),
    ],
    [
      'a reflection from a newer catalogue',
      ['reflections', 0, 'catalogueVersion'],
      99,
      bad('reflections', 1, 'catalogueVersion: range'),
    ],
    [
      'a reflection id that does not match',
      ['reflections', 0, 'id'],
      's1:mentor',
      bad('reflections', 1, 'id: mismatch'),
    ],
    ['a record that is not an object', ['notes', 0], 'note', bad('notes', 1, 'the record: type')],
    [
      'two sessions with one id',
      ['sessions', 1, 'id'],
      's1',
      {
        code: 'backup-duplicate',
        params: ['@recordKind_sessions', 's1'],
        en: 'Two records of the kind “Session” in this backup have the same id “s1”, so nothing was restored.',
      },
    ],
  ];

  it.each(records)('%s', (_name, path, value, refused) => {
    const data = sampleData();
    setAt(data, path, value);
    const error = refusal(envelope(data));
    expect(error.code).toBe(refused.code);
    expect(error.params).toEqual(refused.params);
    if (refused.cause) expect(error.cause).toBe(refused.cause);
    expect(sentenceIn('en', error)).toBe(refused.en);
    oneSentence(error);
  });

  it('names the record in German too', () => {
    const data = sampleData();
    setAt(data, ['sessions', 1, 'endedAt'], -5);
    expect(sentenceIn('de', refusal(envelope(data)))).toBe(
      'Sitzung 2 in dieser Sicherung ist ungültig, daher wurde nichts wiederhergestellt.',
    );
    setAt(data, ['sessions', 1, 'endedAt'], undefined);
    setAt(data, ['notes', 0, 'text'], 5);
    expect(sentenceIn('de', refusal(envelope(data)))).toBe(
      'Notiz 1 in dieser Sicherung ist ungültig, daher wurde nichts wiederhergestellt.',
    );
  });

  it.each([
    ['data missing a kind', { mentorships: [], sessions: [], notes: [] }],
    ['data with an extra kind', { ...sampleData(), passwords: [] }],
    ['data as a list', []],
  ])('%s is foreign', (_name, data) => {
    const error = refusal(envelope(data));
    expect(error.code).toBe('backup-foreign');
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

describe('the file says what it holds', () => {
  it('counts each kind of record', () => {
    const file = JSON.parse(exportBackup(sampleData(), NOW));
    expect(file.counts).toEqual({ mentorships: 2, sessions: 3, notes: 1, reflections: 1 });
  });

  it('reads a file of an earlier export without counts', () => {
    expect(parseBackup(envelope(sampleData()))).toEqual(sampleData());
  });

  it('refuses a file whose counts disagree with its records', () => {
    const edited = exportBackup(sampleData(), NOW).replace('"notes": 1,', '"notes": 2,');
    expect(refusal(edited).code).toBe('backup-checksum');
  });
});
