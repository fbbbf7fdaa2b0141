import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../../lib/db';
import { bookSession, editActionItems } from '../../../../lib/repos/sessions';
import { DAY, freshDb, NOW, useLocale } from '../setup';
import { mentorshipIn, page } from './page';

let d: Db;
beforeEach(async () => {
  d = await freshDb();
  useLocale('de');
});
afterEach(() => {
  d.close();
  vi.restoreAllMocks();
});

describe('MarkdownModel', () => {
  it('writes the mentorship in the UI language, each action item a checkbox', async () => {
    const m = await mentorshipIn(d, 'Ana', { cadenceDays: 7 });
    for (const i of [1, 2, 3]) {
      const s = await bookSession(d, m.id, NOW + i * DAY, NOW);
      await editActionItems(d, s.id, { add: `Aufgabe ${i}` }, NOW);
    }
    const { model } = page(d);
    await model.load();
    model.select({ page: 'mentorship', id: m.id });
    const file = model.markdown.mentorshipFile();
    expect(file?.name).toBe('mentorship-ana.md');
    expect(file?.text).toContain('# Mentoring mit Ana');
    for (const i of [1, 2, 3]) expect(file?.text).toContain(`- [ ] Aufgabe ${i}`);
    expect(model.markdown.sessions.value).toHaveLength(3);
    const one = model.markdown.sessionFile(model.markdown.sessions.value[0]?.id ?? '');
    expect(one?.text).toContain('# Session mit Ana');
    expect(one?.text).toContain('- [ ] Aufgabe 3');
    expect(one?.text).not.toContain('Aufgabe 1');
  });
});
