// What a share pack means on this side: which mentorship and session it lands on, and what it
// changes there. Pure: the popup shows the plan, and applies it only when the user confirms.
// Importing the same pack twice finds nothing to change the second time. A pack no mentorship
// here can take is a UserError (`pack-own`, `pack-other-mentorship`, `pack-no-mentorship`,
// `pack-wrong-mentorship`).

import { UserError } from '../errors';
import type { Mentorship, Note, Role, SessionRecord } from '../records';
import type { Pack } from './pack';

export interface ImportContext {
  mentorships: Mentorship[];
  sessions: SessionRecord[];
  notes: Note[];
  now: number;
}

export type Change =
  | { field: 'topic'; before?: string; after: string }
  | { field: 'notes'; author: Role; before?: string; after: string }
  | { field: 'actionItems'; added: string[] };

export type ImportPlan =
  | { needsChoice: true; candidates: Mentorship[] }
  | {
      needsChoice: false;
      mentorship: Mentorship;
      /** Set the mentorship's pairId to the pack's, pairing the two sides. */
      pairWith?: string;
      /** The session it lands on; `isNew` when the import books it. */
      session: SessionRecord;
      isNew: boolean;
      /**
       * The pack's session time, when the booking it lands on is at another time (or none):
       * the other side moved it, so both calendars agree once it is moved here too.
       */
      moveTo?: number;
      changes: Change[];
      /** Kept on the mentorship once applied (`packFingerprint`). */
      fingerprint: string;
    };

const other = (r: Role): Role => (r === 'mentor' ? 'mentee' : 'mentor');
/** A role as a locale key parameter of a UserError. */
const roleParam = (r: Role) => (r === 'mentor' ? '@roleMentor' : '@roleMentee');

/** What identifies one pack: who sent it, when, for which mentorship. */
export function packFingerprint(pack: Pack): string {
  return `${pack.from}|${pack.createdAt}|${pack.mentorship?.id ?? ''}`;
}

/** The notes text a pack carries, with its questions folded in as the sender listed them. */
export function packNotesText(pack: Pack): string {
  const questions = pack.questions?.filter((q) => q.trim()) ?? [];
  if (!questions.length) return pack.notes;
  const list = questions.map((q) => `- ${q}`).join('\n');
  return pack.notes.trim() ? `${pack.notes}\n\nQuestions:\n${list}` : `Questions:\n${list}`;
}

export function planImport(pack: Pack, ctx: ImportContext, chosenId?: string): ImportPlan {
  const active = ctx.mentorships.filter((m) => !m.archivedAt);
  const pairId = pack.mentorship?.id;
  const paired = pairId ? active.find((m) => m.pairId === pairId || m.id === pairId) : undefined;
  let mentorship: Mentorship | undefined = paired;
  if (paired && paired.myRole === pack.from) {
    throw new UserError('pack-own', [roleParam(pack.from), roleParam(other(pack.from))]);
  }
  if (!mentorship) {
    // Not yet paired: any mentorship where I am the other role and no pairing exists yet.
    const open = active.filter((m) => m.myRole !== pack.from && !m.pairId);
    if (chosenId) {
      mentorship = open.find((m) => m.id === chosenId);
      if (!mentorship) throw new UserError('pack-wrong-mentorship');
    } else if (open.length === 1) {
      mentorship = open[0];
    } else if (open.length > 1) {
      return { needsChoice: true, candidates: open };
    } else if (active.some((m) => m.myRole !== pack.from)) {
      throw new UserError('pack-other-mentorship');
    } else {
      throw new UserError('pack-no-mentorship', [roleParam(other(pack.from))]);
    }
  }
  if (!mentorship) throw new UserError('pack-wrong-mentorship');
  const m = mentorship;
  const seen = m.importedPacks?.includes(packFingerprint(pack)) ?? false;

  const theirs = ctx.sessions.filter((s) => s.mentorshipId === m.id);
  const wanted = pack.session?.scheduledAt ? Date.parse(pack.session.scheduledAt) : undefined;
  const byDate = wanted === undefined ? undefined : theirs.find((s) => s.scheduledAt === wanted);
  const bySharedId = pack.session?.id ? theirs.find((s) => s.id === pack.session?.id) : undefined;
  const nextScheduled = theirs
    .filter((s) => s.status === 'scheduled')
    .sort(
      (a, b) =>
        (a.scheduledAt ?? Number.MAX_SAFE_INTEGER) - (b.scheduledAt ?? Number.MAX_SAFE_INTEGER),
    )[0];
  const found = bySharedId ?? byDate ?? nextScheduled;
  const session: SessionRecord = found ?? {
    id: crypto.randomUUID(),
    mentorshipId: m.id,
    kind: theirs.length ? 'regular' : 'first',
    status: 'scheduled',
    scheduledAt: Number.isFinite(wanted) ? wanted : undefined,
    actionItems: [],
  };

  const changes: Change[] = [];
  const topic = pack.topic.trim();
  if (topic && session.topic?.text !== topic) {
    changes.push({ field: 'topic', before: session.topic?.text, after: topic });
  }
  const text = packNotesText(pack);
  const note = ctx.notes.find((n) => n.sessionId === session.id && n.author === pack.from);
  if (text.trim() && note?.text !== text) {
    changes.push({ field: 'notes', author: pack.from, before: note?.text, after: text });
  }
  const known = new Set(session.actionItems.map((a) => a.text.trim()));
  const added = (pack.actionItems ?? []).map((a) => a.trim()).filter((a) => a && !known.has(a));
  if (added.length) changes.push({ field: 'actionItems', added: [...new Set(added)] });

  // The sender's booking time: the booking found here moves to it (a new one is booked at it).
  const moveTo =
    !seen &&
    found?.status === 'scheduled' &&
    wanted !== undefined &&
    Number.isFinite(wanted) &&
    wanted > ctx.now &&
    found.scheduledAt !== wanted
      ? wanted
      : undefined;

  return {
    needsChoice: false,
    mentorship: m,
    ...(moveTo !== undefined ? { moveTo } : {}),
    // A pack imported before changes nothing, even once its session has been held since.
    pairWith: !seen && pairId && m.pairId !== pairId && m.id !== pairId ? pairId : undefined,
    session,
    isNew: !seen && !found,
    changes: seen ? [] : changes,
    fingerprint: packFingerprint(pack),
  };
}
