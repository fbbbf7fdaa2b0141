// A session's topic and the versions it keeps. The topic is saved as it is typed, so a version
// is kept only once a text has settled, not per keystroke (typing "Career planning" used to leave
// 13 versions). A text has settled when
//   - the person stopped typing for TOPIC_PAUSE_MS (the next change comes later than that),
//   - they left the field (the page calls `settle` on blur), or
//   - the other person takes over (the next change is theirs, typed or imported from a pack).
//
//   typing ──change──▶ typing (replaced in place, nothing kept)
//     │ pause / blur / other person
//     ▼
//   settled ──change──▶ typing (the settled text is kept as a version first)
//
// `history` holds the kept versions, oldest first. A text settled by a blur is kept at once, so
// then the last version is the current text itself (same text, person and time); `versionsOf`
// gives each version once. An empty text is never kept.
//
// Pure: no browser, no clock (`now` is a parameter).

import { checkLength, LIMITS } from '../limits';
import type { Role, Topic, TopicVersion } from '../records';

/** A pause in typing this long settles the text. */
export const TOPIC_PAUSE_MS = 5_000;

const versionOf = (t: TopicVersion): TopicVersion => ({ text: t.text, by: t.by, at: t.at });

const sameVersion = (a: TopicVersion | undefined, b: TopicVersion) =>
  a !== undefined && a.text === b.text && a.by === b.by && a.at === b.at;

/** Whether the current text is already kept as the last version. */
function isKept(topic: Topic): boolean {
  return sameVersion(topic.history.at(-1), topic);
}

/** The topic with its current text kept as a version (unless it is empty or kept already). */
export function settle(topic: Topic): Topic {
  if (!topic.text || isKept(topic)) return topic;
  return { ...topic, history: [...topic.history, versionOf(topic)] };
}

/** Whether `by` changing the text at `now` finds the current text settled. */
export function hasSettled(topic: Topic, by: Role, now: number): boolean {
  return by !== topic.by || now - topic.at >= TOPIC_PAUSE_MS;
}

/** A topic text as it will be stored (trimmed); throws a `UserError` when it is too long. */
export function cleanTopicText(text: string): string {
  const clean = text.trim();
  const long = checkLength(clean, LIMITS.topic);
  if (long) throw long;
  return clean;
}

/**
 * The topic after `by` wrote `text` at `now`: undefined when the text is the same as now (spaces
 * aside), so nothing is written. `settled` forces the current text to be kept first (a pack
 * from the other side always does).
 */
export function changeTopic(
  topic: Topic | undefined,
  text: string,
  by: Role,
  now: number,
  settled = false,
): Topic | undefined {
  const clean = cleanTopicText(text);
  if (!topic) return { text: clean, by, at: now, history: [] };
  if (topic.text === clean) return undefined;
  const base = settled || hasSettled(topic, by, now) ? settle(topic) : topic;
  return { text: clean, by, at: now, history: base.history };
}

/** Each kept version once, oldest first, then the current text unless it is kept already. */
export function versionsOf(topic: Topic): TopicVersion[] {
  return isKept(topic) || !topic.text
    ? topic.history.map(versionOf)
    : [...topic.history.map(versionOf), versionOf(topic)];
}
