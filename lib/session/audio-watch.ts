// The second opinion from sound, on the browser (the decisions are lib/session/audio.ts): the
// tabs' `audible` changes and the one-shot alarm in, the question as a notification out, and the
// session started by hand, marked "started from audio", when the user takes it.
//
// The state is in storage.session (`audio`) and the alarm outlives the worker, so a worker that
// Chrome stopped in the minute picks up where the last one left off. Steps run one at a time.
//
// Notification buttons: Firefox refuses a notification that has any (as browser-ui.ts guards),
// so there the whole notification is the action; in Chrome both the notification and its button.

import type { Db } from '../db';
import { t } from '../i18n';
import type { CommandReply } from '../messages';
import type { Platform } from '../records';
import { matchedMentorship } from '../repos/live';
import { audioItem, callsItem, liveItem } from '../storage/items';
import { AUDIO_ALARM, type AudioEvent, decideAudio, type PageAnswer } from './audio';
import { prefixedKey } from './links';
import { notify } from './notify';
import { ASK_LIMIT_MS, bounded, serial } from './queue';

export interface AudioWatchDeps {
  db: () => Promise<Db>;
  now: () => number;
  /** The tab's content script's answer to a ping; rejects where there is none. */
  ask: (tabId: number) => Promise<PageAnswer | null>;
  /** Starts the tab's session by hand, from audio (the orchestrator's manualStart). */
  start: (tabId: number, windowId?: number) => Promise<CommandReply>;
}

/** The other person's name when the call is obviously theirs (by link, or scheduled now). */
async function obviousName(
  d: Db,
  platform: Platform,
  meetingKey: string | undefined,
  now: number,
): Promise<string | undefined> {
  return (await matchedMentorship(d, prefixedKey(platform, meetingKey), now))?.otherName;
}

export function createAudioWatch(deps: AudioWatchDeps) {
  const { now } = deps;

  async function step(event: AudioEvent) {
    const state = await audioItem.get();
    const decision = decideAudio(state, event);
    if (decision.next !== state) await audioItem.set(decision.next);
    const alarm = decision.alarm;
    if (alarm && 'clear' in alarm) await browser.alarms.clear(`${AUDIO_ALARM}${alarm.tabId}`);
    else if (alarm)
      await browser.alarms.create(`${AUDIO_ALARM}${alarm.tabId}`, { when: alarm.when });
    const q = decision.ask;
    if (!q) return;
    const name = await obviousName(
      await deps.db(),
      q.platform,
      q.meetingKey,
      event.kind === 'alarm' ? event.at : now(),
    ).catch(() => undefined);
    await notify(`${AUDIO_ALARM}${q.tabId}`, () => ({
      title: name ? t('audioAskTitleWith', name) : t('audioAskTitle'),
      message: t('audioAskMessage'),
      button: t('audioAskStart'),
      // A question, not an alarm: no sound (where the browser lets it be silent).
      silent: true,
    }));
  }

  return {
    /** tabs.onUpdated with an `audible` change. */
    audible: (tabId: number, audible: boolean) =>
      serial(() => step({ kind: 'audible', tabId, audible, at: now() })),

    /** An alarm fired; only ours are taken. */
    alarm: (name: string) => {
      if (!name.startsWith(AUDIO_ALARM)) return Promise.resolve();
      const tabId = Number(name.slice(AUDIO_ALARM.length));
      return serial(async () => {
        const tab = await browser.tabs.get(tabId).catch(() => undefined);
        if (!tab) return step({ kind: 'closed', tabId });
        const [answer, calls, live] = await Promise.all([
          bounded(
            deps.ask(tabId).catch(() => null),
            ASK_LIMIT_MS,
            null,
          ),
          callsItem.get(),
          liveItem.get(),
        ]);
        return step({
          kind: 'alarm',
          tabId,
          at: now(),
          audible: tab.audible === true,
          answer,
          call: calls[String(tabId)]?.state,
          anyLive: Object.keys(live).length > 0,
        });
      });
    },

    closed: (tabId: number) => serial(() => step({ kind: 'closed', tabId })),

    /** The question (or its button) was clicked: start the session, marked from audio. */
    async clicked(id: string) {
      if (!id.startsWith(AUDIO_ALARM)) return;
      const tabId = Number(id.slice(AUDIO_ALARM.length));
      await browser.notifications.clear(id);
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      if (!tab) return;
      await deps.start(tabId, tab.windowId);
    },
  };
}
