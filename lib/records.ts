// The records Mentor Companion keeps (types only), shared by the pure core and the repositories.
// Times are milliseconds since the epoch unless a field says otherwise.

export type Role = 'mentor' | 'mentee';
export type Platform = 'meet' | 'zoom' | 'teams';

/** What the content script reports for a tab (`none` is never stored). */
export type CallState = 'lobby' | 'in-call' | 'ended';

export type MentorshipType = 'ad-hoc' | 'goal-oriented' | 'time-framed';

/** The mentorship agreement from the first session ("Mentoring 101": agree how you work). */
export interface Agreement {
  type: MentorshipType;
  /** Days between sessions: 7 weekly, 14 every other week. */
  cadenceDays: number;
  /** The agreed length of one session, in minutes. */
  sessionMinutes: number;
  preparation?: string;
  responsiveness?: string;
  channels?: string;
  medium?: 'video' | 'face-to-face';
  location?: string;
  inScope?: string;
  desiredOutcomes?: string;
  /** For a time-framed mentorship: the last day, as YYYY-MM-DD. */
  endsOn?: string;
}

export interface Goal {
  id: string;
  text: string;
  createdAt: number;
  doneAt?: number;
}

export interface Mentorship {
  id: string;
  /** The other person's name, as the user wrote it. */
  otherName: string;
  myRole: Role;
  /** The meeting link both use, when they reuse one (a Meet code, a Zoom or Teams link). */
  meetingLink?: string;
  agreement: Agreement;
  goals: Goal[];
  createdAt: number;
  archivedAt?: number;
  /**
   * The id both sides' extensions use for this mentorship in share packs: the sender's own id
   * until a pack from the other side pairs them.
   */
  pairId?: string;
  /** Share packs already imported (`packFingerprint`), so pasting one again changes nothing. */
  importedPacks?: string[];
}

export type SessionKind = 'regular' | 'first' | 'last';

/**
 * A session's life: scheduled -> live -> ended -> reflected.
 * A call detected with no schedule starts at `live`.
 */
export type SessionStatus = 'scheduled' | 'live' | 'ended' | 'reflected';

export interface TopicVersion {
  text: string;
  by: Role;
  at: number;
}

export interface Topic extends TopicVersion {
  /** Earlier agreed texts, oldest first. */
  history: TopicVersion[];
}

export interface ActionItem {
  id: string;
  text: string;
  createdAt: number;
  doneAt?: number;
}

export interface SessionRecord {
  id: string;
  /** null while the call is not yet matched to a mentorship. */
  mentorshipId: string | null;
  /** The user said this call belongs to no mentorship. */
  adHoc?: boolean;
  kind: SessionKind;
  status: SessionStatus;
  scheduledAt?: number;
  platform?: Platform;
  /**
   * The meeting's key (lib/session/links.ts): the call's once it went live; for a booking, the
   * key of its own `meetingLink`, so the call on that link is matched to it.
   */
  meetingKey?: string;
  /**
   * A booking's own meeting link, when it is not the mentorship's (an invite's one-off Zoom for
   * a Meet mentorship): the reminder opens it and the calendar file carries it.
   */
  meetingLink?: string;
  startedAt?: number;
  endedAt?: number;
  /**
   * While live: the last time the background knew the call was on (written with the focus
   * ledger and the call state, never on a timer). A session the browser left live when it quit
   * is ended at this time, or at its start plus its length.
   */
  aliveAt?: number;
  topic?: Topic;
  actionItems: ActionItem[];
  /** The user chose not to reflect on this session. */
  reflectionDismissed?: boolean;
  /** This user's own focus figures for the call; never shared unless the user picks them. */
  focus?: { awayMs: number; count: number; longestMs: number; presentShare: number };
}

/** Pre-session thoughts and other free text tied to a session. Plain text, never HTML. */
export interface Note {
  id: string;
  sessionId: string;
  mentorshipId: string | null;
  kind: 'pre-session';
  author: Role;
  text: string;
  updatedAt: number;
}

export interface Answer {
  /** 1 to 5; absent until chosen. */
  score?: number;
  note?: string;
}

export interface Reflection {
  /** `${sessionId}:${role}` */
  id: string;
  sessionId: string;
  role: Role;
  catalogueVersion: number;
  answers: Record<string, Answer>;
  complete: boolean;
  updatedAt: number;
  /** When it was last reopened after being completed; absent if it never was. */
  reopenedAt?: number;
  /**
   * The completed versions that reopening replaced, oldest first (at most
   * REFLECTION_HISTORY_MAX, lib/repos/reflections.ts); absent if it was never reopened.
   */
  history?: ReflectionVersion[];
}

/** A completed reflection as it was before it was reopened (see `Reflection.history`). */
export interface ReflectionVersion {
  answers: Record<string, Answer>;
  /** When that version was completed (its `updatedAt` then). */
  completedAt: number;
}

// ---------------------------------------------------------------------------------------------
// The trash: what a delete removed, kept for the short undo window (lib/rules/trash.ts).

/** What a person deleted, as the "Deleted · Undo" bar names it. */
export type DeleteKind =
  | 'mentorship'
  | 'booking'
  | 'session'
  | 'note'
  | 'topic'
  | 'action-item'
  | 'goal';

/** Sessions whose kind a delete changed (a booking became the first session), to change back. */
export interface Rekind {
  sessionId: string;
  from: SessionKind;
  to: SessionKind;
}

/** What a delete took away, enough to put it back. */
export type Trashed =
  /** Whole records, removed: a mentorship with everything of it, a session with its notes. */
  | {
      kind: 'records';
      mentorships: Mentorship[];
      sessions: SessionRecord[];
      notes: Note[];
      reflections: Reflection[];
      rekinded: Rekind[];
    }
  /** A cancelled booking that held something prepared: it lost its date, nothing else. */
  | { kind: 'booking-date'; sessionId: string; scheduledAt: number }
  | { kind: 'topic'; sessionId: string; topic: Topic }
  | { kind: 'action-item'; sessionId: string; item: ActionItem; index: number }
  | { kind: 'goal'; mentorshipId: string; goal: Goal; index: number };

/**
 * One delete in the trash, keyed by its undo token. Once undone it keeps only its token and
 * times until it expires, so a second Undo finds it and changes nothing.
 */
export type TrashEntry =
  | { token: string; what: DeleteKind; deletedAt: number; state: 'waiting'; trashed: Trashed }
  | { token: string; what: DeleteKind; deletedAt: number; state: 'undone'; undoneAt: number };
