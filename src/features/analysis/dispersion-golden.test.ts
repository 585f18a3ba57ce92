import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseDispersion } from './dispersion.ts';
import type { DispersionOptions, DispersionResult } from './dispersion-types.ts';

// Golden fixtures: inputs and hand-worked answers (tests/fixtures/analysis/dispersion/README.md).
const dir = resolve(import.meta.dirname, '../../../tests/fixtures/analysis/dispersion');
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({
    name: f.replace(/\.json$/, ''),
    ...(JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as {
      description: string;
      input: { parks: never; options: DispersionOptions };
      expected: Record<string, unknown>;
    }),
  }));

/** The value at a dotted path ("mst.edges.length", "parks.0.areaM2"). */
function at(result: unknown, path: string): unknown {
  let v: unknown = result;
  for (const key of path.split('.')) {
    if (v === null || v === undefined) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** Every number anywhere in a result (for the no-NaN check). */
function numbers(v: unknown, out: number[] = []): number[] {
  if (typeof v === 'number') out.push(v);
  else if (Array.isArray(v)) for (const x of v) numbers(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) numbers(x, out);
  return out;
}

describe('dispersion analysis: golden fixtures', () => {
  it('has the six fixtures the issue lists', () => {
    expect(fixtures.map((f) => f.name)).toEqual(['empty-set', 'park-with-hole', 'regular-grid', 'single-park', 'tight-cluster', 'two-far-groups']);
  });

  for (const f of fixtures) {
    describe(`${f.name}: ${f.description}`, () => {
      const result: DispersionResult = analyseDispersion(f.input.parks, f.input.options);
      for (const [path, want] of Object.entries(f.expected)) {
        it(path, () => {
          if (path === 'messageCodes') {
            expect(result.messages.map((m) => m.code)).toEqual(want);
            return;
          }
          const got = at(result, path);
          if (want && typeof want === 'object' && 'tol' in want) {
            const { value, tol } = want as { value: number; tol: number };
            expect(typeof got, `${path} is a number`).toBe('number');
            expect(Math.abs((got as number) - value), `${path}: ${String(got)} vs ${value} ± ${tol}`).toBeLessThanOrEqual(tol);
          } else expect(got).toEqual(want);
        });
      }
      it('has no NaN or infinite figure', () => {
        expect(numbers(result).filter((x) => !Number.isFinite(x))).toEqual([]);
      });
    });
  }
});
