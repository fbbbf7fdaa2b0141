import { describe, expect, it, vi } from 'vitest';
import { exportBackup, parseBackup } from '../../../lib/backup/format';
import type { BackupData } from '../../../lib/backup/schema';
import type { Db } from '../../../lib/db';
import type { ErrorCode } from '../../../lib/errors';
import { LIMITS } from '../../../lib/limits';
import type { Mentorship, SessionRecord } from '../../../lib/records';
import { addGoal, createMentorship, removeGoal } from '../../../lib/repos/mentorships';
import { getPreNote } from '../../../lib/repos/notes';
import { setTopic } from '../../../lib/repos/sessions';
import { applyImport, loadAll, restoreBackup } from '../../../lib/repos/snapshot';
import { undoDelete } from '../../../lib/repos/trash';
import { type ImportPlan, planImport } from '../../../lib/share/apply';
import type { Pack } from '../../../lib/share/pack';

type ConfirmedPlan = Extract<ImportPlan, { needsChoice: false }>;

import { input } from '../rules/agreement-cases';
import { expectUserError, rejectionOf } from '../sentences';
import { counts, useDb, watchAnnouncements } from './db';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 2026-11-03 10:00 UTC. */
const NOW = Date.UTC(2026, 10, 3, 10, 0);

const db = useDb();
const notices = watchAnnouncements();

/** Writes fail while the test expects them to: their log is expected too. */
function quietly<T>(run: () => Promise<T>): Promise<T> {
  const log = vi.spyOn(console, 'error').mockImplementation(() => {});
  return run().finally(() => log.mockRestore());
}

describe('applyImport', () => {
  const pack: Pack = {
    v: 1,
    kind: 'pre-session',
    from: 'mentee',
    topic: 'Discovery sprint',
    notes: 'Two interviews done.',
    createdAt: '2026-11-02T18:00:00.000Z',
    mentorship: { id: 'their-id', mentorName: 'Chidi', menteeName: 'Ana' },
    session: { scheduledAt: '2026-11-05T10:00:00.000Z' },
    actionItems: ['Bring the interview guide'],
  };

  async function planned(p: Pack = pack) {
    const d = db.get();
    const { mentorship } = await createMentorship(d, input(), NOW - DAY);
    const plan = planImport(p, {
      mentorships: await d.getAll('mentorships'),
      sessions: await d.getAll('sessions'),
      notes: await d.getAll('notes'),
      now: NOW,
    });
    if (plan.needsChoice) throw new Error('expected one mentorship');
    return { mentorship, plan };
  }

  it('writes the pairing, the session, its topic, notes and action items', async () => {
    const d = db.get();
    const { mentorship, plan } = await planned();
    expect(plan.pairWith).toBe('their-id');
    notices.reset();
    await applyImport(d, plan, 'mentee', NOW);
    expect(notices.count()).toBe(1);
    expect((await d.get('mentorships', mentorship.id))?.pairId).toBe('their-id');
    expect((await d.get('mentorships', mentorship.id))?.importedPacks).toEqual([plan.fingerprint]);
    const session = await d.get('sessions', plan.session.id);
    expect(session).toMatchObject({
      mentorshipId: mentorship.id,
      topic: { text: 'Discovery sprint', by: 'mentee', at: NOW, history: [] },
      actionItems: [{ text: 'Bring the interview guide', createdAt: NOW }],
    });
    expect((await getPreNote(d, plan.session.id, 'mentee'))?.text).toBe('Two interviews done.');
    expect((await getPreNote(d, plan.session.id, 'mentee'))?.mentorshipId).toBe(mentorship.id);
  });

  it("keeps the topic there was as a version when the other side's arrives", async () => {
    const d = db.get();
    const { plan } = await planned();
    await setTopic(d, plan.session.id, 'Interviews', 'mentor', NOW - 10);
    await applyImport(d, plan, 'mentee', NOW);
    expect((await d.get('sessions', plan.session.id))?.topic).toEqual({
      text: 'Discovery sprint',
      by: 'mentee',
      at: NOW,
      history: [{ text: 'Interviews', by: 'mentor', at: NOW - 10 }],
    });
  });

  it('writes nothing for a plan with nothing in it', async () => {
    const d = db.get();
    const { mentorship, session } = await createMentorship(d, input(), NOW);
    const before = await counts(d);
    notices.reset();
    await applyImport(
      d,
      { needsChoice: false, mentorship, session, isNew: false, changes: [], fingerprint: 'f' },
      'mentee',
      NOW,
    );
    expect(await counts(d)).toEqual(before);
    expect(await d.get('sessions', session.id)).toEqual(session);
    expect(notices.count()).toBe(0);
  });

  it.each([
    ['a pairing id over 200 characters', { pairWith: 'p'.repeat(201) }, 'pack-invalid'],
    ['a fingerprint over 2,000 characters', { fingerprint: 'f'.repeat(2001) }, 'text-too-long'],
    [
      'a topic over 2,000 characters',
      { changes: [{ field: 'topic', after: 't'.repeat(2001) }] },
      'text-too-long',
    ],
    [
      'notes over 2,000,000 characters',
      {
        changes: [{ field: 'notes', author: 'mentee', after: 'n'.repeat(LIMITS.note + 1) }],
      },
      'text-too-long',
    ],
    [
      'an action item over 2,000 characters',
      { changes: [{ field: 'actionItems', added: ['ok', 'a'.repeat(2001)] }] },
      'text-too-long',
    ],
  ] as [string, Partial<ConfirmedPlan>, ErrorCode][])(
    'refuses %s, writing nothing',
    async (_name, over, code) => {
      const d = db.get();
      const { plan } = await planned();
      const before = await loadAll(d);
      expectUserError(await rejectionOf(applyImport(d, { ...plan, ...over }, 'mentee', NOW)), code);
      expect(await loadAll(d)).toEqual(before);
    },
  );

  it('refuses a mentorship that is gone', async () => {
    const d = db.get();
    const { plan } = await planned();
    await d.delete('mentorships', plan.mentorship.id);
    expectUserError(
      await rejectionOf(applyImport(d, plan, 'mentee', NOW)),
      'mentorship-gone',
      'That mentorship no longer exists.',
    );
    expect(await d.get('sessions', plan.session.id)).not.toHaveProperty('topic');
  });

  // One transaction: a write that fails (a full disk, say) after the pairing and the notes were
  // written leaves none of them. The failure is injected into the last write, the session's.
  it('is all or nothing when its last write fails', async () => {
    const d = db.get();
    const { mentorship, plan } = await planned();
    const before = {
      mentorships: await d.getAll('mentorships'),
      sessions: await d.getAll('sessions'),
      notes: await d.getAll('notes'),
    };
    const error = await quietly(() =>
      rejectionOf(applyImport(failingSessionWrites(d), plan, 'mentee', NOW)),
    );
    // Not a full disk the browser named: "could not save".
    expectUserError(error, 'save-failed');
    expect(await d.getAll('mentorships')).toEqual(before.mentorships);
    expect(await d.getAll('sessions')).toEqual(before.sessions);
    expect(await d.getAll('notes')).toEqual(before.notes);
    expect((await d.get('mentorships', mentorship.id))?.pairId).toBeUndefined();
  });
});

/** The same database, except that a write to `sessions` fails and aborts its transaction. */
function failingSessionWrites(real: Db): Db {
  const bound = <T extends object>(target: T, prop: string | symbol) => {
    const value = Reflect.get(target, prop);
    return typeof value === 'function' ? value.bind(target) : value;
  };
  return new Proxy(real, {
    get(target, prop) {
      if (prop !== 'transaction') return bound(target, prop);
      return (...args: Parameters<Db['transaction']>) => {
        const tx = target.transaction(...args);
        // This test makes the transaction fail, so it also takes its rejection.
        tx.done.catch(() => {});
        return new Proxy(tx, {
          get(t, p) {
            if (p !== 'objectStore') return bound(t, p);
            return (name: string) => {
              const store = t.objectStore(name as never);
              if (name !== 'sessions') return store;
              return new Proxy(store, {
                get(s, k) {
                  if (k !== 'put') return bound(s, k);
                  return (_value: SessionRecord) => {
                    t.abort();
                    return Promise.reject(new Error('The disk is full.'));
                  };
                },
              });
            };
          },
        });
      };
    },
  });
}

type Method = (...args: unknown[]) => unknown;

/**
 * `target` with one method replaced; the others stay bound to `target` (idb's wrappers need
 * their own `this`).
 */
function override<T extends object>(
  target: T,
  name: string,
  make: (original: Method) => Method,
): T {
  const original = (Reflect.get(target, name) as Method).bind(target);
  const replaced = make(original);
  return new Proxy(target, {
    get(t, p) {
      if (p === name) return replaced;
      const v = Reflect.get(t, p, t);
      return typeof v === 'function' ? v.bind(t) : v;
    },
  });
}

describe('restoreBackup', () => {
  async function seed(): Promise<Mentorship> {
    const { mentorship } = await createMentorship(
      db.get(),
      {
        otherName: 'Ana',
        myRole: 'mentee',
        cadenceDays: 7,
        sessionMinutes: 45,
        firstSessionAt: NOW + DAY,
      },
      NOW - 30 * DAY,
    );
    return mentorship;
  }

  function backupOf(name: string): BackupData {
    return {
      mentorships: [
        {
          id: `m-${name}`,
          otherName: name,
          myRole: 'mentor',
          agreement: { type: 'ad-hoc', cadenceDays: 7, sessionMinutes: 30 },
          goals: [],
          createdAt: NOW,
        },
      ],
      sessions: [
        {
          id: `s-${name}`,
          mentorshipId: `m-${name}`,
          kind: 'first',
          status: 'ended',
          startedAt: NOW - HOUR,
          endedAt: NOW,
          actionItems: [{ id: 'a', text: 'Read', createdAt: NOW }],
        },
      ],
      notes: [
        {
          id: `s-${name}:pre:mentee`,
          sessionId: `s-${name}`,
          mentorshipId: `m-${name}`,
          kind: 'pre-session',
          author: 'mentee',
          text: 'Hello',
          updatedAt: NOW,
        },
      ],
      reflections: [
        {
          id: `s-${name}:mentor`,
          sessionId: `s-${name}`,
          role: 'mentor',
          catalogueVersion: 2,
          answers: { 'mentor.listened': { score: 5 } },
          complete: false,
          updatedAt: NOW,
        },
      ],
    };
  }

  it('round-trips the whole database through a file', async () => {
    const d = db.get();
    const m = await seed();
    await addGoal(d, m.id, 'Goal', NOW);
    await restoreBackup(d, backupOf('Ben'), 'merge');
    const before = await loadAll(d);
    const text = exportBackup(before, NOW);

    const other = await db.another();
    await restoreBackup(other, parseBackup(text), 'replace');
    const after = await loadAll(other);
    for (const kind of ['mentorships', 'sessions', 'notes', 'reflections'] as const) {
      const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
      expect([...after[kind]].sort(byId)).toEqual([...before[kind]].sort(byId));
    }
  });

  it('merges: adds and replaces by id, keeps the rest', async () => {
    const d = db.get();
    const m = await seed();
    await restoreBackup(d, backupOf('Ben'), 'merge');
    const changed = backupOf('Ben');
    changed.mentorships = changed.mentorships.map((x) => ({ ...x, otherName: 'Benjamin' }));
    notices.reset();
    await restoreBackup(d, changed, 'merge');
    expect(notices.count()).toBe(1);
    const all = await loadAll(d);
    expect(all.mentorships.map((x) => x.otherName).sort()).toEqual(['Ana', 'Benjamin']);
    expect(all.sessions.some((s) => s.mentorshipId === m.id)).toBe(true);
  });

  it('replaces: leaves only what the backup holds', async () => {
    const d = db.get();
    await seed();
    await restoreBackup(d, backupOf('Ben'), 'replace');
    const all = await loadAll(d);
    expect(all).toEqual(backupOf('Ben'));
  });

  it('merges a note whose session is only in the database, and refuses a true orphan', async () => {
    const d = db.get();
    await seed();
    await restoreBackup(d, backupOf('Ben'), 'merge');
    const [note] = backupOf('Ben').notes;
    if (!note) throw new Error('setup');
    const only = {
      mentorships: [],
      sessions: [],
      notes: [{ ...note, text: 'merged' }],
      reflections: [],
    };
    await restoreBackup(d, only, 'merge');
    expect((await d.get('notes', note.id))?.text).toBe('merged');
    const before = await loadAll(d);
    await expect(restoreBackup(d, only, 'replace')).rejects.toMatchObject({
      code: 'backup-orphan',
    });
    expect(await loadAll(d)).toEqual(before);
  });

  it('replacing empties the trash too; merging keeps what can still be undone', async () => {
    const d = db.get();
    const m = await seed();
    const goal = (await addGoal(d, m.id, 'Goal', NOW)).goals[0];
    if (!goal) throw new Error('setup');
    const deleted = await removeGoal(d, m.id, goal.id, NOW);
    await restoreBackup(d, backupOf('Ben'), 'merge');
    expect(await d.count('trash')).toBe(1);
    await restoreBackup(d, backupOf('Ben'), 'replace');
    expect(await d.count('trash')).toBe(0);
    expectUserError(await rejectionOf(undoDelete(d, deleted.token, NOW + 1_000)), 'undo-expired');
  });

  it('writes nothing when a record is bad', async () => {
    const d = db.get();
    await seed();
    const before = await loadAll(d);
    const bad = backupOf('Ben');
    (bad.sessions[0] as { status: string }).status = 'cancelled';
    // "Session 1 in this backup is not valid, so nothing was restored." (tests/unit/backup/)
    await expect(restoreBackup(d, bad, 'replace')).rejects.toMatchObject({
      code: 'backup-record',
      params: ['@recordKind_sessions', '1'],
      cause: 'status: choice',
    });
    expect(await loadAll(d)).toEqual(before);
  });

  it.each(['merge', 'replace'] as const)(
    'a record that fails to write aborts the whole %s, clears included',
    async (mode) => {
      const d = db.get();
      await seed();
      const before = await loadAll(d);
      // The database refuses the third reflection, after everything else was queued.
      const backup = backupOf('Ben');
      const [r] = backup.reflections;
      const [session] = backup.sessions;
      if (!r || !session) throw new Error('setup');
      // The third reflection's session is in the backup too: a restore refuses orphans.
      backup.sessions.push({ ...session, id: 's-x' });
      backup.reflections.push(
        { ...r, id: 's-Ben:mentee', role: 'mentee' },
        { ...r, id: 's-x:mentor', sessionId: 's-x' },
      );
      const failing = override(d, 'transaction', (transaction) => (...args) => {
        const tx = transaction(...args) as object;
        return override(tx, 'objectStore', (objectStore) => (name) => {
          const store = objectStore(name) as object;
          if (name !== 'reflections') return store;
          let n = 0;
          return override(store, 'put', (put) => (value, key) => {
            if (++n === 3) throw new DOMException('Disk full', 'QuotaExceededError');
            return put(value, key);
          });
        });
      });
      notices.reset();
      const error = await quietly(() => rejectionOf(restoreBackup(failing, backup, mode)));
      expectUserError(
        error,
        'storage-full',
        'Your browser has no room left to save this; what you typed is kept here. Free some disk space, then try again.',
      );
      expect(await loadAll(d)).toEqual(before);
      expect(notices.count()).toBe(0);
    },
  );
});
