import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanGeometry, PlanOutputCollection, PlanOutputFeature, PlanRecord } from '../../../src/lib/data/plan-schema.ts';
import { yangpuOutline } from '../districts.ts';
import { deriveZone, type ZoneDerivation } from './derive-zones.ts';
import { loadPlanSources } from './load.ts';
import { geometryProblems, PlanValidationError, validatePlanSources, type Outline } from './validate.ts';

export const LOCATED_FILE = 'plan.geojson';
export const UNLOCATED_FILE = 'plan-unlocated.json';

export interface BuildPlanOptions {
  /** Folder of the hand-authored sources. */
  dataDir?: string;
  /** Yangpu's outline (WGS-84); defaults to the one derived from echarts@4.9.0. */
  outline?: Outline;
  /** The plan's Chinese text; when given, quotations in summary_zh are checked against it. */
  planText?: string;
}

export interface PlanDataset {
  /** Every located feature, the derived zones first, each with a stable numeric top-level id. */
  located: PlanOutputCollection;
  /** Records whose location is not published (no geometry). */
  unlocated: PlanRecord[];
  /** How each zone outline was derived. */
  zones: { id: string; derivation: ZoneDerivation }[];
}

/**
 * Stable numeric id for MapLibre feature-state: FNV-1a (32-bit) of the string id, kept to 31 bits and non-zero.
 * It depends on the string id only, so it does not change when features are added or reordered.
 */
export function numericId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % 0x7fffffff || 1;
}

/** Validates the sources, derives the zone outlines and assembles the two outputs. Throws PlanValidationError. */
export function buildPlanDataset(options: BuildPlanOptions = {}): PlanDataset {
  const { dataDir = 'data/plan', outline = yangpuOutline(), planText } = options;
  const sources = loadPlanSources(dataDir);
  const valid = validatePlanSources(sources, { outline, planText });

  const zoneFeatures: PlanOutputFeature[] = [];
  const zones: PlanDataset['zones'] = [];
  const errors: string[] = [];
  for (const { file, zone } of valid.zones) {
    const derived = deriveZone(zone, valid.features, outline);
    const problems = geometryProblems(derived.feature.geometry, outline);
    errors.push(...problems.map((p) => `${file}: zone "${zone.id}": derived outline: ${p}`));
    zoneFeatures.push({
      type: 'Feature',
      id: numericId(zone.id),
      properties: derived.feature.properties,
      geometry: derived.feature.geometry as PlanGeometry,
    });
    zones.push({ id: zone.id, derivation: derived.derivation });
  }

  // Components carry their zones so the map can draw them in their zone's colour.
  const zonesOf = new Map<string, string[]>();
  for (const { zone } of valid.zones) for (const c of zone.components) zonesOf.set(c, [...(zonesOf.get(c) ?? []), zone.id]);
  const located: PlanOutputFeature[] = [...zoneFeatures];
  const unlocated: PlanRecord[] = [];
  for (const f of valid.features) {
    const zones = zonesOf.get(f.properties.id);
    const properties = zones ? { ...f.properties, zones } : f.properties;
    if (f.geometry === null) unlocated.push(properties);
    else located.push({ type: 'Feature', id: numericId(f.properties.id), properties, geometry: f.geometry });
  }
  const seen = new Map<number, string>();
  for (const f of located) {
    const other = seen.get(f.id);
    if (other !== undefined) errors.push(`numeric id ${f.id} of "${f.properties.id}" collides with "${other}": rename one of them`);
    seen.set(f.id, f.properties.id);
  }
  if (errors.length > 0) throw new PlanValidationError(errors);
  return { located: { type: 'FeatureCollection', features: located }, unlocated, zones };
}

/** Writes plan.geojson and plan-unlocated.json (compact JSON) into outDir; returns each file's size in bytes. */
export function writePlanDataset(outDir: string, result: PlanDataset): { path: string; bytes: number }[] {
  mkdirSync(outDir, { recursive: true });
  const files: [string, unknown][] = [
    [join(outDir, LOCATED_FILE), result.located],
    [join(outDir, UNLOCATED_FILE), result.unlocated],
  ];
  return files.map(([path, data]) => {
    writeFileSync(path, `${JSON.stringify(data)}\n`);
    return { path, bytes: statSync(path).size };
  });
}
