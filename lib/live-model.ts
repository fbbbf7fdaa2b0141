// The live session as the session card and the side panel show it: one model, read from
// storage.session (the call, the focus events) and IndexedDB (the session, its notes, the
// mentorship), and kept fresh by storage and database change events. Figures that move with
// time (timer, focus) are computed from timestamps at the view's own `now`, which ticks only in
// the page that shows them.

import { computed, signal } from '@preact/signals';
import { DB_REV_KEY } from './changes';
import { type FocusState, focusFigures } from './focus';
import { send } from './messages';
import type { Mentorship, SessionRecord } from './records';
import type { LiveView } from './repos/live';
import type { CallEntry, Calls } from './session/calls';
import type { Live, LiveInfo, Recent } from './session/orchestrator';
import { DEFAULT_SESSION_MINUTES, sessionTimer } from './timer';

/** Where the records come from and edits go. */
export interface LiveSource {
  view(sessionId: string | undefined): Promise<LiveView>;
  actionItem(sessionId: string, edit: { add: string } | { toggle: string }): Promise<void>;
  assign(sessionId: string, mentorshipId: string | null): Promise<void>;
}

/** Through the background: for the session card, whose frame cannot open the database. */
export const backgroundSource: LiveSource = {
  view: (sessionId) => send({ type: 'live-view', sessionId }),
  async actionItem(sessionId, edit) {
    const reply = await send({ type: 'action-item', sessionId, ...edit });
    if (!reply.ok) throw new Error(reply.error);
  },
  async assign(sessionId, mentorshipId) {
    await send({ type: 'assign', sessionId, mentorshipId, at: Date.now() });
  },
};

export function createLiveModel(
  tabId: number | undefined,
  opts: { sessionId?: string; source?: LiveSource } = {},
) {
  const source = opts.source ?? backgroundSource;
  const call = signal<CallEntry | undefined>(undefined);
  const live = signal<LiveInfo | undefined>(undefined);
  const endedSessionId = signal<string | undefined>(opts.sessionId);
  const session = signal<SessionRecord | undefined>(undefined);
  const mentorship = signal<Mentorship | undefined>(undefined);
  const mentorships = signal<Mentorship[]>([]);
  const menteeNotes = signal('');
  const mentorNotes = signal('');
  const focus = signal<FocusState | undefined>(undefined);
  const now = signal(Date.now());
  const loaded = signal(false);

  const sessionId = computed(() => live.value?.sessionId ?? endedSessionId.value);

  const timer = computed(() => {
    const s = session.value;
    if (!s?.startedAt) return undefined;
    const minutes = mentorship.value?.agreement.sessionMinutes ?? DEFAULT_SESSION_MINUTES;
    return sessionTimer(s.startedAt, minutes, s.endedAt ?? now.value);
  });

  const figures = computed(() => (focus.value ? focusFigures(focus.value, now.value) : undefined));

  /** The goal this session works towards: the first open goal of the mentorship. */
  const goal = computed(() => mentorship.value?.goals.find((g) => !g.doneAt));

  async function loadRecords() {
    const view = await source.view(sessionId.value);
    mentorships.value = view.mentorships;
    session.value = view.session;
    mentorship.value = view.mentorship;
    menteeNotes.value = view.notes.find((n) => n.author === 'mentee')?.text ?? '';
    mentorNotes.value = view.notes.find((n) => n.author === 'mentor')?.text ?? '';
  }

  async function loadState() {
    const got = await browser.storage.session.get(['calls', 'live', 'recent']);
    const key = tabId === undefined ? undefined : String(tabId);
    call.value = key ? (got.calls as Calls | undefined)?.[key] : undefined;
    live.value = key ? (got.live as Live | undefined)?.[key] : undefined;
    const recent = key ? (got.recent as Recent | undefined)?.[key] : undefined;
    if (!live.value && recent && !opts.sessionId) endedSessionId.value = recent.sessionId;
    const id = sessionId.value;
    if (id) {
      const fk = `focus:${id}`;
      focus.value = (await browser.storage.session.get(fk))[fk] as FocusState | undefined;
    }
  }

  async function reload() {
    await loadState();
    await loadRecords();
    loaded.value = true;
  }

  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'session') return;
    const keys = Object.keys(changes);
    const id = sessionId.value;
    if (keys.includes(DB_REV_KEY)) loadRecords();
    if (keys.some((k) => k === 'calls' || k === 'live' || k === 'recent')) {
      const before = sessionId.value;
      loadState().then(() => {
        if (sessionId.value !== before) loadRecords();
        else if (keys.includes('live') || keys.includes('recent')) loadRecords();
      });
    } else if (id && keys.includes(`focus:${id}`)) {
      const change = changes[`focus:${id}`] as { newValue?: FocusState };
      focus.value = change.newValue;
    }
  };

  return {
    call,
    live,
    session,
    sessionId,
    mentorship,
    mentorships,
    menteeNotes,
    mentorNotes,
    focus,
    figures,
    timer,
    goal,
    now,
    loaded,

    /** Starts watching; returns the function that stops. */
    start(): () => void {
      reload();
      browser.storage.onChanged.addListener(onStorage);
      const tick = setInterval(() => {
        now.value = Date.now();
      }, 1000);
      return () => {
        browser.storage.onChanged.removeListener(onStorage);
        clearInterval(tick);
      };
    },

    async addActionItem(text: string) {
      const id = sessionId.value;
      if (!text.trim() || !id) return;
      await source.actionItem(id, { add: text });
      await loadRecords();
    },

    async toggleActionItem(itemId: string) {
      const id = sessionId.value;
      if (!id) return;
      await source.actionItem(id, { toggle: itemId });
      await loadRecords();
    },

    async assign(mentorshipId: string | null) {
      const id = sessionId.value;
      if (!id) return;
      await source.assign(id, mentorshipId);
      await reload();
    },
  };
}

export type LiveModel = ReturnType<typeof createLiveModel>;
