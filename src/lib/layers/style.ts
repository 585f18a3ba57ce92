import type { GeoJSONSourceSpecification, LayerSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import type { BasemapRange } from './basemap-range.ts';
import type { Bilingual, Lang } from '../i18n/index.ts';
import { CORE_REGISTRY, SLOTS, type LayerDef } from './registry.ts';
import { themes, type Theme, type ThemeName } from './theme.ts';

/** An empty collection: a feature's source before it has anything to draw. */
export const EMPTY_COLLECTION: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Metadata key on every style layer naming the registry row it belongs to. */
export const REGISTRY_KEY = 'yangpu:layer';

/**
 * Who to credit for what the map draws, in each language, in the order shown. Plain constant text: MapLibre's
 * attribution control takes it as HTML, so nothing from data or the link may ever be part of it.
 */
export const CREDITS = {
  /** The plan's places (docs/data.md). */
  places: { zh: '规划地点：本项目数据集', en: 'Plan places: project dataset (docs/data.md)' },
  /** The basemap: OpenStreetMap's data (ODbL asks for "© OpenStreetMap") and the district outlines. */
  basemap: {
    zh: '© OpenStreetMap 贡献者（ODbL）· 区界：echarts 4.9.0（Apache-2.0），GCJ-02→WGS-84',
    en: '© OpenStreetMap contributors (ODbL) · District outlines: echarts 4.9.0 (Apache-2.0), GCJ-02→WGS-84',
  },
  /** The action plan the map shows. */
  plan: { zh: '规划：杨府发〔2024〕12号', en: 'Plan: Yangpu District Government document [2024] No. 12' },
} as const satisfies Record<string, Bilingual>;

/**
 * The map's credits in `lang`: the basemap's only while the map draws it. They live outside the style's sources,
 * whose attribution cannot change without MapLibre replacing the source (its tiles, the plan's feature-state);
 * the map view shows them in its attribution control and sets them again when the language changes.
 */
export function attribution(lang: Lang, { basemap = true } = {}): string {
  const parts = [CREDITS.places, ...(basemap ? [CREDITS.basemap] : []), CREDITS.plan];
  return parts.map((part) => part[lang]).join(' · ');
}

/** Options of {@link layers}. */
export interface LayersOptions {
  /** Visibility per registry row; rows left out use their default. */
  visible?: Record<string, boolean>;
  /** Source layers present in the basemap; when given, style layers on absent ones are left out. */
  available?: ReadonlySet<string>;
  /** Whether the plan's GeoJSON source is in the style (default true). */
  plan?: boolean;
  /** Plan tasks (1–18) being explored: plan features that name any of them stay vivid, the others fade. */
  tasks?: readonly number[];
  registry?: readonly LayerDef[];
  /**
   * The first view's style: the layers of rows switched off, and of the sources named here (a feature's source with
   * nothing in it yet), are left out rather than hidden, so the map builds and draws only what the first screen
   * shows; the map adds them after its first idle.
   */
  firstView?: { emptySources: ReadonlySet<string> };
}

/**
 * The map's layers for a theme and a language, in drawing order: a pure function of its arguments.
 * Each layer's `metadata` names its registry row.
 */
export function layers(theme: Theme, lang: Lang, options: LayersOptions = {}): LayerSpecification[] {
  const registry = options.registry ?? CORE_REGISTRY;
  const entries = registry.flatMap((def, order) => def.style(theme, lang).map((s) => ({ ...s, order, def })));
  entries.sort((a, b) => SLOTS.indexOf(a.slot) - SLOTS.indexOf(b.slot) || a.order - b.order);
  const out: LayerSpecification[] = [{ id: 'background', type: 'background', paint: { 'background-color': theme.background } }];
  for (const { layer, def } of entries) {
    const sourceLayer = 'source-layer' in layer ? layer['source-layer'] : undefined;
    const source = 'source' in layer ? layer.source : undefined;
    if (options.available && sourceLayer && source === 'basemap' && !options.available.has(sourceLayer)) continue;
    if (options.plan === false && source === 'plan') continue;
    const visible = options.visible?.[def.id] ?? def.defaultVisible;
    if (options.firstView && (!visible || (source !== undefined && options.firstView.emptySources.has(source)))) continue;
    const emphasised = source === 'plan' && options.tasks?.length ? fadeOthers(layer, options.tasks) : layer;
    out.push({
      ...emphasised,
      metadata: { [REGISTRY_KEY]: def.id },
      layout: { ...(layer.layout ?? {}), visibility: visible ? 'visible' : 'none' },
    } as LayerSpecification);
  }
  return out;
}

// Paint properties that make a layer's features fade.
const OPACITY = ['fill-opacity', 'line-opacity', 'circle-opacity', 'circle-stroke-opacity', 'text-opacity'] as const;
const DEFAULT_OPACITY = 1;

/**
 * Whether a plan feature names any of `tasks`: its `plan_tasks` (an array of task numbers in plan.geojson, kept as
 * an array by the GeoJSON source) meets the chosen set. One `in` per chosen task, as the expression language has no
 * set intersection; at most 18.
 */
export function namesAnyTask(tasks: readonly number[]): unknown[] {
  const named = ['coalesce', ['get', 'plan_tasks'], ['literal', []]];
  return ['any', ...tasks.map((n) => ['in', n, named])];
}

function fadeOthers(layer: LayerSpecification, tasks: readonly number[]): LayerSpecification {
  const paint = { ...((layer as { paint?: Record<string, unknown> }).paint ?? {}) };
  const named = namesAnyTask(tasks);
  for (const key of OPACITY) {
    if (!keyApplies(layer.type, key)) continue;
    const current = paint[key] ?? DEFAULT_OPACITY;
    paint[key] = fade(current, named);
  }
  return { ...layer, paint } as LayerSpecification;
}

// Zoom may only drive a top-level interpolate or step: there, each stop's output is wrapped instead.
function fade(value: unknown, named: unknown[]): unknown {
  if (Array.isArray(value) && (value[0] === 'interpolate' || value[0] === 'step') && JSON.stringify(value[value[0] === 'step' ? 1 : 2]) === '["zoom"]') {
    const head = value[0] === 'interpolate' ? 3 : 2;
    return value.map((v, i) => (i >= head && (i - head) % 2 === (value[0] === 'interpolate' ? 1 : 0) ? ['case', named, v, 0.12] : v));
  }
  return ['case', named, value, 0.12];
}

const keyApplies = (type: string, key: string) => key.startsWith(`${type}-`) || (type === 'symbol' && key === 'text-opacity');

/** Everything {@link buildStyle} needs besides the theme and language. */
export interface StyleOptions extends Omit<LayersOptions, 'firstView'> {
  theme?: ThemeName;
  lang: Lang;
  /** URL of the basemap archive, e.g. `pmtiles://https://host/tiles/basemap.pmtiles`. */
  basemapUrl: string;
  /**
   * The archive's zooms and extent: with them the style names its tiles (`…/{z}/{x}/{y}`, read in MapLibre's worker)
   * and the map asks for them at once; without, MapLibre reads the archive's TileJSON first (a page's `pmtiles://`
   * protocol must answer it, as on the benchmark's plain page).
   */
  basemapRange?: BasemapRange;
  /** The features' GeoJSON sources (what the analyses, the listings and the monitor draw), data included. */
  overlays?: Record<string, GeoJSONSourceSpecification>;
  /** URL of the plan's places (public/data/plan.geojson); without it the plan's layers are left out. */
  planUrl?: string;
  /** Self-hosted Latin font file; CJK comes from the map's `localIdeographFontFamily`. */
  latinFontUrl?: string;
  /** The style of the first view: only the rows it shows (see {@link LayersOptions.firstView}). */
  firstView?: boolean;
}

// A source given as a collection with no features draws nothing yet.
const isEmpty = (source: GeoJSONSourceSpecification) =>
  typeof source.data === 'object' && source.data.type === 'FeatureCollection' && source.data.features.length === 0;

// Latin-1 and general punctuation, as in @fontsource's "latin" subset.
const LATIN_RANGE = ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+02C6', 'U+02DA', 'U+02DC', 'U+2000-206F', 'U+20AC', 'U+2122', 'U+2212'];

/** The complete style: sources, fonts and {@link layers}. Pure: same options, same style. */
export function buildStyle(options: StyleOptions): StyleSpecification {
  const theme = themes[options.theme ?? 'light'];
  const emptySources = new Set(Object.entries(options.overlays ?? {}).flatMap(([id, source]) => (isEmpty(source) ? [id] : [])));
  // The first view leaves out the sources with nothing to draw yet, not only their layers: each source is a round
  // trip through the map's worker, which the first view's tiles would otherwise queue behind.
  const overlays = Object.fromEntries(Object.entries(options.overlays ?? {}).filter(([id]) => !(options.firstView && emptySources.has(id))));
  const style: StyleSpecification = {
    version: 8,
    name: 'Yangpu Innovation Map',
    sources: {
      basemap: {
        type: 'vector',
        ...(options.basemapRange ? { tiles: [`${options.basemapUrl}/{z}/{x}/{y}`], ...options.basemapRange } : { url: options.basemapUrl }),
        // Empty, so the archive's own (English) credit stays out of the attribution control: see attribution().
        attribution: '',
      },
      ...overlays,
    },
    layers: layers(theme, options.lang, {
      ...options,
      plan: Boolean(options.planUrl),
      firstView: options.firstView ? { emptySources } : undefined,
    }),
  };
  if (options.planUrl) {
    style.sources.plan = { type: 'geojson', data: options.planUrl };
  }
  if (options.latinFontUrl) {
    style['font-faces'] = { 'Noto Sans Regular': [{ url: options.latinFontUrl, 'unicode-range': LATIN_RANGE }] };
  }
  return style;
}
