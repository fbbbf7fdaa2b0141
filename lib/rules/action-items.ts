// Action items: how an edit changes a session's list (added, edited, ticked off or back on), how
// the Mentorships page groups them by session, and how a session's page shows them.
//
// Pure: no browser, no clock (`now` and new ids are parameters).

import { UserError } from '../errors';
import { checkLength, LIMITS } from '../limits';
import type { ActionItem, SessionRecord } from '../records';

/**
 * Add an item (its text as typed); change an item's text; set it done or not done; or tick one
 * off (or back on) by id. Prefer `setDone` to `toggle` where the view knows what it shows: two
 * views ticking the same item both mean "done", where two toggles would cancel out.
 */
export type ActionItemEdit =
  | { add: string }
  | { edit: string; text: string }
  | { setDone: string; done: boolean }
  | { toggle: string };

/** An action item's text as it is stored: trimmed, not empty, not over LIMITS.actionItem. */
export function cleanActionItemText(text: string): string {
  const clean = text.trim();
  if (!clean) throw new UserError('action-item-empty');
  const long = checkLength(clean, LIMITS.actionItem);
  if (long) throw long;
  return clean;
}

const withoutDone = (a: ActionItem): ActionItem => {
  const { doneAt: _, ...open } = a;
  return open;
};

/**
 * The list after `edit`; the very same list (`===`) when the edit changes nothing. Throws a
 * `UserError` for an empty or over-long text, one item too many, or (editing, setting done)
 * an id the list does not hold: `action-item-gone`. Ticking an id it does not hold changes
 * nothing.
 */
export function applyActionItemEdit<L extends readonly ActionItem[]>(
  items: L,
  edit: ActionItemEdit,
  now: number,
  id: string,
): L | ActionItem[] {
  if ('add' in edit) {
    const text = cleanActionItemText(edit.add);
    if (items.length >= LIMITS.actionItems)
      throw new UserError('action-items-full', [LIMITS.actionItems]);
    return [...items, { id, text, createdAt: now }];
  }
  const itemId = 'edit' in edit ? edit.edit : 'setDone' in edit ? edit.setDone : edit.toggle;
  const index = items.findIndex((a) => a.id === itemId);
  const item = items[index];
  if (!item) {
    if ('toggle' in edit) return items;
    throw new UserError('action-item-gone');
  }
  let next: ActionItem;
  if ('edit' in edit) {
    const text = cleanActionItemText(edit.text);
    if (text === item.text) return items;
    next = { ...item, text };
  } else {
    const done = 'setDone' in edit ? edit.done : item.doneAt === undefined;
    if (done === (item.doneAt !== undefined)) return items;
    next = done ? { ...item, doneAt: now } : withoutDone(item);
  }
  return items.map((a, i) => (i === index ? next : a));
}

/**
 * A session's action items as its page shows them: every item agreed at the session
 * (`planned`, in the order written), those of them done, and those still open, which carry
 * forward to the next session.
 */
export interface SessionActionItems {
  planned: ActionItem[];
  done: ActionItem[];
  carriedForward: ActionItem[];
}

export function sessionActionItems(
  session: Pick<SessionRecord, 'actionItems'>,
): SessionActionItems {
  return {
    planned: [...session.actionItems],
    done: session.actionItems.filter((a) => a.doneAt !== undefined),
    carriedForward: session.actionItems.filter((a) => a.doneAt === undefined),
  };
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
