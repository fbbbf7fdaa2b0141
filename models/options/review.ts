// The period review on the Mentorships page (#review=<mentorshipId>): what lib/rules/review.ts
// builds from the records, which parts the user ticks to share, and the shared forms: Markdown
// (copy or download) and a share pack of kind `summary` (copy, or an email). Printing is the
// page's own (a print stylesheet); this model only says what is on it.

import { computed, createModel, signal } from '@preact/signals';
import { describeError, t } from '@/lib/i18n';
import {
  buildReview,
  PICK_ALL,
  type ReviewPart,
  type ReviewPick,
  reviewDue,
} from '@/lib/rules/review';
import { type ReviewLabels, reviewMarkdown, reviewPlainText } from '@/lib/rules/review-text';
import { mailtoUrl } from '@/lib/share/mailto';
import { encodePack } from '@/lib/share/message';
import { PACK_VERSION, type Pack } from '@/lib/share/pack';
import { fileSlug } from './calendar';
import type { OptionsContext } from './context';

export function reviewLabels(): ReviewLabels {
  return {
    title: (name) => t('reviewTitle', name),
    period: (from, to) => t('reviewPeriod', [from, to]),
    cadence: t('reviewCadence'),
    held: (held, planned, days) => t('reviewHeld', [String(held), String(planned), String(days)]),
    goals: t('optGoalsTitle'),
    goalsSummary: (done, total) => t('reviewGoalsSummary', [String(done), String(total)]),
    actionItems: t('optActionsTitle'),
    itemsSummary: (done, total) => t('reviewItemsSummary', [String(done), String(total)]),
    ratings: t('reviewRatings'),
    rating: (q, avg, first, last) => t('reviewRating', [q, avg, first, last]),
    last: t('reviewLast'),
    questions: {
      'last.takeaways': t('q_last_takeaways'),
      'last.retrospective': t('q_last_retrospective'),
      'last.whats-next': t('q_last_whats_next'),
    },
    sessions: t('mdSessions'),
    question: (key, english) => {
      const text = t(key);
      return text && text !== key ? text : english;
    },
  };
}

/** The user's local date, YYYY-MM-DD. */
function localDate(at: number, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
  return parts;
}

export interface ReviewEnv extends OptionsContext {
  timeZone?: () => string;
  copy?: (text: string) => Promise<void>;
}

export const ReviewModel = createModel((env: ReviewEnv) => {
  const zone = env.timeZone ?? (() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const copyText = env.copy ?? ((text: string) => navigator.clipboard.writeText(text));
  /** The mentorship whose review is open (#review=<id>), else none. */
  const openFor = signal<string | undefined>(undefined);
  const pick = signal<ReviewPick>({ ...PICK_ALL });
  const copied = signal<'markdown' | 'pack' | undefined>(undefined);
  const error = signal<string | undefined>(undefined);

  const review = computed(() => {
    const id = openFor.value;
    const data = env.data.value;
    const m = data?.mentorships.find((x) => x.id === id);
    if (!m || !data) return undefined;
    const now = env.today.value;
    return buildReview({
      mentorship: m,
      sessions: data.sessions,
      reflections: data.reflections,
      now,
      today: localDate(now, zone()),
    });
  });

  /** Why the mentorship shown is ready for its review (ended, goals reached), if it is. */
  const due = computed(() => {
    const m = env.selected.value;
    return m && reviewDue(m, localDate(env.today.value, zone()));
  });

  const markdown = computed(() => {
    const r = review.value;
    return r && reviewMarkdown(r, pick.value, reviewLabels(), zone());
  });

  /** The review as a share pack (kind `summary`): only the ticked parts, as readable text. */
  const pack = computed<Pack | undefined>(() => {
    const r = review.value;
    const m = env.data.value?.mentorships.find((x) => x.id === r?.mentorshipId);
    if (!r || !m) return undefined;
    return {
      v: PACK_VERSION,
      kind: 'summary',
      from: m.myRole,
      topic: '',
      notes: '',
      createdAt: new Date(env.now()).toISOString(),
      mentorship: {
        id: m.pairId ?? m.id,
        ...(m.myRole === 'mentor' ? { menteeName: m.otherName } : { mentorName: m.otherName }),
      },
      summary: reviewPlainText(r, pick.value, reviewLabels(), zone()),
    };
  });

  const mail = computed<{ url?: string; tooLong?: string }>(() => {
    const p = pack.value;
    if (!p) return {};
    try {
      return { url: mailtoUrl(p, {}) };
    } catch (e) {
      return { tooLong: describeError(e) };
    }
  });

  async function copy(what: 'markdown' | 'pack', text: () => string | undefined) {
    error.value = undefined;
    try {
      const value = text();
      if (!value) return;
      await copyText(value);
      copied.value = what;
    } catch (e) {
      error.value = describeError(e);
    }
  }

  return {
    openFor,
    pick,
    copied,
    error,
    review,
    due,
    markdown,
    pack,
    mail,
    open(id: string | undefined) {
      openFor.value = id;
      copied.value = undefined;
      error.value = undefined;
    },
    setPart(part: ReviewPart, on: boolean) {
      pick.value = { ...pick.value, [part]: on };
      copied.value = undefined;
    },
    markdownFile() {
      const r = review.value;
      const text = markdown.value;
      return r && text ? { name: `review-${fileSlug(r.otherName)}.md`, text } : undefined;
    },
    copyMarkdown: () => copy('markdown', () => markdown.value),
    copyPack: () =>
      copy('pack', () => {
        const p = pack.value;
        return p && encodePack(p);
      }),
  };
});

export type ReviewModel = InstanceType<typeof ReviewModel>;
