// The card's side of its frame: geometry goes to the tab's content script through the
// background (`card-frame` messages), which the call page cannot see, unlike `postMessage` to
// the parent. The card keeps its place per platform in extension storage (the content script
// has no storage module): restored once the platform is known, kept after each move.

import type { CardFrameActions } from '@/components/LiveCard';
import type { FrameMessage } from '@/lib/content/card-frame';
import { send } from '@/lib/messages';
import type { Platform } from '@/lib/records';
import { cardPlaceItems } from '@/lib/storage/items';

export function createFrameLink(openPanel: (view: 'live' | 'reflect') => void) {
  let platform: Platform | undefined;
  const post = (frame: FrameMessage) => send({ type: 'card-frame', frame }).catch(() => null);

  const actions: CardFrameActions = {
    size: (width, height) => void post({ mc: 'size', width, height }),
    move: (dx, dy) => void post({ mc: 'move', dx, dy }),
    moved: async () => {
      // Sent after the moves, so the answer is where they left the card.
      const place = await post({ mc: 'where' });
      if (place && platform) await cardPlaceItems[platform].set(place).catch(() => {});
    },
    close: () => void post({ mc: 'close' }),
    openPanel,
  };

  return {
    actions,
    /** The call's platform is known: put the card where the user left it there. */
    async platform(p: Platform | undefined) {
      if (!p || platform) return;
      platform = p;
      const saved = await cardPlaceItems[p].get().catch(() => null);
      if (saved) await post({ mc: 'place', right: saved.right, top: saved.top });
    },
  };
}
