import { area as turfArea } from '@turf/area';
import type { FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { osmId } from './merge.ts';
import type { BuildingProps, ExtractLayers, RawFeature, RoadClass, RoadProps, Tags, WaterKind } from './types.ts';

/** Metres per storey when only `building:levels` is known. */
export const METRES_PER_LEVEL = 3.2;

/**
 * A closed way tagged both `building` and `amenity=university|college` is normally one university
 * building (library, teaching block) whose mapper added the amenity; it belongs with the buildings.
 * A "building" this large (5 ha) is really a campus outline mistagged with `building`, so it goes to
 * campuses instead. Each feature lands in one layer only, so a campus is never drawn as a building.
 */
export const CAMPUS_BUILDING_MIN_AREA_M2 = 50_000;

/*
 * osmium export config.
 * - area_tags / linear_tags decide what a closed way becomes (osmium's rules: `area=yes|no` first,
 *   then these lists; unclosed ways are always lines, multipolygon relations always areas). A closed
 *   `highway=*` way is a line (a roundabout) unless tagged area=yes (a square): highway areas are
 *   never roads.
 * - include_tags keeps only the tags `classify` reads, so osmium drops features with none of them
 *   and the JSON stays small. (osmium applies the area rules to the full tag set.)
 */
export const EXPORT_CONFIG = {
  attributes: { type: true, id: true },
  format_options: { print_record_separator: false },
  linear_tags: ['highway', 'waterway!=riverbank,dock'],
  area_tags: ['building', 'landuse', 'leisure', 'natural', 'amenity', 'water', 'waterway=riverbank,dock'],
  include_tags: [
    'highway',
    'waterway',
    'natural',
    'water',
    'landuse',
    'leisure',
    'amenity',
    'building',
    'building:levels',
    'height',
    'name',
    'name:en',
    'bridge',
    'tunnel',
  ],
};

const ROAD_CLASS: Record<string, RoadClass> = {
  motorway: 'motorway',
  motorway_link: 'motorway',
  trunk: 'trunk',
  trunk_link: 'trunk',
  primary: 'primary',
  primary_link: 'primary',
  secondary: 'secondary',
  secondary_link: 'secondary',
  tertiary: 'tertiary',
  tertiary_link: 'tertiary',
  // minor public streets
  residential: 'residential',
  living_street: 'residential',
  unclassified: 'residential',
  road: 'residential',
  service: 'service',
  track: 'service',
  footway: 'path',
  path: 'path',
  cycleway: 'path',
  pedestrian: 'path',
  steps: 'path',
  bridleway: 'path',
  corridor: 'path',
};
/** highway=* values that are not (yet / any more) a road on the ground, or not a line at all. */
const NOT_ROADS = new Set([
  'proposed',
  'planned',
  'abandoned',
  'disused',
  'razed',
  'demolished',
  'no',
  'platform',
  'bus_stop',
  'elevator',
  'rest_area',
  'services',
  'emergency_bay',
]);

const GREEN: Record<string, ReadonlySet<string>> = {
  leisure: new Set(['park', 'garden', 'pitch', 'playground', 'nature_reserve', 'golf_course', 'dog_park']),
  landuse: new Set(['grass', 'forest', 'recreation_ground', 'village_green', 'meadow', 'orchard', 'plant_nursery', 'cemetery']),
  natural: new Set(['wood', 'scrub', 'grassland', 'heath']),
};

const WATER_LINES: Record<string, WaterKind> = {
  river: 'river',
  canal: 'canal',
  stream: 'stream',
  drain: 'stream',
  ditch: 'stream',
};

function str(tags: Tags, key: string): string | undefined {
  const v = tags[key];
  if (v === undefined || v === null) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

function yes(tags: Tags, key: string): boolean {
  const v = str(tags, key);
  return v !== undefined && v !== 'no';
}

function names(tags: Tags): { name?: string; name_en?: string } {
  const out: { name?: string; name_en?: string } = {};
  const name = str(tags, 'name');
  const nameEn = str(tags, 'name:en');
  if (name) out.name = name;
  if (nameEn) out.name_en = nameEn;
  return out;
}

/** Parses OSM `height` ("24", "24 m", "80 ft"); undefined when unusable. */
export function parseHeight(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*(m|metres?|meters?|ft|feet|')?\s*$/i.exec(value);
  if (!m?.[1]) return undefined;
  let h = Number(m[1].replace(',', '.'));
  if (m[2] && /^(ft|feet|')$/i.test(m[2])) h *= 0.3048;
  return h > 0 ? round1(h) : undefined;
}

/** Height in metres from `height`, else `building:levels` × 3.2. */
export function buildingHeight(tags: Tags): number | undefined {
  const h = parseHeight(str(tags, 'height'));
  if (h !== undefined) return h;
  const lv = /^\s*(\d+(?:\.\d+)?)/.exec(str(tags, 'building:levels') ?? '');
  const levels = lv?.[1] ? Number(lv[1]) : NaN;
  return levels > 0 ? round1(levels * METRES_PER_LEVEL) : undefined;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

export function roadClass(highway: string): RoadClass | undefined {
  if (NOT_ROADS.has(highway)) return undefined;
  return ROAD_CLASS[highway] ?? 'other';
}

/** osmium writes every area as a MultiPolygon; a single polygon is written as a Polygon. */
function simplifyArea(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  if (g.type === 'MultiPolygon' && g.coordinates.length === 1) {
    return { type: 'Polygon', coordinates: g.coordinates[0] as Position[][] };
  }
  return g;
}

function emptyLayers(): ExtractLayers {
  const fc = <G extends Geometry, P>(): FeatureCollection<G, P> => ({ type: 'FeatureCollection', features: [] });
  return { roads: fc(), water: fc(), green: fc(), buildings: fc(), campuses: fc(), coverage: fc() };
}

export function classify(features: RawFeature[]): ExtractLayers {
  const layers = emptyLayers();
  for (const f of features) {
    const t = f.properties;
    const osm_id = osmId(f);
    const g = f.geometry;

    if (g.type === 'LineString' || g.type === 'MultiLineString') {
      const highway = str(t, 'highway');
      const cls = highway ? roadClass(highway) : undefined;
      if (cls) {
        const props: RoadProps = { osm_id, class: cls, ...names(t) };
        if (yes(t, 'bridge')) props.bridge = true;
        if (yes(t, 'tunnel')) props.tunnel = true;
        layers.roads.features.push({ type: 'Feature', properties: props, geometry: g });
        continue;
      }
      const waterway = str(t, 'waterway');
      const kind = waterway ? WATER_LINES[waterway] : undefined;
      if (kind) layers.water.features.push({ type: 'Feature', properties: { osm_id, kind, ...names(t) }, geometry: g });
      continue;
    }

    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') continue;
    const geometry = simplifyArea(g);
    const amenity = str(t, 'amenity');
    const building = str(t, 'building');
    const isBuilding = building !== undefined && building !== 'no';
    const isCampus = (amenity === 'university' || amenity === 'college') && (!isBuilding || turfArea(geometry) >= CAMPUS_BUILDING_MIN_AREA_M2);

    if (isCampus) {
      layers.campuses.features.push({ type: 'Feature', properties: { osm_id, ...names(t) }, geometry });
    } else if (isBuilding) {
      const props: BuildingProps = { osm_id };
      const name = str(t, 'name');
      if (name) props.name = name;
      const height = buildingHeight(t);
      if (height !== undefined) props.height = height;
      layers.buildings.features.push({ type: 'Feature', properties: props, geometry });
    } else if (
      str(t, 'natural') === 'water' ||
      str(t, 'water') !== undefined ||
      ['riverbank', 'dock'].includes(str(t, 'waterway') ?? '') ||
      ['reservoir', 'basin'].includes(str(t, 'landuse') ?? '')
    ) {
      layers.water.features.push({ type: 'Feature', properties: { osm_id, kind: 'water', ...names(t) }, geometry });
    } else {
      for (const key of ['leisure', 'landuse', 'natural'] as const) {
        const v = str(t, key);
        if (v && GREEN[key]?.has(v)) {
          layers.green.features.push({ type: 'Feature', properties: { osm_id, kind: v, ...names(t) }, geometry });
          break;
        }
      }
    }
  }
  return layers;
}
