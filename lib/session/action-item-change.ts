// The background's side of the 'action-item-change' command (issue 13): the session card and
// the side panel's live view change an action item's text, delete it, or undo that delete,
// through the repositories. The card's frame has no IndexedDB, so it asks the background; what
// it shows comes back as the live projection, as for 'action-item'.

import type { Db } from '../db';
import { toWire } from '../errors';
import type { MessageOf, Replies } from '../messages';
import { removeActionItem } from '../repos/session-deletes';
import { editActionItems } from '../repos/sessions';
import { undoDelete } from '../repos/trash';

export async function changeActionItem(
  db: () => Promise<Db>,
  msg: MessageOf<'action-item-change'>,
  now: number,
): Promise<Replies['action-item-change']> {
  try {
    const d = await db();
    const { change } = msg;
    if ('edit' in change) {
      await editActionItems(d, msg.sessionId, { edit: msg.itemId, text: change.edit }, now);
      return { ok: true };
    }
    if ('remove' in change) {
      const deleted = await removeActionItem(d, msg.sessionId, msg.itemId, now);
      return { ok: true, undoToken: deleted.token };
    }
    await undoDelete(d, change.undo, now);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: toWire(error) };
  }
}
