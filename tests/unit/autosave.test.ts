import { describe, expect, it, vi } from 'vitest';
import { combinedStatus, createAutosave, type SaveStatus } from '../../lib/autosave';

function fakeTimers() {
  const queue: Array<{ fn: () => void; ms: number; id: number }> = [];
  let ids = 0;
  return {
    queue,
    setTimeout: (fn: () => void, ms: number) => {
      const id = ++ids;
      queue.push({ fn, ms, id });
      return id;
    },
    clearTimeout: (id: unknown) => {
      const i = queue.findIndex((t) => t.id === id);
      if (i >= 0) queue.splice(i, 1);
    },
    fire() {
      const t = queue.shift();
      t?.fn();
      return t?.ms;
    },
  };
}

describe('createAutosave', () => {
  it('writes every value in order and says saved when the newest is written', async () => {
    const written: string[] = [];
    const statuses: SaveStatus[] = [];
    const saver = createAutosave<string>(
      async (v) => {
        written.push(v);
      },
      (s) => statuses.push(s),
    );
    saver.push('a');
    saver.push('ab');
    saver.push('abc');
    await saver.flush();
    expect(written).toEqual(['a', 'abc']);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('says failed, keeps the text and retries when a write fails, then saved', async () => {
    const timers = fakeTimers();
    let fail = true;
    const written: string[] = [];
    const statuses: Array<[SaveStatus, unknown]> = [];
    const saver = createAutosave<string>(
      async (v) => {
        if (fail) throw new DOMException('full', 'QuotaExceededError');
        written.push(v);
      },
      (s, e) => statuses.push([s, e]),
      timers,
    );
    saver.push('notes');
    await saver.flush();
    expect(statuses.at(-1)?.[0]).toBe('failed');
    const [, error] = statuses.at(-1) ?? [];
    expect((error as DOMException).name).toBe('QuotaExceededError');
    expect(statuses.map(([s]) => s)).not.toContain('saved');
    expect(saver.pending).toBe(true);
    // Still failing: the next retry waits longer.
    expect(timers.fire()).toBe(1_000);
    await saver.flush();
    expect(timers.queue[0]?.ms).toBe(2_000);
    fail = false;
    timers.fire();
    await saver.flush();
    expect(written).toEqual(['notes']);
    expect(statuses.at(-1)?.[0]).toBe('saved');
    expect(saver.pending).toBe(false);
  });

  it('writes the newest text at once when the person types again after a failure', async () => {
    const timers = fakeTimers();
    const save = vi.fn().mockRejectedValueOnce(new Error('closed')).mockResolvedValue(undefined);
    const statuses: SaveStatus[] = [];
    const saver = createAutosave<string>(save, (s) => statuses.push(s), timers);
    saver.push('a');
    await saver.flush();
    saver.push('ab');
    await saver.flush();
    expect(save.mock.calls.map(([v]) => v)).toEqual(['a', 'ab']);
    expect(timers.queue).toEqual([]);
    expect(statuses.at(-1)).toBe('saved');
  });
});

describe('combinedStatus', () => {
  it.each<[SaveStatus[], SaveStatus]>([
    [[], 'idle'],
    [['idle', 'idle'], 'idle'],
    [['saved', 'idle'], 'saved'],
    [['saved', 'saving'], 'saving'],
    [['saving', 'saved'], 'saving'],
    [['saved', 'failed'], 'failed'],
    [['failed', 'saving'], 'failed'],
    [['saved', 'saved'], 'saved'],
  ])('%j → %s', (statuses, out) => {
    expect(combinedStatus(statuses)).toBe(out);
  });
});
