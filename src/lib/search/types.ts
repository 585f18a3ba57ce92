/**
 * An address of a plan place: Chinese without the city and district ("国定路335号"), English ("335 Guoding
 * Road"), toneless pinyin of the Chinese ("guodinglu335hao").
 */
export type SearchAddress = [zh: string, en: string, pinyin: string];

/** One searchable, selectable place: a plan feature or a named basemap place (station, road, district…). */
export interface SearchEntry {
  /** `plan:<plan id>` or `place:<ascii slug>`; stable across builds, used in links. */
  id: string;
  kind: 'plan' | 'station' | 'road' | 'elevated_road' | 'district' | 'subdistrict' | 'campus';
  /** The plan class, for plan entries. */
  class?: string;
  name_zh: string;
  name_en: string;
  /** Toneless pinyin of name_zh, lower case, no spaces ("fudandaxue…"). */
  pinyin: string;
  /** First letters of each syllable ("fddx…"). */
  initials: string;
  /** A point to fly to (on or inside the feature). */
  lon: number;
  lat: number;
  /** Extent for fitting, when the feature is larger than a point. */
  bbox?: [number, number, number, number];
  /** The plan place's addresses, when the data gives any. */
  addresses?: SearchAddress[];
  /** The plan place's industries (keys of INDUSTRY_LABELS in lib/data/vocab.ts), when it has any. */
  industries?: string[];
  /** Where the entry comes from, e.g. "OpenStreetMap" or the plan dataset. */
  source: string;
}
