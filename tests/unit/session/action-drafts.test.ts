import { describe, expect, it } from 'vitest';
import { getSession } from '../../../lib/repos/sessions';
import { settleActionDrafts } from '../../../lib/session/action-drafts';
import { storedDrafts } from '../../../lib/session/live-client';
import { actionDraftItem, actionDraftSessions } from '../../../lib/storage/items';
import { useDb } from '../repos/db';

// The action item typed on a call and never added: when its session is over, it becomes one of
// the session's action items (a browser closed mid-typing loses nothing).

const T0 = Date.UTC(2026, 10, 3, 10, 0);
const d = useDb();

async function sessionOf(status: 'live' | 'ended', id: string) {
  await d.get().put('sessions', {
    id,
    mentorshipId: null,
    kind: 'regular',
    status,
    startedAt: T0,
    ...(status === 'ended' ? { endedAt: T0 + 1_800_000 } : {}),
    actionItems: [],
  });
}

describe('settleActionDrafts', () => {
  it('adds the draft of an ended session as its action item and drops it', async () => {
    await sessionOf('ended', 's1');
    await storedDrafts.write('s1', '  Send the deck to Dana ');
    expect(await settleActionDrafts(d.get(), T0 + 2_000_000)).toEqual(['s1']);
    const s = await getSession(d.get(), 's1');
    expect(s?.actionItems.map((a) => a.text)).toEqual(['Send the deck to Dana']);
    expect(await actionDraftSessions()).toEqual([]);
    // Run again: nothing more.
    expect(await settleActionDrafts(d.get(), T0 + 2_000_000)).toEqual([]);
    expect((await getSession(d.get(), 's1'))?.actionItems).toHaveLength(1);
  });

  it("leaves a live session's draft for its card", async () => {
    await sessionOf('live', 's1');
    await storedDrafts.write('s1', 'Still typing');
    expect(await settleActionDrafts(d.get(), T0)).toEqual([]);
    expect(await storedDrafts.read('s1')).toBe('Still typing');
  });

  it('drops a blank draft and the draft of a session that is gone', async () => {
    await sessionOf('ended', 's1');
    await actionDraftItem('s1').set('   ');
    await storedDrafts.write('gone', 'Lost cause');
    expect(await settleActionDrafts(d.get(), T0)).toEqual([]);
    expect(await actionDraftSessions()).toEqual([]);
    expect((await getSession(d.get(), 's1'))?.actionItems).toEqual([]);
  });

  it("writing '' drops the kept draft", async () => {
    await storedDrafts.write('s1', 'x');
    await storedDrafts.write('s1', '');
    expect(await actionDraftSessions()).toEqual([]);
    expect(await storedDrafts.read('s1')).toBe('');
  });
});
