import { normaliseScenario, SCENARIO_CLASSES, SCENARIO_ZONES, type Scenario, type ScenarioClass, type ScenarioZone } from './scenario-spec.ts';

/** Ranges the dashboard's distances may take (m), and the most vertices a drawn polygon keeps. */
export const ANALYSIS_LIMITS = { clusterM: [50, 5000], coverageM: [100, 3000], minPoints: [2, 10], areaPoints: 50, off: 200 } as const;

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
}

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
  // A polygon is kept only whole, like the drone sketch: one bad vertex and it is dropped rather than bent.
  const poly = q.get('apoly');
  if (poly) {
    const pts = poly.split(';').map((pair) => pair.split(',').map(Number));
    const ok =
      pts.length >= 3 &&
      pts.length <= ANALYSIS_LIMITS.areaPoints &&
      pts.every((p) => p.length === 2 && p.every(Number.isFinite) && p[0]! >= 121.25 && p[0]! <= 121.8 && p[1]! >= 31.1 && p[1]! <= 31.5);
    if (ok) out.area = pts.map((p) => [p[0]!, p[1]!]);
  }
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
  if (state.area?.length) q.set('apoly', state.area.map(([x, y]) => `${Number(x.toFixed(5))},${Number(y.toFixed(5))}`).join(';'));
}
