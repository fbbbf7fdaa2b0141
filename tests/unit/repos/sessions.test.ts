import { describe, expect, it } from 'vitest';
import type { Mentorship, SessionRecord } from '../../../lib/records';
import { createMentorship } from '../../../lib/repos/mentorships';
import {
  bookSession,
  dismissReflection,
  editActionItems,
  ensurePrepSession,
  getSession,
  nextSession,
  rescheduleSession,
  setLastSession,
  setSessionMeetingLink,
  setTopic,
  settleTopic,
} from '../../../lib/repos/sessions';
import { TOPIC_PAUSE_MS } from '../../../lib/rules/topic';
import { input } from '../rules/agreement-cases';
import { expectUserError, rejectionOf } from '../sentences';
import { everything, useDb, watchAnnouncements } from './db';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** 2026-11-03 10:00 UTC. */
const NOW = Date.UTC(2026, 10, 3, 10, 0);
// Wednesday 11 March 2026, 10:00 UTC: the schedule's weeks.
const WED = Date.UTC(2026, 2, 11, 10, 0);

const db = useDb();
const notices = watchAnnouncements();

async function seed(firstSessionAt?: number, at = WED - 30 * DAY): Promise<Mentorship> {
  const { mentorship } = await createMentorship(
    db.get(),
    { otherName: 'Ana', myRole: 'mentee', cadenceDays: 7, sessionMinutes: 45, firstSessionAt },
    at,
  );
  return mentorship;
}

async function sessionsOf(mentorshipId: string): Promise<SessionRecord[]> {
  return db.get().getAllFromIndex('sessions', 'byMentorship', mentorshipId);
}

describe('the session to prepare', () => {
  it('is the next scheduled one, dated ones first', async () => {
    const d = db.get();
    const m = await seed();
    const [undated] = await sessionsOf(m.id);
    const dated = await d.put('sessions', {
      id: 'dated',
      mentorshipId: m.id,
      kind: 'regular',
      status: 'scheduled',
      scheduledAt: NOW + 20 * DAY,
      actionItems: [],
    });
    expect((await nextSession(d, m.id))?.id).toBe(dated);
    expect((await nextSession(d))?.id).toBe(dated);
    expect(undated).toBeDefined();
  });

  it('ensurePrepSession returns the next one, writing nothing', async () => {
    const d = db.get();
    const m = await seed(NOW + DAY);
    const [first] = await sessionsOf(m.id);
    notices.reset();
    expect(await ensurePrepSession(d, m.id)).toEqual(first);
    expect(await sessionsOf(m.id)).toHaveLength(1);
    expect(notices.count()).toBe(0);
  });

  it('ensurePrepSession starts an undated session when none is booked, announcing it', async () => {
    const d = db.get();
    const m = await seed(NOW - DAY);
    const [held] = await sessionsOf(m.id);
    if (!held) throw new Error('setup');
    await d.put('sessions', { ...held, status: 'reflected', startedAt: NOW - DAY });
    notices.reset();
    const fresh = await ensurePrepSession(d, m.id);
    expect(fresh).toEqual({
      id: expect.any(String),
      mentorshipId: m.id,
      kind: 'regular',
      status: 'scheduled',
      actionItems: [],
    });
    expect(notices.count()).toBe(1);
    expect(await getSession(d, fresh.id)).toEqual(fresh);
    // Asked again, it is the same one.
    expect(await ensurePrepSession(d, m.id)).toEqual(fresh);
    // A booking dates it, so what was prepared stays with it.
    expect((await bookSession(d, m.id, NOW + DAY, NOW)).id).toBe(fresh.id);
  });

  it('ensurePrepSession refuses a mentorship that is gone', async () => {
    const d = db.get();
    expectUserError(await rejectionOf(ensurePrepSession(d, 'gone')), 'mentorship-gone');
    expect(await d.count('sessions')).toBe(0);
  });
});

describe('setTopic', () => {
  it('keeps every earlier text, oldest first', async () => {
    const d = db.get();
    const { session } = await createMentorship(d, input(), NOW);
    const a = await setTopic(d, session.id, ' Roadmap ', 'mentor', NOW);
    expect(a.topic).toEqual({ text: 'Roadmap', by: 'mentor', at: NOW, history: [] });
    await setTopic(d, session.id, 'Roadmap review', 'mentee', NOW + MIN);
    const c = await setTopic(d, session.id, 'Roadmap review prep', 'mentor', NOW + 2 * MIN);
    expect(c.topic).toEqual({
      text: 'Roadmap review prep',
      by: 'mentor',
      at: NOW + 2 * MIN,
      history: [
        { text: 'Roadmap', by: 'mentor', at: NOW },
        { text: 'Roadmap review', by: 'mentee', at: NOW + MIN },
      ],
    });
    expect((await d.get('sessions', session.id))?.topic).toEqual(c.topic);
  });

  it('changes nothing for the same text (spaces aside)', async () => {
    const d = db.get();
    const { session } = await createMentorship(d, input(), NOW);
    const a = await setTopic(d, session.id, 'Roadmap', 'mentor', NOW);
    notices.reset();
    const again = await setTopic(d, session.id, '  Roadmap\n', 'mentee', NOW + MIN);
    expect(again).toEqual(a);
    expect(notices.count()).toBe(0);
    expect((await d.get('sessions', session.id))?.topic).toEqual({
      text: 'Roadmap',
      by: 'mentor',
      at: NOW,
      history: [],
    });
  });

  it('keeps one version for a text typed key by key, and another once it settled', async () => {
    const d = db.get();
    const { session } = await createMentorship(d, input(), NOW);
    const text = 'Career planning';
    for (let i = 1; i <= text.length; i++) {
      await setTopic(d, session.id, text.slice(0, i), 'mentee', NOW + i * 150);
    }
    expect((await getSession(d, session.id))?.topic).toMatchObject({ text, history: [] });
    // The field is left: the text is kept as a version, once.
    await settleTopic(d, session.id);
    notices.reset();
    await settleTopic(d, session.id);
    expect(notices.count()).toBe(0);
    const later = NOW + 10 * MIN;
    await setTopic(d, session.id, `${text} for 2027`, 'mentee', later);
    await setTopic(d, session.id, `${text} for 2027!`, 'mentee', later + 150);
    // A pause, then more.
    const after = await setTopic(d, session.id, 'Career', 'mentee', later + 150 + TOPIC_PAUSE_MS);
    expect(after.topic?.history.map((v) => v.text)).toEqual([text, `${text} for 2027!`]);
    expect(after.topic?.text).toBe('Career');
  });

  it('refuses a session that no longer exists, and a text over 2,000 characters', async () => {
    const d = db.get();
    expectUserError(
      await rejectionOf(setTopic(d, 'gone', 'x', 'mentor', NOW)),
      'session-gone',
      'That session no longer exists.',
    );
    expectUserError(await rejectionOf(settleTopic(d, 'gone')), 'session-gone');
    const { session } = await createMentorship(d, input(), NOW);
    expectUserError(
      await rejectionOf(setTopic(d, session.id, 'x'.repeat(2001), 'mentor', NOW)),
      'text-too-long',
      'That text is too long; 2,000 characters at most.',
    );
    expect((await getSession(d, session.id))?.topic).toBeUndefined();
  });

  it('settles nothing on a session without a topic', async () => {
    const d = db.get();
    const { session } = await createMentorship(d, input(), NOW);
    notices.reset();
    expect(await settleTopic(d, session.id)).toEqual(session);
    expect(notices.count()).toBe(0);
  });
});

describe('editActionItems', () => {
  it('adds, ticks off and ticks back on', async () => {
    const d = db.get();
    const { session } = await createMentorship(d, input(), NOW);
    const added = await editActionItems(d, session.id, { add: '  Read chapter 3 ' }, NOW);
    const [item] = added.actionItems;
    expect(item).toEqual({ id: expect.any(String), text: 'Read chapter 3', createdAt: NOW });
    if (!item) throw new Error('no item');
    const done = await editActionItems(d, session.id, { toggle: item.id }, NOW + MIN);
    expect(done.actionItems).toEqual([{ ...item, doneAt: NOW + MIN }]);
    const undone = await editActionItems(d, session.id, { toggle: item.id }, NOW + 2 * MIN);
    expect(undone.actionItems).toEqual([item]);
    expect(Object.keys(undone.actionItems[0] ?? {})).not.toContain('doneAt');
    expect((await d.get('sessions', session.id))?.actionItems).toEqual([item]);
  });

  it('refuses an empty item and a missing session, writing nothing', async () => {
    const d = db.get();
    const { session } = await createMentorship(d, input(), NOW);
    expectUserError(
      await rejectionOf(editActionItems(d, session.id, { add: '   ' }, NOW)),
      'action-item-empty',
      'Write the action item first.',
    );
    expectUserError(
      await rejectionOf(editActionItems(d, 'gone', { add: 'x' }, NOW)),
      'session-gone',
      'That session no longer exists.',
    );
    expectUserError(
      await rejectionOf(editActionItems(d, session.id, { add: 'x'.repeat(2001) }, NOW)),
      'text-too-long',
    );
    expect((await d.get('sessions', session.id))?.actionItems).toEqual([]);
  });
});

describe('the schedule', () => {
  it('dates the undated first session when booking, then books regular ones', async () => {
    const m = await seed();
    const first = await bookSession(db.get(), m.id, WED + 2 * DAY, WED);
    expect(first.kind).toBe('first');
    expect(await sessionsOf(m.id)).toHaveLength(1);
    const second = await bookSession(db.get(), m.id, WED + 9 * DAY, WED);
    expect(second.kind).toBe('regular');
    expect(await sessionsOf(m.id)).toHaveLength(2);
  });

  it('keeps the booking there is at the same time, announcing nothing', async () => {
    const m = await seed();
    const first = await bookSession(db.get(), m.id, WED + 2 * DAY, WED);
    notices.reset();
    expect(await bookSession(db.get(), m.id, WED + 2 * DAY, WED)).toEqual(first);
    expect(notices.count()).toBe(0);
  });

  const ZOOM = 'https://acme.zoom.us/j/85912345678?pwd=x';
  const MEET = 'https://meet.google.com/abc-defg-hij';

  it("gives a booking an invite's link and its meeting key: a new one, the undated one, or the one there is", async () => {
    const m = await seed();
    const d = db.get();
    const first = await bookSession(d, m.id, WED + 2 * DAY, WED, { meetingLink: ` ${ZOOM} ` });
    expect(first).toMatchObject({
      kind: 'first',
      scheduledAt: WED + 2 * DAY,
      meetingLink: ZOOM,
      meetingKey: 'zoom:85912345678',
    });
    expect(await sessionsOf(m.id)).toHaveLength(1);
    const second = await bookSession(d, m.id, WED + 9 * DAY, WED);
    expect(second.meetingKey).toBeUndefined();
    expect(second.meetingLink).toBeUndefined();
    // The invite for the booking there is at that time: the same session, now with the link.
    notices.reset();
    const same = await bookSession(d, m.id, WED + 9 * DAY, WED, { meetingLink: MEET });
    expect(same).toEqual({ ...second, meetingLink: MEET, meetingKey: 'meet:abc-defg-hij' });
    expect(notices.count()).toBe(1);
    expect(await sessionsOf(m.id)).toHaveLength(2);
    // The same link again changes nothing.
    notices.reset();
    await bookSession(d, m.id, WED + 9 * DAY, WED, { meetingLink: MEET });
    expect(notices.count()).toBe(0);
    expectUserError(
      await rejectionOf(
        bookSession(d, m.id, WED + 16 * DAY, WED, { meetingLink: `${MEET}?${'x'.repeat(2001)}` }),
      ),
      'text-too-long',
    );
    expect(await sessionsOf(m.id)).toHaveLength(2);
  });

  it("replaces a booking's link and key, drops a key its new link does not name, refuses a held one", async () => {
    const m = await seed();
    const d = db.get();
    const s = await bookSession(d, m.id, WED + 2 * DAY, WED, { meetingLink: MEET });
    expect(await setSessionMeetingLink(d, s.id, ZOOM)).toMatchObject({
      meetingLink: ZOOM,
      meetingKey: 'zoom:85912345678',
    });
    notices.reset();
    await setSessionMeetingLink(d, s.id, ZOOM);
    expect(notices.count()).toBe(0);
    // A link that names no meeting we know: kept for the reminder, the old key gone with its link.
    const other = await setSessionMeetingLink(d, s.id, 'https://example.webex.com/meet/ana');
    expect(other.meetingLink).toBe('https://example.webex.com/meet/ana');
    expect(other).not.toHaveProperty('meetingKey');
    await d.put('sessions', {
      ...(await getSession(d, s.id)),
      status: 'ended',
      startedAt: WED,
    } as SessionRecord);
    expectUserError(await rejectionOf(setSessionMeetingLink(d, s.id, MEET)), 'not-booked');
    expectUserError(await rejectionOf(setSessionMeetingLink(d, 'gone', MEET)), 'session-gone');
    expect((await getSession(d, s.id))?.meetingLink).toBe('https://example.webex.com/meet/ana');
  });

  const PAST = 'Choose a time that is still to come.';
  const INVALID = 'Choose a date and time for the session.';
  it.each([
    [WED - 1, 'time-past', PAST],
    [WED, 'time-past', PAST],
    [Number.NaN, 'time-invalid', INVALID],
    [9e15, 'time-invalid', INVALID],
  ] as const)('refuses to book at %s', async (at, code, sentence) => {
    const m = await seed();
    expectUserError(await rejectionOf(bookSession(db.get(), m.id, at, WED)), code, sentence);
    expect((await sessionsOf(m.id))[0]?.scheduledAt).toBeUndefined();
  });

  it('refuses to book for a mentorship that is gone', async () => {
    expectUserError(
      await rejectionOf(bookSession(db.get(), 'nope', WED + DAY, WED)),
      'mentorship-gone',
      'That mentorship no longer exists.',
    );
  });

  const OTHER_WEEK =
    'Move the session within its own week (Monday to Sunday): reschedule within the week rather than skip one.';
  // The booking is on Friday 13 March 2026 10:00 UTC; its ISO week runs Mon 9 to Sun 15 March.
  const FRIDAY = Date.UTC(2026, 2, 13, 10, 0);
  it.each([
    ['to Thursday the same week', Date.UTC(2026, 2, 12, 15, 0), 0, null, null],
    ['to Sunday evening the same week', Date.UTC(2026, 2, 15, 20, 0), 0, null, null],
    ['to Monday the week after', Date.UTC(2026, 2, 16, 9, 0), 0, 'other-week', OTHER_WEEK],
    ['to the past', WED - HOUR, 0, 'time-past', PAST],
    // 23:30 UTC Sunday is already Monday in Berlin (+60): the next week there.
    ['across the week in local time', Date.UTC(2026, 2, 15, 23, 30), 60, 'other-week', OTHER_WEEK],
    ['within the week in local time', Date.UTC(2026, 2, 15, 23, 30), -300, null, null],
    ['to no time at all', Number.NaN, 0, 'time-invalid', INVALID],
  ] as const)('reschedules %s', async (_name, at, tz, code, sentence) => {
    const d = db.get();
    const m = await seed(FRIDAY);
    const [s] = await sessionsOf(m.id);
    if (!s) throw new Error('setup');
    if (code) {
      expectUserError(await rejectionOf(rescheduleSession(d, s.id, at, WED, tz)), code, sentence);
      expect((await d.get('sessions', s.id))?.scheduledAt).toBe(FRIDAY);
    } else {
      expect((await rescheduleSession(d, s.id, at, WED, tz)).scheduledAt).toBe(at);
    }
  });

  it('lets a booking whose week is over move to any time to come', async () => {
    const m = await seed(WED - 10 * DAY);
    const [s] = await sessionsOf(m.id);
    if (!s) throw new Error('setup');
    expect((await rescheduleSession(db.get(), s.id, WED + 12 * DAY, WED)).scheduledAt).toBe(
      WED + 12 * DAY,
    );
    expectUserError(
      await rejectionOf(rescheduleSession(db.get(), s.id, WED - DAY, WED + 20 * DAY)),
      'time-past',
    );
  });

  it('refuses to move a session that was held, or is gone', async () => {
    const d = db.get();
    const m = await seed(WED + DAY);
    const [s] = await sessionsOf(m.id);
    if (!s) throw new Error('setup');
    await d.put('sessions', { ...s, status: 'ended', startedAt: WED - HOUR, endedAt: WED });
    expectUserError(
      await rejectionOf(rescheduleSession(d, s.id, WED + 2 * DAY, WED)),
      'not-booked',
      'Only a session still to come can be moved or marked.',
    );
    expectUserError(
      await rejectionOf(rescheduleSession(d, 'gone', WED + 2 * DAY, WED)),
      'session-gone',
    );
  });

  it('marks one booking as the last session, and takes the mark off', async () => {
    const d = db.get();
    const m = await seed(WED + DAY);
    const a = (await sessionsOf(m.id))[0];
    const b = await bookSession(d, m.id, WED + 8 * DAY, WED);
    if (!a) throw new Error('setup');
    expect((await setLastSession(d, b.id, true)).kind).toBe('last');
    expect((await setLastSession(d, a.id, true)).kind).toBe('last');
    expect((await d.get('sessions', b.id))?.kind).toBe('regular');
    // Nothing held yet, and no other first: taking the mark off makes it the first again.
    expect((await setLastSession(d, a.id, false)).kind).toBe('first');
  });

  it('refuses to mark a session that was held or is gone, writing nothing', async () => {
    const d = db.get();
    const m = await seed(WED + DAY);
    const [s] = await sessionsOf(m.id);
    if (!s) throw new Error('setup');
    await d.put('sessions', { ...s, status: 'ended', startedAt: WED, endedAt: WED + HOUR });
    const before = await everything(d);
    expectUserError(await rejectionOf(setLastSession(d, s.id, true)), 'not-booked');
    expectUserError(await rejectionOf(setLastSession(d, 'gone', true)), 'session-gone');
    expect(await everything(d)).toEqual(before);
  });
});

describe('dismissing a reflection', () => {
  it('sets and clears the mark', async () => {
    const d = db.get();
    const m = await seed(WED - DAY);
    const [s] = await sessionsOf(m.id);
    if (!s) throw new Error('setup');
    await d.put('sessions', {
      ...s,
      status: 'ended',
      startedAt: WED - DAY,
      endedAt: WED - DAY + HOUR,
    });
    expect((await dismissReflection(d, s.id, true)).reflectionDismissed).toBe(true);
    expect(await dismissReflection(d, s.id, false)).not.toHaveProperty('reflectionDismissed');
    expectUserError(await rejectionOf(dismissReflection(d, 'gone', true)), 'session-gone');
  });
});
