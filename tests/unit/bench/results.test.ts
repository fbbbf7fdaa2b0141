// The committed bench run (`./run bench` writes bench/results.json and bench/history/): every
// figure the issue asks for is there, with sane values, measured by a full run, not a quick one.
// The bench itself stays out of `./run test`: this only reads what it wrote.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KEYS, type Key, type KeySpec } from '../../../scripts/bench/keys';
import type { Figure } from '../../../scripts/bench/stats';

const BENCH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'bench');

interface Results {
  schema: number;
  when: string;
  took_s: number;
  machine: {
    browser: string;
    cores: number;
    load_average_start: number[];
    load_average_end: number[];
  };
  settings: { quick: boolean };
  figures: Record<string, Figure>;
}

const results = JSON.parse(readFileSync(join(BENCH, 'results.json'), 'utf8')) as Results;
const specs = Object.entries(KEYS) as Array<[Key, KeySpec]>;

describe('bench/results.json', () => {
  it('is a full run, with the browser, the cores and the load it ran under', () => {
    expect(results.schema).toBe(1);
    expect(results.settings.quick).toBe(false);
    expect(Number.isNaN(Date.parse(results.when))).toBe(false);
    expect(results.machine.browser).toMatch(/chrom/i);
    expect(results.machine.cores).toBeGreaterThanOrEqual(1);
    for (const avg of [results.machine.load_average_start, results.machine.load_average_end]) {
      expect(avg).toHaveLength(3);
      for (const n of avg) expect(n).toBeGreaterThanOrEqual(0);
    }
    // The budget for a 2-core machine.
    expect(results.took_s).toBeLessThan(600);
  });

  it('has every figure and nothing it does not know', () => {
    expect(Object.keys(results.figures).sort()).toEqual(specs.map(([k]) => k).sort());
  });

  it.each(specs)('%s is sane', (key, spec) => {
    const f = results.figures[key] as Figure;
    expect(f.unit).toBe(spec.unit);
    for (const n of [f.value, f.min, f.max]) expect(Number.isFinite(n)).toBe(true);
    expect(f.min).toBeLessThanOrEqual(f.value);
    expect(f.value).toBeLessThanOrEqual(f.max);
    expect(f.value).toBeGreaterThanOrEqual(spec.range[0]);
    expect(f.value).toBeLessThanOrEqual(spec.range[1]);
    // Script figures come from several alternating runs, against a baseline of as many.
    if (spec.unit === 'ms/s') expect(f.runs).toBeGreaterThanOrEqual(3);
    if (spec.baseline) {
      expect(results.figures[spec.baseline]?.runs).toBe(f.runs);
    }
  });

  it('is kept in bench/history/ too', () => {
    const runs = readdirSync(join(BENCH, 'history')).filter((f) => f.endsWith('.json'));
    const kept = runs.map(
      (f) => JSON.parse(readFileSync(join(BENCH, 'history', f), 'utf8')) as Results,
    );
    expect(kept.some((r) => r.when === results.when)).toBe(true);
  });
});
