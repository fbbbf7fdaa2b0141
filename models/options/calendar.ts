// "Add to calendar" on the Mentorships page: every booked session of the mentorship shown, and
// its whole series from the cadence, as an iCalendar file (lib/calendar/ics.ts); and a dropped
// or chosen invite `.ics`, read into a booking (models/invite.ts).
//
// Each event keeps its SEQUENCE in `calendarSequencesItem`: the same number while what the file
// says of it is the same, one more when it changed (a moved session, a new link), so a calendar
// that already has it replaces its copy instead of keeping two.

import { computed, createModel, signal } from '@preact/signals';
import { type CalendarEvent, seriesEvent, sessionEvent, toIcs } from '@/lib/calendar/ics';
import type { InviteFile } from '@/lib/calendar/invite-file';
import { describeError, t } from '@/lib/i18n';
import type { SessionRecord } from '@/lib/records';
import { type CalendarSequence, calendarSequencesItem, type Item } from '@/lib/storage/items';
import { InviteModel } from '../invite';
import type { OptionsContext } from './context';

/** The SEQUENCE to export an event with, given what was exported of it before. Pure. */
export function nextSequence(prev: CalendarSequence | undefined, signature: string): number {
  if (!prev) return 0;
  return prev.signature === signature ? prev.sequence : prev.sequence + 1;
}

/** What an exported event says, minus its SEQUENCE: a change of any of it is a new version. */
export const eventSignature = (e: CalendarEvent) =>
  JSON.stringify([e.start, e.end, e.summary, e.description ?? '', e.link ?? '', e.repeat ?? null]);

/** A file name part from a person's name: letters and digits of any script, joined by `-`. */
export function fileSlug(text: string): string {
  const slug = text
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return slug.slice(0, 40) || 'mentorship';
}

const pad = (n: number) => String(n).padStart(2, '0');
const localDay = (at: number) => {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

export interface CalendarFile {
  name: string;
  text: string;
}

export interface CalendarEnv extends OptionsContext {
  /** The user's IANA zone (default: the runtime's). */
  timeZone?: () => string;
  /** Where the SEQUENCE counters live (default: `calendarSequencesItem`). */
  sequences?: Pick<Item<Record<string, CalendarSequence>>, 'get' | 'set'>;
}

export const CalendarModel = createModel((env: CalendarEnv) => {
  const zone = env.timeZone ?? (() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const sequences = env.sequences ?? calendarSequencesItem;
  const error = signal<string | undefined>(undefined);
  const invite = new InviteModel({
    db: env.db,
    now: env.now,
    timeZone: zone,
    preferred: computed(() => env.selected.value?.id),
    changed: env.reload,
  });

  /** The mentorship's bookings still to come, soonest first. */
  const booked = computed<SessionRecord[]>(() => {
    const m = env.selected.value;
    if (!m) return [];
    return (env.data.value?.sessions ?? [])
      .filter(
        (s) =>
          s.mentorshipId === m.id &&
          s.status === 'scheduled' &&
          s.scheduledAt !== undefined &&
          s.scheduledAt > env.today.value,
      )
      .sort((a, b) => (a.scheduledAt ?? 0) - (b.scheduledAt ?? 0));
  });

  /** The events with their SEQUENCE numbers, the counters kept. */
  async function numbered(events: CalendarEvent[]): Promise<CalendarEvent[]> {
    const known = await sequences.get();
    const next = { ...known };
    const out = events.map((e) => {
      const signature = eventSignature(e);
      const sequence = nextSequence(known[e.uid], signature);
      next[e.uid] = { sequence, signature };
      return { ...e, sequence };
    });
    await sequences.set(next);
    return out;
  }

  async function fileOf(events: () => CalendarEvent[], name: string) {
    error.value = undefined;
    try {
      const text = toIcs(await numbered(events()), { now: env.now(), timeZone: zone() });
      return { name, text };
    } catch (e) {
      error.value = describeError(e);
      return undefined;
    }
  }

  return {
    error,
    booked,
    invite,
    /** One booked session as a `.ics` file. */
    sessionFile(sessionId: string): Promise<CalendarFile | undefined> {
      const m = env.selected.value;
      const s = booked.value.find((x) => x.id === sessionId);
      if (!m || !s?.scheduledAt) return Promise.resolve(undefined);
      return fileOf(
        () => [sessionEvent(m, s, { sequence: 0, summary: t('calSummary', m.otherName) })],
        `mentoring-${fileSlug(m.otherName)}-${localDay(s.scheduledAt ?? 0)}.ics`,
      );
    },
    /** The whole series from the cadence, from the next booked session. */
    seriesFile(): Promise<CalendarFile | undefined> {
      const m = env.selected.value;
      const first = booked.value[0]?.scheduledAt;
      if (!m || first === undefined) return Promise.resolve(undefined);
      return fileOf(
        () => [
          seriesEvent(m, first, {
            sequence: 0,
            summary: t('calSummary', m.otherName),
            description: t('calSeriesDescription', [m.otherName, String(m.agreement.cadenceDays)]),
          }),
        ],
        `mentoring-${fileSlug(m.otherName)}-series.ics`,
      );
    },
    /** A dropped or chosen `.ics` file: read as an invite (its sentences are the invite's). */
    readFile(file: InviteFile) {
      error.value = undefined;
      return invite.readFile(file);
    },
  };
});

export type CalendarModel = InstanceType<typeof CalendarModel>;
