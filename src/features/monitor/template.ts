import { csvText } from '../../lib/data/csv.ts';
import { localName, type Lang } from '../../lib/i18n/index.ts';
import { EXPORT_NAME_HEADERS, INDICATOR_FIELDS, type PlaceNames } from './import.ts';
import { INDICATORS } from './indicators.ts';
import type { Observation } from './types.ts';

/** File name of the downloadable template. */
export const TEMPLATE_FILE_NAME = 'yangpu-monitor-template.csv';

/**
 * The indicator file template: the header `indicator,year,value,unit,source,place` and one row per indicator
 * with its id and unit filled in, the rest blank. UTF-8 with a byte-order mark and CRLF line ends, so spreadsheets
 * open it with its Chinese intact. Rows left as they are on import are skipped, not rejected.
 */
export function templateCsv(): string {
  return csvText(
    INDICATOR_FIELDS,
    INDICATORS.map((i) => [i.id, '', '', i.unit, '', '']),
  );
}

const ORDER = new Map(INDICATORS.map((i, k) => [i.id, k]));

export interface ObservationsCsvOptions {
  /** Place names, for the `place_name` column (the id is written without it). */
  places?: PlaceNames;
}

/**
 * Figures as CSV, in the template's columns so that the file imports again as it is, followed by two columns for
 * people reading it: the indicator's name and the place's name in `lang` (the import ignores them). Sorted by
 * indicator (the plan's order), district-wide figures first, then place, then year. Formula-like text (a source
 * starting with "=") is neutralised by the CSV writer and restored by the import.
 */
export function observationsCsv(observations: readonly Observation[], lang: Lang, options: ObservationsCsvOptions = {}): string {
  const sorted = [...observations].sort(
    (a, b) => (ORDER.get(a.indicator) ?? 99) - (ORDER.get(b.indicator) ?? 99) || (a.place ?? '').localeCompare(b.place ?? '') || a.year - b.year,
  );
  const name = (o: Observation) => INDICATORS[ORDER.get(o.indicator) ?? -1]?.name[lang] ?? '';
  const placeName = (o: Observation) => {
    if (!o.place) return '';
    const names = options.places?.get(o.place);
    return names ? localName(names, lang) : '';
  };
  return csvText(
    [...INDICATOR_FIELDS, ...EXPORT_NAME_HEADERS],
    sorted.map((o) => [o.indicator, o.year, o.value, o.unit, o.source, o.place ?? '', name(o), placeName(o)]),
  );
}

/** File name of an export: `yangpu-monitor-<date>.csv`. */
export const exportFileName = (now: Date = new Date()): string => `yangpu-monitor-${now.toISOString().slice(0, 10)}.csv`;
