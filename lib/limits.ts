// Every limit on what people type and what an import may carry, in one table, so the form that
// takes a value, the repository that writes it, the backup that restores it and the share pack
// that carries it all agree: a value the extension wrote is always one it can export again.
//
// Pure: no browser, no clock.

import { UserError } from './errors';

export const LIMITS = {
  /** The other person's name (a mentorship). */
  name: 200,
  /** A session's agreed topic. */
  topic: 2_000,
  /**
   * Pre-session notes, one side's: as much as one pasted share message may carry (people paste
   * whole documents; the card shows a megabyte of notes and stays responsive).
   */
  note: 2_000_000,
  /** One action item. */
  actionItem: 2_000,
  /** Action items of one session. */
  actionItems: 200,
  /** One goal of a mentorship. */
  goal: 2_000,
  /** Goals of one mentorship. */
  goals: 200,
  /** Each free-text field of the agreement. */
  agreementText: 5_000,
  /** The free-text note on a reflection answer. */
  answerNote: 100_000,
  /** A meeting link (a web address). */
  link: 2_000,
  /** A meeting key as the detectors derive it from a URL. */
  meetingKey: 2_000,
  /** Ids of records, pairing ids, question ids. */
  id: 200,
  /** Earlier completed versions kept when a reflection is reopened. */
  reflectionHistory: 20,
  /** Share packs remembered as imported, per mentorship (the oldest are forgotten first). */
  importedPacks: 200,
  /** A pack fingerprint. */
  fingerprint: 2_000,
  /** Text pasted into the share-pack importer. */
  shareInput: 2_000_000,
  /** A calendar invite's text, pasted or from a file (an invite is a few kB). */
  inviteInput: 1_000_000,
  /** A backup file's text. */
  backupInput: 50_000_000,
} as const;

/** Whole-number ranges, inclusive. */
export const RANGES = {
  cadenceDays: [1, 365],
  sessionMinutes: [5, 240],
  graceSeconds: [1, 3600],
  score: [1, 5],
} as const satisfies Record<string, readonly [number, number]>;

/** The instants a JavaScript Date can hold (±100,000,000 days around 1970). */
export const MAX_TIME = 8.64e15;

export function isTime(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && Math.abs(x) <= MAX_TIME;
}

export function inRange(n: unknown, [min, max]: readonly [number, number]): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;
}

/** Length as people count it: code points, so an emoji is one character. */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Refuses text over `max` (UTF-16 units, as storage and the importers count). */
export function checkLength(text: string, max: number): UserError | null {
  return text.length > max ? new UserError('text-too-long', [max]) : null;
}

/** A whole number written as digits only ("14", not "14.5", "1e1" or ""), else NaN. */
export function wholeNumber(text: string): number {
  return /^\s*\d{1,6}\s*$/.test(text) ? Number(text) : Number.NaN;
}
