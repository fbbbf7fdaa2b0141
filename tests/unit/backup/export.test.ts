// Exporting never refuses the user's own data: a database an older version wrote, holding a
// record beyond today's limits, still exports, and the file says what it holds. The restore
// side names the record instead of failing the export.
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { exportBackup, parseBackup } from '../../../lib/backup/format';
import { closeDb, DB_VERSION, type Db, openDb } from '../../../lib/db';
import { UserError } from '../../../lib/errors';
import { LIMITS } from '../../../lib/limits';
import { loadAll } from '../../../lib/repos/snapshot';
import { sentenceIn } from '../sentences';

const NOW = Date.UTC(2026, 2, 10, 9, 0);

let d: Db;
let counter = 0;

beforeEach(async () => {
  fakeBrowser.reset();
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
  d = await openDb(DB_VERSION, `backup-export-test-${++counter}`);
});

afterEach(() => d.close());

describe('exporting what an older version wrote', () => {
  it('exports a database holding an over-limit note, pairing id and meeting key, as it is', async () => {
    const longNote = 'n'.repeat(LIMITS.note + 1);
    const longPairId = 'p'.repeat(LIMITS.id + 1);
    const longKey = `meet:${'k'.repeat(LIMITS.meetingKey)}`;
    // Written as an older version could, straight into the stores.
    await d.put('mentorships', {
      id: 'm1',
      otherName: 'Ana',
      myRole: 'mentee',
      agreement: { type: 'ad-hoc', cadenceDays: 7, sessionMinutes: 30 },
      goals: [],
      createdAt: NOW - 1000,
      pairId: longPairId,
    });
    await d.put('sessions', {
      id: 's1',
      mentorshipId: 'm1',
      kind: 'first',
      status: 'ended',
      meetingKey: longKey,
      startedAt: NOW - 3_600_000,
      endedAt: NOW - 1_800_000,
      actionItems: [],
    });
    await d.put('notes', {
      id: 's1:pre:mentee',
      sessionId: 's1',
      mentorshipId: 'm1',
      kind: 'pre-session',
      author: 'mentee',
      text: longNote,
      updatedAt: NOW - 2000,
    });

    const text = exportBackup(await loadAll(d), NOW);
    const file = JSON.parse(text);
    expect(file.counts).toEqual({ mentorships: 1, sessions: 1, notes: 1, reflections: 0 });
    expect(file.data.notes[0].text).toBe(longNote);
    expect(file.data.mentorships[0].pairId).toBe(longPairId);
    expect(file.data.sessions[0].meetingKey).toBe(longKey);

    // The restore side still refuses what it cannot hold, with one sentence naming the record.
    let refused: unknown;
    try {
      parseBackup(text);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(UserError);
    expect(sentenceIn('en', refused)).toBe(
      'Mentorship 1 in this backup is not valid, so nothing was restored.',
    );
  });
});
