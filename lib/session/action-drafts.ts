// The action item being typed on the call and not added yet (issue 10: nothing typed is lost).
// The session card and the side panel keep it in storage.local as it is typed
// (`actionDraftItem`, through
// `storedDrafts` in ./live-client.ts): the card's frame has no storage it could write synchronously, and a
// browser may close between two keystrokes. When its session is no longer live (the call ended,
// or a browser quit ended it at the next start), the background adds what was typed as one of
// the session's action items, where the person can change or delete it like any other.

import type { Db } from '../db';
import { editActionItems, getSession } from '../repos/sessions';
import { actionDraftItem, actionDraftSessions } from '../storage/items';

/**
 * Adds each kept draft whose session is no longer live as an action item of that session, and
 * drops it (also when its session is gone, or the text is blank). Returns the sessions changed.
 * Safe to run any time, and again: a live session's draft is left for its card.
 */
export async function settleActionDrafts(d: Db, now: number): Promise<string[]> {
  const changed: string[] = [];
  for (const sessionId of await actionDraftSessions()) {
    const session = await getSession(d, sessionId);
    if (session?.status === 'live') continue;
    const item = actionDraftItem(sessionId);
    const text = (await item.get())?.trim();
    if (session && text) {
      try {
        await editActionItems(d, sessionId, { add: text }, now);
        changed.push(sessionId);
      } catch (error) {
        // Full (200 action items) or refused: kept nowhere else, so said in the log.
        console.warn('Mentor Companion: an unsent action item could not be added', error);
      }
    }
    await item.remove();
  }
  return changed;
}
