/*
 * A brief's map excerpt: an offscreen MapLibre map, fixed in size, drawn with the live map's style (the same rows
 * on, the same language, the tasks being explored), fitted to the brief's spec, with its numbered pins and the
 * outlines of the places it emphasises. Once it is idle its canvas becomes a PNG data URL (the policy admits data:
 * images, not blob:), the rows it draws are read (for a legend of only those), and the map is removed.
 *
 * It loads with the print view, never with the first view.
 */
import type { GeoJSONSourceSpecification, LayerSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, Geometry } from 'geojson';
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';
import { Map as MapLibreMap } from './engine.ts';
import { MARK_HEIGHT, mergePins } from '../brief/pins.ts';
import type { BriefMapSpec, BriefPin } from '../brief/types.ts';
import type { PlanOutputFeature } from '../data/plan-schema.ts';
import { light, type Theme } from '../layers/theme.ts';
import type { AppState } from '../state/app.svelte.ts';
import { IDEOGRAPH_FONTS } from './fonts.ts';
import { drawnRows } from './drawn-rows.ts';
import { withoutBasemap } from './faults.ts';
import { appStyle } from './app-style.ts';

/** The excerpt's size in CSS pixels: a printed A4 column's width at about 4:2.5. */
export const SNAPSHOT_SIZE = { width: 700, height: 440 } as const;

export interface Snapshot {
  /** The image, as a PNG data URL. */
  image: string;
  width: number;
  height: number;
  /** The registry rows with at least one feature drawn in the excerpt (see drawnRows). */
  rows: Set<string>;
  /** Whether the basemap (OpenStreetMap's data) is drawn: its credit must then be printed. */
  basemap: boolean;
}

export interface SnapshotOptions {
  /** Device pixels per CSS pixel: 2 prints sharp; lower costs less on a software renderer. */
  pixelRatio?: number;
  /** How long to wait for tiles before drawing what is there (ms). */
  timeout?: number;
  theme?: Theme;
}

// Ids of the excerpt's own source and layers: they carry no registry row, so no legend row is made of them.
const SOURCE = 'brief-marks';
const PILL = 'brief-pill';

/** The live map's style, rebuilt from the same state the map view builds it from, whole (not the first view's). */
function liveStyle(app: AppState): { style: StyleSpecification; basemap: boolean } {
  const style = appStyle(app);
  // The map view drops the basemap while its archive cannot be read (a host serving it whole still draws it).
  const basemap = !app.basemapFault || app.basemapFault.kind === 'served-whole';
  return { style: basemap ? style : withoutBasemap(style), basemap };
}

/** The pins and outlines the brief adds, as one collection: the places it emphasises outlined, the (merged) pins. */
function marksData(spec: BriefMapSpec, plan: readonly PlanOutputFeature[], pins: readonly BriefPin[]): FeatureCollection {
  const wanted = new Set(spec.highlight ?? []);
  const outlines = plan
    .filter((f) => wanted.has(f.properties.id))
    .map((f) => ({ type: 'Feature' as const, properties: { role: 'outline' }, geometry: f.geometry as Geometry }));
  const marks = pins.map((p) => ({
    type: 'Feature' as const,
    properties: { role: 'pin', label: p.label },
    geometry: { type: 'Point' as const, coordinates: [p.lon, p.lat] },
  }));
  return { type: 'FeatureCollection', features: [...outlines, ...marks] };
}

/** The source of the brief's marks (filled once the camera is fitted) and its layers, drawn over everything. */
function marks(theme: Theme, font: unknown): { source: GeoJSONSourceSpecification; layers: LayerSpecification[] } {
  const ink = theme.selectedLine;
  return {
    source: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    layers: [
      {
        id: 'brief-outline',
        type: 'line',
        source: SOURCE,
        filter: ['all', ['==', ['get', 'role'], 'outline'], ['!=', ['geometry-type'], 'Point']],
        paint: { 'line-color': ink, 'line-width': 2.5, 'line-opacity': 0.85 },
      },
      {
        id: 'brief-outline-point',
        type: 'circle',
        source: SOURCE,
        filter: ['all', ['==', ['get', 'role'], 'outline'], ['==', ['geometry-type'], 'Point']],
        paint: { 'circle-radius': 7, 'circle-opacity': 0, 'circle-stroke-color': ink, 'circle-stroke-width': 2 },
      },
      {
        id: 'brief-pin',
        type: 'symbol',
        source: SOURCE,
        filter: ['==', ['get', 'role'], 'pin'],
        layout: {
          'text-field': ['get', 'label'],
          ...(font ? { 'text-font': font as string[] } : {}),
          'text-size': 11,
          // A pill as tall as a number and as wide as its label ("22,23"), which lib/brief/pins.ts sizes the same way
          // to merge the marks that would touch.
          'icon-image': PILL,
          'icon-text-fit': 'width',
          'icon-text-fit-padding': [0, 5, 0, 5],
          'icon-allow-overlap': true,
          'icon-ignore-placement': true,
          'text-allow-overlap': true,
          'text-ignore-placement': true,
        },
        paint: { 'text-color': theme.ui.onAccent },
      },
    ],
  };
}

/** The pins' mark: a pill of MARK_HEIGHT in the ink, with a rim in the ink's text colour, stretched to its label. */
function pillImage(ink: string, rim: string, ratio: number) {
  const h = MARK_HEIGHT * ratio;
  const w = h + 2 * ratio;
  const canvas = document.createElement('canvas');
  Object.assign(canvas, { width: w, height: h });
  const ctx = canvas.getContext('2d')!;
  const line = 1.5 * ratio;
  ctx.beginPath();
  ctx.roundRect(line / 2, line / 2, w - line, h - line, (h - line) / 2);
  ctx.fillStyle = ink;
  ctx.fill();
  ctx.lineWidth = line;
  ctx.strokeStyle = rim;
  ctx.stroke();
  const r = h / 2;
  // Only the straight middle stretches; the label sits between the round ends.
  return {
    image: ctx.getImageData(0, 0, w, h),
    options: { pixelRatio: ratio, stretchX: [[r, w - r]] as [number, number][], content: [r / 2, 0, w - r / 2, h] as [number, number, number, number] },
  };
}

/** Waits for the map's first `idle`, or `ms`; a map that errors on a tile still goes idle. */
function idle(map: MlMap, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    map.once('idle', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Draws the excerpt of `spec` offscreen with the live map's style and returns it as a PNG with the rows it draws.
 * The hidden container is removed, and the map with it, whatever happens.
 */
export async function snapshotMap(app: AppState, spec: BriefMapSpec, options: SnapshotOptions = {}): Promise<Snapshot> {
  const { pixelRatio = 2, timeout = 20_000, theme = light } = options;
  const { width, height } = SNAPSHOT_SIZE;
  const { style, basemap } = liveStyle(app);
  // The pins' numbers in the labels' own font (read from the style, so that this chunk does not share the layer
  // helpers with the first view's).
  const font = style.layers.flatMap((l) => (l.type === 'symbol' && l.layout?.['text-font'] ? [l.layout['text-font']] : []))[0];
  const extra = marks(theme, font);
  style.sources[SOURCE] = extra.source;
  style.layers.push(...extra.layers);

  const container = document.createElement('div');
  // Laid out (MapLibre measures it) but out of sight and out of the accessibility tree.
  Object.assign(container.style, { position: 'fixed', left: '-10000px', top: '0', width: `${width}px`, height: `${height}px`, pointerEvents: 'none' });
  container.setAttribute('aria-hidden', 'true');
  document.body.append(container);
  let map: MlMap | null = null;
  try {
    const camera = spec.bounds ? { bounds: spec.bounds, fitBoundsOptions: { padding: 24 } } : { center: spec.center ?? [121.52, 31.29], zoom: spec.zoom ?? 13 };
    map = new MapLibreMap({
      container,
      style,
      ...camera,
      interactive: false,
      attributionControl: false,
      fadeDuration: 0,
      pixelRatio,
      canvasContextAttributes: { preserveDrawingBuffer: true },
      localIdeographFontFamily: IDEOGRAPH_FONTS,
    });
    // Errors (a tile that fails) leave the rest drawn; the live map reports them, the excerpt need not.
    map.on('error', () => {});
    const pill = pillImage(theme.selectedLine, theme.ui.onAccent, pixelRatio);
    map.addImage(PILL, pill.image, pill.options);
    // Pins that would overlap on paper share one mark (lib/brief/pins.ts): placed once the camera is fitted.
    const m = map;
    const pins = mergePins(spec.pins ?? [], (p) => m.project([p.lon, p.lat]));
    const source = () => m.getSource<GeoJSONSource>(SOURCE);
    if (!source()) await new Promise<void>((resolve) => m.once('load', () => resolve()));
    source()?.setData(marksData(spec, app.plan?.features ?? [], pins));
    await idle(map, timeout);
    const image = map.getCanvas().toDataURL('image/png');
    return { image, width, height, rows: drawnRows(map), basemap };
  } finally {
    map?.remove();
    container.remove();
  }
}
