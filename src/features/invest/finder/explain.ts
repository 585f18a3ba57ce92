/*
 * Why a listing fits (or not), as data and as sentences: the panel and the printed site brief call the same
 * functions, so they say the same thing. Pure: no DOM, no Svelte. Text from a listing's file (its industries) comes
 * as runs marked with their language; everything else is in the reader's language.
 */
import type { Industry } from '../../../lib/data/plan-schema.ts';
import { TASKS } from '../../../lib/data/tasks.ts';
import { zoneCodeOf, type ZoneCode } from '../../../lib/data/zones.ts';
import { INDUSTRY_LABELS } from '../../../lib/data/vocab.ts';
import { joinList, localName, type Lang, type MessageKey } from '../../../lib/i18n/index.ts';
import { dataRun, joinRuns, messageRuns, type TextRun } from '../../../lib/import/runs.ts';
import type { Listing } from '../types.ts';
import { roundDistance } from '../../../lib/data/quotes.ts';
import { areaText, industryRuns, num, ON_SITE_M, rentText, typeLabel } from '../view-format.ts';
import type { FinderContext } from './context.ts';
import { t } from './messages.ts';
import { EMPTY_FINDER, type FinderSpec, type RuleId } from './needs.ts';
import { score, type RuleOutcome, type RuleStatus } from './rules.ts';
import { planWords, type PlanWord } from './words.ts';

export type { FinderContext, PlanPlace } from './context.ts';
export { finderContext, nearChoices } from './context.ts';
export type { FinderNeeds, FinderSpec, RuleId } from './needs.ts';
export { EMPTY_FINDER, M2_PER_PERSON } from './needs.ts';
export type { RuleOutcome, RuleStatus, Ranked } from './rules.ts';
export { rankListings, DAYS_PER_MONTH } from './rules.ts';
export type { PlanWord, WordsWhy } from './words.ts';

/** One listing explained against the needs: every stated rule's outcome, the score, and the plan's words. */
export interface Explanation {
  listing: Listing;
  outcomes: RuleOutcome[];
  /** 0–1; null when no nice-to-have weighs anything. */
  score: number | null;
  mustMissed: RuleId[];
  words: PlanWord[];
}

/**
 * Explains one listing. With no needs (the default), there are no rules and the plan's words are those of the
 * listing's place and its own industries.
 */
export function explainListing(listing: Listing, context: FinderContext, spec: FinderSpec = EMPTY_FINDER): Explanation {
  const ranked = score(listing, spec, context);
  return { listing, outcomes: ranked.outcomes, score: ranked.score, mustMissed: ranked.mustMissed, words: planWords(listing, spec.needs, context) };
}

/** "320 m" / "1.2 km", rounded as the feature card rounds; "under 25 m" for a place on the spot. */
export function distanceText(lang: Lang, metres: number): string {
  if (metres < ON_SITE_M) return t(lang, 'finderUnderMetres', { value: ON_SITE_M });
  const d = roundDistance(metres);
  return t(lang, d.unit === 'km' ? 'finderKilometres' : 'finderMetres', { value: d.value });
}

const STATUS_KEY: Record<RuleStatus, MessageKey> = { met: 'finderMet', missed: 'finderMissed', unknown: 'finderUnknown' };
const ZONE_KEY: Record<ZoneCode, MessageKey> = { fv: 'finderZoneFv', ysp: 'finderZoneYsp' };

/** A plan industry's short label in `lang` (without what its bracket adds). */
export const industryLabel = (lang: Lang, id: Industry): string => INDUSTRY_LABELS[id][lang].replace(/\s*[(（][^)）]*[)）]/g, '');

/** A rule's name in `lang` ("Walk to a metro station"). */
export const ruleName = (lang: Lang, rule: RuleId): string => t(lang, `finderRule.${rule}` as MessageKey);

/** What a rule's figures say, without its mark and name. */
function ruleSentence(lang: Lang, o: RuleOutcome): TextRun[] {
  const within = (m: number) => distanceText(lang, m);
  switch (o.rule) {
    case 'industry': {
      const want: readonly TextRun[] = o.planIndustry ? [{ text: industryLabel(lang, o.planIndustry) }] : [dataRun(lang, o.want)];
      const head = o.have.length
        ? messageRuns(lang, 'finderWhyIndustry', { want, have: industryRuns(lang, o.have) })
        : messageRuns(lang, 'finderWhyIndustryNone', { want });
      const plan = o.planTasks.length
        ? messageRuns(lang, 'finderWhyIndustryPlan', { count: o.planTasks.length, tasks: joinList(lang, o.planTasks.map(String)) })
        : [];
      return [...head, ...plan];
    }
    case 'area':
      return o.people !== null
        ? messageRuns(lang, 'finderWhyAreaPeople', {
            have: areaText(lang, o.haveM2),
            need: areaText(lang, o.needM2),
            people: num(lang, o.people),
            per: num(lang, o.perPerson),
          })
        : messageRuns(lang, 'finderWhyArea', { have: areaText(lang, o.haveM2), need: areaText(lang, o.needM2) });
    case 'budget': {
      const budget =
        o.perDay !== null ? t(lang, 'finderBudgetDay', { budget: num(lang, o.perDay) }) : t(lang, 'finderBudgetMonth', { budget: num(lang, o.perMonth ?? 0) });
      if (!o.rent) return messageRuns(lang, 'finderWhyRentNone', { budget });
      if (o.perDay !== null)
        return messageRuns(lang, 'finderWhyRentDay', { rent: rentText(lang, { rentMin: o.rent[0], rentMax: o.rent[1] }) ?? '', budget: num(lang, o.perDay) });
      return messageRuns(lang, 'finderWhyRentMonth', {
        monthly: num(lang, o.monthly ?? 0),
        upper: num(lang, o.rent[1]),
        area: num(lang, o.pricedM2 ?? 0),
        basis: t(lang, o.pricedBy === 'need' ? 'finderBasisNeed' : 'finderBasisListing'),
        budget: num(lang, o.perMonth ?? 0),
      });
    }
    case 'date':
      return o.from ? messageRuns(lang, 'finderWhyDate', { from: o.from, by: o.by }) : messageRuns(lang, 'finderWhyDateNone', { by: o.by });
    case 'metro':
      return o.station
        ? messageRuns(lang, 'finderWhyMetro', {
            station: localName(o.station, lang),
            distance: distanceText(lang, o.station.distanceM),
            within: within(o.withinM),
          })
        : messageRuns(lang, 'finderWhyMetroNone', { within: within(o.withinM) });
    case 'near':
      return o.place
        ? messageRuns(lang, 'finderWhyNear', { place: localName(o.place, lang), distance: distanceText(lang, o.place.distanceM), within: within(o.radiusM) })
        : messageRuns(lang, 'finderWhyNearNone', { id: o.placeId, within: within(o.radiusM) });
    case 'zone': {
      const zone = o.zone ? localName(o.zone, lang) : t(lang, ZONE_KEY[zoneCodeOf(o.zoneId) ?? 'fv']);
      return messageRuns(lang, o.status === 'met' ? 'finderWhyZoneIn' : o.status === 'missed' ? 'finderWhyZoneOut' : 'finderWhyZoneNone', { zone });
    }
    case 'seats':
      return messageRuns(lang, o.status === 'met' ? 'finderWhySeats' : 'finderWhySeatsNot', { type: typeLabel(lang, o.spaceType) });
  }
}

/**
 * One rule's outcome as a sentence: "✓ Met · Walk to a metro station (weight 1): 320 m to Guoquan Road station;
 * asked within 500 m". Met, missed or unknown is said in words as well as by its mark; `mark: false` leaves both
 * out, for a list that marks its items itself (a brief's checks).
 */
export function ruleText(lang: Lang, o: RuleOutcome, { mark = true }: { mark?: boolean } = {}): TextRun[] {
  const importance = o.must ? t(lang, 'finderMustTag') : t(lang, 'finderWeightTag', { w: o.weight });
  const line = mark
    ? messageRuns(lang, 'finderLine', { mark: t(lang, STATUS_KEY[o.status]), rule: ruleName(lang, o.rule), importance })
    : messageRuns(lang, 'finderLineBare', { rule: ruleName(lang, o.rule), importance });
  return joinRuns(line, ruleSentence(lang, o));
}

/** A plan word's heading: the task and its title in the plan ("Task 18: …"). */
export function planWordHeading(lang: Lang, w: PlanWord): string {
  const task = TASKS.find((x) => x.n === w.task);
  return t(lang, 'finderTask', { n: w.task, title: task ? (lang === 'zh' ? task.title_zh : task.title_en) : '' });
}

/** Why a plan word applies to the listing: the place, how far, and what the plan names for it. */
export function planWordWhy(lang: Lang, w: PlanWord): string {
  const place = localName(w, lang);
  const distance = w.distanceM === null ? '' : distanceText(lang, w.distanceM);
  const industries = joinList(
    lang,
    w.industries.map((i) => industryLabel(lang, i)),
  );
  switch (w.why) {
    case 'zone':
      return t(lang, w.industries.length ? 'finderWordZoneIndustry' : 'finderWordZone', { place, industries });
    case 'industry':
      return t(lang, 'finderWordIndustry', { place, distance, industries });
    case 'near':
      return t(lang, 'finderWordNear', { place, distance });
    case 'incubator':
      return t(lang, 'finderWordIncubator', { place, distance });
  }
}

/**
 * A plan word's quotation for a reader of `lang`: Chinese readers get the plan's words; English readers the gloss,
 * with the Chinese original beside it (`original`), or the Chinese alone, marked, when there is no gloss.
 */
export function planWordQuote(lang: Lang, w: PlanWord): { text: string; lang?: 'zh-Hans'; original: string | null } {
  if (lang === 'zh') return { text: w.quote_zh, original: null };
  return w.gloss_en ? { text: w.gloss_en, original: w.quote_zh } : { text: w.quote_zh, lang: 'zh-Hans', original: null };
}

/** A score as a whole percentage (0–100), or null. */
export const scorePercent = (s: number | null): number | null => (s === null ? null : Math.round(s * 100));
