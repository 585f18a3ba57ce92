import type { Map as MlMap } from 'maplibre-gl';
import { langTag, t, type Lang } from '../i18n/index.ts';
import type { LayerDef, LegendSymbol } from '../layers/registry.ts';
import { ATTRIBUTION } from '../layers/style.ts';
import { light, type Theme } from '../layers/theme.ts';

/*
 * Export of the current view as a PNG for planners' reports: the map image with a title bar, a legend of the
 * visible layers, a scale bar, a north arrow when the map is rotated, and the attribution.
 *
 * The layout is pure arithmetic on CSS pixels (the helpers below take a `measure` function, so they run without
 * a browser); `exportMapImage` draws it on a 2D canvas at the map canvas's own pixel ratio.
 */

/** The font stack of every text in the image. */
export const EXPORT_FONT = "'Noto Sans', 'Noto Sans CJK SC', sans-serif";

/** Width of `text` drawn in the CSS `font` shorthand, in CSS pixels. */
export type Measure = (text: string, font: string) => number;

/** One legend row: a registry row's label in the current language and its symbol. */
export interface LegendEntry {
  id: string;
  label: string;
  symbol: LegendSymbol;
}

export interface ExportOptions {
  lang: Lang;
  /** Legend rows, in order (see {@link legendEntries}). */
  legend: LegendEntry[];
  /** When the image is made (shown in the title bar); now by default. */
  date?: Date;
  /** Defaults: the app's title and subtitle, and the basemap's attribution with the style's other credits. */
  title?: string;
  subtitle?: string;
  attribution?: string;
  /** How long to wait for tiles still loading before drawing what is there (ms, default 15 000). */
  settleTimeout?: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Pure helpers
// ---------------------------------------------------------------------------------------------------------------

/** Earth's equatorial circumference in metres (the Web Mercator sphere). */
const EARTH_CIRCUMFERENCE = 40075016.686;

/** Ground metres per CSS pixel at `lat` and `zoom`, for MapLibre's 512-pixel tiles. */
export function metersPerPixel(lat: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

export interface ScaleBar {
  meters: number;
  /** Length of the bar in CSS pixels: never more than the maximum asked for. */
  px: number;
  label: string;
}

/** A scale bar label: metres below a kilometre, kilometres from there. */
export function formatDistance(meters: number): string {
  return meters >= 1000 ? `${meters / 1000} km` : `${meters} m`;
}

/**
 * The longest round length (1, 2 or 5 × a power of ten metres: … 100 m, 200 m, 500 m, 1 km, 2 km, 5 km …) whose bar
 * fits in `maxWidthPx`.
 */
export function niceScale(metersPerPx: number, maxWidthPx: number): ScaleBar {
  if (!(metersPerPx > 0) || !(maxWidthPx > 0)) throw new RangeError(`niceScale: bad arguments ${metersPerPx}, ${maxWidthPx}`);
  // Start one power of ten up: 10 ** floor(log10(x)) can land a hair either side of x.
  for (let exponent = Math.floor(Math.log10(metersPerPx * maxWidthPx)) + 1; ; exponent--) {
    for (const step of [5, 2, 1]) {
      const meters = Number((step * 10 ** exponent).toPrecision(1));
      const px = meters / metersPerPx;
      if (px <= maxWidthPx) return { meters, px, label: formatDistance(meters) };
    }
  }
}

/** What {@link legendEntries} needs of the app state (AppState fits). */
export interface LegendSource {
  registry: readonly LayerDef[];
  visible: Record<string, boolean>;
  unavailable: ReadonlySet<string>;
}

/** The legend's rows: the visible, available registry rows, in registry order, labelled in `lang`. */
export function legendEntries(source: LegendSource, lang: Lang, theme: Theme = light): LegendEntry[] {
  return source.registry
    .filter((d) => (source.visible[d.id] ?? d.defaultVisible) && !source.unavailable.has(d.id))
    .map((d) => ({ id: d.id, label: d.label[lang], symbol: d.legend(theme) }));
}

// CJK ideographs and punctuation, kana, hangul and full-width forms: a line may break between any two of them.
const CJK = '\\u2e80-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef';
const TOKENS = new RegExp(`[${CJK}]|\\s+|[^\\s${CJK}]+`, 'g');
// Punctuation that must not start a line, and brackets that must not end one.
const NO_LINE_START = /^[，。、；：？！）》〕」』”’,.;:?!)\]]/;
const NO_LINE_END = /[（《〔「『“‘(\[]$/;

/**
 * Greedy line breaking: at spaces between words and between CJK characters, never before closing punctuation
 * nor after an opening bracket. A word wider than the line is cut between characters. Never returns an empty list.
 */
export function wrapText(text: string, maxWidth: number, font: string, measure: Measure): string[] {
  // Unbreakable units: a word or a CJK character, with closing punctuation glued to what precedes it and an
  // opening bracket to what follows; `space` records whether a space comes before the unit.
  const units: { text: string; space: boolean }[] = [];
  let space = false;
  for (const token of text.match(TOKENS) ?? []) {
    if (/^\s/.test(token)) {
      space = units.length > 0;
      continue;
    }
    const previous = units[units.length - 1];
    if (previous && !space && (NO_LINE_START.test(token) || NO_LINE_END.test(previous.text))) previous.text += token;
    else units.push({ text: token, space });
    space = false;
  }
  const lines: string[] = [];
  let line = '';
  for (const unit of units) {
    const candidate = line ? line + (unit.space ? ' ' : '') + unit.text : unit.text;
    if (!line || measure(candidate, font) <= maxWidth) {
      line = candidate;
    } else {
      lines.push(line);
      line = unit.text;
    }
    // A single unit too long for any line: cut it between characters.
    if (line === unit.text && [...line].length > 1 && measure(line, font) > maxWidth) {
      let cut = '';
      for (const ch of unit.text) {
        if (cut && measure(cut + ch, font) > maxWidth) {
          lines.push(cut);
          cut = '';
        }
        cut += ch;
      }
      line = cut;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
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
    const contentHeight = Math.max(
      ...Array.from({ length: usedColumns }, (_, c) => bottomOf(c)),
      omitted > 0 ? moreY - top + L.lineHeight : 0,
    );
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

/** A line of text the image draws, with its top-left (or top-right, for `align: 'right'`) corner. */
export interface TextLine {
  text: string;
  font: string;
  color: string;
  x: number;
  y: number;
  align: 'left' | 'right';
  /** Line box height: the text is drawn centred in it. */
  height: number;
}

const INK = '#1f2933';
const MUTED = '#52606d';

/** The title bar: title (with the date on its right when there is room), then the subtitle, wrapped. */
export function titleLayout(
  texts: { title: string; subtitle: string; date: string },
  width: number,
  measure: Measure,
): { height: number; lines: TextLine[] } {
  const pad = 12;
  const titleFont = `700 18px ${EXPORT_FONT}`;
  const subFont = `13px ${EXPORT_FONT}`;
  const dateFont = `12px ${EXPORT_FONT}`;
  const inner = width - 2 * pad;
  const lines: TextLine[] = [];
  let y = 8;
  const dateWidth = measure(texts.date, dateFont);
  const dateBeside = measure(texts.title, titleFont) + 24 + dateWidth <= inner;
  const titleWidth = dateBeside ? inner - 24 - dateWidth : inner;
  for (const text of wrapText(texts.title, titleWidth, titleFont, measure)) {
    lines.push({ text, font: titleFont, color: INK, x: pad, y, align: 'left', height: 24 });
    y += 24;
  }
  if (dateBeside) lines.push({ text: texts.date, font: dateFont, color: MUTED, x: width - pad, y: 8, align: 'right', height: 24 });
  for (const text of texts.subtitle ? wrapText(texts.subtitle, inner, subFont, measure) : []) {
    lines.push({ text, font: subFont, color: '#3e4c59', x: pad, y, align: 'left', height: 18 });
    y += 18;
  }
  if (!dateBeside) {
    for (const text of wrapText(texts.date, inner, dateFont, measure)) {
      lines.push({ text, font: dateFont, color: MUTED, x: pad, y, align: 'left', height: 17 });
      y += 17;
    }
  }
  return { height: y + 8, lines };
}

/** The attribution strip along the bottom: wrapped, small. */
export function attributionLayout(text: string, width: number, measure: Measure): { height: number; lines: TextLine[] } {
  const pad = 8;
  const font = `11px ${EXPORT_FONT}`;
  const lines = wrapText(text, width - 2 * pad, font, measure).map((line, i) => ({
    text: line,
    font,
    color: '#323f4b',
    x: pad,
    y: 4 + i * 15,
    align: 'left' as const,
    height: 15,
  }));
  return { height: lines.length * 15 + 8, lines };
}

/**
 * The attribution line: the basemap's, then what other sources of the style credit, once each, as plain text
 * (a source's attribution may hold HTML; the image shows its text).
 */
export function attributionText(base: string, sourceAttributions: readonly (string | undefined)[]): string {
  const parts: string[] = [];
  for (const raw of [base, ...sourceAttributions]) {
    const text = (raw ?? '')
      .replace(/<[^>]*>/g, '')
      .replace(/&copy;/g, '©')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim();
    if (text && !parts.some((p) => p.includes(text))) parts.push(text);
  }
  return parts.join(' · ');
}

/** The download's file name, in local time: `yangpu-map-YYYYMMDD-HHMM.png`. */
export function exportFileName(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `yangpu-map-${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}.png`;
}

/** The date and time shown in the title bar, in the language's own format. */
export function formatExportDate(date: Date, lang: Lang): string {
  const when = new Intl.DateTimeFormat(langTag(lang), { dateStyle: 'long', timeStyle: 'short' }).format(date);
  return t(lang, 'exportDate', { date: when });
}

// ---------------------------------------------------------------------------------------------------------------
// Drawing (browser only)
// ---------------------------------------------------------------------------------------------------------------

type Ctx = CanvasRenderingContext2D;

/** Draws a legend symbol in a 28 × 16 box at (x, y), as `ui/Legend.svelte` draws it in SVG. */
export function drawLegendSymbol(ctx: Ctx, symbol: LegendSymbol, x: number, y: number): void {
  ctx.save();
  ctx.translate(x, y);
  ctx.lineCap = 'butt';
  if (symbol.kind === 'fill') {
    const outline = () => {
      ctx.beginPath();
      ctx.roundRect(1, 1, 26, 14, 2);
    };
    if (symbol.hatch) {
      // SVG: a 5-pixel pattern of 2-pixel strokes rotated by 45°.
      ctx.save();
      outline();
      ctx.clip();
      ctx.strokeStyle = symbol.fill;
      ctx.lineWidth = 2;
      ctx.beginPath();
      const step = 5 * Math.SQRT2;
      for (let k = 0; k <= 28 + 16; k += step) {
        ctx.moveTo(k, 0);
        ctx.lineTo(k - 16, 16);
      }
      ctx.stroke();
      ctx.restore();
    } else {
      ctx.fillStyle = symbol.fill;
      outline();
      ctx.fill();
    }
    ctx.strokeStyle = symbol.line;
    ctx.lineWidth = 1.5;
    ctx.setLineDash(symbol.dashed ? [3, 2] : []);
    outline();
    ctx.stroke();
  } else if (symbol.kind === 'line') {
    const colours = Array.isArray(symbol.color) ? symbol.color : [symbol.color];
    ctx.lineWidth = colours.length > 1 ? 2.5 : symbol.width;
    ctx.setLineDash(symbol.dashed ? [4, 3] : []);
    colours.forEach((colour, i) => {
      const ly = 8 + (i - (colours.length - 1) / 2) * 3.5;
      ctx.strokeStyle = colour;
      ctx.beginPath();
      ctx.moveTo(2, ly);
      ctx.lineTo(26, ly);
      ctx.stroke();
    });
  } else {
    ctx.fillStyle = symbol.fill;
    ctx.strokeStyle = symbol.line;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.arc(14, 8, 5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
  ctx.restore();
}

function drawText(ctx: Ctx, line: TextLine, dx = 0, dy = 0): void {
  ctx.font = line.font;
  ctx.fillStyle = line.color;
  ctx.textAlign = line.align;
  ctx.textBaseline = 'middle';
  ctx.fillText(line.text, line.x + dx, line.y + dy + line.height / 2);
}

function panel(ctx: Ctx, x: number, y: number, w: number, h: number, radius = 4, alpha = 0.92): void {
  ctx.save();
  ctx.fillStyle = `rgba(255, 255, 255, ${alpha})`;
  ctx.strokeStyle = 'rgba(31, 41, 51, 0.25)';
  ctx.lineWidth = 1;
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.roundRect(x + 0.5, y + 0.5, w - 1, h - 1, radius);
  ctx.fill();
  ctx.stroke();
  ctx.restore();
}

function drawScaleBar(ctx: Ctx, scale: ScaleBar, x: number, y: number): { width: number; height: number } {
  const pad = 6;
  const font = `600 11px ${EXPORT_FONT}`;
  ctx.font = font;
  const labelWidth = ctx.measureText(scale.label).width;
  const width = Math.max(scale.px, labelWidth) + 2 * pad;
  const height = pad + 14 + 7 + pad;
  panel(ctx, x, y, width, height, 3, 0.85);
  const bx = x + pad;
  const by = y + pad + 15;
  // Two halves, dark and light, outlined: the usual way a printed map shows its scale.
  ctx.fillStyle = INK;
  ctx.fillRect(bx, by, scale.px / 2, 5);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(bx + scale.px / 2, by, scale.px / 2, 5);
  ctx.strokeStyle = INK;
  ctx.lineWidth = 1;
  ctx.strokeRect(bx, by, scale.px, 5);
  ctx.fillStyle = INK;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(scale.label, bx + scale.px / 2, y + pad + 7);
  return { width, height };
}

function drawNorthArrow(ctx: Ctx, bearing: number, cx: number, cy: number, label: string): void {
  const r = 18;
  ctx.save();
  ctx.fillStyle = 'rgba(255, 255, 255, 0.9)';
  ctx.strokeStyle = 'rgba(31, 41, 51, 0.35)';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
  ctx.translate(cx, cy);
  // The map turned by `bearing` clockwise: north points that far anticlockwise from the top.
  ctx.rotate((-bearing * Math.PI) / 180);
  ctx.fillStyle = '#c2410c';
  ctx.beginPath();
  ctx.moveTo(0, -r + 4);
  ctx.lineTo(5, 2);
  ctx.lineTo(-5, 2);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = '#9aa5b1';
  ctx.beginPath();
  ctx.moveTo(0, r - 4);
  ctx.lineTo(5, 2);
  ctx.lineTo(-5, 2);
  ctx.closePath();
  ctx.fill();
  ctx.font = `700 11px ${EXPORT_FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 3;
  ctx.lineJoin = 'round';
  ctx.strokeText(label, 0, -r - 7);
  ctx.fillStyle = INK;
  ctx.fillText(label, 0, -r - 7);
  ctx.restore();
}

/** Waits for the export's fonts; a font that fails to load leaves its fallback, which still draws. */
async function fontsReady(): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  const sample = 'Yangpu 杨浦 0123456789';
  await Promise.allSettled(
    [`12px ${EXPORT_FONT}`, `600 13px ${EXPORT_FONT}`, `700 18px ${EXPORT_FONT}`].map((f) => document.fonts.load(f, sample)),
  );
  await document.fonts.ready;
}

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => T | Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => Promise.resolve(onTimeout()).then(resolve, reject), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/**
 * Copies the map's WebGL canvas into `ctx` during a `render` event, while the frame just drawn is still in the
 * drawing buffer: this works without `preserveDrawingBuffer`, which would slow every frame down.
 */
function captureMap(map: MlMap, ctx: Ctx): Promise<void> {
  const canvas = map.getCanvas();
  const captured = new Promise<void>((resolve, reject) => {
    map.once('render', () => {
      try {
        ctx.drawImage(canvas, 0, 0);
        resolve();
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  });
  map.triggerRepaint();
  return withTimeout(captured, 5000, () => {
    throw new Error('the map did not draw a frame (is the page hidden?)');
  });
}

/**
 * The current view as a PNG: the map image, a title bar, a legend of `options.legend`, a metric scale bar, a north
 * arrow when the map is rotated, and the attribution. The image has the map canvas's size in device pixels.
 */
export async function exportMapImage(map: MlMap, options: ExportOptions): Promise<Blob> {
  const { lang } = options;
  await fontsReady();
  // Draw a finished view: wait (a while) for tiles still loading and labels still being placed.
  if (!map.loaded() || map.isMoving()) {
    await withTimeout(new Promise<void>((resolve) => map.once('idle', () => resolve())), options.settleTimeout ?? 15_000, () => undefined);
  }

  const source = map.getCanvas();
  const cssWidth = source.clientWidth || source.width / map.getPixelRatio();
  const ratio = source.width / cssWidth;
  const width = cssWidth;
  const height = source.height / ratio;
  const out = document.createElement('canvas');
  out.width = source.width;
  out.height = source.height;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');

  await captureMap(map, ctx);

  ctx.save();
  ctx.scale(ratio, ratio);
  const measure: Measure = (text, font) => {
    ctx.font = font;
    return ctx.measureText(text).width;
  };
  const margin = 12;

  // Title bar across the top.
  const date = options.date ?? new Date();
  const title = titleLayout(
    {
      title: options.title ?? t(lang, 'appTitle'),
      subtitle: options.subtitle ?? t(lang, 'appSubtitle'),
      date: formatExportDate(date, lang),
    },
    width,
    measure,
  );
  ctx.fillStyle = 'rgba(255, 255, 255, 0.94)';
  ctx.fillRect(0, 0, width, title.height);
  ctx.fillStyle = '#c2410c';
  ctx.fillRect(0, title.height - 2, width, 2);
  for (const line of title.lines) drawText(ctx, line);

  // Attribution strip along the bottom.
  const credits =
    options.attribution ??
    attributionText(
      ATTRIBUTION,
      Object.values(map.getStyle()?.sources ?? {}).map((src) => ('attribution' in src ? src.attribution : undefined)),
    );
  const attribution = attributionLayout(credits, width, measure);
  const attributionTop = height - attribution.height;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.88)';
  ctx.fillRect(0, attributionTop, width, attribution.height);
  for (const line of attribution.lines) drawText(ctx, line, 0, attributionTop);

  // Scale bar (at the centre's latitude) bottom left, north arrow above it when the map is rotated.
  const center = map.getCenter();
  const scale = niceScale(metersPerPixel(center.lat, map.getZoom()), Math.min(150, width * 0.35));
  const scaleHeight = 6 + 14 + 7 + 6;
  const scaleTop = attributionTop - margin - scaleHeight;
  drawScaleBar(ctx, scale, margin, scaleTop);
  const bearing = map.getBearing();
  if (Math.abs(bearing) > 0.05) drawNorthArrow(ctx, bearing, margin + 22, scaleTop - 30, t(lang, 'north'));

  // Legend top right, under the title bar. A narrow (phone) image has it across the top, in at most 45 % of the
  // height, so that some map stays in view: what does not fit is counted in a "+N more" line.
  if (options.legend.length) {
    const narrow = width < 560;
    const maxWidth = narrow ? width - 2 * margin : Math.min(Math.max(240, width * 0.42), 560);
    const room = attributionTop - title.height - 2 * margin;
    const maxHeight = narrow ? Math.min(room, Math.max(120, height * 0.45)) : room;
    const heading = t(lang, 'legendTitle');
    const legend = legendLayout(options.legend, { measure, maxWidth, maxHeight, heading });
    const lx = width - margin - legend.width;
    const ly = title.height + margin;
    panel(ctx, lx, ly, legend.width, legend.height);
    drawText(ctx, { text: heading, font: LEGEND.headingFont, color: INK, x: lx + LEGEND.padding, y: ly + LEGEND.padding - 2, align: 'left', height: 18 });
    for (const item of legend.items) {
      const rowTop = ly + item.y;
      drawLegendSymbol(ctx, item.entry.symbol, lx + item.x, rowTop + (item.height - LEGEND.symbolHeight) / 2);
      const textTop = rowTop + (item.height - item.lines.length * LEGEND.lineHeight) / 2;
      item.lines.forEach((text, i) =>
        drawText(ctx, {
          text,
          font: LEGEND.font,
          color: INK,
          x: lx + item.x + LEGEND.symbolWidth + LEGEND.symbolGap,
          y: textTop + i * LEGEND.lineHeight,
          align: 'left',
          height: LEGEND.lineHeight,
        }),
      );
    }
    if (legend.omitted > 0) {
      drawText(ctx, {
        text: t(lang, 'legendMore', { count: legend.omitted }),
        font: LEGEND.font,
        color: MUTED,
        x: lx + legend.moreX,
        y: ly + legend.moreY,
        align: 'left',
        height: LEGEND.lineHeight,
      });
    }
  }
  ctx.restore();

  return new Promise<Blob>((resolve, reject) => {
    out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the image could not be encoded'))), 'image/png');
  });
}
