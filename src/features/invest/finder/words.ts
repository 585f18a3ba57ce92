/*
 * The plan's words that apply to a listing: the task quotations of the plan's places where the listing is, for the
 * industry asked for (or, with none asked, the listing's own). Only what the plan says of that place is quoted:
 * a zone's words for a listing inside it; a science park's, platform's or incubator's words where the plan states
 * the industry for that place (a zone's first task when none of its tasks names it); the words of the place the user asked to be near; an incubator's words for seats
 * near it. Pure.
 */
import type { Industry } from '../../../lib/data/plan-schema.ts';
import { industryKey } from '../industries.ts';
import type { Listing } from '../types.ts';
import type { FinderClass, FinderContext, PlanPlace } from './context.ts';
import type { FinderNeeds } from './needs.ts';
import { distanceTo, industryTasks, inside, SEAT_TYPES } from './rules.ts';

/** How far a place may be for its words to apply to a listing, m (as the card's "nearby science parks"). */
export const WORDS_RADIUS_M = 1500;

/** Why a quotation applies: the listing lies in the zone; the plan states the industry for a place near it; it is near the place asked for; its seats are near an incubator. */
export type WordsWhy = 'zone' | 'industry' | 'near' | 'incubator';

/** One of the plan's quotations that applies to a listing, and why. */
export interface PlanWord {
  task: number;
  /** The plan's words for this task at this place, each 「…」 passage, joined. */
  quote_zh: string;
  /** The English gloss of the same passage; null when the English summary did not split like the Chinese. */
  gloss_en: string | null;
  placeId: string;
  name_zh: string;
  name_en: string;
  placeClass: FinderClass;
  why: WordsWhy;
  /** The plan's industries this task names for the place that the reader asked for (or the listing offers). */
  industries: Industry[];
  /** Straight-line metres from the listing; null for a zone the listing lies in. */
  distanceM: number | null;
}

/** The plan's industries a quotation is sought for: the one asked for, else the listing's own that the plan names. */
export function wantedIndustries(listing: Pick<Listing, 'industries'>, needs: Pick<FinderNeeds, 'industry'>): Industry[] {
  const terms = needs.industry ? [needs.industry] : listing.industries;
  return [...new Set(terms.map(industryKey).filter((k): k is Industry => k !== null))];
}

/** The plan's words for one listing (order: zones, industries, the place asked for, incubators; nearest first). */
export function planWords(listing: Listing, needs: FinderNeeds, context: FinderContext): PlanWord[] {
  const wanted = wantedIndustries(listing, needs);
  const out: PlanWord[] = [];
  const seen = new Set<string>();
  const add = (p: PlanPlace, task: number, why: WordsWhy, industries: Industry[], distanceM: number | null) => {
    const key = `${p.id}#${task}`;
    const quote = p.tasks.find((q) => q.task === task);
    if (seen.has(key) || !quote) return;
    seen.add(key);
    const quote_zh = quote.quotes.length ? quote.quotes.map((q) => `「${q}」`).join('') : quote.note;
    out.push({ task, quote_zh, gloss_en: quote.gloss, placeId: p.id, name_zh: p.name_zh, name_en: p.name_en, placeClass: p.class, why, industries, distanceM });
  };

  const zones = context.places.filter((p) => p.class === 'zone' && inside(listing, p));
  const near = context.places
    .filter((p) => p.class !== 'zone')
    .map((p) => ({ p, d: distanceTo(listing, p) }))
    .filter((x): x is { p: PlanPlace; d: number } => x.d !== null)
    .sort((a, b) => a.d - b.d || (a.p.id < b.p.id ? -1 : 1));

  for (const z of zones) {
    const named = (task: number) => wanted.filter((i) => z.industries.includes(i) && industryTasks(i).includes(task));
    // The zone's tasks that name the industry; else its first task in the plan, which names the zone's purpose.
    const tasks = z.tasks.filter((q) => named(q.task).length);
    const first = [...z.tasks].sort((a, b) => a.task - b.task).slice(0, 1);
    for (const q of tasks.length ? tasks : first) add(z, q.task, 'zone', named(q.task), null);
  }

  for (const { p, d } of near) {
    if (d > WORDS_RADIUS_M) break;
    for (const i of wanted.filter((x) => p.industries.includes(x))) {
      // The place's tasks the plan lists for the industry; when none is, its own words name it (it is tagged so).
      const listed = p.tasks.filter((q) => industryTasks(i).includes(q.task));
      for (const q of listed.length ? listed : p.tasks)
        add(
          p,
          q.task,
          'industry',
          wanted.filter((x) => p.industries.includes(x)),
          d,
        );
    }
  }

  if (needs.near) {
    const asked = near.find((x) => x.p.id === needs.near!.id);
    if (asked && asked.d <= needs.near.radiusM) for (const q of asked.p.tasks) add(asked.p, q.task, 'near', [], asked.d);
  }

  if (SEAT_TYPES.includes(listing.spaceType)) {
    const incubator = near.find((x) => x.p.class === 'incubator' && x.d <= WORDS_RADIUS_M);
    if (incubator) for (const q of incubator.p.tasks) add(incubator.p, q.task, 'incubator', [], incubator.d);
  }
  return out;
}
