import { describe, expect, it, vi } from 'vitest';
import { UserError } from '../../../lib/errors';
import type { Mentorship } from '../../../lib/records';
import { found, read, write } from '../../../lib/repos/tx';
import { expectUserError, rejectionOf } from '../sentences';
import { everything, useDb, watchAnnouncements } from './db';

const db = useDb();
const notices = watchAnnouncements();

const mentorship = (id: string): Mentorship => ({
  id,
  otherName: id,
  myRole: 'mentor',
  agreement: { type: 'ad-hoc', cadenceDays: 7, sessionMinutes: 30 },
  goals: [],
  createdAt: 0,
});

describe('write', () => {
  it('commits the change and announces it exactly once', async () => {
    const d = db.get();
    const result = await write(d, ['mentorships', 'sessions'], async (tx) => {
      await tx.objectStore('mentorships').put(mentorship('a'));
      await tx.objectStore('mentorships').put(mentorship('b'));
      return 'done';
    });
    expect(result).toBe('done');
    expect((await d.getAll('mentorships')).map((m) => m.id)).toEqual(['a', 'b']);
    expect(notices.count()).toBe(1);
  });

  it('announces nothing for a change that found nothing to do', async () => {
    const d = db.get();
    await write(d, ['mentorships'], async (_tx, unchanged) => {
      unchanged();
    });
    expect(notices.count()).toBe(0);
  });

  it('aborts on a throw: the database stays as it was, and nothing is announced', async () => {
    const d = db.get();
    await d.put('mentorships', mentorship('kept'));
    const before = await everything(d);
    const error = await rejectionOf(
      write(d, ['mentorships'], async (tx) => {
        await tx.store.put({ ...mentorship('kept'), otherName: 'changed' });
        await tx.store.put(mentorship('new'));
        throw new UserError('mentorship-gone');
      }),
    );
    expectUserError(error, 'mentorship-gone', 'That mentorship no longer exists.');
    expect(await everything(d)).toEqual(before);
    expect(notices.count()).toBe(0);
  });

  it('turns a request the database refuses into "could not save", logged, and aborts', async () => {
    const d = db.get();
    await d.put('mentorships', mentorship('a'));
    const before = await everything(d);
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const error = await rejectionOf(
      write(d, ['mentorships'], async (tx) => {
        await tx.store.put(mentorship('b'));
        // A second record with a key that exists: ConstraintError.
        await tx.store.add(mentorship('a'));
      }),
    );
    expectUserError(
      error,
      'save-failed',
      'This could not be saved; what you typed is kept here. Try again in a moment.',
    );
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
    expect(await everything(d)).toEqual(before);
    expect(notices.count()).toBe(0);
  });

  it('names a full disk "storage-full"', async () => {
    const d = db.get();
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const error = await rejectionOf(
      write(d, ['mentorships'], async (tx) => {
        await tx.store.put(mentorship('a'));
        throw new DOMException('Disk full', 'QuotaExceededError');
      }),
    );
    log.mockRestore();
    expectUserError(
      error,
      'storage-full',
      'Your browser has no room left to save this; what you typed is kept here. Free some disk space, then try again.',
    );
    expect(await d.count('mentorships')).toBe(0);
    expect(notices.count()).toBe(0);
  });
});

describe('read and found', () => {
  it('reads one consistent snapshot', async () => {
    const d = db.get();
    await d.put('mentorships', mentorship('a'));
    const got = await read(d, ['mentorships', 'sessions'], async (tx) => ({
      m: await tx.objectStore('mentorships').getAll(),
      s: await tx.objectStore('sessions').getAll(),
    }));
    expect(got).toEqual({ m: [mentorship('a')], s: [] });
    expect(notices.count()).toBe(0);
  });

  it('finds a record, or refuses with the code', () => {
    expect(found(1, 'session-gone')).toBe(1);
    let error: unknown;
    try {
      found(undefined, 'session-gone');
    } catch (e) {
      error = e;
    }
    expectUserError(error, 'session-gone', 'That session no longer exists.');
  });
});
