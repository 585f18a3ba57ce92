import area from '@turf/area';
import buffer from '@turf/buffer';
import convex from '@turf/convex';
import intersect from '@turf/intersect';
import union from '@turf/union';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { PlanPropertiesSchema, type PlanProperties, type ZoneDefinition } from '../../../src/lib/data/plan-schema.ts';
import type { Outline, ValidFeature } from './validate.ts';

/** Closing radii tried, in metres, when the components' union falls apart into several pieces. */
export const JOIN_STEP_M = 100;
export const JOIN_MAX_M = 1000;
/** Coordinates of derived outlines are rounded to 6 decimals (about 0.1 m). */
export const DERIVED_DECIMALS = 6;

type Polygonal = Feature<Polygon | MultiPolygon>;

export interface ZoneDerivation {
  /** Pieces of the plain union of the components. */
  unionPieces: number;
  /** How the pieces were joined: none (already one piece), closing (buffer +r then −r) or convex hull. */
  join: { method: 'none' } | { method: 'closing'; radius_m: number } | { method: 'convex_hull' };
  /** Area of the union before joining and clipping, km². */
  unionAreaKm2: number;
  /** Area of the final, clipped outline, km². */
  areaKm2: number;
}

export interface DerivedZone {
  feature: Feature<Polygon | MultiPolygon, PlanProperties>;
  derivation: ZoneDerivation;
}

const pieces = (f: Polygonal) => (f.geometry.type === 'Polygon' ? 1 : f.geometry.coordinates.length);
const round2 = (n: number) => Math.round(n * 100) / 100;
const factor = 10 ** DERIVED_DECIMALS;

function roundRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q = [Math.round(p[0]! * factor) / factor, Math.round(p[1]! * factor) / factor];
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== q[0] || prev[1] !== q[1]) out.push(q);
  }
  return out;
}

/** Rounds coordinates and drops the repeated positions that rounding creates. */
export function roundGeometry(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(roundRing) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(roundRing)) };
}

/**
 * Joins the pieces of a union: a morphological closing (buffer outwards by r, then inwards by r) with the
 * smallest r in 100 m steps up to 1 km that makes one piece — it fills only the gaps narrower than 2r and keeps
 * the components' shapes elsewhere. A convex hull is the fallback (it would swallow large unplanned areas
 * between a riverside strip and inland parks, so it is used only if closing fails).
 */
export function joinPieces(u: Polygonal): { joined: Polygonal; join: ZoneDerivation['join'] } {
  if (pieces(u) === 1) return { joined: u, join: { method: 'none' } };
  for (let r = JOIN_STEP_M; r <= JOIN_MAX_M; r += JOIN_STEP_M) {
    const grown = buffer(u, r, { units: 'meters' });
    if (!grown) continue;
    const closed = buffer(grown, -r, { units: 'meters' }) as Polygonal | undefined;
    if (closed && pieces(closed) === 1) return { joined: closed, join: { method: 'closing', radius_m: r } };
  }
  const hull = convex(u);
  if (!hull) throw new Error('zone derivation: convex hull of the components failed');
  return { joined: hull, join: { method: 'convex_hull' } };
}

/** How the outline was derived, in English. */
function describe(def: ZoneDefinition, d: ZoneDerivation): string {
  const join =
    d.join.method === 'none'
      ? 'the components overlap or touch, so the union is one piece and no join was needed'
      : d.join.method === 'closing'
        ? `the union had ${d.unionPieces} pieces, joined by a morphological closing (buffer +${d.join.radius_m} m then −${d.join.radius_m} m), the smallest radius in ${JOIN_STEP_M} m steps that makes one piece`
        : `the union had ${d.unionPieces} pieces that a closing of up to ${JOIN_MAX_M} m did not join, so the convex hull was used`;
  return (
    `Derived by scripts/lib/plan/derive-zones.ts: union (@turf/union) of the ${def.components.length} component outlines ` +
    `(${def.components.join(', ')}), all hand-authored indicative polygons; ${join}; ` +
    `then clipped (@turf/intersect) to Yangpu's district outline (echarts@4.9.0 → WGS-84, ±100 m) and rounded to ${DERIVED_DECIMALS} decimals. ` +
    `Area ${round2(d.areaKm2)} km² (union before joining and clipping: ${round2(d.unionAreaKm2)} km²). ` +
    `The plan publishes no boundary: this outline is indicative, only as good as its components.`
  );
}

/** How the outline was derived, in Chinese: the same facts as {@link describe}. */
function describeZh(def: ZoneDefinition, d: ZoneDerivation): string {
  const join =
    d.join.method === 'none'
      ? '各组成板块相互重叠或相接，并集为一整块，无需连接'
      : d.join.method === 'closing'
        ? `并集有 ${d.unionPieces} 块，以形态学闭运算（先外扩 ${d.join.radius_m} 米、再内缩 ${d.join.radius_m} 米）连成一块，这是以 ${JOIN_STEP_M} 米为步长能连成一块的最小半径`
        : `并集有 ${d.unionPieces} 块，${JOIN_MAX_M} 米以内的闭运算无法连成一块，因此改用凸包`;
  return (
    `由 scripts/lib/plan/derive-zones.ts 推导：对 ${def.components.length} 个组成板块的轮廓（${def.components.join('、')}，均为手绘示意多边形）` +
    `求并集（@turf/union）；${join}；再裁剪（@turf/intersect）到杨浦区界轮廓（echarts@4.9.0 → WGS-84，±100 米）以内，坐标保留 ${DERIVED_DECIMALS} 位小数。` +
    `面积 ${round2(d.areaKm2)} 平方公里（连接和裁剪前的并集为 ${round2(d.unionAreaKm2)} 平方公里）。` +
    `方案未公布边界：此轮廓仅为示意，其准确程度取决于各组成板块。`
  );
}

/** Derives one zone's outline from its components (which must be validated, polygonal features). */
export function deriveZone(def: ZoneDefinition, features: readonly ValidFeature[], outline: Outline): DerivedZone {
  const members = def.components.map((id) => {
    const f = features.find((x) => x.properties.id === id);
    if (!f) throw new Error(`zone "${def.id}": component "${id}" not found`);
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) throw new Error(`zone "${def.id}": component "${id}" is not a polygon`);
    return { properties: f.properties, feature: { type: 'Feature', properties: {}, geometry: g } as Polygonal };
  });
  const u = members.length === 1 ? members[0]!.feature : union({ type: 'FeatureCollection', features: members.map((m) => m.feature) });
  if (!u) throw new Error(`zone "${def.id}": union of the components is empty`);
  const { joined, join } = joinPieces(u);
  const clipped = intersect({ type: 'FeatureCollection', features: [joined, outline] });
  if (!clipped) throw new Error(`zone "${def.id}": the derived outline does not intersect Yangpu's outline`);
  const geometry = roundGeometry(clipped.geometry);
  const derivation: ZoneDerivation = {
    unionPieces: pieces(u),
    join,
    unionAreaKm2: area(u) / 1e6,
    areaKm2: area(geometry) / 1e6,
  };
  const precision = Math.max(...members.map((m) => m.properties.precision_m ?? 0));
  const { components, ...rest } = def;
  // Parsed by the full feature schema: checks the derived record and puts its keys in the schema's order.
  const properties: PlanProperties = PlanPropertiesSchema.parse({
    ...rest,
    class: 'zone',
    precision_m: precision,
    indicative: true,
    location_published: true,
    derivation: describe(def, derivation),
    derivation_zh: describeZh(def, derivation),
    components: [...components],
    area_km2: round2(derivation.areaKm2),
  });
  return { feature: { type: 'Feature', properties, geometry }, derivation };
}
