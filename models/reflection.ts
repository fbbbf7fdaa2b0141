// The reflection after a session, as the side panel shows it: the checklist for my role, each
// answer saved as it is given, the open action items carried forward into "action items for
// next time", the next session booked from the date chosen (suggested from the cadence), and a
// summary of the answers I tick, to paste to the other person.
//
//   loading ──load──> ready ──complete──> done (still editable: "update")
//      │                │ └──skip──> skipped
//      │                └─ a save refused (the session went away) ─> read-only, sentence shown
//      ├─ no such session ─> read-only, sentence shown
//      └─ saved by a newer catalogue ─> read-only, nothing overwritten
//
// The clock and the database come in; nothing here reads `Date.now` or opens a page.

import { computed, createModel, signal } from '@preact/signals';
import { createAutosave, type SaveStatus } from '@/lib/autosave';
import type { Db } from '@/lib/db';
import { isUserError } from '@/lib/errors';
import { describeError, t } from '@/lib/i18n';
import type {
  Answer,
  Mentorship,
  Reflection,
  Role,
  SessionKind,
  SessionRecord,
} from '@/lib/records';
import {
  CATALOGUE_VERSION,
  isComplete,
  newReflection,
  type Question,
  type ReflectionItem,
  setAnswer,
  viewReflection,
} from '@/lib/reflection';
import { getMentorship } from '@/lib/repos/mentorships';
import { changeReflection, getReflection } from '@/lib/repos/reflections';
import { bookSession, dismissReflection, getSession } from '@/lib/repos/sessions';
import { suggestNextSession } from '@/lib/schedule';
import { type Journal, noJournal } from '@/lib/storage/journal';
import { toInputValue } from './local-time';

export interface ReflectionEnv {
  db: () => Promise<Db>;
  now: () => number;
  /** Puts text on the clipboard (navigator.clipboard in a page). */
  copy?: (text: string) => Promise<void>;
  /** What was typed, kept synchronously until it is saved (lib/storage/journal.ts). */
  journal?: Journal;
}

/** A question's words as the form shows them, in the UI language. */
export interface QuestionLabels {
  text: string;
  /** '' when the question has none. */
  hint: string;
  low: string;
  high: string;
}

/** An item of the checklist with its words. */
export interface LabelledItem extends ReflectionItem {
  labels: QuestionLabels;
}

/** A message, or lib's English text while its translation is missing (never the bare key). */
function word(key: string, english: string | undefined): string {
  const text = t(key);
  return text === key ? (english ?? '') : text;
}

export function labelsOf(q: Question): QuestionLabels {
  return {
    text: word(q.key, q.text),
    hint: word(`${q.key}_hint`, q.hint),
    low: word(`${q.key}_low`, q.low),
    high: word(`${q.key}_high`, q.high),
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface SummaryContext {
  otherName?: string;
  /** As the page formats it, e.g. '4 March 2025'. */
  sessionDate?: string;
}

/**
 * Plain text to paste to the other person, in the UI language: a header line, then only the
 * ticked items that have an answer, in display order, each under the question as the form
 * shows it. Nothing else in the reflection appears.
 */
export function summaryOf(
  r: Reflection,
  items: readonly LabelledItem[],
  ticked: readonly string[],
  ctx: SummaryContext,
): string {
  const chosen = new Set(ticked);
  const role = t(r.role === 'mentor' ? 'roleMentor' : 'roleMentee');
  const other = ctx.otherName ? oneLine(ctx.otherName) : '';
  const date = ctx.sessionDate ? oneLine(ctx.sessionDate) : '';
  const header =
    other && date
      ? t('summaryHeaderWithOn', [role, other, date])
      : other
        ? t('summaryHeaderWith', [role, other])
        : date
          ? t('summaryHeaderOn', [role, date])
          : t('summaryHeader', role);
  const blocks = [header];
  for (const { question, answer, labels } of items) {
    if (!chosen.has(question.id) || !answer) continue;
    const note = answer.note?.trim() ? answer.note : undefined;
    if (answer.score === undefined && !note) continue;
    let block = labels.text;
    if (question.type === 'rating' && answer.score !== undefined) block += ` ${answer.score}/5`;
    if (note) {
      const lines = note.replace(/\s+$/, '').split(/\r\n|\r|\n/);
      block += `\n${lines.map((line) => `  ${line}`).join('\n')}`;
    }
    blocks.push(block);
  }
  return blocks.join('\n\n');
}

export const ReflectionModel = createModel((sessionId: string, env: ReflectionEnv) => {
  const loaded = signal(false);
  const session = signal<SessionRecord | undefined>(undefined);
  const mentorship = signal<Mentorship | undefined>(undefined);
  const reflection = signal<Reflection | undefined>(undefined);
  const role = signal<Role>('mentee');
  const error = signal<string | undefined>(undefined);
  const readOnly = signal(false);
  const status = signal<SaveStatus>('idle');
  /** Completed in this visit (the stored flag shows earlier visits). */
  const done = signal(false);
  const skipped = signal(false);
  const ticked = signal<string[]>([]);
  const copied = signal(false);

  const kind = computed<SessionKind>(() => session.value?.kind ?? 'regular');
  const items = computed<LabelledItem[]>(() => {
    const r = reflection.value;
    if (!r) return [];
    return viewReflection(r, kind.value).items.map((item) => ({
      ...item,
      labels: labelsOf(item.question),
    }));
  });
  /** The goal the session works towards: the first open one. */
  const goal = computed(() => mentorship.value?.goals.find((g) => !g.doneAt)?.text);
  /** One cadence after the session, as the date question's input value. */
  const suggestedNext = computed(() => {
    const m = mentorship.value;
    const s = session.value;
    if (!m || !s) return undefined;
    const now = env.now();
    const from = s.startedAt ?? s.scheduledAt ?? now;
    return toInputValue(suggestNextSession(from, m.agreement.cadenceDays, now));
  });
  /** Answered items that can go into the summary. */
  const summaryItems = computed(() => items.value.filter((i) => i.answer && !i.retired));
  const summary = computed(() => {
    const r = reflection.value;
    const s = session.value;
    if (!r) return '';
    return summaryOf(r, items.value, ticked.value, {
      otherName: mentorship.value?.otherName,
      sessionDate:
        s?.startedAt !== undefined ? new Date(s.startedAt).toLocaleDateString() : undefined,
    });
  });

  // What this view changed and has not written yet: only these answers (and the completion)
  // are sent, merged per answer in one transaction, so another view of the same reflection (the
  // side panel and a "Reflect now" tab) keeps what it wrote.
  const dirty = new Map<string, Answer>();
  const journal = env.journal ?? noJournal;
  const field = (role: Role, question: string) => `${sessionId}:${role}:${question}`;
  let completeDirty = false;
  const saver = createAutosave<number>(
    async () => {
      const r = reflection.value;
      if (!r) return;
      const sent = new Map(dirty);
      const complete = completeDirty ? true : undefined;
      try {
        await changeReflection(
          await env.db(),
          {
            sessionId,
            role: r.role,
            catalogueVersion: r.catalogueVersion,
            answers: Object.fromEntries(sent),
            ...(complete ? { complete } : {}),
          },
          env.now(),
        );
      } catch (e) {
        if (isUserError(e) && e.code === 'reflection-session-gone') {
          // The session went away: say so, and take nothing more that would be lost.
          error.value = describeError(e);
          readOnly.value = true;
          return;
        }
        // Anything else (a full disk, a closed database): kept, shown, and tried again.
        error.value = describeError(e);
        throw e;
      }
      for (const [question, answer] of sent) {
        if (dirty.get(question) === answer) dirty.delete(question);
        journal.saved(field(r.role, question), JSON.stringify(answer));
      }
      if (complete) completeDirty = false;
      error.value = undefined;
    },
    (s) => {
      status.value = s;
    },
  );
  let pushes = 0;

  async function load(forRole?: Role) {
    const d = await env.db();
    const s = await getSession(d, sessionId);
    if (!s) {
      error.value = t('reflectionGone');
      readOnly.value = true;
      loaded.value = true;
      return;
    }
    const m = s.mentorshipId ? await getMentorship(d, s.mentorshipId) : undefined;
    const who = forRole ?? m?.myRole ?? role.value;
    const stored = await getReflection(d, sessionId, who);
    session.value = s;
    mentorship.value = m;
    role.value = who;
    loaded.value = true;
    const version = stored?.catalogueVersion ?? CATALOGUE_VERSION;
    if (!(Number.isInteger(version) && version >= 1 && version <= CATALOGUE_VERSION)) {
      // Saved by a newer release (or unreadable): show nothing editable, overwrite nothing.
      error.value = t('reflectionNewer');
      readOnly.value = true;
      reflection.value = undefined;
      return;
    }
    const now = env.now();
    const fresh = stored ?? newReflection(sessionId, who, now);
    // Action items for next time start from the session's open ones (carried forward).
    const open = s.actionItems.filter((a) => !a.doneAt).map((a) => a.text);
    dirty.clear();
    completeDirty = false;
    reflection.value =
      !stored && open.length
        ? setAnswer(fresh, 'session.action-items', { note: open.join('\n') }, now)
        : fresh;
    // Carried forward, not yet written: it goes with the first answer given.
    const carried = !stored ? reflection.value.answers['session.action-items'] : undefined;
    if (carried) dirty.set('session.action-items', carried);
    // Answers given a moment before the page went and not yet written: given again now.
    let recovered = false;
    for (const question of viewReflection(reflection.value, s.kind).items.map(
      (i) => i.question.id,
    )) {
      const kept = journal.read(field(who, question));
      if (kept === undefined) continue;
      const answer = JSON.parse(kept) as Answer;
      if (JSON.stringify(reflection.value.answers[question]) === kept) {
        journal.saved(field(who, question), kept);
        continue;
      }
      reflection.value = setAnswer(reflection.value, question, answer, now);
      const set = reflection.value.answers[question];
      if (set) dirty.set(question, set);
      recovered = true;
    }
    if (recovered) saver.push(++pushes);
    ticked.value = [];
  }

  return {
    loaded,
    session,
    mentorship,
    reflection,
    role,
    error,
    readOnly,
    status,
    done,
    skipped,
    ticked,
    copied,
    kind,
    items,
    goal,
    suggestedNext,
    summaryItems,
    summary,
    load,
    /** A role chosen for a session that belongs to no mentorship. */
    chooseRole: (next: Role) => load(next),
    answer(questionId: string, patch: Partial<Answer>) {
      const r = reflection.value;
      if (!r || readOnly.value) return;
      try {
        const next = setAnswer(r, questionId, patch, env.now());
        reflection.value = next;
        error.value = undefined;
        const answer = next.answers[questionId];
        if (answer) {
          dirty.set(questionId, answer);
          journal.write(field(next.role, questionId), JSON.stringify(answer));
        }
        saver.push(++pushes);
      } catch (e) {
        error.value = describeError(e);
      }
    },
    /** Marks it complete and books the next session; false while a rating is unanswered. */
    async complete(): Promise<boolean> {
      const r = reflection.value;
      const s = session.value;
      if (!r || !s || readOnly.value) return false;
      if (!isComplete(r, s.kind)) {
        error.value = t('reflectionIncomplete');
        return false;
      }
      const next = { ...r, complete: true, updatedAt: env.now() };
      reflection.value = next;
      completeDirty = true;
      saver.push(++pushes);
      await saver.flush();
      if (readOnly.value || saver.pending) return false;
      done.value = true;
      const when = next.answers['session.next-date']?.note;
      const at = when ? new Date(when).getTime() : Number.NaN;
      if (s.mentorshipId && Number.isFinite(at)) {
        try {
          await bookSession(await env.db(), s.mentorshipId, at, env.now());
        } catch (e) {
          // The reflection is saved; only the booking failed, and the sentence says why.
          error.value = describeError(e);
        }
      }
      return true;
    },
    /** "Not this time": the session stops asking for a reflection. */
    async skip() {
      try {
        await dismissReflection(await env.db(), sessionId, true);
        skipped.value = true;
      } catch (e) {
        error.value = describeError(e);
      }
    },
    tick(questionId: string, on: boolean) {
      const rest = ticked.value.filter((id) => id !== questionId);
      ticked.value = on ? [...rest, questionId] : rest;
      copied.value = false;
    },
    async copySummary() {
      if (!env.copy) return;
      await env.copy(summary.value);
      copied.value = true;
    },
    /** Resolves when every answer given is written. */
    flush: () => saver.flush(),
  };
});

export type ReflectionModel = InstanceType<typeof ReflectionModel>;
