// Action items: how an edit changes a session's list (added, ticked off, ticked back on), and
// how the Mentorships page groups them by session.
//
// Pure: no browser, no clock (`now` and new ids are parameters).

import { UserError } from '../errors';
import { checkLength, LIMITS } from '../limits';
import type { ActionItem, SessionRecord } from '../records';

/** Add an item (its text as typed), or tick one off (or back on) by id. */
export type ActionItemEdit = { add: string } | { toggle: string };

/**
 * The list after `edit`. Throws a `UserError` for an empty or over-long item, or one too many;
 * ticking an id the list does not hold changes nothing.
 */
export function applyActionItemEdit(
  items: readonly ActionItem[],
  edit: ActionItemEdit,
  now: number,
  id: string,
): ActionItem[] {
  if ('add' in edit) {
    const text = edit.add.trim();
    if (!text) throw new UserError('action-item-empty');
    const long = checkLength(text, LIMITS.actionItem);
    if (long) throw long;
    if (items.length >= LIMITS.actionItems)
      throw new UserError('action-items-full', [LIMITS.actionItems]);
    return [...items, { id, text, createdAt: now }];
  }
  return items.map((a) =>
    a.id !== edit.toggle
      ? a
      : a.doneAt
        ? { id: a.id, text: a.text, createdAt: a.createdAt }
        : { ...a, doneAt: now },
  );
}

export interface ActionItemGroup {
  session: SessionRecord;
  /** The session is still to come: its items were carried forward to it. */
  upcoming: boolean;
  /** Open items first, each part in the order they were written. */
  items: SessionRecord['actionItems'];
  open: number;
}

/**
 * The action items of a mentorship, one group per session: groups with open items first, then
 * the rest; within each part, the latest session first.
 */
export function actionItemGroups(
  mentorshipId: string,
  sessions: readonly SessionRecord[],
): ActionItemGroup[] {
  const when = (s: SessionRecord) => s.startedAt ?? s.scheduledAt ?? Number.MAX_SAFE_INTEGER;
  return sessions
    .filter((s) => s.mentorshipId === mentorshipId && s.actionItems.length > 0)
    .map((session) => {
      const open = session.actionItems.filter((a) => a.doneAt === undefined);
      const done = session.actionItems.filter((a) => a.doneAt !== undefined);
      return {
        session,
        upcoming: session.status === 'scheduled',
        items: [...open, ...done],
        open: open.length,
      };
    })
    .sort((a, b) => Number(b.open > 0) - Number(a.open > 0) || when(b.session) - when(a.session));
}
