// Sending and receiving share packs in the popup. What goes in a pack is what the sender ticks:
// the topic and the pre-session notes; focus figures and reflections are never offered here.
// A pasted message is read into a preview of what it would change, applied only when confirmed.
//
//   idle ──read──> preview ──apply──> idle (done)
//     │   └──────> choose a mentorship ──choose──> preview
//     └──read──> error / nothing new
//
// A pasted calendar invite (`BEGIN:VCALENDAR` / `BEGIN:VEVENT`) goes to the invite model
// instead (models/invite.ts): its own preview, and a booking at the invite's time once confirmed.
//
// The clock, the database and the clipboard come in; the session being prepared comes from the
// prep model's signals.

import { computed, createModel, type ReadonlySignal, signal } from '@preact/signals';
import type { Db } from '@/lib/db';
import { describeError, formatDateTime, t } from '@/lib/i18n';
import type { Mentorship, SessionRecord } from '@/lib/records';
import { rescheduleSession } from '@/lib/repos/sessions';
import { applyImport, loadAll } from '@/lib/repos/snapshot';
import { type ImportPlan, planImport } from '@/lib/share/apply';
import { mailtoUrl } from '@/lib/share/mailto';
import { decodePack, encodePack } from '@/lib/share/message';
import { PACK_VERSION, type Pack } from '@/lib/share/pack';
import { InviteModel, looksLikeInvite } from './invite';
import { tzOffsetAt } from './local-time';

export interface Include {
  topic: boolean;
  notes: boolean;
}

/**
 * A mail link longer than this is not offered first: mail clients and the systems between them
 * cut `mailto:` URLs somewhere above 2,000 characters, and Hebrew percent-encodes to about twice
 * the length of English. Copy and paste carries any length.
 */
export const MAILTO_COMFORTABLE_CHARS = 2000;

function pad(n: number): string {
  return String(Math.trunc(n)).padStart(2, '0');
}

/**
 * `at` as ISO 8601 in local time with its offset ("2026-12-03T10:00:00+02:00"), so the readable
 * part of a pack shows the sender's own clock; `tzOffsetMinutes` as lib/time.ts takes it.
 */
export function localIso(at: number, tzOffsetMinutes: number): string {
  const local = new Date(at + tzOffsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = tzOffsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(tzOffsetMinutes);
  return `${local}${sign}${pad(abs / 60)}:${pad(abs % 60)}`;
}

/**
 * A pack of what is being prepared: the ticked parts only. The session's time is written in the
 * sender's zone (`tzOffsetAt`: the offset at an instant; UTC when not given).
 */
export function buildPack(
  m: Mentorship,
  s: SessionRecord,
  content: { topic: string; notes: string },
  include: Include,
  now: number,
  tzOffsetAt?: (at: number) => number,
): Pack {
  const notes = include.notes ? content.notes : '';
  const pack: Pack = {
    v: PACK_VERSION,
    kind: notes.trim() ? 'pre-session' : 'topic',
    from: m.myRole,
    topic: include.topic ? content.topic.trim() : '',
    notes,
    createdAt: new Date(now).toISOString(),
    mentorship: {
      id: m.pairId ?? m.id,
      ...(m.myRole === 'mentor' ? { menteeName: m.otherName } : { mentorName: m.otherName }),
    },
  };
  if (s.scheduledAt !== undefined)
    pack.session = {
      scheduledAt: tzOffsetAt
        ? localIso(s.scheduledAt, tzOffsetAt(s.scheduledAt))
        : new Date(s.scheduledAt).toISOString(),
    };
  return pack;
}

export type ReadyPlan = Extract<ImportPlan, { needsChoice: false }>;

/** What an import would change, one line each, in the UI language. */
export function planLines(plan: ReadyPlan): string[] {
  const lines: string[] = [];
  if (plan.isNew) lines.push(t('importNewSession'));
  if (plan.moveTo !== undefined) {
    lines.push(
      t(
        'importMove',
        new Date(plan.moveTo).toLocaleString(undefined, {
          dateStyle: 'medium',
          timeStyle: 'short',
        }),
      ),
    );
  }
  for (const c of plan.changes) {
    if (c.field === 'topic') lines.push(t('importTopic', c.after));
    // Characters as a person counts them: an emoji is one.
    else if (c.field === 'notes') lines.push(t('importNotes', String([...c.after].length)));
    else
      lines.push(
        c.added.length === 1 ? t('importOneAction') : t('importActions', String(c.added.length)),
      );
  }
  return lines;
}

export interface PackEnv {
  db: () => Promise<Db>;
  now: () => number;
  /** Puts text on the clipboard. */
  copy: (text: string) => Promise<void>;
  /** What is being prepared (the prep model's signals). */
  mentorship: ReadonlySignal<Mentorship | undefined>;
  session: ReadonlySignal<SessionRecord | undefined>;
  topic: ReadonlySignal<string>;
  notes: ReadonlySignal<string>;
  /** After an import changed the session being prepared. */
  imported: () => Promise<void> | void;
  /** Minutes to add to UTC for local time at an instant (models/local-time.ts `tzOffsetAt`). */
  tzOffsetAt?: (at: number) => number;
  /** The reader's IANA zone for the session's time; the runtime's own when not given. */
  timeZone?: string;
}

export const PackModel = createModel((env: PackEnv) => {
  const include = signal<Include>({ topic: true, notes: true });
  const pasted = signal('');
  const error = signal<string | undefined>(undefined);
  const info = signal<string | undefined>(undefined);
  const pending = signal<{ pack: Pack; plan: ImportPlan } | undefined>(undefined);
  const copied = signal(false);
  const invite = new InviteModel({
    db: env.db,
    now: env.now,
    timeZone: () => env.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    preferred: computed(() => env.mentorship.value?.id),
    changed: async () => {
      pasted.value = '';
      await env.imported();
    },
  });

  const pack = computed(() => {
    const m = env.mentorship.value;
    const s = env.session.value;
    if (!m || !s) return undefined;
    return buildPack(
      m,
      s,
      { topic: env.topic.value, notes: env.notes.value },
      include.value,
      env.now(),
      env.tzOffsetAt,
    );
  });
  /** Nothing ticked has any text: nothing to send. */
  const empty = computed(() => {
    const p = pack.value;
    return !p || (!p.topic && !p.notes.trim());
  });
  /**
   * The mail link, or the sentence saying why the pack is too long to send; `mailTooLong` when
   * the link is longer than mail clients take, so the page offers "Copy" first.
   */
  const mail = computed<{ url?: string; tooLong?: string; mailTooLong?: boolean }>(() => {
    const p = pack.value;
    if (!p) return {};
    try {
      const url = mailtoUrl(p, {});
      return url.length > MAILTO_COMFORTABLE_CHARS ? { url, mailTooLong: true } : { url };
    } catch (e) {
      return { tooLong: describeError(e) };
    }
  });
  /** The preview's lines, once a pack is read for one mentorship. */
  const preview = computed(() => {
    const plan = pending.value?.plan;
    return plan && !plan.needsChoice
      ? { otherName: plan.mentorship.otherName, lines: planLines(plan) }
      : undefined;
  });

  /** The session a read pack is about, at the reader's clock (the pack carries the sender's). */
  const previewSessionAt = computed(() => {
    if (!preview.value) return undefined;
    const iso = pending.value?.pack.session?.scheduledAt;
    const at = iso ? Date.parse(iso) : Number.NaN;
    return Number.isFinite(at) ? formatDateTime(at, env.timeZone) : undefined;
  });

  async function read(chosen?: string) {
    error.value = undefined;
    info.value = undefined;
    if (!chosen && !pending.value && looksLikeInvite(pasted.value)) {
      await invite.read(pasted.value);
      return;
    }
    try {
      const incoming = pending.value?.pack ?? decodePack(pasted.value);
      const { mentorships, sessions, notes } = await loadAll(await env.db());
      const plan = planImport(incoming, { mentorships, sessions, notes, now: env.now() }, chosen);
      if (
        !plan.needsChoice &&
        !plan.changes.length &&
        !plan.isNew &&
        !plan.pairWith &&
        plan.moveTo === undefined
      ) {
        pending.value = undefined;
        info.value = t('importNothingNew');
        return;
      }
      pending.value = { pack: incoming, plan };
    } catch (e) {
      pending.value = undefined;
      error.value = describeError(e);
    }
  }

  return {
    include,
    pasted,
    error,
    info,
    pending,
    copied,
    pack,
    empty,
    mail,
    preview,
    /** A pasted calendar invite: its preview and booking. */
    invite,
    previewSessionAt,
    setInclude(patch: Partial<Include>) {
      include.value = { ...include.value, ...patch };
      copied.value = false;
    },
    paste(text: string) {
      pasted.value = text;
      pending.value = undefined;
      invite.reset();
    },
    read: () => read(),
    /** The mentorship the pack is for, when it could be more than one. */
    chooseMentorship: (id: string) => read(id),
    cancel() {
      pending.value = undefined;
      invite.reset();
    },
    async apply() {
      const p = pending.value;
      if (!p || p.plan.needsChoice) return;
      try {
        const d = await env.db();
        await applyImport(d, p.plan, p.pack.from, env.now());
        if (p.plan.moveTo !== undefined) {
          const now = env.now();
          await rescheduleSession(d, p.plan.session.id, p.plan.moveTo, now, tzOffsetAt(now));
        }
        pending.value = undefined;
        pasted.value = '';
        info.value = t('importDone');
        await env.imported();
      } catch (e) {
        error.value = describeError(e);
      }
    },
    async copyPack() {
      const p = pack.value;
      if (!p || empty.value || mail.value.tooLong) return;
      await env.copy(encodePack(p));
      copied.value = true;
    },
  };
});

export type PackModel = InstanceType<typeof PackModel>;
