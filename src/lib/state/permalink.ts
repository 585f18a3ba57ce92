import { formatBrief, parseBrief } from './brief-request.ts';
import type { BriefRequest } from './brief-request.ts';
import { DRAWN_VERTICES_MAX } from '../data/vertex.ts';
import type { Lang } from '../i18n/index.ts';
import type { LinkPart } from './feature.ts';

/** The panels of the shared core; each feature with a panel adds its own tab after them. */
export const CORE_PANELS = ['layers', 'tasks', 'list', 'tour'] as const;
/** The sheet's panel that has no tab: the header's "About" opens it. */
export const ABOUT_PANEL = 'about';
/** A panel of the side (or bottom) sheet: a core panel or a feature's (named by the feature's id). */
export type PanelId = string;

/** A camera position: centre, zoom, bearing and pitch. */
export interface View {
  lon: number;
  lat: number;
  zoom: number;
  bearing: number;
  pitch: number;
}

/** What a link carries of the shared core. Absent fields mean "the default". */
export interface CoreLink {
  lang?: Lang;
  view?: View;
  /** Layer rows whose visibility differs from their default (`layers=name,-other`). */
  layers?: Record<string, boolean>;
  /** `plan:<id>`, `place:<id>`, or a selection a feature owns (`listing:<id>`). */
  selection?: string;
  panel?: PanelId | 'none';
  /** Plan tasks shown on the map (1–18), sorted, each once (`task=4,17`). */
  tasks?: number[];
  tour?: number;
  /** The printable brief shown over the app (`brief=zone:fv`, `task:17`, `site:<id>`, `shortlist`). */
  brief?: BriefRequest;
}

/** Each feature's part of a link, by feature id; every feature adds its entry by augmentation. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FeatureLinks {}

/** Everything a link carries. */
export type LinkState = CoreLink & FeatureLinks;

/** What a link may name besides the core's own: the features' panels, selections and link parts, in order. */
export interface LinkFeature {
  id: string;
  panel: boolean;
  link: LinkPart;
  selection?: RegExp;
}

/**
 * A feature's part of a link as written, kept while the feature's definition (its codec) has not loaded: written back
 * unchanged, and read by the codec once it comes (see DeferredFeature).
 */
export class RawLinkPart {
  constructor(readonly entries: readonly (readonly [string, string])[]) {}
  query(): URLSearchParams {
    return new URLSearchParams(this.entries.map(([k, v]) => [k, v]));
  }
}

/** The link part of a feature not yet loaded: its own keys, kept as written. */
export function rawLinkPart(keys: readonly string[]): LinkPart<RawLinkPart> {
  return {
    parse: (q) => {
      const entries = keys.flatMap((k) => q.getAll(k).map((v) => [k, v] as const));
      return entries.length ? new RawLinkPart(entries) : undefined;
    },
    write: (part, q) => {
      for (const [k, v] of part.entries) q.append(k, v);
    },
  };
}

/** The map's own limits: hostile or mistyped links must not move the map (or a drawing) to nowhere. */
export const MAP_LIMITS = { lon: [121.25, 121.8], lat: [31.1, 31.5], zoom: [8, 18], bearing: [-180, 180], pitch: [0, 85] } as const;
const PLACE_SELECTION = /^(?:plan|place):[a-z0-9][a-z0-9:_-]{0,80}$/;

export const clamp = (v: number, [lo, hi]: readonly [number, number]): number => Math.min(hi, Math.max(lo, v));
export const round = (v: number, digits: number): number => Number(v.toFixed(digits));

/**
 * A drawing's vertices from a link (`lon,lat;lon,lat…`). A drawing is kept only whole: one bad vertex, a vertex off
 * the map, or fewer than `min` (more than the drawing limit) vertices, and it is dropped rather than bent.
 */
export function parseVertices(raw: string | null, min = 1): [number, number][] | undefined {
  if (!raw) return undefined;
  const points = raw.split(';').map((pair) => pair.split(',').map((s) => (s.trim() === '' ? NaN : Number(s))));
  const { lon, lat } = MAP_LIMITS;
  const ok =
    points.length >= min &&
    points.length <= DRAWN_VERTICES_MAX &&
    points.every((p) => p.length === 2 && p.every(Number.isFinite) && p[0]! >= lon[0] && p[0]! <= lon[1] && p[1]! >= lat[0] && p[1]! <= lat[1]);
  return ok ? points.map((p) => [p[0]!, p[1]!]) : undefined;
}

/** A drawing's vertices as a link writes them: five decimals (about a metre). */
export const formatVertices = (vertices: readonly (readonly [number, number])[]): string =>
  vertices.map(([lon, lat]) => `${round(lon, 5)},${round(lat, 5)}`).join(';');

/** The plan's task numbers among `list` (integers 1–18), sorted, each once: the form a set of chosen tasks takes. */
export function chosenTasks(list: readonly number[]): number[] {
  return [...new Set(list.filter((n) => Number.isInteger(n) && n >= 1 && n <= 18))].sort((a, b) => a - b);
}

/** Reads a link's query string. Unknown keys, unknown layers and malformed values are ignored. */
export function parseLink(search: string, knownLayers: ReadonlySet<string>, features: readonly LinkFeature[] = []): LinkState {
  const q = new URLSearchParams(search);
  const out: LinkState & Record<string, unknown> = {};
  const lang = q.get('lang');
  if (lang === 'zh' || lang === 'en') out.lang = lang;

  const map = q.get('map')?.split('/').map(Number);
  if (map && map.length >= 3 && map.every(Number.isFinite)) {
    const [zoom, lat, lon, bearing = 0, pitch = 0] = map as [number, number, number, number?, number?];
    out.view = {
      zoom: clamp(zoom, MAP_LIMITS.zoom),
      lat: clamp(lat, MAP_LIMITS.lat),
      lon: clamp(lon, MAP_LIMITS.lon),
      bearing: clamp(bearing, MAP_LIMITS.bearing),
      pitch: clamp(pitch, MAP_LIMITS.pitch),
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
  if (sel && (PLACE_SELECTION.test(sel) || features.some((f) => f.selection?.test(sel)))) out.selection = sel;

  const panel = q.get('panel');
  const panels: readonly string[] = [...CORE_PANELS, ABOUT_PANEL, ...features.filter((f) => f.panel).map((f) => f.id)];
  if (panel === 'none' || panels.includes(panel ?? '')) out.panel = panel as PanelId | 'none';

  // `task=4` (the links of one task at a time) reads as the set of one.
  const tasks = chosenTasks((q.get('task') ?? '').split(',').map((s) => (/^\s*\d{1,2}\s*$/.test(s) ? Number(s) : NaN)));
  if (tasks.length) out.tasks = tasks;

  const tour = Number(q.get('tour'));
  if (q.has('tour') && Number.isInteger(tour) && tour >= 0 && tour < 100) out.tour = tour;

  const brief = parseBrief(q.get('brief'));
  if (brief) out.brief = brief;

  for (const f of features) {
    const part = f.link.parse(q);
    if (part !== undefined) out[f.id] = part;
  }
  return out;
}

/** Writes a link's query string in a fixed order (the core's keys, then each feature's), so equal states give equal links. */
export function formatLink(state: LinkState, features: readonly LinkFeature[] = []): string {
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
  const tasks = chosenTasks(state.tasks ?? []);
  if (tasks.length) q.set('task', tasks.join(','));
  if (state.tour !== undefined) q.set('tour', String(state.tour));
  if (state.brief) q.set('brief', formatBrief(state.brief));
  for (const f of features) {
    const written = (state as Record<string, unknown>)[f.id];
    // A part kept as written goes through the feature's codec, once there is one, as a link read now would.
    const part = written instanceof RawLinkPart ? f.link.parse(written.query()) : written;
    if (part !== undefined) f.link.write(part, q);
  }
  const s = q.toString().replace(/%2F/g, '/').replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%3B/g, ';');
  return s ? `?${s}` : '';
}

/** Whether two links differ only in the camera (such changes replace the history entry instead of adding one). */
export function onlyViewDiffers(a: LinkState, b: LinkState, features: readonly LinkFeature[] = []): boolean {
  const { view: _a, ...restA } = a;
  const { view: _b, ...restB } = b;
  return formatLink(restA, features) === formatLink(restB, features);
}
