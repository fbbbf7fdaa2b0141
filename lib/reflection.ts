// Answering the reflection checklist (lib/reflection/catalogue.ts has the questions): a stored
// reflection laid out under the newest catalogue, an answer set, completeness, the summary.
//
// Pure: no clock (times are parameters), no browser APIs.

import type { Answer, Reflection, Role, SessionKind } from './records';
import {
  asks,
  CATALOGUE_VERSION,
  catalogueOf,
  checkVersion,
  current,
  known,
  type Question,
  questionsFor,
  type ReflectionItem,
  type ReflectionView,
  type SummaryContext,
} from './reflection/catalogue';
import { parseDateFields } from './time';

// The catalogue's public names, so a page imports the reflection from one place.
export {
  CATALOGUE_VERSION,
  type Catalogue,
  catalogues,
  checkVersion,
  type Question,
  type QuestionType,
  questionsFor,
  type ReflectionItem,
  type ReflectionView,
  type SummaryContext,
} from './reflection/catalogue';

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
