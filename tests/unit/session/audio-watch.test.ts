// The second opinion from sound on the browser: the audible change and the alarm in, one quiet
// question out, the session started "from audio" on a click. The browser is WXT's fake one.
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDb, db } from '../../../lib/db';
import { createMentorship } from '../../../lib/repos/mentorships';
import { AUDIO_ALARM, type PageAnswer } from '../../../lib/session/audio';
import { createAudioWatch } from '../../../lib/session/audio-watch';
import { audioItem, callsItem, liveItem } from '../../../lib/storage/items';
import { useLocale } from '../models/setup';

const T0 = Date.UTC(2026, 10, 3, 10, 0);
const TAB = 7;
let clock = T0;

const lobby: PageAnswer = {
  platform: 'meet',
  state: 'lobby',
  page: { client: true, meetingKey: 'abc-defg-hij' },
};

function setUp(answer: PageAnswer | null = lobby, audible = true) {
  const start = vi.fn(async () => ({ ok: true }) as const);
  const ask = vi.fn(async () => answer);
  vi.spyOn(browser.tabs, 'get').mockImplementation(
    async (id: number) => ({ id, windowId: 3, audible }) as never,
  );
  const create = vi.spyOn(browser.notifications, 'create').mockResolvedValue('x' as never);
  const w = createAudioWatch({ db, now: () => clock, ask, start });
  return { w, start, ask, create };
}

beforeEach(async () => {
  fakeBrowser.reset();
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
  clock = T0;
  useLocale('en');
  // The Chrome build (WXT's Vitest plugin sets FIREFOX to the string "false", which is truthy).
  vi.stubEnv('FIREFOX', '');
});
afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await closeDb();
});

describe('the second opinion from sound', () => {
  it('asks once, with the name when the call is obviously theirs, and starts on a click', async () => {
    await createMentorship(
      await db(),
      {
        otherName: 'Ana',
        myRole: 'mentee',
        meetingLink: 'https://meet.google.com/abc-defg-hij',
        cadenceDays: 14,
        sessionMinutes: 45,
      },
      T0 - 86_400_000,
    );
    const { w, start, create } = setUp();
    await w.audible(TAB, true);
    // One alarm, a minute on; nothing asked yet.
    expect(await browser.alarms.get(`${AUDIO_ALARM}${TAB}`)).toMatchObject({
      scheduledTime: T0 + 60_000,
    });
    expect(create).not.toHaveBeenCalled();
    clock = T0 + 60_000;
    await w.alarm(`${AUDIO_ALARM}${TAB}`);
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]?.[0]).toBe(`${AUDIO_ALARM}${TAB}`);
    expect(create.mock.calls[0]?.[1]).toMatchObject({
      title: 'In a session with Ana? Start it',
      silent: true,
      buttons: [{ title: 'Start it' }],
    });
    // The same call again later (sound stopped and came back): not asked twice.
    await w.audible(TAB, false);
    await w.audible(TAB, true);
    clock = T0 + 180_000;
    await w.alarm(`${AUDIO_ALARM}${TAB}`);
    expect(create).toHaveBeenCalledTimes(1);
    // The click starts the session in that tab and window.
    await w.clicked(`${AUDIO_ALARM}${TAB}`);
    expect(start).toHaveBeenCalledWith(TAB, 3);
  });

  it('asks without a name where no mentorship is obvious', async () => {
    const { w, create } = setUp();
    await w.audible(TAB, true);
    clock = T0 + 60_000;
    await w.alarm(`${AUDIO_ALARM}${TAB}`);
    expect(create.mock.calls[0]?.[1]).toMatchObject({ title: 'In a session? Start it' });
  });

  it('in Firefox, which refuses notification buttons, the whole question is the button', async () => {
    vi.stubEnv('FIREFOX', 'true');
    const { w, create, start } = setUp();
    await w.audible(TAB, true);
    clock = T0 + 60_000;
    await w.alarm(`${AUDIO_ALARM}${TAB}`);
    expect(create.mock.calls[0]?.[1]).not.toHaveProperty('buttons');
    // Nor `silent`: Firefox throws "Unexpected property" for it, and the question would not show.
    expect(create.mock.calls[0]?.[1]).not.toHaveProperty('silent');
    expect(create.mock.calls[0]?.[1]).toMatchObject({
      message:
        'Your call tab has played sound for a minute, but the call is not detected. Click to start the session.',
    });
    await w.clicked(`${AUDIO_ALARM}${TAB}`);
    expect(start).toHaveBeenCalledWith(TAB, 3);
  });

  it.each([
    ['a tab that is no meeting page', null, true, {}, {}],
    ['a tab that went silent', lobby, false, {}, {}],
    [
      'a call detection sees',
      lobby,
      true,
      { [TAB]: { platform: 'meet', state: 'in-call', since: T0 } },
      {},
    ],
    ['while a session is live', lobby, true, {}, { 9: { sessionId: 's', platform: 'meet' } }],
  ] as const)('asks nothing for %s', async (_n, answer, audible, calls, live) => {
    await callsItem.set(calls as never);
    await liveItem.set(live as never);
    const { w, create } = setUp(answer, audible);
    await w.audible(TAB, true);
    clock = T0 + 60_000;
    await w.alarm(`${AUDIO_ALARM}${TAB}`);
    expect(create).not.toHaveBeenCalled();
  });

  it('clears the alarm when the sound stops, and forgets a closed tab', async () => {
    const { w } = setUp();
    await w.audible(TAB, true);
    await w.audible(TAB, false);
    expect(await browser.alarms.get(`${AUDIO_ALARM}${TAB}`)).toBeFalsy();
    await w.audible(TAB, true);
    await w.closed(TAB);
    expect(await audioItem.get()).toEqual({});
  });

  it('takes no other alarm or notification', async () => {
    const { w, start, ask } = setUp();
    await w.alarm('nudge:7');
    await w.clicked('mc-reflect:7:s');
    expect(ask).not.toHaveBeenCalled();
    expect(start).not.toHaveBeenCalled();
  });
});
