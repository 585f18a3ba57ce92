import type { Lang } from '../i18n/index.ts';
import { legendEntry, type LayerDef, type LegendSymbol } from '../layers/registry.ts';
import { light, type Theme } from '../layers/theme.ts';
import { EXPORT_FONT, wrapText, type Measure } from './export-layout.ts';

/** One legend row: a registry row's label in the current language and its symbol. */
export interface LegendEntry {
  id: string;
  label: string;
  symbol: LegendSymbol;
}

/** What {@link legendEntries} needs of the app state (AppState fits). */
export interface LegendSource {
  registry: readonly LayerDef[];
  visible: Record<string, boolean>;
  unavailable: ReadonlySet<string>;
}

/** The legend's rows: the visible, available registry rows, in registry order, labelled in `lang`. */
export function legendEntries(source: LegendSource, lang: Lang, theme: Theme = light): LegendEntry[] {
  return source.registry.filter((d) => (source.visible[d.id] ?? d.defaultVisible) && !source.unavailable.has(d.id)).map((d) => legendEntry(d, lang, theme));
}

/** Sizes of the legend box, in CSS pixels. */
export const LEGEND = {
  padding: 8,
  headingFont: `600 13px ${EXPORT_FONT}`,
  headingHeight: 20,
  font: `12px ${EXPORT_FONT}`,
  lineHeight: 15,
  symbolWidth: 28,
  symbolHeight: 16,
  symbolGap: 6,
  rowGap: 4,
  columnGap: 14,
  /** Narrowest column of label text worth having another column for. */
  minLabelWidth: 70,
  maxColumns: 3,
} as const;

export interface LegendItem {
  entry: LegendEntry;
  /** Top-left of the row, relative to the box. */
  x: number;
  y: number;
  lines: string[];
  height: number;
}

export interface LegendLayout {
  width: number;
  height: number;
  columns: number;
  items: LegendItem[];
  /** Rows left out for lack of room (the box then ends in a "+N more" line at `moreX`, `moreY`). */
  omitted: number;
  moreX: number;
  moreY: number;
}

export interface LegendLayoutOptions {
  measure: Measure;
  maxWidth: number;
  maxHeight: number;
  /** The box's heading ("Legend"), on a line of its own; none when left out. */
  heading?: string;
}

/**
 * Places legend rows in a box at most `maxWidth` × `maxHeight`: one column while the rows fit, else up to three,
 * filled top to bottom in order; labels wrap to their column. Rows that still do not fit are left off the end and
 * counted in `omitted`, and a "+N more" line takes their place.
 */
export function legendLayout(entries: readonly LegendEntry[], options: LegendLayoutOptions): LegendLayout {
  const L = LEGEND;
  const { measure } = options;
  const top = L.padding + (options.heading === undefined ? 0 : L.headingHeight);
  const available = options.maxHeight - top - L.padding;
  const symbolSpace = L.symbolWidth + L.symbolGap;
  const naturalLabel = Math.max(0, ...entries.map((e) => measure(e.label, L.font)));
  const headingWidth = options.heading === undefined ? 0 : measure(options.heading, L.headingFont);
  let best: LegendLayout | undefined;
  for (let columns = 1; columns <= L.maxColumns; columns++) {
    const columnWidth = (options.maxWidth - 2 * L.padding - (columns - 1) * L.columnGap) / columns;
    const labelWidth = Math.min(columnWidth - symbolSpace, naturalLabel);
    if (columns > 1 && columnWidth - symbolSpace < Math.min(L.minLabelWidth, naturalLabel)) break;
    const rows = entries.map((entry) => {
      const lines = wrapText(entry.label, Math.max(labelWidth, 1), L.font, measure);
      return { entry, lines, height: Math.max(L.symbolHeight, lines.length * L.lineHeight) };
    });

    // Fill the columns in order, up to a height; the lowest height at which every row fits balances the columns.
    const fill = (limit: number) => {
      const placed: { row: (typeof rows)[number]; column: number; y: number }[] = [];
      let column = 0;
      let y = 0;
      for (const row of rows) {
        if (y > 0 && y + row.height > limit) {
          column++;
          y = 0;
        }
        if (column >= columns || row.height > limit) break;
        placed.push({ row, column, y });
        y += row.height + L.rowGap;
      }
      return placed;
    };
    let placed = fill(available);
    if (columns > 1 && placed.length === rows.length) {
      const total = rows.reduce((sum, r) => sum + r.height + L.rowGap, 0);
      for (let limit = Math.floor(total / columns) - L.rowGap; limit < available; limit++) {
        const balanced = fill(limit);
        if (balanced.length === rows.length) {
          placed = balanced;
          break;
        }
      }
    }
    const bottomOf = (c: number) => Math.max(0, ...placed.filter((p) => p.column === c).map((p) => p.y + p.row.height));
    // Rows left over: the "+N more" line goes under the last row placed, so rows give way until it fits.
    while (placed.length < entries.length && placed.length) {
      const last = placed[placed.length - 1]!;
      if (bottomOf(last.column) + L.rowGap + L.lineHeight <= available) break;
      placed.pop();
    }
    const omitted = entries.length - placed.length;

    const usedColumns = placed.length ? placed[placed.length - 1]!.column + 1 : 1;
    const lefts: number[] = [];
    let x = L.padding;
    for (let c = 0; c < usedColumns; c++) {
      const labels = placed.filter((p) => p.column === c).flatMap((p) => p.row.lines.map((l) => measure(l, L.font)));
      lefts.push(x);
      x += symbolSpace + Math.max(0, ...labels) + L.columnGap;
    }
    const lastColumn = usedColumns - 1;
    const moreY = top + (placed.length ? bottomOf(lastColumn) + L.rowGap : 0);
    const contentHeight = Math.max(...Array.from({ length: usedColumns }, (_, c) => bottomOf(c)), omitted > 0 ? moreY - top + L.lineHeight : 0);
    const layout: LegendLayout = {
      width: Math.max(x - L.columnGap + L.padding, headingWidth + 2 * L.padding),
      height: top + contentHeight + L.padding,
      columns: usedColumns,
      items: placed.map((p) => ({ entry: p.row.entry, x: lefts[p.column]!, y: top + p.y, lines: p.row.lines, height: p.row.height })),
      omitted,
      moreX: lefts[lastColumn] ?? L.padding,
      moreY,
    };
    if (!best || layout.omitted < best.omitted) best = layout;
    if (omitted === 0) break;
  }
  return best!;
}
