import type { Lang } from '../i18n/index.ts';
import { parseAnalysisLink, writeAnalysisLink, type AnalysisLink } from '../../features/analysis/link.ts';
import { parseInvestLink, writeInvestLink, type InvestLink } from '../../features/invest/link.ts';
import { parseMonitorLink, writeMonitorLink, type MonitorLink } from '../../features/monitor/link.ts';

/** The panels the side sheet can show. */
export const PANELS = ['layers', 'tasks', 'list', 'tour', 'air', 'analysis', 'invest', 'monitor'] as const;
export type PanelId = (typeof PANELS)[number];

/** A camera position: centre, zoom, bearing and pitch. */
export interface View {
  lon: number;
  lat: number;
  zoom: number;
  bearing: number;
  pitch: number;
}

/** Everything a link carries. Absent fields mean "the default". */
export interface LinkState {
  lang?: Lang;
  view?: View;
  /** Layer rows whose visibility differs from their default (`layers=name,-other`). */
  layers?: Record<string, boolean>;
  /** `plan:<id>`, `place:<id>` or `listing:<id>`. */
  selection?: string;
  panel?: PanelId | 'none';
  task?: number;
  tour?: number;
  /** The drone-route sketch's vertices, lon/lat. */
  sketch?: [number, number][];
  /** Drone corridor width (m). */
  corridorWidth?: number;
  /** Drone cruise speed (km/h). */
  cruiseKmh?: number;
  /** The dispersion dashboard's scenarios and parameters. */
  analysis?: AnalysisLink;
  /** The investors' filters, sort and shortlist. */
  invest?: InvestLink;
  /** The plan monitor's indicator, year and read-only snapshot. */
  monitor?: MonitorLink;
}

/** Ranges the low-altitude settings may take. */
export const AIR_LIMITS = { corridorWidth: [20, 500], cruiseKmh: [10, 100], sketchPoints: 50 } as const;

// Hostile or mistyped links must not move the map to nowhere: values are clamped to the map's own limits.
const LIMITS = { lon: [121.25, 121.8], lat: [31.1, 31.5], zoom: [8, 18], bearing: [-180, 180], pitch: [0, 85] } as const;
// Listing ids come from operators' files (see src/lib/listings): their case is kept.
const SELECTION = /^(?:(?:plan|place):[a-z0-9][a-z0-9:_-]{0,80}|listing:[A-Za-z0-9][A-Za-z0-9:_-]{0,80})$/;

const clamp = (v: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, v));
const round = (v: number, digits: number) => Number(v.toFixed(digits));

/** Reads a link's query string. Unknown keys, unknown layers and malformed values are ignored. */
export function parseLink(search: string, knownLayers: ReadonlySet<string>): LinkState {
  const q = new URLSearchParams(search);
  const out: LinkState = {};
  const lang = q.get('lang');
  if (lang === 'zh' || lang === 'en') out.lang = lang;

  const map = q.get('map')?.split('/').map(Number);
  if (map && map.length >= 3 && map.every(Number.isFinite)) {
    const [zoom, lat, lon, bearing = 0, pitch = 0] = map as [number, number, number, number?, number?];
    out.view = {
      zoom: clamp(zoom, LIMITS.zoom),
      lat: clamp(lat, LIMITS.lat),
      lon: clamp(lon, LIMITS.lon),
      bearing: clamp(bearing, LIMITS.bearing),
      pitch: clamp(pitch, LIMITS.pitch),
    };
  }

  const layers = q.get('layers');
  if (layers) {
    const diff: Record<string, boolean> = {};
    // "name" switches a layer on, "-name" off ("+name" is read too, as a link typed by hand may have it).
    for (const token of layers.split(',')) {
      const off = token.startsWith('-');
      const id = off || token.startsWith('+') || token.startsWith(' ') ? token.slice(1) : token;
      if (knownLayers.has(id)) diff[id] = !off;
    }
    if (Object.keys(diff).length) out.layers = diff;
  }

  const sel = q.get('sel');
  if (sel && SELECTION.test(sel)) out.selection = sel;

  const panel = q.get('panel');
  if (panel === 'none' || (PANELS as readonly string[]).includes(panel ?? '')) out.panel = panel as PanelId | 'none';

  const task = Number(q.get('task'));
  if (q.has('task') && Number.isInteger(task) && task >= 1 && task <= 18) out.task = task;

  const tour = Number(q.get('tour'));
  if (q.has('tour') && Number.isInteger(tour) && tour >= 0 && tour < 100) out.tour = tour;

  // A sketch is kept only whole: one bad vertex and the link's sketch is dropped rather than bent.
  const sketch = q.get('sketch');
  if (sketch) {
    const points = sketch.split(';').map((pair) => pair.split(',').map(Number));
    const ok =
      points.length >= 1 &&
      points.length <= AIR_LIMITS.sketchPoints &&
      points.every(
        (p) => p.length === 2 && p.every(Number.isFinite) && p[0]! >= LIMITS.lon[0] && p[0]! <= LIMITS.lon[1] && p[1]! >= LIMITS.lat[0] && p[1]! <= LIMITS.lat[1],
      );
    if (ok) out.sketch = points.map((p) => [p[0]!, p[1]!]);
  }
  const cw = Number(q.get('cw'));
  if (q.has('cw') && Number.isFinite(cw)) out.corridorWidth = clamp(Math.round(cw), AIR_LIMITS.corridorWidth);
  const speed = Number(q.get('speed'));
  if (q.has('speed') && Number.isFinite(speed)) out.cruiseKmh = clamp(Math.round(speed), AIR_LIMITS.cruiseKmh);
  const analysis = parseAnalysisLink(q);
  if (analysis) out.analysis = analysis;
  const invest = parseInvestLink(q);
  if (invest) out.invest = invest;
  const monitor = parseMonitorLink(q);
  if (monitor) out.monitor = monitor;
  return out;
}

/** Writes a link's query string in a fixed order, so equal states give equal links. */
export function formatLink(state: LinkState): string {
  const q = new URLSearchParams();
  if (state.lang) q.set('lang', state.lang);
  if (state.view) {
    const v = state.view;
    const parts = [round(v.zoom, 2), round(v.lat, 5), round(v.lon, 5)];
    if (round(v.bearing, 1) !== 0 || round(v.pitch, 1) !== 0) parts.push(round(v.bearing, 1), round(v.pitch, 1));
    q.set('map', parts.join('/'));
  }
  const layers = Object.entries(state.layers ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, on]) => (on ? id : `-${id}`));
  if (layers.length) q.set('layers', layers.join(','));
  if (state.selection) q.set('sel', state.selection);
  if (state.panel) q.set('panel', state.panel);
  if (state.task) q.set('task', String(state.task));
  if (state.tour !== undefined) q.set('tour', String(state.tour));
  if (state.sketch?.length) q.set('sketch', state.sketch.map(([lon, lat]) => `${round(lon, 5)},${round(lat, 5)}`).join(';'));
  if (state.corridorWidth !== undefined) q.set('cw', String(state.corridorWidth));
  if (state.cruiseKmh !== undefined) q.set('speed', String(state.cruiseKmh));
  if (state.analysis) writeAnalysisLink(state.analysis, q);
  if (state.invest) writeInvestLink(state.invest, q);
  if (state.monitor) writeMonitorLink(state.monitor, q);
  const s = q.toString().replace(/%2F/g, '/').replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%3B/g, ';');
  return s ? `?${s}` : '';
}

/** Whether two links differ only in the camera (such changes replace the history entry instead of adding one). */
export function onlyViewDiffers(a: LinkState, b: LinkState): boolean {
  const { view: _a, ...restA } = a;
  const { view: _b, ...restB } = b;
  return formatLink(restA) === formatLink(restB);
}
