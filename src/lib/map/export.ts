import type { Map as MlMap } from 'maplibre-gl';
import { t, type Lang } from '../i18n/index.ts';
import { attribution as credits } from '../layers/style.ts';
import { light, type Theme } from '../layers/theme.ts';
import { withAlpha } from '../layers/theme-css.ts';
import { drawLegendSymbol, drawNorthArrow, drawScaleBar, drawText, panel } from './export-draw.ts';
import { attributionLayout, attributionText, EXPORT_FONT, formatExportDate, metersPerPixel, niceScale, titleLayout, type Measure } from './export-layout.ts';
import { LEGEND, legendLayout, type LegendEntry } from './export-legend.ts';
import { drawnRows } from './drawn-rows.ts';

/*
 * Export of the current view as a PNG for planners' reports: the map image with a title bar, a legend of the
 * layers drawn in the view, a scale bar, a north arrow when the map is rotated, and the attribution.
 *
 * The layout is pure arithmetic on CSS pixels (the helpers in `export-layout.ts` and `export-legend.ts` take a
 * `measure` function, so they run without a browser); `exportMapImage` draws it on a 2D canvas at the map canvas's
 * own pixel ratio. `ExportButton.svelte` imports this module on first use: none of the export modules belongs in
 * the first page load.
 */

export { drawLegendSymbol } from './export-draw.ts';
export {
  attributionLayout,
  attributionText,
  EXPORT_FONT,
  exportFileName,
  formatDistance,
  formatExportDate,
  metersPerPixel,
  niceScale,
  titleLayout,
  wrapText,
  type Measure,
  type ScaleBar,
  type TextLine,
} from './export-layout.ts';
export {
  LEGEND,
  legendEntries,
  legendLayout,
  type LegendEntry,
  type LegendItem,
  type LegendLayout,
  type LegendLayoutOptions,
  type LegendSource,
} from './export-legend.ts';

export interface ExportOptions {
  lang: Lang;
  /**
   * Legend rows, in order (see {@link legendEntries}): the switched-on rows. The image lists only those it draws
   * something of (see {@link drawnRows}): a row with nothing in the exported view would be a key to nothing.
   */
  legend: LegendEntry[];
  /** When the image is made (shown in the title bar); now by default. */
  date?: Date;
  /** Defaults: the app's title and subtitle, and the basemap's attribution with the style's other credits. */
  title?: string;
  subtitle?: string;
  attribution?: string;
  /** How long to wait for tiles still loading before drawing what is there (ms, default 15 000). */
  settleTimeout?: number;
  /** The colours of the title bar, the legend, the scale bar and the attribution (default: the site's theme). */
  theme?: Theme;
}

/** Waits for the export's fonts; a font that fails to load leaves its fallback, which still draws. */
async function fontsReady(): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  const sample = 'Yangpu 杨浦 0123456789';
  await Promise.allSettled([`12px ${EXPORT_FONT}`, `600 13px ${EXPORT_FONT}`, `700 18px ${EXPORT_FONT}`].map((f) => document.fonts.load(f, sample)));
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
function captureMap(map: MlMap, ctx: CanvasRenderingContext2D): Promise<void> {
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
  const colours = (options.theme ?? light).export;
  await fontsReady();
  // Draw a finished view: wait (a while) for tiles still loading and labels still being placed.
  if (!map.loaded() || map.isMoving()) {
    await withTimeout(new Promise<void>((resolve) => map.once('idle', () => resolve())), options.settleTimeout ?? 15_000, () => undefined);
  }

  const drawn = drawnRows(map);
  const legendRows = options.legend.filter((entry) => drawn.has(entry.id));

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
    colours,
  );
  ctx.fillStyle = withAlpha(colours.panel, 0.94);
  ctx.fillRect(0, 0, width, title.height);
  ctx.fillStyle = colours.rule;
  ctx.fillRect(0, title.height - 2, width, 2);
  for (const line of title.lines) drawText(ctx, line);

  // Attribution strip along the bottom.
  // The same credits as the map's, in the reader's language (the OpenStreetMap part only while the basemap is drawn).
  const text =
    options.attribution ??
    attributionText(
      credits(lang, { basemap: Boolean(map.getSource('basemap')) }),
      Object.values(map.getStyle()?.sources ?? {}).map((src) => ('attribution' in src ? src.attribution : undefined)),
    );
  const attribution = attributionLayout(text, width, measure, colours);
  const attributionTop = height - attribution.height;
  ctx.fillStyle = withAlpha(colours.panel, 0.88);
  ctx.fillRect(0, attributionTop, width, attribution.height);
  for (const line of attribution.lines) drawText(ctx, line, 0, attributionTop);

  // Scale bar (at the centre's latitude) bottom left, north arrow above it when the map is rotated.
  const center = map.getCenter();
  const scale = niceScale(metersPerPixel(center.lat, map.getZoom()), Math.min(150, width * 0.35), lang);
  const scaleHeight = 6 + 14 + 7 + 6;
  const scaleTop = attributionTop - margin - scaleHeight;
  drawScaleBar(ctx, colours, scale, margin, scaleTop);
  const bearing = map.getBearing();
  if (Math.abs(bearing) > 0.05) drawNorthArrow(ctx, colours, bearing, margin + 22, scaleTop - 30, t(lang, 'north'));

  // Legend top right, under the title bar. A narrow (phone) image has it across the top, in at most 45 % of the
  // height, so that some map stays in view: what does not fit is counted in a "+N more" line.
  if (legendRows.length) {
    const narrow = width < 560;
    const maxWidth = narrow ? width - 2 * margin : Math.min(Math.max(240, width * 0.42), 560);
    const room = attributionTop - title.height - 2 * margin;
    const maxHeight = narrow ? Math.min(room, Math.max(120, height * 0.45)) : room;
    const heading = t(lang, 'legendTitle');
    const legend = legendLayout(legendRows, { measure, maxWidth, maxHeight, heading });
    const lx = width - margin - legend.width;
    const ly = title.height + margin;
    panel(ctx, colours, lx, ly, legend.width, legend.height);
    drawText(ctx, {
      text: heading,
      font: LEGEND.headingFont,
      color: colours.ink,
      x: lx + LEGEND.padding,
      y: ly + LEGEND.padding - 2,
      align: 'left',
      height: 18,
    });
    for (const item of legend.items) {
      const rowTop = ly + item.y;
      drawLegendSymbol(ctx, item.entry.symbol, lx + item.x, rowTop + (item.height - LEGEND.symbolHeight) / 2);
      const textTop = rowTop + (item.height - item.lines.length * LEGEND.lineHeight) / 2;
      item.lines.forEach((text, i) =>
        drawText(ctx, {
          text,
          font: LEGEND.font,
          color: colours.ink,
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
        color: colours.muted,
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
