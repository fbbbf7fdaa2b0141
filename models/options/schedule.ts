// The schedule of the mentorship shown, kept a week ahead: what is booked, booking the next
// session, moving one within its own week, marking the last one; and its history, with the
// reflections still to do (or dismissed).

import { computed, createModel, signal } from '@preact/signals';
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

export const ScheduleModel = createModel((ctx: OptionsContext) => {
  const error = signal<ScheduleError | undefined>(undefined);
  const historyError = signal<string | undefined>(undefined);

  const sessions = computed(() => ctx.data.value?.sessions ?? []);
  const state = computed(() => {
    const m = ctx.selected.value;
    const now = ctx.today.value;
    return m && scheduleOf(m, sessions.value, now, tzOffsetAt(now));
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
      // The week is the one the booking is in, in the zone it was booked in.
      const original = sessions.value.find((s) => s.id === sessionId)?.scheduledAt ?? at;
      return run(sessionId, (d) =>
        rescheduleSession(d, sessionId, at, ctx.now(), tzOffsetAt(original)),
      );
    },
    markLast(sessionId: string, last: boolean): Promise<boolean> {
      return run(sessionId, (d) => setLastSession(d, sessionId, last));
    },
    /** "Not this time" for a session's reflection (or back). */
    async dismiss(sessionId: string, dismissed: boolean) {
      historyError.value = await ctx.change((d) => dismissReflection(d, sessionId, dismissed));
    },
    clearErrors() {
      error.value = undefined;
      historyError.value = undefined;
    },
  };
});

export type ScheduleModel = InstanceType<typeof ScheduleModel>;
