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
  /** Where the entry comes from, e.g. "OpenStreetMap" or the plan dataset. */
  source: string;
}
