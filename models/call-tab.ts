// The call in the popup's tab: whether a session is live there, whether a call runs in another
// tab (this one can then be its companion, whose time does not count as away), and starting or
// ending a session by hand when detection missed it. Read from the typed storage items; the
// changes go to the background as commands.

import { createModel, signal } from '@preact/signals';
import { fromWire, type WireError } from '@/lib/errors';
import { describeError } from '@/lib/i18n';
import type { send } from '@/lib/messages';
import type { Calls } from '@/lib/session/calls';
import type { Live } from '@/lib/session/orchestrator';
import type { Item } from '@/lib/storage/items';

export interface TabState {
  id?: number;
  /** A session is live in this tab. */
  live: boolean;
  /** This tab is marked as the companion of a call in another tab. */
  companion: boolean;
  /** A call is live in another tab. */
  callElsewhere: boolean;
}

export interface CallTabEnv {
  now: () => number;
  /** The id of the tab the popup was opened over. */
  activeTab: () => Promise<number | undefined>;
  calls: Pick<Item<Calls>, 'get'>;
  live: Pick<Item<Live>, 'get'>;
  send: typeof send;
}

/** What the state says about one tab. */
export function tabStateOf(id: number | undefined, calls: Calls, live: Live): TabState {
  const key = String(id);
  const others = Object.entries(live).filter(([k]) => k !== key);
  return {
    id,
    live: id !== undefined && calls[key]?.state === 'in-call',
    callElsewhere: others.length > 0,
    companion: id !== undefined && others.some(([, l]) => l.companions?.includes(id)),
  };
}

/** A reply's error, as a sentence in the user's language. */
function replyError(error: WireError | undefined): string | undefined {
  if (error === undefined) return undefined;
  return describeError(fromWire(error));
}

export const CallTabModel = createModel((env: CallTabEnv) => {
  const tab = signal<TabState>({ live: false, companion: false, callElsewhere: false });
  const error = signal<string | undefined>(undefined);

  async function manual(type: 'manual-start' | 'manual-end') {
    const id = tab.value.id;
    if (id === undefined) return;
    const reply = await env.send({ type, tabId: id, at: env.now() });
    error.value = replyError(reply.error);
    if (reply.ok) tab.value = { ...tab.value, live: type === 'manual-start' };
  }

  return {
    tab,
    error,
    async load() {
      const [id, calls, live] = await Promise.all([
        env.activeTab(),
        env.calls.get(),
        env.live.get(),
      ]);
      tab.value = tabStateOf(id, calls, live);
    },
    start: () => manual('manual-start'),
    end: () => manual('manual-end'),
    async setCompanion(on: boolean) {
      const id = tab.value.id;
      if (id === undefined) return;
      await env.send({ type: 'companion-tab', tabId: id, on });
      tab.value = { ...tab.value, companion: on };
    },
  };
});

export type CallTabModel = InstanceType<typeof CallTabModel>;
