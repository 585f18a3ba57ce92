import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanPropertiesSchema, type PlanOutputCollection, type PlanRecord } from '../../src/lib/data/plan-schema.ts';
import { yangpuOutline } from '../../scripts/lib/districts.ts';
import { buildPlanDataset, LOCATED_FILE, numericId, UNLOCATED_FILE, writePlanDataset, type PlanDataset } from '../../scripts/lib/plan/build.ts';

const outline = yangpuOutline();
let dataset: PlanDataset;
const out = mkdtempSync(join(tmpdir(), 'plan-build-'));
let written: { path: string; bytes: number }[];
let located: PlanOutputCollection;
let unlocated: PlanRecord[];

beforeAll(() => {
  dataset = buildPlanDataset({ dataDir: 'data/plan', outline });
  written = writePlanDataset(out, dataset);
  located = JSON.parse(readFileSync(join(out, LOCATED_FILE), 'utf8')) as PlanOutputCollection;
  unlocated = JSON.parse(readFileSync(join(out, UNLOCATED_FILE), 'utf8')) as PlanRecord[];
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('plan build output', () => {
  it('holds every located feature, by class', () => {
    const count: Record<string, number> = {};
    for (const f of located.features) count[f.properties.class] = (count[f.properties.class] ?? 0) + 1;
    expect(count).toEqual({
      zone: 2,
      zone_component: 8,
      campus: 8,
      university_science_park: 8,
      platform: 7,
      incubator: 5,
      landmark: 5,
      landing_site: 4,
      drone_route: 3,
    });
    expect(located.type).toBe('FeatureCollection');
    expect(located.features[0]?.properties.class).toBe('zone');
  });

  it('gives every feature a geometry and a stable, unique, positive 31-bit numeric id', () => {
    const ids = located.features.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of located.features) {
      expect(f.geometry, f.properties.id).not.toBeNull();
      expect(Number.isInteger(f.id)).toBe(true);
      expect(f.id).toBeGreaterThan(0);
      expect(f.id).toBeLessThan(2 ** 31);
      expect(f.id).toBe(numericId(f.properties.id));
    }
    // Pinned: the id depends only on the string id (FNV-1a), so it survives reordering and additions.
    expect(numericId('zone-future-valley')).toBe(307639919);
    expect(numericId('zone-future-valley')).not.toBe(numericId('zone-yangshupu-belt'));
  });

  it('keeps arrays and the source object as JSON arrays/objects, and every record valid for the schema', () => {
    for (const f of located.features) {
      expect(Array.isArray(f.properties.plan_tasks), f.properties.id).toBe(true);
      expect(Array.isArray(f.properties.industries), f.properties.id).toBe(true);
      expect(typeof f.properties.source).toBe('object');
      expect(PlanPropertiesSchema.safeParse(f.properties).success, f.properties.id).toBe(true);
    }
    const route = located.features.find((f) => f.properties.id === 'dr-hopson-hulian-baodi');
    expect(route?.properties.altitude_m).toEqual([60, 120]);
  });

  it('writes the records without published location separately, without geometry', () => {
    expect(unlocated.map((r) => r.id).sort()).toEqual(
      [
        'pf-china-eu-exchange-center',
        'pf-fudan-new-engineering',
        'pf-german-chambers-alliance',
        'pf-intelligent-industry-institute',
        'pf-shanghai-technology-exchange',
        'pf-yrd-national-tech-innovation-center',
      ].sort(),
    );
    for (const r of unlocated) {
      expect(r.location_published).toBe(false);
      expect(r.precision_m).toBeNull();
      expect(r).not.toHaveProperty('geometry');
      expect(PlanPropertiesSchema.safeParse(r).success, r.id).toBe(true);
    }
    const ids = new Set(located.features.map((f) => f.properties.id));
    for (const r of unlocated) expect(ids.has(r.id)).toBe(false);
  });

  it('reports the sizes it wrote, and stays small enough to ship as plain GeoJSON (< 100 kB)', () => {
    expect(written.map((w) => w.path)).toEqual([join(out, LOCATED_FILE), join(out, UNLOCATED_FILE)]);
    for (const w of written) expect(w.bytes).toBe(statSync(w.path).size);
    expect(written[0]!.bytes).toBeLessThan(100_000);
    expect(written[1]!.bytes).toBeLessThan(20_000);
  });

  it('is deterministic', () => {
    const again = buildPlanDataset({ dataDir: 'data/plan', outline });
    expect(JSON.stringify(again.located)).toBe(JSON.stringify(dataset.located));
    expect(JSON.stringify(again.unlocated)).toBe(JSON.stringify(dataset.unlocated));
  });
});
