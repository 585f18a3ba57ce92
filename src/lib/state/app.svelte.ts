import type { GeoJSONSourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { BriefRequest } from './brief-request.ts';
import type { PlanOutputCollection, PlanOutputFeature, PlanRecord } from '../data/plan-schema.ts';
import { roundVertex } from '../data/vertex.ts';
import { initialLang, langTag, t, type Lang } from '../i18n/index.ts';
import { CORE_REGISTRY, defaultVisibility, type LayerDef } from '../layers/registry.ts';
import { parseEmbed, type EmbedMode } from './embed-mode.ts';
import type { BasemapFault } from './faults.ts';
import type { BasemapRange } from '../layers/basemap-range.ts';
import type { SearchEntry } from '../search/types.ts';
import { isDeferred, type FeatureDef, type FeatureDoor, type FeatureState, type FeatureStates } from './feature.ts';
import { tasksBox } from '../data/task-places.ts';
import { asksFor, deferredRowDefaults, linkFeatures, readPart } from './doors.ts';
import { chosenTasks, CORE_PANELS, formatLink, onlyViewDiffers, parseLink, RawLinkPart, type LinkState, type PanelId, type View } from './permalink.ts';

/** What the basemap archive says about itself: which layers it has and which are missing, and why. */
export interface BasemapInfo {
  layers: string[];
  missing: { layer: string; reason: string }[];
  schematicRiver: boolean;
  /** The archive's zooms and extent, as its header says (absent when it could not be read). */
  range?: BasemapRange;
}

/** A request to move the map, made by a panel and carried out by the map view. */
export type CameraTarget =
  | { kind: 'fit'; bbox: [number, number, number, number]; maxZoom?: number }
  | { kind: 'center'; lon: number; lat: number; zoom: number }
  | { kind: 'view'; view: View };
export type CameraRequest = CameraTarget & { seq: number; animate: boolean };

/** What the composition root hands the core: the features, and how their rows join the registry. */
export interface AppSetup {
  /** Every feature, in the order of the sheet's tabs and of their parts in a link: defined, or defined later. */
  features?: readonly FeatureDoor[];
  /** The registry with the rows of the features defined so far, in drawing order (default: the core's rows). */
  compose?: (defined: readonly FeatureDef[]) => readonly LayerDef[];
}

/** A phone's bottom sheet: its title row only, half the map, or the whole map. */
export type SheetSize = 'peek' | 'half' | 'full';
export type Insets = { top: number; right: number; bottom: number; left: number };

/**
 * The application's state: one place, with runes; the map and the panels read and write it. The shared core's
 * state lives here; each feature's lives in `features`, created from the FeatureDefs the app registers.
 */
export class AppState {
  lang = $state<Lang>('zh');
  visible = $state<Record<string, boolean>>({});
  basemap = $state<BasemapInfo | null>(null);
  /** The plan's located places (public/data/plan.geojson), once loaded. */
  plan = $state.raw<PlanOutputCollection | null>(null);
  /** The plan's places whose location is not published: listed, never drawn. */
  unlocated = $state.raw<PlanRecord[]>([]);
  /** Every searchable place: plan features, stations, roads, districts (public/data/search.json). */
  places = $state.raw<SearchEntry[]>([]);
  loadError = $state<string | null>(null);
  /** Whether that error is MapLibre's chunk not downloading (only a reload fetches a failed module again). */
  mapCodeMissing = $state(false);
  /** Why the basemap could not be used, or how a misconfigured host served it; null when all is well. */
  basemapFault = $state.raw<BasemapFault | null>(null);
  /** Asks the map to try the basemap again (set by the map view while a retry makes sense). */
  retryBasemap = $state.raw<(() => void) | null>(null);
  /** Basemap tiles that could not be loaded or decoded this session; the map draws the rest. */
  tileFaults = $state(0);
  noticeDismissed = $state(false);
  mapReady = $state(false);
  /** The map has drawn its first view completely (its first `idle`): the style then gains the rows left out of it. */
  firstIdle = $state(false);
  /** The first view is taking long (the page says so): the panels should not wait for it any more. */
  mapSlow = $state(false);

  /** Something asks for the plan's records and the searchable places before the first view is drawn (the search box). */
  dataWanted = $state(false);
  /** Something asks the features for the places they offer near a point ("near me"): those features load their data. */
  nearbyWanted = $state(false);

  /**
   * Whether what the first screen does not show (the sheet's panels, the tour, the update prompt, the searchable
   * places) may load now: once the map has drawn its first view, has failed, or is slow to come. Until then the map
   * has the network and the main thread to itself.
   */
  get uiReady(): boolean {
    return this.firstIdle || this.mapSlow || this.loadError !== null;
  }

  /** The selected place: `plan:<id>`, `place:<id>`, or a selection a feature owns. */
  selection = $state<string | null>(null);
  /** Counts the user's selections, the same place chosen again included (a phone brings its card back for it). */
  selections = $state(0);
  /** The open panel of the side (or bottom) sheet; 'none' when it is closed. */
  panel = $state<PanelId | 'none'>('layers');
  /** How far a phone's bottom sheet is pulled up (a wide screen's sheet has one size). */
  sheetSize = $state<SheetSize>('half');
  /** How far the panels, cards and notices reach into the map from each side, in CSS pixels (see ui/covers.ts). */
  insets = $state.raw<Insets>({ top: 0, right: 0, bottom: 0, left: 0 });
  /** The first visit's welcome is showing (see ui/welcome.ts). */
  welcome = $state(false);
  /** The plan tasks being explored (1–18), sorted, each once: the features of any of them are highlighted. */
  tasks = $state.raw<number[]>([]);
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
  /** While set, a click on the map adds a vertex to the drawing of the feature that owns this target instead of selecting. */
  drawing = $state<string | null>(null);
  /**
   * The printable brief shown over the app (the print view), or null. In the link as `brief=`; the print view loads
   * lazily when it is set, and the feature that owns its kind (see FeatureDef.briefs) with it.
   */
  brief = $state.raw<BriefRequest | null>(null);
  /** A short message for the status line (copied link, export done, errors the user should know). */
  status = $state<string | null>(null);

  /** Every registered feature, defined or not yet, in the order their tabs and link parts come. */
  readonly doors: readonly FeatureDoor[];
  /** The features defined so far (all, once `featuresComplete`), in the order their tabs, link parts and engines come. */
  featureDefs = $state.raw<readonly FeatureDef[]>([]);
  /**
   * Each defined feature's state, by feature id. A feature's own code runs only once it is defined; the core reaches a
   * deferred feature's state only after `loadFeatures()`.
   */
  features = $state.raw<FeatureStates>({} as FeatureStates);
  /** The layer rows of the core and of the features defined so far, in drawing order. */
  registry = $state.raw<readonly LayerDef[]>(CORE_REGISTRY);
  /** Every feature is defined (the deferred ones come after the first view, or as soon as something needs them). */
  featuresComplete = $state(false);
  /** The sheet's panels, in tab order: the core's, then each feature's. */
  readonly panels: readonly PanelId[];
  /** The sheet a link without `panel` opens: the layers beside a wide map, nothing over a phone's. */
  readonly defaultPanel: PanelId | 'none';
  /** The map is embedded in another site's page (`embed=` in its address, see embed-mode.ts); null in the full app. */
  readonly embed: EmbedMode | null;
  private readonly knownLayers: ReadonlySet<string>;
  /** The default visibility of the deferred features' rows, before their definitions come. */
  private readonly deferredRows: Readonly<Record<string, boolean>>;
  /** The link parts of features not yet defined, as written (see RawLinkPart). */
  private deferredLinks = $state.raw<Record<string, RawLinkPart | undefined>>({});
  private readonly compose: (defined: readonly FeatureDef[]) => readonly LayerDef[];
  private defining: Promise<void> | null = null;
  /** What a link may name of each feature, as defined so far (the link is read and written on every change). */
  private readonly linkParts = $derived.by(() => linkFeatures(this.doors, this.featureDefs));
  private cameraSeq = 0;

  constructor(search = '', languages: readonly string[] = [], narrow = false, setup: AppSetup = {}) {
    this.doors = setup.features ?? [];
    this.compose = setup.compose ?? (() => CORE_REGISTRY);
    const defined = this.doors.filter((d): d is FeatureDef => !isDeferred(d));
    this.featureDefs = defined;
    this.featuresComplete = defined.length === this.doors.length;
    this.registry = this.compose(defined);
    this.deferredRows = deferredRowDefaults(this.doors);
    this.knownLayers = new Set([...this.registry.map((d) => d.id), ...Object.keys(this.deferredRows)]);
    this.panels = [...CORE_PANELS, ...this.doors.filter((f) => f.panel && f.tab !== false).map((f) => f.id)];
    this.visible = this.defaultVisible();
    this.features = Object.fromEntries(defined.map((f) => [f.id, f.createState(this)])) as unknown as FeatureStates;
    this.embed = parseEmbed(search);
    const link = this.parseLink(search);
    this.defaultPanel = narrow ? 'none' : 'layers';
    this.lang = initialLang(link.lang, languages);
    this.applyLink(link);
  }

  get langTag(): string {
    return langTag(this.lang);
  }

  /** Every row's default visibility: the registry's, and the rows of features not yet defined. */
  private defaultVisible(): Record<string, boolean> {
    return { ...this.deferredRows, ...defaultVisibility(this.registry) };
  }

  /** A defined feature, by id. */
  defOf(id: string): FeatureDef | undefined {
    return this.featureDefs.find((f) => f.id === id);
  }

  /**
   * Whether something asks for a feature not yet defined: a link's part of one, its panel, a selection or a row of
   * its, a brief, "near me" or a drawing. The first view does without them otherwise.
   */
  get featuresWanted(): boolean {
    if (this.featuresComplete) return false;
    return this.brief !== null || this.nearbyWanted || this.drawing !== null || this.doors.some((d) => asksFor(d, this, this.deferredLinks[d.id]));
  }

  /** Defines every feature (their chunks, once); the link parts kept for them are then read. */
  loadFeatures(): Promise<void> {
    if (this.featuresComplete) return Promise.resolve();
    this.defining ??= Promise.all(this.doors.map((d) => (isDeferred(d) ? d.define() : d))).then(
      (defs) => this.defined(defs),
      (err: unknown) => {
        this.defining = null;
        throw err;
      },
    );
    return this.defining;
  }

  /** A feature's definition: at once when it is defined, else once every feature is. */
  featureDef(id: string): Promise<FeatureDef> {
    const def = this.defOf(id);
    if (def) return Promise.resolve(def);
    return this.loadFeatures().then(() => this.defOf(id) ?? Promise.reject(new Error(`no feature "${id}"`)));
  }

  private defined(defs: readonly FeatureDef[]): void {
    const had = new Set(this.featureDefs.map((d) => d.id));
    const fresh = defs.filter((d) => !had.has(d.id));
    const states = { ...(this.features as unknown as Record<string, FeatureState>) };
    for (const def of fresh) states[def.id] = def.createState(this);
    this.features = states as unknown as FeatureStates;
    this.featureDefs = defs;
    this.registry = this.compose(defs);
    for (const def of fresh) this.stateOf(def).apply(readPart(def, this.deferredLinks[def.id]));
    this.deferredLinks = {};
    this.featuresComplete = true;
    // A panel opened before its feature was defined opens now, as a tab would have opened it.
    if (fresh.some((d) => d.panel && d.id === this.panel)) this.featurePanelOpened(this.panel);
  }

  /** A feature's state, for code that holds its definition rather than its type. */
  stateOf(def: FeatureDef): FeatureState {
    return (this.features as unknown as Record<string, FeatureState>)[def.id]!;
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

  /** The GeoJSON sources the features draw, data included, by source id. */
  get overlays(): Record<string, GeoJSONSourceSpecification> {
    return Object.assign({}, ...this.featureDefs.map((f) => this.stateOf(f).sources?.() ?? {})) as Record<string, GeoJSONSourceSpecification>;
  }

  /** Says in the status line, in the reader's language, that something could not be loaded (a chunk, a data file). */
  loadFailed = (err: unknown): void => {
    this.status = t(this.lang, 'dataFailed', { reason: String(err) });
  };

  setLang(lang: Lang): void {
    this.lang = lang;
  }

  toggle(id: string, on = !this.visible[id]): void {
    this.visible[id] = on;
  }

  /** Opens a panel, or closes the sheet with 'none'. */
  openPanel(panel: PanelId | 'none'): void {
    // The tour shows places: a phone's sheet pulled over the whole map comes down to half to let them be seen.
    if (panel === 'tour' && this.sheetSize === 'full') this.sheetSize = 'half';
    this.panel = panel;
    if (panel !== 'tour') this.tourStop = null;
    this.featurePanelOpened(panel);
  }

  private featurePanelOpened(panel: PanelId | 'none'): void {
    const def = this.featureDefs.find((f) => f.panel && f.id === panel);
    if (def) def.opened?.(this, this.stateOf(def));
  }

  /** Selects a place (or clears the selection) and, with `fly`, moves the map to it. */
  select(id: string | null, options: { fly?: boolean } = {}): void {
    this.selection = id;
    this.selections++;
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

  /**
   * A user's pick of task `n`: shown if it was not, taken out if it was. The map then frames the located places of
   * the tasks shown (tasks a link restores frame nothing: the link brings its own view). Returns false
   * when `n`, just shown, has no located place: the map stays where it is.
   */
  pickTask(n: number): boolean {
    const adding = !this.tasks.includes(n);
    this.tasks = chosenTasks(adding ? [...this.tasks, n] : this.tasks.filter((m) => m !== n));
    // Before the places arrive there is nothing to frame, nor anything to say about them.
    if (!this.plan) return true;
    const features = this.plan.features;
    if (adding && !tasksBox(features, [n])) return false;
    const box = tasksBox(features, this.tasks);
    if (box) this.requestCamera({ kind: 'fit', bbox: box, maxZoom: 16 });
    return true;
  }

  /** Shows a printable brief (adds it to the link); null closes the print view. */
  openBrief(request: BriefRequest | null): void {
    this.brief = request;
  }

  /** The feature that builds briefs of `kind` itself, if any (the core builds zone and task briefs). */
  briefOwner(kind: BriefRequest['kind']): FeatureDef | undefined {
    return this.featureDefs.find((f) => f.briefs?.kinds.includes(kind));
  }

  requestCamera(target: CameraTarget, animate = true): void {
    this.camera = { ...target, seq: ++this.cameraSeq, animate };
  }

  /** Reads a link with this app's layers, panels and features. */
  parseLink(search: string): LinkState {
    return parseLink(search, this.knownLayers, this.linkParts);
  }

  /** Writes a link's query string with this app's features. */
  formatLink(link: LinkState = this.toLink()): string {
    return formatLink(link, this.linkParts);
  }

  /** Whether two links differ only in the camera (such changes replace the history entry instead of adding one). */
  onlyViewDiffers(a: LinkState, b: LinkState): boolean {
    return onlyViewDiffers(a, b, this.linkParts);
  }

  /** The state a link carries: only what differs from the defaults. */
  toLink(): LinkState {
    const defaults = this.defaultVisible();
    const layers = Object.fromEntries(Object.entries(this.visible).filter(([id, on]) => defaults[id] !== on));
    const link: LinkState & Record<string, unknown> = {
      lang: this.lang,
      view: this.view ?? undefined,
      layers: Object.keys(layers).length ? layers : undefined,
      selection: this.selection ?? undefined,
      panel: this.panel === this.defaultPanel ? undefined : this.panel,
      tasks: this.tasks.length ? this.tasks : undefined,
      tour: this.panel === 'tour' && this.tourStop !== null ? this.tourStop : undefined,
      brief: this.brief ?? undefined,
    };
    for (const d of this.doors) {
      const def = this.defOf(d.id);
      link[d.id] = def ? this.stateOf(def).toLink() : this.deferredLinks[d.id];
    }
    return link;
  }

  /** Restores a link's state (after a reload, or on back and forward). */
  applyLink(link: LinkState): void {
    if (link.lang) this.lang = link.lang;
    const visible = this.defaultVisible();
    for (const [id, on] of Object.entries(link.layers ?? {})) visible[id] = on;
    this.visible = visible;
    this.selection = link.selection ?? null;
    const before = this.panel;
    this.panel = link.panel ?? this.defaultPanel;
    this.tasks = link.tasks ?? [];
    this.brief = link.brief ?? null;
    this.tourStop = link.panel === 'tour' ? (link.tour ?? 0) : null;
    if (this.tourStop !== null && this.sheetSize === 'full') this.sheetSize = 'half';
    const deferred: Record<string, RawLinkPart | undefined> = {};
    for (const d of this.doors) {
      const part = (link as Record<string, unknown>)[d.id];
      const def = this.defOf(d.id);
      if (def) this.stateOf(def).apply(readPart(def, part));
      else deferred[d.id] = part instanceof RawLinkPart ? part : undefined;
    }
    this.deferredLinks = deferred;
    // A panel that a link opens opens as a tab would (one that stays open is not opened again).
    if (this.panel !== before) this.featurePanelOpened(this.panel);
    if (link.view) this.requestCamera({ kind: 'view', view: link.view }, false);
  }

  /** The map's centre, rounded as drawn vertices are; null until the map has reported its view. */
  get centre(): [number, number] | null {
    return this.view ? roundVertex([this.view.lon, this.view.lat]) : null;
  }

  /** Adds a vertex to a drawing: by default the one in draw mode, else the feature that owns `target`. */
  addDrawPoint(point: [number, number], target: string | null = this.drawing): void {
    const owner = this.featureDefs.find((f) => f.draws !== undefined && f.draws === target);
    if (owner) this.stateOf(owner).addDrawPoint?.(point);
  }
}
