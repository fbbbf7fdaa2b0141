import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../../lib/errors';
import { applyFocusEvent, startFocus } from '../../../lib/focus';
import type { Mentorship, SessionRecord } from '../../../lib/records';
import type { LiveProjection } from '../../../lib/session/live-projection';
import { AWAY_FLASH_MS, type Clock, LiveModel, type LiveSource } from '../../../models/live';

// The live model over a fake source and a fixed clock: what the card and the side panel show
// follows the projection the source feeds; edits go to the source; nothing runs once disposed.

const MIN = 60_000;
/** 2026-11-03 10:00 UTC. */
const T0 = Date.UTC(2026, 10, 3, 10, 0);

function fakeClock(start = T0) {
  let now = start;
  const ticks = new Set<() => void>();
  const clock: Clock = {
    now: () => now,
    every(_ms, tick) {
      ticks.add(tick);
      return () => ticks.delete(tick);
    },
  };
  return {
    clock,
    ticking: () => ticks.size,
    /** Moves the clock on and ticks once, as a second's interval would. */
    advance(ms: number) {
      now += ms;
      for (const tick of ticks) tick();
    },
  };
}

function fakeSource() {
  let cb: ((view: LiveProjection | null) => void) | undefined;
  const source: LiveSource & { subscribed: () => boolean } = {
    feed: (next) => {
      cb = next;
      return () => {
        cb = undefined;
      };
    },
    addActionItem: vi.fn(async () => {}),
    toggleActionItem: vi.fn(async () => {}),
    editActionItem: vi.fn(async () => {}),
    removeActionItem: vi.fn(async (): Promise<string | undefined> => 'token-1'),
    undoRemove: vi.fn(async () => {}),
    assign: vi.fn(async () => {}),
    subscribed: () => cb !== undefined,
  };
  return { source, push: (view: LiveProjection | null) => cb?.(view) };
}

const ANA: Mentorship = {
  id: 'm1',
  otherName: 'Ana',
  myRole: 'mentee',
  agreement: { type: 'goal-oriented', cadenceDays: 14, sessionMinutes: 30 },
  goals: [
    { id: 'g1', text: 'Done already', createdAt: T0 - MIN, doneAt: T0 },
    { id: 'g2', text: 'Lead the platform team', createdAt: T0 - MIN },
  ],
  createdAt: T0 - 30 * MIN,
};

const session = (extra: Partial<SessionRecord> = {}): SessionRecord => ({
  id: 's1',
  mentorshipId: 'm1',
  kind: 'regular',
  status: 'live',
  startedAt: T0,
  actionItems: [],
  ...extra,
});

const view = (extra: Partial<LiveProjection> = {}): LiveProjection => ({
  v: 1,
  tabId: 42,
  call: { platform: 'meet', state: 'in-call', since: T0 },
  live: { sessionId: 's1', platform: 'meet' },
  sessionId: 's1',
  session: session(),
  mentorship: ANA,
  mentorships: [],
  menteeNotes: 'Context',
  mentorNotes: '',
  focus: startFocus(T0),
  sessionMinutes: 30,
  panelOpen: false,
  foldWhilePresenting: true,
  ...extra,
});

const models: Array<{ [Symbol.dispose](): void }> = [];
function make() {
  const c = fakeClock();
  const s = fakeSource();
  const model = new LiveModel(s.source, c.clock);
  models.push(model);
  return { model, ...c, ...s };
}
afterEach(() => {
  for (const m of models.splice(0)) m[Symbol.dispose]();
});

describe('the live model', () => {
  it('is loading until the first projection, then shows what it says', () => {
    const { model, push } = make();
    expect(model.loaded.value).toBe(false);
    expect(model.session.value).toBeUndefined();
    push(view());
    expect(model.loaded.value).toBe(true);
    expect(model.tabId.value).toBe(42);
    expect(model.call.value?.state).toBe('in-call');
    expect(model.sessionId.value).toBe('s1');
    expect(model.mentorship.value?.otherName).toBe('Ana');
    expect(model.menteeNotes.value).toBe('Context');
    expect(model.goal.value?.id).toBe('g2');
    expect(model.unassigned.value).toBeUndefined();
  });

  it('a tab with no call: loaded, and nothing to show', () => {
    const { model, push } = make();
    push(null);
    expect(model.loaded.value).toBe(true);
    expect([model.call.value, model.live.value, model.sessionId.value]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(model.timer.value).toBeUndefined();
  });

  it('times the session at the clock, with the length the projection gives', () => {
    const { model, push, advance } = make();
    push(view({ sessionMinutes: 30 }));
    expect(model.timer.value).toMatchObject({ elapsedMs: 0, leftMs: 30 * MIN, phase: 'running' });
    advance(16 * MIN);
    expect(model.timer.value).toMatchObject({ elapsedMs: 16 * MIN, phase: 'second-half' });
    // The user's default length, for a call with no mentorship (the background puts it there).
    push(view({ mentorship: null, sessionMinutes: 60 }));
    expect(model.timer.value?.lengthMs).toBe(60 * MIN);
    // An ended session stops at its end, whatever the clock says.
    push(view({ session: session({ status: 'ended', endedAt: T0 + 20 * MIN }), live: null }));
    advance(30 * MIN);
    expect(model.timer.value?.elapsedMs).toBe(20 * MIN);
  });

  it('computes the focus figures at the clock', () => {
    const { model, push, advance } = make();
    const away = applyFocusEvent(startFocus(T0), { at: T0 + MIN, kind: 'tab', where: 'other' });
    advance(3 * MIN);
    push(view({ focus: away }));
    expect(model.figures.value).toMatchObject({ awayMs: 2 * MIN, count: 1, awaySince: T0 + MIN });
    advance(MIN);
    expect(model.figures.value?.awayMs).toBe(3 * MIN);
  });

  it('tells "you were away" once when the user comes back, for a while, not for earlier spans', () => {
    const { model, push, advance } = make();
    const before = applyFocusEvent(
      applyFocusEvent(startFocus(T0), { at: T0 + MIN, kind: 'tab', where: 'other' }),
      { at: T0 + 2 * MIN, kind: 'tab', where: 'call' },
    );
    advance(3 * MIN);
    // Away and back before the card was there: not news.
    push(view({ focus: before }));
    expect(model.awayFlash.value).toBeUndefined();
    const gone = applyFocusEvent(before, { at: T0 + 3 * MIN, kind: 'tab', where: 'other' });
    push(view({ focus: gone }));
    expect(model.awayFlash.value).toBeUndefined();
    advance(72_000);
    const back = applyFocusEvent(gone, { at: T0 + 3 * MIN + 72_000, kind: 'tab', where: 'call' });
    push(view({ focus: back }));
    expect(model.awayFlash.value).toBe(72_000);
    // The same ledger again (another change pushed) tells nothing new.
    push(view({ focus: back, menteeNotes: 'More' }));
    expect(model.awayFlash.value).toBe(72_000);
    advance(AWAY_FLASH_MS);
    expect(model.awayFlash.value).toBeUndefined();
  });

  it('asks which mentorship while the call is matched to none', () => {
    const { model, push } = make();
    push(
      view({
        session: session({ mentorshipId: null }),
        mentorship: null,
        mentorships: [{ id: 'm1', otherName: 'Ana' }],
      }),
    );
    expect(model.unassigned.value).toEqual([{ id: 'm1', otherName: 'Ana' }]);
    push(view({ session: session({ mentorshipId: null, adHoc: true }), mentorships: [] }));
    expect(model.unassigned.value).toBeUndefined();
  });

  it('sends edits to the source for the session shown', async () => {
    const { model, push, source } = make();
    model.typeDraft('Nothing yet');
    await model.addDraft();
    expect(source.addActionItem).not.toHaveBeenCalled();
    push(view());
    model.typeDraft('   ');
    await model.addDraft();
    expect(source.addActionItem).not.toHaveBeenCalled();
    model.typeDraft('Draft the summary');
    await model.addDraft();
    await model.toggleActionItem('a1');
    await model.assign(null);
    expect(source.addActionItem).toHaveBeenCalledWith('s1', 'Draft the summary');
    expect(source.toggleActionItem).toHaveBeenCalledWith('s1', 'a1');
    expect(source.assign).toHaveBeenCalledWith('s1', null);
  });

  it('edits and deletes an action item, and undoes the delete, for the session shown', async () => {
    const { model, push, source } = make();
    push(view());
    expect(await model.editActionItem('a1', 'Draft the summary')).toBe(true);
    expect(source.editActionItem).toHaveBeenCalledWith('s1', 'a1', 'Draft the summary');
    await model.removeActionItem('a1');
    expect(source.removeActionItem).toHaveBeenCalledWith('s1', 'a1');
    expect(model.removed.value).toEqual({ itemId: 'a1', token: 'token-1' });
    await model.undoRemove();
    expect(source.undoRemove).toHaveBeenCalledWith('s1', 'a1', 'token-1');
    expect(model.removed.value).toBeUndefined();
    vi.stubGlobal('browser', {
      ...browser,
      i18n: { getMessage: (key: string) => (key === 'error_action_item_empty' ? 'Empty.' : '') },
    });
    vi.mocked(source.editActionItem).mockRejectedValueOnce(new UserError('action-item-empty'));
    expect(await model.editActionItem('a1', ' ')).toBe(false);
    expect(model.error.value).toBe('Empty.');
    vi.unstubAllGlobals();
  });

  it('shows a refused edit as its sentence, and clears it on the next edit', async () => {
    const { model, push, source } = make();
    vi.stubGlobal('browser', {
      ...browser,
      i18n: { getMessage: (key: string) => (key === 'error_session_gone' ? 'Gone.' : '') },
    });
    push(view());
    vi.mocked(source.addActionItem).mockRejectedValueOnce(new UserError('session-gone'));
    model.typeDraft('Draft');
    await model.addDraft();
    expect(model.error.value).toBe('Gone.');
    await model.addDraft();
    expect(model.error.value).toBeUndefined();
    vi.unstubAllGlobals();
  });

  it('stops the feed and the clock when disposed', () => {
    const { model, source, ticking, push } = make();
    expect(source.subscribed()).toBe(true);
    expect(ticking()).toBe(1);
    model[Symbol.dispose]();
    expect(source.subscribed()).toBe(false);
    expect(ticking()).toBe(0);
    push(view());
    expect(model.loaded.value).toBe(false);
  });
});

describe('the action item being typed (nothing typed is lost)', () => {
  function withDrafts(kept: Record<string, string> = {}) {
    const store = { ...kept };
    const drafts = {
      read: vi.fn(async (id: string) => store[id] ?? ''),
      write: vi.fn(async (id: string, text: string) => {
        if (text) store[id] = text;
        else delete store[id];
      }),
    };
    const c = fakeClock();
    const s = fakeSource();
    const model = new LiveModel({ ...s.source, drafts }, c.clock);
    models.push(model);
    return { model, store, drafts, ...s };
  }
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('keeps each keystroke for its session', async () => {
    const { model, push, store } = withDrafts();
    push(view());
    model.typeDraft('Send');
    model.typeDraft('Send the deck');
    await settle();
    expect(store).toEqual({ s1: 'Send the deck' });
    expect(model.draft.value).toBe('Send the deck');
  });

  it('shows what was kept when the card opens again for the same session', async () => {
    const { model, push } = withDrafts({ s1: 'Half-typed', s2: 'Another call' });
    expect(model.draft.value).toBe('');
    push(view());
    await settle();
    expect(model.draft.value).toBe('Half-typed');
  });

  it('does not overwrite what was typed before the kept draft arrived', async () => {
    const { model, push } = withDrafts({ s1: 'Old' });
    push(view());
    model.typeDraft('New');
    await settle();
    expect(model.draft.value).toBe('New');
  });

  it('adds the draft, then empties the box and drops what was kept', async () => {
    const { model, push, source, store } = withDrafts();
    push(view());
    model.typeDraft('Draft the summary');
    await model.addDraft();
    expect(source.addActionItem).toHaveBeenCalledWith('s1', 'Draft the summary');
    expect(model.draft.value).toBe('');
    await settle();
    expect(store).toEqual({});
  });

  it('keeps the draft when the add is refused', async () => {
    const { model, push, source, store } = withDrafts();
    push(view());
    model.typeDraft('Draft');
    vi.mocked(source.addActionItem).mockRejectedValueOnce(new UserError('session-gone'));
    await model.addDraft();
    expect(model.draft.value).toBe('Draft');
    await settle();
    expect(store).toEqual({ s1: 'Draft' });
  });

  it('adds nothing for a blank draft', async () => {
    const { model, push, source } = withDrafts();
    push(view());
    model.typeDraft('   ');
    await model.addDraft();
    expect(source.addActionItem).not.toHaveBeenCalled();
  });

  it('moves what was typed along when the call becomes another session', async () => {
    const { model, push, store } = withDrafts();
    push(view({ sessionId: 's-call', session: session({ id: 's-call' }) }));
    model.typeDraft('Ask about the offsite');
    await settle();
    push(view({ sessionId: 's1', session: session() }));
    await settle();
    expect(store).toEqual({ s1: 'Ask about the offsite' });
    expect(model.draft.value).toBe('Ask about the offsite');
  });
});

describe('the card folding to its pill', () => {
  const presenting = (on: boolean, extra: Partial<LiveProjection> = {}) =>
    view({
      call: { platform: 'meet', state: 'in-call', since: T0, ...(on ? { presenting: true } : {}) },
      ...extra,
    });

  it('folds while the user presents and unfolds when the sharing stops', () => {
    const { model, push } = make();
    push(presenting(false));
    expect(model.fold.value).toBeNull();
    push(presenting(true));
    expect(model.fold.value).toBe('presenting');
    push(presenting(false));
    expect(model.fold.value).toBeNull();
  });

  it('stays whole while presenting when the setting is off', () => {
    const { model, push } = make();
    push(presenting(true, { foldWhilePresenting: false }));
    expect(model.fold.value).toBeNull();
  });

  it('stays folded after the sharing stops when the user folded it by hand', () => {
    const { model, push } = make();
    push(presenting(false));
    model.foldByHand();
    expect(model.fold.value).toBe('hand');
    push(presenting(true));
    expect(model.fold.value).toBe('presenting');
    push(presenting(false));
    expect(model.fold.value).toBe('hand');
    model.unfold();
    expect(model.fold.value).toBeNull();
  });

  it('a click unfolds it until the reason is over; the next time it folds again', () => {
    const { model, push } = make();
    push(presenting(true));
    model.unfold();
    expect(model.fold.value).toBeNull();
    // The same sharing goes on (a focus change, a note edited): still whole.
    push(presenting(true, { menteeNotes: 'More' }));
    expect(model.fold.value).toBeNull();
    push(presenting(false));
    push(presenting(true));
    expect(model.fold.value).toBe('presenting');
  });

  it('folds while the side panel shows the call, and unfolds when it closes', () => {
    const { model, push } = make();
    push(view({ panelOpen: true }));
    expect(model.fold.value).toBe('panel');
    push(view({ panelOpen: false }));
    expect(model.fold.value).toBeNull();
  });

  it('at the end, the end card; "Reflect now" only when the panel is not showing it', () => {
    const { model, push } = make();
    const ended = (panelOpen: boolean) =>
      view({
        call: { platform: 'meet', state: 'ended', since: T0 + MIN },
        live: null,
        session: session({ status: 'ended', endedAt: T0 + MIN }),
        panelOpen,
      });
    push(view({ panelOpen: true }));
    push(ended(true));
    expect(model.ended.value).toBe(true);
    expect(model.fold.value).toBeNull();
    expect(model.offerReflect.value).toBe(false);
    push(ended(false));
    expect(model.offerReflect.value).toBe(true);
  });
});
