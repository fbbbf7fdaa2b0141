// The reflection checklist: what mentor and mentee ask themselves after each session
// ("Mentoring 101": reflect after every session), as a versioned catalogue of questions.
//
// Answers are stored by question id, never by position or wording, so the catalogue can change
// without losing history:
// - a question may be reworded under the same id (its answers still show, under the new text);
// - a question may be added (older reflections simply have no answer to it);
// - a question may be retired (it leaves the newest catalogue, but stays in the older ones, so a
//   reflection that answered it still shows it, with its old text, flagged `retired`).
// Never reuse an id for a different question, and never change a question's type or roles.
//
// A reflection's `catalogueVersion` is the catalogue it was started under; it decides which
// ratings make it complete, so shipping a new rating does not turn finished reflections back
// into unfinished ones. A version from the future is refused, changing nothing.
//
// Pure: no clock (times are parameters), no browser APIs.

import type { Answer, Role, SessionKind } from '../records';

export type QuestionType = 'rating' | 'text' | 'action-items' | 'next-date';

export interface Question {
  /** Stable id, e.g. 'mentor.responsive'. Answers are stored under it. */
  id: string;
  /**
   * 'rating': a score 1 to 5 plus an optional note. 'text': a note. 'action-items': the note
   * holds the items for next time, one a line. 'next-date': the note holds the next session's
   * date as YYYY-MM-DD (or YYYY-MM-DDTHH:MM).
   */
  type: QuestionType;
  /**
   * i18n message key, e.g. 'q_mentor_responsive'. A reworded question gets a new key, so old
   * translations are not shown for new wording. `hint`, `low` and `high`, when present, are the
   * messages `${key}_hint`, `${key}_low` and `${key}_high`.
   */
  key: string;
  /** English text, also the fallback when a translation is missing. */
  text: string;
  hint?: string;
  roles: Role[];
  /** The session kinds that show it. */
  kinds: SessionKind[];
  /** The UI shows the mentorship's goal next to this question. */
  showsGoal?: boolean;
  /** Label for a rating of 1. */
  low?: string;
  /** Label for a rating of 5. */
  high?: string;
}

export interface Catalogue {
  version: number;
  /** In display order: role ratings, then session-kind extras, then every-session items. */
  questions: readonly Question[];
}

export interface ReflectionItem {
  question: Question;
  answer?: Answer;
  /** The question is no longer asked; it shows because this reflection answered it. */
  retired: boolean;
}

export interface ReflectionView {
  /** The catalogue the items follow (the newest this build knows). */
  version: number;
  items: ReflectionItem[];
}

export interface SummaryContext {
  otherName?: string;
  /** As the UI formats it, e.g. '4 March 2025'. */
  sessionDate?: string;
}

export const CATALOGUE_VERSION = 2;

const BOTH: Role[] = ['mentor', 'mentee'];
const EVERY: SessionKind[] = ['regular', 'first', 'last'];

export function rating(
  id: string,
  key: string,
  text: string,
  roles: Role[],
  more: Partial<Question> = {},
): Question {
  return {
    id,
    type: 'rating',
    key,
    text,
    roles,
    kinds: EVERY,
    low: 'Not really',
    high: 'Very much',
    ...more,
  };
}

const FIRST_EXTRA = { kinds: ['first'] as SessionKind[], low: 'Not yet', high: 'Fully' };

// Questions that read the same in both versions.
const Q = {
  responsive: rating('mentor.responsive', 'q_mentor_responsive', 'Was I responsive?', ['mentor']),
  listened: rating('mentor.listened', 'q_mentor_listened', 'Did I listen?', ['mentor'], {
    hint: 'More listening than talking.',
  }),
  committed: rating('mentor.committed', 'q_mentor_committed', 'Was I committed?', ['mentor']),
  satisfied: rating('mentee.satisfied', 'q_mentee_satisfied', 'Was I satisfied with the session?', [
    'mentee',
  ]),
  valuable: rating('mentee.valuable', 'q_mentee_valuable', 'Was it valuable?', ['mentee']),
  introductions: rating(
    'first.introductions',
    'q_first_introductions',
    'Did we introduce ourselves, personally too?',
    BOTH,
    FIRST_EXTRA,
  ),
  goals: rating(
    'first.goals',
    'q_first_goals',
    'Did we set goals and objectives?',
    BOTH,
    FIRST_EXTRA,
  ),
  commitments: rating(
    'first.commitments',
    'q_first_commitments',
    'Did we agree on mutual commitments?',
    BOTH,
    FIRST_EXTRA,
  ),
  takeaways: {
    id: 'last.takeaways',
    type: 'text',
    key: 'q_last_takeaways',
    text: 'What are my key takeaways?',
    roles: BOTH,
    kinds: ['last'],
  },
  retrospective: {
    id: 'last.retrospective',
    type: 'text',
    key: 'q_last_retrospective',
    text: 'Looking back, how did our mentorship go?',
    hint: 'What worked, what did not, and what each of us takes away.',
    roles: BOTH,
    kinds: ['last'],
  },
  whatsNext: {
    id: 'last.whats-next',
    type: 'text',
    key: 'q_last_whats_next',
    text: "What's next?",
    hint: 'Next steps, and whether we keep in touch.',
    roles: BOTH,
    kinds: ['last'],
  },
  actionItems: {
    id: 'session.action-items',
    type: 'action-items',
    key: 'q_session_action_items',
    text: 'Action items for next time',
    hint: 'One a line; they carry forward to the next session.',
    roles: BOTH,
    kinds: EVERY,
  },
  nextDate: {
    id: 'session.next-date',
    type: 'next-date',
    key: 'q_session_next_date',
    text: 'Next session',
    hint: 'Suggested from your cadence.',
    roles: BOTH,
    kinds: EVERY,
  },
  raiseNext: {
    id: 'session.raise-next',
    type: 'text',
    key: 'q_session_raise_next',
    text: 'Anything to raise next time?',
    roles: BOTH,
    kinds: EVERY,
  },
} satisfies Record<string, Question>;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

export const catalogues: Record<number, Catalogue> = deepFreeze({
  1: {
    version: 1,
    questions: [
      Q.responsive,
      Q.listened,
      Q.committed,
      rating('mentor.guided', 'q_mentor_guided', 'Did I guide rather than control?', ['mentor'], {
        low: 'Controlled',
        high: 'Guided',
      }),
      Q.satisfied,
      Q.valuable,
      rating(
        'mentee.goal-progress',
        'q_mentee_goal_progress',
        'Are we making progress on our goal?',
        ['mentee'],
        { showsGoal: true, low: 'Not yet', high: 'Clearly' },
      ),
      // Retired in v2: preparation now lives in the pre-session thoughts.
      rating('mentee.prepared', 'q_mentee_prepared', 'Did I prepare well?', ['mentee']),
      Q.introductions,
      Q.goals,
      Q.commitments,
      Q.takeaways,
      Q.retrospective,
      Q.whatsNext,
      Q.actionItems,
      Q.nextDate,
      Q.raiseNext,
    ],
  },
  // v2: guide/control and goal-progress reworded (same ids), empathy added, prepared retired.
  2: {
    version: 2,
    questions: [
      Q.responsive,
      Q.listened,
      Q.committed,
      rating('mentor.guided', 'q_mentor_guided_2', 'Did I guide, or try to control?', ['mentor'], {
        low: 'Controlled',
        high: 'Guided',
      }),
      // Added in v2.
      rating('mentor.empathy', 'q_mentor_empathy', 'Did I have enough empathy?', ['mentor']),
      Q.satisfied,
      Q.valuable,
      rating(
        'mentee.goal-progress',
        'q_mentee_goal_progress_2',
        'Are we on the way to our goal?',
        ['mentee'],
        {
          showsGoal: true,
          hint: 'The goal we set in the first session.',
          low: 'Off track',
          high: 'On track',
        },
      ),
      Q.introductions,
      Q.goals,
      Q.commitments,
      Q.takeaways,
      Q.retrospective,
      Q.whatsNext,
      Q.actionItems,
      Q.nextDate,
      Q.raiseNext,
    ],
  },
});

/** Every question any catalogue has had, by id, as the newest catalogue holding it words it. */
export const known = new Map<string, { question: Question; version: number }>();
for (let v = 1; v <= CATALOGUE_VERSION; v++) {
  for (const question of catalogueOf(v).questions) known.set(question.id, { question, version: v });
}
export const current = new Set(catalogueOf(CATALOGUE_VERSION).questions.map((q) => q.id));

export function catalogueOf(version: number): Catalogue {
  const catalogue = catalogues[version];
  if (!catalogue) throw new Error(`There is no reflection catalogue version ${version}.`);
  return catalogue;
}

/** Throws, with one clear sentence, for a catalogue version this build cannot open. */
export function checkVersion(version: number): void {
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new Error(
      `This reflection has an unreadable catalogue version (${String(version)}); nothing was changed.`,
    );
  }
  if (version > CATALOGUE_VERSION) {
    throw new Error(
      'This reflection was saved by a newer version of Mentor Companion; update the extension to open it. Nothing was changed.',
    );
  }
}

export function asks(question: Question, role: Role, kind: SessionKind): boolean {
  return question.roles.includes(role) && question.kinds.includes(kind);
}

/** The questions a role answers after a session of this kind, in display order. */
export function questionsFor(
  role: Role,
  kind: SessionKind,
  version: number = CATALOGUE_VERSION,
): Question[] {
  checkVersion(version);
  return catalogueOf(version).questions.filter((q) => asks(q, role, kind));
}
