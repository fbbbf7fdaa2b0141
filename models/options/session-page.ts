// A session's page on the Mentorships page (#s=<sessionId>), opened from History or from the
// popup's "waiting for a reflection": when and how long, the agreed topic and who proposed it,
// both sides' notes, the action items planned, done and carried forward, my reflection (reopen
// it to change it; the completed version is kept, with when), my own focus figures only, and
// the previous and next held sessions.
//
//   closed ──open(id)──▶ loading ──▶ shown ──refresh (any page wrote)──▶ shown
//                           └──────▶ gone (the session was deleted: a sentence)
//
// One read per open or refresh (`loadSessionPage`); what is shown is derived with `computed`.

import { computed, createModel, signal } from '@preact/signals';
import { describeError, t } from '@/lib/i18n';
import type { Answer, Role } from '@/lib/records';
import { type Question, viewReflection } from '@/lib/reflection';
import { clearNote } from '@/lib/repos/notes';
import { reopenReflection } from '@/lib/repos/reflections';
import { clearTopic } from '@/lib/repos/session-deletes';
import { loadSessionPage, type SessionPage } from '@/lib/repos/session-page';
import type { OptionsContext } from './context';

/** One answered question of my reflection, as the page lists it. */
export interface ShownAnswer {
  id: string;
  /** The question as the UI language words it (lib's English while a translation is missing). */
  text: string;
  answer: Answer;
}

// Not models/reflection.ts's `labelsOf`: importing that model here would put the side panel's
// reflection code in a chunk the session card loads too (tests/unit/manifest-card.test.ts).
function questionText(q: Question): string {
  const text = t(q.key);
  return text && text !== q.key ? text : q.text;
}

export const SessionPageModel = createModel((ctx: OptionsContext) => {
  const sessionId = signal<string | undefined>(undefined);
  const page = signal<SessionPage | undefined>(undefined);
  const error = signal<string | undefined>(undefined);
  const actionError = signal<string | undefined>(undefined);

  /** My reflection's answered questions, in the catalogue's order. */
  const answers = computed<ShownAnswer[]>(() => {
    const p = page.value;
    const r = p?.reflection;
    if (!p || !r) return [];
    try {
      return viewReflection(r, p.session.kind).items.flatMap((it) =>
        it.answer && (it.answer.score !== undefined || it.answer.note?.trim())
          ? [{ id: it.question.id, text: questionText(it.question), answer: it.answer }]
          : [],
      );
    } catch {
      // Saved by a newer catalogue than this build knows: shown as not readable here.
      return [];
    }
  });

  /** The topic was proposed by me. */
  const proposedByMe = computed(() => {
    const p = page.value;
    return !!p?.session.topic && p.session.topic.by === p.myRole;
  });

  let loads = 0;
  async function load(id: string) {
    const mine = ++loads;
    try {
      const next = await loadSessionPage(await ctx.db(), id);
      if (mine !== loads || sessionId.peek() !== id) return;
      page.value = next;
      error.value = undefined;
    } catch (e) {
      if (mine !== loads || sessionId.peek() !== id) return;
      page.value = undefined;
      error.value = describeError(e);
    }
  }

  const run = async (write: Parameters<OptionsContext['change']>[0]) => {
    actionError.value = await ctx.change(write);
    return !actionError.value;
  };

  return {
    sessionId,
    page,
    error,
    actionError,
    answers,
    proposedByMe,
    /** Shows a session (the page for it reads once). */
    open(id: string): Promise<void> {
      if (sessionId.peek() !== id) {
        sessionId.value = id;
        page.value = undefined;
        error.value = undefined;
        actionError.value = undefined;
      }
      return load(id);
    },
    close() {
      sessionId.value = undefined;
      page.value = undefined;
      error.value = undefined;
    },
    /** Reads the session shown again (the page calls it after every read of the records). */
    refresh(): Promise<void> {
      const id = sessionId.peek();
      return id ? load(id) : Promise.resolve();
    },
    /** Reopens my completed reflection to change it; resolves true when it is open. */
    async reopen(): Promise<boolean> {
      const p = page.peek();
      if (!p?.myRole) return false;
      const role: Role = p.myRole;
      if (p.reflection && !p.reflection.complete) return true;
      return run((d) => reopenReflection(d, p.session.id, role, ctx.now()));
    },
    async clearTopic() {
      const p = page.peek();
      if (!p) return;
      actionError.value = await ctx.remove((d) => clearTopic(d, p.session.id, ctx.now()));
    },
    async clearMyNote() {
      const p = page.peek();
      if (!p?.myRole) return;
      const role = p.myRole;
      actionError.value = await ctx.remove((d) => clearNote(d, p.session.id, role, ctx.now()));
    },
  };
});

export type SessionPageModel = InstanceType<typeof SessionPageModel>;
