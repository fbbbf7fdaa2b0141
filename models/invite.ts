// Importing a calendar invite (pasted into the popup, or a dropped or chosen .ics file on the
// Mentorships page): read it, show what it would book, and book it only when confirmed.
//
//   idle ──read──> preview (time, link, mentorship: the one using its link, else a choice;
//     │              the booking it is for: ours by UID, one at its time, or one the user picks)
//     │              └─confirm──> idle (booked, moved, or the booking given the link: the
//     │                                 session's meeting key is the link's, so the call on it
//     │                                 is matched to that session; the link also kept on the
//     │                                 mentorship that had none)
//     ├──read──> cancel (the booking it cancels) ──confirm──> idle (booking cancelled)
//     └──read──> error (the sentence: no time, no link, past, unknown zone, …; nothing booked)
//
// The invite reader (lib/calendar/invite.ts, with ical.js) is loaded only when an invite is
// read, never on a page's first paint.

import { computed, createModel, type ReadonlySignal, signal } from '@preact/signals';
import { type InviteFile, readInviteFile } from '@/lib/calendar/invite-file';
import type { Db } from '@/lib/db';
import { UserError } from '@/lib/errors';
import { describeError, t } from '@/lib/i18n';
import type { Mentorship, SessionRecord } from '@/lib/records';
import { updateMentorship } from '@/lib/repos/mentorships';
import { cancelBooking } from '@/lib/repos/session-deletes';
import { bookSession, rescheduleSession, setSessionMeetingLink } from '@/lib/repos/sessions';
import { loadAll } from '@/lib/repos/snapshot';
import { meetingKeyOf } from '@/lib/session/links';
import { tzOffsetAt } from './local-time';

// Types only, written so that no static import of the invite module (and ical.js) exists here:
// tests/unit/calendar/lazy.test.ts keeps it so.
type InviteModule = typeof import('@/lib/calendar/invite');
type InviteResult = ReturnType<InviteModule['readInvite']>;
type Invite = Extract<InviteResult, { kind: 'book' }>['invite'];

/** Whether pasted text is a calendar invite rather than a share pack. */
export const looksLikeInvite = (text: string) => /BEGIN:(VCALENDAR|VEVENT)/i.test(text);

/** Our own session UID (lib/calendar/ics.ts `sessionUid`), back to the session id. */
export function sessionIdOfUid(uid: string | undefined): string | undefined {
  return /^session-(.+)@mentor-companion$/.exec(uid ?? '')?.[1];
}

export interface InvitePlan {
  invite: Invite;
  /** The mentorships it could be for: the one whose link matches, else every active one. */
  candidates: { id: string; otherName: string }[];
  /** The one it books for, once known. */
  chosen?: string;
  /** The mentorship was found by its meeting link. */
  byLink: boolean;
  /** A booking of ours this invite moves (our own exported UID, or the booking picked). */
  moves?: { sessionId: string; from: number };
  /** A booking already at the invite's time: the invite gives it its link, books nothing. */
  uses?: { sessionId: string; at: number };
  /** The chosen mentorship's bookings the user may say the invite is for (none for our UID). */
  bookings: { id: string; at: number }[];
  /** The booking the user said it is for; undefined: a new one (or the one at its time). */
  picked?: string;
}

/**
 * Which mentorship an invite is for, and which booking: ours by its UID, else the one `picked`,
 * else one at the invite's time (given the invite's link), else a new one. Pure.
 */
export function planInvite(
  invite: Invite,
  records: { mentorships: readonly Mentorship[]; sessions: readonly SessionRecord[] },
  preferred?: string,
  picked?: string,
): InvitePlan {
  const active = records.mentorships
    .filter((m) => m.archivedAt === undefined)
    .sort((a, b) => a.createdAt - b.createdAt);
  const key = invite.meetingKey ?? meetingKeyOf(invite.link);
  const linked = key
    ? active.filter((m) => m.meetingLink && meetingKeyOf(m.meetingLink) === key)
    : [];
  const own = sessionIdOfUid(invite.uid);
  const ownSession = records.sessions.find(
    (s) => s.id === own && s.status === 'scheduled' && s.mentorshipId !== null,
  );
  const pool = ownSession
    ? active.filter((m) => m.id === ownSession.mentorshipId)
    : linked.length > 0
      ? linked
      : active;
  const chosen =
    pool.length === 1 ? pool[0]?.id : pool.find((m) => m.id === preferred) ? preferred : undefined;
  const bookings = ownSession
    ? []
    : records.sessions
        .filter(
          (s) =>
            s.mentorshipId === chosen && s.status === 'scheduled' && s.scheduledAt !== undefined,
        )
        .sort((a, b) => (a.scheduledAt ?? 0) - (b.scheduledAt ?? 0))
        .map((s) => ({ id: s.id, at: s.scheduledAt ?? 0 }));
  const pick = bookings.find((b) => b.id === picked);
  const target =
    ownSession?.scheduledAt !== undefined
      ? { id: ownSession.id, at: ownSession.scheduledAt }
      : (pick ?? bookings.find((b) => b.at === invite.start));
  const plan: InvitePlan = {
    invite,
    candidates: pool.map((m) => ({ id: m.id, otherName: m.otherName })),
    byLink: linked.length > 0 && !ownSession,
    bookings,
    ...(chosen ? { chosen } : {}),
    ...(pick ? { picked: pick.id } : {}),
  };
  if (target && target.at !== invite.start) {
    plan.moves = { sessionId: target.id, from: target.at };
  } else if (target) {
    plan.uses = { sessionId: target.id, at: target.at };
  }
  return plan;
}

/** The booking a cancellation is about: our own UID, else a booking at the cancelled time. */
export function cancelledBooking(
  result: Extract<InviteResult, { kind: 'cancel' }>,
  sessions: readonly SessionRecord[],
): SessionRecord | undefined {
  const booked = sessions.filter((s) => s.status === 'scheduled' && s.scheduledAt !== undefined);
  const own = sessionIdOfUid(result.uid);
  return (
    booked.find((s) => s.id === own) ??
    (result.start !== undefined ? booked.find((s) => s.scheduledAt === result.start) : undefined)
  );
}

export interface InviteEnv {
  db: () => Promise<Db>;
  now: () => number;
  /** The user's IANA zone. */
  timeZone: () => string;
  /** The mentorship in view, chosen first when the invite's link matches none. */
  preferred?: ReadonlySignal<string | undefined>;
  /** After a booking was made or cancelled. */
  changed?: () => Promise<void> | void;
}

export const InviteModel = createModel((env: InviteEnv) => {
  const plan = signal<InvitePlan | undefined>(undefined);
  const cancel = signal<{ sessionId: string; at: number; otherName: string } | undefined>(
    undefined,
  );
  const error = signal<string | undefined>(undefined);
  const info = signal<string | undefined>(undefined);
  const busy = signal(false);
  /** The records the preview was planned on, to plan again when the user chooses. */
  let records: { mentorships: Mentorship[]; sessions: SessionRecord[] } = {
    mentorships: [],
    sessions: [],
  };

  /** What the preview shows. */
  const preview = computed(() => {
    const p = plan.value;
    if (!p) return undefined;
    const otherName = p.candidates.find((c) => c.id === p.chosen)?.otherName;
    return {
      at: p.invite.start,
      link: p.invite.link,
      summary: p.invite.summary,
      otherName,
      byLink: p.byLink,
      candidates: p.candidates,
      chosen: p.chosen,
      movesFrom: p.moves?.from,
      usesFor: p.uses?.at,
      bookings: p.bookings,
      picked: p.picked,
    };
  });

  function reset() {
    plan.value = undefined;
    cancel.value = undefined;
    error.value = undefined;
    info.value = undefined;
  }

  async function read(text: string) {
    reset();
    busy.value = true;
    try {
      const { readInvite } = await import('@/lib/calendar/invite');
      const result = readInvite(text, { now: env.now(), timeZone: env.timeZone() });
      const all = await loadAll(await env.db());
      if (result.kind === 'cancel') {
        const booking = cancelledBooking(result, all.sessions);
        const m = all.mentorships.find((x) => x.id === booking?.mentorshipId);
        if (!booking?.scheduledAt || !m) throw new UserError('invite-cancelled');
        cancel.value = { sessionId: booking.id, at: booking.scheduledAt, otherName: m.otherName };
        return;
      }
      if (!all.mentorships.some((m) => m.archivedAt === undefined)) {
        error.value = t('inviteNoMentorship');
        return;
      }
      records = all;
      plan.value = planInvite(result.invite, all, env.preferred?.value);
    } catch (e) {
      error.value = describeError(e);
    } finally {
      busy.value = false;
    }
  }

  async function book(p: InvitePlan, mentorshipId: string) {
    const d = await env.db();
    const now = env.now();
    const m = (await loadAll(d)).mentorships.find((x) => x.id === mentorshipId);
    if (!m) throw new UserError('mentorship-gone');
    // The session's own link and its key, so the call on this link is matched to it even when
    // the mentorship uses another link (lib/session/match.ts), and its reminder opens it.
    const meetingLink = p.invite.link;
    if (p.moves) {
      await rescheduleSession(d, p.moves.sessionId, p.invite.start, now, tzOffsetAt(now));
      // A moved session's new link replaces its old one (after the move: a refused move keeps
      // everything as it was).
      await setSessionMeetingLink(d, p.moves.sessionId, meetingLink);
    } else {
      await bookSession(d, mentorshipId, p.invite.start, now, { meetingLink });
    }
    // The call is matched by the mentorship's link (lib/session/match.ts): keep the invite's
    // when the mentorship has none yet; one it already uses is never replaced unasked.
    if (!m.meetingLink) {
      await updateMentorship(d, m.id, {
        otherName: m.otherName,
        myRole: m.myRole,
        agreement: m.agreement,
        meetingLink: p.invite.link,
      });
    }
  }

  return {
    plan,
    cancel,
    error,
    info,
    busy,
    preview,
    read,
    /**
     * A dropped or chosen `.ics` file: its text read (too large, empty, not a calendar file or
     * unreadable: the sentence, nothing booked), then previewed as `read` does.
     */
    async readFile(file: InviteFile) {
      reset();
      busy.value = true;
      let text: string;
      try {
        text = await readInviteFile(file);
      } catch (e) {
        error.value = describeError(e);
        return;
      } finally {
        busy.value = false;
      }
      await read(text);
    },
    reset,
    /** The mentorship the invite is for, when it could be more than one. */
    choose(id: string) {
      const p = plan.value;
      if (!p?.candidates.some((c) => c.id === id)) return;
      plan.value = planInvite(p.invite, records, id);
    },
    /** The booking the invite is for (it is moved to the invite's time), or none: a new one. */
    pickSession(id: string | undefined) {
      const p = plan.value;
      if (!p?.chosen) return;
      plan.value = planInvite(p.invite, records, p.chosen, id);
    },
    /** Books (or moves, or cancels) what the preview shows. */
    async confirm() {
      const p = plan.value;
      const c = cancel.value;
      error.value = undefined;
      busy.value = true;
      try {
        if (c) {
          await cancelBooking(await env.db(), c.sessionId, env.now());
          reset();
          info.value = t('inviteCancelDone', c.otherName);
        } else if (p?.chosen) {
          await book(p, p.chosen);
          const name = p.candidates.find((x) => x.id === p.chosen)?.otherName ?? '';
          reset();
          info.value = t(p.uses ? 'inviteLinkUsed' : 'inviteBooked', name);
        } else {
          return;
        }
        await env.changed?.();
      } catch (e) {
        error.value = describeError(e);
      } finally {
        busy.value = false;
      }
    },
  };
});

export type InviteModel = InstanceType<typeof InviteModel>;
