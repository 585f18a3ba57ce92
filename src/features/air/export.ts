import type { Feature, FeatureCollection, LineString, Point, Polygon, Position } from 'geojson';
import { localName, type Lang } from '../../lib/i18n/index.ts';
import { t } from './messages.ts';
import type { Conflict, RouteAnalysis } from './types.ts';

/** The settings a sketch was analysed with. */
export interface SketchSettings {
  widthM: number;
  cruiseKmh: number;
}

/** What a feature of the export is: the sketched centre line, its corridor, or a conflict point. */
export type SketchFeatureRole = 'sketch' | 'corridor' | 'conflict';

/** Six decimals of a degree are about 0.1 m: finer than any sketch, coarse enough to keep the file small. */
const COORD_DECIMALS = 6;

const round = (value: number, decimals = 0): number => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};

/** A position as [lon, lat], rounded; any third value (height) is dropped. */
const pos = (p: Position): [number, number] => [round(p[0] ?? 0, COORD_DECIMALS), round(p[1] ?? 0, COORD_DECIMALS)];

/**
 * The planner's sketch as a GeoJSON FeatureCollection (RFC 7946, WGS-84, [lon, lat]): the centre line with the
 * settings and results, the corridor polygon, and one point per conflict (a road crossed twice is two points, with one
 * `obstacle`). What the file says in words (`name`, `note`) is in `lang`; places keep both their names. Pure: the
 * date is passed in.
 */
export function sketchToGeoJSON(analysis: RouteAnalysis, settings: SketchSettings, date: Date, lang: Lang): FeatureCollection {
  const [minAlt, maxAlt] = analysis.altitude;
  const name = localName(analysis, lang);
  const line: Feature<LineString> = {
    type: 'Feature',
    properties: {
      role: 'sketch' satisfies SketchFeatureRole,
      name,
      name_zh: analysis.name_zh,
      name_en: analysis.name_en,
      length_m: round(analysis.lengthM),
      time_s: round(analysis.timeS),
      width_m: round(settings.widthM),
      cruise_kmh: round(settings.cruiseKmh, 1),
      altitude_m: [round(minAlt), round(maxAlt)],
      // Counted as the panel counts them, one per obstacle; the points below are one per place.
      conflicts: analysis.obstacles.length,
      created: date.toISOString(),
      note: t(lang, 'airFileNote'),
    },
    geometry: { type: 'LineString', coordinates: analysis.line.geometry.coordinates.map(pos) },
  };
  const props = analysis.corridor.properties ?? {};
  const corridor: Feature<Polygon> = {
    type: 'Feature',
    properties: {
      role: 'corridor' satisfies SketchFeatureRole,
      name: t(lang, 'airFileCorridor', { name }),
      width_m: round(settings.widthM),
      base_m: round(typeof props.base === 'number' ? props.base : minAlt),
      top_m: round(typeof props.top === 'number' ? props.top : maxAlt),
    },
    geometry: { type: 'Polygon', coordinates: analysis.corridor.geometry.coordinates.map((ring) => ring.map(pos)) },
  };
  const conflicts = analysis.conflicts.map((c: Conflict): Feature<Point> => ({
    type: 'Feature',
    properties: {
      role: 'conflict' satisfies SketchFeatureRole,
      kind: c.kind,
      how: c.how,
      obstacle: c.id,
      name_zh: c.name_zh,
      name_en: c.name_en,
    },
    geometry: { type: 'Point', coordinates: pos(c.location) },
  }));
  return { type: 'FeatureCollection', features: [line, corridor, ...conflicts] };
}

/** `yangpu-drone-sketch-YYYYMMDD-HHMM.geojson`, in the local time of `date`. */
export function sketchFileName(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}`;
  return `yangpu-drone-sketch-${stamp}.geojson`;
}
