// Which mentorship a live call belongs to: by the meeting link a booked session was given (an
// invite's link, lib/calendar/invite.ts), else by the link the mentorship uses, else by a
// session scheduled within the hour, else none (the session card then asks).

import type { Mentorship, SessionRecord } from '../records';
import { PENDING_WITHIN_MS, pendingSession } from '../rules/schedule';
import { meetingKeyOf } from './links';

export const MATCH_WINDOW_MS = 60 * 60 * 1000;

export interface Match {
  mentorshipId: string | null;
  /** A scheduled session to turn live instead of starting a new record. */
  sessionId?: string;
  by: 'link' | 'schedule' | 'none';
}

export function matchCall(
  call: { meetingKey?: string; now: number },
  mentorships: Mentorship[],
  sessions: SessionRecord[],
): Match {
  const active = mentorships.filter((m) => !m.archivedAt);
  if (call.meetingKey) {
    // A booking with its own link (a one-off Zoom for a Meet mentorship, say): that session,
    // the one nearest now when a series shares the link, unless it is a later week's.
    const keyed = sessions
      .filter(
        (s) =>
          s.status === 'scheduled' &&
          s.meetingKey === call.meetingKey &&
          s.mentorshipId !== null &&
          active.some((m) => m.id === s.mentorshipId),
      )
      .sort((a, b) => distance(a, call.now) - distance(b, call.now));
    const own = keyed.find((s) => (s.scheduledAt ?? call.now) < call.now + PENDING_WITHIN_MS);
    if (own) return { mentorshipId: own.mentorshipId, sessionId: own.id, by: 'link' };
    // Else the mentorship using the link (or whose later booking has it).
    const byLink =
      active.find((m) => m.meetingLink && meetingKeyOf(m.meetingLink) === call.meetingKey) ??
      active.find((m) => m.id === keyed[0]?.mentorshipId);
    if (byLink) {
      return {
        mentorshipId: byLink.id,
        // The session the users prepared, unless it is a later week's (lib/rules/schedule.ts).
        sessionId: pendingSession(sessions, byLink.id, call.now)?.id,
        by: 'link',
      };
    }
  }
  const near = sessions
    .filter(
      (s) =>
        s.status === 'scheduled' &&
        s.mentorshipId !== null &&
        s.scheduledAt !== undefined &&
        Math.abs(s.scheduledAt - call.now) <= MATCH_WINDOW_MS &&
        active.some((m) => m.id === s.mentorshipId),
    )
    .sort((a, b) => distance(a, call.now) - distance(b, call.now))[0];
  if (near) return { mentorshipId: near.mentorshipId, sessionId: near.id, by: 'schedule' };
  return { mentorshipId: null, by: 'none' };
}

const distance = (s: SessionRecord, now: number) => Math.abs((s.scheduledAt ?? now) - now);
