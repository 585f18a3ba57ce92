import type { AirResult } from '../../features/air/types.ts';
import type { PlanOutputCollection, PlanOutputFeature, PlanRecord } from '../data/plan-schema.ts';
import { initialLang, langTag, type Lang } from '../i18n/index.ts';
import { defaultVisibility, REGISTRY } from '../layers/registry.ts';
import type { BasemapFault } from '../map/faults.ts';
import type { SearchEntry } from '../search/types.ts';
import { AnalysisState } from '../../features/analysis/state.svelte.ts';
import { InvestState } from '../../features/invest/state.svelte.ts';
import { MonitorState } from '../../features/monitor/state.svelte.ts';
import { AIR_LIMITS, parseLink, type LinkState, type PanelId, type View } from './permalink.ts';

/** Defaults of the low-altitude settings: a 60 m corridor, and 36 km/h (10 m/s), a delivery drone's cruise. */
export const AIR_DEFAULTS = { corridorWidth: 60, cruiseKmh: 36 } as const;

/** What the basemap archive says about itself: which layers it has and which are missing, and why. */
export interface BasemapInfo {
  layers: string[];
  missing: { layer: string; reason: string }[];
  schematicRiver: boolean;
}

/** What a click on the map draws: the drone-route sketch, the dashboard's selection polygon, or the investors' search area. */
export type DrawTarget = 'sketch' | 'analysis' | 'invest';

/** A request to move the map, made by a panel and carried out by the map view. */
export type CameraTarget =
  | { kind: 'fit'; bbox: [number, number, number, number]; maxZoom?: number }
  | { kind: 'center'; lon: number; lat: number; zoom: number }
  | { kind: 'view'; view: View };
export type CameraRequest = CameraTarget & { seq: number; animate: boolean };

/** The application's state: one place, with runes; the map and the panels read and write it. */
export class AppState {
  lang = $state<Lang>('zh');
  visible = $state<Record<string, boolean>>(defaultVisibility());
  basemap = $state<BasemapInfo | null>(null);
  /** The plan's located places (public/data/plan.geojson), once loaded. */
  plan = $state.raw<PlanOutputCollection | null>(null);
  /** The plan's places whose location is not published: listed, never drawn. */
  unlocated = $state.raw<PlanRecord[]>([]);
  /** Every searchable place: plan features, stations, roads, districts (public/data/search.json). */
  places = $state.raw<SearchEntry[]>([]);
  loadError = $state<string | null>(null);
  /** Why the basemap could not be used, or how a misconfigured host served it; null when all is well. */
  basemapFault = $state.raw<BasemapFault | null>(null);
  /** Asks the map to try the basemap again (set by the map view while a retry makes sense). */
  retryBasemap = $state.raw<(() => void) | null>(null);
  /** Basemap tiles that could not be loaded or decoded this session; the map draws the rest. */
  tileFaults = $state(0);
  noticeDismissed = $state(false);
  mapReady = $state(false);

  /** The selected place: `plan:<id>` or `place:<id>`. */
  selection = $state<string | null>(null);
  /** The open panel of the side (or bottom) sheet; 'none' when it is closed. */
  panel = $state<PanelId | 'none'>('layers');
  /** The plan task being explored (1–18): its features are highlighted. */
  task = $state<number | null>(null);
  /** The guided tour's current stop, while the tour is open. */
  tourStop = $state<number | null>(null);
  /** The camera, as the map last reported it. */
  view = $state<View | null>(null);
  /** What the map shows: ids of plan features rendered in the current view, set by the map. */
  inView = $state.raw<string[]>([]);
  /** Features rendered in the current view per registry row, set by the map. */
  counts = $state.raw<Record<string, number>>({});
  /** The latest request to move the map. */
  camera = $state.raw<CameraRequest | null>(null);
  /** Drone corridor width (m) and cruise speed (km/h) for the low-altitude analysis. */
  corridorWidth = $state<number>(AIR_DEFAULTS.corridorWidth);
  cruiseKmh = $state<number>(AIR_DEFAULTS.cruiseKmh);
  /** The planner's drone-route sketch: vertices, lon/lat. */
  sketch = $state.raw<[number, number][]>([]);
  /** While set, a click on the map adds a vertex to that drawing (the drone sketch, or a selection polygon) instead of selecting. */
  drawing = $state<DrawTarget | null>(null);
  /** Corridors, profiles and conflicts of the routes and the sketch; null until computed. */
  air = $state.raw<AirResult | null>(null);
  /** Elevated roads and sensitive areas the conflict check uses (public/data/obstacles.geojson). */
  obstacles = $state.raw<import('geojson').FeatureCollection | null>(null);
  /** A short message for the status line (copied link, export done, errors the user should know). */
  status = $state<string | null>(null);

  /** The dispersion dashboard (plan task 2): scenarios, parameters, results. */
  readonly analysis = new AnalysisState();
  /** The investors' view: inventories, filters, shortlist. */
  readonly invest = new InvestState();
  /** The plan monitor: targets, imported figures, the tasks' progress, snapshots. */
  readonly monitor = new MonitorState();

  readonly registry = REGISTRY;
  /** The sheet a link without `panel` opens: the layers beside a wide map, nothing over a phone's. */
  readonly defaultPanel: PanelId | 'none';
  private cameraSeq = 0;

  constructor(search = '', languages: readonly string[] = [], narrow = false) {
    const link = parseLink(search, new Set(REGISTRY.map((d) => d.id)));
    this.defaultPanel = narrow ? 'none' : 'layers';
    this.lang = initialLang(link.lang, languages);
    this.applyLink(link);
  }

  get langTag(): string {
    return langTag(this.lang);
  }

  /** Registry rows whose every source layer is absent from the basemap. */
  get unavailable(): Set<string> {
    const info = this.basemap;
    if (!info) return new Set();
    const have = new Set(info.layers);
    return new Set(this.registry.filter((d) => d.source === 'basemap' && !d.sourceLayers.some((l) => have.has(l))).map((d) => d.id));
  }

  /** The selected plan feature, when the selection is one. */
  get selectedPlan(): PlanOutputFeature | undefined {
    const sel = this.selection;
    if (!sel?.startsWith('plan:')) return undefined;
    const id = sel.slice(5);
    return this.plan?.features.find((f) => f.properties.id === id);
  }

  /** The selected search entry (plan features have one too). */
  get selectedEntry(): SearchEntry | undefined {
    const sel = this.selection;
    return sel ? this.places.find((p) => p.id === sel) : undefined;
  }

  setLang(lang: Lang): void {
    this.lang = lang;
  }

  toggle(id: string, on = !this.visible[id]): void {
    this.visible[id] = on;
  }

  /** Opens a panel, or closes the sheet with 'none'. */
  openPanel(panel: PanelId | 'none'): void {
    this.panel = panel;
    if (panel !== 'tour') this.tourStop = null;
  }

  /** Selects a place (or clears the selection) and, with `fly`, moves the map to it. */
  select(id: string | null, options: { fly?: boolean } = {}): void {
    this.selection = id;
    if (id && options.fly) {
      const entry = this.places.find((p) => p.id === id);
      if (entry) this.flyToEntry(entry);
    }
  }

  /** Moves the map to a search entry: its extent when it has one, else its point. */
  flyToEntry(entry: SearchEntry, animate = true): void {
    if (entry.bbox) this.requestCamera({ kind: 'fit', bbox: entry.bbox, maxZoom: 16 }, animate);
    else this.requestCamera({ kind: 'center', lon: entry.lon, lat: entry.lat, zoom: Math.max(this.view?.zoom ?? 0, 15) }, animate);
  }

  requestCamera(target: CameraTarget, animate = true): void {
    this.camera = { ...target, seq: ++this.cameraSeq, animate };
  }

  /** The state a link carries: only what differs from the defaults. */
  toLink(): LinkState {
    const defaults = defaultVisibility(this.registry);
    const layers = Object.fromEntries(Object.entries(this.visible).filter(([id, on]) => defaults[id] !== on));
    return {
      lang: this.lang,
      view: this.view ?? undefined,
      layers: Object.keys(layers).length ? layers : undefined,
      selection: this.selection ?? undefined,
      panel: this.panel === this.defaultPanel ? undefined : this.panel,
      task: this.task ?? undefined,
      tour: this.panel === 'tour' && this.tourStop !== null ? this.tourStop : undefined,
      sketch: this.sketch.length ? this.sketch : undefined,
      corridorWidth: this.corridorWidth !== AIR_DEFAULTS.corridorWidth ? this.corridorWidth : undefined,
      cruiseKmh: this.cruiseKmh !== AIR_DEFAULTS.cruiseKmh ? this.cruiseKmh : undefined,
      analysis: this.analysis.toLink(),
      invest: this.invest.toLink(),
      monitor: this.monitor.toLink(),
    };
  }

  /** Restores a link's state (after a reload, or on back and forward). */
  applyLink(link: LinkState): void {
    if (link.lang) this.lang = link.lang;
    const visible = defaultVisibility(this.registry);
    for (const [id, on] of Object.entries(link.layers ?? {})) visible[id] = on;
    this.visible = visible;
    this.selection = link.selection ?? null;
    this.panel = link.panel ?? this.defaultPanel;
    this.task = link.task ?? null;
    this.tourStop = link.panel === 'tour' ? (link.tour ?? 0) : null;
    this.sketch = link.sketch ?? [];
    this.corridorWidth = link.corridorWidth ?? AIR_DEFAULTS.corridorWidth;
    this.cruiseKmh = link.cruiseKmh ?? AIR_DEFAULTS.cruiseKmh;
    this.analysis.apply(link.analysis);
    this.invest.apply(link.invest);
    this.monitor.apply(link.monitor);
    if (link.view) this.requestCamera({ kind: 'view', view: link.view }, false);
  }

  /** The map's centre, rounded as drawn vertices are; null until the map has reported its view. */
  get centre(): [number, number] | null {
    return this.view ? roundVertex([this.view.lon, this.view.lat]) : null;
  }

  /** Adds a vertex to a drawing (see {@link DrawTarget}): by default the one in draw mode. */
  addDrawPoint(point: [number, number], target: DrawTarget | null = this.drawing): void {
    if (target === 'sketch') this.addSketchPoint(point);
    else if (target === 'analysis') this.analysis.area = withVertex(this.analysis.area, point);
    else if (target === 'invest') this.invest.area = withVertex(this.invest.area, point);
  }

  /** Adds a vertex to the sketch (up to the link's limit), as a new array so every change is a clean update. */
  addSketchPoint(point: [number, number]): void {
    this.sketch = withVertex(this.sketch, point);
  }
}

/** A polygon's vertex list with one more vertex (rounded to ~0.1 m), up to the link's limit; a new array each time. */
export function withVertex(vertices: readonly [number, number][], point: [number, number]): [number, number][] {
  if (vertices.length >= AIR_LIMITS.sketchPoints) return [...vertices];
  return [...vertices, roundVertex(point)];
}

// Six decimals: about 0.1 m, far finer than a click, and short in links.
const roundVertex = ([lon, lat]: readonly [number, number]): [number, number] => [Number(lon.toFixed(6)), Number(lat.toFixed(6))];
