import { describe, expect, it } from 'vitest';
import type { ActionItem, SessionRecord } from '../../../lib/records';
import {
  actionItemGroups,
  applyActionItemEdit,
  sessionActionItems,
} from '../../../lib/rules/action-items';
import { expectUserError } from '../sentences';

const DAY = 86_400_000;
const MIN = 60_000;
// Wednesday 11 March 2026, 10:00 UTC.
const NOW = Date.UTC(2026, 2, 11, 10, 0);

describe('applyActionItemEdit', () => {
  const read: ActionItem = { id: 'r', text: 'Read chapter 3', createdAt: NOW - DAY };

  it('adds an item, trimmed, after the others', () => {
    expect(applyActionItemEdit([read], { add: '  Send the article ' }, NOW, 'new')).toEqual([
      read,
      { id: 'new', text: 'Send the article', createdAt: NOW },
    ]);
  });

  it('ticks an item off, and back on without a doneAt', () => {
    const [done] = applyActionItemEdit([read], { toggle: 'r' }, NOW, 'unused');
    expect(done).toEqual({ ...read, doneAt: NOW });
    const [undone] = applyActionItemEdit([done as ActionItem], { toggle: 'r' }, NOW + MIN, 'x');
    expect(undone).toEqual(read);
    expect(Object.keys(undone ?? {})).not.toContain('doneAt');
  });

  it('changes nothing for an id it does not hold', () => {
    expect(applyActionItemEdit([read], { toggle: 'gone' }, NOW, 'x')).toEqual([read]);
  });

  it.each([
    [{ add: '   ' }, [], 'action-item-empty', 'Write the action item first.'],
    [
      { add: 'x'.repeat(2001) },
      [],
      'text-too-long',
      'That text is too long; 2,000 characters at most.',
    ],
    [
      { add: 'One more' },
      Array.from({ length: 200 }, (_, i) => ({ ...read, id: String(i) })),
      'action-items-full',
      'This session already has 200 action items, the most it can hold; tick off or remove some first.',
    ],
  ] as const)('refuses %j', (edit, items, code, sentence) => {
    let error: unknown;
    try {
      applyActionItemEdit(items, edit, NOW, 'x');
    } catch (e) {
      error = e;
    }
    expectUserError(error, code, sentence);
  });
});

describe('action item groups', () => {
  const s = (over: Partial<SessionRecord> & { id: string }): SessionRecord => ({
    mentorshipId: 'm',
    kind: 'regular',
    status: 'ended',
    actionItems: [],
    ...over,
  });

  it('groups action items by session: open groups first, open items first', () => {
    const item = (id: string, done: boolean) => ({
      id,
      text: id,
      createdAt: 0,
      ...(done ? { doneAt: 1 } : {}),
    });
    const groups = actionItemGroups('m', [
      s({ id: 'all-done', startedAt: NOW - DAY, actionItems: [item('d1', true)] }),
      s({ id: 'older-open', startedAt: NOW - 3 * DAY, actionItems: [item('o1', false)] }),
      s({
        id: 'mixed',
        startedAt: NOW - 2 * DAY,
        actionItems: [item('m1', true), item('m2', false), item('m3', true), item('m4', false)],
      }),
      s({ id: 'none', startedAt: NOW }),
      s({
        id: 'next',
        status: 'scheduled',
        scheduledAt: NOW + DAY,
        actionItems: [item('n1', false)],
      }),
      s({ id: 'other', mentorshipId: 'x', actionItems: [item('x1', false)] }),
    ]);
    expect(groups.map((g) => [g.session.id, g.open, g.upcoming])).toEqual([
      ['next', 1, true],
      ['mixed', 2, false],
      ['older-open', 1, false],
      ['all-done', 0, false],
    ]);
    expect(groups[1]?.items.map((a) => a.id)).toEqual(['m2', 'm4', 'm1', 'm3']);
  });
});

describe('editing an item', () => {
  const read: ActionItem = { id: 'r', text: 'Read chaptre 3', createdAt: NOW - DAY };
  const done: ActionItem = { ...read, id: 'd', doneAt: NOW - MIN };

  it('changes the text, trimmed, keeping the rest', () => {
    expect(
      applyActionItemEdit([read, done], { edit: 'r', text: ' Read chapter 3 ' }, NOW, 'x'),
    ).toEqual([{ ...read, text: 'Read chapter 3' }, done]);
    expect(applyActionItemEdit([done], { edit: 'd', text: 'Done one' }, NOW, 'x')).toEqual([
      { ...done, text: 'Done one' },
    ]);
  });

  it.each([
    ['a done one done', { setDone: 'd', done: true }, [done]],
    ['an open one open', { setDone: 'r', done: false }, [read]],
    ['the same text', { edit: 'r', text: 'Read chaptre 3  ' }, [read]],
    ['a toggle of an id it does not hold', { toggle: 'gone' }, [read]],
  ] as const)('gives back the very same list for %s', (_name, edit, items) => {
    expect(applyActionItemEdit(items, edit, NOW, 'x')).toBe(items);
  });

  it('sets an item done or open, whatever it was', () => {
    expect(applyActionItemEdit([read], { setDone: 'r', done: true }, NOW, 'x')).toEqual([
      { ...read, doneAt: NOW },
    ]);
    const [open] = applyActionItemEdit([done], { setDone: 'd', done: false }, NOW, 'x');
    expect(open).toEqual({ ...read, id: 'd' });
    expect(open).not.toHaveProperty('doneAt');
  });

  it.each([
    [{ edit: 'r', text: '  ' }, 'action-item-empty', 'Write the action item first.'],
    [{ edit: 'r', text: 'x'.repeat(2001) }, 'text-too-long', undefined],
    [
      { edit: 'gone', text: 'x' },
      'action-item-gone',
      'That action item no longer exists; nothing was changed.',
    ],
    [{ setDone: 'gone', done: true }, 'action-item-gone', undefined],
  ] as const)('refuses %j', (edit, code, sentence) => {
    let error: unknown;
    try {
      applyActionItemEdit([read], edit, NOW, 'x');
    } catch (e) {
      error = e;
    }
    expectUserError(error, code, sentence);
  });
});

describe("a session's action items", () => {
  it('are those planned, those done and those carried forward', () => {
    const a = { id: 'a', text: 'a', createdAt: 0 };
    const b = { id: 'b', text: 'b', createdAt: 0, doneAt: 1 };
    const c = { id: 'c', text: 'c', createdAt: 0 };
    expect(sessionActionItems({ actionItems: [a, b, c] })).toEqual({
      planned: [a, b, c],
      done: [b],
      carriedForward: [a, c],
    });
    expect(sessionActionItems({ actionItems: [] })).toEqual({
      planned: [],
      done: [],
      carriedForward: [],
    });
  });
});
