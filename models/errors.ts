// The sentence a page shows for an error: `describeError` from lib/i18n.ts, the one way an error
// becomes a sentence (a `UserError` in the user's language; anything else logged and shown as
// the generic sentence).
//
// TEMPORARY, until lib/ throws only `UserError`s (the repos and share branches of issue 9):
// some lib functions still throw (or return) English sentences, and `ShareError`/`BackupError`
// still carry theirs. So that the pages keep saying what went wrong meanwhile, this file knows
// those sentences by exact text (no pattern guesses whether a text may be shown):
// - a sentence with an error code whose English sentence reads the same becomes that code, so a
//   German user reads it in German (tests/unit/models/errors.test.ts checks each reads the same);
// - a sentence with no code yet, or whose English differs, is shown as lib wrote it;
// - `ShareError`/`BackupError` show their own sentence.
// When lib/ is done, `describe` becomes `describeError` and the tables go.

import { BackupError } from '@/lib/backup';
import { type ErrorCode, isUserError, UserError } from '@/lib/errors';
import { describeError } from '@/lib/i18n';
import { SCHEDULE_TEXT } from '@/lib/mentorships';
import { ShareError } from '@/lib/share';

/** lib/ sentences that have a code: the code and its parameters. */
export const LEGACY_CODES: Readonly<Record<string, readonly [ErrorCode, ...(string | number)[]]>> =
  {
    'Write the name of the person you are meeting.': ['name-empty'],
    'That text is too long; 5,000 characters at most.': ['text-too-long', 5000],
    'Choose how many days apart your sessions are, from 1 to 365.': ['cadence-range', 1, 365],
    'Choose a session length from 5 to 240 minutes.': ['minutes-range', 5, 240],
    'Choose whether you are the mentor or the mentee.': ['role-choose'],
    'Choose the kind of mentorship.': ['type-choose'],
    'Paste the meeting link as a web address starting with https://.': ['link-not-web'],
    'Write the goal first.': ['goal-empty'],
    'Write the action item first.': ['action-item-empty'],
    'That session no longer exists.': ['session-gone'],
    'That mentorship no longer exists.': ['mentorship-gone'],
    'This session no longer exists, so its reflection cannot be saved; nothing was changed.': [
      'reflection-session-gone',
    ],
    'That mentorship cannot take this pack; choose another one.': ['pack-wrong-mentorship'],
    'Open your call in Google Meet, Zoom or Teams in this tab first.': ['no-call-tab'],
    'No session is live in this tab.': ['no-live-session'],
    [SCHEDULE_TEXT.invalid]: ['time-invalid'],
    [SCHEDULE_TEXT.past]: ['time-past'],
    [SCHEDULE_TEXT.otherWeek]: ['other-week'],
    [SCHEDULE_TEXT.notBooked]: ['not-booked'],
  };

/**
 * lib/ sentences shown as written until lib/ gives them a code (or a code's English sentence
 * reads differently, which the e2e tests would notice).
 */
export const LEGACY_AS_WRITTEN: ReadonlySet<string> = new Set([
  // 3600 would read "3,600" through the code's number formatting.
  'Choose a grace time from 1 to 3600 seconds.',
  // The codes' sentences say "the date", not "the last day", and "text", not "name" or "goal".
  'Write the last day as a date, such as 2026-06-30.',
  'That name is too long; 200 characters at most.',
  'That goal is too long; 2,000 characters at most.',
  'This pack is meant for a different mentorship than yours; ask the sender to send it from the mentorship you share.',
  'No mentorship could take this pack.',
  'This pack was sent by the mentor of this mentorship, which is you; paste the one you received from your mentee.',
  'This pack was sent by the mentee of this mentorship, which is you; paste the one you received from your mentor.',
  'You have no mentorship in which you are the mentee; set one up in the popup first, then import the pack again.',
  'You have no mentorship in which you are the mentor; set one up in the popup first, then import the pack again.',
]);

/** The sentence for a text lib/ returned or threw as its message. */
export function describeText(text: string): string {
  const coded = LEGACY_CODES[text];
  if (coded) {
    const [code, ...params] = coded;
    return describeError(new UserError(code, params));
  }
  if (LEGACY_AS_WRITTEN.has(text)) return text;
  return describeError(new Error(text));
}

/** The sentence to show for anything thrown. */
export function describe(error: unknown): string {
  if (isUserError(error)) return describeError(error);
  if (error instanceof ShareError || error instanceof BackupError) return error.message;
  if (
    error instanceof Error &&
    (error.message in LEGACY_CODES || LEGACY_AS_WRITTEN.has(error.message))
  )
    return describeText(error.message);
  return describeError(error);
}
