// The "Deleted · Undo" bar: the latest delete that can still be undone, shown for BAR_MS after
// it happened (or after the page opened, when a reload finds one still in its window), then
// hidden; Undo puts it back through the trash repository.
//
//   idle ──delete──▶ shown ──Undo──▶ idle ("Restored", or the sentence why not)
//                      │ └──BAR_MS, or Dismiss──▶ idle (still undoable until undoUntil, unseen)
//                      └──another delete──▶ shown (the newer one)
//
// The bar is one persistent polite live region in the page; this model only says what it holds.

import { computed, createModel, effect, signal } from '@preact/signals';
import type { Db } from '@/lib/db';
import { describeError, t } from '@/lib/i18n';
import type { DeleteKind } from '@/lib/records';
import { type Deleted, pendingUndos, purgeTrash, undoDelete } from '@/lib/repos/trash';

/** How long the bar stays: long enough to read it and reach Undo by keyboard. */
export const BAR_MS = 10_000;

export interface UndoEnv {
  db: () => Promise<Db>;
  now: () => number;
  /** Reads the records again after an Undo. */
  reload(): Promise<void>;
}

/** What the bar says. */
export type UndoBar =
  | { state: 'deleted'; deleted: Deleted; label: string }
  | { state: 'restored'; label: string }
  | { state: 'failed'; label: string };

const KIND_KEY: Record<DeleteKind, string> = {
  mentorship: 'undoWhatMentorship',
  booking: 'undoWhatBooking',
  session: 'undoWhatSession',
  note: 'undoWhatNote',
  topic: 'undoWhatTopic',
  'action-item': 'undoWhatActionItem',
  goal: 'undoWhatGoal',
};

export function deletedLabel(what: DeleteKind): string {
  return t('undoDeleted', t(KIND_KEY[what]));
}

export const UndoModel = createModel((env: UndoEnv) => {
  const current = signal<{ deleted: Deleted; until: number } | undefined>(undefined);
  const outcome = signal<{ state: 'restored' | 'failed'; label: string } | undefined>(undefined);
  const busy = signal(false);

  const bar = computed<UndoBar | undefined>(() => {
    const c = current.value;
    if (c) return { state: 'deleted', deleted: c.deleted, label: deletedLabel(c.deleted.what) };
    return outcome.value;
  });

  function show(deleted: Deleted) {
    outcome.value = undefined;
    current.value = { deleted, until: Math.min(env.now() + BAR_MS, deleted.undoUntil) };
  }

  // Hides the bar when its time is up (the delete stays undoable until its window ends).
  effect(() => {
    const c = current.value;
    if (!c) return;
    const timer = setTimeout(
      () => {
        if (current.peek() === c) current.value = undefined;
      },
      Math.max(0, c.until - env.now()),
    );
    return () => clearTimeout(timer);
  });

  effect(() => {
    const o = outcome.value;
    if (!o) return;
    const timer = setTimeout(() => {
      if (outcome.peek() === o) outcome.value = undefined;
    }, BAR_MS);
    return () => clearTimeout(timer);
  });

  return {
    bar,
    busy,
    /** A delete just happened: show its bar. */
    track: show,
    /** On opening the page: the latest delete still in its window gets its bar again. */
    async resume() {
      try {
        const [latest] = await pendingUndos(await env.db(), env.now());
        if (latest && !current.peek()) show(latest);
      } catch (error) {
        console.error('Mentor Companion: could not read the trash', error);
      }
    },
    async undo() {
      const c = current.peek();
      if (!c || busy.peek()) return;
      busy.value = true;
      try {
        await undoDelete(await env.db(), c.deleted.token, env.now());
        outcome.value = { state: 'restored', label: t('undoRestored') };
      } catch (error) {
        outcome.value = { state: 'failed', label: describeError(error) };
      } finally {
        current.value = undefined;
        busy.value = false;
        await env.reload();
      }
    },
    /** Closes the bar; what it named can no longer be undone from here once its window ends. */
    async dismiss() {
      current.value = undefined;
      outcome.value = undefined;
      try {
        await purgeTrash(await env.db(), env.now());
      } catch {
        // Purging is housekeeping: the next delete or Undo purges too.
      }
    },
  };
});

export type UndoModel = InstanceType<typeof UndoModel>;
