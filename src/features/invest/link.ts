import { SORT_KEYS, type ListingFilters, type ListingSort, type SortKey, type WithinChoice } from './query.ts';
import { SPACE_TYPES, type SpaceType } from './types.ts';
import { FINDER_KEYS } from './finder/needs.ts';
import { clamp, round } from '../../lib/state/permalink.ts';

/** What a link carries of the investors' view. Absent fields mean "the default". */
export interface InvestLink {
  /** Pinned listing ids. */
  shortlist?: string[];
  /** The search; only the filters that are set. */
  filters?: ListingFilters;
  /** The results' order, when not the default. */
  sort?: ListingSort;
  /** The drawn search polygon's vertices, lon/lat. */
  area?: [number, number][];
  /**
   * The site finder's needs, must-haves and weights, as the link writes them (`fi=ai&fppl=40`): read by the finder's
   * codec when the Space tab's chunk comes (InvestState.finder), so that the first view carries none of it.
   */
  finder?: string;
}

/** Ranges the link's values are clamped to, and the most items a list keeps. */
export const INVEST_LIMITS = {
  areaM2: [0, 1_000_000],
  rent: [0, 1000],
  stationM: [50, 5000],
  pins: 50,
  industries: 8,
  areaPoints: 50,
} as const;

/** Ids as inventories give them (see src/lib/listings): ASCII letters, digits, `:`, `_`, `-`. */
export const LISTING_ID = /^[a-z0-9][a-z0-9:_-]{0,80}$/i;
// Industry terms are free text: letters of any script, digits and a few joiners; no markup characters.
const INDUSTRY = /^[\p{L}\p{N}][\p{L}\p{N} ._&+/()（）·、-]{0,39}$/u;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WITHIN: Record<string, WithinChoice> = { fv: 'zone-future-valley', ysp: 'zone-yangshupu-belt', area: 'drawn' };
const WITHIN_CODE = Object.fromEntries(Object.entries(WITHIN).map(([code, w]) => [w, code])) as Record<WithinChoice, string>;
// The map's own limits (permalink.ts): a polygon outside them is not one anybody drew on this map.
const BOUNDS = { lon: [121.25, 121.8], lat: [31.1, 31.5] } as const;

/** "a-b", "a-" or "-b" as a clamped, ordered pair; undefined sides stay open. Nothing usable: undefined. */
function parseRange(raw: string | null, limits: readonly [number, number], digits: number): [number | undefined, number | undefined] | undefined {
  if (!raw) return undefined;
  const m = /^([^-]*)-([^-]*)$/.exec(raw);
  if (!m) return undefined;
  const side = (s: string) => {
    if (s.trim() === '') return undefined;
    const v = Number(s);
    return Number.isFinite(v) ? round(clamp(v, limits), digits) : undefined;
  };
  let lo = side(m[1]!);
  let hi = side(m[2]!);
  if (lo === undefined && hi === undefined) return undefined;
  if (lo !== undefined && hi !== undefined && lo > hi) [lo, hi] = [hi, lo];
  return [lo, hi];
}

/** A real calendar date between 2000 and 2100, as YYYY-MM-DD; else undefined. */
export function validDate(raw: string | null | undefined): string | undefined {
  const m = raw ? DATE.exec(raw) : null;
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 2000 || y > 2100) return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? raw! : undefined;
}

/** An industry term the link may carry, trimmed; undefined when it is not one. */
export function validIndustry(raw: string): string | undefined {
  const s = raw.trim();
  return INDUSTRY.test(s) ? s : undefined;
}

/** Reads the investors' part of a link; undefined when the link has none. Hostile values are dropped or clamped. */
export function parseInvestLink(q: URLSearchParams): InvestLink | undefined {
  const out: InvestLink = {};
  const pins = q.get('pins');
  if (pins) {
    const ids = [...new Set(pins.split(',').filter((id) => LISTING_ID.test(id)))].slice(0, INVEST_LIMITS.pins);
    if (ids.length) out.shortlist = ids;
  }

  const f: ListingFilters = {};
  const area = parseRange(q.get('lsqm'), INVEST_LIMITS.areaM2, 0);
  if (area) [f.areaMin, f.areaMax] = area;
  const types = (q.get('ltype') ?? '').split(',').filter((t): t is SpaceType => (SPACE_TYPES as readonly string[]).includes(t));
  if (types.length) f.types = [...new Set(types)];
  const industries = (q.get('lind') ?? '')
    .split(',')
    .map(validIndustry)
    .filter((s): s is string => Boolean(s));
  if (industries.length) f.industries = [...new Set(industries)].slice(0, INVEST_LIMITS.industries);
  const rent = parseRange(q.get('lrent'), INVEST_LIMITS.rent, 2);
  if (rent) [f.rentMin, f.rentMax] = rent;
  const by = validDate(q.get('lby'));
  if (by) f.availableBy = by;
  const metro = Number(q.get('lmetro'));
  if (q.has('lmetro') && q.get('lmetro') !== '' && Number.isFinite(metro)) f.stationWithinM = clamp(Math.round(metro), INVEST_LIMITS.stationM);
  const within = WITHIN[q.get('lin') ?? ''];
  if (within) f.within = within;
  for (const k of Object.keys(f) as (keyof ListingFilters)[]) if (f[k] === undefined) delete f[k];
  if (Object.keys(f).length) out.filters = f;

  const sort = q.get('lsort');
  if (sort) {
    const desc = sort.startsWith('-');
    const key = (desc ? sort.slice(1) : sort) as SortKey;
    if ((SORT_KEYS as readonly string[]).includes(key)) out.sort = { key, desc };
  }

  // A polygon is kept only whole, like the drone sketch: one bad vertex and it is dropped rather than bent.
  const poly = q.get('lpoly');
  if (poly) {
    const pts = poly.split(';').map((pair) => pair.split(',').map((s) => (s.trim() === '' ? NaN : Number(s))));
    const ok =
      pts.length <= INVEST_LIMITS.areaPoints &&
      pts.every(
        (p) =>
          p.length === 2 && p.every(Number.isFinite) && p[0]! >= BOUNDS.lon[0] && p[0]! <= BOUNDS.lon[1] && p[1]! >= BOUNDS.lat[0] && p[1]! <= BOUNDS.lat[1],
      );
    if (ok) out.area = pts.map((p) => [p[0]!, p[1]!]);
  }
  const finder = new URLSearchParams();
  // At most a link's worth of text per key: the codec reads them later, and drops what is not a need.
  for (const key of FINDER_KEYS) if (q.get(key)) finder.set(key, q.get(key)!.slice(0, 200));
  if (finder.size) out.finder = finder.toString();
  return Object.keys(out).length ? out : undefined;
}

const num = (v: number | undefined) => (v === undefined ? '' : String(v));

/** Writes the investors' part of a link, in a fixed order. */
export function writeInvestLink(state: InvestLink, q: URLSearchParams): void {
  if (state.shortlist?.length) q.set('pins', state.shortlist.join(','));
  const f = state.filters ?? {};
  if (f.areaMin !== undefined || f.areaMax !== undefined) q.set('lsqm', `${num(f.areaMin)}-${num(f.areaMax)}`);
  if (f.types?.length) q.set('ltype', [...f.types].sort().join(','));
  if (f.industries?.length) q.set('lind', f.industries.join(','));
  if (f.rentMin !== undefined || f.rentMax !== undefined) q.set('lrent', `${num(f.rentMin)}-${num(f.rentMax)}`);
  if (f.availableBy) q.set('lby', f.availableBy);
  if (f.stationWithinM !== undefined) q.set('lmetro', String(f.stationWithinM));
  if (f.within) q.set('lin', WITHIN_CODE[f.within]);
  if (state.sort) q.set('lsort', `${state.sort.desc ? '-' : ''}${state.sort.key}`);
  if (state.area?.length) q.set('lpoly', state.area.map(([x, y]) => `${round(x, 5)},${round(y, 5)}`).join(';'));
  for (const [key, value] of new URLSearchParams(state.finder ?? '')) if ((FINDER_KEYS as readonly string[]).includes(key)) q.set(key, value);
}
