/*
 * The site finder's rules and ranking, in Turf's manner: plain data in, inputs never mutated.
 *
 * Every stated need is one binary rule: met, missed, or unknown (the listing does not say: no rent, no date, no
 * station known), and unknown counts as not met. A listing that does not meet a must-have is set apart, never
 * dropped. The score is the weight of the nice-to-haves met over the weight of all of them; the order is the score,
 * then the number of nice-to-haves met, then the nearest station, then the name, then the id.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { ZONE_CODES } from '../../../lib/data/zones.ts';
import { nearestStation } from '../../../lib/data/nearest.ts';
import type { SearchEntry } from '../../../lib/search/types.ts';
import type { PlaceAt, PlaceRef } from '../compare.ts';
import { rentRange } from '../filter.ts';
import { industryKey, industryMatches } from '../industries.ts';
import type { Listing, SpaceType } from '../types.ts';
import { isArea, type FinderContext, type PlanPlace } from './context.ts';
import { M2_PER_PERSON, statedRules, weightOf, type FinderSpec, type RuleId } from './needs.ts';
import { INDUSTRY_LABELS } from '../../../lib/data/vocab.ts';
import type { Industry } from '../../../lib/data/plan-schema.ts';

export type RuleStatus = 'met' | 'missed' | 'unknown';

/** Space types that are incubator seats rather than an office. */
export const SEAT_TYPES: readonly SpaceType[] = ['incubator_desk', 'coworking'];
/** Days in a month when a total per month is compared: a year's rent over twelve. */
export const DAYS_PER_MONTH = 365 / 12;

interface Base {
  status: RuleStatus;
  must: boolean;
  weight: number;
}
/** One rule's outcome for one listing, with the figures the reasons state. */
export type RuleOutcome = Base &
  (
    | { rule: 'industry'; want: string; have: readonly string[]; planIndustry: Industry | null; planTasks: number[] }
    | { rule: 'area'; needM2: number; people: number | null; perPerson: number; haveM2: number }
    | {
        rule: 'budget';
        perDay: number | null;
        perMonth: number | null;
        rent: readonly [number, number] | null;
        /** For a budget per month: the area priced (the need's, else the listing's), and the most the month may cost. */
        pricedM2: number | null;
        pricedBy: 'need' | 'listing' | null;
        monthly: number | null;
      }
    | { rule: 'date'; by: string; from: string | null }
    | { rule: 'metro'; withinM: number; station: PlaceAt | null }
    | { rule: 'near'; radiusM: number; placeId: string; place: PlaceAt | null }
    | { rule: 'zone'; zoneId: string; zone: PlaceRef | null }
    | { rule: 'seats'; spaceType: SpaceType }
  );

const ref = (p: PlaceRef): PlaceRef => ({ id: p.id, name_zh: p.name_zh, name_en: p.name_en });

/** Straight-line metres from a listing to a place's geometry (its point, or its outline's nearest edge). */
export function distanceTo(listing: Pick<Listing, 'lon' | 'lat'>, place: Pick<PlanPlace, 'geometry'>): number | null {
  return nearestStation(place.geometry, [{ lon: listing.lon, lat: listing.lat } as SearchEntry])?.distance ?? null;
}

/** Whether a listing lies inside a place with an outline (a zone). */
export const inside = (listing: Pick<Listing, 'lon' | 'lat'>, place: Pick<PlanPlace, 'geometry'>): boolean =>
  isArea(place.geometry) && booleanPointInPolygon([listing.lon, listing.lat], place.geometry);

/** The nearest station of a listing, or null. */
export function nearestOf(listing: Pick<Listing, 'lon' | 'lat'>, context: FinderContext): PlaceAt | null {
  const near = nearestStation([listing.lon, listing.lat], context.stations as SearchEntry[]);
  return near ? { ...ref(near.station), distanceM: near.distance } : null;
}

/** The plan's task numbers for an industry (lib/data/vocab.ts: "targets; tasks 7, 9, 11, 18"). */
export const industryTasks = (id: Industry): number[] => [...(INDUSTRY_LABELS[id].plan.match(/\d+/g) ?? [])].map(Number);

const status = (ok: boolean | null): RuleStatus => (ok === null ? 'unknown' : ok ? 'met' : 'missed');

/** The area the needs ask for, m²; null when they ask none. */
export const neededArea = (needs: FinderSpec['needs']): number | null => needs.areaM2 ?? (needs.people !== undefined ? needs.people * M2_PER_PERSON : null);

/** Every stated rule's outcome for one listing, in rule order. `station` saves measuring it again. */
export function evaluate(listing: Listing, spec: FinderSpec, context: FinderContext, station: PlaceAt | null = nearestOf(listing, context)): RuleOutcome[] {
  const n = spec.needs;
  const base = (rule: RuleId) => ({ must: spec.must.includes(rule), weight: weightOf(spec, rule) });
  const place = (id: string) => context.places.find((p) => p.id === id) ?? null;
  return statedRules(n).map((rule): RuleOutcome => {
    switch (rule) {
      case 'industry': {
        const want = n.industry!;
        const planIndustry = industryKey(want);
        const known = listing.industries.length > 0;
        const ok = known ? listing.industries.some((have) => industryMatches(have, want)) : null;
        return {
          ...base(rule),
          rule,
          status: status(ok),
          want,
          have: listing.industries,
          planIndustry,
          planTasks: planIndustry ? industryTasks(planIndustry) : [],
        };
      }
      case 'area': {
        const needM2 = neededArea(n)!;
        const ok = Number.isFinite(listing.areaM2) ? listing.areaM2 >= needM2 : null;
        return {
          ...base(rule),
          rule,
          status: status(ok),
          needM2,
          people: n.areaM2 === undefined ? (n.people ?? null) : null,
          perPerson: M2_PER_PERSON,
          haveM2: listing.areaM2,
        };
      }
      case 'budget': {
        const rent = rentRange(listing) ?? null;
        const perDay = n.rentPerDay ?? null;
        const perMonth = perDay === null ? (n.perMonth ?? null) : null;
        const need = neededArea(n);
        const pricedM2 = perMonth === null ? null : (need ?? listing.areaM2);
        // The range's upper end: the most the offer may cost, as the filters compare it.
        const monthly = perMonth !== null && rent && pricedM2 !== null ? Math.round(rent[1] * pricedM2 * DAYS_PER_MONTH) : null;
        const ok = !rent ? null : perDay !== null ? rent[1] <= perDay : monthly !== null && perMonth !== null ? monthly <= perMonth : null;
        const pricedBy = perMonth === null ? null : need !== null ? 'need' : 'listing';
        return { ...base(rule), rule, status: status(ok), perDay, perMonth, rent, pricedM2, pricedBy, monthly };
      }
      case 'date': {
        const from = listing.availableFrom ?? null;
        // ISO dates compare as strings.
        return { ...base(rule), rule, status: status(from === null ? null : from <= n.by!), by: n.by!, from };
      }
      case 'metro':
        return { ...base(rule), rule, status: status(station ? station.distanceM <= n.metroM! : null), withinM: n.metroM!, station };
      case 'near': {
        const p = place(n.near!.id);
        const d = p ? distanceTo(listing, p) : null;
        const at = p && d !== null ? { ...ref(p), distanceM: d } : null;
        return { ...base(rule), rule, status: status(at ? at.distanceM <= n.near!.radiusM : null), radiusM: n.near!.radiusM, placeId: n.near!.id, place: at };
      }
      case 'zone': {
        const zoneId = ZONE_CODES[n.zone!];
        const z = place(zoneId);
        return { ...base(rule), rule, status: status(z ? inside(listing, z) : null), zoneId, zone: z ? ref(z) : null };
      }
      case 'seats':
        return { ...base(rule), rule, status: status(SEAT_TYPES.includes(listing.spaceType)), spaceType: listing.spaceType };
    }
  });
}

/** A listing measured against the needs: its outcomes, score and what orders it. */
export interface Ranked {
  listing: Listing;
  outcomes: RuleOutcome[];
  /** Weight of the nice-to-haves met over the weight of all of them, 0–1; null when they weigh nothing (or there are none). */
  score: number | null;
  /** Weight of the nice-to-haves met, and how many are met. */
  metWeight: number;
  metCount: number;
  /** Must-haves not met (missed or unknown). */
  mustMissed: RuleId[];
  station: PlaceAt | null;
}

/** One listing's outcomes and score. */
export function score(listing: Listing, spec: FinderSpec, context: FinderContext): Ranked {
  const station = nearestOf(listing, context);
  const outcomes = evaluate(listing, spec, context, station);
  const nice = outcomes.filter((o) => !o.must);
  const total = nice.reduce((s, o) => s + o.weight, 0);
  const met = nice.filter((o) => o.status === 'met');
  const metWeight = met.reduce((s, o) => s + o.weight, 0);
  return {
    listing,
    outcomes,
    score: total > 0 ? metWeight / total : null,
    metWeight,
    metCount: met.length,
    mustMissed: outcomes.filter((o) => o.must && o.status !== 'met').map((o) => o.rule),
    station,
  };
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The order of ranked listings: fewer must-haves missed, more weight of nice-to-haves met (the same total weighs
 * every listing, so this is the score), more nice-to-haves met, nearest station (unknown last), name, id.
 */
export function compareRanked(a: Ranked, b: Ranked): number {
  const da = a.station?.distanceM ?? Infinity;
  const db = b.station?.distanceM ?? Infinity;
  return (
    a.mustMissed.length - b.mustMissed.length ||
    b.metWeight - a.metWeight ||
    b.metCount - a.metCount ||
    (da < db ? -1 : da > db ? 1 : 0) ||
    a.listing.name.localeCompare(b.listing.name, 'zh-Hans') ||
    byCode(a.listing.name, b.listing.name) ||
    byCode(a.listing.id, b.listing.id)
  );
}

/** The listings ranked: those meeting every must-have, and apart those that miss one (each says which). */
export function rankListings(listings: readonly Listing[], spec: FinderSpec, context: FinderContext): { matches: Ranked[]; apart: Ranked[] } {
  const all = listings.map((l) => score(l, spec, context)).sort(compareRanked);
  return { matches: all.filter((r) => r.mustMissed.length === 0), apart: all.filter((r) => r.mustMissed.length > 0) };
}
