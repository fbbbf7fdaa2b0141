// Reminders that keep the pace, on `browser.alarms` (the decisions are lib/rules/reminders.ts).
//
//   records, settings, shown ──planReminders──> planned ──alarmChanges──> create / clear alarms
//   alarm fires ──dueReminder──> null: nothing (moved, deleted, done, switched off)
//                             └─> notification, its name added to the shown list
//   notification (or its button) clicked ──> the meeting link (starts in 5 minutes), the
//                                             reflection, the popup or the Mentorships page
//
// Nothing ticks: alarms outlive the worker and the browser, and the plan is made again when the
// worker starts, when the extension is installed or updated, when the browser starts, and after
// every database or settings change. An alarm whose session moved or went away is cleared by the
// next plan, and one that fires before that is no longer due, so it shows nothing.
//
// Notification buttons: Firefox refuses a notification that has any (as browser-ui.ts guards),
// so there the whole notification is the action.

import { webLink } from '../calendar/ics';
import { watchChanges } from '../changes';
import type { Db } from '../db';
import { t } from '../i18n';
import type { Mentorship, SessionRecord } from '../records';
import { loadAll } from '../repos/snapshot';
import {
  alarmChanges,
  type DueReminder,
  dueReminder,
  isReminderAlarm,
  planReminders,
  REMINDER_PREFIX,
  type ReminderKind,
  type ReminderRecords,
} from '../rules/reminders';
import { reminderSwitches } from '../rules/settings';
import { REMINDERS_SHOWN_MAX, remindersShownItem, settingsItem } from '../storage/items';
import { notify } from './notify';

/** A reminder's notification id: this, then the alarm's name. */
export const REMINDER_NOTIFICATION = 'mc-remind:';

export interface ReminderNotice {
  title: string;
  message: string;
  /** The button's label (Chrome only). */
  button: string;
}

/** What a due reminder says, in the UI language. */
export function noticeOf(due: DueReminder): ReminderNotice {
  const name = due.otherName;
  switch (due.alarm.kind) {
    case 'day-before':
      return {
        title: t('remindDayBeforeTitle', name),
        message:
          due.role === 'mentee'
            ? t(due.menteeNotes ? 'remindDayBeforeMenteeReady' : 'remindDayBeforeMentee', name)
            : t(
                due.menteeNotes ? 'remindDayBeforeMentorArrived' : 'remindDayBeforeMentorNot',
                name,
              ),
        button: t('remindOpen'),
      };
    case 'starting':
      return {
        title: t('remindStartingTitle', name),
        message: t(due.link ? 'remindStartingLink' : 'remindStartingNoLink'),
        button: t(due.link ? 'remindJoin' : 'remindOpen'),
      };
    case 'book-next':
      return {
        title: t('remindBookNextTitle', name),
        message: t('remindBookNextMessage'),
        button: t('remindBook'),
      };
    case 'reflect':
      return {
        title: t('remindReflectTitle', name),
        message: t('remindReflectMessage'),
        button: t('remindReflect'),
      };
  }
}

/** The alarm name's kind and subject id (`reminder:<kind>:<id>:<at>`). */
export function parseReminderName(name: string): { kind: ReminderKind; id: string } | undefined {
  if (!isReminderAlarm(name)) return undefined;
  const [kind, rawId] = name.slice(REMINDER_PREFIX.length).split(':');
  if (!kind || !rawId) return undefined;
  if (!['day-before', 'starting', 'book-next', 'reflect'].includes(kind)) return undefined;
  try {
    return { kind: kind as ReminderKind, id: decodeURIComponent(rawId) };
  } catch {
    return undefined;
  }
}

/** Where a click on the reminder leads. */
export type ReminderTarget =
  | { open: 'link'; url: string }
  | { open: 'popup'; mentorshipId?: string }
  | { open: 'page'; path: string };

const mentorshipPage = (id: string | null | undefined) =>
  id ? `/options.html#m=${encodeURIComponent(id)}` : '/options.html';

/** Where the reminder `name` leads, from the records as they are now. Pure. */
export function reminderTarget(
  name: string,
  records: { mentorships: readonly Mentorship[]; sessions: readonly SessionRecord[] },
): ReminderTarget {
  const parsed = parseReminderName(name);
  if (!parsed) return { open: 'page', path: mentorshipPage(undefined) };
  if (parsed.kind === 'book-next') return { open: 'page', path: mentorshipPage(parsed.id) };
  const session = records.sessions.find((s) => s.id === parsed.id);
  const m = records.mentorships.find((x) => x.id === session?.mentorshipId);
  if (parsed.kind === 'starting') {
    const url = webLink(session?.meetingLink ?? m?.meetingLink);
    return url ? { open: 'link', url } : { open: 'page', path: mentorshipPage(m?.id) };
  }
  if (parsed.kind === 'reflect') {
    const params = new URLSearchParams({ view: 'reflect', session: parsed.id });
    return { open: 'page', path: `/sidepanel.html?${params}` };
  }
  return { open: 'popup', ...(m ? { mentorshipId: m.id } : {}) };
}

export interface RemindersDeps {
  db: () => Promise<Db>;
  now: () => number;
  /** The user's IANA zone. */
  timeZone: () => string;
}

export function createReminders(deps: RemindersDeps) {
  async function records(): Promise<ReminderRecords> {
    const [all, settings, shown] = await Promise.all([
      deps.db().then(loadAll),
      settingsItem.get(),
      remindersShownItem.get(),
    ]);
    return {
      mentorships: all.mentorships,
      sessions: all.sessions,
      notes: all.notes,
      reflections: all.reflections,
      settings: reminderSwitches(settings),
      shown,
      timeZone: deps.timeZone(),
    };
  }

  // One plan or firing at a time: two plans racing could create an alarm the other clears.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T | undefined> => {
    const next = queue.then(job).catch((error) => {
      console.error('Mentor Companion: reminders', error);
      return undefined;
    });
    queue = next;
    return next;
  };

  /**
   * Makes `browser.alarms` hold exactly the reminders planned now. Asked again before a plan
   * waiting its turn has started (a burst of changes: every autosave announces one), the
   * waiting plan answers for all of them: it reads the records when it starts, after them.
   */
  let waiting: ReturnType<typeof plan> | undefined;
  const plan = () =>
    serial(async () => {
      waiting = undefined;
      const planned = planReminders(await records(), deps.now());
      const { create, clear } = alarmChanges(await browser.alarms.getAll(), planned);
      await Promise.all([
        ...clear.map((name) => browser.alarms.clear(name)),
        ...create.map((a) => browser.alarms.create(a.name, { when: a.when })),
      ]);
      return { create, clear };
    });
  const replan = () => {
    waiting ??= plan();
    return waiting;
  };

  /** An alarm fired: shows its reminder when it is still due. Returns whether it was one. */
  function alarm(name: string): boolean {
    if (!isReminderAlarm(name)) return false;
    serial(async () => {
      const r = await records();
      const due = dueReminder(name, r, deps.now());
      if (!due) return;
      await remindersShownItem.set(
        [...r.shown.filter((n) => n !== name), name].slice(-REMINDERS_SHOWN_MAX),
      );
      await notify(`${REMINDER_NOTIFICATION}${name}`, () => noticeOf(due));
    });
    replan();
    return true;
  }

  /** The reminder's notification or its button was clicked. Returns whether it was one. */
  function clicked(id: string): boolean {
    if (!id.startsWith(REMINDER_NOTIFICATION)) return false;
    const name = id.slice(REMINDER_NOTIFICATION.length);
    browser.notifications.clear(id).catch(() => {});
    serial(async () => {
      const all = await loadAll(await deps.db());
      await openTarget(reminderTarget(name, all));
    });
    return true;
  }

  async function openTarget(target: ReminderTarget) {
    if (target.open === 'link') {
      await browser.tabs.create({ url: target.url });
      return;
    }
    if (target.open === 'popup') {
      // An extension cannot open its toolbar popup everywhere (Firefox refuses it outside a
      // click on the button): the same page opens in a tab, where the thoughts are written.
      await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
      return;
    }
    await browser.tabs.create({ url: browser.runtime.getURL(target.path as '/options.html') });
  }

  /** Plans now and whenever records or settings change. Returns the unwatch. */
  function start(): () => void {
    const unwatch = [watchChanges(() => void replan()), settingsItem.watch(() => void replan())];
    replan();
    return () => {
      for (const stop of unwatch) stop();
    };
  }

  return { replan, alarm, clicked, start, records };
}

export type Reminders = ReturnType<typeof createReminders>;
