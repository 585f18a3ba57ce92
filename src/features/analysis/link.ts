import { normaliseScenario, SCENARIO_CLASSES, SCENARIO_ZONES, type Scenario, type ScenarioClass, type ScenarioZone } from './scenario-spec.ts';

/** Ranges the dashboard's distances may take (m), and the most vertices a drawn polygon keeps. */
export const ANALYSIS_LIMITS = {
  clusterM: [50, 5000],
  coverageM: [100, 3000],
  minPoints: [2, 10],
  hubs: [1, 10],
  hubWithinM: [100, 5000],
  areaPoints: 50,
  off: 200,
  /** Candidate hub sites a planner adds: enough for a few alternatives each, short enough for a link. */
  sites: 20,
} as const;

/** What a link carries of the dispersion dashboard. Absent fields mean "the default". */
export interface AnalysisLink {
  /** DBSCAN distance (m). */
  clusterM?: number;
  /** Coverage distance from stations and campuses (m). */
  coverageM?: number;
  /** The fewest parks a cluster has. */
  minPoints?: number;
  /** Scenario A; absent means "today's park space". */
  a?: Scenario;
  /** Scenario B; absent means "the plan's consolidation". */
  b?: Scenario;
  /** Whether B is shown beside A. */
  compare?: boolean;
  /** Which scenario's overlays the map shows (default A). */
  show?: 'a' | 'b';
  /** The drawn selection polygon, lon/lat. */
  area?: [number, number][];
  /** Consolidation hubs asked for (absent: none). */
  hubs?: HubSettings;
  /** Candidate hub sites the planner added on the map, lon/lat. */
  sites?: [number, number][];
}

/**
 * Where hubs may go: the plan's zone components, the parks themselves, either of those ('both'), only the sites the
 * planner added ('added'), or any of the three ('all').
 */
export type HubCandidates = 'components' | 'parks' | 'both' | 'added' | 'all';

/**
 * Consolidation options (task 2 asks to solve the scattering): `hubs` k for a p-median (0: none asked), or every park
 * within `withinM` of a hub by the fewest hubs (`by: 'distance'`), among `candidates`.
 */
export interface HubSettings {
  by: 'count' | 'distance';
  hubs: number;
  withinM: number;
  candidates: HubCandidates;
}
export const HUBS_OFF: HubSettings = { by: 'count', hubs: 0, withinM: 1000, candidates: 'components' };

const HUB_CANDIDATES: Record<HubCandidates, string> = { components: 'comp', parks: 'parks', both: 'both', added: 'added', all: 'all' };

// Yangpu with a margin: a vertex or a site outside it comes from a hostile or mangled link.
const inYangpu = (p: number[]) => p.length === 2 && p.every(Number.isFinite) && p[0]! >= 121.25 && p[0]! <= 121.8 && p[1]! >= 31.1 && p[1]! <= 31.5;

/** `lon,lat;lon,lat…` as points, or null unless every point is inside Yangpu's box and their number within [min, max]. */
function parsePoints(raw: string | null, min: number, max: number): [number, number][] | null {
  if (!raw) return null;
  const pts = raw.split(';').map((pair) => pair.split(',').map((v) => (v.trim() === '' ? NaN : Number(v))));
  return pts.length >= min && pts.length <= max && pts.every(inYangpu) ? pts.map((p) => [p[0]!, p[1]!]) : null;
}

// Five decimals (about 1 m) for what a click places: finer than a click, and short in links.
const writePoints = (pts: readonly [number, number][]) => pts.map(([x, y]) => `${Number(x.toFixed(5))},${Number(y.toFixed(5))}`).join(';');

const CODE_TO_CLASS = new Map(Object.entries(SCENARIO_CLASSES).map(([cls, code]) => [code as string, cls as ScenarioClass]));
const ZONE_CODES: Record<ScenarioZone, string> = { any: 'any', future_valley: 'fv', yangshupu: 'ysp', either: 'both' };
const ID = /^[a-z0-9][a-z0-9_-]{0,80}$/;
const clamp = (v: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, v));

function parseScenario(q: URLSearchParams, p: 'a' | 'b'): Scenario | undefined {
  const keys = ['cls', 'zone', 'area', 'off'].map((k) => p + k);
  if (!keys.some((k) => q.has(k))) return undefined;
  const classes = (q.get(`${p}cls`) ?? '')
    .split(',')
    .map((c) => CODE_TO_CLASS.get(c))
    .filter((c): c is ScenarioClass => Boolean(c));
  const zoneCode = q.get(`${p}zone`) ?? 'any';
  const zone = (Object.entries(ZONE_CODES).find(([, code]) => code === zoneCode)?.[0] ?? 'any') as ScenarioZone;
  const off = (q.get(`${p}off`) ?? '')
    .split(',')
    .filter((id) => ID.test(id))
    .slice(0, ANALYSIS_LIMITS.off);
  return normaliseScenario({ classes, zone: SCENARIO_ZONES.includes(zone) ? zone : 'any', inArea: q.get(`${p}area`) === '1', off });
}

function writeScenario(s: Scenario, q: URLSearchParams, p: 'a' | 'b'): void {
  q.set(
    `${p}cls`,
    s.classes
      .map((c) => SCENARIO_CLASSES[c])
      .sort()
      .join(','),
  );
  if (s.zone !== 'any') q.set(`${p}zone`, ZONE_CODES[s.zone]);
  if (s.inArea) q.set(`${p}area`, '1');
  if (s.off.length) q.set(`${p}off`, [...s.off].sort().join(','));
}

/** Reads the dashboard's part of a link; undefined when the link has none. Hostile values are dropped or clamped. */
export function parseAnalysisLink(q: URLSearchParams): AnalysisLink | undefined {
  const out: AnalysisLink = {};
  const cd = Number(q.get('cd'));
  if (q.has('cd') && Number.isFinite(cd)) out.clusterM = clamp(Math.round(cd), ANALYSIS_LIMITS.clusterM);
  const cov = Number(q.get('cov'));
  if (q.has('cov') && Number.isFinite(cov)) out.coverageM = clamp(Math.round(cov), ANALYSIS_LIMITS.coverageM);
  const cmin = Number(q.get('cmin'));
  if (q.has('cmin') && Number.isFinite(cmin)) out.minPoints = clamp(Math.round(cmin), ANALYSIS_LIMITS.minPoints);
  const a = parseScenario(q, 'a');
  if (a) out.a = a;
  const b = parseScenario(q, 'b');
  if (b) out.b = b;
  if (q.get('cmp') === '1') out.compare = true;
  if (q.get('amap') === 'b') out.show = 'b';
  // Hubs: `hk` (their number) or `hd` (every park within it, m), and where they may go (`hc`).
  const hk = Number(q.get('hk'));
  const hd = Number(q.get('hd'));
  const hc = (Object.entries(HUB_CANDIDATES).find(([, code]) => code === q.get('hc'))?.[0] ?? 'components') as HubCandidates;
  if (q.has('hd') && Number.isFinite(hd)) out.hubs = { by: 'distance', hubs: 0, withinM: clamp(Math.round(hd), ANALYSIS_LIMITS.hubWithinM), candidates: hc };
  else if (q.has('hk') && Number.isFinite(hk) && hk >= 1)
    out.hubs = { by: 'count', hubs: clamp(Math.round(hk), ANALYSIS_LIMITS.hubs), withinM: HUBS_OFF.withinM, candidates: hc };
  // A polygon is kept only whole, like the drone sketch: one bad vertex and it is dropped rather than bent. So are
  // the added sites: a list missing one would renumber the rest, and "Site 2" would name another place.
  const area = parsePoints(q.get('apoly'), 3, ANALYSIS_LIMITS.areaPoints);
  if (area) out.area = area;
  const sites = parsePoints(q.get('hpts'), 1, ANALYSIS_LIMITS.sites);
  if (sites) out.sites = sites;
  return Object.keys(out).length ? out : undefined;
}

/** Writes the dashboard's part of a link, in a fixed order. */
export function writeAnalysisLink(state: AnalysisLink, q: URLSearchParams): void {
  if (state.clusterM !== undefined) q.set('cd', String(state.clusterM));
  if (state.coverageM !== undefined) q.set('cov', String(state.coverageM));
  if (state.minPoints !== undefined) q.set('cmin', String(state.minPoints));
  if (state.a) writeScenario(state.a, q, 'a');
  if (state.b) writeScenario(state.b, q, 'b');
  if (state.compare) q.set('cmp', '1');
  if (state.show === 'b') q.set('amap', 'b');
  if (state.hubs) {
    if (state.hubs.by === 'distance') q.set('hd', String(state.hubs.withinM));
    else q.set('hk', String(state.hubs.hubs));
    if (state.hubs.candidates !== 'components') q.set('hc', HUB_CANDIDATES[state.hubs.candidates]);
  }
  if (state.area?.length) q.set('apoly', writePoints(state.area));
  if (state.sites?.length) q.set('hpts', writePoints(state.sites.slice(0, ANALYSIS_LIMITS.sites)));
}
