// What a mentorship may be: the checks on a new one (popup onboarding, the Mentorships page),
// the agreement form's draft and how it is read, and a goal's text. The repositories run the
// same checks before they write, so a form and a write never disagree.
//
// A refusal is a `UserError` naming what is wrong (the page shows it in the user's language);
// a draft that is wrong also names the field, so the form can mark it.
//
// Pure: no browser, no clock.

import { UserError } from '../errors';
import { checkLength, inRange, LIMITS, RANGES, wholeNumber } from '../limits';
import type { Agreement, Mentorship, MentorshipType, Role } from '../records';
import { isIsoDate } from '../time';

export const DEFAULT_AGREEMENT: Agreement = {
  type: 'goal-oriented',
  cadenceDays: 14,
  sessionMinutes: 45,
  medium: 'video',
};

export interface NewMentorship {
  otherName: string;
  myRole: Role;
  meetingLink?: string;
  cadenceDays: number;
  sessionMinutes: number;
  /** When the first session is; when absent, none is booked yet. */
  firstSessionAt?: number;
}

const rangeError = (
  code: 'cadence-range' | 'minutes-range',
  [min, max]: readonly [number, number],
) => new UserError(code, [min, max]);

function checkName(name: string): UserError | null {
  if (!name.trim()) return new UserError('name-empty');
  return checkLength(name, LIMITS.name);
}

/** Checks what a person typed for a new mentorship; the error to show, or null. */
export function checkNewMentorship(input: NewMentorship): UserError | null {
  const name = checkName(input.otherName);
  if (name) return name;
  if (!inRange(input.cadenceDays, RANGES.cadenceDays)) {
    return rangeError('cadence-range', RANGES.cadenceDays);
  }
  if (!inRange(input.sessionMinutes, RANGES.sessionMinutes)) {
    return rangeError('minutes-range', RANGES.sessionMinutes);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The agreement form.

/** What the agreement form holds: text as typed, numbers still as text. */
export interface AgreementDraft {
  otherName: string;
  myRole: Role;
  meetingLink: string;
  type: MentorshipType;
  cadenceDays: string;
  sessionMinutes: string;
  preparation: string;
  responsiveness: string;
  channels: string;
  /** '' while not chosen. */
  medium: '' | 'video' | 'face-to-face';
  location: string;
  inScope: string;
  desiredOutcomes: string;
  /** YYYY-MM-DD or ''. */
  endsOn: string;
}

/** The part of a mentorship the agreement form edits. */
export interface MentorshipEdit {
  otherName: string;
  myRole: Role;
  meetingLink?: string;
  agreement: Agreement;
}

export interface FieldProblem {
  field: keyof AgreementDraft;
  error: UserError;
}

export type DraftResult = { ok: true; edit: MentorshipEdit } | ({ ok: false } & FieldProblem);

const TEXT_FIELDS = [
  'preparation',
  'responsiveness',
  'channels',
  'location',
  'inScope',
  'desiredOutcomes',
] as const;

const TYPES: readonly MentorshipType[] = ['ad-hoc', 'goal-oriented', 'time-framed'];

export function agreementDraftOf(m: Mentorship): AgreementDraft {
  const a = m.agreement;
  return {
    otherName: m.otherName,
    myRole: m.myRole,
    meetingLink: m.meetingLink ?? '',
    type: a.type,
    cadenceDays: String(a.cadenceDays),
    sessionMinutes: String(a.sessionMinutes),
    preparation: a.preparation ?? '',
    responsiveness: a.responsiveness ?? '',
    channels: a.channels ?? '',
    medium: a.medium ?? '',
    location: a.location ?? '',
    inScope: a.inScope ?? '',
    desiredOutcomes: a.desiredOutcomes ?? '',
    endsOn: a.endsOn ?? '',
  };
}

/** A web address (http or https) within the length a link may have; the error, or null. */
export function checkMeetingLink(link: string): UserError | null {
  let url: URL | undefined;
  try {
    url = new URL(link);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    return new UserError('link-not-web');
  }
  return checkLength(link, LIMITS.link);
}

/** Checks an edit; the field and error to show, or null when it is fine. */
export function checkMentorshipEdit(edit: MentorshipEdit): FieldProblem | null {
  const a = edit.agreement;
  const name = checkName(edit.otherName);
  if (name) return { field: 'otherName', error: name };
  if (!inRange(a.cadenceDays, RANGES.cadenceDays)) {
    return { field: 'cadenceDays', error: rangeError('cadence-range', RANGES.cadenceDays) };
  }
  if (!inRange(a.sessionMinutes, RANGES.sessionMinutes)) {
    return { field: 'sessionMinutes', error: rangeError('minutes-range', RANGES.sessionMinutes) };
  }
  if (edit.myRole !== 'mentor' && edit.myRole !== 'mentee') {
    return { field: 'myRole', error: new UserError('role-choose') };
  }
  if (!TYPES.includes(a.type)) return { field: 'type', error: new UserError('type-choose') };
  if (edit.meetingLink !== undefined) {
    const link = checkMeetingLink(edit.meetingLink);
    if (link) return { field: 'meetingLink', error: link };
  }
  for (const field of TEXT_FIELDS) {
    const long = checkLength(a[field] ?? '', LIMITS.agreementText);
    if (long) return { field, error: long };
  }
  if (a.endsOn !== undefined && !isIsoDate(a.endsOn)) {
    return { field: 'endsOn', error: new UserError('date-invalid') };
  }
  return null;
}

/** Reads the form: the edit to save, or the first field that is wrong with its error. */
export function readAgreementDraft(draft: AgreementDraft): DraftResult {
  const agreement: Agreement = {
    type: draft.type,
    cadenceDays: wholeNumber(draft.cadenceDays),
    sessionMinutes: wholeNumber(draft.sessionMinutes),
  };
  for (const field of TEXT_FIELDS) {
    if (draft[field].trim()) agreement[field] = draft[field];
  }
  if (draft.medium) agreement.medium = draft.medium;
  if (draft.endsOn.trim()) agreement.endsOn = draft.endsOn.trim();
  const edit: MentorshipEdit = {
    otherName: draft.otherName.trim(),
    myRole: draft.myRole,
    agreement,
  };
  if (draft.meetingLink.trim()) edit.meetingLink = draft.meetingLink.trim();
  const problem = checkMentorshipEdit(edit);
  return problem ? { ok: false, ...problem } : { ok: true, edit };
}

// ---------------------------------------------------------------------------------------------
// Goals.

/** A goal's text as typed; the error to show, or null. */
export function checkGoalText(text: string): UserError | null {
  const clean = text.trim();
  if (!clean) return new UserError('goal-empty');
  return checkLength(clean, LIMITS.goal);
}

/** Whether a mentorship can take one more goal; the error, or null. */
export function checkGoalRoom(goals: readonly unknown[]): UserError | null {
  return goals.length >= LIMITS.goals ? new UserError('goals-full', [LIMITS.goals]) : null;
}
