#!/usr/bin/env -S npx tsx
/**
 * `npm run bench [-- --sizes 100,1000 --no-naive]`: prints the project's benchmark tables. Each section comes from
 * its own module under scripts/bench/ (the analysis now; browser and Lighthouse rows can be added the same way).
 * A benchmark, not a test: it never fails on a slow machine, it reports.
 */
import { parseArgs } from 'node:util';
import { analysisSection } from './bench/analysis.ts';
import { formatSection, type BenchSection } from './bench/table.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    'no-naive': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});

const sizes = values.sizes
  ?.split(',')
  .map((s) => Number(s.replace(/_/g, '')))
  .filter((n) => Number.isInteger(n) && n > 0);
const log = values.quiet ? undefined : (line: string) => process.stderr.write(`${line}\n`);

const sections: (() => Promise<BenchSection>)[] = [() => analysisSection({ sizes, naive: !values['no-naive'], log })];

for (const make of sections) console.log(formatSection(await make()));
