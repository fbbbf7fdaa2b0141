// The one error a person is shown. `lib/` throws a `UserError` with a code and its parameters;
// the page that shows it turns it into a sentence from `_locales/` (`describeError` in
// lib/i18n.ts), so no English sentence written in the core reaches a German or Hebrew user.
// Anything else that is thrown is a bug or a browser failure: it is logged and shown as the
// one generic sentence.
//
// Each code's locale key is `error_` + the code with `-` as `_` (`mentorship-gone` →
// `error_mentorship_gone`); its number says how many parameters the sentence takes, in order
// (`$1`, `$2` in messages.json). A parameter of digits is written as the language writes
// numbers; one written `@key` is itself a locale key (a record kind such as
// `@recordKind_sessions`). A unit test walks every code through every locale.
//
// Pure: no browser, no clock.

export const ERROR_PARAMS = {
  /** Anything not foreseen: a bug, a closed database, a full disk. */
  generic: 0,
  'save-failed': 0,
  'storage-full': 0,
  'mentorship-gone': 0,
  'session-gone': 0,
  'reflection-session-gone': 0,
  'nothing-to-change': 0,
  // Typed input, by field.
  'name-empty': 0,
  'text-too-long': 1,
  'number-range': 2,
  'cadence-range': 2,
  'minutes-range': 2,
  'grace-range': 2,
  'role-choose': 0,
  'type-choose': 0,
  'link-not-web': 0,
  'date-invalid': 0,
  'action-item-empty': 0,
  'goal-empty': 0,
  /** A session holds LIMITS.actionItems items, a mentorship LIMITS.goals goals. */
  'action-items-full': 1,
  'goals-full': 1,
  // The schedule.
  'time-invalid': 0,
  'time-past': 0,
  'other-week': 2,
  'not-booked': 0,
  // The call.
  'no-call-tab': 0,
  'no-live-session': 0,
  // Share packs.
  'pack-none': 0,
  'pack-truncated': 0,
  'pack-damaged': 0,
  'pack-newer': 0,
  'pack-too-large': 0,
  'pack-invalid': 0,
  'pack-too-long-to-share': 0,
  /** The sender's role and the other role, as `@roleMentor` / `@roleMentee`. */
  'pack-own': 2,
  'pack-other-mentorship': 0,
  /** The role I would need (`@roleMentor` / `@roleMentee`). */
  'pack-no-mentorship': 1,
  'pack-wrong-mentorship': 0,
  'pack-choose-mentorship': 0,
  // Backups.
  'backup-foreign': 0,
  'backup-damaged': 0,
  'backup-checksum': 0,
  'backup-newer': 0,
  'backup-too-large': 0,
  /** The record kind (`@recordKind_notes`) and its 1-based number in the file. */
  'backup-record': 2,
  /** The record kind and id. */
  'backup-duplicate': 2,
  /** A record whose session or mentorship is neither in the backup nor here: kind, number. */
  'backup-orphan': 2,
  // Calendar invites (lib/calendar/invite.ts).
  'invite-not-calendar': 0,
  'invite-no-time': 0,
  'invite-unknown-zone': 1,
  'invite-past': 0,
  'invite-no-link': 0,
  'invite-cancelled': 0,
  // A dropped or chosen invite file (lib/calendar/invite-file.ts).
  'invite-too-large': 0,
  'invite-file-empty': 0,
  'invite-file-not-calendar': 0,
  'invite-file-unreadable': 0,
  // Editing and deleting what was written, and undoing a delete.
  'action-item-gone': 0,
  'goal-gone': 0,
  'reflection-gone': 0,
  /** A booking still to come cannot be removed from history: it is cancelled instead. */
  'not-held': 0,
  /** The call of that session is still going on. */
  'session-live': 0,
  /** The undo window passed (or the token is unknown): what was deleted is gone for good. */
  'undo-expired': 0,
  /** Something was written since the delete where the undo would put its records back. */
  'undo-conflict': 0,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_PARAMS;

export const ERROR_CODES = Object.keys(ERROR_PARAMS) as ErrorCode[];

export class UserError extends Error {
  readonly code: ErrorCode;
  readonly params: readonly string[];

  /**
   * `options.cause` may say more for logs and tests (the field that is wrong, say); it is never
   * shown to people.
   */
  constructor(
    code: ErrorCode,
    params: readonly (string | number)[] = [],
    options?: { cause?: unknown },
  ) {
    // The message is the code, for logs and tests; people see the translated sentence.
    super(code, options);
    this.name = 'UserError';
    this.code = code;
    this.params = params.map(String);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** The locale key of a code's sentence. */
export function errorKey(code: ErrorCode): string {
  return `error_${code.replaceAll('-', '_')}`;
}

/**
 * A user error that can cross a message boundary (a reply from the background), and back:
 * structured clone keeps plain objects, not classes.
 */
export interface WireError {
  code: ErrorCode;
  params: readonly string[];
}

export function toWire(error: unknown): WireError {
  return isUserError(error)
    ? { code: error.code, params: error.params }
    : { code: 'generic', params: [] };
}

export function fromWire(wire: WireError | undefined): UserError {
  const code = wire && wire.code in ERROR_PARAMS ? wire.code : 'generic';
  return new UserError(code, wire?.params ?? []);
}

/** An error a write to IndexedDB or storage gave: a full disk is worth its own sentence. */
export function fromStorageFailure(error: unknown): UserError {
  if (isUserError(error)) return error;
  const name = (error as { name?: unknown } | null)?.name;
  return new UserError(name === 'QuotaExceededError' ? 'storage-full' : 'save-failed');
}
