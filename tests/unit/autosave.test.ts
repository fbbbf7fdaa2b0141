import { describe, expect, it, vi } from 'vitest';
import { createAutosave, type SaveStatus } from '../../lib/autosave';

// Saving as people type: every change starts a write at once, writes never overlap, the newest
// value waiting replaces an older one, and a failed write does not stop the next.

function deferredSaver() {
  const calls: Array<{ value: string; done: () => void; fail: (e: unknown) => void }> = [];
  const save = vi.fn(
    (value: string) =>
      new Promise<void>((resolve, reject) => {
        calls.push({ value, done: resolve, fail: reject });
      }),
  );
  return { save, calls };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createAutosave', () => {
  it('writes the first change at once and says saving, then saved', async () => {
    const { save, calls } = deferredSaver();
    const status: SaveStatus[] = [];
    const a = createAutosave(save, (s) => status.push(s));
    a.push('H');
    expect(save).toHaveBeenCalledWith('H');
    expect(status).toEqual(['saving']);
    calls[0]?.done();
    await a.flush();
    expect(status).toEqual(['saving', 'saved']);
  });

  it('never runs two writes at once; the newest waiting value wins', async () => {
    const { save, calls } = deferredSaver();
    const a = createAutosave(save, () => {});
    a.push('C');
    a.push('Ca');
    a.push('Car');
    expect(save).toHaveBeenCalledTimes(1);
    calls[0]?.done();
    await tick();
    expect(save.mock.calls.map((c) => c[0])).toEqual(['C', 'Car']);
    calls[1]?.done();
    await a.flush();
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('keeps going after a failed write, and logs it', async () => {
    const { save, calls } = deferredSaver();
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const a = createAutosave(save, () => {});
    a.push('a');
    a.push('ab');
    calls[0]?.fail(new Error('disk full'));
    await tick();
    expect(save.mock.calls.map((c) => c[0])).toEqual(['a', 'ab']);
    calls[1]?.done();
    await a.flush();
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });

  it('flush resolves at once when nothing is pending, and after the last write otherwise', async () => {
    const { save, calls } = deferredSaver();
    const a = createAutosave(save, () => {});
    await a.flush();
    a.push('x');
    let flushed = false;
    const f = a.flush().then(() => {
      flushed = true;
    });
    await tick();
    expect(flushed).toBe(false);
    calls[0]?.done();
    await f;
    expect(flushed).toBe(true);
    // A push after the drain starts a new write.
    a.push('y');
    expect(save).toHaveBeenLastCalledWith('y');
  });
});
