import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importsOf, ROOT, staticClosure, walk } from '../support/imports.ts';
import { describe, expect, it } from 'vitest';

/*
 * The import rules of the layout (docs/architecture.md), checked on every source file: the shared core never
 * imports a feature, a feature never reaches into another, whoever is outside a feature goes through its index.ts,
 * only the map view imports maplibre-gl, a feature's lazy chunk is reached only through a dynamic import, and the
 * core's folders import each other without cycles.
 */

// Test fixtures (`*.fixtures.ts`) belong with the tests: only tests import them.
const isTest = (f: string) => f.endsWith('.test.ts') || f.endsWith('.fixtures.ts');
const sources = walk(resolve(ROOT, 'src')).filter((f) => /\.(ts|svelte)$/.test(f) && !isTest(f));
const scripts = walk(resolve(ROOT, 'scripts')).filter((f) => f.endsWith('.ts'));
const all = [...sources, ...scripts].flatMap((f) => importsOf(f, readFileSync(f, 'utf8')));
// A feature's unit tests sit beside its code: they may reach into their own feature, never into another.
const featureTests = walk(resolve(ROOT, 'src/features'))
  .filter(isTest)
  .flatMap((f) => importsOf(f, readFileSync(f, 'utf8')));

const featureOf = (path: string) => /^src\/features\/([^/]+)\//.exec(path)?.[1];
const coreFolder = (path: string) => /^src\/lib\/([^/]+)\//.exec(path)?.[1];

describe('import boundaries', () => {
  it('reads the imports it checks (the parser is not blind)', () => {
    const sample = importsOf(
      resolve(ROOT, 'src/x/a.ts'),
      "import type { A } from './b.ts';\n// import { z } from './not-this.ts';\nexport { c } from '../c.ts';\nconst v = import('./d.ts');\nimport 'maplibre-gl/dist/x.css';",
    );
    expect(sample.map((i) => [i.to, i.dynamic, i.typeOnly])).toEqual([
      ['src/x/b.ts', false, true],
      ['src/c.ts', false, false],
      ['maplibre-gl', false, false],
      ['src/x/d.ts', true, false],
    ]);
    expect(all.length).toBeGreaterThan(300);
    expect(all.some((i) => i.from === 'src/app/features.ts' && i.to === 'src/features/invest/index.ts')).toBe(true);
  });

  it('keeps the shared core free of features and of the composition root', () => {
    const bad = all.filter(
      (i) => i.from.startsWith('src/lib/') && (i.to.startsWith('src/features/') || i.to.startsWith('src/app/') || i.to === 'src/App.svelte'),
    );
    expect(bad.map((i) => `${i.from} → ${i.to}`)).toEqual([]);
  });

  it('keeps each feature out of the others', () => {
    const bad = [...all, ...featureTests].filter((i) => featureOf(i.from) && featureOf(i.to) && featureOf(i.from) !== featureOf(i.to));
    expect(bad.map((i) => `${i.from} → ${i.to}`)).toEqual([]);
  });

  // The benchmarks measure a feature's internals directly, as its tests do; nothing else may.
  it('lets code outside a feature in only through its index.ts', () => {
    const bad = all.filter((i) => {
      const f = featureOf(i.to);
      return f && featureOf(i.from) !== f && i.to !== `src/features/${f}/index.ts` && !i.from.startsWith('scripts/bench/');
    });
    expect(bad.map((i) => `${i.from} → ${i.to}`)).toEqual([]);
  });

  it('lets only src/lib/map import maplibre-gl (types included)', () => {
    const bad = all.filter((i) => i.to === 'maplibre-gl' && i.from.startsWith('src/') && !i.from.startsWith('src/lib/map/'));
    expect(bad.map((i) => `${i.from} → ${i.to}`)).toEqual([]);
  });

  it("reaches each feature's definition and lazy chunk only through dynamic imports of its own", () => {
    // The definition (def.ts) only through the door; the panel's chunk (view.ts) through the door or the definition.
    const defs = all.filter((i) => /^src\/features\/[^/]+\/def\.ts$/.test(i.to) && (!i.dynamic || i.from !== i.to.replace(/def\.ts$/, 'index.ts')));
    expect(defs.map((i) => `${i.from} → ${i.to}`)).toEqual([]);
    const views = all.filter(
      (i) => /^src\/features\/[^/]+\/view\.ts$/.test(i.to) && (!i.dynamic || featureOf(i.from) !== featureOf(i.to) || !/\/(index|def)\.ts$/.test(i.from)),
    );
    expect(views.map((i) => `${i.from} → ${i.to}`)).toEqual([]);
    // What a door imports statically travels with the first view: never a component, the feature's catalogue, or
    // what its definition brings (its state, layer rows and link codec).
    const doors = all.filter((i) => /^src\/features\/[^/]+\/index\.ts$/.test(i.from) && !i.dynamic && !i.typeOnly);
    expect(doors.length).toBeGreaterThan(5);
    const heavy = /(\.svelte|\/messages\.ts|\/state\.svelte\.ts|\/layers\.ts|\/link\.ts|\/def\.ts)$/;
    expect(doors.filter((i) => heavy.test(i.to)).map((i) => `${i.from} → ${i.to}`)).toEqual([]);
  });

  it('keeps out of the first view what its first screen does not show', () => {
    const first = staticClosure(all, 'src/main.ts');
    expect(first.has('src/App.svelte')).toBe(true);
    expect(first.has('src/lib/map/MapView.svelte')).toBe(true);
    const later = [
      'src/lib/ui/LayerPanel.svelte',
      'src/lib/ui/TaskPanel.svelte',
      'src/lib/ui/ListPanel.svelte',
      'src/lib/ui/Tour.svelte',
      'src/lib/ui/FeatureCard.svelte',
      'src/lib/ui/UpdatePrompt.svelte',
      'src/lib/ui/AboutPanel.svelte',
      'src/lib/ui/about-messages.ts',
      'src/lib/search/match.ts',
      'src/lib/search/addresses.ts',
      'src/lib/search/industries.ts',
      'src/lib/search/text.ts',
      'src/lib/data/tasks.ts',
      'src/lib/data/tour.ts',
      'src/lib/data/nearest.ts',
      'src/lib/data/vocab.ts',
      'src/lib/data/drawn-area.ts',
      'src/lib/layers/notes.ts',
      'src/lib/map/pointer.ts',
      'src/panels.css',
      'src/features/invest/finder/needs.ts',
      // The features' definitions: their rows, states and link codecs come after the first view.
      ...['air', 'analysis', 'invest', 'monitor', 'near'].flatMap((f) => [
        `src/features/${f}/def.ts`,
        `src/features/${f}/layers.ts`,
        `src/features/${f}/state.svelte.ts`,
      ]),
      ...['air', 'analysis', 'invest', 'monitor'].map((f) => `src/features/${f}/link.ts`),
    ];
    expect(later.filter((f) => !existsSync(resolve(ROOT, f)))).toEqual([]);
    expect(later.filter((f) => first.has(f))).toEqual([]);
    // No Turf at all: the analyses, the card and the investors' search bring it with their chunks.
    expect([...first].filter((f) => f.startsWith('@turf/'))).toEqual([]);
  });

  it("has no cycles between the core's folders", () => {
    const edges = new Map<string, Set<string>>();
    for (const i of all) {
      const a = coreFolder(i.from);
      const b = coreFolder(i.to);
      if (a && b && a !== b) edges.set(a, (edges.get(a) ?? new Set()).add(b));
    }
    const cycles: string[] = [];
    const visit = (node: string, path: string[]) => {
      for (const next of edges.get(node) ?? []) {
        if (next === path[0]) cycles.push([...path, next].join(' → '));
        else if (!path.includes(next) && next > path[0]!) visit(next, [...path, next]);
      }
    };
    for (const start of edges.keys()) visit(start, [start]);
    expect(cycles).toEqual([]);
  });
});
