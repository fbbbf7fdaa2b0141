// The refusals of a new mentorship, shared by the rule's test and the repository's.
import type { ErrorCode } from '../../../lib/errors';
import type { NewMentorship } from '../../../lib/rules/agreement';

export const input = (extra: Partial<NewMentorship> = {}): NewMentorship => ({
  otherName: 'Ana Müller',
  myRole: 'mentor',
  cadenceDays: 14,
  sessionMinutes: 45,
  ...extra,
});

export const CADENCE = 'Choose how many days apart your sessions are, from 1 to 365.';
export const MINUTES = 'Choose a session length from 5 to 240 minutes.';
export const NAME = 'Write the name of the person you are meeting.';

/** The refusals of a new mentorship: what is typed, the code, the English sentence. */
export const NEW_MENTORSHIP_REFUSALS: [string, Partial<NewMentorship>, ErrorCode, string][] = [
  ['no name', { otherName: '' }, 'name-empty', NAME],
  ['a name of spaces', { otherName: '  \n ' }, 'name-empty', NAME],
  [
    'a name too long',
    { otherName: 'x'.repeat(201) },
    'text-too-long',
    'That text is too long; 200 characters at most.',
  ],
  ['cadence 0 days', { cadenceDays: 0 }, 'cadence-range', CADENCE],
  ['cadence 366 days', { cadenceDays: 366 }, 'cadence-range', CADENCE],
  ['cadence 1.5 days', { cadenceDays: 1.5 }, 'cadence-range', CADENCE],
  ['cadence not a number', { cadenceDays: Number.NaN }, 'cadence-range', CADENCE],
  ['a 4 minute session', { sessionMinutes: 4 }, 'minutes-range', MINUTES],
  ['a 241 minute session', { sessionMinutes: 241 }, 'minutes-range', MINUTES],
  ['a 30.5 minute session', { sessionMinutes: 30.5 }, 'minutes-range', MINUTES],
];
