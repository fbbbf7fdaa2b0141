// The live session as the session card and the side panel show it: one model over the live
// projection the background keeps (lib/session/live-projection.ts). Where the projection comes
// from (a port for the card, the stored item for the panel) and where edits go are the source;
// the clock is passed in. Figures that move with time (the timer, focus) are computed from
// timestamps at the model's `now`, which ticks only while the model lives.
//
//   source.feed --projection--> view --computed--> call, session, timer, figures, ...
//   addDraft / toggleActionItem / assign --command--> background --new projection--> view
//
// The card folds to its timer pill by hand, or by itself while the user presents or the panel
// is open on the call (lib/rules/on-screen.ts decides); a click on a pill it folded by itself
// unfolds it until that reason is over, which is judged as each new projection arrives.
//
// Disposable (`model[Symbol.dispose]()`): it stops the feed and the clock.

import { computed, createModel, effect, signal, untracked } from '@preact/signals';
import { focusFigures } from '@/lib/focus';
import { describeError } from '@/lib/i18n';
import {
  type AutoFold,
  autoFold,
  cardFold,
  type FoldFacts,
  reflectPrompts,
} from '@/lib/rules/on-screen';
import type { DraftStore, LiveCommands, LiveFeed } from '@/lib/session/live-client';
import type { LiveProjection } from '@/lib/session/live-projection';
import { sessionTimer } from '@/lib/timer';

export interface LiveSource extends LiveCommands {
  feed: LiveFeed;
  /** Where the action item being typed is kept until it is added (none: nowhere). */
  drafts?: DraftStore;
}

export interface Clock {
  now(): number;
  /** Calls `tick` every `ms`; returns the stop. */
  every(ms: number, tick: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  every(ms, tick) {
    const id = setInterval(tick, ms);
    return () => clearInterval(id);
  },
};

/** How long "You were away 1:12" shows after the user comes back. */
export const AWAY_FLASH_MS = 8_000;

export const LiveModel = createModel((source: LiveSource, clock: Clock) => {
  const view = signal<LiveProjection | null>(null);
  const loaded = signal(false);
  const now = signal(clock.now());
  const error = signal<string | undefined>(undefined);
  /** The action item deleted last, while its Undo is offered (the card's "Deleted · Undo"). */
  const removed = signal<{ itemId: string; token: string } | undefined>(undefined);
  /** The away span just closed, and until when it is told. */
  const flash = signal<{ ms: number; until: number } | undefined>(undefined);
  let told: { count: number; awayMs: number } | undefined;
  /** The user folded the card with its "–" button. */
  const byHand = signal(false);
  /** The user unfolded a pill the extension folded, for this reason (until it is over). */
  const unfoldedFor = signal<AutoFold | null>(null);

  const factsOf = (v: LiveProjection | null): FoldFacts => ({
    presenting: v?.call?.state === 'in-call' && v.call.presenting === true,
    foldWhilePresenting: v?.foldWhilePresenting ?? true,
    panelOpen: v?.panelOpen ?? false,
    ended: v?.call?.state === 'ended' || v?.session?.status === 'ended',
  });

  /**
   * "You were away" when the user comes back: judged on each new focus ledger at the real time,
   * not on the ticking `now`, which a hidden tab may slow. What happened before the model
   * existed is not news.
   */
  const seeAway = (next: LiveProjection | null) => {
    const state = next?.focus;
    if (!state) return;
    const at = clock.now();
    const f = focusFigures(state, at);
    const open = f.awaySince === null ? 0 : at - f.awaySince;
    if (!told) {
      told = { count: f.count - (f.awaySince === null ? 0 : 1), awayMs: f.awayMs - open };
      return;
    }
    if (f.awaySince !== null || f.count <= told.count) return;
    flash.value = { ms: f.awayMs - told.awayMs, until: at + AWAY_FLASH_MS };
    told = { count: f.count, awayMs: f.awayMs };
  };

  // The feed and the clock run while the model lives; disposing the model stops both.
  effect(() =>
    untracked(() => {
      const stopFeed = source.feed((next) => {
        seeAway(next);
        // A reason the user unfolded the pill for is over: the next one folds it again.
        if (autoFold(factsOf(next)) !== unfoldedFor.value) unfoldedFor.value = null;
        view.value = next;
        loaded.value = true;
      });
      const stopClock = clock.every(1000, () => {
        now.value = clock.now();
      });
      return () => {
        stopFeed();
        stopClock();
      };
    }),
  );

  const call = computed(() => view.value?.call ?? undefined);
  const live = computed(() => view.value?.live ?? undefined);
  const session = computed(() => view.value?.session ?? undefined);
  const sessionId = computed(() => view.value?.sessionId ?? undefined);
  const mentorship = computed(() => view.value?.mentorship ?? undefined);
  const mentorships = computed(() => view.value?.mentorships ?? []);
  const menteeNotes = computed(() => view.value?.menteeNotes ?? '');
  const mentorNotes = computed(() => view.value?.mentorNotes ?? '');
  const focus = computed(() => view.value?.focus ?? undefined);
  const tabId = computed(() => view.value?.tabId);
  const facts = computed(() => factsOf(view.value));
  const ended = computed(() => facts.value.ended);
  /** Why the card shows as its pill now (null: whole). */
  const fold = computed(() =>
    cardFold(facts.value, { byHand: byHand.value, unfoldedFor: unfoldedFor.value }),
  );
  /** The end card's "Reflect now": not when the panel already shows the reflection. */
  const offerReflect = computed(() => reflectPrompts(facts.value).cardButton);

  const timer = computed(() => {
    const s = session.value;
    const minutes = view.value?.sessionMinutes;
    if (!s?.startedAt || minutes === undefined) return undefined;
    return sessionTimer(s.startedAt, minutes, s.endedAt ?? now.value);
  });
  const figures = computed(() => (focus.value ? focusFigures(focus.value, now.value) : undefined));
  /** The goal this session works towards: the first open goal of the mentorship. */
  const goal = computed(() => mentorship.value?.goals.find((g) => !g.doneAt));
  const awayFlash = computed(() => {
    const f = flash.value;
    return f && now.value < f.until ? f.ms : undefined;
  });
  /** The call is not matched to a mentorship yet: who it could be with. */
  const unassigned = computed(() => {
    const s = session.value;
    return s && !s.mentorshipId && !s.adHoc && mentorships.value.length
      ? mentorships.value
      : undefined;
  });

  // The action item being typed, kept as it is typed (source.drafts) and shown again when the
  // card or the panel opens anew for the same session (a reload, a worker restart). A call whose
  // session changes (assigned to a mentorship) takes what was typed with it.
  const draft = signal('');
  let draftFor: string | undefined;
  const keepDraft = (id: string, text: string) =>
    source.drafts?.write(id, text).catch((e) => console.warn('Mentor Companion:', e));
  effect(() => {
    const id = sessionId.value;
    untracked(() => {
      if (!id || id === draftFor || !source.drafts) return;
      const before = draftFor;
      draftFor = id;
      const typed = draft.value;
      if (typed) {
        keepDraft(id, typed);
        if (before) keepDraft(before, '');
        return;
      }
      source.drafts.read(id).then(
        (kept) => {
          if (draftFor === id && !draft.value && kept) draft.value = kept;
        },
        () => {},
      );
    });
  });

  /** Runs a command; a refusal becomes the sentence to show. */
  async function run(command: () => Promise<void>) {
    error.value = undefined;
    try {
      await command();
    } catch (e) {
      error.value = describeError(e);
    }
  }

  return {
    view,
    loaded,
    now,
    error,
    removed,
    call,
    live,
    session,
    sessionId,
    mentorship,
    mentorships,
    menteeNotes,
    mentorNotes,
    focus,
    tabId,
    timer,
    figures,
    goal,
    awayFlash,
    unassigned,
    draft,

    /** The person typed `text` as the action item to add. */
    typeDraft(text: string) {
      draft.value = text;
      const id = sessionId.value;
      if (id) keepDraft(id, text);
    },

    /** Adds what was typed as an action item; it leaves the box once it is added. */
    async addDraft() {
      const text = draft.value;
      const id = sessionId.value;
      if (!text.trim() || !id) return;
      await run(() => source.addActionItem(id, text));
      if (error.value || draft.value !== text) return;
      draft.value = '';
      keepDraft(id, '');
    },

    ended,
    fold,
    offerReflect,

    /** The "–" button: the card folds to its pill. */
    foldByHand() {
      byHand.value = true;
    },

    /** A click on the pill: the whole card, until the reason it folded by itself is over. */
    unfold() {
      byHand.value = false;
      unfoldedFor.value = autoFold(facts.value);
    },

    async toggleActionItem(itemId: string) {
      const id = sessionId.value;
      if (!id) return;
      await run(() => source.toggleActionItem(id, itemId));
    },

    /** Changes an action item's text; resolves true when saved. */
    async editActionItem(itemId: string, text: string): Promise<boolean> {
      const id = sessionId.value;
      if (!id) return false;
      await run(() => source.editActionItem(id, itemId, text));
      return !error.value;
    },

    async removeActionItem(itemId: string) {
      const id = sessionId.value;
      if (!id) return;
      await run(async () => {
        const token = await source.removeActionItem(id, itemId);
        removed.value = token ? { itemId, token } : undefined;
      });
    },

    async undoRemove() {
      const id = sessionId.value;
      const r = removed.value;
      if (!id || !r) return;
      removed.value = undefined;
      await run(() => source.undoRemove(id, r.itemId, r.token));
    },

    dismissRemoved() {
      removed.value = undefined;
    },

    async assign(mentorshipId: string | null) {
      const id = sessionId.value;
      if (!id) return;
      await run(() => source.assign(id, mentorshipId));
    },
  };
});

export type LiveModel = InstanceType<typeof LiveModel>;
