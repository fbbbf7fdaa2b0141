// Sessions that ended and still wait for my reflection (not done, not dismissed), newest first,
// each with the name of the person it was with. The popup and the side panel list them.

import { createModel, signal } from '@preact/signals';
import type { Db } from '@/lib/db';
import type { SessionRecord } from '@/lib/records';
import { listMentorships } from '@/lib/repos/mentorships';
import { unreflectedSessions } from '@/lib/repos/reflections';

export interface ToReflect {
  session: SessionRecord;
  /** The other person; absent for a call that belongs to no mentorship. */
  name?: string;
}

export const ToReflectModel = createModel((env: { db: () => Promise<Db> }) => {
  const list = signal<ToReflect[]>([]);
  return {
    list,
    async load() {
      const d = await env.db();
      const [sessions, mentorships] = await Promise.all([
        unreflectedSessions(d),
        listMentorships(d),
      ]);
      const names = new Map(mentorships.map((m) => [m.id, m.otherName]));
      list.value = sessions.map((session) => ({
        session,
        name: session.mentorshipId ? names.get(session.mentorshipId) : undefined,
      }));
    },
  };
});

export type ToReflectModel = InstanceType<typeof ToReflectModel>;
