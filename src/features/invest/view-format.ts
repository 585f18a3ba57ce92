/**
 * Listing figures as text in the reader's language (pure): area, rent, distances, labels of types and places, and
 * the language a listing's own words (names, addresses, industries from its file) are marked with. Everything
 * returned is plain text, shown as text nodes.
 */
import { roundDistance } from '../../lib/data/quotes.ts';
import { localName, type Lang } from '../../lib/i18n/index.ts';
import { t } from './messages.ts';
import { importKey } from '../../lib/import/catalogue.ts';
import type { PlaceRef } from './compare.ts';
import type { Inventory, Listing, ListingEnglish, SpaceType } from './types.ts';
import type { Crs } from '../../lib/import/types.ts';
import { dataLang, type TextRun } from '../../lib/import/runs.ts';
import { industryRun } from './industries.ts';

/** The `lang` attribute a listing's own words (its name, building, address, operator…) need in a page in `lang`. */
export const wordsLang = (lang: Lang, text: string | undefined): string | undefined => (text ? dataLang(lang, text) : undefined);

/** A listing's own words (name, building, address, operator) in the reader's language where the data has them, else as written. */
export const listingWords = (lang: Lang, l: Listing, field: keyof ListingEnglish): string | undefined =>
  (lang === 'en' ? l.en?.[field] : undefined) || l[field] || undefined;

/** A listing's industries as runs (for `lib/import/Runs.svelte`), joined by the list separator: the plan's in `lang`, others marked. */
export function industryRuns(lang: Lang, industries: readonly string[]): TextRun[] {
  const separator = t(lang, 'listSeparator');
  return industries.flatMap((term, i) => (i ? [{ text: separator }, industryRun(lang, term)] : [industryRun(lang, term)]));
}

/** An inventory's name in `lang`: the team's sample in the reader's words, an imported file's as its importer named it. */
export const inventoryName = (lang: Lang, inventory: Pick<Inventory, 'name' | 'sample'>): string =>
  inventory.sample ? t(lang, 'investSampleInventory') : inventory.name;

const numberFormat = { zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }), en: new Intl.NumberFormat('en', { maximumFractionDigits: 2 }) };

/** A number with grouping and at most two decimals. */
export const num = (lang: Lang, n: number): string => numberFormat[lang].format(n);

/** "1,200 m²" / "1,200 平方米". */
export const areaText = (lang: Lang, m2: number): string => t(lang, 'investAreaValue', { value: num(lang, m2) });

/** The rent range in yuan per m² per day, one figure when both ends agree; null when the listing gives none. */
export function rentText(lang: Lang, l: Pick<Listing, 'rentMin' | 'rentMax'>): string | null {
  const lo = l.rentMin ?? l.rentMax;
  const hi = l.rentMax ?? l.rentMin;
  if (lo === undefined || hi === undefined) return null;
  return lo === hi ? t(lang, 'investRentValue', { value: num(lang, lo) }) : t(lang, 'investRentRange', { min: num(lang, lo), max: num(lang, hi) });
}

/** Closer than this, a distance is said as "under 25 m": a listing at a park's own point is not "0 m" from it. */
export const ON_SITE_M = 25;

/** "350 m" / "1.2 km" in a straight line, rounded as the feature card rounds; "under 25 m" for a place on the spot. */
export function distanceText(lang: Lang, metres: number): string {
  if (metres < ON_SITE_M) return t(lang, 'investDistanceUnder', { value: ON_SITE_M });
  const d = roundDistance(metres);
  return t(lang, d.unit === 'km' ? 'cardDistanceKm' : 'cardDistanceM', { value: d.value });
}

/** The space type's label. */
export const typeLabel = (lang: Lang, type: SpaceType): string => t(lang, importKey(`type.${type}`));

/** The coordinate system's label. */
export const crsLabel = (lang: Lang, crs: Crs): string => t(lang, importKey(`crs.${crs}`));
/** Who writes a coordinate system ("GPS, Tianditu, OpenStreetMap"). */
export const crsUsers = (lang: Lang, crs: Crs): string => t(lang, importKey(`crs.${crs}Users`));

/** A place's name in the reader's language. */
export const placeName = (lang: Lang, p: PlaceRef): string => localName(p, lang);
