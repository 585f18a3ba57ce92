/**
 * What drone corridors can run into, for the browser's low-altitude analysis (`src/features/air/low-altitude.ts`):
 * elevated road pieces and sensitive areas (campuses, parks), as one small GeoJSON file, public/data/obstacles.geojson.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Geometry, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { PlanOutputCollection } from '../../src/lib/data/plan-schema.ts';
import { boxesMeet, boxOf, grow, type Box } from '../../src/lib/data/box.ts';

/** The file the app loads, inside the plan's output folder (public/data/obstacles.geojson). */
export const OBSTACLES_FILE = 'obstacles.geojson';

/** How far (m) beyond the plan's extent obstacles are kept: room for a sketch that leaves the routes' area. */
export const DEFAULT_MARGIN_M = 3000;

export interface ObstaclesInput {
  /** `BasemapLayers.layers`: uses 'elevated_roads', 'campuses' and 'green' (each may be absent). */
  assembledLayers?: readonly { id: string; features: FeatureCollection }[];
  /** The located plan (after `applyOsmCampuses`): its campuses and its parks (landmarks named …公园). */
  plan?: PlanOutputCollection | null;
  /**
   * Keep only what meets this box [w, s, e, n]; default: the plan's extent grown by 3 km (everything when there is no
   * plan). Without it the basemap's whole extract (much of Shanghai's parks) would be shipped.
   */
  bounds?: [number, number, number, number] | null;
}

export interface ElevatedProps {
  role: 'elevated';
  name_zh: string;
  name_en: string;
}
export interface AreaProps {
  role: 'area';
  id: string;
  name_zh: string;
  name_en: string;
  source: string;
  /** Points only: the area is a circle of this radius (the point's precision). */
  radius_m?: number;
}
export type ObstacleFeature = Feature<LineString, ElevatedProps> | Feature<Polygon | MultiPolygon | Point, AreaProps>;

/**
 * The obstacles: `role: 'elevated'` LineStrings (one per piece; a MultiLineString's parts are split, pieces of one road
 * stay separate) and `role: 'area'` features — OSM campuses and parks (`green` with kind `park`) as polygons, the plan's
 * campuses (polygons, or Points with `radius_m` = `precision_m`) and the plan's parks known only as points (landmarks
 * whose Chinese name contains 公园, e.g. 黄兴公园) as Points with `radius_m`. Coordinates are rounded to 6 decimals
 * (~0.1 m). An OSM campus the plan already carries (its outline replaced by that OSM polygon) is kept once, as the plan's.
 */
export function buildObstacles(input: ObstaclesInput): FeatureCollection<ObstacleFeature['geometry'], ElevatedProps | AreaProps> {
  const layer = (id: string) => input.assembledLayers?.find((l) => l.id === id)?.features.features ?? [];
  const planFeatures = input.plan?.features ?? [];
  const box = input.bounds === undefined ? planBounds(input.plan, DEFAULT_MARGIN_M) : input.bounds;
  const keep = (g: Geometry) => !box || boxesMeet(box, boxOf(positionsOf(g)));
  const out: ObstacleFeature[] = [];

  for (const f of layer('elevated_roads')) {
    const g = f.geometry;
    const pieces = g?.type === 'LineString' ? [g.coordinates] : g?.type === 'MultiLineString' ? g.coordinates : [];
    for (const piece of pieces) {
      const coordinates = roundLine(piece);
      if (coordinates.length < 2) continue;
      const geometry: LineString = { type: 'LineString', coordinates };
      if (!keep(geometry)) continue;
      const name_zh = String(f.properties?.name_zh ?? '');
      out.push({ type: 'Feature', properties: { role: 'elevated', name_zh, name_en: String(f.properties?.name_en ?? '') }, geometry });
    }
  }

  // OSM campuses that replaced a plan campus's outline are named in its derivation ("… amenity=university, w123 …").
  const takenOsm = new Set(
    planFeatures
      .filter((f) => f.properties.class === 'campus')
      .flatMap((f) => [...f.properties.derivation.matchAll(/amenity=university, ([nwr]\d+)/g)].map((m) => m[1]!)),
  );
  const osmArea = (f: Feature, fallback: { zh: string; en: string }) => {
    const geometry = roundArea(f.geometry);
    if (!geometry || !keep(geometry)) return;
    const zh = String(f.properties?.name_zh ?? f.properties?.name ?? '');
    out.push({
      type: 'Feature',
      properties: {
        role: 'area',
        id: `osm-${String(f.properties?.osm_id ?? '')}`,
        name_zh: zh || fallback.zh,
        name_en: String(f.properties?.name_en ?? '') || zh || fallback.en,
        source: 'OpenStreetMap',
      },
      geometry,
    });
  };
  for (const f of layer('campuses')) {
    if (!takenOsm.has(String(f.properties?.osm_id ?? ''))) osmArea(f, { zh: '未命名校园', en: 'unnamed campus' });
  }
  for (const f of layer('green')) if (f.properties?.kind === 'park') osmArea(f, { zh: '未命名公园', en: 'unnamed park' });

  for (const f of planFeatures) {
    const p = f.properties;
    const isPark = p.class === 'landmark' && p.name_zh.includes('公园');
    if (p.class !== 'campus' && !isPark) continue;
    const props = { role: 'area' as const, id: p.id, name_zh: p.name_zh, name_en: p.name_en, source: 'plan dataset' };
    const g = f.geometry;
    if (g?.type === 'Point') {
      const geometry: Point = { type: 'Point', coordinates: roundPosition(g.coordinates) };
      if (keep(geometry)) out.push({ type: 'Feature', properties: { ...props, radius_m: p.precision_m ?? 0 }, geometry });
    } else if (p.class === 'campus' && g) {
      const geometry = roundArea(g);
      if (geometry && keep(geometry)) out.push({ type: 'Feature', properties: props, geometry });
    }
  }
  return { type: 'FeatureCollection', features: out };
}

/** Writes the obstacles as compact JSON to `<outDir>/obstacles.geojson`. */
export function writeObstacles(outDir: string, fc: FeatureCollection): { path: string; bytes: number } {
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, OBSTACLES_FILE);
  const text = JSON.stringify(fc);
  writeFileSync(path, text);
  return { path, bytes: Buffer.byteLength(text) };
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
const roundPosition = (p: Position): Position => [round6(p[0]!), round6(p[1]!)];

/** Rounded positions without the repeats rounding can create. */
function roundLine(coords: Position[]): Position[] {
  const out: Position[] = [];
  for (const c of coords) {
    if (!Number.isFinite(c[0]) || !Number.isFinite(c[1])) continue;
    const r = roundPosition(c);
    const last = out[out.length - 1];
    if (!last || last[0] !== r[0] || last[1] !== r[1]) out.push(r);
  }
  return out;
}

function roundRings(rings: Position[][]): Position[][] | null {
  // A ring too small to survive rounding is dropped; the whole polygon when it is the outer ring.
  const outer = roundLine(rings[0] ?? []);
  if (outer.length < 4) return null;
  return [
    outer,
    ...rings
      .slice(1)
      .map(roundLine)
      .filter((r) => r.length >= 4),
  ];
}

function roundArea(g: Geometry | null | undefined): Polygon | MultiPolygon | null {
  if (g?.type === 'Polygon') {
    const coordinates = roundRings(g.coordinates);
    return coordinates ? { type: 'Polygon', coordinates } : null;
  }
  if (g?.type === 'MultiPolygon') {
    const coordinates = g.coordinates.map(roundRings).filter((p): p is Position[][] => p !== null);
    return coordinates.length ? { type: 'MultiPolygon', coordinates } : null;
  }
  return null;
}

function positionsOf(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    case 'GeometryCollection':
      return g.geometries.flatMap(positionsOf);
  }
}

/** The plan's extent grown by `marginM`. */
function planBounds(plan: PlanOutputCollection | null | undefined, marginM: number): Box | null {
  const geometries = (plan?.features ?? []).map((f) => f.geometry).filter((g): g is NonNullable<typeof g> => !!g);
  if (!geometries.length) return null;
  return grow(boxOf(geometries.flatMap((g) => positionsOf(g as Geometry))), marginM);
}
