// The schedule of the mentorship shown, kept a week ahead: what is booked, booking the next
// session, moving one within its own week, marking the last one; and its history, with the
// reflections still to do (or dismissed).

import { computed, createModel, signal } from '@preact/signals';
import { weekStart } from '@/lib/i18n';
import { cancelBooking, removeFromHistory } from '@/lib/repos/session-deletes';
import {
  bookSession,
  dismissReflection,
  rescheduleSession,
  setLastSession,
} from '@/lib/repos/sessions';
import { historyOf } from '@/lib/rules/history';
import { scheduleOf } from '@/lib/rules/schedule';
import { fromInputValue, tzOffsetAt } from '../local-time';
import type { OptionsContext } from './context';

export interface ScheduleError {
  /** 'book', or the id of the session whose form failed. */
  where: string;
  message: string;
}

const QUARTER_MS = 15 * 60_000;

/** `at` moved on to the next quarter hour (every time zone's offset is a multiple of 15 min). */
export function toQuarterHour(at: number): number {
  return Math.ceil(at / QUARTER_MS) * QUARTER_MS;
}

export const ScheduleModel = createModel((ctx: OptionsContext) => {
  const error = signal<ScheduleError | undefined>(undefined);
  const historyError = signal<string | undefined>(undefined);

  const sessions = computed(() => ctx.data.value?.sessions ?? []);
  const state = computed(() => {
    const m = ctx.selected.value;
    const now = ctx.today.value;
    const s = m && scheduleOf(m, sessions.value, now, tzOffsetAt(now));
    // People book on the quarter hour: the time offered is too.
    return s && { ...s, suggestion: toQuarterHour(s.suggestion) };
  });
  const history = computed(() => {
    const m = ctx.selected.value;
    return m ? historyOf(m.id, sessions.value) : [];
  });

  /** Runs a schedule write; its sentence goes next to the form it came from. */
  async function run(where: string, write: Parameters<OptionsContext['change']>[0]) {
    error.value = undefined;
    const failed = await ctx.change(write);
    if (failed) error.value = { where, message: failed };
    return !failed;
  }

  return {
    state,
    history,
    error,
    historyError,
    /** Books a session at a datetime-local value; true when booked. */
    book(value: string): Promise<boolean> {
      const m = ctx.selected.value;
      if (!m) return Promise.resolve(false);
      return run('book', (d) => bookSession(d, m.id, fromInputValue(value), ctx.now()));
    },
    /** Moves a booking to a datetime-local value; true when moved. */
    reschedule(sessionId: string, value: string): Promise<boolean> {
      const at = fromInputValue(value);
      // The week is the one the booking is in, in the zone it was booked in, starting on the
      // day the user's calendar starts it (Sunday in Israel, Monday in Germany).
      const original = sessions.value.find((s) => s.id === sessionId)?.scheduledAt ?? at;
      return run(sessionId, (d) =>
        rescheduleSession(d, sessionId, at, ctx.now(), tzOffsetAt(original), weekStart()),
      );
    },
    markLast(sessionId: string, last: boolean): Promise<boolean> {
      return run(sessionId, (d) => setLastSession(d, sessionId, last));
    },
    /** "Not this time" for a session's reflection (or back). */
    async dismiss(sessionId: string, dismissed: boolean) {
      historyError.value = await ctx.change((d) => dismissReflection(d, sessionId, dismissed));
    },
    /** Cancels a booking; the "Deleted · Undo" bar can bring it back. */
    async cancel(sessionId: string) {
      error.value = undefined;
      const failed = await ctx.remove((d) => cancelBooking(d, sessionId, ctx.now()));
      if (failed) error.value = { where: sessionId, message: failed };
    },
    /** A held call that was no mentoring session leaves the history (undoably). */
    async notASession(sessionId: string) {
      historyError.value = await ctx.remove((d) => removeFromHistory(d, sessionId, ctx.now()));
    },
    clearErrors() {
      error.value = undefined;
      historyError.value = undefined;
    },
  };
});

export type ScheduleModel = InstanceType<typeof ScheduleModel>;
