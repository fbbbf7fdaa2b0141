import fs from 'node:fs';
import path from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDb, db } from '../../../lib/db';
import { errorKey, fromWire } from '../../../lib/errors';
import { startFocus } from '../../../lib/focus';
import type { CommandReply } from '../../../lib/messages';
import { platformOfHost } from '../../../lib/platforms/hosts';
import type { Detected } from '../../../lib/platforms/types';
import type { SessionRecord } from '../../../lib/records';
import { assignSession } from '../../../lib/repos/live';
import { createMentorship } from '../../../lib/repos/mentorships';
import { savePreNote } from '../../../lib/repos/notes';
import type { CallEntry } from '../../../lib/session/calls';
import {
  type Ask,
  type CallReport,
  createOrchestrator,
  type Hooks,
  type LiveInfo,
  readState,
} from '../../../lib/session/orchestrator';
import { pageFactsOf } from '../../../lib/session/reload-grace';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
/** 2026-11-03 10:00 UTC. */
const T0 = Date.UTC(2026, 10, 3, 10, 0);
const TAB = 42;

const english = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../../public/_locales/en/messages.json'), 'utf8'),
) as Record<string, { message: string }>;

/** The sentence the popup shows for a refused command (in English). */
const shown = (reply: CommandReply) =>
  reply.ok ? undefined : english[errorKey(fromWire(reply.error).code)]?.message;

let clock = T0;
const now = () => clock;

function recordingHooks(extra: Partial<SessionRecord> = {}) {
  const started = vi.fn<(tabId: number, live: LiveInfo, session: SessionRecord) => void>();
  const ending = vi.fn(async (_tabId: number, _live: LiveInfo, _at: number) => extra);
  const ended =
    vi.fn<
      (tabId: number, live: LiveInfo, session: SessionRecord | undefined, at: number) => void
    >();
  const hooks: Hooks = { started, ending, ended };
  return { hooks, started, ending, ended };
}

const report = (
  state: Detected | 'closed',
  at: number,
  extra: Partial<CallReport> = {},
): CallReport => ({
  tabId: TAB,
  windowId: 7,
  platform: 'meet',
  state,
  meetingKey: 'abc-defg-hij',
  at,
  ...extra,
});

const entry = (
  state: CallEntry['state'],
  since: number,
  platform: CallEntry['platform'] = 'meet',
) => ({
  platform,
  state,
  since,
});

async function calls() {
  return (await browser.storage.session.get('calls')).calls;
}

async function sessions() {
  return (await db()).getAll('sessions');
}

async function session(id: string) {
  return (await db()).get('sessions', id);
}

beforeEach(async () => {
  fakeBrowser.reset();
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
  clock = T0;
});

afterEach(async () => {
  await closeDb();
});

describe('a detected call', () => {
  it('lobby -> in-call starts one session; a duplicate in-call starts nothing', async () => {
    const { hooks, started } = recordingHooks();
    const o = createOrchestrator(hooks, now);

    expect(await o.report(report('lobby', T0))).toBe('none');
    expect(await calls()).toEqual({ [TAB]: entry('lobby', T0) });
    expect(await sessions()).toEqual([]);

    expect(await o.report(report('in-call', T0 + MIN))).toBe('start');
    expect(await calls()).toEqual({ [TAB]: entry('in-call', T0 + MIN) });
    const [live] = await sessions();
    expect(live).toMatchObject({
      mentorshipId: null,
      status: 'live',
      platform: 'meet',
      meetingKey: 'meet:abc-defg-hij',
      startedAt: T0 + MIN,
    });
    if (!live) throw new Error('no session');
    expect(started).toHaveBeenCalledTimes(1);
    expect(started).toHaveBeenCalledWith(
      TAB,
      { sessionId: live.id, platform: 'meet', windowId: 7, meetingKey: 'meet:abc-defg-hij' },
      live,
    );
    expect((await readState()).live).toEqual({
      [TAB]: { sessionId: live.id, platform: 'meet', windowId: 7, meetingKey: 'meet:abc-defg-hij' },
    });

    expect(await o.report(report('in-call', T0 + 2 * MIN))).toBe('none');
    expect(await calls()).toEqual({ [TAB]: entry('in-call', T0 + MIN) });
    expect(await sessions()).toHaveLength(1);
    expect(started).toHaveBeenCalledTimes(1);
  });

  it('keeps whether the user presents in the call entry, without a new session', async () => {
    const { hooks, started } = recordingHooks();
    const o = createOrchestrator(hooks, now);
    await o.report(report('in-call', T0, { presenting: false }));
    expect(await calls()).toEqual({ [TAB]: entry('in-call', T0) });
    expect(await o.report(report('in-call', T0 + MIN, { presenting: true }))).toBe('none');
    expect(await calls()).toEqual({ [TAB]: { ...entry('in-call', T0), presenting: true } });
    // After a worker restart, the tab's answer says it too.
    await createOrchestrator(hooks, now).reconcile(
      async () => ({ state: 'in-call', presenting: false }),
      async () => true,
    );
    expect(await calls()).toEqual({ [TAB]: entry('in-call', T0) });
    expect(started).toHaveBeenCalledTimes(1);
  });

  it('two in-call reports at once start one session', async () => {
    const { hooks, started } = recordingHooks();
    const o = createOrchestrator(hooks, now);
    const effects = await Promise.all([
      o.report(report('in-call', T0)),
      o.report(report('in-call', T0 + 1)),
      o.report(report('in-call', T0 + 2)),
    ]);
    expect(effects).toEqual(['start', 'none', 'none']);
    expect(await sessions()).toHaveLength(1);
    expect(started).toHaveBeenCalledTimes(1);
    expect(await calls()).toEqual({ [TAB]: entry('in-call', T0) });
  });

  it('turns the session prepared for the meeting link live', async () => {
    const d = await db();
    const { mentorship, session: prepared } = await createMentorship(
      d,
      {
        otherName: 'Ana',
        myRole: 'mentor',
        meetingLink: 'https://meet.google.com/abc-defg-hij',
        cadenceDays: 14,
        sessionMinutes: 45,
        firstSessionAt: T0 + 2 * DAY,
      },
      T0 - DAY,
    );
    const { hooks, started } = recordingHooks();
    const o = createOrchestrator(hooks, now);
    await o.report(report('in-call', T0));
    expect(started.mock.calls[0]?.[2]).toMatchObject({
      id: prepared.id,
      mentorshipId: mentorship.id,
      status: 'live',
    });
    expect(await sessions()).toHaveLength(1);
  });

  it('in-call -> ended writes endedAt and what ending adds, and calls ending then ended', async () => {
    const focus = { awayMs: 30_000, count: 1, longestMs: 30_000, presentShare: 0.99 };
    const { hooks, ending, ended } = recordingHooks({ focus });
    const o = createOrchestrator(hooks, now);
    await o.report(report('in-call', T0));
    const { live } = await readState();
    const info = live[TAB];
    if (!info) throw new Error('not live');

    expect(await o.report(report('ended', T0 + 45 * MIN))).toBe('end');
    const done = await session(info.sessionId);
    expect(done).toMatchObject({ status: 'ended', startedAt: T0, endedAt: T0 + 45 * MIN, focus });
    expect(ending).toHaveBeenCalledExactlyOnceWith(TAB, info, T0 + 45 * MIN);
    expect(ended).toHaveBeenCalledExactlyOnceWith(TAB, info, done, T0 + 45 * MIN);
    expect(ending.mock.invocationCallOrder[0]).toBeLessThan(ended.mock.invocationCallOrder[0] ?? 0);
    expect(await readState()).toEqual({
      calls: { [TAB]: entry('ended', T0 + 45 * MIN) },
      live: {},
    });
    expect((await browser.storage.session.get('recent')).recent).toEqual({
      [TAB]: { sessionId: info.sessionId, endedAt: T0 + 45 * MIN },
    });

    // A repeated end, or the page leaving the call, ends nothing more.
    expect(await o.report(report('ended', T0 + 46 * MIN))).toBe('none');
    expect(await o.report(report('none', T0 + 47 * MIN))).toBe('none');
    expect(ended).toHaveBeenCalledTimes(1);
    expect((await session(info.sessionId))?.endedAt).toBe(T0 + 45 * MIN);
  });

  it('lobby -> ended never starts a session', async () => {
    const { hooks, started, ended } = recordingHooks();
    const o = createOrchestrator(hooks, now);
    await o.report(report('lobby', T0));
    expect(await o.report(report('ended', T0 + MIN))).toBe('none');
    expect(await sessions()).toEqual([]);
    expect(started).not.toHaveBeenCalled();
    expect(ended).not.toHaveBeenCalled();
    expect(await calls()).toEqual({ [TAB]: entry('ended', T0 + MIN) });
  });

  it('a tab closed mid-call ends the session and drops the tab', async () => {
    const { hooks, ended } = recordingHooks();
    const o = createOrchestrator(hooks, now);
    await o.report(report('in-call', T0));
    await o.report(report('lobby', T0, { tabId: 9, platform: 'zoom' }));
    const sessionId = (await readState()).live[TAB]?.sessionId ?? '';
    clock = T0 + 30 * MIN;
    expect(await o.tabClosed(TAB)).toBe('end');
    expect(await session(sessionId)).toMatchObject({ status: 'ended', endedAt: T0 + 30 * MIN });
    expect(ended).toHaveBeenCalledTimes(1);
    expect(await readState()).toEqual({ calls: { 9: entry('lobby', T0, 'zoom') }, live: {} });
    // Closing it again, or a tab that held no call, does nothing.
    expect(await o.tabClosed(TAB)).toBe('none');
    expect(await o.tabClosed(1234)).toBe('none');
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('a page that answers no ping any more ends its call', async () => {
    const { hooks, ended } = recordingHooks();
    const o = createOrchestrator(hooks, now);
    await o.report(report('in-call', T0));
    clock = T0 + 20 * MIN;
    await o.reconcileTab(TAB, async () => null);
    expect(ended).toHaveBeenCalledTimes(1);
    expect(await calls()).toEqual({ [TAB]: entry('ended', T0 + 20 * MIN) });
  });

  it('follows the session the call was assigned to', async () => {
    const d = await db();
    const { mentorship, session: prepared } = await createMentorship(
      d,
      {
        otherName: 'Ana',
        myRole: 'mentor',
        cadenceDays: 14,
        sessionMinutes: 45,
        firstSessionAt: T0 + DAY,
      },
      T0 - DAY,
    );
    await savePreNote(d, prepared, 'mentee', 'Thoughts', T0 - DAY);
    const { hooks, ended } = recordingHooks();
    const o = createOrchestrator(hooks, now);
    await o.report(report('in-call', T0));
    const liveId = (await readState()).live[TAB]?.sessionId ?? '';
    const ledger = startFocus(T0);
    await browser.storage.session.set({ [`focus:${liveId}`]: ledger });
    const assigned = await assignSession(d, liveId, mentorship.id, T0 + MIN);
    expect(assigned.id).toBe(prepared.id);
    await o.renameSession(liveId, assigned.id);
    expect((await readState()).live[TAB]?.sessionId).toBe(prepared.id);
    expect(await browser.storage.session.get([`focus:${liveId}`, `focus:${prepared.id}`])).toEqual({
      [`focus:${prepared.id}`]: ledger,
    });
    await o.report(report('ended', T0 + 40 * MIN));
    expect(ended.mock.calls[0]?.[2]).toMatchObject({ id: prepared.id, status: 'ended' });
  });
});

/** A tab at `url`, as the background sees it: only a call platform's page answers a ping. */
const pageAt =
  (url?: string): Ask =>
  async () => {
    const platform = url ? platformOfHost(new URL(url).hostname) : undefined;
    if (!platform) throw new Error('Could not establish connection. Receiving end does not exist.');
    return { platform, state: 'none' };
  };

describe('a live call with no session behind it', () => {
  it('still moves to ended (its start had failed), calling no hook', async () => {
    await browser.storage.session.set({ calls: { [TAB]: entry('in-call', T0) }, live: {} });
    const { hooks, ending, ended } = recordingHooks();
    const o = createOrchestrator(hooks, now);
    expect(await o.report(report('ended', T0 + MIN))).toBe('end');
    expect(await calls()).toEqual({ [TAB]: entry('ended', T0 + MIN) });
    expect(ending).not.toHaveBeenCalled();
    expect(ended).not.toHaveBeenCalled();
  });
});

describe('a session started by hand', () => {
  it.each([
    ['a page of another site', 'https://docs.google.com/document/d/1'],
    ['no page', undefined],
    ['a look-alike host', 'https://meet.google.com.example.org/abc-defg-hij'],
  ])('is refused on %s, with a sentence, starting nothing', async (_name, url) => {
    const { hooks, started } = recordingHooks();
    const o = createOrchestrator(hooks, now);
    const reply = await o.manualStart(TAB, pageAt(url));
    expect(reply).toEqual({ ok: false, error: { code: 'no-call-tab', params: [] } });
    expect(shown(reply)).toBe('Open your call in Google Meet, Zoom or Teams in this tab first.');
    expect(started).not.toHaveBeenCalled();
    expect(await readState()).toEqual({ calls: {}, live: {} });
  });

  it('from the question sound asked: marked so, and matched to its mentorship by the link', async () => {
    const d = await db();
    const { mentorship } = await createMentorship(
      d,
      {
        otherName: 'Ana',
        myRole: 'mentor',
        meetingLink: 'https://meet.google.com/abc-defg-hij',
        cadenceDays: 14,
        sessionMinutes: 45,
      },
      T0 - DAY,
    );
    const { hooks, started } = recordingHooks();
    const o = createOrchestrator(hooks, now);
    const lobbyPage: Ask = async () => ({
      platform: 'meet',
      state: 'lobby',
      page: { client: true, meetingKey: 'abc-defg-hij' },
    });
    expect(await o.manualStart(TAB, lobbyPage, 7, { fromAudio: true })).toEqual({ ok: true });
    const { live } = await readState();
    expect(live[TAB]).toMatchObject({
      manual: true,
      fromAudio: true,
      meetingKey: 'meet:abc-defg-hij',
    });
    expect(started.mock.calls[0]?.[2]).toMatchObject({
      mentorshipId: mentorship.id,
      status: 'live',
    });
  });

  it('ignores a lobby detection but ends on ended', async () => {
    const { hooks, started, ended } = recordingHooks();
    const o = createOrchestrator(hooks, now);
    expect(await o.manualStart(TAB, pageAt('https://acme.zoom.us/wc/85912345678/join'), 7)).toEqual(
      {
        ok: true,
      },
    );
    expect(started).toHaveBeenCalledTimes(1);
    const info = (await readState()).live[TAB];
    expect(info).toMatchObject({ platform: 'zoom', windowId: 7, manual: true });
    expect(await calls()).toEqual({ [TAB]: entry('in-call', T0, 'zoom') });

    // Detection that does not see the call changes nothing.
    expect(await o.report(report('lobby', T0 + MIN, { platform: 'zoom' }))).toBe('none');
    expect(await o.report(report('none', T0 + 2 * MIN, { platform: 'zoom' }))).toBe('none');
    expect(await o.report(report('in-call', T0 + 3 * MIN, { platform: 'zoom' }))).toBe('none');
    expect(await calls()).toEqual({ [TAB]: entry('in-call', T0, 'zoom') });
    // Pressing it again starts nothing more.
    expect(await o.manualStart(TAB, pageAt('https://acme.zoom.us/wc/85912345678/join'), 7)).toEqual(
      {
        ok: true,
      },
    );
    expect(started).toHaveBeenCalledTimes(1);
    expect(await sessions()).toHaveLength(1);

    expect(await o.report(report('ended', T0 + 30 * MIN, { platform: 'zoom' }))).toBe('end');
    expect(ended).toHaveBeenCalledTimes(1);
    expect(await session(info?.sessionId ?? '')).toMatchObject({
      status: 'ended',
      endedAt: T0 + 30 * MIN,
    });
    expect(await readState()).toEqual({
      calls: { [TAB]: entry('ended', T0 + 30 * MIN, 'zoom') },
      live: {},
    });
  });

  it('ends by hand, and refuses to end where nothing is live', async () => {
    const { hooks, ended } = recordingHooks();
    const o = createOrchestrator(hooks, now);
    const refused = await o.manualEnd(TAB);
    expect(refused).toEqual({ ok: false, error: { code: 'no-live-session', params: [] } });
    expect(shown(refused)).toBe('No session is live in this tab.');
    await o.manualStart(TAB, pageAt('https://teams.microsoft.com/v2/'));
    clock = T0 + 25 * MIN;
    expect(await o.manualEnd(TAB)).toEqual({ ok: true });
    expect(ended).toHaveBeenCalledTimes(1);
    expect(await calls()).toEqual({ [TAB]: entry('ended', T0 + 25 * MIN, 'teams') });
    expect(shown(await o.manualEnd(TAB))).toBe('No session is live in this tab.');
  });

  it('ends when its tab is closed', async () => {
    const { hooks, ended } = recordingHooks();
    const o = createOrchestrator(hooks, now);
    await o.manualStart(TAB, pageAt('https://meet.google.com/abc-defg-hij'));
    clock = T0 + 10 * MIN;
    expect(await o.tabClosed(TAB)).toBe('end');
    expect(ended).toHaveBeenCalledTimes(1);
    expect(await readState()).toEqual({ calls: {}, live: {} });
  });
});

describe('after a worker restart', () => {
  it('reconcile neither starts twice nor loses a call, and ends one whose tab is gone', async () => {
    const first = recordingHooks();
    const before = createOrchestrator(first.hooks, now);
    await before.report(report('in-call', T0));
    await before.report(
      report('in-call', T0 + MIN, { tabId: 9, platform: 'teams', meetingKey: undefined }),
    );
    await before.report(
      report('lobby', T0 + MIN, { tabId: 11, platform: 'zoom', meetingKey: undefined }),
    );
    expect(first.started).toHaveBeenCalledTimes(2);
    const { live } = await readState();
    const stayed = live[TAB]?.sessionId ?? '';
    const gone = live[9]?.sessionId ?? '';

    // A new worker: nothing in memory, the same storage and database.
    await closeDb();
    const second = recordingHooks();
    const after = createOrchestrator(second.hooks, now);
    clock = T0 + 10 * MIN;
    const asked: number[] = [];
    await after.reconcile(
      async (tabId) => {
        asked.push(tabId);
        return tabId === TAB
          ? { state: 'in-call', meetingKey: 'abc-defg-hij' }
          : { state: 'lobby' };
      },
      async (tabId) => tabId !== 9,
    );

    expect(asked.sort()).toEqual([11, TAB].sort());
    expect(second.started).not.toHaveBeenCalled();
    expect(second.ended).toHaveBeenCalledTimes(1);
    expect(second.ended.mock.calls[0]?.[0]).toBe(9);
    expect(await sessions()).toHaveLength(2);
    expect(await session(stayed)).toMatchObject({ status: 'live', startedAt: T0 });
    expect(await session(gone)).toMatchObject({ status: 'ended', endedAt: T0 + 10 * MIN });
    expect(await readState()).toEqual({
      calls: { [TAB]: entry('in-call', T0), 11: entry('lobby', T0 + MIN, 'zoom') },
      live: { [TAB]: live[TAB] },
    });

    // Reports that arrive again from the tabs change nothing either.
    expect(await after.report(report('in-call', T0 + 11 * MIN))).toBe('none');
    expect(second.started).not.toHaveBeenCalled();

    // A second restart straight after finds the same.
    const third = recordingHooks();
    await createOrchestrator(third.hooks, now).reconcile(
      async (tabId) => ({ state: tabId === TAB ? 'in-call' : 'lobby' }),
      async () => true,
    );
    expect(third.started).not.toHaveBeenCalled();
    expect(third.ended).not.toHaveBeenCalled();
    expect(await session(stayed)).toMatchObject({ status: 'live', startedAt: T0 });
    expect(await calls()).toEqual({
      [TAB]: entry('in-call', T0),
      11: entry('lobby', T0 + MIN, 'zoom'),
    });
  });

  it('reconcile ends a call whose tab left the platform, and leaves a manual one alone', async () => {
    const { hooks } = recordingHooks();
    const o = createOrchestrator(hooks, now);
    await o.report(report('in-call', T0));
    await o.manualStart(9, pageAt('https://meet.google.com/xyz-abcd-efg'));
    const manualId = (await readState()).live[9]?.sessionId ?? '';

    const again = recordingHooks();
    const ask = vi.fn(async () => null);
    clock = T0 + 5 * MIN;
    await createOrchestrator(again.hooks, now).reconcile(ask, async () => true);
    expect(ask).toHaveBeenCalledExactlyOnceWith(TAB);
    expect(again.ended).toHaveBeenCalledTimes(1);
    expect(await session(manualId)).toMatchObject({ status: 'live' });
    expect(await calls()).toEqual({
      [TAB]: entry('ended', T0 + 5 * MIN),
      9: entry('in-call', T0),
    });
  });
});

describe('a tab that never answers', () => {
  const never: Ask = () => new Promise(() => {});
  const limits = { askLimitMs: 50, stepLimitMs: 200 };

  it('holds up no later event: the next report still goes through', async () => {
    const { hooks, started } = recordingHooks();
    const o = createOrchestrator(hooks, now, limits);
    await o.report(report('lobby', T0));
    // A page that took the ping and hangs (its content script busy forever).
    const stuck = o.reconcileTab(TAB, never);
    const next = o.report(report('in-call', T0 + MIN, { tabId: 9 }));
    expect(await next).toBe('start');
    expect(started).toHaveBeenCalledTimes(1);
    await stuck;
  });

  it('leaves its call as it was: silence is not an answer', async () => {
    const { hooks, ended } = recordingHooks();
    const o = createOrchestrator(hooks, now, limits);
    await o.report(report('in-call', T0));
    clock = T0 + 5 * MIN;
    await o.reconcile(never, async () => true);
    expect(ended).not.toHaveBeenCalled();
    expect(await calls()).toEqual({ [TAB]: entry('in-call', T0) });
  });

  it('cannot start a session by hand, and says why', async () => {
    const { hooks, started } = recordingHooks();
    const o = createOrchestrator(hooks, now, limits);
    expect(shown(await o.manualStart(TAB, never))).toBe(
      'Open your call in Google Meet, Zoom or Teams in this tab first.',
    );
    expect(started).not.toHaveBeenCalled();
  });

  it('a step that hangs for good lets the queue move on after its limit', async () => {
    const { hooks } = recordingHooks();
    const o = createOrchestrator(hooks, now, limits);
    // A hook that never returns (a browser API that never answers), inside a step.
    const hung = createOrchestrator(
      { ...hooks, started: () => new Promise<void>(() => {}) },
      now,
      limits,
    );
    void hung.report(report('in-call', T0));
    const at = Date.now();
    expect(await o.report(report('lobby', T0, { tabId: 9 }))).toBe('none');
    expect(Date.now() - at).toBeLessThan(2_000);
  });
});

describe('"which mentorship?" answered as the call ends', () => {
  async function unmatchedCallWithPrepared() {
    const d = await db();
    const { mentorship, session: prepared } = await createMentorship(
      d,
      {
        otherName: 'Ana',
        myRole: 'mentor',
        cadenceDays: 14,
        sessionMinutes: 45,
        firstSessionAt: T0 + DAY,
      },
      T0 - DAY,
    );
    await savePreNote(d, prepared, 'mentee', 'Thoughts', T0 - DAY);
    return { mentorship, prepared };
  }

  it.each([
    ['the answer first', 'assign-first'],
    ['the end first', 'end-first'],
  ])('leaves no session live, %s', async (_name, order) => {
    const { mentorship, prepared } = await unmatchedCallWithPrepared();
    const { hooks, ended } = recordingHooks();
    const o = createOrchestrator(hooks, now);
    await o.report(report('in-call', T0, { meetingKey: undefined }));
    const liveId = (await readState()).live[TAB]?.sessionId ?? '';
    // Both arrive together: the card's click and the page's end.
    const [first, second] =
      order === 'assign-first'
        ? [o.assign(liveId, mentorship.id, T0 + MIN), o.report(report('ended', T0 + 2 * MIN))]
        : [o.report(report('ended', T0 + 2 * MIN)), o.assign(liveId, mentorship.id, T0 + MIN)];
    await Promise.all([first, second]);
    const all = await sessions();
    expect(all.filter((s) => s.status === 'live')).toEqual([]);
    // The call became the prepared session, which ended, notes and all.
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ id: prepared.id, status: 'ended', endedAt: T0 + 2 * MIN });
    expect(ended).toHaveBeenCalledTimes(1);
    // The end card and panel reflect on the session under the id it has now.
    expect((await browser.storage.session.get('recent')).recent).toEqual({
      [TAB]: { sessionId: prepared.id, endedAt: T0 + 2 * MIN },
    });
  });

  it('says why an answer is refused', async () => {
    const { hooks } = recordingHooks();
    const o = createOrchestrator(hooks, now);
    const reply = await o.assign('no-such-session', null, T0);
    expect(reply.ok).toBe(false);
  });
});

describe('after the browser quit mid-call', () => {
  it('the sweep at start-up ends the session no tab owns and offers it for reflection', async () => {
    const d = await db();
    const { session: prepared } = await createMentorship(
      d,
      {
        otherName: 'Ana',
        myRole: 'mentor',
        meetingLink: 'https://meet.google.com/abc-defg-hij',
        cadenceDays: 14,
        sessionMinutes: 45,
        firstSessionAt: T0 + 2 * DAY,
      },
      T0 - DAY,
    );
    await savePreNote(d, prepared, 'mentee', 'Thoughts', T0 - DAY);
    const first = recordingHooks();
    await createOrchestrator(first.hooks, now).report(report('in-call', T0));
    expect((await session(prepared.id))?.status).toBe('live');

    // The browser quit: storage.session is gone, the database is not.
    fakeBrowser.reset();
    await closeDb();
    const orphaned = vi.fn();
    clock = T0 + 3 * 60 * MIN;
    const ended = await createOrchestrator({ orphaned }, now).sweep(async () => 30);
    expect(ended.map((s) => s.id)).toEqual([prepared.id]);
    expect(await session(prepared.id)).toMatchObject({
      status: 'ended',
      startedAt: T0,
      endedAt: T0 + 45 * MIN,
    });
    expect(orphaned).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ id: prepared.id }));
  });

  it('a worker restart mid-call ends nothing: the live tab owns its session', async () => {
    const { hooks } = recordingHooks();
    const o = createOrchestrator(hooks, now);
    await o.report(report('in-call', T0));
    const id = (await readState()).live[TAB]?.sessionId ?? '';
    const orphaned = vi.fn();
    expect(await createOrchestrator({ orphaned }, now).sweep(async () => 30)).toEqual([]);
    expect((await session(id))?.status).toBe('live');
    expect(orphaned).not.toHaveBeenCalled();
  });

  it('a new worker that finds the call still on writes the heartbeat', async () => {
    const { hooks } = recordingHooks();
    await createOrchestrator(hooks, now).report(report('in-call', T0));
    const id = (await readState()).live[TAB]?.sessionId ?? '';
    clock = T0 + 20 * MIN;
    await createOrchestrator(recordingHooks().hooks, now).reconcile(
      async () => ({ state: 'in-call' }),
      async () => true,
    );
    expect((await session(id))?.aliveAt).toBe(T0 + 20 * MIN);
  });
});

describe('an action item from the card or the panel', () => {
  it('is added and ticked on the live session; an empty edit is refused with a sentence', async () => {
    const { hooks } = recordingHooks();
    const o = createOrchestrator(hooks, now);
    await o.report(report('in-call', T0));
    const id = (await readState()).live[TAB]?.sessionId ?? '';
    expect(await o.actionItem(id, { add: 'Draft the summary' })).toEqual({ ok: true });
    const item = (await session(id))?.actionItems[0];
    expect(item).toMatchObject({ text: 'Draft the summary', createdAt: T0 });
    clock = T0 + MIN;
    expect(await o.actionItem(id, { toggle: item?.id })).toEqual({ ok: true });
    expect((await session(id))?.actionItems[0]?.doneAt).toBe(T0 + MIN);
    const refused = await o.actionItem(id, {});
    expect(shown(refused)).toBe('There is nothing to change.');
    expect((await o.actionItem('gone', { add: 'x' })).ok).toBe(false);
  });
});

describe('a Zoom call whose page loads anew within /wc/ (the reload grace)', () => {
  const START = pageFactsOf('https://app.zoom.us/wc/555000333/start');
  const zoom = (state: Detected | 'closed', at: number): CallReport =>
    report(state, at, { platform: 'zoom', meetingKey: '555000333', page: START });
  const setUp = (url: string) => {
    const rec = recordingHooks();
    const held = vi.fn<(tabId: number, until: number) => void>();
    const o = createOrchestrator({ ...rec.hooks, held }, now);
    // The new page's content script answers the ping before it has looked: no call yet.
    const ask: Ask = async () => ({ state: 'none', page: pageFactsOf(url) });
    return { o, held, ask, ...rec };
  };

  it('holds the session while the new page loads, and continues the same one', async () => {
    const { o, held, ask, started, ended } = setUp('https://app.zoom.us/wc/555000333/start');
    await o.report(zoom('in-call', T0));
    clock = T0 + 10_000;
    await o.reconcileTab(TAB, ask);
    expect(held).toHaveBeenCalledWith(TAB, T0 + 10_000 + 30_000);
    expect(((await calls()) as Record<number, unknown>)[TAB]).toEqual({
      ...entry('in-call', T0, 'zoom'),
      held: { since: T0 + 10_000, until: T0 + 40_000 },
    });
    expect(await o.report(zoom('lobby', T0 + 12_000))).toBe('none');
    expect(await o.report(zoom('in-call', T0 + 15_000))).toBe('resume');
    expect(((await calls()) as Record<number, unknown>)[TAB]).toEqual(entry('in-call', T0, 'zoom'));
    // The alarm that comes after all: nothing.
    clock = T0 + 40_000;
    expect(await o.graceOver(TAB)).toBe('none');
    expect(started).toHaveBeenCalledTimes(1);
    expect(ended).not.toHaveBeenCalled();
    const all = await sessions();
    expect(all.map((s) => s.status)).toEqual(['live']);
  });

  it('ends the held session at the grace, when the page went away', async () => {
    const { o, ended, ending, ask } = setUp('https://app.zoom.us/wc/555000333/start');
    await o.report(zoom('in-call', T0));
    clock = T0 + 60_000;
    await o.reconcileTab(TAB, ask);
    clock = T0 + 90_000;
    expect(await o.graceOver(TAB)).toBe('end');
    expect(ending.mock.calls[0]?.[2]).toBe(T0 + 60_000);
    expect(ended).toHaveBeenCalledTimes(1);
    const [s] = await sessions();
    expect(s).toMatchObject({ status: 'ended', startedAt: T0, endedAt: T0 + 60_000 });
    expect(((await calls()) as Record<number, unknown>)[TAB]).toEqual(
      entry('ended', T0 + 60_000, 'zoom'),
    );
  });

  it('holds nothing where the tab left the client or went to another meeting', async () => {
    for (const url of [
      'https://app.zoom.us/postattendee?mn=555000333',
      'https://app.zoom.us/wc/999000111/join',
    ]) {
      fakeBrowser.reset();
      const { o, held, ended, ask } = setUp(url);
      await o.report(zoom('in-call', T0));
      await o.reconcileTab(TAB, ask);
      expect(held).not.toHaveBeenCalled();
      expect(ended).toHaveBeenCalledTimes(1);
    }
  });
});
