/*
 * The investors' printable briefs: one site (a listing: its facts, what is near, why it fits the needs stated in the
 * site finder, the plan's words for its place and industry) and the shortlist (the compare table, one map with every
 * pin). Builders of data (BriefDoc, lib/brief/types.ts) in one language; the core's print view draws and prints them.
 * The sentences are the finder's and the card's own functions, so paper and screen say the same thing.
 */
import type { BriefBlock, BriefDoc, BriefRequest, BriefSection } from '../../lib/brief/types.ts';
import { waitUntil } from '../../lib/brief/wait.ts';
import { grow } from '../../lib/data/box.ts';
import { httpUrl } from '../../lib/data/quotes.ts';
import { joinList, localName, type Lang } from '../../lib/i18n/index.ts';
import { dataRun, type TextRun } from '../../lib/import/runs.ts';
import type { AppState } from '../../lib/state/app.svelte.ts';
// The core's brief words (the kinds' names) as well as the investors' own.
import '../../lib/brief/messages.ts';
import { t } from './brief-messages.ts';
import { bestOf, listingFacts, type Compared, type ListingFacts } from './compare.ts';
import {
  distanceText,
  explainListing,
  finderContext,
  planWordHeading,
  planWordWhy,
  ruleName,
  ruleText,
  scorePercent,
  type Explanation,
} from './finder/explain.ts';
import { finderIsSet } from './finder/link.ts';
import type { InvestState } from './state.svelte.ts';
import type { Listing } from './types.ts';
import { areaText, industryRuns, inventoryName, listingWords, rentText, typeLabel } from './view-format.ts';
import { factsContext, listingsBbox } from './view-map.ts';

/** How long a brief waits for the inventories, the plan and the stations to arrive before it is built with what is there. */
const READY_WAIT_MS = 15_000;

/** Waits until the investors' data, the plan's places and the stations are loaded (or a while has passed). */
const ready = (app: AppState, state: InvestState): Promise<boolean> =>
  waitUntil(() => state.load === 'ready' && app.plan !== null && app.places.length > 0, READY_WAIT_MS);

/** A listing's own words (name, address…) in the reader's language where the data has them, marked as data. */
const words = (lang: Lang, l: Listing, field: 'name' | 'building' | 'address' | 'operator'): TextRun[] | null => {
  const text = listingWords(lang, l, field);
  return text ? [dataRun(lang, text)] : null;
};

const plain = (text: string): TextRun[] => [{ text }];

/** The rows of the offer's facts; a field the listing does not give is left out, the figures investors compare say "not given". */
function offerFacts(lang: Lang, l: Listing, state: InvestState): BriefBlock {
  const unknown = t(lang, 'investBrief.unknown');
  const rows: { label: string; value: TextRun[] | null }[] = [
    { label: t(lang, 'investBrief.kind'), value: plain(typeLabel(lang, l.spaceType)) },
    { label: t(lang, 'investBrief.area'), value: plain(areaText(lang, l.areaM2)) },
    { label: t(lang, 'investBrief.rent'), value: plain(rentText(lang, l) ?? unknown) },
    { label: t(lang, 'investBrief.available'), value: plain(l.availableFrom ?? unknown) },
    { label: t(lang, 'investBrief.industries'), value: l.industries.length ? industryRuns(lang, l.industries) : plain(unknown) },
    { label: t(lang, 'investBrief.building'), value: words(lang, l, 'building') },
    { label: t(lang, 'investBrief.address'), value: words(lang, l, 'address') },
    { label: t(lang, 'investBrief.operator'), value: words(lang, l, 'operator') },
    { label: t(lang, 'investBrief.contact'), value: l.contact ? [dataRun(lang, l.contact)] : null },
    { label: t(lang, 'investBrief.url'), value: httpUrl(l.url) ? [{ text: l.url! }] : null },
  ];
  const inventory = state.inventories.find((i) => i.id === l.inventoryId);
  if (inventory) rows.push({ label: t(lang, 'investBrief.inventory'), value: [dataRun(lang, inventoryName(lang, inventory))] });
  return { type: 'facts', rows: rows.filter((r): r is { label: string; value: TextRun[] } => r.value !== null) };
}

/** Nearest station, zone, science parks within 1.5 km: as the card says them. */
function nearFacts(lang: Lang, facts: ListingFacts): BriefBlock {
  const at = (p: { name_zh: string; name_en: string; distanceM: number }): TextRun[] => [
    dataRun(lang, t(lang, 'investBrief.distance', { name: localName(p, lang), distance: distanceText(lang, p.distanceM) })),
  ];
  const none = plain(t(lang, 'investBrief.none'));
  return {
    type: 'facts',
    rows: [
      { label: t(lang, 'investBrief.station'), value: facts.station ? at(facts.station) : none },
      {
        label: t(lang, 'investBrief.zone'),
        value: facts.zones.length
          ? plain(
              joinList(
                lang,
                facts.zones.map((z) => localName(z, lang)),
              ),
            )
          : none,
      },
      {
        label: t(lang, 'investBrief.parks'),
        value: facts.parks.length ? facts.parks.flatMap((p, i) => [...(i ? plain(t(lang, 'listSeparator')) : []), ...at(p)]) : none,
      },
    ],
  };
}

/** The reasons: each stated need met, missed or unknown, with its figures; the score and the must-haves missed. */
function whySection(lang: Lang, why: Explanation, needsStated: boolean): BriefSection {
  const blocks: BriefBlock[] = [];
  if (!needsStated) blocks.push({ type: 'text', runs: plain(t(lang, 'investBrief.noNeeds')) });
  else {
    const score = scorePercent(why.score);
    blocks.push({ type: 'text', runs: plain(score === null ? t(lang, 'investBrief.noScore') : t(lang, 'investBrief.score', { score })) });
    if (why.mustMissed.length)
      blocks.push({
        type: 'text',
        runs: plain(
          t(lang, 'investBrief.mustMissed', {
            rules: joinList(
              lang,
              why.mustMissed.map((r) => ruleName(lang, r)),
            ),
          }),
        ),
      });
    blocks.push({
      type: 'checks',
      items: why.outcomes.map((o) => ({ met: o.status === 'met' ? true : o.status === 'missed' ? false : null, runs: ruleText(lang, o, { mark: false }) })),
    });
  }
  return { heading: t(lang, 'investBrief.why'), blocks };
}

/** The plan's words that apply to the site: each with its task, the place it is said of, and why it applies. */
function wordsSection(lang: Lang, why: Explanation): BriefSection {
  if (!why.words.length) return { heading: t(lang, 'investBrief.planWords'), blocks: [{ type: 'text', runs: plain(t(lang, 'investBrief.noPlanWords')) }] };
  // Chinese readers get the plan's words; English readers the gloss first, the Chinese beside it (the quote block).
  const blocks = why.words.flatMap((w): BriefBlock[] => [
    { type: 'text', runs: plain(planWordHeading(lang, w)) },
    { type: 'quote', task: w.task, zh: w.quote_zh, gloss: lang === 'en' ? (w.gloss_en ?? undefined) : undefined, place: plain(planWordWhy(lang, w)) },
  ]);
  return { heading: t(lang, 'investBrief.planWords'), blocks };
}

/** Where the listing's information comes from, in the reader's language. */
function listingSource(lang: Lang, l: Listing): TextRun[] {
  if (l.sample) return plain(t(lang, 'investBrief.sampleSource'));
  const key = l.sourceDate ? 'investBrief.listSourceDate' : 'investBrief.listSource';
  const text = t(lang, key, { source: '\u0000', date: l.sourceDate ?? '' });
  const [before, after] = text.split('\u0000');
  return [{ text: before! }, dataRun(lang, l.source), { text: after ?? '' }].filter((r) => r.text !== '');
}

/** The site brief of one listing; null when this browser has no such listing. */
export function siteBrief(app: AppState, state: InvestState, id: string, lang: Lang): BriefDoc | null {
  const l = state.byId.get(id);
  if (!l) return null;
  const facts = listingFacts(l, factsContext(app.plan, app.places));
  const why = explainListing(l, finderContext(app.plan, app.places), state.finder);
  const name = listingWords(lang, l, 'name') ?? l.id;
  const sections: BriefSection[] = [
    {
      heading: t(lang, 'investBrief.facts'),
      blocks: [offerFacts(lang, l, state), ...(l.sample ? [{ type: 'text', runs: plain(t(lang, 'investBrief.sampleNote')) } as BriefBlock] : [])],
    },
    { heading: t(lang, 'investBrief.near'), blocks: [nearFacts(lang, facts)] },
    whySection(lang, why, finderIsSet(state.finder)),
    wordsSection(lang, why),
  ];
  return {
    request: { kind: 'site', id },
    title: [dataRun(lang, name)],
    subtitle: [t(lang, 'brief.kind.site'), typeLabel(lang, l.spaceType), areaText(lang, l.areaM2)].join(' · '),
    sample: l.sample,
    map: { center: [l.lon, l.lat], zoom: 15, pins: [{ lon: l.lon, lat: l.lat, label: '1' }], caption: t(lang, 'investBrief.siteCaption', { name }) },
    sections,
    sources: [listingSource(lang, l), plain(t(lang, 'investBrief.distances'))],
  };
}

const COLUMN_KEYS = {
  no: 'investBrief.col.no',
  name: 'investBrief.col.name',
  area: 'investBrief.col.area',
  rent: 'investBrief.col.rent',
  available: 'investBrief.col.available',
  station: 'investBrief.col.station',
  zone: 'investBrief.col.zone',
  score: 'investBrief.col.score',
} as const;
type Column = keyof typeof COLUMN_KEYS;

/** The shortlist brief: the pinned listings this browser has, side by side, and one map with every pin. */
export function shortlistBrief(app: AppState, state: InvestState, lang: Lang): BriefDoc {
  const byId = state.byId;
  const pinned = state.shortlist.map((id) => byId.get(id)).filter((l): l is Listing => l !== undefined);
  const missing = state.shortlist.length - pinned.length;
  const context = factsContext(app.plan, app.places);
  const facts = new Map(pinned.map((l) => [l.id, listingFacts(l, context)]));
  const best = bestOf(pinned, (l) => facts.get(l.id));
  const scored = finderIsSet(state.finder);
  const finder = scored ? finderContext(app.plan, app.places) : null;
  const unknown = t(lang, 'investBrief.unknown');
  const mark = (kind: Compared, l: Listing, text: string): TextRun[] =>
    best[kind].has(l.id) ? [{ text }, { text: ` ${t(lang, 'investBrief.best')}` }] : [{ text }];

  const columns: Column[] = ['no', 'name', 'area', 'rent', 'available', 'station', 'zone', ...(scored ? (['score'] as const) : [])];
  const rows = pinned.map((l, i): TextRun[][] => {
    const f = facts.get(l.id)!;
    const cells: Record<Column, TextRun[]> = {
      no: plain(String(i + 1)),
      name: words(lang, l, 'name') ?? plain(l.id),
      area: mark('area', l, areaText(lang, l.areaM2)),
      rent: mark('rent', l, rentText(lang, l) ?? unknown),
      available: mark('available', l, l.availableFrom ?? unknown),
      station: f.station ? mark('station', l, `${localName(f.station, lang)} · ${distanceText(lang, f.station.distanceM)}`) : plain(unknown),
      zone: plain(
        f.zones.length
          ? joinList(
              lang,
              f.zones.map((z) => localName(z, lang)),
            )
          : t(lang, 'investBrief.none'),
      ),
      score: finder ? plain(`${scorePercent(explainListing(l, finder, state.finder).score) ?? '—'}%`) : [],
    };
    return columns.map((c) => cells[c]);
  });
  const head = columns.map((c) => t(lang, COLUMN_KEYS[c]));

  const details: BriefBlock[] = pinned.flatMap((l, i): BriefBlock[] => [
    { type: 'text', runs: [dataRun(lang, t(lang, 'investBrief.detail', { n: i + 1, name: listingWords(lang, l, 'name') ?? l.id }))] },
    offerFacts(lang, l, state),
    nearFacts(lang, facts.get(l.id)!),
  ]);
  // Grown, so that pins at the edge stay whole and a single pin is not framed at the map's deepest zoom.
  const bbox = listingsBbox(pinned);
  const box = bbox ? grow(bbox, 300) : null;
  const sections: BriefSection[] = [
    {
      heading: t(lang, 'investBrief.compare'),
      blocks: pinned.length
        ? [
            { type: 'table', head, rows, caption: t(lang, 'investBrief.compareNote') },
            ...(missing ? [{ type: 'text', runs: plain(t(lang, 'investBrief.notHere', { count: missing })) } as BriefBlock] : []),
          ]
        : [{ type: 'text', runs: plain(t(lang, 'investBrief.shortlistEmpty')) }],
    },
    ...(pinned.length ? [{ heading: t(lang, 'investBrief.details'), blocks: details }] : []),
  ];
  return {
    request: { kind: 'shortlist' },
    title: plain(t(lang, 'investBrief.shortlistTitle', { count: pinned.length })),
    subtitle: t(lang, 'brief.kind.shortlist'),
    sample: pinned.some((l) => l.sample),
    ...(box
      ? {
          map: {
            bounds: box,
            pins: pinned.map((l, i) => ({ lon: l.lon, lat: l.lat, label: String(i + 1) })),
            caption: t(lang, 'investBrief.shortlistCaption'),
          },
        }
      : {}),
    sections,
    sources: [...uniqueSources(lang, pinned), plain(t(lang, 'investBrief.distances'))],
  };
}

/** Each listing's source once, in the order of the pins. */
function uniqueSources(lang: Lang, listings: readonly Listing[]): TextRun[][] {
  const seen = new Set<string>();
  const out: TextRun[][] = [];
  for (const l of listings) {
    const runs = listingSource(lang, l);
    const key = runs.map((r) => r.text).join('');
    if (!seen.has(key)) {
      seen.add(key);
      out.push(runs);
    }
  }
  return out;
}

/** The investors' briefs, once their data is in (see {@link ready}). */
export async function buildInvestBrief(app: AppState, state: InvestState, request: BriefRequest, lang: Lang): Promise<BriefDoc | null> {
  await ready(app, state);
  if (request.kind === 'site') return siteBrief(app, state, request.id, lang);
  if (request.kind === 'shortlist') return shortlistBrief(app, state, lang);
  return null;
}
