/*
 * The site finder's needs as data: what the state and the link carry with the first view. No geometry, no
 * messages, no ranking here; those come with the Space tab's chunk.
 */

/** The rules a stated need becomes, in the order the form and the reasons list them. */
export const RULE_IDS = ['industry', 'area', 'budget', 'date', 'metro', 'near', 'zone', 'seats'] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** The two zones of the plan, by their short codes (the link's `fzone=`) and their plan feature ids. */
import type { ZoneCode } from '../../../lib/data/zones.ts';

/** What the user needs. Every field is optional; a stated one is a rule. */
export interface FinderNeeds {
  /** One industry term: the plan's, or a free word matched as the filters match it. */
  industry?: string;
  /** Floor area needed, m²; or a team size, converted at {@link M2_PER_PERSON} m² per person. Not both. */
  areaM2?: number;
  people?: number;
  /** Budget: rent per m² per day (元/m²/天), or a total per month (元/月). Not both. */
  rentPerDay?: number;
  perMonth?: number;
  /** ISO date: available on or before it. */
  by?: string;
  /** Straight-line metres to the nearest metro station, at most. */
  metroM?: number;
  /** Near a place of the plan (a science park or a platform), within a radius in metres. */
  near?: { id: string; radiusM: number };
  zone?: ZoneCode;
  /** Incubator seats (incubator desks or coworking) rather than an office. */
  seats?: boolean;
}

/** The finder's part of the state and of the link: the needs, which are must-haves, and each rule's weight. */
export interface FinderSpec {
  needs: FinderNeeds;
  /** Rules that are must-haves; any other stated rule is a nice-to-have. */
  must: RuleId[];
  /** Weights of nice-to-have rules, 0–3; absent means {@link DEFAULT_WEIGHT}. */
  weights: Partial<Record<RuleId, number>>;
}

export const EMPTY_FINDER: FinderSpec = { needs: {}, must: [], weights: {} };

export { FINDER_KEYS } from './keys.ts';

/** Floor area per person when a team size is given, m²: a common office planning figure, said wherever it is used. */
export const M2_PER_PERSON = 10;
/** The default, least and greatest weight of a nice-to-have rule. */
export const DEFAULT_WEIGHT = 1;
export const WEIGHT_RANGE = [0, 3] as const;
/** The distance offered for "near a place" when the user has not chosen one, m: a 20-minute walk. */
export const DEFAULT_NEAR_M = 1500;

/** Ranges the needs are clamped to (the form and the link). */
export const FINDER_LIMITS = {
  areaM2: [1, 1_000_000],
  people: [1, 10_000],
  rentPerDay: [0.01, 1000],
  perMonth: [1, 1_000_000_000],
  metroM: [50, 5000],
  nearM: [100, 5000],
} as const;

/** The rules the needs state, in {@link RULE_IDS} order. */
export function statedRules(needs: FinderNeeds): RuleId[] {
  const has: Record<RuleId, boolean> = {
    industry: Boolean(needs.industry),
    area: needs.areaM2 !== undefined || needs.people !== undefined,
    budget: needs.rentPerDay !== undefined || needs.perMonth !== undefined,
    date: Boolean(needs.by),
    metro: needs.metroM !== undefined,
    near: Boolean(needs.near),
    zone: Boolean(needs.zone),
    seats: needs.seats === true,
  };
  return RULE_IDS.filter((r) => has[r]);
}

/** A rule's weight: its own, else the default. */
export const weightOf = (spec: Pick<FinderSpec, 'weights'>, rule: RuleId): number => spec.weights[rule] ?? DEFAULT_WEIGHT;
