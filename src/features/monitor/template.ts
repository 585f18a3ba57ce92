import { csvText } from '../../lib/data/csv.ts';
import { localName, type Lang } from '../../lib/i18n/index.ts';
import { INDICATOR_FIELDS, type PlaceNames } from './import.ts';
import { monitorImportKey } from './import-catalogue.ts';
import { INDICATORS } from './indicators.ts';
import { t } from './messages.ts';
import type { Indicator, Observation } from './types.ts';

/** File name of the downloadable template in `lang` (the status line names it in a sentence of that language). */
export const templateFileName = (lang: Lang): string => t(lang, monitorImportKey('template.file'));

/** The template's column headers in `lang` (the import reads either language's). */
export const templateHeaders = (lang: Lang): string[] => INDICATOR_FIELDS.map((f) => t(lang, monitorImportKey(`header.${f}`)));

/** An indicator's unit as a file in `lang` writes it (the import reads either). */
const unitText = (ind: Indicator, lang: Lang): string => ind.unitLabel[lang];

/**
 * The indicator file template in `lang`: the headers, two comment rows the import skips (how to fill it in, and an
 * example row in the template's columns), then one row per indicator with its name and unit filled in, the rest
 * blank. UTF-8 with a byte-order mark and CRLF line ends, so spreadsheets open it with its Chinese intact. Rows
 * left as they are on import are skipped, not rejected.
 */
export function templateCsv(lang: Lang): string {
  const sample = INDICATORS.find((i) => i.id === 'digital_economy_revenue')!;
  const example = [t(lang, monitorImportKey('template.example'), { indicator: sample.name[lang] }), 2025, 620, unitText(sample, lang)];
  return csvText(templateHeaders(lang), [
    [t(lang, monitorImportKey('template.how'))],
    [...example, t(lang, monitorImportKey('template.exampleSource')), ''],
    ...INDICATORS.map((i) => [i.name[lang], '', '', unitText(i, lang), '', '']),
  ]);
}

const ORDER = new Map(INDICATORS.map((i, k) => [i.id, k]));

export interface ObservationsCsvOptions {
  /** Place names, for the place-name column (the place's id is written without it). */
  places?: PlaceNames;
}

/**
 * Figures as CSV in `lang`, in the template's columns so that the file imports again as it is: the indicator by its
 * name and the unit as the template writes them, the place by its id, then a column for people reading it, the
 * place's name (the import ignores it). Sorted by indicator (the plan's order), district-wide figures first, then
 * place, then year. Formula-like text (a source starting with "=") is neutralised by the CSV writer and restored by
 * the import.
 */
export function observationsCsv(observations: readonly Observation[], lang: Lang, options: ObservationsCsvOptions = {}): string {
  const sorted = [...observations].sort(
    (a, b) => (ORDER.get(a.indicator) ?? 99) - (ORDER.get(b.indicator) ?? 99) || (a.place ?? '').localeCompare(b.place ?? '') || a.year - b.year,
  );
  const placeName = (o: Observation) => {
    if (!o.place) return '';
    const names = options.places?.get(o.place);
    return names ? localName(names, lang) : '';
  };
  return csvText(
    [...templateHeaders(lang), t(lang, monitorImportKey('header.placeName'))],
    sorted.map((o) => {
      const ind = INDICATORS[ORDER.get(o.indicator)!]!;
      return [ind.name[lang], o.year, o.value, unitText(ind, lang), o.source, o.place ?? '', placeName(o)];
    }),
  );
}

/** File name of an export: `yangpu-monitor-<date>.csv`. */
export const exportFileName = (now: Date = new Date()): string => `yangpu-monitor-${now.toISOString().slice(0, 10)}.csv`;
