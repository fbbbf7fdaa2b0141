// The detection check's question to a tab's content script, for the popup and the side panel.
// A module of its own, calling the browser itself rather than `sendToTab` in lib/messages.ts:
// the session card (an extension page framed in the call page, which Firefox gives no `tabs`)
// shares lib/messages.ts's chunk with these pages, and must not carry a `tabs` call
// (tests/unit/manifest-card.test.ts).

import type { MessageOf, Replies } from './messages';

export function askDetectCheck(tabId: number): Promise<Replies['detect-check']> {
  const msg: MessageOf<'detect-check'> = { type: 'detect-check' };
  return browser.tabs.sendMessage(tabId, msg, { frameId: 0 }) as Promise<Replies['detect-check']>;
}
