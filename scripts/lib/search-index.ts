import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import bbox from '@turf/bbox';
import distance from '@turf/distance';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { PlanOutputCollection } from '../../src/lib/data/plan-schema.ts';
import type { SearchAddress, SearchEntry } from '../../src/lib/search/types.ts';
import { labelPoints } from './labels.ts';
import { englishName, pinyinSyllables, romanize } from './names.ts';

/** The file the app loads, inside the plan's output folder (public/data/search.json). */
export const SEARCH_FILE = 'search.json';

/** Every id the index hands out: `plan:<plan id>` or `place:<kind>-<slug>`. */
export const SEARCH_ID = /^(plan|place):[a-z0-9][a-z0-9:_-]{0,80}$/;

/** What the index is built from: the located plan and the basemap's assembled layers (any may be absent). */
export interface SearchIndexInput {
  plan?: PlanOutputCollection | null;
  /** `BasemapLayers.layers`: `{ id, features }` with ids such as 'metro_stations', 'roads', 'districts'. */
  layers?: readonly { id: string; features: FeatureCollection }[];
  /** The team's gazetteer rows by id (scripts/lib/plan/gazetteer.ts), for the addresses their notes give. */
  gazetteer?: ReadonlyMap<string, { notes: string }>;
}

type PlaceKind = Exclude<SearchEntry['kind'], 'plan'>;

// Where each basemap layer comes from, as the entry's `source` says it.
const SOURCES: Record<PlaceKind, string> = {
  station: 'OpenStreetMap',
  road: 'OpenStreetMap',
  elevated_road: 'OpenStreetMap',
  district: 'echarts 4.9.0',
  subdistrict: 'OpenStreetMap',
  campus: 'OpenStreetMap',
};
const PLAN_SOURCE = 'plan dataset';
// The part of a place id after the kind; long names are cut (the suffix keeps cut ids unique).
const MAX_SLUG = 60;

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
const isCjk = (s: string) => /[\u3400-\u9fff]/.test(s);

/** Toneless pinyin of a name, its syllables' initials, and an ASCII slug ("黄兴路/中环路" → huangxinglu-zhonghuanlu). */
export function romanise(zh: string): { pinyin: string; initials: string; slug: string } {
  let full = '';
  let initials = '';
  let slug = '';
  // Chinese runs become syllables (pinyin-pro picks readings from the run's words: 长阳 → chang yang);
  // other runs ("129", "3/4", punctuation) stay as their Latin letters and digits, which count whole as initials.
  for (const run of zh.normalize('NFKC').match(/[\u3400-\u9fff]+|[^\u3400-\u9fff]+/g) ?? []) {
    if (isCjk(run)) {
      const syllables = pinyinSyllables(run);
      for (const s of syllables) {
        full += s;
        initials += s.charAt(0);
      }
      slug += syllables.join('');
    } else {
      const alnum = run
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z0-9]+/g, '');
      full += alnum;
      initials += alnum;
      slug += `-${run
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z0-9]+/g, '-')}-`;
    }
  }
  slug = slug.replace(/-+/g, '-').replace(/^-|-$/g, '').slice(0, MAX_SLUG).replace(/-$/, '');
  return { pinyin: full, initials, slug };
}

type Box = [number, number, number, number];
const roundBox = (b: number[]): Box => [round6(b[0]!), round6(b[1]!), round6(b[2]!), round6(b[3]!)];
const hasExtent = (b: Box) => b[2] > b[0] || b[3] > b[1];
function union(a: Box | undefined, b: Box): Box {
  return a ? [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])] : b;
}

/** The lines of a line geometry (a MultiLineString's parts count as separate pieces). */
function linePieces(g: Geometry | null): Position[][] {
  if (!g) return [];
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  return [];
}

/** Length of a line in kilometres. */
function lineKm(line: Position[]): number {
  let km = 0;
  for (let i = 1; i < line.length; i++) km += distance(line[i - 1]!, line[i]!);
  return km;
}

/** The vertex nearest to where a walk along the line passes half its length. */
function middleVertex(line: Position[]): Position {
  const half = lineKm(line) / 2;
  let walked = 0;
  for (let i = 1; i < line.length; i++) {
    const step = distance(line[i - 1]!, line[i]!);
    if (walked + step >= half) return half - walked <= walked + step - half ? line[i - 1]! : line[i]!;
    walked += step;
  }
  return line[line.length - 1]!;
}

/** The longest of some lines (the first of equals). */
function longestPiece(pieces: Position[][]): Position[] {
  let longest = pieces[0]!;
  let best = -1;
  for (const p of pieces) {
    const km = lineKm(p);
    if (km > best) [best, longest] = [km, p];
  }
  return longest;
}

/** A point well inside a polygon (pole of inaccessibility of its largest part). */
function interiorPoint(g: Polygon | MultiPolygon): Position {
  const fc: FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>> = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: {}, geometry: g }],
  };
  return labelPoints(fc).features[0]!.geometry.coordinates;
}

/** Where to fly for a geometry: its point, a point inside it, or the middle of its longest line; and its extent. */
function locate(g: Geometry): { point: Position; bbox?: Box } | null {
  if (g.type === 'Point') return { point: g.coordinates };
  const box = roundBox(bbox(g));
  const extent = hasExtent(box) ? box : undefined;
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') return { point: interiorPoint(g), bbox: extent };
  const pieces = linePieces(g).filter((p) => p.length >= 2);
  if (!pieces.length) return null;
  return { point: middleVertex(longestPiece(pieces)), bbox: extent };
}

interface Draft extends Omit<SearchEntry, 'id'> {
  slug: string;
  /** Order key for assigning collision suffixes independently of input order. */
  order: string;
}

function draft(kind: PlaceKind, zh: string, en: string, point: Position, box?: Box): Draft {
  const { pinyin: py, initials, slug } = romanise(zh);
  const lon = round6(point[0]!);
  const lat = round6(point[1]!);
  return {
    kind,
    name_zh: zh,
    name_en: en || englishName(zh),
    pinyin: py,
    initials,
    lon,
    lat,
    ...(box ? { bbox: box } : {}),
    source: SOURCES[kind],
    slug: slug || 'place',
    order: `${zh}\u0000${lon.toFixed(6)},${lat.toFixed(6)}`,
  };
}

const nameOf = (f: Feature) => String(f.properties?.name_zh ?? '').trim();
const englishOf = (f: Feature) => String(f.properties?.name_en ?? '').trim();

/** One draft per feature with a name and a geometry (districts, subdistricts, campuses, stations). */
function perFeature(kind: PlaceKind, fc: FeatureCollection | undefined): Draft[] {
  const out: Draft[] = [];
  for (const f of fc?.features ?? []) {
    const zh = nameOf(f);
    if (!zh || !f.geometry) continue;
    const where = locate(f.geometry);
    if (where) out.push(draft(kind, zh, englishOf(f), where.point, where.bbox));
  }
  return out;
}

/** Roads merged by name over the elevated-road and street layers: one draft per distinct name. */
function roads(elevated: FeatureCollection | undefined, streets: FeatureCollection | undefined): Draft[] {
  const byName = new Map<string, { elevated: boolean; en: string; pieces: Position[][]; box?: Box }>();
  const add = (fc: FeatureCollection | undefined, isElevated: boolean) => {
    for (const f of fc?.features ?? []) {
      const zh = nameOf(f);
      const pieces = linePieces(f.geometry).filter((p) => p.length >= 2);
      if (!zh || !pieces.length) continue;
      const road = byName.get(zh) ?? { elevated: false, en: '', pieces: [] };
      road.elevated ||= isElevated;
      road.en ||= englishOf(f);
      road.pieces.push(...pieces);
      road.box = union(road.box, bbox(f.geometry!) as Box);
      byName.set(zh, road);
    }
  };
  add(elevated, true);
  add(streets, false);
  const out: Draft[] = [];
  for (const [zh, road] of byName) {
    const box = roundBox(road.box!);
    out.push(draft(road.elevated ? 'elevated_road' : 'road', zh, road.en, middleVertex(longestPiece(road.pieces)), hasExtent(box) ? box : undefined));
  }
  return out;
}

// The city and district every address of the plan starts with: the same for all, so left out.
const AREA = /^(?:上海市?)?(?:杨浦区)?/;
// A road, its number and whether that is a house (号) or a lane (弄); what follows (a building, a floor) stays Chinese.
const ADDRESS = /^(.+?(?:大道|公路|路|街))(\d+)(号|弄)/;
// An address as the gazetteer's notes write one: at the start or after a separator, "长海路399号".
const NOTED_ADDRESS = /(?<=^|[\s;；,，/(（])([\u3400-\u9fff]{1,10}(?:大道|公路|路|街)\d+(?:号|弄))/g;

/**
 * A plan place's addresses: its own, then those of its first gazetteer row when that row's notes hold its own
 * (the row is then the place itself, and a campus's second gate is the place's too). A row the place is only
 * anchored to (an incubator pinned to a campus) says nothing of the place's address.
 */
export function planAddresses(own: string | undefined, gazetteerIds: readonly string[] | undefined, gazetteer?: SearchIndexInput['gazetteer']): string[] {
  const first = own?.trim().replace(AREA, '');
  if (!first) return [];
  const notes = gazetteer?.get(gazetteerIds?.[0] ?? '')?.notes ?? '';
  const noted = [...notes.matchAll(NOTED_ADDRESS)].map((m) => m[1]!);
  return [...new Set([first, ...(noted.includes(first) ? noted : [])])];
}

/** A road's English name: the index's (OpenStreetMap's name:en where it has one), else pinyin and its ending. */
function roadEnglish(road: string, known: ReadonlyMap<string, string>): string {
  const en = known.get(road);
  if (en) return en;
  if (road.endsWith('街') && !road.endsWith('街道') && road.length > 1) return `${romanize(road.slice(0, -1))} Street`;
  return englishName(road);
}

/** Pinyin of an address, reading 弄 (a lane) lòng as Shanghai does, where pinyin-pro says nòng. */
function addressPinyin(zh: string): string {
  return zh
    .split(/(?<=\d)弄/)
    .map((part) => romanise(part).pinyin)
    .join('long');
}

/**
 * An address in the forms search compares: "国定路335号" → 335 Guoding Road, "国权北路1688弄…" → Lane 1688,
 * Guoquan North Road (the building inside the lane has no English in the data); one that does not parse keeps
 * its pinyin as English.
 */
export function searchAddress(zh: string, roadsEn: ReadonlyMap<string, string> = new Map()): SearchAddress {
  const m = ADDRESS.exec(zh);
  let en = romanize(zh);
  if (m) {
    const road = roadEnglish(m[1]!, roadsEn);
    en = m[3] === '号' ? `${m[2]} ${road}` : `Lane ${m[2]}, ${road}`;
  }
  return [zh, en, addressPinyin(zh)];
}

const roadNames = (drafts: readonly Draft[]): Map<string, string> =>
  new Map(drafts.filter((d) => d.kind === 'road' || d.kind === 'elevated_road').map((d) => [d.name_zh, d.name_en]));

/**
 * The plan's features with their address in English beside the Chinese (`address_en`, "11 Guotai Road"), read as
 * search reads it, with the basemap's English road names: the card shows the reader's language first. Pure.
 */
export function withEnglishAddresses(plan: PlanOutputCollection, layers: SearchIndexInput['layers']): PlanOutputCollection {
  const layer = (id: string) => layers?.find((l) => l.id === id)?.features;
  const roadsEn = roadNames(roads(layer('elevated_roads'), layer('roads')));
  return {
    ...plan,
    features: plan.features.map((f) => {
      const zh = f.properties.address_zh?.trim();
      if (!zh) return f;
      const street = searchAddress(zh.replace(AREA, ''), roadsEn)[1];
      const address_en = zh.includes('杨浦区') ? `${street}, Yangpu District, Shanghai` : street;
      return { ...f, properties: { ...f.properties, address_en } };
    }),
  };
}

const KIND_ORDER: PlaceKind[] = ['district', 'subdistrict', 'station', 'elevated_road', 'road', 'campus'];

/**
 * The search index: every plan feature (`plan:<id>`, with its addresses and industries), then districts,
 * subdistricts, metro stations, roads (elevated and street pieces merged by name) and OSM campuses
 * (`place:<kind>-<pinyin slug>`). Pure: the same data gives the same entries and ids, whatever the order of the
 * features. Addresses take their roads' English names from the roads of the index.
 */
export function buildSearchIndex(input: SearchIndexInput): SearchEntry[] {
  const layer = (id: string) => input.layers?.find((l) => l.id === id)?.features;
  const drafts: Draft[] = [
    ...perFeature('district', layer('districts')),
    ...perFeature('subdistrict', layer('subdistricts')),
    ...perFeature('station', layer('metro_stations')),
    ...roads(layer('elevated_roads'), layer('roads')),
    ...perFeature('campus', layer('campuses')),
  ];
  const roadsEn = roadNames(drafts);

  const entries: SearchEntry[] = [];
  for (const f of input.plan?.features ?? []) {
    const p = f.properties;
    const id = `plan:${p.id}`;
    if (!SEARCH_ID.test(id)) throw new Error(`plan feature id ${JSON.stringify(p.id)} cannot be a search id`);
    const where = f.geometry ? locate(f.geometry as Geometry) : null;
    if (!where) continue;
    const { pinyin: py, initials } = romanise(p.name_zh);
    const addresses = planAddresses(p.address_zh, p.gazetteer_ids, input.gazetteer).map((a) => searchAddress(a, roadsEn));
    entries.push({
      id,
      kind: 'plan',
      class: p.class,
      name_zh: p.name_zh,
      name_en: p.name_en,
      pinyin: py,
      initials,
      lon: round6(where.point[0]!),
      lat: round6(where.point[1]!),
      ...(where.bbox ? { bbox: where.bbox } : {}),
      ...(addresses.length ? { addresses } : {}),
      ...(p.industries?.length ? { industries: [...p.industries] } : {}),
      source: PLAN_SOURCE,
    });
  }

  drafts.sort(
    (a, b) => KIND_ORDER.indexOf(a.kind as PlaceKind) - KIND_ORDER.indexOf(b.kind as PlaceKind) || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0),
  );

  const taken = new Set(entries.map((e) => e.id));
  for (const { slug, order: _order, ...rest } of drafts) {
    const base = `place:${rest.kind}-${slug}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    entries.push({ id, ...rest });
  }
  return entries;
}

/** Writes `<outDir>/search.json` (compact JSON array) and returns its path and size in bytes. */
export function writeSearchIndex(outDir: string, entries: SearchEntry[]): { path: string; bytes: number } {
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, SEARCH_FILE);
  const text = JSON.stringify(entries);
  writeFileSync(path, text);
  return { path, bytes: Buffer.byteLength(text) };
}
