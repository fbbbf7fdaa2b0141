// The agreement of the mentorship shown (who, how often, how long, how to prepare and reach
// each other, what is in scope), saved as it is typed; its goals; and the action items of its
// sessions, ticked off here.
//
// The form shows what was typed while it is being saved, while it holds an error, and while the
// stored record is still the one the typing started from; a change made elsewhere (another
// page, a restore) replaces it. That is a `computed` over the stored mentorship and the typing,
// so nothing has to be copied back by hand.

import { computed, createModel, signal } from '@preact/signals';
import { createAutosave, type SaveStatus } from '@/lib/autosave';
import { describeError } from '@/lib/i18n';
import type { Mentorship } from '@/lib/records';
import {
  addGoal,
  editGoal,
  removeGoal,
  setGoalDone,
  updateMentorship,
} from '@/lib/repos/mentorships';
import { removeActionItem } from '@/lib/repos/session-deletes';
import { editActionItems } from '@/lib/repos/sessions';
import { actionItemGroups } from '@/lib/rules/action-items';
import {
  type AgreementDraft,
  agreementDraftOf,
  checkGoalText,
  type MentorshipEdit,
  readAgreementDraft,
} from '@/lib/rules/agreement';
import type { OptionsContext } from './context';

/** The field that stops the agreement from saving, and why. */
export interface FieldError {
  field: keyof AgreementDraft;
  message: string;
}

/** What the form holds for one mentorship. */
interface Typed {
  id: string;
  draft: AgreementDraft;
  /** The stored record the draft started from (or was last saved as), to see changes elsewhere. */
  known: string;
  error?: FieldError;
}

const editKey = (edit: MentorshipEdit) => JSON.stringify(edit);

function storedKey(m: Mentorship): string {
  const read = readAgreementDraft(agreementDraftOf(m));
  return read.ok ? editKey(read.edit) : JSON.stringify(agreementDraftOf(m));
}

export const AgreementModel = createModel((ctx: OptionsContext) => {
  const typed = signal<Typed | undefined>(undefined);
  const saved = signal<SaveStatus>('idle');
  const goalError = signal<string | undefined>(undefined);
  const actionError = signal<string | undefined>(undefined);

  /** The form as shown: what is typed, unless the stored record changed elsewhere. */
  const form = computed<Typed | undefined>(() => {
    const m = ctx.selected.value;
    if (!m) return undefined;
    const known = storedKey(m);
    const mine = typed.value;
    if (
      mine?.id === m.id &&
      (saved.value === 'saving' || mine.known === known || mine.error !== undefined)
    ) {
      return mine;
    }
    return { id: m.id, draft: agreementDraftOf(m), known };
  });
  const draft = computed(() => form.value?.draft);
  const error = computed(() => form.value?.error);

  const groups = computed(() => {
    const m = ctx.selected.value;
    return m ? actionItemGroups(m.id, ctx.data.value?.sessions ?? []) : [];
  });

  const saver = createAutosave<{ id: string; edit: MentorshipEdit }>(
    async ({ id, edit }) => {
      try {
        const stored = await updateMentorship(await ctx.db(), id, edit);
        const mine = typed.value;
        if (mine?.id === id) typed.value = { ...mine, known: storedKey(stored) };
      } finally {
        await ctx.reload();
      }
    },
    (s) => {
      saved.value = s;
    },
  );

  return {
    draft,
    error,
    saved,
    groups,
    goalError,
    actionError,
    /** A change in the form: saved at once when it reads right, else the field says why. */
    edit(patch: Partial<AgreementDraft>) {
      const shown = form.value;
      if (!shown) return;
      const next = { ...shown.draft, ...patch };
      const read = readAgreementDraft(next);
      if (!read.ok) {
        // Nothing bad is saved: the form says what is wrong and waits.
        typed.value = {
          ...shown,
          draft: next,
          error: { field: read.field, message: describeError(read.error) },
        };
        return;
      }
      typed.value = { id: shown.id, draft: next, known: shown.known };
      saver.push({ id: shown.id, edit: read.edit });
    },
    async addGoal(text: string): Promise<boolean> {
      const problem = checkGoalText(text);
      if (problem) {
        goalError.value = describeError(problem);
        return false;
      }
      goalError.value = undefined;
      const failed = await ctx.changeSelected((m, d) => addGoal(d, m.id, text, ctx.now()));
      goalError.value = failed;
      return !failed;
    },
    async goalDone(goalId: string, done: boolean) {
      actionError.value = await ctx.changeSelected((m, d) =>
        setGoalDone(d, m.id, goalId, done, ctx.now()),
      );
    },
    /** Deletes a goal; the "Deleted · Undo" bar can bring it back. */
    async deleteGoal(goalId: string) {
      const m = ctx.selected.value;
      if (!m) return;
      actionError.value = await ctx.remove((d) => removeGoal(d, m.id, goalId, ctx.now()));
    },
    /** Changes a goal's text; resolves true when saved. */
    async editGoal(goalId: string, text: string): Promise<boolean> {
      const failed = await ctx.changeSelected((m, d) => editGoal(d, m.id, goalId, text));
      actionError.value = failed;
      return !failed;
    },
    /** Changes an action item's text; resolves true when saved (an empty text is refused). */
    async editItem(sessionId: string, itemId: string, text: string): Promise<boolean> {
      const failed = await ctx.change((d) =>
        editActionItems(d, sessionId, { edit: itemId, text }, ctx.now()),
      );
      actionError.value = failed;
      return !failed;
    },
    /** Sets an action item done or not, as the box shows it. */
    async setItemDone(sessionId: string, itemId: string, done: boolean) {
      actionError.value = await ctx.change((d) =>
        editActionItems(d, sessionId, { setDone: itemId, done }, ctx.now()),
      );
    },
    /** Deletes an action item; the "Deleted · Undo" bar can bring it back. */
    async removeItem(sessionId: string, itemId: string) {
      actionError.value = await ctx.remove((d) =>
        removeActionItem(d, sessionId, itemId, ctx.now()),
      );
    },
    /** Ticks an action item off, or back on. */
    async toggleItem(sessionId: string, itemId: string) {
      actionError.value = await ctx.change((d) =>
        editActionItems(d, sessionId, { toggle: itemId }, ctx.now()),
      );
    },
    clearErrors() {
      goalError.value = undefined;
      actionError.value = undefined;
    },
    /** Resolves when what was typed is written. */
    flush: () => saver.flush(),
  };
});

export type AgreementModel = InstanceType<typeof AgreementModel>;
