import { execFile, spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { area as turfArea } from '@turf/area';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  LineString,
  MultiLineString,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';

/*
 * Reads raw OpenStreetMap extracts (OSM XML or PBF) with osmium-tool and sorts their ways and
 * multipolygon relations into the basemap's layers. osmium does the geometry work (node locations,
 * multipolygon assembly, area-vs-line rules); this module only picks features and a few properties.
 */

export type RoadClass =
  | 'motorway'
  | 'trunk'
  | 'primary'
  | 'secondary'
  | 'tertiary'
  | 'residential'
  | 'service'
  | 'path'
  | 'other';

export interface RoadProps {
  osm_id: string;
  class: RoadClass;
  name?: string;
  name_en?: string;
  bridge?: true;
  tunnel?: true;
}
export type WaterKind = 'water' | 'river' | 'canal' | 'stream';
export interface WaterProps {
  osm_id: string;
  kind: WaterKind;
  name?: string;
  name_en?: string;
}
export interface GreenProps {
  osm_id: string;
  /** The tag value: park, garden, pitch, playground, grass, forest, wood, … */
  kind: string;
  name?: string;
  name_en?: string;
}
export interface BuildingProps {
  osm_id: string;
  name?: string;
  /** Metres, from `height` or `building:levels` × 3.2; omitted when unknown. */
  height?: number;
}
export interface CampusProps {
  osm_id: string;
  name?: string;
  name_en?: string;
}
export interface CoverageProps {
  file: string;
  source: 'OpenStreetMap';
}

export interface ExtractLayers {
  roads: FeatureCollection<LineString | MultiLineString, RoadProps>;
  water: FeatureCollection<Polygon | MultiPolygon | LineString | MultiLineString, WaterProps>;
  green: FeatureCollection<Polygon | MultiPolygon, GreenProps>;
  buildings: FeatureCollection<Polygon | MultiPolygon, BuildingProps>;
  campuses: FeatureCollection<Polygon | MultiPolygon, CampusProps>;
  /** One polygon per input file: its header bounds (or its data's bbox), cut to `clipBbox`. */
  coverage: FeatureCollection<Polygon, CoverageProps>;
}

export type Bbox = [west: number, south: number, east: number, north: number];

export interface ReadOptions {
  /** Cut each file to this box with `osmium extract -b` (complete ways) before exporting. */
  clipBbox?: Bbox;
}

/** Metres per storey when only `building:levels` is known. */
export const METRES_PER_LEVEL = 3.2;

/**
 * A closed way tagged both `building` and `amenity=university|college` is normally one university
 * building (library, teaching block) whose mapper added the amenity; it belongs with the buildings.
 * A "building" this large (5 ha) is really a campus outline mistagged with `building`, so it goes to
 * campuses instead. Each feature lands in one layer only, so a campus is never drawn as a building.
 */
export const CAMPUS_BUILDING_MIN_AREA_M2 = 50_000;

const OSMIUM = 'osmium';
const run = promisify(execFile);

let osmiumChecked: boolean | undefined;

/** True when the `osmium` CLI (osmium-tool) can be run. */
export function osmiumAvailable(): boolean {
  if (osmiumChecked === undefined) {
    const r = spawnSync(OSMIUM, ['--version'], { stdio: 'ignore' });
    osmiumChecked = !r.error && r.status === 0;
  }
  return osmiumChecked;
}

/*
 * osmium export config.
 * - area_tags / linear_tags decide what a closed way becomes (osmium's rules: `area=yes|no` first,
 *   then these lists; unclosed ways are always lines, multipolygon relations always areas). A closed
 *   `highway=*` way is a line (a roundabout) unless tagged area=yes (a square): highway areas are
 *   never roads.
 * - include_tags keeps only the tags this module reads, so osmium drops features with none of them
 *   and the JSON stays small. (osmium applies the area rules to the full tag set.)
 */
const EXPORT_CONFIG = {
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

type Tags = Record<string, string | number | undefined>;
type RawFeature = Feature<Geometry, Tags>;

interface FileResult {
  features: RawFeature[];
  coverage: Feature<Polygon, CoverageProps> | undefined;
}

/**
 * Reads every file with osmium, merges them by OSM object (a feature found in several files is kept
 * once, the copy with the most coordinates winning) and sorts the features into layers.
 */
export async function readOsmExtracts(files: string[], opts: ReadOptions = {}): Promise<ExtractLayers> {
  if (opts.clipBbox) checkBbox(opts.clipBbox);
  for (const file of files) {
    const st = await stat(file).catch(() => undefined);
    if (!st) throw new Error(`OSM extract not found: ${file}`);
    if (!st.isFile()) throw new Error(`OSM extract is not a file: ${file}`);
  }
  if (files.length > 0 && !osmiumAvailable()) {
    throw new Error(`osmium-tool is not installed (the "${OSMIUM}" command was not found); needed to read ${files.join(', ')}`);
  }

  const tmp = await mkdtemp(join(tmpdir(), 'osm-extract-'));
  try {
    await writeFile(join(tmp, 'export-config.json'), JSON.stringify(EXPORT_CONFIG));
    const results: FileResult[] = [];
    for (const [i, file] of files.entries()) results.push(await readOne(file, i, tmp, opts.clipBbox));

    const merged = new Map<string, RawFeature>();
    for (const { features } of results) {
      for (const f of features) {
        const key = mergeKey(f);
        const prev = merged.get(key);
        if (!prev || countCoords(f.geometry) > countCoords(prev.geometry)) merged.set(key, f);
      }
    }
    const layers = classify([...merged.values()].sort(byOsmId));
    for (const { coverage } of results) if (coverage) layers.coverage.features.push(coverage);
    return layers;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function readOne(file: string, index: number, tmp: string, clip: Bbox | undefined): Promise<FileResult> {
  const format = await sniffFormat(file);
  const fmtArgs = format ? ['-F', format] : [];
  const info = await osmium(file, ['fileinfo', '-j', ...fmtArgs, file]);
  let box = headerBox(info);
  if (!box) box = dataBox(await osmium(file, ['fileinfo', '-e', '-j', ...fmtArgs, file]));

  let input = file;
  let inputFmt = fmtArgs;
  if (clip) {
    input = join(tmp, `clip-${index}.osm.pbf`);
    await osmium(file, ['extract', '-b', clip.join(','), '-s', 'complete_ways', ...fmtArgs, '-O', '-o', input, file]);
    inputFmt = [];
    box = box && intersect(box, clip);
  }
  const out = join(tmp, `export-${index}.geojsonseq`);
  await osmium(file, [
    'export',
    '-c',
    join(tmp, 'export-config.json'),
    '-f',
    'geojsonseq',
    '--add-unique-id=type_id',
    '--geometry-types=linestring,polygon',
    ...inputFmt,
    '-O',
    '-o',
    out,
    input,
  ]);
  const features: RawFeature[] = [];
  const lines = createInterface({ input: createReadStream(out, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    const text = line.replace(/^\x1e/, '').trim();
    if (text) features.push(JSON.parse(text) as RawFeature);
  }
  const coverage: Feature<Polygon, CoverageProps> | undefined = box && {
    type: 'Feature',
    properties: { file: basename(file), source: 'OpenStreetMap' },
    geometry: bboxPolygon(box),
  };
  return { features, coverage };
}

/** Runs osmium; a failure names the file and carries osmium's stderr. */
async function osmium(file: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run(OSMIUM, args, { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; message?: string };
    const stderr = (e.stderr ?? '').trim() || e.message || String(err);
    throw new Error(`osmium ${args[0]} failed on ${file}: ${stderr}`);
  }
}

/**
 * Looks at the first bytes so a file that is not OSM data gets a clear message (osmium's own would
 * be "PBF error: invalid BlobHeader size" or similar), and so OSM XML or PBF under an unusual file
 * name is still read. Compressed files are left to osmium, which goes by their suffix.
 */
async function sniffFormat(file: string): Promise<'osm' | 'pbf' | undefined> {
  const fh = await open(file, 'r');
  let head: Buffer;
  try {
    const buf = Buffer.alloc(1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return undefined; // gzip
  if (head.subarray(0, 3).toString('latin1') === 'BZh') return undefined; // bzip2
  if (head.subarray(4, 40).toString('latin1').includes('OSMHeader')) return 'pbf';
  const text = head.toString('utf8');
  if (/^\uFEFF?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<osm[\s>]/.test(text)) return 'osm';
  const start = JSON.stringify(text.slice(0, 40));
  throw new Error(`${file} is not OpenStreetMap data (expected OSM XML starting with <osm> or an .osm.pbf); it starts with ${start}`);
}

function headerBox(fileinfoJson: string): Bbox | undefined {
  const info = JSON.parse(fileinfoJson) as { header?: { boxes?: number[][] } };
  const boxes = (info.header?.boxes ?? []).filter((b) => b.length === 4 && b.every(Number.isFinite));
  if (boxes.length === 0) return undefined;
  // several boxes: their union
  return [
    Math.min(...boxes.map((b) => b[0]!)),
    Math.min(...boxes.map((b) => b[1]!)),
    Math.max(...boxes.map((b) => b[2]!)),
    Math.max(...boxes.map((b) => b[3]!)),
  ];
}

function dataBox(fileinfoJson: string): Bbox | undefined {
  const info = JSON.parse(fileinfoJson) as { data?: { bbox?: number[] } };
  const b = info.data?.bbox;
  if (!b || b.length !== 4 || !b.every(Number.isFinite)) return undefined;
  const [w, s, e, n] = b as [number, number, number, number];
  return w <= e && s <= n ? [w, s, e, n] : undefined; // osmium reports an inverted box for no nodes
}

function intersect(a: Bbox, b: Bbox): Bbox | undefined {
  const r: Bbox = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
  return r[0] < r[2] && r[1] < r[3] ? r : undefined;
}

function bboxPolygon([w, s, e, n]: Bbox): Polygon {
  return { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
}

function checkBbox(b: Bbox): void {
  const ok = b.length === 4 && b.every(Number.isFinite) && b[0] < b[2] && b[1] < b[3];
  if (!ok) throw new Error(`clipBbox must be [west, south, east, north] with west < east and south < north, got ${JSON.stringify(b)}`);
}

// ---------------------------------------------------------------------------------------------
// Merging

function osmId(f: RawFeature): string {
  const type = String(f.properties['@type'] ?? '');
  const prefix = type === 'relation' ? 'r' : type === 'way' ? 'w' : 'n';
  return `${prefix}${String(f.properties['@id'])}`;
}

function isAreaGeometry(g: Geometry): boolean {
  return g.type === 'Polygon' || g.type === 'MultiPolygon';
}

/** One OSM object may legitimately yield a line and an area; each is merged separately. */
function mergeKey(f: RawFeature): string {
  return `${osmId(f)}:${isAreaGeometry(f.geometry) ? 'area' : 'line'}`;
}

function countCoords(g: Geometry): number {
  switch (g.type) {
    case 'Point':
      return 1;
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates.length;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.reduce((n, r) => n + r.length, 0);
    case 'MultiPolygon':
      return g.coordinates.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
    case 'GeometryCollection':
      return g.geometries.reduce((n, x) => n + countCoords(x), 0);
  }
}

const TYPE_ORDER: Record<string, number> = { n: 0, w: 1, r: 2 };
function byOsmId(a: RawFeature, b: RawFeature): number {
  const ia = osmId(a);
  const ib = osmId(b);
  const t = (TYPE_ORDER[ia[0] ?? ''] ?? 3) - (TYPE_ORDER[ib[0] ?? ''] ?? 3);
  if (t !== 0) return t;
  const n = Number(ia.slice(1)) - Number(ib.slice(1));
  if (n !== 0) return n;
  return Number(isAreaGeometry(a.geometry)) - Number(isAreaGeometry(b.geometry));
}

// ---------------------------------------------------------------------------------------------
// Classification

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

function classify(features: RawFeature[]): ExtractLayers {
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
    const isCampus =
      (amenity === 'university' || amenity === 'college') &&
      (!isBuilding || turfArea(geometry) >= CAMPUS_BUILDING_MIN_AREA_M2);

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
