import { describe, expect, it } from 'vitest';
import {
  assignSession,
  endLiveSession,
  loadLiveView,
  startLiveSession,
} from '../../../lib/repos/live';
import { createMentorship } from '../../../lib/repos/mentorships';
import { getPreNote, notesOf, savePreNote } from '../../../lib/repos/notes';
import { editActionItems, nextSession, setTopic } from '../../../lib/repos/sessions';
import { input } from '../rules/agreement-cases';
import { expectUserError, rejectionOf } from '../sentences';
import { useDb, watchAnnouncements } from './db';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
/** 2026-11-03 10:00 UTC. */
const NOW = Date.UTC(2026, 10, 3, 10, 0);

const db = useDb();
const notices = watchAnnouncements();

describe('startLiveSession', () => {
  it('matches by link and turns the prepared session live, keeping its topic and notes', async () => {
    const d = db.get();
    const { mentorship, session } = await createMentorship(
      d,
      input({ meetingLink: 'https://meet.google.com/abc-defg-hij', firstSessionAt: NOW + 3 * DAY }),
      NOW - DAY,
    );
    await setTopic(d, session.id, 'Goals', 'mentee', NOW - DAY);
    await savePreNote(d, session, 'mentee', 'I want to get better at discovery.', NOW - DAY);
    notices.reset();
    const live = await startLiveSession(
      d,
      { platform: 'meet', meetingKey: 'meet:abc-defg-hij' },
      NOW,
    );
    expect(notices.count()).toBe(1);
    expect(live).toEqual({
      ...session,
      topic: { text: 'Goals', by: 'mentee', at: NOW - DAY, history: [] },
      status: 'live',
      platform: 'meet',
      meetingKey: 'meet:abc-defg-hij',
      startedAt: NOW,
    });
    expect(live.mentorshipId).toBe(mentorship.id);
    expect(await d.count('sessions')).toBe(1);
    expect((await notesOf(d, live.id)).map((n) => n.text)).toEqual([
      'I want to get better at discovery.',
    ]);
    expect(await nextSession(d, mentorship.id)).toBeUndefined();
  });

  it('matches by a session scheduled within the hour', async () => {
    const d = db.get();
    const { session } = await createMentorship(
      d,
      input({ firstSessionAt: NOW + 20 * MIN }),
      NOW - DAY,
    );
    const live = await startLiveSession(
      d,
      { platform: 'zoom', meetingKey: 'zoom:85912345678' },
      NOW,
    );
    expect(live.id).toBe(session.id);
    expect(live.status).toBe('live');
  });

  it('creates an unassigned live record when nothing matches', async () => {
    const d = db.get();
    const { session } = await createMentorship(
      d,
      input({ firstSessionAt: NOW + 2 * DAY }),
      NOW - DAY,
    );
    const live = await startLiveSession(
      d,
      { platform: 'teams', meetingKey: 'teams:21234567890123' },
      NOW,
    );
    expect(live).toEqual({
      id: live.id,
      mentorshipId: null,
      kind: 'regular',
      status: 'live',
      platform: 'teams',
      meetingKey: 'teams:21234567890123',
      startedAt: NOW,
      actionItems: [],
    });
    expect(live.id).not.toBe(session.id);
    expect(await d.get('sessions', session.id)).toEqual(session);
    expect(await d.count('sessions')).toBe(2);
  });

  it('starts a new record of a linked mentorship when its next session is weeks off', async () => {
    const d = db.get();
    const { mentorship, session } = await createMentorship(
      d,
      input({
        meetingLink: 'https://meet.google.com/abc-defg-hij',
        firstSessionAt: NOW + 20 * DAY,
      }),
      NOW - DAY,
    );
    const live = await startLiveSession(
      d,
      { platform: 'meet', meetingKey: 'meet:abc-defg-hij' },
      NOW,
    );
    expect(live).toMatchObject({ mentorshipId: mentorship.id, kind: 'first', status: 'live' });
    expect(live.id).not.toBe(session.id);
    expect((await d.get('sessions', session.id))?.status).toBe('scheduled');
  });

  it('keeps no meeting key longer than a key may be, so the session can be exported', async () => {
    const d = db.get();
    const long = await startLiveSession(
      d,
      { platform: 'meet', meetingKey: `meet:${'x'.repeat(2000)}` },
      NOW,
    );
    expect(long.status).toBe('live');
    expect(long).not.toHaveProperty('meetingKey', expect.anything());
    expect((await d.get('sessions', long.id))?.meetingKey).toBeUndefined();
    const fits = await startLiveSession(d, { platform: 'meet', meetingKey: 'x'.repeat(2000) }, NOW);
    expect(fits.meetingKey).toHaveLength(2000);
  });
});

describe('endLiveSession', () => {
  it('ends a live session with its end time and the extra figures', async () => {
    const d = db.get();
    const live = await startLiveSession(d, { platform: 'meet' }, NOW);
    const focus = { awayMs: 90_000, count: 2, longestMs: 60_000, presentShare: 0.96 };
    const ended = await endLiveSession(d, live.id, NOW + 45 * MIN, { focus });
    expect(ended).toEqual({ ...live, status: 'ended', endedAt: NOW + 45 * MIN, focus });
    expect(await d.get('sessions', live.id)).toEqual(ended);
  });

  it('changes nothing for a session that is not live, or gone, and announces nothing', async () => {
    const d = db.get();
    const live = await startLiveSession(d, { platform: 'meet' }, NOW);
    const ended = await endLiveSession(d, live.id, NOW + 45 * MIN);
    notices.reset();
    expect(await endLiveSession(d, live.id, NOW + 50 * MIN)).toEqual(ended);
    expect((await d.get('sessions', live.id))?.endedAt).toBe(NOW + 45 * MIN);
    expect(await endLiveSession(d, 'gone', NOW)).toBeUndefined();
    expect(notices.count()).toBe(0);
  });
});

describe('assignSession', () => {
  async function prepared() {
    const d = db.get();
    const made = await createMentorship(d, input({ firstSessionAt: NOW + 2 * DAY }), NOW - DAY);
    const pending = await setTopic(d, made.session.id, 'Goals', 'mentee', NOW - DAY);
    await d.put('sessions', {
      ...pending,
      actionItems: [{ id: 'a-1', text: 'Bring the goals list', createdAt: NOW - DAY }],
    });
    const live = await startLiveSession(
      d,
      { platform: 'meet', meetingKey: 'meet:xyz-abcd-efg' },
      NOW,
    );
    expect(live.mentorshipId).toBeNull();
    return { ...made, live };
  }

  it("folds the live record into the mentorship's pending session, moving notes and items", async () => {
    const d = db.get();
    const { mentorship, session, live } = await prepared();
    await savePreNote(d, live, 'mentor', 'Noted during the call', NOW + MIN);
    const withItem = await editActionItems(d, live.id, { add: 'Send the article' }, NOW + 2 * MIN);
    const next = await assignSession(d, live.id, mentorship.id, NOW + 3 * MIN);
    expect(next).toMatchObject({
      id: session.id,
      mentorshipId: mentorship.id,
      kind: 'first',
      status: 'live',
      scheduledAt: NOW + 2 * DAY,
      platform: 'meet',
      meetingKey: 'meet:xyz-abcd-efg',
      startedAt: NOW,
      topic: { text: 'Goals', by: 'mentee', at: NOW - DAY, history: [] },
    });
    expect(next.actionItems.map((a) => a.text)).toEqual([
      'Bring the goals list',
      ...withItem.actionItems.map((a) => a.text),
    ]);
    expect(await d.get('sessions', live.id)).toBeUndefined();
    expect(await d.get('sessions', session.id)).toEqual(next);
    expect(await notesOf(d, live.id)).toEqual([]);
    expect(await getPreNote(d, session.id, 'mentor')).toEqual({
      id: `${session.id}:pre:mentor`,
      sessionId: session.id,
      mentorshipId: mentorship.id,
      kind: 'pre-session',
      author: 'mentor',
      text: 'Noted during the call',
      updatedAt: NOW + MIN,
    });
  });

  it('keeps both the prepared note and the one typed during the call', async () => {
    const d = db.get();
    const { mentorship, session, live } = await prepared();
    await savePreNote(d, session, 'mentee', 'Prepared', NOW - DAY);
    await savePreNote(d, live, 'mentee', 'During the call', NOW + MIN);
    await assignSession(d, live.id, mentorship.id, NOW + 2 * MIN);
    expect((await getPreNote(d, session.id, 'mentee'))?.text).toBe('Prepared\n\nDuring the call');
  });

  it('gives the record to the mentorship when its next session is more than a week off', async () => {
    const d = db.get();
    const { mentorship } = await createMentorship(
      d,
      input({ firstSessionAt: NOW + 10 * DAY }),
      NOW - DAY,
    );
    const live = await startLiveSession(d, { platform: 'zoom' }, NOW);
    const next = await assignSession(d, live.id, mentorship.id, NOW);
    expect(next).toEqual({ ...live, mentorshipId: mentorship.id, adHoc: false, kind: 'first' });
    expect(await d.count('sessions')).toBe(2);
  });

  it('marks an ad hoc call', async () => {
    const d = db.get();
    const { live } = await prepared();
    const next = await assignSession(d, live.id, null, NOW);
    expect(next).toEqual({ ...live, mentorshipId: null, adHoc: true });
    expect(await d.get('sessions', live.id)).toEqual(next);
  });

  it('refuses a mentorship or a session that no longer exists, changing nothing', async () => {
    const d = db.get();
    const { live, session } = await prepared();
    const before = await d.getAll('sessions');
    notices.reset();
    expectUserError(
      await rejectionOf(assignSession(d, live.id, 'gone', NOW)),
      'mentorship-gone',
      'That mentorship no longer exists.',
    );
    expectUserError(
      await rejectionOf(assignSession(d, 'gone', session.mentorshipId, NOW)),
      'session-gone',
      'That session no longer exists.',
    );
    expect(await d.getAll('sessions')).toEqual(before);
    expect(notices.count()).toBe(0);
  });
});

describe('loadLiveView', () => {
  it('shows the session, its mentorship, every mentorship and its notes', async () => {
    const d = db.get();
    const { mentorship, session } = await createMentorship(
      d,
      input({ firstSessionAt: NOW }),
      NOW - DAY,
    );
    const other = await createMentorship(d, input({ otherName: 'Ben' }), NOW);
    const note = await savePreNote(d, session, 'mentee', 'Thoughts', NOW);
    expect(await loadLiveView(d, session.id)).toEqual({
      session,
      mentorship,
      mentorships: [mentorship, other.mentorship],
      notes: [note],
    });
  });

  it('shows the mentorships alone without a session, and nothing for a gone one', async () => {
    const d = db.get();
    const { mentorship } = await createMentorship(d, input(), NOW);
    expect(await loadLiveView(d, undefined)).toEqual({ mentorships: [mentorship], notes: [] });
    expect(await loadLiveView(d, 'gone')).toEqual({
      session: undefined,
      mentorship: undefined,
      mentorships: [mentorship],
      notes: [],
    });
  });

  it('shows an unassigned live record without a mentorship', async () => {
    const d = db.get();
    const live = await startLiveSession(d, { platform: 'meet' }, NOW);
    const view = await loadLiveView(d, live.id);
    expect(view.session).toEqual(live);
    expect(view.mentorship).toBeUndefined();
  });
});
