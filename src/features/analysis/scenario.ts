/**
 * Scenarios of the dispersion dashboard: which of the plan's places count as park space. Pure: plan features in,
 * park features out, inputs never mutated; no Svelte or MapLibre.
 *
 * A place is "in" a zone or a drawn polygon when the point is inside; an outline is in when the centre of its
 * bounding box is inside or, for concave or off-centre shapes whose centre falls outside, when any vertex is.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import { drawnPolygon } from '../../lib/data/drawn-area.ts';
import type { ParkFeature, ZoneInput } from './dispersion-types.ts';

import { ZONE_IDS, type Scenario } from './scenario-spec.ts';

/** A plan feature as the scenario reads it. */
export type PlanLike = Feature<Geometry | null, { id: string; class: string; name_zh?: string; name_en?: string; [key: string]: unknown }>;

/** Options of {@link scenarioCandidates} and {@link selectParks}. */
export interface SelectOptions {
  /** The zones (default: none, and a zone filter then keeps nothing). */
  zones?: readonly ZoneInput[];
  /** The drawn polygon's vertices (lon/lat, open ring); fewer than 3 means "no polygon". */
  area?: readonly [number, number][];
}

/** The places a scenario's class, zone and polygon filters keep, before the user's unticking. Sorted by id. */
export function scenarioCandidates(features: readonly PlanLike[], scenario: Scenario, options: SelectOptions = {}): ParkFeature[] {
  const classes = new Set<string>(scenario.classes);
  const zones = options.zones ?? [];
  const fv = zones.find((z) => z.id === ZONE_IDS.future_valley)?.geometry;
  const ysp = zones.find((z) => z.id === ZONE_IDS.yangshupu)?.geometry;
  const ring = drawnPolygon(options.area);
  const out: ParkFeature[] = [];
  for (const f of features) {
    const g = f.geometry;
    if (!classes.has(f.properties.class) || !g) continue;
    if (g.type !== 'Point' && g.type !== 'Polygon' && g.type !== 'MultiPolygon') continue;
    const inFv = fv ? touches(g, fv) : false;
    const inYsp = ysp ? touches(g, ysp) : false;
    const keep =
      scenario.zone === 'any' ||
      (scenario.zone === 'future_valley' && inFv) ||
      (scenario.zone === 'yangshupu' && inYsp) ||
      (scenario.zone === 'either' && (inFv || inYsp));
    if (!keep) continue;
    if (scenario.inArea && ring && !touches(g, ring)) continue;
    out.push({
      type: 'Feature',
      geometry: g,
      properties: { id: f.properties.id, name_zh: f.properties.name_zh, name_en: f.properties.name_en, class: f.properties.class },
    } as ParkFeature);
  }
  return out.sort((a, b) => (a.properties.id < b.properties.id ? -1 : a.properties.id > b.properties.id ? 1 : 0));
}

/** The parks a scenario counts: its candidates minus the ones the user took out. */
export function selectParks(features: readonly PlanLike[], scenario: Scenario, options: SelectOptions = {}): ParkFeature[] {
  const off = new Set(scenario.off);
  return scenarioCandidates(features, scenario, options).filter((p) => !off.has(p.properties.id));
}

// A point is in when it lies inside; an outline when its centre does, or failing that any of its vertices.
function touches(g: Geometry, zone: Polygon | MultiPolygon): boolean {
  if (g.type === 'Point') return booleanPointInPolygon(g.coordinates, zone);
  const rings = g.type === 'Polygon' ? [g.coordinates[0]!] : g.type === 'MultiPolygon' ? g.coordinates.map((p) => p[0]!) : [];
  const all = rings.flat();
  if (all.length === 0) return false;
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const [x, y] of all) {
    minX = Math.min(minX, x!);
    maxX = Math.max(maxX, x!);
    minY = Math.min(minY, y!);
    maxY = Math.max(maxY, y!);
  }
  if (booleanPointInPolygon([(minX + maxX) / 2, (minY + maxY) / 2], zone)) return true;
  return all.some((p) => booleanPointInPolygon(p, zone));
}

/** Zones of the plan's features, ready for the analysis and the scenarios. */
export function zonesOf(features: readonly PlanLike[]): ZoneInput[] {
  return features
    .filter((f) => f.properties.class === 'zone' && (f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon'))
    .map((f) => ({
      id: f.properties.id,
      name_zh: f.properties.name_zh ?? f.properties.id,
      name_en: f.properties.name_en ?? f.properties.id,
      geometry: f.geometry as Polygon | MultiPolygon,
    }));
}
