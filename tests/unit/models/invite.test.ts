import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionUid, toIcs } from '../../../lib/calendar/ics';
import type { Db } from '../../../lib/db';
import { bookSession } from '../../../lib/repos/sessions';
import { loadAll } from '../../../lib/repos/snapshot';
import { matchCall } from '../../../lib/session/match';
import { InviteModel, looksLikeInvite, sessionIdOfUid } from '../../../models/invite';
import { mentorshipIn } from './options/page';
import { clock, DAY, freshDb, useLocale } from './setup';

const fixture = (name: string) =>
  fs.readFileSync(path.resolve(__dirname, '../../fixtures/invites', name), 'utf8');
/** Before the Google fixture's series starts (Tuesdays 09:00 Berlin from 2 October 2029). */
const NOW = Date.UTC(2029, 8, 25, 10);

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

/** The times of the sessions booked (a new mentorship has one undated session to prepare). */
const booked = async () =>
  (await loadAll(d)).sessions.flatMap((s) => (s.scheduledAt === undefined ? [] : [s.scheduledAt]));

function invite(time = clock(NOW)) {
  return new InviteModel({ db: async () => d, now: time.now, timeZone: () => 'Europe/Berlin' });
}

describe('InviteModel', () => {
  it.each([
    ['BEGIN:VCALENDAR\r\n…', true],
    ['> BEGIN:VEVENT', true],
    ['-----BEGIN MENTOR COMPANION PACK-----', false],
  ])('tells an invite from a pack: %s', (text, expected) => {
    expect(looksLikeInvite(text)).toBe(expected);
  });

  it('previews, then books the session at its time with its link, which then matches the call', async () => {
    const m = await mentorshipIn(d, 'Ana', { at: NOW - 10 * DAY });
    const model = invite();
    await model.read(fixture('google-meet.ics'));
    expect(model.error.value).toBeUndefined();
    const at = Date.UTC(2029, 9, 2, 7); // 09:00 in Berlin, summer time
    expect(model.preview.value).toMatchObject({
      at,
      link: 'https://meet.google.com/abc-defg-hij',
      otherName: 'Ana',
      chosen: m.id,
    });
    expect(await booked()).toEqual([]);
    await model.confirm();
    expect(model.info.value).toBe(t('inviteBooked', 'Ana'));
    const all = await loadAll(d);
    expect(all.sessions.map((s) => s.scheduledAt)).toEqual([at]);
    expect(all.mentorships[0]?.meetingLink).toBe('https://meet.google.com/abc-defg-hij');
    const match = matchCall(
      { meetingKey: 'meet:abc-defg-hij', now: at },
      all.mentorships,
      all.sessions,
    );
    expect(match).toMatchObject({ mentorshipId: m.id, sessionId: all.sessions[0]?.id, by: 'link' });
  });

  it('finds the mentorship by its link, else asks which one', async () => {
    const ana = await mentorshipIn(d, 'Ana', { at: NOW - 10 * DAY });
    const bo = await mentorshipIn(d, 'Bo', { at: NOW - 9 * DAY });
    const model = invite();
    await model.read(fixture('google-meet.ics'));
    expect(model.preview.value?.chosen).toBeUndefined();
    expect(model.preview.value?.candidates.map((c) => c.otherName)).toEqual(['Ana', 'Bo']);
    await model.confirm();
    expect(await booked()).toEqual([]);

    await d.put('mentorships', { ...bo, meetingLink: 'meet.google.com/abc-defg-hij' });
    await model.read(fixture('google-meet.ics'));
    expect(model.preview.value).toMatchObject({ chosen: bo.id, byLink: true });
    expect(ana.id).not.toBe(bo.id);
  });

  it.each([
    [
      'no time',
      'BEGIN:VEVENT\r\nUID:x\r\nSUMMARY:x\r\nLOCATION:https://meet.google.com/abc-defg-hij\r\nEND:VEVENT',
      'error_invite_no_time',
    ],
    [
      'not a calendar',
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR',
      'error_invite_not_calendar',
    ],
    [
      'no link',
      'BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20291010T090000Z\r\nDTEND:20291010T100000Z\r\nSUMMARY:x\r\nEND:VEVENT',
      'error_invite_no_link',
    ],
    [
      'past',
      'BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20200101T090000Z\r\nSUMMARY:x\r\nLOCATION:https://meet.google.com/abc-defg-hij\r\nEND:VEVENT',
      'error_invite_past',
    ],
  ])('a bad invite (%s): its sentence, nothing booked', async (_what, text, key) => {
    await mentorshipIn(d, 'Ana', { at: NOW - 10 * DAY });
    const model = invite();
    await model.read(text);
    expect(model.error.value).toBe(t(key));
    expect(model.preview.value).toBeUndefined();
    await model.confirm();
    expect(await booked()).toEqual([]);
  });

  const fileOf = (bytes: Uint8Array, size = bytes.length) => ({
    size,
    arrayBuffer: async () => bytes.slice().buffer,
  });

  it.each([
    ['an empty file', new Uint8Array(0), 'error_invite_file_empty'],
    [
      'a picture',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]),
      'error_invite_file_not_calendar',
    ],
    [
      'a text file that is no invite',
      new TextEncoder().encode('Agenda: roadmap\n'),
      'error_invite_file_not_calendar',
    ],
    ['a file too large to be an invite', new Uint8Array(8), 'error_invite_too_large', 5_000_000],
  ])(
    'a dropped file (%s): its sentence, nothing booked',
    async (_what, bytes, key, size?: number) => {
      await mentorshipIn(d, 'Ana', { at: NOW - 10 * DAY });
      const model = invite();
      await model.readFile(fileOf(bytes, size));
      expect(model.error.value).toBe(t(key));
      expect(model.error.value).not.toBe(key);
      expect(model.preview.value).toBeUndefined();
      expect(model.busy.value).toBe(false);
      await model.confirm();
      expect(await booked()).toEqual([]);
    },
  );

  it('says a file that could not be read could not be read, nothing booked', async () => {
    await mentorshipIn(d, 'Ana', { at: NOW - 10 * DAY });
    const model = invite();
    await model.readFile({ size: 1, arrayBuffer: () => Promise.reject(new Error('gone')) });
    expect(model.error.value).toBe(t('error_invite_file_unreadable'));
    expect(await booked()).toEqual([]);
  });

  it('reads a dropped UTF-16 file (as Outlook saves it) into the preview', async () => {
    const m = await mentorshipIn(d, 'Ana', { at: NOW - 10 * DAY });
    const text = fixture('google-meet.ics');
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const model = invite();
    await model.readFile(fileOf(bytes));
    expect(model.error.value).toBeUndefined();
    expect(model.preview.value).toMatchObject({ at: Date.UTC(2029, 9, 2, 7), chosen: m.id });
  });

  describe("the booking's own meeting link", () => {
    /** The Google fixture's first session: Tuesday 2 October 2029, 09:00 in Berlin. */
    const AT = Date.UTC(2029, 9, 2, 7);
    const KEY = 'meet:abc-defg-hij';
    const OTHER = 'https://meet.google.com/kid-xyzw-abc';

    /** Ana's mentorship, which uses another Meet link than the invite's. */
    async function anaWithLink() {
      const m = await mentorshipIn(d, 'Ana', { at: NOW - 10 * DAY });
      await d.put('mentorships', { ...m, meetingLink: OTHER });
      return m;
    }
    const sessionAt = async (at: number) =>
      (await loadAll(d)).sessions.find((s) => s.scheduledAt === at);
    const match = async (now: number) => {
      const all = await loadAll(d);
      return matchCall({ meetingKey: KEY, now }, all.mentorships, all.sessions);
    };

    it("a new booking carries the invite's link, so its call is matched to it", async () => {
      const m = await anaWithLink();
      const model = invite();
      await model.read(fixture('google-meet.ics'));
      expect(model.preview.value).toMatchObject({ chosen: m.id, bookings: [] });
      expect(model.preview.value?.usesFor).toBeUndefined();
      await model.confirm();
      const s = await sessionAt(AT);
      expect(s).toMatchObject({
        meetingKey: KEY,
        meetingLink: 'https://meet.google.com/abc-defg-hij',
      });
      // The mentorship's own link is never replaced unasked.
      expect((await loadAll(d)).mentorships[0]?.meetingLink).toBe(OTHER);
      // Days before it, too far for the schedule's hour: matched by the session's own link.
      expect(await match(AT - 3 * DAY)).toEqual({
        mentorshipId: m.id,
        sessionId: s?.id,
        by: 'link',
      });
    });

    it('an invite for the booking there is at its time gives that session its link, booking nothing', async () => {
      const m = await anaWithLink();
      const booked = await bookSession(d, m.id, AT, NOW);
      const later = await bookSession(d, m.id, AT + 7 * DAY, NOW);
      const model = invite();
      await model.read(fixture('google-meet.ics'));
      expect(model.preview.value).toMatchObject({
        at: AT,
        usesFor: AT,
        bookings: [
          { id: booked.id, at: AT },
          { id: later.id, at: AT + 7 * DAY },
        ],
      });
      expect(model.preview.value?.movesFrom).toBeUndefined();
      await model.confirm();
      expect(model.info.value).toBe(t('inviteLinkUsed', 'Ana'));
      const all = await loadAll(d);
      expect(all.sessions.filter((s) => s.mentorshipId === m.id)).toHaveLength(2);
      expect(all.sessions.find((s) => s.id === booked.id)).toMatchObject({
        scheduledAt: AT,
        meetingKey: KEY,
      });
      expect(all.sessions.find((s) => s.id === later.id)?.meetingKey).toBeUndefined();
      expect(await match(AT - 3 * DAY)).toMatchObject({ sessionId: booked.id, by: 'link' });
    });

    it("the user says which booking it is for: it moves to the invite's time with its link", async () => {
      const m = await anaWithLink();
      const monday = await bookSession(d, m.id, AT - DAY, NOW);
      const model = invite();
      await model.read(fixture('google-meet.ics'));
      // Nothing booked at its time: a new session, unless the user picks Monday's.
      expect(model.preview.value).toMatchObject({ bookings: [{ id: monday.id, at: AT - DAY }] });
      expect(model.preview.value?.movesFrom).toBeUndefined();
      model.pickSession(monday.id);
      expect(model.preview.value).toMatchObject({ picked: monday.id, movesFrom: AT - DAY });
      model.pickSession(undefined);
      expect(model.preview.value?.movesFrom).toBeUndefined();
      model.pickSession('not-a-booking');
      expect(model.preview.value?.movesFrom).toBeUndefined();
      model.pickSession(monday.id);
      await model.confirm();
      expect(model.error.value).toBeUndefined();
      const all = await loadAll(d);
      expect(all.sessions.filter((s) => s.mentorshipId === m.id)).toHaveLength(1);
      expect(all.sessions.find((s) => s.id === monday.id)).toMatchObject({
        scheduledAt: AT,
        meetingKey: KEY,
      });
    });

    it('a booking picked in another week is refused with its sentence, keeping everything', async () => {
      const m = await anaWithLink();
      const far = await bookSession(d, m.id, AT + 14 * DAY, NOW);
      const model = invite();
      await model.read(fixture('google-meet.ics'));
      model.pickSession(far.id);
      await model.confirm();
      expect(model.error.value).toMatch(/^Move the session within its own week/);
      expect(await d.get('sessions', far.id)).toEqual(far);
      expect(await booked()).toEqual([AT + 14 * DAY]);
    });

    it("a reschedule of our own event with a changed link replaces the session's old key", async () => {
      const m = await anaWithLink();
      const s = await bookSession(d, m.id, AT, NOW, {
        meetingLink: 'https://meet.google.com/abc-defg-hij',
      });
      const moved = AT + 2 * 3_600_000;
      const update = toIcs([], { now: NOW, timeZone: 'UTC' }).replace(
        'END:VCALENDAR',
        [
          'BEGIN:VEVENT',
          `UID:${sessionUid(s.id)}`,
          'SEQUENCE:2',
          'DTSTART:20291002T090000Z',
          'DTEND:20291002T094500Z',
          'SUMMARY:Mentoring',
          'LOCATION:https://acme.zoom.us/j/85912345678?pwd=x',
          'END:VEVENT',
          'END:VCALENDAR',
        ].join('\r\n'),
      );
      const model = invite();
      await model.read(update);
      expect(model.preview.value).toMatchObject({ at: moved, movesFrom: AT, bookings: [] });
      await model.confirm();
      expect(model.error.value).toBeUndefined();
      expect(await d.get('sessions', s.id)).toMatchObject({
        scheduledAt: moved,
        meetingKey: 'zoom:85912345678',
        meetingLink: 'https://acme.zoom.us/j/85912345678?pwd=x',
      });
      const all = await loadAll(d);
      expect(
        matchCall({ meetingKey: 'zoom:85912345678', now: moved }, all.mentorships, all.sessions),
      ).toMatchObject({ sessionId: s.id, by: 'link' });
      // The old link names that session no more.
      expect(await match(moved)).toMatchObject({ by: 'schedule' });
    });
  });

  it('offers to cancel the booking a cancellation is about, and cancels it only when asked', async () => {
    const m = await mentorshipIn(d, 'Ana', { at: NOW - 10 * DAY });
    const at = NOW + 2 * DAY;
    const s = await bookSession(d, m.id, at, NOW);
    const cancel = toIcs([], { now: NOW, timeZone: 'UTC' })
      .replace('METHOD:PUBLISH', 'METHOD:CANCEL')
      .replace(
        'END:VCALENDAR',
        `BEGIN:VEVENT\r\nUID:${sessionUid(s.id)}\r\nSEQUENCE:1\r\nDTSTART:20290927T100000Z\r\nSTATUS:CANCELLED\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR`,
      );
    expect(sessionIdOfUid(sessionUid(s.id))).toBe(s.id);
    const model = invite();
    await model.read(cancel);
    expect(model.cancel.value).toEqual({ sessionId: s.id, at, otherName: 'Ana' });
    expect(await booked()).toEqual([at]);
    await model.confirm();
    expect(model.info.value).toBe(t('inviteCancelDone', 'Ana'));
    expect(await booked()).toEqual([]);
  });

  it('says a cancellation matches no booking with its sentence', async () => {
    await mentorshipIn(d, 'Ana', { at: NOW - 10 * DAY });
    const model = invite();
    await model.read(fixture('google-cancel.ics'));
    expect(model.error.value).toBe(t('error_invite_cancelled'));
  });
});
