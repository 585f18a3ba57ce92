import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/lib/i18n/en.ts';
import { faultsZh } from '../../src/lib/i18n/faults.ts';
import { faultsEn } from '../../src/lib/i18n/faults-en.ts';
import { panelsEn, panelsZh } from '../../src/lib/i18n/panels.ts';
import { zh } from '../../src/lib/i18n/zh.ts';
import { CORE_PANELS } from '../../src/lib/state/permalink.ts';
import { importsOf, ROOT, staticClosure, walk } from '../support/imports.ts';

/*
 * The first view registers only the first screen's words (zh.ts, en.ts, faults.ts and each feature's labels.ts); the
 * rest (panels.ts) arrives with the first panel, card or tour. A message the first screen asks for before then
 * would show as its key: every key a first-view module names must be among the first view's own.
 */

const sources = walk(resolve(ROOT, 'src')).filter((f) => /\.(ts|svelte)$/.test(f) && !f.endsWith('.test.ts') && !f.endsWith('.fixtures.ts'));
const firstView = () =>
  staticClosure(
    sources.flatMap((f) => importsOf(f, readFileSync(f, 'utf8'))),
    'src/main.ts',
  );

// Keys a catalogue file defines: `key:` or `'key':` at the start of a line.
const keysIn = (file: string) => [...readFileSync(resolve(ROOT, file), 'utf8').matchAll(/^\s+(?:'([^']+)'|([A-Za-z_][\w.]*))\s*:/gm)].map((m) => m[1] ?? m[2]!);

describe('the first view’s messages', () => {
  const first = firstView();
  const labelFiles = [...first].filter((f) => /^src\/features\/[^/]+\/labels\.ts$/.test(f));
  const own = new Set([...Object.keys(zh), ...Object.keys(faultsZh), ...labelFiles.flatMap(keysIn)]);

  it('leaves the panels’ catalogue out of the entry', () => {
    expect(first.has('src/lib/i18n/zh.ts')).toBe(true);
    expect(first.has('src/lib/i18n/panels.ts')).toBe(false);
    expect(first.has('src/lib/i18n/offline.ts')).toBe(false);
    expect(labelFiles.length).toBe(5);
  });

  it('has every word the first screen asks for', () => {
    const asked = new Map<string, string>();
    for (const file of first) {
      if (!file.startsWith('src/') || file.startsWith('src/lib/i18n/') || !/\.(ts|svelte)$/.test(file)) continue;
      for (const m of readFileSync(resolve(ROOT, file), 'utf8').matchAll(/\bt\(\s*[\w.]+\s*,\s*'([^']+)'/g)) asked.set(m[1]!, file);
    }
    expect(asked.size).toBeGreaterThan(20);
    expect([...asked].filter(([key]) => !own.has(key)).map(([key, file]) => `${file}: ${key}`)).toEqual([]);
    // The sheet names every tab by `tab.<id>`.
    expect(CORE_PANELS.filter((id) => !own.has(`tab.${id}`))).toEqual([]);
  });

  it('splits the core’s words in two without losing or repeating one, in both languages', () => {
    const shell = Object.keys(zh);
    const rest = Object.keys(panelsZh);
    expect(shell.filter((k) => rest.includes(k))).toEqual([]);
    expect(Object.keys(en).sort()).toEqual([...shell].sort());
    expect(Object.keys(panelsEn).sort()).toEqual([...rest].sort());
    expect(Object.keys(faultsEn).sort()).toEqual(Object.keys(faultsZh).sort());
  });
});
