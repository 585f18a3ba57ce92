/*
 * The site finder's keys of the link (`fi`, `farea`/`fppl`, `fbud`/`fbudm`, `fby`, `fmetro`, `fnear`, `fzone`,
 * `fseat`, `fmust`, `fw`). Hostile values are dropped or clamped, never passed on: a link is anybody's text.
 */
import { ZONE_CODES, type ZoneCode } from '../../../lib/data/zones.ts';
import { EMPTY_FINDER, FINDER_LIMITS, RULE_IDS, WEIGHT_RANGE, DEFAULT_WEIGHT, type FinderNeeds, type FinderSpec, type RuleId } from './needs.ts';

// The same industries and dates the investors' filters accept, by the same checks (in the first view already).
import { validDate, validIndustry } from '../link.ts';
import { clamp, round } from '../../../lib/state/permalink.ts';

// Plan feature ids are kebab-case (lib/data/plan-schema.ts).
const PLACE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A number from the link clamped to `limits` with `digits` decimals; undefined when absent or not a number. */
function number(raw: string | null, limits: readonly [number, number], digits: number): number | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  const v = Number(raw);
  return Number.isFinite(v) ? round(clamp(v, limits), digits) : undefined;
}

const isRule = (s: string): s is RuleId => (RULE_IDS as readonly string[]).includes(s);

/** Reads the finder's keys; undefined when the link has none that count. */
export function parseFinderLink(q: URLSearchParams): FinderSpec | undefined {
  const needs: FinderNeeds = {};
  const industry = validIndustry(q.get('fi') ?? '');
  if (industry) needs.industry = industry;
  // Area and team size say the same need: the area, when both are given, is the one stated in its own unit.
  const area = number(q.get('farea'), FINDER_LIMITS.areaM2, 0);
  const people = number(q.get('fppl'), FINDER_LIMITS.people, 0);
  if (area !== undefined) needs.areaM2 = area;
  else if (people !== undefined) needs.people = people;
  const perDay = number(q.get('fbud'), FINDER_LIMITS.rentPerDay, 2);
  const perMonth = number(q.get('fbudm'), FINDER_LIMITS.perMonth, 0);
  if (perDay !== undefined) needs.rentPerDay = perDay;
  else if (perMonth !== undefined) needs.perMonth = perMonth;
  const by = validDate(q.get('fby'));
  if (by) needs.by = by;
  const metro = number(q.get('fmetro'), FINDER_LIMITS.metroM, 0);
  if (metro !== undefined) needs.metroM = metro;
  const near = /^([^:]{1,80}):(.+)$/.exec(q.get('fnear') ?? '');
  if (near && PLACE_ID.test(near[1]!)) {
    const radius = number(near[2]!, FINDER_LIMITS.nearM, 0);
    if (radius !== undefined) needs.near = { id: near[1]!, radiusM: radius };
  }
  const zone = q.get('fzone');
  if (zone && Object.hasOwn(ZONE_CODES, zone)) needs.zone = zone as ZoneCode;
  if (q.get('fseat') === '1') needs.seats = true;

  const must = [...new Set((q.get('fmust') ?? '').split(',').filter(isRule))];
  const weights: Partial<Record<RuleId, number>> = {};
  for (const pair of (q.get('fw') ?? '').split(',')) {
    const m = /^([a-z]+):(\d+)$/.exec(pair);
    if (!m || !isRule(m[1]!) || Object.hasOwn(weights, m[1]!)) continue;
    const w = clamp(Number(m[2]), WEIGHT_RANGE);
    if (w !== DEFAULT_WEIGHT) weights[m[1]!] = w;
  }
  if (!Object.keys(needs).length && !must.length && !Object.keys(weights).length) return undefined;
  return { needs, must: RULE_IDS.filter((r) => must.includes(r)), weights };
}

/** Writes the finder's keys, in a fixed order; nothing when the spec is empty. */
export function writeFinderLink(spec: FinderSpec, q: URLSearchParams): void {
  const n = spec.needs;
  if (n.industry) q.set('fi', n.industry);
  if (n.areaM2 !== undefined) q.set('farea', String(n.areaM2));
  else if (n.people !== undefined) q.set('fppl', String(n.people));
  if (n.rentPerDay !== undefined) q.set('fbud', String(n.rentPerDay));
  else if (n.perMonth !== undefined) q.set('fbudm', String(n.perMonth));
  if (n.by) q.set('fby', n.by);
  if (n.metroM !== undefined) q.set('fmetro', String(n.metroM));
  if (n.near) q.set('fnear', `${n.near.id}:${n.near.radiusM}`);
  if (n.zone) q.set('fzone', n.zone);
  if (n.seats) q.set('fseat', '1');
  const must = RULE_IDS.filter((r) => spec.must.includes(r));
  if (must.length) q.set('fmust', must.join(','));
  const weights = RULE_IDS.filter((r) => spec.weights[r] !== undefined && spec.weights[r] !== DEFAULT_WEIGHT).map((r) => `${r}:${spec.weights[r]}`);
  if (weights.length) q.set('fw', weights.join(','));
}

/** Whether a spec says anything (needs, must-haves or weights). */
export const finderIsSet = (spec: FinderSpec): boolean => Object.keys(spec.needs).length > 0 || spec.must.length > 0 || Object.keys(spec.weights).length > 0;

/** The finder's codec as the investors' state uses it once the Space tab's chunk has come (see InvestState.finder). */
export interface FinderCodec {
  /** The finder's part of a link, as written (`fi=ai&fppl=40`), read; hostile values dropped or clamped. */
  parse(query: string): FinderSpec;
  /** A spec as the finder's part of a link, keys in a fixed order; '' when empty. */
  write(spec: FinderSpec): string;
}

export const finderCodec: FinderCodec = {
  parse: (query) => parseFinderLink(new URLSearchParams(query)) ?? EMPTY_FINDER,
  write: (spec) => {
    const q = new URLSearchParams();
    writeFinderLink(spec, q);
    return q.toString();
  },
};
