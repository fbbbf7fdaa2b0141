// Share packs in local time: the readable part shows the sender's clock with its offset, and the
// popup shows the session at the reader's. Written in Jerusalem, read in Berlin.
import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../lib/db';
import { formatDateTime } from '../../lib/i18n';
import type { Mentorship, SessionRecord } from '../../lib/records';
import { createMentorship } from '../../lib/repos/mentorships';
import { decodePack, encodePack, formatWhen } from '../../lib/share/message';
import { buildPack, localIso, MAILTO_COMFORTABLE_CHARS, PackModel } from '../../models/pack';
import { clock, DAY, freshDb, useLocale } from './models/setup';

/** Thursday 3 December 2026, 08:00 UTC: 10:00 in Jerusalem (UTC+2), 09:00 in Berlin (UTC+1). */
const SESSION_AT = Date.UTC(2026, 11, 3, 8, 0);
const NOW = Date.UTC(2026, 10, 30, 9, 0);
const JERUSALEM = () => 120;

const NOA: Mentorship = {
  id: 'noa-side',
  otherName: 'Jonas',
  myRole: 'mentee',
  agreement: { type: 'goal-oriented', cadenceDays: 7, sessionMinutes: 45 },
  goals: [],
  createdAt: NOW - 30 * DAY,
};
const NOA_SESSION: SessionRecord = {
  id: 'noa-session',
  mentorshipId: 'noa-side',
  kind: 'regular',
  status: 'scheduled',
  scheduledAt: SESSION_AT,
  actionItems: [],
};

let d: Db;
let t: ReturnType<typeof useLocale>;
beforeEach(async () => {
  d = await freshDb();
  t = useLocale('en');
});
afterEach(() => {
  d.close();
  vi.restoreAllMocks();
});

describe('the sender’s side (Asia/Jerusalem)', () => {
  it('writes the session time with the sender’s offset, in the block and the readable part', () => {
    const pack = buildPack(
      NOA,
      NOA_SESSION,
      { topic: 'Roadmap', notes: 'שלום' },
      { topic: true, notes: true },
      NOW,
      JERUSALEM,
    );
    expect(pack.session?.scheduledAt).toBe('2026-12-03T10:00:00+02:00');
    const message = encodePack(pack);
    expect(message).toContain('Session: Thu 3 Dec 2026, 10:00 (UTC+02:00)');
    expect(message).not.toContain('08:00');
    // The same instant comes out of the block.
    expect(Date.parse(decodePack(message).session?.scheduledAt ?? '')).toBe(SESSION_AT);
  });

  it.each([
    [0, '2026-12-03T08:00:00+00:00'],
    [-300, '2026-12-03T03:00:00-05:00'],
    [330, '2026-12-03T13:30:00+05:30'],
  ])('writes offset %d as %s', (offset, iso) => {
    expect(localIso(SESSION_AT, offset)).toBe(iso);
  });

  it('reads an older pack in UTC as UTC', () => {
    expect(formatWhen('2026-12-03T08:00:00.000Z')).toBe('Thu 3 Dec 2026, 08:00 (UTC)');
  });
});

describe('the reader’s side (Europe/Berlin)', () => {
  it('shows the session at the reader’s own clock in the preview', async () => {
    const jonas = (
      await createMentorship(
        d,
        {
          otherName: 'Noa',
          myRole: 'mentor',
          cadenceDays: 7,
          sessionMinutes: 45,
          firstSessionAt: SESSION_AT,
        },
        NOW - 20 * DAY,
      )
    ).mentorship;
    const model = new PackModel({
      db: async () => d,
      now: clock(NOW).now,
      copy: async () => {},
      mentorship: signal<Mentorship | undefined>(jonas),
      session: signal<SessionRecord | undefined>(undefined),
      topic: signal(''),
      notes: signal(''),
      imported: () => {},
      timeZone: 'Europe/Berlin',
    });
    const sent = encodePack(
      buildPack(
        NOA,
        NOA_SESSION,
        { topic: 'Roadmap', notes: 'Two interviews done.' },
        { topic: true, notes: true },
        NOW,
        JERUSALEM,
      ),
    );
    model.paste(sent);
    await model.read();
    expect(model.error.value).toBeUndefined();
    const shown = model.previewSessionAt.value ?? '';
    expect(shown).toBe(formatDateTime(SESSION_AT, 'Europe/Berlin'));
    expect(shown).toContain('09:00');
    // The sender saw 10:00; each side its own local time.
    expect(sent).toContain('10:00 (UTC+02:00)');
    expect(t('sharePackSession', shown)).toBe(`Session: ${shown}`);
  });
});

describe('a mail link too long for mail clients', () => {
  it('offers Copy first once the link passes the limit (Hebrew encodes to about twice)', () => {
    const notes = 'שלום, זה סיכום ההכנה שלי לפגישה. '.repeat(20);
    const model = new PackModel({
      db: async () => d,
      now: clock(NOW).now,
      copy: async () => {},
      mentorship: signal<Mentorship | undefined>(NOA),
      session: signal<SessionRecord | undefined>(NOA_SESSION),
      topic: signal('Roadmap'),
      notes: signal(notes),
      imported: () => {},
    });
    const { url, mailTooLong } = model.mail.value;
    expect(url?.length).toBeGreaterThan(MAILTO_COMFORTABLE_CHARS);
    expect(mailTooLong).toBe(true);
    const short = new PackModel({
      db: async () => d,
      now: clock(NOW).now,
      copy: async () => {},
      mentorship: signal<Mentorship | undefined>(NOA),
      session: signal<SessionRecord | undefined>(NOA_SESSION),
      topic: signal('Roadmap'),
      notes: signal('Short.'),
      imported: () => {},
    });
    expect(short.mail.value.mailTooLong).toBeUndefined();
    expect(short.mail.value.url?.length).toBeLessThanOrEqual(MAILTO_COMFORTABLE_CHARS);
  });
});
