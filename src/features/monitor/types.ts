import type { Bilingual } from '../../lib/i18n/index.ts';

/**
 * The plan monitor's data model (plan section 三: "加强对方案指标、重点任务和保障举措等进展情况进行监测分析…完善杨浦园统计体系").
 * Pure data: no Svelte, no MapLibre. See docs/data.md, "Plan monitor".
 */

/** Indicators the monitor follows: the 2026 targets of section 一, and the parts of the 1,400 亿元 total. */
export const INDICATOR_IDS = [
  'leading_industries_revenue',
  'digital_economy_revenue',
  'life_health_revenue',
  'green_low_carbon_revenue',
  'rd_intensity',
  'gazelle_firms',
  'unicorn_firms',
  'zhangjiang_tier',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** Units a figure may be given in; each indicator takes exactly one. */
export const UNITS = ['亿元', '%', '家', '梯队'] as const;
export type Unit = (typeof UNITS)[number];

/** What the plan asks of an indicator by 2026. */
export type Target =
  /** Reach at least `value` (in the indicator's unit) by `year`. */
  | { kind: 'at-least'; value: number; year: number }
  /** Stay at or below `value` (a tier: 1 is the first) through `year`. */
  | { kind: 'at-most'; value: number; year: number }
  /** Keep growing year on year through `year` ("持续增长"); no level is set. */
  | { kind: 'growth'; year: number }
  /** No target of its own: a part of another indicator's total. */
  | { kind: 'none' };

/** One indicator: its name, unit, the plan's target and the plan's words for it. */
export interface Indicator {
  id: IndicatorId;
  name: Bilingual;
  unit: Unit;
  /** The unit as the UI writes it ("亿元" / "100 million yuan"). */
  unitLabel: Bilingual;
  target: Target;
  /** The plan's words for this target, verbatim (tests check them against the plan's text). */
  quote_zh: string;
  /** A faithful English gloss of `quote_zh`. */
  gloss_en: string;
  /** The part of the plan the quote is from. */
  section: Bilingual;
  /** Indicators whose sum this one is (the three leading industries make the 1,400 亿元 total). */
  parts?: IndicatorId[];
  /** The total this indicator is a part of. */
  partOf?: IndicatorId;
  /** Whether values are whole numbers (firm counts, tiers). */
  integer: boolean;
  /** Plausible range of a value, inclusive; outside it a row is rejected. */
  min: number;
  max: number;
  /** Other names a file may use in its `indicator` column (Chinese and English), compared case- and space-insensitively. */
  aliases: string[];
}

/** One figure: an indicator's value for a year, district-wide or for one zone or park. */
export interface Observation {
  indicator: IndicatorId;
  year: number;
  value: number;
  unit: Unit;
  /** Where the figure comes from (a statistical bulletin, a department's report…): plain text. */
  source: string;
  /** A plan feature id (zone, park, campus…) when the figure is for that place; absent for the whole sub-park. */
  place?: string;
  /** The file row it was read from, as in the import report. */
  row?: number;
}

/** One imported indicator file, kept in the browser until removed. */
export interface IndicatorDataset {
  id: string;
  /** Name shown in the list of datasets. */
  name: string;
  fileName: string;
  /** ISO timestamp of the import. */
  importedAt: string;
  observations: Observation[];
  /** SHA-256 of the imported file's bytes, to recognise it imported again; absent on datasets kept before. */
  sha256?: string;
}

/** A task's progress as the planner sets it. */
export const TASK_STATUSES = ['not_started', 'under_way', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** The planner's record of one of the plan's 18 tasks. Tasks without a record are "not started". */
export interface TaskProgress {
  /** Task number, 1–18. */
  n: number;
  status: TaskStatus;
  /** Plain text, at most 500 characters. */
  note?: string;
  /** The date the status was set or refers to, ISO YYYY-MM-DD. */
  date?: string;
}

/** What a read-only snapshot link carries: the figures and the tasks' progress, frozen when the link was made. */
export interface MonitorSnapshot {
  version: 1;
  /** ISO timestamp of the snapshot. */
  createdAt: string;
  observations: Observation[];
  tasks: TaskProgress[];
}
