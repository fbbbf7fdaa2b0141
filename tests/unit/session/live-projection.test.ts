import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDb, db } from '../../../lib/db';
import { startFocus } from '../../../lib/focus';
import type { Mentorship, Note, SessionRecord } from '../../../lib/records';
import { loadLiveView } from '../../../lib/repos/live';
import { createMentorship } from '../../../lib/repos/mentorships';
import { savePreNote } from '../../../lib/repos/notes';
import {
  createLiveProjection,
  type LivePush,
  PANEL_GRACE_MS,
  type PortLike,
  portTab,
  project,
} from '../../../lib/session/live-projection';
import {
  callsItem,
  DEFAULT_SETTINGS,
  focusItem,
  liveItem,
  liveViewItem,
  recentItem,
  settingsItem,
} from '../../../lib/storage/items';

// One projection per call tab, in storage.session and down every `live` port of that tab,
// recomputed when the call, the focus ledger, the database or the settings change.

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 3, 10, 0);
const ORIGIN = 'chrome-extension://test-extension-id/';

const ANA: Mentorship = {
  id: 'm1',
  otherName: 'Ana',
  myRole: 'mentee',
  agreement: { type: 'goal-oriented', cadenceDays: 14, sessionMinutes: 30 },
  goals: [],
  createdAt: T0,
};
const LIVE: SessionRecord = {
  id: 's1',
  mentorshipId: 'm1',
  kind: 'regular',
  status: 'live',
  startedAt: T0,
  actionItems: [],
};
const note = (author: 'mentee' | 'mentor', text: string): Note => ({
  id: `s1:pre:${author}`,
  sessionId: 's1',
  mentorshipId: 'm1',
  kind: 'pre-session',
  author,
  text,
  updatedAt: T0,
});
const CALL = { platform: 'meet' as const, state: 'in-call' as const, since: T0 };

describe('project', () => {
  const base = {
    tabId: 7,
    view: { session: LIVE, mentorship: ANA, mentorships: [ANA], notes: [note('mentee', 'Hi')] },
    focus: startFocus(T0),
    settings: DEFAULT_SETTINGS,
  };

  it('a live call: the session, its notes, its focus ledger and the agreed length', () => {
    expect(
      project({ ...base, call: CALL, live: { sessionId: 's1', platform: 'meet', windowId: 3 } }),
    ).toEqual({
      v: 1,
      tabId: 7,
      call: CALL,
      live: { sessionId: 's1', platform: 'meet' },
      sessionId: 's1',
      session: LIVE,
      mentorship: ANA,
      mentorships: [],
      menteeNotes: 'Hi',
      mentorNotes: '',
      focus: startFocus(T0),
      sessionMinutes: 30,
      panelOpen: false,
      foldWhilePresenting: true,
    });
  });

  it('carries whether the user presents, whether the panel is open, and the fold setting', () => {
    const p = project({
      ...base,
      call: { ...CALL, presenting: true },
      live: { sessionId: 's1', platform: 'meet' },
      panelOpen: true,
      settings: { ...DEFAULT_SETTINGS, foldWhilePresenting: false },
    });
    expect(p).toMatchObject({
      call: { presenting: true },
      panelOpen: true,
      foldWhilePresenting: false,
    });
  });

  it('leaves out the heartbeat, which changes with every focus event and is shown nowhere', () => {
    const figures = { awayMs: 1, count: 1, longestMs: 1, presentShare: 1 };
    const p = project({
      ...base,
      call: CALL,
      live: { sessionId: 's1', platform: 'meet' },
      view: { ...base.view, session: { ...LIVE, aliveAt: T0 + MIN, focus: figures } },
    });
    expect(p?.session).toEqual(LIVE);
    // An ended session's figures are its own, and stay.
    const ended = project({
      ...base,
      call: { ...CALL, state: 'ended' },
      recent: { sessionId: 's1' },
      view: { ...base.view, session: { ...LIVE, status: 'ended', focus: figures } },
    });
    expect(ended?.session?.focus).toEqual(figures);
  });

  it('a call with no mentorship times the default length from the settings', () => {
    const p = project({
      ...base,
      call: CALL,
      live: { sessionId: 's1', platform: 'meet' },
      view: { session: { ...LIVE, mentorshipId: null }, mentorships: [ANA], notes: [] },
      settings: { ...DEFAULT_SETTINGS, defaultSessionMinutes: 25 },
    });
    expect(p?.sessionMinutes).toBe(25);
    // Unmatched: the choices for "which mentorship?", names only.
    expect(p?.mentorships).toEqual([{ id: 'm1', otherName: 'Ana' }]);
  });

  it('an ended call keeps the session, without notes or focus ledger', () => {
    const p = project({
      ...base,
      call: { ...CALL, state: 'ended' },
      recent: { sessionId: 's1' },
      view: { ...base.view, session: { ...LIVE, status: 'ended', endedAt: T0 + MIN } },
    });
    expect(p).toMatchObject({ live: null, sessionId: 's1', menteeNotes: '', focus: null });
    expect(p?.session?.status).toBe('ended');
  });

  it('a tab with no call has none', () => {
    expect(project({ ...base, recent: { sessionId: 's1' } })).toBeNull();
  });
});

describe('portTab', () => {
  const port = (name: string, sender: PortLike['sender']): PortLike => ({
    name,
    sender,
    postMessage() {},
    disconnect() {},
    onDisconnect: { addListener() {} },
  });
  it.each([
    ['the card, named live', 'live', { tab: { id: 5 }, url: `${ORIGIN}overlay.html` }, 5],
    ['the card naming its own tab', 'live:5', { tab: { id: 5 }, url: `${ORIGIN}overlay.html` }, 5],
    [
      'a frame naming another tab',
      'live:6',
      { tab: { id: 5 }, url: `${ORIGIN}overlay.html` },
      undefined,
    ],
    ['a page outside any tab naming one', 'live:6', { url: `${ORIGIN}sidepanel.html` }, 6],
    ['a page outside any tab, unnamed', 'live', { url: `${ORIGIN}sidepanel.html` }, undefined],
    [
      'a call page (content script)',
      'live',
      { tab: { id: 5 }, url: 'https://meet.google.com/x' },
      undefined,
    ],
    ['another name', 'other', { tab: { id: 5 }, url: `${ORIGIN}overlay.html` }, undefined],
  ])('%s', (_name, name, sender, tab) => {
    expect(portTab(port(name, sender), ORIGIN)).toBe(tab);
  });
});

/** A port as the background sees it, recording what it was sent (the card's, or the panel's). */
function fakePort(tabId: number, from: 'card' | 'panel' = 'card') {
  const sent: LivePush[] = [];
  let onGone: (() => void) | undefined;
  const port: PortLike = {
    name: from === 'card' ? 'live' : `live:${tabId}`,
    sender:
      from === 'card'
        ? { tab: { id: tabId }, url: `${ORIGIN}overlay.html` }
        : { url: `${ORIGIN}sidepanel.html?tab=${tabId}` },
    postMessage: (m) => sent.push(m as LivePush),
    disconnect: vi.fn(),
    onDisconnect: { addListener: (cb) => (onGone = cb) },
  };
  return { port, sent, gone: () => onGone?.() };
}

describe('the background projection', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await closeDb();
    globalThis.indexedDB = new IDBFactory();
  });
  afterEach(() => closeDb());

  const hub = () => createLiveProjection({ db, loadView: loadLiveView, ownOrigin: ORIGIN });

  async function liveCall() {
    const d = await db();
    const { mentorship, session } = await createMentorship(
      d,
      { otherName: 'Ana', myRole: 'mentee', cadenceDays: 14, sessionMinutes: 30 },
      T0,
    );
    await d.put('sessions', { ...session, status: 'live', startedAt: T0 });
    await savePreNote(d, session, 'mentee', 'Before the call', T0);
    await callsItem.set({ 7: CALL });
    await liveItem.set({ 7: { sessionId: session.id, platform: 'meet' } });
    await focusItem(session.id).set(startFocus(T0));
    return { mentorship, session };
  }

  it('keeps one projection per call tab in storage.session', async () => {
    const { session } = await liveCall();
    await hub().refresh();
    expect(await liveViewItem(7).get()).toMatchObject({
      tabId: 7,
      sessionId: session.id,
      menteeNotes: 'Before the call',
      mentorship: { otherName: 'Ana' },
      sessionMinutes: 30,
    });
  });

  it('pushes the current projection on connect and each change after, to that tab only', async () => {
    const { session } = await liveCall();
    const h = hub();
    await h.refresh();
    const card = fakePort(7);
    const other = fakePort(8);
    h.connect(card.port);
    h.connect(other.port);
    await vi.waitFor(() => expect(card.sent).toHaveLength(1));
    expect(card.sent[0]?.view?.sessionId).toBe(session.id);
    expect(other.sent).toEqual([{ type: 'live-view', view: null }]);

    const stop = h.watch();
    await savePreNote(await db(), session, 'mentee', 'Changed in the popup', T0 + MIN);
    await vi.waitFor(() =>
      expect(card.sent.at(-1)?.view?.menteeNotes).toBe('Changed in the popup'),
    );
    const pushes = card.sent.length;
    // A change that does not move the projection pushes nothing.
    await settingsItem.set({ ...DEFAULT_SETTINGS, graceSeconds: 5 });
    await h.refresh();
    expect(card.sent).toHaveLength(pushes);
    expect(other.sent).toHaveLength(1);

    // Gone: nothing more is sent to it.
    card.gone();
    await focusItem(session.id).set({ ...startFocus(T0), endedAt: T0 + MIN });
    await vi.waitFor(async () =>
      expect((await liveViewItem(7).get())?.focus?.endedAt).toBe(T0 + MIN),
    );
    expect(card.sent).toHaveLength(pushes);
    stop();
  });

  it('follows the call state, the settings and the focus ledger', async () => {
    const { session } = await liveCall();
    const h = hub();
    const stop = h.watch();
    await h.refresh();
    await unmatch(session.id);
    await settingsItem.set({ ...DEFAULT_SETTINGS, defaultSessionMinutes: 50 });
    await vi.waitFor(async () => expect((await liveViewItem(7).get())?.sessionMinutes).toBe(50));
    // The call ended: the session is the recent one, without its notes.
    await liveItem.set({});
    await recentItem.set({ 7: { sessionId: session.id, endedAt: T0 + MIN } });
    await callsItem.set({ 7: { ...CALL, state: 'ended', since: T0 + MIN } });
    await vi.waitFor(async () =>
      expect(await liveViewItem(7).get()).toMatchObject({
        live: null,
        sessionId: session.id,
        menteeNotes: '',
      }),
    );
    // The tab closed: no projection.
    await callsItem.set({});
    await vi.waitFor(async () => expect(await liveViewItem(7).get()).toBeNull());
    stop();
  });

  it('knows when the side panel is open on a call, and tells the card; a drop after a grace', async () => {
    await liveCall();
    let now = T0;
    const timers: Array<() => void> = [];
    const h = createLiveProjection({
      db,
      loadView: loadLiveView,
      ownOrigin: ORIGIN,
      now: () => now,
      setTimeout: (fn) => timers.push(fn),
    });
    await h.refresh();
    const card = fakePort(7);
    h.connect(card.port);
    await vi.waitFor(() => expect(card.sent).toHaveLength(1));
    expect(card.sent[0]?.view?.panelOpen).toBe(false);
    expect(h.panelOpen(7)).toBe(false);

    const panel = fakePort(7, 'panel');
    h.connect(panel.port);
    expect(h.panelOpen(7)).toBe(true);
    expect(h.panelOpen(8)).toBe(false);
    await vi.waitFor(() => expect(card.sent.at(-1)?.view?.panelOpen).toBe(true));
    expect((await liveViewItem(7).get())?.panelOpen).toBe(true);

    // Closed (or reloading): still open within the grace, so the card does not flicker.
    panel.gone();
    expect(h.panelOpen(7)).toBe(true);
    now += PANEL_GRACE_MS + 1;
    expect(h.panelOpen(7)).toBe(false);
    for (const fire of timers.splice(0)) fire();
    await vi.waitFor(() => expect(card.sent.at(-1)?.view?.panelOpen).toBe(false));

    // A card's port is no panel.
    const second = fakePort(7);
    h.connect(second.port);
    expect(h.panelOpen(7)).toBe(false);
  });

  it('a new worker believes the panel the last one knew of, for the grace', async () => {
    await liveCall();
    const first = hub();
    await first.refresh();
    first.connect(fakePort(7, 'panel').port);
    await vi.waitFor(async () => expect((await liveViewItem(7).get())?.panelOpen).toBe(true));

    let now = T0;
    const timers: Array<() => void> = [];
    const next = createLiveProjection({
      db,
      loadView: loadLiveView,
      ownOrigin: ORIGIN,
      now: () => now,
      setTimeout: (fn) => timers.push(fn),
    });
    await next.refresh();
    expect(next.panelOpen(7)).toBe(true);
    expect((await liveViewItem(7).get())?.panelOpen).toBe(true);
    // The panel never came back: closed.
    now += PANEL_GRACE_MS + 1;
    for (const fire of timers.splice(0)) fire();
    await vi.waitFor(async () => expect((await liveViewItem(7).get())?.panelOpen).toBe(false));
  });

  it('refuses a port that is not from its own pages', async () => {
    const h = hub();
    const { port } = fakePort(7);
    h.connect({ ...port, sender: { tab: { id: 7 }, url: 'https://meet.google.com/abc' } });
    expect(port.disconnect).toHaveBeenCalled();
  });

  it('drops the projection of a closed tab and tells its ports', async () => {
    await liveCall();
    const h = hub();
    await h.refresh();
    const card = fakePort(7);
    h.connect(card.port);
    await vi.waitFor(() => expect(card.sent).toHaveLength(1));
    await h.drop(7);
    expect(await liveViewItem(7).get()).toBeNull();
    expect(card.sent.at(-1)).toEqual({ type: 'live-view', view: null });
  });
});

/** The session matched to no mentorship (so the default length applies). */
async function unmatch(sessionId: string) {
  const d = await db();
  const s = await d.get('sessions', sessionId);
  if (s) await d.put('sessions', { ...s, mentorshipId: null });
  // A direct put announces nothing; the test's own write says the database changed.
  const { announceChange } = await import('../../../lib/changes');
  announceChange();
}
