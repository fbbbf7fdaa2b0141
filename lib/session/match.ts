// Which mentorship a live call belongs to: by the meeting link the mentorship uses, else by a
// session scheduled within the hour, else none (the session card then asks).

import type { Mentorship, SessionRecord } from '../records';
import { pendingSession } from '../rules/schedule';
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
    const byLink = active.find(
      (m) => m.meetingLink && meetingKeyOf(m.meetingLink) === call.meetingKey,
    );
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
    .sort(
      (a, b) =>
        Math.abs((a.scheduledAt ?? 0) - call.now) - Math.abs((b.scheduledAt ?? 0) - call.now),
    )[0];
  if (near) return { mentorshipId: near.mentorshipId, sessionId: near.id, by: 'schedule' };
  return { mentorshipId: null, by: 'none' };
}
