// What the importer refuses beyond types and lengths (issue 10, item 9): keys that reach an
// object's prototype, times a Date cannot hold, notes filed under another session's id, records
// whose session or mentorship is nowhere, and names nobody can see. Each refusal is one
// sentence, and nothing is read past it.
import { describe, expect, it } from 'vitest';
import { parseBackup } from '../../../lib/backup/format';
import type { BackupData } from '../../../lib/backup/schema';
import { UserError } from '../../../lib/errors';
import { MAX_TIME } from '../../../lib/limits';
import { sentenceIn } from '../sentences';
import { envelope, sampleData } from './sample';

function refusal(text: string, here?: BackupData): UserError {
  try {
    parseBackup(text, here);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('parseBackup accepted it');
}

/** The sample data as JSON would carry it, edited as text (to reach own `__proto__` keys). */
function editedJson(edit: (json: string) => string): unknown {
  const json = JSON.stringify(sampleData());
  const edited = edit(json);
  expect(edited).not.toBe(json);
  return JSON.parse(edited);
}

describe('answer keys that would reach a prototype', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('refuses the question id %s', (key) => {
    const data = editedJson((j) => j.replace('"answers":{', `"answers":{"${key}":{"score":1},`));
    const error = refusal(envelope(data));
    expect(error.code).toBe('backup-record');
    expect(error.params).toEqual(['@recordKind_reflections', '1']);
    expect(error.cause).toBe(`answers[${key}]: reserved`);
    expect(sentenceIn('en', error)).toBe(
      'Reflection 1 in this backup is not valid, so nothing was restored.',
    );
    // Nothing's prototype changed on the way.
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).score).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('score');
  });

  it('builds the answers it reads on no prototype at all', () => {
    const [reflection] = parseBackup(envelope(sampleData())).reflections;
    expect(Object.getPrototypeOf(reflection?.answers)).toBeNull();
    expect(reflection?.answers).toEqual(sampleData().reflections[0]?.answers);
  });
});

describe("a booking's own meeting link", () => {
  it('is restored as it was written, and refused beyond the link limit', () => {
    const data = sampleData();
    const link = 'https://acme.zoom.us/j/85912345678?pwd=x';
    (data.sessions[1] as { meetingLink?: string }).meetingLink = link;
    expect(parseBackup(envelope(data)).sessions[1]?.meetingLink).toBe(link);
    (data.sessions[1] as { meetingLink?: string }).meetingLink = `${link}${'x'.repeat(2_000)}`;
    const error = refusal(envelope(data));
    expect(error.params).toEqual(['@recordKind_sessions', '2']);
  });
});

describe('times', () => {
  it('refuses a time beyond what a Date can hold', () => {
    const data = sampleData();
    (data.sessions[1] as { startedAt?: number }).startedAt = MAX_TIME + 1;
    const error = refusal(envelope(data));
    expect(error.params).toEqual(['@recordKind_sessions', '2']);
    expect(error.cause).toBe('startedAt: time');
    expect(new Date(MAX_TIME + 1).getTime()).toBeNaN();
  });

  it('reads the last time a Date can hold', () => {
    const data = sampleData();
    (data.sessions[1] as { endedAt?: number }).endedAt = MAX_TIME;
    expect(parseBackup(envelope(data)).sessions[1]?.endedAt).toBe(MAX_TIME);
  });
});

describe('note ids', () => {
  it.each([
    ['another session', 's2:pre:mentee'],
    ['another author', 's1:pre:mentor'],
    ['no pattern at all', 'n1'],
  ])('refuses a note whose id names %s', (_what, id) => {
    const data = sampleData();
    (data.notes[0] as { id: string }).id = id;
    const error = refusal(envelope(data));
    expect(error.params).toEqual(['@recordKind_notes', '1']);
    expect(error.cause).toBe('id: mismatch');
  });
});

describe('orphans', () => {
  it.each([
    [
      'a note whose session is nowhere',
      (d: BackupData) => {
        Object.assign(d.notes[0] as object, { id: 'gone:pre:mentee', sessionId: 'gone' });
      },
      ['@recordKind_notes', '1'],
      'Note 1 in this backup belongs to a session or mentorship that is neither in the backup nor here, so nothing was restored.',
    ],
    [
      'a reflection whose session is nowhere',
      (d: BackupData) => {
        Object.assign(d.reflections[0] as object, { id: 'gone:mentee', sessionId: 'gone' });
      },
      ['@recordKind_reflections', '1'],
      'Reflection 1 in this backup belongs to a session or mentorship that is neither in the backup nor here, so nothing was restored.',
    ],
    [
      'a session whose mentorship is missing',
      (d: BackupData) => {
        (d.sessions[2] as { mentorshipId: string }).mentorshipId = 'm9';
      },
      ['@recordKind_sessions', '3'],
      'Session 3 in this backup belongs to a session or mentorship that is neither in the backup nor here, so nothing was restored.',
    ],
  ] as const)('refuses %s', (_what, edit, params, en) => {
    const data = sampleData();
    edit(data);
    const error = refusal(envelope(data));
    expect(error.code).toBe('backup-orphan');
    expect(error.params).toEqual(params);
    expect(sentenceIn('en', error)).toBe(en);
    expect(sentenceIn('de', error)).toMatch(
      /^(Notiz|Reflexion|Sitzung) \d in dieser Sicherung gehört zu .*, daher wurde nichts wiederhergestellt\.$/,
    );
  });

  it('takes a note whose session is already here, when merging into it', () => {
    const data = sampleData();
    Object.assign(data.notes[0] as object, { id: 'here:pre:mentee', sessionId: 'here' });
    const here: BackupData = {
      mentorships: [],
      sessions: [
        { id: 'here', mentorshipId: null, kind: 'regular', status: 'ended', actionItems: [] },
      ],
      notes: [],
      reflections: [],
    };
    expect(parseBackup(envelope(data), here).notes[0]?.sessionId).toBe('here');
    expect(refusal(envelope(data)).code).toBe('backup-orphan');
  });

  it('takes an ad hoc session, which belongs to no mentorship', () => {
    expect(parseBackup(envelope(sampleData())).sessions[1]?.mentorshipId).toBeNull();
  });
});

describe('names', () => {
  it.each([
    ['zero-width spaces and joiners', '\u200b\u200c\u200d'],
    ['bidi overrides and isolates', '\u202e\u2066\u2069'],
    ['marks, a word joiner and a byte-order mark', '\u200e \u200f\u2060\ufeff'],
    ['a soft hyphen', '\u00ad'],
  ])('refuses a name made only of %s', (_what, name) => {
    const data = sampleData();
    (data.mentorships[1] as { otherName: string }).otherName = name;
    const error = refusal(envelope(data));
    expect(error.params).toEqual(['@recordKind_mentorships', '2']);
    expect(error.cause).toBe('otherName: empty');
  });

  it('keeps a name that has such characters around letters', () => {
    const data = sampleData();
    (data.mentorships[1] as { otherName: string }).otherName = '\u2067زينب\u2069';
    expect(parseBackup(envelope(data)).mentorships[1]?.otherName).toBe('\u2067زينب\u2069');
  });
});

describe('a reopened reflection', () => {
  it('keeps its reopening and earlier versions through a backup, and refuses a bad one', async () => {
    const { readReflection } = await import('../../../lib/backup/schema');
    const base = {
      id: 's1:mentor',
      sessionId: 's1',
      role: 'mentor',
      catalogueVersion: 2,
      answers: { 'mentor.listened': { score: 4 } },
      complete: false,
      updatedAt: 1_000,
    };
    const reopened = {
      ...base,
      reopenedAt: 900,
      history: [{ answers: { 'mentor.listened': { score: 3 } }, completedAt: 800 }],
    };
    expect(JSON.parse(JSON.stringify(readReflection(reopened)))).toEqual(reopened);
    expect(() =>
      readReflection({ ...reopened, history: [{ answers: {}, completedAt: 'x' }] }),
    ).toThrow();
    expect(() =>
      readReflection({ ...reopened, history: [{ answers: {}, completedAt: 1, extra: 1 }] }),
    ).toThrow();
    expect(() =>
      readReflection({ ...reopened, history: Array(21).fill(reopened.history[0]) }),
    ).toThrow();
  });
});
