import { describe, expect, it } from 'vitest';
import type { Mentorship } from '../../../lib/records';
import {
  type AgreementDraft,
  agreementDraftOf,
  checkGoalRoom,
  checkGoalText,
  checkNewMentorship,
  type NewMentorship,
  readAgreementDraft,
} from '../../../lib/rules/agreement';
import { expectUserError } from '../sentences';
import { CADENCE, input, MINUTES, NAME, NEW_MENTORSHIP_REFUSALS } from './agreement-cases';

describe('checkNewMentorship', () => {
  it.each(NEW_MENTORSHIP_REFUSALS)(
    'refuses %s with one sentence',
    (_name, extra, code, sentence) => {
      const error = checkNewMentorship(input(extra));
      expectUserError(error, code, sentence);
      expect(sentence).toMatch(/^[A-Z][^.]*\.$/);
    },
  );

  it.each([
    ['the smallest values', { otherName: 'A', cadenceDays: 1, sessionMinutes: 5 }],
    ['the largest values', { otherName: 'x'.repeat(200), cadenceDays: 365, sessionMinutes: 240 }],
  ] as [string, Partial<NewMentorship>][])('accepts %s', (_name, extra) => {
    expect(checkNewMentorship(input(extra))).toBeNull();
  });
});

describe('the agreement form', () => {
  const base: Mentorship = {
    id: 'm',
    otherName: 'Ana',
    myRole: 'mentee',
    agreement: { type: 'goal-oriented', cadenceDays: 14, sessionMinutes: 45 },
    goals: [],
    createdAt: 0,
  };
  const draftFor = (m: Mentorship, patch: Partial<AgreementDraft>): AgreementDraft => ({
    ...agreementDraftOf(m),
    ...patch,
  });

  it('reads back what it was filled from', () => {
    const full: Mentorship = {
      ...base,
      meetingLink: 'https://meet.google.com/abc-defg-hij',
      agreement: {
        type: 'time-framed',
        cadenceDays: 7,
        sessionMinutes: 30,
        preparation: 'p',
        responsiveness: 'r',
        channels: 'c',
        medium: 'face-to-face',
        location: 'Café',
        inScope: 'i',
        desiredOutcomes: 'o',
        endsOn: '2026-06-30',
      },
    };
    const result = readAgreementDraft(agreementDraftOf(full));
    expect(result).toEqual({
      ok: true,
      edit: {
        otherName: 'Ana',
        myRole: 'mentee',
        meetingLink: full.meetingLink,
        agreement: full.agreement,
      },
    });
  });

  it('leaves empty optional fields out', () => {
    const result = readAgreementDraft(draftFor(base, { preparation: '  ', medium: '' }));
    expect(result.ok && result.edit.agreement).toEqual(base.agreement);
    expect(result.ok && 'meetingLink' in result.edit).toBe(false);
  });

  const LINK = 'Paste the meeting link as a web address starting with https://.';
  it.each([
    ['otherName', { otherName: '   ' }, 'name-empty', NAME],
    [
      'otherName',
      { otherName: 'x'.repeat(201) },
      'text-too-long',
      'That text is too long; 200 characters at most.',
    ],
    ['cadenceDays', { cadenceDays: '' }, 'cadence-range', CADENCE],
    ['cadenceDays', { cadenceDays: '0' }, 'cadence-range', CADENCE],
    ['cadenceDays', { cadenceDays: '7.5' }, 'cadence-range', CADENCE],
    ['cadenceDays', { cadenceDays: '1e1' }, 'cadence-range', CADENCE],
    ['sessionMinutes', { sessionMinutes: '4' }, 'minutes-range', MINUTES],
    ['sessionMinutes', { sessionMinutes: 'abc' }, 'minutes-range', MINUTES],
    ['meetingLink', { meetingLink: 'not a link' }, 'link-not-web', LINK],
    ['meetingLink', { meetingLink: 'javascript:alert(1)' }, 'link-not-web', LINK],
    [
      'meetingLink',
      { meetingLink: `https://meet.google.com/${'x'.repeat(2_000)}` },
      'text-too-long',
      'That text is too long; 2,000 characters at most.',
    ],
    [
      'endsOn',
      { endsOn: '2026-02-30' },
      'date-invalid',
      'Write the date as a date, such as 2026-06-30.',
    ],
    [
      'inScope',
      { inScope: 'x'.repeat(5001) },
      'text-too-long',
      'That text is too long; 5,000 characters at most.',
    ],
  ] as const)('refuses a bad %s with one sentence', (field, patch, code, sentence) => {
    const result = readAgreementDraft(draftFor(base, patch));
    expect(result).toMatchObject({ ok: false, field });
    expectUserError(!result.ok && result.error, code, sentence);
  });

  it.each([
    ['myRole', { myRole: 'boss' as never }, 'role-choose'],
    ['type', { type: 'weekly' as never }, 'type-choose'],
  ] as const)('refuses a bad %s', (field, patch, code) => {
    const result = readAgreementDraft(draftFor(base, patch));
    expect(result).toMatchObject({ ok: false, field });
    expectUserError(!result.ok && result.error, code);
  });
});

describe('goals', () => {
  it.each([
    ['', 'goal-empty', 'Write the goal first.'],
    ['   ', 'goal-empty', 'Write the goal first.'],
    ['x'.repeat(2001), 'text-too-long', 'That text is too long; 2,000 characters at most.'],
  ] as const)('refuses %j', (text, code, sentence) => {
    expectUserError(checkGoalText(text), code, sentence);
  });

  it('takes a goal of 2,000 characters, spaces around it aside', () => {
    expect(checkGoalText(` ${'x'.repeat(2000)} `)).toBeNull();
  });

  it('has room for 200 goals', () => {
    expect(checkGoalRoom(Array.from({ length: 199 }))).toBeNull();
    expectUserError(
      checkGoalRoom(Array.from({ length: 200 })),
      'goals-full',
      'This mentorship already has 200 goals, the most it can hold; remove some first.',
    );
  });
});
