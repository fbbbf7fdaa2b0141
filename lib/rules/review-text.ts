// The period review (review.ts) as text to share: Markdown for a note app, or plain text for a
// share pack's `summary`. Only the parts the user ticked; the words come from the caller, in the
// user's language; everything the user typed is escaped in the Markdown.
//
// Pure: the zone is a parameter; no clock, no browser APIs.

import { wallTimeOf } from '../calendar/zone';
import { escapeMarkdown } from '../export/markdown';
import { LAST_QUESTIONS, type LastQuestion, type Review, type ReviewPick } from './review';

export interface ReviewLabels {
  title: (otherName: string) => string;
  /** "From 2026-09-01 to 2026-11-30" */
  period: (from: string, to: string) => string;
  cadence: string;
  /** "7 of 8 sessions held (every 7 days)" */
  held: (held: number, planned: number, cadenceDays: number) => string;
  goals: string;
  goalsSummary: (done: number, total: number) => string;
  actionItems: string;
  itemsSummary: (done: number, total: number) => string;
  ratings: string;
  /** "Was it valuable? 4.2 on average (3 → 5)" */
  rating: (question: string, average: string, first: string, last: string) => string;
  last: string;
  questions: Record<LastQuestion, string>;
  sessions: string;
  /** A rating question's words, by its i18n key (the trend gives key and English text). */
  question: (key: string, english: string) => string;
}

const pad = (n: number) => String(n).padStart(2, '0');
function day(at: number, zone: string): string {
  const w = wallTimeOf(zone, at);
  return `${String(w.year).padStart(4, '0')}-${pad(w.month)}-${pad(w.day)}`;
}

const oneDecimal = (x: number | null) => (x === null ? '–' : (Math.round(x * 10) / 10).toFixed(1));

/** The ticked parts as lines; `md` escapes user text and uses Markdown structure. */
function lines(
  review: Review,
  pick: ReviewPick,
  labels: ReviewLabels,
  zone: string,
  md: boolean,
): string[] {
  const user = (text: string, indent = 2) => (md ? escapeMarkdown(text, indent) : text);
  const h = (text: string) => (md ? `## ${escapeMarkdown(text)}` : text.toUpperCase());
  const box = (text: string, done: boolean) =>
    md ? `- [${done ? 'x' : ' '}] ${user(text)}` : `${done ? '[x]' : '[ ]'} ${text}`;
  const out = [
    md ? `# ${escapeMarkdown(labels.title(review.otherName))}` : labels.title(review.otherName),
    '',
    labels.period(day(review.from, zone), day(review.to, zone)),
    '',
  ];
  if (pick.cadence) {
    const c = review.cadence;
    out.push(h(labels.cadence), '', labels.held(c.held, c.planned, c.cadenceDays), '');
  }
  if (pick.goals && review.goals.done.length + review.goals.open.length > 0) {
    const { done, open } = review.goals;
    out.push(h(labels.goals), '', labels.goalsSummary(done.length, done.length + open.length), '');
    out.push(...done.map((g) => box(g.text, true)), ...open.map((g) => box(g.text, false)), '');
  }
  if (pick.actionItems && review.actionItems.total > 0) {
    const a = review.actionItems;
    out.push(h(labels.actionItems), '', labels.itemsSummary(a.done, a.total), '');
    if (a.open.length > 0) out.push(...a.open.map((x) => box(x.text, false)), '');
  }
  if (pick.ratings && review.ratings.length > 0) {
    out.push(h(labels.ratings), '');
    for (const r of review.ratings) {
      const scores = r.points.flatMap((p) => (p.value === null ? [] : [p.value]));
      const text = labels.rating(
        labels.question(r.question.key, r.question.text),
        oneDecimal(r.average),
        String(scores[0] ?? '–'),
        String(scores.at(-1) ?? '–'),
      );
      out.push(`- ${md ? escapeMarkdown(text, 2) : text}`);
    }
    out.push('');
  }
  if (pick.last && review.last) {
    out.push(h(labels.last), '');
    for (const q of LAST_QUESTIONS) {
      const answer = review.last.answers[q];
      if (!answer) continue;
      out.push(md ? `**${escapeMarkdown(labels.questions[q])}**` : labels.questions[q]);
      out.push(user(answer, 0), '');
    }
  }
  if (pick.sessions && review.sessions.length > 0) {
    out.push(h(labels.sessions), '');
    for (const s of review.sessions) {
      const topic = s.topic ? ` — ${user(s.topic)}` : '';
      out.push(`- ${day(s.at, zone)}${topic}`);
    }
    out.push('');
  }
  while (out.at(-1) === '') out.pop();
  return out;
}

/** The review as Markdown, with only the ticked parts. */
export function reviewMarkdown(
  review: Review,
  pick: ReviewPick,
  labels: ReviewLabels,
  zone: string,
): string {
  return `${lines(review, pick, labels, zone, true).join('\n')}\n`;
}

/** The review as plain text for a share pack's summary, with only the ticked parts. */
export function reviewPlainText(
  review: Review,
  pick: ReviewPick,
  labels: ReviewLabels,
  zone: string,
): string {
  return lines(review, pick, labels, zone, false).join('\n');
}
