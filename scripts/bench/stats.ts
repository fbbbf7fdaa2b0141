// Summaries the bench reports: every figure is a value (a median or a percentile of several
// runs) with the smallest and largest run beside it, so a reader sees the spread as well.

export type Stat = 'median' | 'p50' | 'p95' | 'exact' | 'rate';

export interface Figure {
  value: number;
  min: number;
  max: number;
  /** How many runs (or samples) the value summarises. */
  runs: number;
  unit: string;
  stat: Stat;
  /** What the figure measures when its name alone does not say (a stand-in, a definition). */
  note?: string;
}

const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);

/** The nearest-rank percentile (p in 0..100) of a non-empty sample. */
export function percentile(xs: readonly number[], p: number): number {
  const s = sorted(xs);
  if (s.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length, Math.max(1, rank)) - 1] as number;
}

/** The median; for an even count, the mean of the middle two. */
export function median(xs: readonly number[]): number {
  const s = sorted(xs);
  if (s.length === 0) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const round = (n: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

/** A figure from runs: their median (or a percentile), min and max, rounded for reading. */
export function figure(
  xs: readonly number[],
  unit: string,
  opts: { stat?: Stat; digits?: number; note?: string } = {},
): Figure {
  if (xs.length === 0 || xs.some((x) => !Number.isFinite(x))) {
    throw new Error(`no usable runs for a figure in ${unit}`);
  }
  const stat = opts.stat ?? 'median';
  const digits = opts.digits ?? 2;
  const value =
    stat === 'p95' ? percentile(xs, 95) : stat === 'p50' ? percentile(xs, 50) : median(xs);
  return {
    value: round(value, digits),
    min: round(Math.min(...xs), digits),
    max: round(Math.max(...xs), digits),
    runs: xs.length,
    unit,
    stat: xs.length === 1 && stat === 'median' ? 'exact' : stat,
    ...(opts.note ? { note: opts.note } : {}),
  };
}
