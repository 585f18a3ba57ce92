import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import distance from '@turf/distance';
import type { Feature, FeatureCollection, LineString, MultiLineString, Point, Polygon } from 'geojson';
import { englishName } from './names.ts';

/** The context layers read from the shared OSM-derived GeoJSON files. */
export interface ContextLayers {
  metro_lines: FeatureCollection<LineString | MultiLineString>;
  metro_stations: FeatureCollection<Point>;
  elevated_roads: FeatureCollection<LineString | MultiLineString>;
  subdistricts: FeatureCollection<Polygon>;
}

/** Files the context layers come from, relative to the OSM data folder. */
export const CONTEXT_FILES = {
  transport: 'yangpu-transport.wgs84.geojson',
  stations: 'yangpu-metro-stations.wgs84.geojson',
  subdistricts: 'yangpu-subdistricts-partial.wgs84.geojson',
} as const;

export type ContextLayerId = keyof ContextLayers;

/** Result of reading the context files: the layers found and which ones could not be built, with why. */
export interface ContextResult {
  layers: Partial<ContextLayers>;
  missing: { layer: ContextLayerId; reason: string }[];
  inputs: string[];
}

function readCollection(path: string): FeatureCollection {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection;
  if (parsed?.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) {
    throw new Error(`${path}: not a GeoJSON FeatureCollection`);
  }
  return parsed;
}

const lineQualifier = /[（(][^）)]*[）)]/g;
const normaliseStation = (name: string) => name.replace(lineQualifier, '').trim();
const cleanEnglish = (name: string) =>
  /^[A-Z]{2,6}\b/.test(name)
    ? ''
    : name
        .replace(/\s*\[[^\]]*\]/g, '')
        .replace(/\s*\(L[\dL/]+\)/g, '')
        .trim();

/**
 * Merges the district-wide station points (Chinese names only) with the curated Yangpu station list (with
 * English names): one point per station name within 400 m, the curated position and English name winning.
 */
export function mergeStations(transportStations: Feature<Point>[], curated: Feature<Point>[]): FeatureCollection<Point> {
  const out: Feature<Point>[] = [];
  const taken = new Set<Feature<Point>>();
  for (const c of curated) {
    const zh = normaliseStation(String(c.properties?.name ?? ''));
    const twin = transportStations.find((t) => normaliseStation(String(t.properties?.name ?? '')) === zh && distance(t, c, { units: 'meters' }) < 400);
    if (twin) taken.add(twin);
    if (out.some((o) => o.properties?.name_zh === zh && distance(o, c, { units: 'meters' }) < 400)) continue;
    out.push(stationFeature(c.geometry.coordinates, zh, cleanEnglish(String(c.properties?.name_en ?? '')), true));
  }
  for (const t of transportStations) {
    if (taken.has(t)) continue;
    const zh = normaliseStation(String(t.properties?.name ?? ''));
    if (out.some((o) => o.properties?.name_zh === zh && distance(o, t, { units: 'meters' }) < 400)) continue;
    out.push(stationFeature(t.geometry.coordinates, zh, '', false));
  }
  out.forEach((f, i) => (f.id = i + 1));
  return { type: 'FeatureCollection', features: out };
}

function stationFeature(coords: number[], zh: string, en: string, curated: boolean): Feature<Point> {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [coords[0]!, coords[1]!] },
    properties: {
      name_zh: zh,
      name_en: englishName(zh, en),
      // Stations outside the curated Yangpu list get a romanised English name, not an official one.
      name_en_romanised: !en,
      curated,
    },
  };
}

// The partial subdistrict file labels some polygons with market names; the `admin` field holds the official one.
function subdistrictName(props: Record<string, unknown>): { zh: string; partial: boolean; district: string } {
  const admin = String(props.admin ?? props.sector ?? '');
  const zh = (admin.match(/^[\u3400-\u9fff]+/)?.[0] ?? String(props.sector ?? '')).trim();
  const district = /Hongkou/.test(admin) ? '虹口区' : '杨浦区';
  return { zh, partial: /only|clipped/i.test(admin), district };
}

/** Reads the OSM-derived context layers from `osmDir`; absent files are reported, not fatal. */
export function readContextLayers(osmDir: string): ContextResult {
  const result: ContextResult = { layers: {}, missing: [], inputs: [] };
  const transportPath = join(osmDir, CONTEXT_FILES.transport);
  const stationsPath = join(osmDir, CONTEXT_FILES.stations);
  const subPath = join(osmDir, CONTEXT_FILES.subdistricts);

  if (existsSync(transportPath)) {
    result.inputs.push(transportPath);
    const fc = readCollection(transportPath);
    const of = (kind: string) => fc.features.filter((f) => f.properties?.kind === kind);
    let lineId = 0;
    result.layers.metro_lines = {
      type: 'FeatureCollection',
      features: of('metro_line').map((f) => ({
        type: 'Feature',
        id: ++lineId,
        geometry: f.geometry as LineString,
        properties: { route: String(f.properties?.route ?? ''), name_zh: String(f.properties?.name ?? '') },
      })),
    };
    let roadId = 0;
    result.layers.elevated_roads = {
      type: 'FeatureCollection',
      features: of('elevated_road').map((f) => {
        const zh = String(f.properties?.name ?? '');
        // "其他城市高架" and similar are category placeholders, not names: leave those unlabelled.
        const named = !zh.startsWith('其他');
        return {
          type: 'Feature',
          id: ++roadId,
          geometry: f.geometry as LineString,
          properties: {
            name_zh: named ? zh : '',
            name_en: named ? englishName(zh) : '',
            major: f.properties?.scope === 'major',
          },
        };
      }),
    };
    const curated = existsSync(stationsPath) ? (readCollection(stationsPath).features as Feature<Point>[]) : [];
    if (curated.length) result.inputs.push(stationsPath);
    result.layers.metro_stations = mergeStations(of('metro_station') as Feature<Point>[], curated);
  } else {
    for (const layer of ['metro_lines', 'metro_stations', 'elevated_roads'] as const) {
      result.missing.push({ layer, reason: `${transportPath} not found` });
    }
  }

  if (existsSync(subPath)) {
    result.inputs.push(subPath);
    const fc = readCollection(subPath);
    result.layers.subdistricts = {
      type: 'FeatureCollection',
      features: fc.features.map((f, i) => {
        const { zh, partial, district } = subdistrictName(f.properties ?? {});
        return {
          type: 'Feature',
          id: i + 1,
          geometry: f.geometry as Polygon,
          properties: { name_zh: zh, name_en: englishName(zh), district, partial },
        };
      }),
    };
  } else {
    result.missing.push({ layer: 'subdistricts', reason: `${subPath} not found` });
  }
  return result;
}
