// A VTIMEZONE block (RFC 5545 3.6.5) for an IANA zone, written from the runtime's zone data, so
// an exported event can say `DTSTART;TZID=Europe/Berlin:…` and stay at 09:00 local time across
// daylight-saving changes.
//
// Google and Apple Calendar recognise an IANA TZID by name; Outlook reads the VTIMEZONE body
// and matches it to one of its own zones, so the body must be right. Each kind of change
// (winter to summer, summer to winter) becomes one observance with a yearly RRULE when one rule
// predicts every change from the year before the first event to at least six years on:
// "the last Sunday of March" (BYDAY=-1SU), "the second Sunday of March" (BYDAY=2SU), or "the
// Friday on or after the 23rd" (BYDAY=FR;BYMONTHDAY=23,…,29, Jerusalem's spring change, as
// libical writes it). A change no yearly rule fits (a zone that moved its standard offset or
// dropped daylight saving) is listed as dates (RDATE). A zone without changes gets one
// STANDARD observance.
//
// Pure: no clock, no browser APIs.

import { DAY_MS, MINUTE_MS } from '../time';
import {
  canonicalZone,
  offsetMinutes,
  type Transition,
  transitions,
  utcAsWall,
  type WallTime,
  wallTimeOf,
} from './zone';

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
/** A yearly rule must hold for at least this many years to be written as one. */
const RULE_YEARS = 7;

/** `YYYYMMDDTHHMMSS`, a local DATE-TIME value. */
export function formatWall(w: WallTime): string {
  const p = (n: number, l = 2) => String(n).padStart(l, '0');
  return `${p(w.year, 4)}${p(w.month)}${p(w.day)}T${p(w.hour)}${p(w.minute)}${p(w.second)}`;
}

/** `+0100`, `-0430`: a UTC-OFFSET value. */
export function formatOffset(minutes: number): string {
  const a = Math.abs(minutes);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${p(Math.floor(a / 60))}${p(a % 60)}`;
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const weekday = (year: number, month: number, day: number) =>
  new Date(Date.UTC(year, month - 1, day)).getUTCDay();
/** The first `wd` on or after day `k` of the month. */
const onOrAfter = (year: number, month: number, wd: number, k: number) =>
  k + ((wd - weekday(year, month, k) + 7) % 7);

interface Rule {
  rrule: string;
  day: (year: number) => number;
}

function candidateRules(first: WallTime): Rule[] {
  const { year, month, day } = first;
  const wd = weekday(year, month, day);
  const w = WEEKDAYS[wd];
  const base = `FREQ=YEARLY;BYMONTH=${month}`;
  const rules: Rule[] = [];
  if (day + 7 > daysIn(year, month)) {
    rules.push({
      rrule: `${base};BYDAY=-1${w}`,
      day: (y) => {
        const last = daysIn(y, month);
        return last - ((weekday(y, month, last) - wd + 7) % 7);
      },
    });
  }
  const n = Math.ceil(day / 7);
  if (n <= 4) {
    rules.push({ rrule: `${base};BYDAY=${n}${w}`, day: (y) => onOrAfter(y, month, wd, 7 * n - 6) });
  }
  // February has 28 days in some years: the seven days listed must exist every year.
  const shortest = month === 2 ? 28 : daysIn(2001, month);
  for (let k = day; k >= Math.max(1, day - 6); k--) {
    if (k + 6 > shortest) continue;
    const days = Array.from({ length: 7 }, (_, i) => k + i).join(',');
    rules.push({
      rrule: `${base};BYDAY=${w};BYMONTHDAY=${days}`,
      day: (y) => onOrAfter(y, month, wd, k),
    });
  }
  rules.push({ rrule: `${base};BYMONTHDAY=${day}`, day: () => day });
  return rules;
}

/** The wall time a change happens at, on the clock before it (how VTIMEZONE counts). */
const onsetOf = (t: Transition) => utcAsWall(t.at + t.from * MINUTE_MS);

/** A yearly rule predicting every change of the group, one a year through `lastYear`. */
function fitRule(group: Transition[], lastYear: number): Rule | undefined {
  const onsets = group.map(onsetOf);
  const [first] = onsets;
  if (first === undefined) return undefined;
  if (onsets.length < RULE_YEARS || onsets.at(-1)?.year !== lastYear) return undefined;
  const sameTime = (w: WallTime) =>
    w.month === first.month &&
    w.hour === first.hour &&
    w.minute === first.minute &&
    w.second === first.second;
  if (!onsets.every((w, i) => w.year === first.year + i && sameTime(w))) return undefined;
  return candidateRules(first).find((r) => onsets.every((w) => r.day(w.year) === w.day));
}

function observance(kind: 'STANDARD' | 'DAYLIGHT', from: number, to: number, body: string[]) {
  return [
    `BEGIN:${kind}`,
    `TZOFFSETFROM:${formatOffset(from)}`,
    `TZOFFSETTO:${formatOffset(to)}`,
    ...body,
    `END:${kind}`,
  ];
}

/**
 * The VTIMEZONE lines (unfolded, no line ends) for `zone`, covering events from `from` to `to`
 * (and, where a yearly rule fits, every year after). `zone` must be a zone the runtime knows.
 */
export function vtimezoneLines(zone: string, from: number, to: number): string[] {
  const tzid = canonicalZone(zone) ?? zone;
  const y0 = wallTimeOf(zone, from).year - 1;
  const y1 = Math.max(wallTimeOf(zone, to).year + 1, y0 + RULE_YEARS);
  const all = transitions(zone, Date.UTC(y0, 0, 1) - DAY_MS, Date.UTC(y1 + 1, 0, 1) - DAY_MS);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${tzid}`, `X-LIC-LOCATION:${tzid}`];
  const [firstChange] = all;
  if (firstChange === undefined || firstChange.at > from) {
    // No change before the first event: one observance holds the offset in force until then.
    const o = firstChange?.from ?? offsetMinutes(zone, from);
    lines.push(...observance('STANDARD', o, o, ['DTSTART:19700101T000000']));
  }
  const groups = new Map<string, Transition[]>();
  for (const t of all) {
    const key = `${t.from}>${t.to}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  for (const group of groups.values()) {
    const [head, ...rest] = group;
    if (head === undefined) continue;
    const kind = head.to > head.from ? 'DAYLIGHT' : 'STANDARD';
    const start = `DTSTART:${formatWall(onsetOf(head))}`;
    const rule = fitRule(group, y1);
    const body = rule
      ? [start, `RRULE:${rule.rrule}`]
      : [start, ...rest.map((t) => `RDATE:${formatWall(onsetOf(t))}`)];
    lines.push(...observance(kind, head.from, head.to, body));
  }
  lines.push('END:VTIMEZONE');
  return lines;
}
