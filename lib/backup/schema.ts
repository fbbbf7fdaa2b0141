// The record schema: what a mentorship, session, note and reflection may hold, checked the same
// way wherever records come in from outside (a backup file, a restore) and for the parts of a
// share pack that become parts of records (lib/share/pack.ts).
//
// Each reader takes an unknown value and returns a fresh record holding only the model's fields,
// in a fixed order, or throws `Invalid` (lib/backup/fields.ts) naming the field and what is
// wrong with it; the importer turns it into a UserError. Every limit comes from lib/limits.ts, so what a writer may write an importer
// reads back.
//
// Pure: no browser, no clock.

import { LIMITS, RANGES } from '../limits';
import type {
  ActionItem,
  Agreement,
  Answer,
  Goal,
  Mentorship,
  Note,
  Reflection,
  SessionRecord,
  Topic,
  TopicVersion,
} from '../records';
import { CATALOGUE_VERSION } from '../reflection';
import {
  bool,
  compact,
  fieldPath,
  hasVisibleText,
  Invalid,
  id,
  isoDate,
  list,
  obj,
  oneOf,
  only,
  opt,
  text,
  time,
  whole,
} from './fields';

export interface BackupData {
  mentorships: Mentorship[];
  sessions: SessionRecord[];
  notes: Note[];
  reflections: Reflection[];
}

export type BackupKind = keyof BackupData;
export const BACKUP_KINDS: readonly BackupKind[] = [
  'mentorships',
  'sessions',
  'notes',
  'reflections',
];

const ROLES = ['mentor', 'mentee'] as const;

/** Record parts a share pack carries too, checked there the same way. */
export const recordPart = {
  /** A mentorship's pairing id, a session id. */
  id,
  /** The other person's name, as far as its length goes (a pack may leave it blank). */
  name: (v: unknown, path: string): string => text(v, path, LIMITS.name),
  topic: (v: unknown, path: string): string => text(v, path, LIMITS.topic),
  actionItemText: (v: unknown, path: string): string => text(v, path, LIMITS.actionItem),
  /** A session's list of action items, as far as their number goes. */
  actionItems: <T>(v: unknown, path: string, item: (x: unknown, path: string) => T): T[] =>
    list(v, path, item, LIMITS.actionItems),
};

// ---------------------------------------------------------------------------------------------
// Mentorships

const AGREEMENT_TEXTS = [
  'preparation',
  'responsiveness',
  'channels',
  'location',
  'inScope',
  'desiredOutcomes',
] as const;

function agreement(v: unknown, path: string): Agreement {
  const o = obj(v, path);
  only(o, ['type', 'cadenceDays', 'sessionMinutes', 'medium', 'endsOn', ...AGREEMENT_TEXTS], path);
  const words = (x: unknown, p: string) => text(x, p, LIMITS.agreementText);
  const at = (key: string) => fieldPath(path, key);
  return compact({
    type: oneOf(o.type, at('type'), ['ad-hoc', 'goal-oriented', 'time-framed'] as const),
    cadenceDays: whole(o.cadenceDays, at('cadenceDays'), RANGES.cadenceDays),
    sessionMinutes: whole(o.sessionMinutes, at('sessionMinutes'), RANGES.sessionMinutes),
    preparation: opt(o, 'preparation', path, words),
    responsiveness: opt(o, 'responsiveness', path, words),
    channels: opt(o, 'channels', path, words),
    medium: opt(o, 'medium', path, (x, p) => oneOf(x, p, ['video', 'face-to-face'] as const)),
    location: opt(o, 'location', path, words),
    inScope: opt(o, 'inScope', path, words),
    desiredOutcomes: opt(o, 'desiredOutcomes', path, words),
    endsOn: opt(o, 'endsOn', path, isoDate),
  });
}

function goal(v: unknown, path: string): Goal {
  const o = obj(v, path);
  only(o, ['id', 'text', 'createdAt', 'doneAt'], path);
  return compact({
    id: id(o.id, fieldPath(path, 'id')),
    text: text(o.text, fieldPath(path, 'text'), LIMITS.goal),
    createdAt: time(o.createdAt, fieldPath(path, 'createdAt')),
    doneAt: opt(o, 'doneAt', path, time),
  });
}

export function readMentorship(v: unknown): Mentorship {
  const o = obj(v, '');
  only(
    o,
    [
      'id',
      'otherName',
      'myRole',
      'meetingLink',
      'agreement',
      'goals',
      'createdAt',
      'archivedAt',
      'pairId',
      'importedPacks',
    ],
    '',
  );
  const otherName = text(o.otherName, 'otherName', LIMITS.name);
  if (!hasVisibleText(otherName)) throw new Invalid('otherName', 'empty');
  return compact({
    id: id(o.id, 'id'),
    otherName,
    myRole: oneOf(o.myRole, 'myRole', ROLES),
    meetingLink: opt(o, 'meetingLink', '', (x, p) => text(x, p, LIMITS.link)),
    agreement: agreement(o.agreement, 'agreement'),
    goals: list(o.goals, 'goals', goal, LIMITS.goals),
    createdAt: time(o.createdAt, 'createdAt'),
    archivedAt: opt(o, 'archivedAt', '', time),
    pairId: opt(o, 'pairId', '', id),
    importedPacks: opt(o, 'importedPacks', '', (x, p) =>
      list(x, p, (f, q) => text(f, q, LIMITS.fingerprint), LIMITS.importedPacks),
    ),
  });
}

// ---------------------------------------------------------------------------------------------
// Sessions

function topicVersion(v: unknown, path: string): TopicVersion {
  const o = obj(v, path);
  only(o, ['text', 'by', 'at'], path);
  return {
    text: recordPart.topic(o.text, fieldPath(path, 'text')),
    by: oneOf(o.by, fieldPath(path, 'by'), ROLES),
    at: time(o.at, fieldPath(path, 'at')),
  };
}

function topic(v: unknown, path: string): Topic {
  const o = obj(v, path);
  only(o, ['text', 'by', 'at', 'history'], path);
  return {
    ...topicVersion({ text: o.text, by: o.by, at: o.at }, path),
    history: list(o.history, fieldPath(path, 'history'), topicVersion),
  };
}

function actionItem(v: unknown, path: string): ActionItem {
  const o = obj(v, path);
  only(o, ['id', 'text', 'createdAt', 'doneAt'], path);
  return compact({
    id: id(o.id, fieldPath(path, 'id')),
    text: recordPart.actionItemText(o.text, fieldPath(path, 'text')),
    createdAt: time(o.createdAt, fieldPath(path, 'createdAt')),
    doneAt: opt(o, 'doneAt', path, time),
  });
}

function focus(v: unknown, path: string): NonNullable<SessionRecord['focus']> {
  const o = obj(v, path);
  only(o, ['awayMs', 'count', 'longestMs', 'presentShare'], path);
  const share = o.presentShare;
  if (typeof share !== 'number' || !(share >= 0 && share <= 1)) {
    throw new Invalid(fieldPath(path, 'presentShare'), 'range');
  }
  const count = o.count;
  if (!Number.isSafeInteger(count) || (count as number) < 0) {
    throw new Invalid(fieldPath(path, 'count'), 'range');
  }
  return {
    awayMs: time(o.awayMs, fieldPath(path, 'awayMs')),
    count: count as number,
    longestMs: time(o.longestMs, fieldPath(path, 'longestMs')),
    presentShare: share,
  };
}

export function readSession(v: unknown): SessionRecord {
  const o = obj(v, '');
  only(
    o,
    [
      'id',
      'mentorshipId',
      'adHoc',
      'kind',
      'status',
      'scheduledAt',
      'platform',
      'meetingKey',
      'meetingLink',
      'startedAt',
      'endedAt',
      'aliveAt',
      'topic',
      'actionItems',
      'reflectionDismissed',
      'focus',
    ],
    '',
  );
  return compact({
    id: id(o.id, 'id'),
    mentorshipId: o.mentorshipId === null ? null : id(o.mentorshipId, 'mentorshipId'),
    adHoc: opt(o, 'adHoc', '', bool),
    kind: oneOf(o.kind, 'kind', ['regular', 'first', 'last'] as const),
    status: oneOf(o.status, 'status', ['scheduled', 'live', 'ended', 'reflected'] as const),
    scheduledAt: opt(o, 'scheduledAt', '', time),
    platform: opt(o, 'platform', '', (x, p) => oneOf(x, p, ['meet', 'zoom', 'teams'] as const)),
    meetingKey: opt(o, 'meetingKey', '', (x, p) => text(x, p, LIMITS.meetingKey)),
    meetingLink: opt(o, 'meetingLink', '', (x, p) => text(x, p, LIMITS.link)),
    startedAt: opt(o, 'startedAt', '', time),
    endedAt: opt(o, 'endedAt', '', time),
    aliveAt: opt(o, 'aliveAt', '', time),
    topic: opt(o, 'topic', '', topic),
    actionItems: recordPart.actionItems(o.actionItems, 'actionItems', actionItem),
    reflectionDismissed: opt(o, 'reflectionDismissed', '', bool),
    focus: opt(o, 'focus', '', focus),
  });
}

// ---------------------------------------------------------------------------------------------
// Notes and reflections

/** A note's id: one pre-session note per session and author. */
export const noteIdOf = (sessionId: string, author: string): string => `${sessionId}:pre:${author}`;

export function readNote(v: unknown): Note {
  const o = obj(v, '');
  only(o, ['id', 'sessionId', 'mentorshipId', 'kind', 'author', 'text', 'updatedAt'], '');
  const note: Note = {
    id: id(o.id, 'id'),
    sessionId: id(o.sessionId, 'sessionId'),
    mentorshipId: o.mentorshipId === null ? null : id(o.mentorshipId, 'mentorshipId'),
    kind: oneOf(o.kind, 'kind', ['pre-session'] as const),
    author: oneOf(o.author, 'author', ROLES),
    text: text(o.text, 'text', LIMITS.note),
    updatedAt: time(o.updatedAt, 'updatedAt'),
  };
  if (note.id !== noteIdOf(note.sessionId, note.author)) throw new Invalid('id', 'mismatch');
  return note;
}

/** Keys that would reach an object's prototype machinery rather than name an answer. */
const RESERVED_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

function answer(v: unknown, path: string): Answer {
  const o = obj(v, path);
  only(o, ['score', 'note'], path);
  return compact({
    score: opt(o, 'score', path, (x, p) => whole(x, p, RANGES.score)),
    note: opt(o, 'note', path, (x, p) => text(x, p, LIMITS.answerNote)),
  });
}

/** A reflection's answers by question id, on an object no question id can give a prototype. */
function answersOf(v: unknown, path: string): Record<string, Answer> {
  const given = obj(v, path);
  const answers = Object.create(null) as Record<string, Answer>;
  for (const [question, a] of Object.entries(given)) {
    const at = `${path}[${question}]`;
    id(question, at);
    if (RESERVED_KEYS.includes(question)) throw new Invalid(at, 'reserved');
    answers[question] = answer(a, at);
  }
  return answers;
}

export function readReflection(v: unknown): Reflection {
  const o = obj(v, '');
  only(
    o,
    [
      'id',
      'sessionId',
      'role',
      'catalogueVersion',
      'answers',
      'complete',
      'updatedAt',
      'reopenedAt',
      'history',
    ],
    '',
  );
  const sessionId = id(o.sessionId, 'sessionId');
  const role = oneOf(o.role, 'role', ROLES);
  const rid = id(o.id, 'id');
  if (rid !== `${sessionId}:${role}`) throw new Invalid('id', 'mismatch');
  const catalogueVersion = whole(o.catalogueVersion, 'catalogueVersion', [1, CATALOGUE_VERSION]);
  const answers = answersOf(o.answers, 'answers');
  // Completed versions kept when it was reopened (lib/repos/reflections.ts `reopenReflection`).
  const history = opt(o, 'history', '', (x, p) =>
    list(
      x,
      p,
      (item, q) => {
        const h = obj(item, q);
        only(h, ['answers', 'completedAt'], q);
        return {
          answers: answersOf(h.answers, `${q}.answers`),
          completedAt: time(h.completedAt, `${q}.completedAt`),
        };
      },
      LIMITS.reflectionHistory,
    ),
  );
  return compact({
    id: rid,
    sessionId,
    role,
    catalogueVersion,
    answers,
    complete: bool(o.complete, 'complete'),
    updatedAt: time(o.updatedAt, 'updatedAt'),
    reopenedAt: opt(o, 'reopenedAt', '', time),
    history,
  });
}

export const RECORD_READERS: { [K in BackupKind]: (v: unknown) => BackupData[K][number] } = {
  mentorships: readMentorship,
  sessions: readSession,
  notes: readNote,
  reflections: readReflection,
};
