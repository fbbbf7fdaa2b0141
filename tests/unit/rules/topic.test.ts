import { describe, expect, it } from 'vitest';
import type { Role, Topic } from '../../../lib/records';
import {
  changeTopic,
  hasSettled,
  settle,
  TOPIC_PAUSE_MS,
  versionsOf,
} from '../../../lib/rules/topic';
import { expectUserError } from '../sentences';

const NOW = Date.UTC(2026, 10, 3, 10, 0);
const KEY = 150; // ms between keystrokes

/** A step: text typed by someone at a time, or the field left (blur). */
type Step = [text: string, by: Role, at: number] | 'blur';

/** Every prefix of `text` longer than `from` characters, typed one keystroke apart from `at`. */
function typing(text: string, by: Role, at: number, from = 0): Step[] {
  return Array.from(
    text.slice(from),
    (_, i) => [text.slice(0, from + i + 1), by, at + i * KEY] as Step,
  );
}

function run(steps: Step[]): Topic | undefined {
  let topic: Topic | undefined;
  for (const step of steps) {
    if (step === 'blur') topic = topic && settle(topic);
    else topic = changeTopic(topic, ...step) ?? topic;
  }
  return topic;
}

describe('the topic keeps a version when the text settles', () => {
  const LATER = NOW + 60_000;
  it.each<[string, Step[], string[], string]>([
    [
      'typing alone keeps no version',
      typing('Career planning', 'mentee', NOW),
      [],
      'Career planning',
    ],
    [
      'a blur keeps the text at once, once',
      [...typing('Career planning', 'mentee', NOW), 'blur', 'blur'],
      ['Career planning'],
      'Career planning',
    ],
    [
      'typing on after a blur keeps the settled text, and not each keystroke',
      [
        ...typing('Career', 'mentee', NOW),
        'blur',
        ...typing('Career planning', 'mentee', LATER, 6),
      ],
      ['Career'],
      'Career planning',
    ],
    [
      'a pause keeps the text before it',
      [
        ...typing('Roadmap', 'mentor', NOW),
        ...typing('Roadmap review', 'mentor', NOW + 6 * KEY + TOPIC_PAUSE_MS, 7),
      ],
      ['Roadmap'],
      'Roadmap review',
    ],
    [
      'a pause just short of the constant keeps nothing',
      [
        ['Roadmap', 'mentor', NOW],
        ['Roadmap review', 'mentor', NOW + TOPIC_PAUSE_MS - 1],
      ],
      [],
      'Roadmap review',
    ],
    [
      'the other person taking over keeps the text before',
      [
        ['Roadmap', 'mentor', NOW],
        ['Roadmap review', 'mentee', NOW + KEY],
      ],
      ['Roadmap'],
      'Roadmap review',
    ],
    [
      'the other person after a blur keeps it once',
      [['Roadmap', 'mentor', NOW], 'blur', ['Roadmap review', 'mentee', NOW + KEY]],
      ['Roadmap'],
      'Roadmap review',
    ],
    [
      'an emptied field is never a version',
      [['Roadmap', 'mentor', NOW], ['', 'mentor', LATER], 'blur', ['Goals', 'mentor', 2 * LATER]],
      ['Roadmap'],
      'Goals',
    ],
    [
      'the same text (spaces aside) changes nothing',
      [
        ['Roadmap', 'mentor', NOW],
        [' Roadmap\n', 'mentee', LATER],
      ],
      [],
      'Roadmap',
    ],
  ])('%s', (_name, steps, kept, current) => {
    const topic = run(steps);
    expect(topic?.history.map((v) => v.text)).toEqual(kept);
    expect(topic?.text).toBe(current);
    // Each version once, the current text last.
    expect(topic && versionsOf(topic).map((v) => v.text)).toEqual(
      kept.at(-1) === current ? kept : [...kept, current],
    );
  });

  it('keeps who wrote each version and when it was last typed', () => {
    const topic = run([
      ...typing('Goals', 'mentee', NOW),
      ['Goals and risks', 'mentor', NOW + 5_000],
    ]);
    expect(topic).toEqual({
      text: 'Goals and risks',
      by: 'mentor',
      at: NOW + 5_000,
      history: [{ text: 'Goals', by: 'mentee', at: NOW + 4 * KEY }],
    });
  });

  it.each<[Role, number, boolean]>([
    ['mentee', NOW + 1, false],
    ['mentee', NOW + TOPIC_PAUSE_MS, true],
    ['mentor', NOW + 1, true],
  ])('a text by the mentee at NOW has settled for %s at %s: %s', (by, at, settled) => {
    expect(hasSettled({ text: 'x', by: 'mentee', at: NOW, history: [] }, by, at)).toBe(settled);
  });

  it('keeps the text first when told it settled (a pack from the other side)', () => {
    const topic = changeTopic(
      { text: 'A', by: 'mentee', at: NOW, history: [] },
      'B',
      'mentee',
      NOW + 1,
      true,
    );
    expect(topic?.history).toEqual([{ text: 'A', by: 'mentee', at: NOW }]);
  });

  it('refuses a text over 2,000 characters', () => {
    let error: unknown;
    try {
      changeTopic(undefined, 'x'.repeat(2001), 'mentor', NOW);
    } catch (e) {
      error = e;
    }
    expectUserError(error, 'text-too-long', 'That text is too long; 2,000 characters at most.');
    expect(changeTopic(undefined, ` ${'x'.repeat(2000)} `, 'mentor', NOW)?.text).toHaveLength(2000);
  });
});
