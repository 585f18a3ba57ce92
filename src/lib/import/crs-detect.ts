import { distanceM, toWgs84 } from './coords.ts';
import { CRS_NAMES, message } from './messages.ts';
import { CRS_CHOICES, type Crs, type ImportFormat, type ImportMessage, type TableMeta } from './types.ts';

/*
 * Which coordinate system a file's numbers are in, judged from every clue the file and the map hold, never assumed.
 * GCJ-02 moves a point in Shanghai about 480 m east-south-east of the truth when it is read as WGS-84, BD-09 about
 * 1.2 km: enough to tell them apart wherever a point can be compared with a place whose true position is known to
 * better than that. The clues, strongest first:
 * - what the file says: a GeoJSON `crs`, a coordinate column labelled GCJ-02/BD-09/WGS-84, the file's name;
 * - names the file shares with known places (metro stations, the plan's located places): under the right reading
 *   they land on them, under the wrong ones half a kilometre or more away;
 * - points that sit on a known place (a station entrance, a campus) under exactly one reading;
 * - weak hints: the tool that wrote a KML, and the formats' standards (KML and GeoJSON are WGS-84 by definition,
 *   which Chinese tools often ignore).
 * The result is decisive only when one reading is clearly ahead and nothing strong speaks against it; otherwise the
 * user is asked, with the points shown under each reading (see the import's preview).
 */

/** A place whose true position (WGS-84) is known, with its names and how precisely it is known. */
export interface CrsReference {
  lonlat: readonly [number, number];
  names: readonly string[];
  /** Metres: only places known to better than {@link CrsDetectOptions.maxPrecisionM} count. */
  precisionM: number;
}

/** An outline whose inside is known (a campus from OpenStreetMap), WGS-84 rings. */
export interface CrsOutline {
  name: string;
  rings: readonly (readonly (readonly [number, number])[])[];
}

/** A point as the file writes it, with the row's name. */
export interface CrsSample {
  written: readonly [number, number];
  name?: string;
}

export interface CrsDetectOptions {
  format?: ImportFormat;
  fileName?: string;
  meta?: TableMeta;
  /** The headers of the columns the coordinates come from. */
  coordinateHeaders?: readonly string[];
  /** A point this close to a known place sits on it (metres; default 120: a station's node vs its entrances). */
  nearM?: number;
  /** …and this far under every other reading, so the point speaks for one reading only (default 300). */
  farM?: number;
  /** Places known less precisely than this are no evidence (metres; default 150). */
  maxPrecisionM?: number;
}

export type CrsClueKind = 'declared' | 'header' | 'file-name' | 'names' | 'places' | 'outlines' | 'tool' | 'standard';

/** One clue: what it favours, how much it weighs (3 strong, 2 fair, 1 weak) and its words for the review. */
export interface CrsClue {
  kind: CrsClueKind;
  favours: Crs | null;
  weight: number;
  message: ImportMessage;
}

/** How the points fit the known places under one reading. */
export interface CrsFit {
  /** Rows whose name is a known place's and that land on it. */
  named: number;
  /** Points on a known place under this reading only. */
  near: number;
  /** Points inside a known outline under this reading only. */
  inside: number;
}

export interface CrsDetection {
  /** The reading chosen when the clues decide; null when the user must choose. */
  choice: Crs | null;
  /** Why not decided when `choice` is null: no clue at all, clues too weak, or clues that contradict each other. */
  undecided: 'no-clues' | 'weak' | 'conflict' | null;
  scores: Record<Crs, number>;
  clues: CrsClue[];
  fit: Record<Crs, CrsFit>;
  /** Rows named like a known place (whatever the reading). */
  namedRows: number;
  /**
   * Where the readings are best compared (WGS-84): the known place a point is nearest to under any reading, else the
   * middle of the points; null without points.
   */
  focus: [number, number] | null;
  /** The point (as written) that came nearest to `focus` under some reading: the one worth comparing there. */
  focusSample: [number, number] | null;
}

/** A name as compared with known places: no spaces, brackets or punctuation, no "上海" in front or "站" behind. */
export function placeKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '')
    .replace(/^上海市?/, '')
    .replace(/(?:地铁站|轨交站|轻轨站|metrostation|subwaystation|station|站)$/, '');
}

const TAGS: [RegExp, Crs][] = [
  [/gcj-?0?2|火星|高德|amap|gaode|autonavi/i, 'gcj02'],
  [/bd-?09|百度|baidu/i, 'bd09'],
  [/wgs-?84|\bwgs\b|epsg:?:?4326|crs84|gps/i, 'wgs84'],
];
const tagOf = (text: string): Crs | null => TAGS.find(([re]) => re.test(text))?.[1] ?? null;

// What each KML tool writes by default: a tool that records GPS tracks writes WGS-84; Amap and Baidu their own.
const TOOL_CRS: Record<string, Crs | null> = { '2bulu': 'wgs84', Ovital: 'wgs84', LocaSpace: 'wgs84', 'Google Earth': null, Amap: 'gcj02', Baidu: 'bd09' };

const emptyFit = (): Record<Crs, CrsFit> => ({
  wgs84: { named: 0, near: 0, inside: 0 },
  gcj02: { named: 0, near: 0, inside: 0 },
  bd09: { named: 0, near: 0, inside: 0 },
});

function insideRings(p: readonly [number, number], rings: CrsOutline['rings']): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

// Known places bucketed by cells of 0.01° (about 1 km): a point is compared with the places of its cell and the
// eight around it only, which keeps a file of thousands of points quick to judge.
const CELL = 0.01;
function placeGrid(places: readonly CrsReference[]) {
  const cells = new Map<string, CrsReference[]>();
  const key = (x: number, y: number) => `${x},${y}`;
  for (const p of places) {
    const k = key(Math.floor(p.lonlat[0] / CELL), Math.floor(p.lonlat[1] / CELL));
    cells.set(k, [...(cells.get(k) ?? []), p]);
  }
  return {
    around(p: readonly [number, number]): CrsReference[] {
      const [x, y] = [Math.floor(p[0] / CELL), Math.floor(p[1] / CELL)];
      const out: CrsReference[] = [];
      for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) out.push(...(cells.get(key(x + dx, y + dy)) ?? []));
      return out;
    },
  };
}

/** The reading that alone has `test` true, if exactly one has. */
function onlyOne(test: (r: Crs) => boolean): Crs | null {
  const yes = CRS_CHOICES.filter(test);
  return yes.length === 1 ? yes[0]! : null;
}

/** Judges a file's coordinate system from its own words and from how its points fit known places. */
export function detectCrs(
  samples: readonly CrsSample[],
  references: { places: readonly CrsReference[]; outlines?: readonly CrsOutline[] },
  options: CrsDetectOptions = {},
): CrsDetection {
  const { nearM = 120, farM = 300, maxPrecisionM = 150 } = options;
  const clues: CrsClue[] = [];
  const clue = (kind: CrsClueKind, favours: Crs | null, weight: number, m: ImportMessage) => clues.push({ kind, favours, weight, message: m });

  // ---- What the file says about itself.
  const declared = options.meta?.crs;
  if (declared) {
    const crs = tagOf(declared);
    clue('declared', crs, crs ? 3 : 0, message('crs-clue-declared', { name: declared, crs: crs ? CRS_NAMES[crs] : '?' }));
  }
  for (const header of options.coordinateHeaders ?? []) {
    const crs = tagOf(header);
    if (crs) clue('header', crs, 3, message('crs-clue-header', { header, crs: CRS_NAMES[crs] }));
  }
  const fileCrs = options.fileName ? tagOf(options.fileName.replace(/\.[^.]+$/, '')) : null;
  if (fileCrs && options.fileName) clue('file-name', fileCrs, 2, message('crs-clue-file-name', { file: options.fileName, crs: CRS_NAMES[fileCrs] }));
  const tool = options.meta?.tool;
  if (tool) {
    const crs = TOOL_CRS[tool] ?? null;
    clue('tool', crs, crs ? 1 : 0, crs ? message('crs-clue-tool', { tool, crs: CRS_NAMES[crs] }) : message('crs-clue-tool-any', { tool }));
  }
  if (options.format === 'kml' || options.format === 'geojson') clue('standard', 'wgs84', 1, message(`crs-clue-standard-${options.format}`));

  // ---- How the points fit the known places, under each reading.
  const places = references.places.filter((p) => p.precisionM <= maxPrecisionM);
  const byName = new Map<string, CrsReference[]>();
  for (const p of places)
    for (const n of p.names) {
      const key = placeKey(n);
      if (key.length >= 2) byName.set(key, [...(byName.get(key) ?? []), p]);
    }
  const grid = placeGrid(places);
  const fit = emptyFit();
  let namedRows = 0;
  let example = '';
  let focus: [number, number] | null = null;
  let focusSample: [number, number] | null = null;
  let focusD = Infinity;
  // Each outline with its extent, so that most points skip the ring test.
  const outlines = (references.outlines ?? []).map((o) => {
    const xs = o.rings.flatMap((ring) => ring.map((q) => q[0]));
    const ys = o.rings.flatMap((ring) => ring.map((q) => q[1]));
    return { rings: o.rings, box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as const };
  });
  const inOutline = (p: readonly [number, number]) =>
    outlines.some(({ rings, box }) => p[0] >= box[0] && p[0] <= box[2] && p[1] >= box[1] && p[1] <= box[3] && insideRings(p, rings));
  for (const s of samples) {
    const readings = Object.fromEntries(CRS_CHOICES.map((r) => [r, toWgs84(s.written, r)])) as Record<Crs, [number, number]>;
    // Nearest known place under each reading (beyond the neighbouring cells, ≥ ~950 m: as good as none).
    const nearest = {} as Record<Crs, number>;
    for (const r of CRS_CHOICES) {
      let best = Infinity;
      for (const p of grid.around(readings[r])) {
        const d = distanceM(readings[r], p.lonlat);
        if (d < best) best = d;
        if (d < focusD) [focusD, focus, focusSample] = [d, [p.lonlat[0], p.lonlat[1]], [s.written[0], s.written[1]]];
      }
      nearest[r] = best;
    }
    const key = s.name ? placeKey(s.name) : '';
    const same = key.length >= 2 ? byName.get(key) : undefined;
    if (same) {
      namedRows += 1;
      example ||= s.name!;
      const lands = (r: Crs) => same.some((p) => distanceM(readings[r], p.lonlat) <= Math.max(nearM, 1.5 * p.precisionM));
      const r = onlyOne(lands);
      if (r) fit[r].named += 1;
      continue;
    }
    const near = onlyOne((r) => nearest[r] <= nearM && CRS_CHOICES.every((o) => o === r || nearest[o] >= farM));
    if (near) fit[near].near += 1;
    if (outlines.length) {
      const inside = onlyOne((r) => inOutline(readings[r]));
      if (inside) fit[inside].inside += 1;
    }
  }
  // The reading ahead on one kind of fit, and how much that weighs: `per` for each point it leads by, up to `cap`,
  // and no more than 1 unless it has at least three times the next reading's (chance puts a few points of a
  // large file near a station under any reading).
  const lead = (k: keyof CrsFit, per: number, cap: number): { favours: Crs | null; weight: number } => {
    const sorted = [...CRS_CHOICES].sort((a, b) => fit[b][k] - fit[a][k]);
    const [first, next] = [fit[sorted[0]!][k], fit[sorted[1]!][k]];
    if (first <= next) return { favours: null, weight: 0 };
    return { favours: sorted[0]!, weight: first >= 3 * next ? Math.min(cap, per * (first - next)) : 1 };
  };
  const total = (k: keyof CrsFit) => CRS_CHOICES.reduce((n, r) => n + fit[r][k], 0);
  const counts = (k: keyof CrsFit) => ({ wgs84: fit.wgs84[k], gcj02: fit.gcj02[k], bd09: fit.bd09[k] });
  if (namedRows > 0) {
    const { favours, weight } = lead('named', 2, 6);
    clue('names', favours, weight, message('crs-clue-names', { count: namedRows, example, m: nearM, ...counts('named') }));
  }
  if (total('near') > 0) {
    const { favours, weight } = lead('near', 1, 5);
    clue('places', favours, weight, message('crs-clue-places', { count: total('near'), m: nearM, ...counts('near') }));
  }
  if (total('inside') > 0) {
    const { favours, weight } = lead('inside', 1, 2);
    clue('outlines', favours, weight, message('crs-clue-outlines', { count: total('inside'), ...counts('inside') }));
  }

  // ---- The verdict.
  const scores = { wgs84: 0, gcj02: 0, bd09: 0 } as Record<Crs, number>;
  for (const c of clues) if (c.favours) scores[c.favours] += c.weight;
  const ranked = [...CRS_CHOICES].sort((a, b) => scores[b] - scores[a]);
  const [best, second] = [ranked[0]!, ranked[1]!];
  // Strong clues (declared, labelled, or the data itself) pointing two ways: the user looks.
  const strong = new Set(
    clues.filter((c) => c.favours && (c.weight >= 3 || ((c.kind === 'names' || c.kind === 'places') && c.weight >= 2))).map((c) => c.favours),
  );
  let undecided: CrsDetection['undecided'] = null;
  if (clues.every((c) => !c.favours || c.weight === 0)) undecided = 'no-clues';
  else if (strong.size > 1) undecided = 'conflict';
  else if (scores[best] < 3 || scores[best] - scores[second] < 3) undecided = 'weak';
  if (!focus && samples.length) {
    focusSample = [...samples[samples.length >> 1]!.written] as [number, number];
    focus = toWgs84(focusSample, best);
  }
  return { choice: undecided ? null : best, undecided, scores, clues, fit, namedRows, focus, focusSample };
}
