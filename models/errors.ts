// The sentence a page shows for an error: `describeError` from lib/i18n.ts, the one way an error
// becomes a sentence (a `UserError` in the user's language; anything else logged and shown as
// the generic sentence).
//
// TEMPORARY, until the last of lib/ throws only `UserError`s (share packs and backups, the
// share importer, the background's replies to the popup): those still carry English
// sentences. So that the pages keep saying what went wrong meanwhile, this file knows them by
// exact text (no pattern guesses whether a text may be shown):
// - a sentence with an error code whose English reads the same becomes that code, so a German
//   user reads it in German (tests/unit/models/errors.test.ts checks each reads the same);
// - a sentence with no code yet is shown as lib wrote it;
// - `ShareError`/`BackupError` show their own sentence.
// When those are done, `describe` becomes `describeError` and the tables go.

import { BackupError } from '@/lib/backup';
import { type ErrorCode, isUserError, UserError } from '@/lib/errors';
import { describeError } from '@/lib/i18n';
import { ShareError } from '@/lib/share';

/** English sentences from lib/ that have a code: the code and its parameters. */
export const LEGACY_CODES: Readonly<Record<string, readonly [ErrorCode, ...(string | number)[]]>> =
  {
    // lib/share-apply.ts
    'That mentorship cannot take this pack; choose another one.': ['pack-wrong-mentorship'],
    // lib/session/orchestrator.ts, replying to the popup's "I'm in a session" / "End".
    'Open your call in Google Meet, Zoom or Teams in this tab first.': ['no-call-tab'],
    'No session is live in this tab.': ['no-live-session'],
  };

/** English sentences from lib/share-apply.ts shown as written until they get a code. */
export const LEGACY_AS_WRITTEN: ReadonlySet<string> = new Set([
  'This pack is meant for a different mentorship than yours; ask the sender to send it from the mentorship you share.',
  'No mentorship could take this pack.',
  ...(['mentor', 'mentee'] as const).flatMap((from) => {
    const other = from === 'mentor' ? 'mentee' : 'mentor';
    return [
      `This pack was sent by the ${from} of this mentorship, which is you; paste the one you received from your ${other}.`,
      `You have no mentorship in which you are the ${other}; set one up in the popup first, then import the pack again.`,
    ];
  }),
]);

/** The sentence to show for anything thrown (or a reply's error text). */
export function describe(error: unknown): string {
  if (isUserError(error)) return describeError(error);
  if (error instanceof ShareError || error instanceof BackupError) return error.message;
  if (error instanceof Error) {
    const coded = LEGACY_CODES[error.message];
    if (coded) {
      const [code, ...params] = coded;
      return describeError(new UserError(code, params));
    }
    if (LEGACY_AS_WRITTEN.has(error.message)) return error.message;
  }
  return describeError(error);
}
