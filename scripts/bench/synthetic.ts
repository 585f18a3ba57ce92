/**
 * Synthetic inputs of the dispersion benchmark: parks spread over Yangpu (a seeded random mix of small polygons,
 * 50–300 m across, and points; two thirds uniform over the district, one third around a dozen centres), 30
 * stations, 8 campuses and two zones — the same for every run with the same seed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { DispersionOptions, ParkFeature, ZoneInput } from '../../src/features/analysis/dispersion-types.ts';
import { buildStudyArea, STUDY_AREA_FILE } from '../lib/study-area.ts';
import { mulberry32 } from '../../src/features/analysis/random.ts';

/** Mulberry32, the analysis's own seeded generator (the bench may reach a feature's internals, as its tests do). */
export const rng = mulberry32;

/** Yangpu's outline: the built file if there is one, else computed from echarts' map. */
export function studyArea(root = resolve(import.meta.dirname, '../..')): Feature<Polygon | MultiPolygon> {
  const built = resolve(root, 'public/data', STUDY_AREA_FILE);
  if (existsSync(built)) return JSON.parse(readFileSync(built, 'utf8')) as Feature<Polygon | MultiPolygon>;
  return buildStudyArea();
}

const M_PER_DEG_LAT = 111_195;

/** A polygon of `k` corners around (lon, lat), radius `r` metres, irregular by up to ±`jitter`, rotated at random. */
function blob(lon: number, lat: number, r: number, k: number, jitter: number, rand: () => number): Position[] {
  const mx = M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180);
  const rot = rand() * 2 * Math.PI;
  const ring: Position[] = [];
  for (let i = 0; i < k; i++) {
    const a = rot + (2 * Math.PI * i) / k;
    const rr = r * (1 + jitter * (2 * rand() - 1));
    ring.push([+(lon + (rr * Math.cos(a)) / mx).toFixed(7), +(lat + (rr * Math.sin(a)) / M_PER_DEG_LAT).toFixed(7)]);
  }
  ring.push(ring[0]!);
  return ring;
}

export interface Scenario {
  parks: ParkFeature[];
  options: DispersionOptions;
}

/** `n` synthetic parks and the context the analysis needs. */
export function syntheticScenario(n: number, seed = 20240101, outline = studyArea()): Scenario {
  const rand = rng(seed);
  const poly = outline.geometry;
  const ring0 = (poly.type === 'Polygon' ? poly.coordinates[0] : poly.coordinates[0]![0])!;
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring0) {
    minLon = Math.min(minLon, x!);
    maxLon = Math.max(maxLon, x!);
    minLat = Math.min(minLat, y!);
    maxLat = Math.max(maxLat, y!);
  }
  const inside = (lon: number, lat: number) => booleanPointInPolygon([lon, lat], poly);
  const uniform = (): [number, number] => {
    for (;;) {
      const lon = minLon + rand() * (maxLon - minLon);
      const lat = minLat + rand() * (maxLat - minLat);
      if (inside(lon, lat)) return [lon, lat];
    }
  };
  const centres = Array.from({ length: 12 }, uniform);
  const near = (): [number, number] => {
    const c = centres[Math.floor(rand() * centres.length)]!;
    for (;;) {
      // Gaussian by Box–Muller, σ = 400 m.
      const g = Math.sqrt(-2 * Math.log(1 - rand())) * 400;
      const a = rand() * 2 * Math.PI;
      const lon = c[0] + (g * Math.cos(a)) / (M_PER_DEG_LAT * Math.cos((c[1] * Math.PI) / 180));
      const lat = c[1] + (g * Math.sin(a)) / M_PER_DEG_LAT;
      if (inside(lon, lat)) return [lon, lat];
    }
  };
  const parks: ParkFeature[] = [];
  for (let i = 0; i < n; i++) {
    const [lon, lat] = rand() < 2 / 3 ? uniform() : near();
    const id = `p${String(i).padStart(6, '0')}`;
    if (rand() < 0.5) {
      parks.push({ type: 'Feature', properties: { id }, geometry: { type: 'Point', coordinates: [+lon.toFixed(7), +lat.toFixed(7)] } });
    } else {
      const across = 50 + rand() * 250;
      const k = 4 + Math.floor(rand() * 9);
      parks.push({ type: 'Feature', properties: { id }, geometry: { type: 'Polygon', coordinates: [blob(lon, lat, across / 2, k, 0.25, rand)] } });
    }
  }
  const stations = Array.from({ length: 30 }, () => uniform().map((v) => +v.toFixed(6)) as [number, number]);
  const campuses: Feature<Polygon | Point>[] = Array.from({ length: 8 }, (_, i) => {
    const [lon, lat] = uniform();
    return i < 6
      ? { type: 'Feature', properties: { id: `campus-${i}` }, geometry: { type: 'Polygon', coordinates: [blob(lon, lat, 300 + rand() * 300, 10, 0.3, rand)] } }
      : { type: 'Feature', properties: { id: `campus-${i}` }, geometry: { type: 'Point', coordinates: [lon, lat] } };
  });
  const zone = (id: string, name_zh: string, name_en: string): ZoneInput => {
    const [lon, lat] = uniform();
    const ring = blob(lon, lat, 1800, 24, 0.3, rand).map(([x, y]) => {
      // Keep the zone inside the district, as the plan's zones are clipped to it.
      if (inside(x!, y!)) return [x!, y!];
      return [x! + (lon - x!) * 0.5, y! + (lat - y!) * 0.5];
    });
    ring[ring.length - 1] = ring[0]!;
    return { id, name_zh, name_en, geometry: { type: 'Polygon', coordinates: [ring] } };
  };
  const zones = [zone('zone-future-valley', '未来谷', 'Future Valley'), zone('zone-yangshupu-belt', '杨数浦', 'Yangshupu')];
  return { parks, options: { studyArea: poly, stations, campuses, zones, clusterDistanceM: 500, coverageDistanceM: 800 } };
}
