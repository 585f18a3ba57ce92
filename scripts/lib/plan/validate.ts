import area from '@turf/area';
import booleanValid from '@turf/boolean-valid';
import kinks from '@turf/kinks';
import length from '@turf/length';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { z } from 'zod';
import {
  CLASSES_WITHOUT_REQUIRED_TASK,
  GeometrySchema,
  MAX_DRONE_ALTITUDE_M,
  PlanPropertiesSchema,
  PlanSourceFileSchema,
  ZoneDefinitionSchema,
  ZonesFileSchema,
  type PlanGeometry,
  type PlanProperties,
  type ZoneDefinition,
} from '../../../src/lib/data/plan-schema.ts';
import type { PlanSources } from './load.ts';

export type Outline = Feature<Polygon | MultiPolygon>;

/** How far outside Yangpu's outline a vertex may lie (the outline itself is ±100 m; bridges stand in the river). */
export const MAX_OUTSIDE_M = 1000;
/** Tolerance between a recorded `area_km2` / `length_km` and the measured value. */
export const RECORDED_MEASURE_TOLERANCE = 0.02;
/** Tolerance between a drawn polygon's area and the area its source states. */
export const STATED_AREA_TOLERANCE = 0.2;

/** A located or unlocated source feature that passed validation. */
export interface ValidFeature {
  file: string;
  properties: PlanProperties;
  geometry: PlanGeometry | null;
}
export interface ValidZone {
  file: string;
  zone: ZoneDefinition;
}
export interface ValidatedSources {
  features: ValidFeature[];
  zones: ValidZone[];
}

export class PlanValidationError extends Error {
  readonly errors: string[];
  constructor(errors: string[]) {
    super(`plan data: ${errors.length} problem${errors.length === 1 ? '' : 's'}\n${errors.join('\n')}`);
    this.name = 'PlanValidationError';
    this.errors = errors;
  }
}

export interface ValidateOptions {
  outline: Outline;
  /** The plan's Chinese text; when given, every 「quoted」 passage of summary_zh must occur in it. */
  planText?: string;
}

function formatIssues(error: z.ZodError, prefix: string): string[] {
  return error.issues.map((iss) => {
    const path = iss.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
    return path ? `${prefix}.${path}: ${iss.message}` : `${prefix}: ${iss.message}`;
  });
}

function* positionsOf(g: PlanGeometry): Generator<Position> {
  switch (g.type) {
    case 'Point':
      yield g.coordinates;
      break;
    case 'LineString':
      yield* g.coordinates;
      break;
    case 'Polygon':
      for (const ring of g.coordinates) yield* ring;
      break;
    case 'MultiPolygon':
      for (const poly of g.coordinates) for (const ring of poly) yield* ring;
      break;
  }
}

function ringsOf(g: PlanGeometry): Position[][] {
  if (g.type === 'Polygon') return g.coordinates;
  if (g.type === 'MultiPolygon') return g.coordinates.flat();
  return [];
}

const isPolygonal = (g: PlanGeometry | null): g is Extract<PlanGeometry, { type: 'Polygon' | 'MultiPolygon' }> =>
  g !== null && (g.type === 'Polygon' || g.type === 'MultiPolygon');

/** Largest distance (m) of any vertex outside the outline; ≤ 0 when every vertex is inside. */
export function maxDistanceOutside(g: PlanGeometry, outline: Outline): number {
  let worst = -Infinity;
  for (const p of positionsOf(g)) {
    const d = pointToPolygonDistance([p[0]!, p[1]!], outline, { units: 'meters' });
    if (d > worst) worst = d;
  }
  return worst;
}

/**
 * Geometric problems of one geometry (messages without the file/feature prefix): swapped or out-of-range
 * coordinates, unclosed or short rings, self-intersections, OGC validity, distance from Yangpu's outline.
 */
export function geometryProblems(g: PlanGeometry, outline: Outline): string[] {
  const problems: string[] = [];
  let swapped = false;
  let outOfRange = false;
  for (const [x, y] of positionsOf(g)) {
    if (Math.abs(y!) > 90 && Math.abs(x!) <= 90) swapped = true;
    else if (Math.abs(x!) > 180 || Math.abs(y!) > 90) outOfRange = true;
  }
  if (swapped) problems.push('coordinates look swapped (lat, lon): GeoJSON wants [lon, lat], e.g. [121.5, 31.3]');
  if (outOfRange) problems.push('coordinates out of range (lon must be within ±180, lat within ±90)');
  if (swapped || outOfRange) return problems;

  if (g.type === 'LineString') {
    const distinct = new Set(g.coordinates.map((p) => `${p[0]},${p[1]}`));
    if (g.coordinates.length < 2 || distinct.size < 2) problems.push('a LineString needs at least two distinct positions');
  }
  let ringsOk = true;
  for (const ring of ringsOf(g)) {
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (ring.length < 4) {
      problems.push(`a polygon ring has ${ring.length} positions (at least 4, first = last)`);
      ringsOk = false;
    } else if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) {
      problems.push('a polygon ring is not closed (its last position must repeat the first)');
      ringsOk = false;
    }
  }
  if (!ringsOk) return problems;

  if (g.type !== 'Point') {
    const k = kinks(g as Polygon | MultiPolygon).features;
    if (k.length > 0) {
      const at = k[0]!.geometry.coordinates.map((c) => c.toFixed(5)).join(', ');
      problems.push(`self-intersection (${k.length} kink${k.length === 1 ? '' : 's'}, first at ${at})`);
    } else if (!booleanValid(g)) {
      problems.push('geometry is not valid (OGC simple features: e.g. a hole outside its shell or overlapping parts)');
    }
  }

  const outside = maxDistanceOutside(g, outline);
  if (outside > MAX_OUTSIDE_M) {
    problems.push(`lies ${(outside / 1000).toFixed(1)} km outside Yangpu's outline (allowed: within ${MAX_OUTSIDE_M / 1000} km)`);
  }
  return problems;
}

/** Text with all whitespace removed, for comparing quotations with the plan (its lines break mid-sentence). */
export const normalisePlanText = (s: string): string => s.replace(/\s+/g, '');

/** The 「…」 passages of a text, each split at ellipses (…… marks an elision inside a quotation). */
export function quotedPassages(s: string): string[] {
  return [...s.matchAll(/「([^」]*)」/g)].flatMap((m) =>
    m[1]!
      .split(/…+/)
      .map((p) => p.trim())
      .filter((p) => p.length > 0),
  );
}

/** Checks of the summary texts against plan_tasks (and the plan text, if given). */
function summaryProblems(p: Pick<PlanProperties, 'plan_tasks' | 'summary_zh' | 'summary_en'>, planText?: string): string[] {
  const problems: string[] = [];
  const tasks = new Set(p.plan_tasks);
  const zh = new Set([...p.summary_zh.matchAll(/任务(\d+)/g)].map((m) => Number(m[1])));
  const en = new Set([...p.summary_en.matchAll(/\bTasks? (\d+)/g)].map((m) => Number(m[1])));
  const missing = (cited: Set<number>) => [...tasks].filter((t) => !cited.has(t));
  const extra = (cited: Set<number>) => [...cited].filter((t) => !tasks.has(t));
  if (missing(zh).length) problems.push(`summary_zh does not quote task(s) ${missing(zh).join(', ')} of plan_tasks (write 任务N：「…」)`);
  if (extra(zh).length) problems.push(`summary_zh cites task(s) ${extra(zh).join(', ')} missing from plan_tasks`);
  if (missing(en).length) problems.push(`summary_en does not gloss task(s) ${missing(en).join(', ')} of plan_tasks (write Task N: …)`);
  if (extra(en).length) problems.push(`summary_en cites task(s) ${extra(en).join(', ')} missing from plan_tasks`);
  if (tasks.size > 0 && quotedPassages(p.summary_zh).length === 0) {
    problems.push('summary_zh must quote the plan in 「…」');
  }
  if (planText !== undefined) {
    const plan = normalisePlanText(planText);
    for (const q of quotedPassages(p.summary_zh)) {
      if (!plan.includes(normalisePlanText(q))) problems.push(`summary_zh quotes text that is not in the plan: 「${q}」`);
    }
  }
  return problems;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Checks that need properties and geometry together. */
function featureProblems(p: PlanProperties, g: PlanGeometry | null, planText?: string): string[] {
  const problems: string[] = [];
  if (p.class === 'zone') {
    problems.push('class "zone" is derived by the build from its components: define it in zones.json, not in a .geojson file');
  }
  if (g === null && p.location_published) {
    problems.push('geometry is null but location_published is true (a record without geometry must say location_published: false)');
  }
  if (g !== null && !p.location_published) {
    problems.push('location_published is false but the feature has a geometry (use geometry: null — never an invented point)');
  }
  if (g !== null && p.precision_m === null) problems.push('precision_m must be a number (metres) for a located feature');
  if (g === null && p.precision_m !== null) problems.push('precision_m must be null for a record without geometry');
  if (g === null && p.indicative) problems.push('indicative must be false for a record without geometry (nothing is drawn)');
  if (g !== null && g.type !== 'Point' && !p.indicative) {
    problems.push(`indicative must be true: every ${g.type} of this dataset is drawn from descriptions`);
  }
  if (p.plan_tasks.length === 0 && !CLASSES_WITHOUT_REQUIRED_TASK.includes(p.class)) {
    problems.push(`plan_tasks is empty: a ${p.class} must cite at least one task of the plan (1–18)`);
  }
  if (p.class === 'drone_route') {
    if (g !== null && g.type !== 'LineString') problems.push(`a drone_route must be a LineString, not a ${g.type}`);
    if (!p.altitude_m) problems.push('a drone_route needs altitude_m: [min, max] in metres');
  } else if (p.altitude_m) {
    problems.push('altitude_m is only for drone routes');
  }
  if (p.altitude_m) {
    const [lo, hi] = p.altitude_m;
    if (!(lo < hi)) problems.push(`altitude_m [${lo}, ${hi}] must have min < max`);
    if (hi > MAX_DRONE_ALTITUDE_M) problems.push(`altitude_m max ${hi} m exceeds the ${MAX_DRONE_ALTITUDE_M} m ceiling for light/small drones`);
  }
  if (p.class === 'landing_site' && g !== null && g.type !== 'Point') problems.push(`a landing_site must be a Point, not a ${g.type}`);
  if (p.components) problems.push('components are only for zones (zones.json)');
  if (p.area_km2 !== undefined || p.area_km2_stated !== undefined) {
    if (!isPolygonal(g)) {
      problems.push('area_km2 / area_km2_stated need a Polygon or MultiPolygon geometry');
    } else {
      const measured = area(g) / 1e6;
      if (p.area_km2 !== undefined && Math.abs(p.area_km2 - measured) > Math.max(0.01, RECORDED_MEASURE_TOLERANCE * measured)) {
        problems.push(`area_km2 is ${p.area_km2} but the polygon measures ${round2(measured)} km² (@turf/area)`);
      }
      if (p.area_km2_stated !== undefined && Math.abs(measured / p.area_km2_stated - 1) > STATED_AREA_TOLERANCE) {
        problems.push(
          `the polygon measures ${round2(measured)} km², too far from the stated ${p.area_km2_stated} km² (tolerance ±${STATED_AREA_TOLERANCE * 100} %)`,
        );
      }
    }
  }
  if (p.length_km !== undefined) {
    if (g === null || g.type !== 'LineString') {
      problems.push('length_km needs a LineString geometry');
    } else {
      const measured = length({ type: 'Feature', properties: {}, geometry: g });
      if (Math.abs(p.length_km - measured) > Math.max(0.01, RECORDED_MEASURE_TOLERANCE * measured)) {
        problems.push(`length_km is ${p.length_km} but the line measures ${round2(measured)} km (@turf/length)`);
      }
    }
  }
  problems.push(...summaryProblems(p, planText));
  return problems;
}

/**
 * Validates every source file and returns the parsed features, or the list of problems — each naming the file,
 * the feature and the problem, e.g. `data/plan/platforms.geojson: feature "pf-foo": coordinates look swapped (lat, lon)`.
 */
export function collectPlanProblems(sources: PlanSources, options: ValidateOptions): { result: ValidatedSources; errors: string[] } {
  const errors = [...sources.errors];
  const features: ValidFeature[] = [];
  const zones: ValidZone[] = [];
  const firstSeen = new Map<string, string>();
  const claimId = (id: string, file: string, label: string) => {
    const seen = firstSeen.get(id);
    if (seen !== undefined) errors.push(`${file}: ${label}: duplicate id (first defined in ${seen})`);
    else firstSeen.set(id, file);
  };

  for (const src of sources.geojson) {
    const file = src.path;
    const top = PlanSourceFileSchema.safeParse(src.json);
    if (!top.success) {
      errors.push(...formatIssues(top.error, file));
      continue;
    }
    top.data.features.forEach((raw, index) => {
      const obj = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
      const propsRaw = (typeof obj.properties === 'object' && obj.properties !== null ? obj.properties : {}) as Record<string, unknown>;
      const label = typeof propsRaw.id === 'string' && propsRaw.id ? `feature "${propsRaw.id}"` : `feature #${index} (no id)`;
      const prefix = `${file}: ${label}`;
      const before = errors.length;
      if (obj.type !== 'Feature') errors.push(`${prefix}: type must be "Feature" (got ${JSON.stringify(obj.type)})`);
      for (const key of Object.keys(obj)) {
        if (!['type', 'properties', 'geometry', 'id'].includes(key)) errors.push(`${prefix}: unexpected member "${key}"`);
      }
      if (obj.id !== undefined) errors.push(`${prefix}: no top-level id in sources (the build assigns numeric ids); use properties.id`);
      if (!('geometry' in obj)) errors.push(`${prefix}: geometry is missing (use null for a record without geometry)`);

      const props = PlanPropertiesSchema.safeParse(propsRaw);
      if (!props.success) errors.push(...formatIssues(props.error, `${prefix}: properties`));
      let geometry: PlanGeometry | null = null;
      let geometryOk = true;
      if (obj.geometry !== null && obj.geometry !== undefined) {
        const g = GeometrySchema.safeParse(obj.geometry);
        if (!g.success) {
          geometryOk = false;
          errors.push(...formatIssues(g.error, `${prefix}: geometry`));
        } else {
          geometry = g.data;
          errors.push(...geometryProblems(geometry, options.outline).map((m) => `${prefix}: ${m}`));
        }
      }
      if (typeof propsRaw.id === 'string' && propsRaw.id) claimId(propsRaw.id, file, label);
      if (props.success && geometryOk) {
        errors.push(...featureProblems(props.data, geometry, options.planText).map((m) => `${prefix}: ${m}`));
      }
      if (errors.length === before && props.success) features.push({ file, properties: props.data, geometry });
    });
  }

  if (sources.zones) {
    const file = sources.zones.path;
    const top = ZonesFileSchema.safeParse(sources.zones.json);
    if (!top.success) {
      errors.push(...formatIssues(top.error, file));
    } else {
      top.data.zones.forEach((raw, index) => {
        const obj = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
        const label = typeof obj.id === 'string' && obj.id ? `zone "${obj.id}"` : `zone #${index} (no id)`;
        const prefix = `${file}: ${label}`;
        const before = errors.length;
        const z = ZoneDefinitionSchema.safeParse(obj);
        if (typeof obj.id === 'string' && obj.id) claimId(obj.id, file, label);
        if (!z.success) {
          errors.push(...formatIssues(z.error, prefix));
          return;
        }
        errors.push(...summaryProblems(z.data, options.planText).map((m) => `${prefix}: ${m}`));
        if (z.data.plan_tasks.length === 0) errors.push(`${prefix}: plan_tasks is empty: a zone must cite its task`);
        if (errors.length === before) zones.push({ file, zone: z.data });
      });
    }
  }

  // References between records (only once every record is known).
  const byId = new Map(features.map((f) => [f.properties.id, f]));
  for (const f of features) {
    const parent = f.properties.parent;
    if (parent !== undefined && !byId.has(parent)) {
      errors.push(`${f.file}: feature "${f.properties.id}": parent "${parent}" is not a feature id`);
    }
    if (parent === f.properties.id) errors.push(`${f.file}: feature "${f.properties.id}": parent is itself`);
  }
  for (const { file, zone } of zones) {
    for (const c of zone.components) {
      const member = byId.get(c);
      if (!member) errors.push(`${file}: zone "${zone.id}": component "${c}" is not a feature id`);
      else if (!isPolygonal(member.geometry)) {
        errors.push(`${file}: zone "${zone.id}": component "${c}" has no polygon to derive an outline from`);
      }
    }
  }
  return { result: { features, zones }, errors };
}

/** Like {@link collectPlanProblems} but throws a {@link PlanValidationError} listing every problem. */
export function validatePlanSources(sources: PlanSources, options: ValidateOptions): ValidatedSources {
  const { result, errors } = collectPlanProblems(sources, options);
  if (errors.length > 0) throw new PlanValidationError(errors);
  return result;
}
