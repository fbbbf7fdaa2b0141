// The shape of a database fixture: what one schema version wrote, and what the newest code must
// read back from it. One file per version (`v1.ts`, `v2.ts`, ...), each exporting `fixture`.
// A fixture is frozen once its version is released: it records what real users have on disk,
// so it is never edited to follow later model changes (only `expected` may be, when a later
// migration deliberately changes what is read back).

export type FixtureRole = 'mentor' | 'mentee';

export interface DbFixture {
  /** The schema version that wrote these records. */
  version: number;
  /** Object store name -> its records, exactly as that version stored them. */
  stores: Record<string, ReadonlyArray<Record<string, unknown>>>;
  /** What the repositories must read from the database once it is upgraded to the newest version. */
  expected: {
    /** listMentorships: the active ones, oldest first. */
    mentorships: { id: string; otherName: string; myRole: FixtureRole; meetingLink?: string }[];
    /** nextSession(mentorshipId): the session id, or null for none. */
    next: Record<string, string | null>;
    /** getPreNote(sessionId, author) -> its text. */
    preNotes: { sessionId: string; author: FixtureRole; text: string }[];
    /** notesOf(sessionId) -> the ids of its notes. */
    notesOf: Record<string, string[]>;
  };
}
