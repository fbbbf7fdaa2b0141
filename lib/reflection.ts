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

import type { Answer, Reflection, Role, SessionKind } from './records';
import { parseDateFields } from './time';

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

function rating(
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
const known = new Map<string, { question: Question; version: number }>();
for (let v = 1; v <= CATALOGUE_VERSION; v++) {
  for (const question of catalogueOf(v).questions) known.set(question.id, { question, version: v });
}
const current = new Set(catalogueOf(CATALOGUE_VERSION).questions.map((q) => q.id));

function catalogueOf(version: number): Catalogue {
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

function asks(question: Question, role: Role, kind: SessionKind): boolean {
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

function hasNote(answer: Answer | undefined): boolean {
  return typeof answer?.note === 'string' && answer.note.trim() !== '';
}

function isAnswered(answer: Answer | undefined): boolean {
  return answer?.score !== undefined || hasNote(answer);
}

/**
 * A stored reflection laid out under the newest catalogue: its questions for the reflection's
 * role and this session kind, each with its answer by id, plus any retired question the
 * reflection answered (old text, `retired: true`) next to where it used to be.
 */
export function viewReflection(stored: Reflection, kind: SessionKind): ReflectionView {
  checkVersion(stored.catalogueVersion);
  const answers = stored.answers ?? {};
  const item = (question: Question, retired: boolean): ReflectionItem => {
    const answer = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    return answer ? { question, answer: { ...answer }, retired } : { question, retired };
  };
  const items = questionsFor(stored.role, kind).map((q) => item(q, false));

  for (const id of Object.keys(answers)) {
    const entry = known.get(id);
    if (!entry || current.has(id) || !isAnswered(answers[id])) continue;
    if (!asks(entry.question, stored.role, kind)) continue;
    // Place it after the nearest question that preceded it in its last catalogue.
    const old = catalogueOf(entry.version).questions;
    let at = 0;
    for (let i = old.findIndex((q) => q.id === id) - 1; i >= 0; i--) {
      const before = items.findIndex((it) => it.question.id === old[i]?.id);
      if (before >= 0) {
        at = before + 1;
        break;
      }
    }
    items.splice(at, 0, item(entry.question, true));
  }
  return { version: CATALOGUE_VERSION, items };
}

/** A new, empty reflection for one side of a session. */
export function newReflection(sessionId: string, role: Role, now: number): Reflection {
  if (typeof sessionId !== 'string' || sessionId === '') {
    throw new Error('A reflection needs the id of its session.');
  }
  return {
    id: `${sessionId}:${role}`,
    sessionId,
    role,
    catalogueVersion: CATALOGUE_VERSION,
    answers: {},
    complete: false,
    updatedAt: now,
  };
}

/** A next-session date: a day (YYYY-MM-DD) or a day and time (YYYY-MM-DDTHH:MM). */
function isDate(text: string): boolean {
  return parseDateFields(text) !== null;
}

/**
 * The reflection with one answer changed: `patch` fields replace the stored ones, and a field
 * set to undefined (or a note set to '') is removed. Notes are kept exactly as typed.
 * Does not touch `complete`: set it with isComplete when saving.
 * Throws a clear sentence, changing nothing, for a question this reflection does not ask,
 * a score that is not a whole number 1 to 5, or a next-session date that is not a date.
 */
export function setAnswer(
  r: Reflection,
  questionId: string,
  patch: Partial<Answer>,
  now: number,
): Reflection {
  checkVersion(r.catalogueVersion);
  const entry = known.get(questionId);
  if (!entry) throw new Error(`There is no reflection question with the id "${questionId}".`);
  const { question } = entry;
  if (!question.roles.includes(r.role)) {
    throw new Error(`The question "${questionId}" is not asked of a ${r.role}.`);
  }
  const stillAsked =
    current.has(questionId) ||
    catalogueOf(r.catalogueVersion).questions.some((q) => q.id === questionId) ||
    Object.hasOwn(r.answers, questionId);
  if (!stillAsked) {
    throw new Error(
      `The question "${questionId}" is no longer asked, so it cannot take a new answer.`,
    );
  }

  const { score, note } = patch;
  if (score !== undefined) {
    if (question.type !== 'rating') {
      throw new Error(`Only rating questions take a score, and "${questionId}" is not one.`);
    }
    if (typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > 5) {
      throw new Error(`A rating must be a whole number from 1 to 5, not ${String(score)}.`);
    }
  }
  if (note !== undefined) {
    if (typeof note !== 'string') throw new Error('A note must be text.');
    if (question.type === 'next-date' && note !== '' && !isDate(note)) {
      throw new Error(`The next session's date must be a date such as 2025-03-14, not "${note}".`);
    }
  }

  const merged: Answer = { ...r.answers[questionId], ...patch };
  const answer: Answer = {};
  if (merged.score !== undefined) answer.score = merged.score;
  if (merged.note !== undefined && merged.note !== '') answer.note = merged.note;

  const answers = { ...r.answers };
  if (answer.score === undefined && answer.note === undefined) delete answers[questionId];
  else answers[questionId] = answer;
  return { ...r, answers, updatedAt: now };
}

/**
 * Every rating its role is asked after a session of this kind has a score, by the catalogue
 * the reflection was started under.
 */
export function isComplete(r: Reflection, kind: SessionKind): boolean {
  return questionsFor(r.role, kind, r.catalogueVersion)
    .filter((q) => q.type === 'rating')
    .every((q) => r.answers[q.id]?.score !== undefined);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Plain text to paste to the other person: a header line, then only the ticked questions that
 * have an answer, in display order. Nothing else in the reflection appears.
 */
export function summaryText(
  r: Reflection,
  kind: SessionKind,
  include: string[],
  ctx: SummaryContext,
): string {
  const ticked = new Set(include);
  const other = ctx.otherName ? oneLine(ctx.otherName) : '';
  const date = ctx.sessionDate ? oneLine(ctx.sessionDate) : '';
  let header = `My reflection as ${r.role} on our session`;
  if (other) header += ` with ${other}`;
  if (date) header += ` on ${date}`;
  const blocks = [header];

  for (const { question, answer } of viewReflection(r, kind).items) {
    if (!ticked.has(question.id) || !answer || !isAnswered(answer)) continue;
    let block = question.text;
    if (question.type === 'rating' && answer.score !== undefined) block += ` ${answer.score}/5`;
    if (hasNote(answer)) {
      const lines = (answer.note ?? '').replace(/\s+$/, '').split(/\r\n|\r|\n/);
      block += `\n${lines.map((line) => `  ${line}`).join('\n')}`;
    }
    blocks.push(block);
  }
  return blocks.join('\n\n');
}
