import { ignoredColumnsNote, matchHeaders, missingFields, type Mapping } from '../../lib/import/mapping.ts';
import { readFile, type ReadFileOptions, type ReadFileResult } from '../../lib/import/read.ts';
import { buildRows, freshId, rowReport, SKIP } from '../../lib/import/rows.ts';
import type { TableImport } from '../../lib/import/spec.ts';
import { cleanText, NAME_MAX_LENGTH } from '../../lib/import/text.ts';
import type { ImportMessage, ImportReport, ImportTable } from '../../lib/import/types.ts';
import { parseNumber } from '../../lib/import/values.ts';
import { INDICATORS } from './indicators.ts';
import { indicatorByName, indicatorNames } from './indicator-names.ts';
import { monitorMessage, type MonitorImportCode } from './import-messages.ts';
import type { Indicator, IndicatorDataset, Observation, Unit } from './types.ts';

/*
 * The plan monitor's statistics import: a table of figures (indicator, year, value, unit, source, place) into a
 * dataset, with the row-by-row report. Reading the file, header matching, cleaning text and the report's
 * bookkeeping are the import kernel's (src/lib/import/); what a figure needs and how its cells read are here.
 */

/** The columns of an indicator file; `place` is optional (blank = district-wide). */
export const INDICATOR_FIELDS = ['indicator', 'year', 'value', 'unit', 'source', 'place'] as const;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];

/** Which column (header) feeds each field; unmapped fields are absent. */
export type IndicatorMapping = Mapping<IndicatorField>;

/** Fields a mapping must give for any row to be accepted. */
export const REQUIRED_INDICATOR_FIELDS = ['indicator', 'year', 'value', 'source'] as const;

/** The required fields a mapping does not feed, each with its note. */
const missingIndicatorFields = (mapping: IndicatorMapping) =>
  missingFields<IndicatorField>(REQUIRED_INDICATOR_FIELDS, mapping, (f) => monitorMessage(`monitor-mapping-missing-${f}` as MonitorImportCode));

/** The first year a figure may be for: the plan's baseline years reach back to 2019 (before the 2024–2026 plan). */
export const FIRST_YEAR = 2019;

/** Whether a file picker should offer a file: indicator files are tables. */
export const INDICATOR_ACCEPT = '.csv,.tsv,.txt';

/** The places a figure may be for, by plan feature id, with their names (to recognise a name written instead). */
export type PlaceNames = ReadonlyMap<string, { name_zh: string; name_en: string }>;

/** The places of the plan's features, for `buildIndicatorDataset`'s `places`. */
export function placesFromPlan(plan: { features: readonly { properties: { id: string; name_zh: string; name_en: string } }[] } | null): PlaceNames {
  return new Map((plan?.features ?? []).map((f) => [f.properties.id, { name_zh: f.properties.name_zh, name_en: f.properties.name_en }]));
}

const MAP_FILE = /\.(geojson|json|kml|kmz)$/i;

/**
 * Reads an indicator file's bytes into a table with the import kernel's reader (size limit, binaries and workbooks
 * refused, UTF-8 / GBK / UTF-16 decoded, CSV/TSV parsed; see `readFile`). Map files (GeoJSON, KML) are refused with
 * `monitor-file-not-table`: indicator figures are a table.
 */
export function readIndicatorFile(file: { name: string; bytes: Uint8Array }, options: ReadFileOptions = {}): ReadFileResult {
  if (MAP_FILE.test(file.name)) return { fileErrors: [monitorMessage('monitor-file-not-table')] };
  // The template explains itself in rows starting with "#"; an indicator's name never does.
  const result = readFile(file, { comments: true, ...options });
  const mapLike = result.table ? result.table.format !== 'csv' && result.table.format !== 'tsv' : looksLikeMarkupOrJson(file.bytes);
  return mapLike ? { fileErrors: [monitorMessage('monitor-file-not-table')] } : result;
}

/** Whether a file opens with JSON or XML (after a UTF-8 byte-order mark and blanks): not a table, whatever its name. */
function looksLikeMarkupOrJson(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && i < 1024 && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x7b || bytes[i] === 0x5b || bytes[i] === 0x3c;
}

/** Header synonyms per field, normalised as `normaliseHeader` does (lower case, no spaces, bracketed units dropped). */
const SYNONYMS: Record<IndicatorField, readonly string[]> = {
  indicator: ['指标', '指标名称', '指标编号', '指标代码', '监测指标', '统计指标', 'indicator', 'indicatorid', 'metric', 'measure', 'kpi'],
  year: ['年份', '年度', '年', '统计年度', '统计年份', '年份年度', 'year', 'yr', 'fiscalyear'],
  value: ['数值', '值', '指标值', '数据', '统计值', '实际值', '完成值', '完成情况', '数量', '金额', 'value', 'amount', 'figure', 'actual', 'number'],
  unit: ['单位', '计量单位', '统计单位', 'unit', 'units', 'uom'],
  source: ['来源', '数据来源', '资料来源', '信息来源', '出处', 'source', 'datasource', 'sources'],
  place: [
    '地点',
    '园区',
    '区域',
    '片区',
    '功能区',
    '载体',
    '空间',
    '位置',
    '地点编号',
    '要素编号',
    'place',
    'placeid',
    'zone',
    'park',
    'area',
    'location',
    'site',
  ],
};

/**
 * Suggests which header feeds which field, from English and Chinese headers (指标, 年份/年度, 数值/值, 单位,
 * 来源/数据来源, 地点/园区/区域 …). Each header feeds at most one field; the template's own headers, in either
 * language, match exactly.
 */
export function suggestIndicatorMapping(headers: readonly string[]): IndicatorMapping {
  return matchHeaders(headers, SYNONYMS);
}

// ---------------------------------------------------------------------------------------------------------
// Cells

/** Text compared for names: NFKC, lower case, no spaces, underscores, hyphens or quotation marks. */
const key = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-·"'“”‘’「」『』]/g, '');

/** The names each unit may be written with (compared with `key`). */
const UNIT_NAMES: Record<Unit, readonly string[]> = {
  亿元: ['亿元', '亿', '亿元人民币', '人民币亿元', '100millionyuan', '100millionrmb', '100myuan', '100mlnyuan'],
  '%': ['%', 'percent', 'pct', '百分比'],
  家: ['家', '户', '个', '家企业', '个企业', 'firms', 'firm', 'companies', 'enterprises'],
  梯队: ['梯队', 'tier'],
};

const unitMatches = (written: string, unit: Unit): boolean => UNIT_NAMES[unit].includes(key(written));

const CHINESE_TIER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5 };

/**
 * A value cell: a number ("1,234.5", "１２３", "-3") and, optionally, a unit written after it ("1400亿元", "5%",
 * "12 家"); a tier may be written "第一梯队" / "第1梯队". Null when the cell is not a number.
 */
function parseValue(raw: string): { value: number; unit: string } | null {
  const s = raw.normalize('NFKC').replace(/\s+/g, '');
  const tier = /^第?([一二三四五1-5])梯队$/.exec(s);
  if (tier) return { value: CHINESE_TIER[tier[1]!] ?? Number(tier[1]), unit: '梯队' };
  const m = /^([+-]?[\d.,]*\d[\d.,]*)(.*)$/.exec(s);
  if (!m) return null;
  const value = parseNumber(m[1]!);
  if (!Number.isFinite(value)) return null;
  const unit = m[2]!;
  // What follows the number must be a unit, not more figures ("12-15") or words ("约").
  if (unit && !/^[\p{L}%‰]+$/u.test(unit)) return null;
  return { value, unit };
}

/** A year: "2025", "２０２５", "2025年", "2025年度", "2025.0" (a spreadsheet's number). Null otherwise. */
function parseYear(raw: string): number | null {
  const m = /^(\d{4})(?:年度?|\.0+)?$/.exec(raw.normalize('NFKC').replace(/\s+/g, ''));
  return m ? Number(m[1]) : null;
}

/** A place cell as a plan feature id: the id itself (any case), else a feature's exact name in either language. */
function resolvePlace(raw: string, places: PlaceNames): { id: string; byName: boolean } | null {
  if (places.has(raw)) return { id: raw, byName: false };
  const k = key(raw);
  let found: string | null = null;
  for (const id of places.keys()) if (key(id) === k) return { id, byName: false };
  for (const [id, names] of places) {
    if (key(names.name_zh) === k || key(names.name_en) === k) {
      if (found !== null && found !== id) return null;
      found = id;
    }
  }
  return found === null ? null : { id: found, byName: true };
}

/** A number as the messages write it: at most 6 decimals, no exponent. */
const fmt = (n: number): string => String(Math.round(n * 1e6) / 1e6);

// ---------------------------------------------------------------------------------------------------------

export interface BuildIndicatorOptions {
  /** The places a figure may be for (plan feature ids and names; see `placesFromPlan`). */
  places: PlaceNames;
  /** Name shown in the list of datasets (default: the file name). */
  name?: string;
  /** The import time (tests pass a fixed one); its year is the last year accepted. */
  now?: Date;
  /** Dataset id; a fresh one when absent. */
  id?: string;
}

/**
 * Columns an export adds for people reading it (a place's name, in either language; earlier exports also named the
 * indicator): the import knows them and does not list them as unused.
 */
export const EXPORT_NAME_HEADERS = ['地点名称', 'place name', 'indicator_name', 'place_name'] as const;

/** Relative gap between a total and the sum of its parts above which the import asks to check them. */
const TOTAL_TOLERANCE = 0.005;

/**
 * Turns a table into a dataset of indicator figures with the mapping the user chose, and reports on every row:
 * accepted or rejected, and why (see docs/data.md, "Plan monitor"). A row needs a known indicator, a year from
 * `FIRST_YEAR` to the current year, a number in the indicator's unit and range (whole for counts and tiers) and a
 * source; a place, when given, must be a plan feature. The same indicator, year and place twice is rejected, citing
 * the first row (an exact copy and a conflicting value have different messages). Template rows left blank are
 * skipped with a note, not counted. Text stays plain text.
 */
export function buildIndicatorDataset(
  table: ImportTable,
  mapping: IndicatorMapping,
  options: BuildIndicatorOptions,
): { dataset: IndicatorDataset; report: ImportReport } {
  const now = options.now ?? new Date();
  const maxYear = now.getUTCFullYear();
  const id = options.id ?? freshId('mds', now);
  const notes: ImportMessage[] = [...table.notes];
  const firstPlace = options.places.keys().next();
  const placeExample = firstPlace.done ? 'zone-future-valley' : firstPlace.value;

  for (const part of missingIndicatorFields(mapping)) notes.push(part.message);
  const ignored = ignoredColumnsNote(table.headers, mapping, EXPORT_NAME_HEADERS);
  if (ignored) notes.push(ignored);

  const seen = new Map<string, { row: number; value: number }>();

  const {
    items: observations,
    rows,
    skipped,
  } = buildRows<IndicatorField, Observation>(table, mapping, ({ row, cell: written, errors, notes: rowNotes }) => {
    const cell = (field: IndicatorField): string => written(field).trim();
    const echo = (raw: string) => cleanText(raw, 'source').value.slice(0, 60);

    const indicatorRaw = cell('indicator');
    const yearRaw = cell('year');
    const valueRaw = cell('value');
    const unitRaw = cell('unit');
    const sourceRaw = cell('source');
    const placeRaw = cell('place');
    // The template's rows name an indicator and its unit; one left as it came is not a figure, just unused.
    if (!yearRaw && !valueRaw && !sourceRaw && !placeRaw) return SKIP;

    let ind: Indicator | null = null;
    if (!indicatorRaw) errors.push(monitorMessage('monitor-row-no-indicator', { indicator: INDICATORS[0]!.id }));
    else {
      ind = indicatorByName(indicatorRaw);
      if (!ind) errors.push(monitorMessage('monitor-row-unknown-indicator', { value: echo(indicatorRaw), names: indicatorNames('en').join(', ') }));
    }

    let year = NaN;
    if (!yearRaw) errors.push(monitorMessage('monitor-row-no-year'));
    else {
      const y = parseYear(yearRaw);
      if (y === null) errors.push(monitorMessage('monitor-row-bad-year', { value: echo(yearRaw) }));
      else if (y < FIRST_YEAR || y > maxYear) errors.push(monitorMessage('monitor-row-year-out-of-range', { value: y, min: FIRST_YEAR, max: maxYear }));
      else year = y;
    }

    let value = NaN;
    if (!valueRaw) errors.push(monitorMessage('monitor-row-no-value'));
    else {
      const parsed = parseValue(valueRaw);
      if (!parsed) errors.push(monitorMessage('monitor-row-bad-value', { value: echo(valueRaw) }));
      else if (ind) {
        const unit = ind.unit;
        // Every unit written (after the number, in the unit column) must be the indicator's own: figures are never converted.
        const written = [parsed.unit, unitRaw].filter((u) => u !== '');
        const wrong = written.find((u) => !unitMatches(u, unit));
        if (wrong !== undefined) {
          errors.push(monitorMessage('monitor-row-unit-mismatch', { written: echo(wrong), expected: ind.unit, indicator: ind.id }));
        } else if (parsed.value < ind.min || parsed.value > ind.max) {
          errors.push(monitorMessage('monitor-row-value-out-of-range', { value: fmt(parsed.value), min: ind.min, max: ind.max, unit: ind.unit }));
        } else if (ind.integer && !Number.isInteger(parsed.value)) {
          errors.push(monitorMessage('monitor-row-value-not-whole', { value: fmt(parsed.value), unit: ind.unit }));
        } else {
          value = parsed.value;
          if (!written.length) rowNotes.push(monitorMessage('monitor-row-unit-assumed', { unit: ind.unit }));
          if (ind.unit === '%' && value > 0 && value < 1) {
            rowNotes.push(monitorMessage('monitor-row-percent-small', { value: fmt(value), percent: fmt(value * 100) }));
          }
        }
      }
    }

    const { value: source, notes: sourceNotes } = cleanText(sourceRaw, 'source');
    rowNotes.push(...sourceNotes);
    if (!source) errors.push(monitorMessage('monitor-row-no-source'));

    let place: string | undefined;
    if (placeRaw) {
      const resolved = resolvePlace(cleanText(placeRaw, 'name', NAME_MAX_LENGTH).value, options.places);
      if (!resolved) errors.push(monitorMessage('monitor-row-unknown-place', { value: echo(placeRaw), example: placeExample }));
      else {
        place = resolved.id;
        if (resolved.byName) rowNotes.push(monitorMessage('monitor-row-place-by-name', { value: echo(placeRaw), id: resolved.id }));
      }
    }

    if (errors.length || !ind || !Number.isFinite(year) || !Number.isFinite(value)) return null;

    const k = `${ind.id}|${year}|${place ?? ''}`;
    const first = seen.get(k);
    if (first) {
      const m =
        first.value === value
          ? monitorMessage('monitor-row-duplicate', { first: first.row })
          : monitorMessage('monitor-row-duplicate-conflict', { first: first.row, firstValue: fmt(first.value), value: fmt(value), unit: ind.unit });
      errors.push(m);
      return null;
    }
    seen.set(k, { row: row.row, value });

    const o: Observation = { indicator: ind.id, year, value, unit: ind.unit, source, row: row.row };
    if (place !== undefined) o.place = place;
    return o;
  });

  if (skipped.length) notes.push(monitorMessage('monitor-template-rows-skipped', { count: skipped.length, rows: skipped.join(', ') }));
  if (!rows.length) notes.push(monitorMessage('monitor-nothing-filled'));
  notes.push(...totalChecks(observations));

  const dataset: IndicatorDataset = {
    id,
    name: cleanText(options.name ?? '', 'name', NAME_MAX_LENGTH).value || table.fileName,
    fileName: table.fileName,
    importedAt: now.toISOString(),
    observations,
  };
  return { dataset, report: rowReport(rows, notes, table.rowKind) };
}

/** Notes for district-wide years where a total and all its parts are given and do not add up. */
function totalChecks(observations: readonly Observation[]): ImportMessage[] {
  const out: ImportMessage[] = [];
  const district = observations.filter((o) => o.place === undefined);
  for (const total of INDICATORS.filter((i) => i.parts?.length)) {
    for (const t of district.filter((o) => o.indicator === total.id)) {
      const parts = total.parts!.map((p) => district.find((o) => o.indicator === p && o.year === t.year));
      if (parts.some((p) => !p)) continue;
      const sum = parts.reduce((s, p) => s + p!.value, 0);
      if (Math.abs(sum - t.value) > TOTAL_TOLERANCE * Math.max(t.value, sum)) {
        out.push(monitorMessage('monitor-total-mismatch', { year: t.year, total: fmt(t.value), sum: fmt(sum), unit: total.unit }));
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// The statistics' spec of the shared import flow (see import-spec.ts for its words).

/** What the build needs from the panel: the places a figure may be for. */
export interface IndicatorOptions {
  places: PlaceNames;
}

/** The statistics import as the shared flow runs it. */
export const INDICATOR_IMPORT: TableImport<IndicatorField, IndicatorDataset, IndicatorOptions> = {
  read: (file) => readIndicatorFile(file),
  fields: () => INDICATOR_FIELDS,
  suggest: suggestIndicatorMapping,
  missing: missingIndicatorFields,
  build(table, mapping, { places, name }) {
    const { dataset, report } = buildIndicatorDataset(table, mapping, { places, name });
    return { result: dataset, report };
  },
};
