import { resolve } from 'node:path';
import { createPropertyExpression, latest, validateStyleMin, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { PLAN_CLASSES } from '../../src/lib/data/plan-schema.ts';
import { createApp, REGISTRY } from '../support/features.ts';
import { GROUPS } from '../../src/lib/layers/registry.ts';
import {
  attribution,
  buildStyle as coreBuildStyle,
  CREDITS,
  layers as coreLayers,
  REGISTRY_KEY,
  type LayersOptions,
  type StyleOptions,
} from '../../src/lib/layers/style.ts';
import { light, type Theme } from '../../src/lib/layers/theme.ts';
import type { Lang } from '../../src/lib/i18n/index.ts';

// The style of the whole app: every feature's rows and sources beside the core's.
const overlays = createApp().overlays;
const layers = (theme: Theme, lang: Lang, options: LayersOptions = {}) => coreLayers(theme, lang, { registry: REGISTRY, ...options });
const buildStyle = (options: StyleOptions) => coreBuildStyle({ registry: REGISTRY, overlays, ...options });
import { openPmtilesFile } from '../support/pmtiles-file.ts';
import { BASEMAP_RANGE } from '../../src/lib/layers/basemap-range.ts';
import { itWithData, OSM_DIR } from '../support/shared.ts';

const basemap = resolve(import.meta.dirname, '../../public/tiles/basemap.pmtiles');
const style = (lang: 'zh' | 'en') =>
  buildStyle({ lang, basemapUrl: 'pmtiles://http://localhost/tiles/basemap.pmtiles', latinFontUrl: 'http://localhost/font.woff2' });

describe('style', () => {
  it.each(['zh', 'en'] as const)('validates against the MapLibre style spec (%s)', (lang) => {
    expect(validateStyleMin(style(lang))).toEqual([]);
  });

  it('names the archive’s tiles directly when it knows their range, so the map asks for them without a TileJSON', () => {
    const url = 'pmtiles://http://localhost/tiles/basemap.pmtiles';
    const named = buildStyle({ lang: 'zh', basemapUrl: url, basemapRange: BASEMAP_RANGE });
    expect(validateStyleMin(named)).toEqual([]);
    expect(named.sources.basemap).toEqual({ type: 'vector', tiles: [`${url}/{z}/{x}/{y}`], ...BASEMAP_RANGE, attribution: '' });
    // Without a range the archive's TileJSON is read first (the benchmark's plain page does so).
    expect(style('zh').sources.basemap).toEqual({ type: 'vector', url: 'pmtiles://http://localhost/tiles/basemap.pmtiles', attribution: '' });
  });

  it('is a pure function of its arguments', () => {
    expect(JSON.stringify(layers(light, 'zh'))).toBe(JSON.stringify(layers(light, 'zh')));
    expect(JSON.stringify(layers(light, 'zh'))).not.toBe(JSON.stringify(layers(light, 'en')));
  });

  it('names a registry row on every layer but the background, with unique ids', () => {
    const ls = layers(light, 'zh');
    const ids = ls.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    const rows = new Set(REGISTRY.map((d) => d.id));
    for (const l of ls.slice(1)) expect(rows.has((l.metadata as Record<string, string>)[REGISTRY_KEY]!)).toBe(true);
  });

  it('draws labels above everything else and the land below', () => {
    const ls = layers(light, 'en');
    const firstLabel = ls.findIndex((l) => l.type === 'symbol');
    expect(firstLabel).toBeGreaterThan(0);
    expect(ls.slice(firstLabel).every((l) => l.type === 'symbol')).toBe(true);
    expect(ls.findIndex((l) => l.id === 'districts-fill')).toBeLessThan(ls.findIndex((l) => l.id === 'metro-line'));
  });

  it('hides the layers of a row switched off, and only those', () => {
    const ls = layers(light, 'zh', { visible: { metro: false } });
    const metro = ls.filter((l) => (l.metadata as Record<string, string> | undefined)?.[REGISTRY_KEY] === 'metro');
    expect(metro.length).toBe(3);
    expect(metro.every((l) => l.layout?.visibility === 'none')).toBe(true);
    expect(ls.find((l) => l.id === 'districts-fill')?.layout?.visibility).toBe('visible');
  });

  it('leaves out of the first view the rows switched off and the features’ sources that hold nothing yet', () => {
    const opts = { lang: 'zh' as const, basemapUrl: 'pmtiles://http://x/b.pmtiles', planUrl: 'http://x/p.geojson', visible: { metro: false } };
    const full = buildStyle(opts);
    const first = buildStyle({ ...opts, firstView: true });
    const rowOf = (l: { metadata?: unknown }) => (l.metadata as Record<string, string> | undefined)?.[REGISTRY_KEY];
    // Every layer of the first view is in the whole style, in the same order and the same form.
    const fullById = new Map(full.layers.map((l) => [l.id, l]));
    expect(first.layers.every((l) => JSON.stringify(fullById.get(l.id)) === JSON.stringify(l))).toBe(true);
    expect(first.layers.map((l) => l.id)).toEqual(full.layers.map((l) => l.id).filter((id) => first.layers.some((l) => l.id === id)));
    // What it leaves out is exactly: hidden rows, and layers on a feature's empty source.
    const empty = new Set(
      Object.entries(overlays).flatMap(([id, s]) => (typeof s.data === 'object' && 'features' in s.data && s.data.features.length === 0 ? [id] : [])),
    );
    expect(empty.size).toBeGreaterThan(0);
    const left = full.layers.filter((l) => !first.layers.some((f) => f.id === l.id));
    const shouldLeave = full.layers.filter((l) => l.id !== 'background' && (l.layout?.visibility === 'none' || ('source' in l && empty.has(l.source))));
    expect(left.map((l) => l.id)).toEqual(shouldLeave.map((l) => l.id));
    expect(left.some((l) => rowOf(l) === 'metro')).toBe(true);
    expect(first.layers.some((l) => 'source' in l && empty.has(l.source))).toBe(false);
    expect(first.layers.some((l) => l.layout?.visibility === 'none')).toBe(false);
    // The plan and the basemap rows that are on stay; so do the sources with something to draw. An empty source
    // (a round trip through the map's worker for nothing) joins with the whole style after the first idle.
    expect(first.layers.some((l) => rowOf(l) === 'science_parks')).toBe(true);
    expect(first.layers.some((l) => rowOf(l) === 'districts')).toBe(true);
    expect(Object.keys(first.sources)).toEqual(Object.keys(full.sources).filter((id) => !empty.has(id)));
    expect(Object.keys(first.sources)).toEqual(expect.arrayContaining(['basemap', 'plan']));
    expect(validateStyleMin(first)).toEqual([]);
  });

  it('puts the reader’s language first in bilingual labels', () => {
    // ['case', <has other>, ['format', <first line>, {}, '\n', {}, <second line>, …], <fallback>]
    const lines = (lang: 'zh' | 'en') => {
      const field = layers(light, lang).find((l) => l.id === 'metro-station-label')?.layout as Record<string, unknown[]>;
      const format = field['text-field']![2] as unknown[];
      return [format[1], format[5]];
    };
    expect(lines('zh')).toEqual([
      ['get', 'name_zh'],
      ['get', 'name_en'],
    ]);
    expect(lines('en')).toEqual([
      ['get', 'name_en'],
      ['get', 'name_zh'],
    ]);
  });

  it('leaves out layers whose source layer the archive lacks', () => {
    const ls = layers(light, 'zh', { available: new Set(['districts', 'district_labels']) });
    const used = new Set(ls.flatMap((l) => ('source-layer' in l && l['source-layer'] ? [l['source-layer']] : [])));
    expect([...used].sort()).toEqual(['district_labels', 'districts']);
  });

  it('validates with the plan’s GeoJSON source and draws the plan above the basemap', () => {
    const withPlan = buildStyle({ lang: 'zh', basemapUrl: 'pmtiles://http://x/b.pmtiles', planUrl: 'http://x/data/plan.geojson' });
    expect(validateStyleMin(withPlan)).toEqual([]);
    expect(withPlan.sources.plan).toMatchObject({ type: 'geojson', data: 'http://x/data/plan.geojson' });
    const ids = withPlan.layers.map((l) => l.id);
    expect(ids.indexOf('zone-future-valley-fill')).toBeGreaterThan(ids.indexOf('metro-line'));
    expect(ids.indexOf('zone-future-valley-label')).toBeGreaterThan(ids.indexOf('science-parks-label'));
    expect(ids.indexOf('science-parks-label')).toBeGreaterThan(ids.indexOf('metro-station-label'));
    // Without a plan URL no layer may point at the missing source.
    expect(style('zh').layers.some((l) => 'source' in l && l.source === 'plan')).toBe(false);
  });

  it('registry rows name real groups and real plan classes, and every plan class has a row', () => {
    for (const def of REGISTRY) {
      expect(GROUPS).toContain(def.group);
      expect(def.label.zh && def.label.en).toBeTruthy();
      for (const c of def.planClasses ?? []) expect(PLAN_CLASSES).toContain(c);
    }
    const shown = new Set(REGISTRY.flatMap((d) => d.planClasses ?? []));
    // specialty_park is in the schema for parks the plan may name later; it shares the science-park row.
    for (const c of PLAN_CLASSES) expect(shown.has(c), c).toBe(true);
  });

  // The built tiles, built with the shared OSM data (without it the context layers below are rightly absent).
  itWithData(basemap, OSM_DIR)('uses only source layers that exist in the built tiles', async () => {
    const meta = (await openPmtilesFile(basemap).getMetadata()) as { vector_layers: { id: string }[] };
    const available = new Set(meta.vector_layers.map((l) => l.id));
    const ls = layers(light, 'zh', { available });
    const used = ls.flatMap((l) => ('source-layer' in l && l['source-layer'] ? [l['source-layer']] : []));
    expect(used.length).toBeGreaterThan(5);
    for (const sl of used) expect(available.has(sl), `source-layer ${sl}`).toBe(true);
    // With the shared OSM data beside the repository, the context layers must all be there.
    for (const id of ['districts', 'district_labels', 'water', 'waterways', 'metro_lines', 'metro_stations', 'elevated_roads']) {
      expect(available.has(id), id).toBe(true);
    }
  });
});

describe('credits', () => {
  const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

  it('are in the reader’s language, and credit OpenStreetMap in both', () => {
    const zh = attribution('zh');
    const en = attribution('en');
    expect(zh).toContain('© OpenStreetMap');
    expect(en).toContain('© OpenStreetMap contributors');
    expect(en).not.toMatch(CJK);
    // Chinese keeps only names and codes in Latin script: no English word of the English credits.
    expect(zh).not.toMatch(/contributors|District|Plan|project|dataset|document/);
    for (const part of Object.values(CREDITS)) {
      expect(zh).toContain(part.zh);
      expect(en).toContain(part.en);
    }
  });

  it('drop the basemap’s part while the map draws without it, and keep the plan’s', () => {
    for (const lang of ['zh', 'en'] as const) {
      const without = attribution(lang, { basemap: false });
      expect(without).not.toContain('OpenStreetMap');
      expect(without).toContain(CREDITS.places[lang]);
      expect(without).toContain(CREDITS.plan[lang]);
    }
  });

  it('are plain text: MapLibre shows them as HTML', () => {
    for (const lang of ['zh', 'en'] as const) for (const basemap of [true, false]) expect(attribution(lang, { basemap })).not.toMatch(/[<>&"]/);
  });

  it('stay out of the style’s sources, so a change of language never replaces a source', () => {
    const opts = { basemapUrl: 'pmtiles://http://x/b.pmtiles', planUrl: 'http://x/data/plan.geojson' };
    const zh = buildStyle({ ...opts, lang: 'zh' });
    expect(buildStyle({ ...opts, lang: 'en' }).sources).toEqual(zh.sources);
    // An empty credit on the basemap source keeps the archive's own (English) one out of the attribution control.
    expect(zh.sources.basemap).toMatchObject({ attribution: '' });
    for (const source of Object.values(zh.sources)) expect(['', undefined]).toContain((source as { attribution?: string }).attribution);
  });
});

describe('exploring tasks', () => {
  const named = (n: number) => ['in', n, ['coalesce', ['get', 'plan_tasks'], ['literal', []]]];
  // A paint value evaluated for one feature at one zoom, as MapLibre would.
  const opacity = (value: unknown, key: string, kind: 'circle' | 'fill', properties: Record<string, unknown>, zoom = 14) => {
    const spec = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>)[`paint_${kind}`]![key]!;
    const parsed = createPropertyExpression(value, key, spec);
    if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
    return parsed.value.evaluate({ zoom }, { type: kind === 'circle' ? 'Point' : 'Polygon', properties } as never);
  };

  it('fades plan features that name none of the chosen tasks, and leaves the basemap alone', () => {
    const ls = layers(light, 'zh', { tasks: [4, 17] });
    const circle = ls.find((l) => l.id === 'science-parks-circle') as { paint: Record<string, unknown> };
    expect(circle.paint['circle-opacity']).toEqual(['case', ['any', named(4), named(17)], ['case', ['get', 'indicative'], 0.25, 0.95], 0.12]);
    expect(ls.find((l) => l.id === 'metro-line')).toEqual(layers(light, 'zh').find((l) => l.id === 'metro-line'));
    expect(validateStyleMin(buildStyle({ lang: 'en', tasks: [4, 17], basemapUrl: 'pmtiles://http://x/b.pmtiles', planUrl: 'http://x/p.geojson' }))).toEqual([]);
    expect(validateStyleMin(buildStyle({ lang: 'zh', tasks: [7], basemapUrl: 'pmtiles://http://x/b.pmtiles', planUrl: 'http://x/p.geojson' }))).toEqual([]);
  });

  it('emphasises a feature of any chosen task and fades one of neither, evaluated as MapLibre does', () => {
    const value = (layers(light, 'zh', { tasks: [4, 17] }).find((l) => l.id === 'science-parks-circle') as { paint: Record<string, unknown> }).paint[
      'circle-opacity'
    ];
    expect(opacity(value, 'circle-opacity', 'circle', { plan_tasks: [4], indicative: false })).toBe(0.95);
    expect(opacity(value, 'circle-opacity', 'circle', { plan_tasks: [2, 17], indicative: true })).toBe(0.25);
    expect(opacity(value, 'circle-opacity', 'circle', { plan_tasks: [7, 10], indicative: false })).toBe(0.12);
    expect(opacity(value, 'circle-opacity', 'circle', { indicative: false })).toBe(0.12);
  });

  it('changes nothing when no task is chosen', () => {
    expect(layers(light, 'zh', { tasks: [] })).toEqual(layers(light, 'zh'));
  });
});

describe('fading by task with zoom-driven opacity', () => {
  it('wraps each output of a zoom interpolation, keeping the interpolation on top', () => {
    const fill = layers(light, 'zh', { tasks: [4] }).find((l) => l.id === 'zone-future-valley-fill') as unknown as { paint: Record<string, unknown[]> };
    const value = fill.paint['fill-opacity']!;
    expect(value.slice(0, 3)).toEqual(['interpolate', ['linear'], ['zoom']]);
    expect(value[3]).toBe(12);
    expect((value[4] as unknown[])[0]).toBe('case');
    expect(value[5]).toBe(15);
    expect((value[6] as unknown[])[3]).toBe(0.12);
    expect(validateStyleMin(buildStyle({ lang: 'zh', tasks: [4], basemapUrl: 'pmtiles://http://x/b.pmtiles', planUrl: 'http://x/p.geojson' }))).toEqual([]);
  });
});
