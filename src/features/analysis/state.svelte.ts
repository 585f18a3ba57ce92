import type { BriefRequest, BriefSection } from '../../lib/brief/types.ts';
import type { Lang } from '../../lib/i18n/index.ts';
import type { GeoJSONSourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { drawnAreaFeatures, withVertex } from '../../lib/data/drawn-area.ts';
import { EMPTY_COLLECTION } from '../../lib/layers/style.ts';
import type { FeatureState } from '../../lib/state/feature.ts';
import type { DispersionResult } from './dispersion-types.ts';
import type { SignificanceResult } from './significance.ts';
import type { ConsolidationResult } from './consolidate.ts';
import { SCENARIO_CONSOLIDATED, SCENARIO_TODAY, type Scenario } from './scenario-spec.ts';
import { ANALYSIS_LIMITS, HUBS_OFF, type AnalysisLink, type HubSettings } from './link.ts';

/**
 * Defaults of the dashboard's settings: DBSCAN's neighbourhood (m) and the fewest parks a cluster has (two: a pair of
 * parks within the distance already shares services; Turf's default of three would call such a pair scattered), and a
 * ten-minute walk (m) for coverage.
 */
export const ANALYSIS_DEFAULTS = { clusterM: 500, coverageM: 800, minPoints: 2 } as const;

const same = (x: Scenario, y: Scenario) => JSON.stringify(x) === JSON.stringify(y);

/** The drawing target of the dashboard's selection polygon and of its added hub sites (`app.drawing`). */
export const AREA_TARGET = 'analysis';

/** What a click on the map adds while the dashboard draws: a vertex of the selection polygon, or a hub site. */
export type DrawMode = 'area' | 'sites';

// Five decimals (about 1 m), as the link writes them: a site read back from a link is the site that was added.
const roundSite = ([lon, lat]: readonly [number, number]): [number, number] => [Number(lon.toFixed(5)), Number(lat.toFixed(5))];

/** The dispersion dashboard's part of the application state (`app.features.analysis`). */
export class AnalysisState implements FeatureState<AnalysisLink> {
  clusterM = $state<number>(ANALYSIS_DEFAULTS.clusterM);
  coverageM = $state<number>(ANALYSIS_DEFAULTS.coverageM);
  /** The fewest parks a cluster has (DBSCAN's minPoints). */
  minPoints = $state<number>(ANALYSIS_DEFAULTS.minPoints);
  /** The two scenarios: A (today, by default) and B (the plan's consolidation). */
  a = $state.raw<Scenario>(SCENARIO_TODAY);
  b = $state.raw<Scenario>(SCENARIO_CONSOLIDATED);
  /** Whether B is computed and shown beside A. */
  compare = $state(false);
  /** Which scenario the map's overlays show. */
  show = $state<'a' | 'b'>('a');
  /** A selection polygon the user draws on the map (vertices, lon/lat); empty when none. */
  area = $state.raw<[number, number][]>([]);
  /** The district outline, the study area of the Clark–Evans ratio; null until loaded. */
  studyArea = $state.raw<Polygon | MultiPolygon | null>(null);
  resultA = $state.raw<DispersionResult | null>(null);
  resultB = $state.raw<DispersionResult | null>(null);
  /** Places each scenario chose before duplicates were merged (the first count of "places → sites → counted"). */
  placesA = $state(0);
  placesB = $state(0);
  /** The significance tests of each scenario's parks (Monte Carlo, Donnelly, Ripley's L); null until computed. */
  significanceA = $state.raw<SignificanceResult | null>(null);
  significanceB = $state.raw<SignificanceResult | null>(null);
  /** The consolidation asked for (scenario A's parks gathered at hubs), and its result; off by default. */
  hubSettings = $state.raw<HubSettings>(HUBS_OFF);
  consolidation = $state.raw<ConsolidationResult | null>(null);
  /** Candidate hub sites the planner added on the map (lon/lat), named "Site 1, 2…" in this order. */
  sites = $state.raw<[number, number][]>([]);
  /** What a click adds while `app.drawing` is this dashboard's: the one drawing target serves both. */
  drawMode = $state<DrawMode>('area');
  /** The dashboard's words for a zone brief (brief.ts), handed over by its chunk when it runs; null until then. */
  briefWords: ((request: BriefRequest, lang: Lang) => BriefSection[]) | null = null;

  /** Its figures for a zone brief, once its chunk has run and a scenario is computed (see brief.ts). */
  briefSections(request: BriefRequest, lang: Lang): BriefSection[] {
    return this.briefWords?.(request, lang) ?? [];
  }

  /** Whether hubs are asked for. */
  get hubsOn(): boolean {
    return this.hubSettings.by === 'distance' || this.hubSettings.hubs > 0;
  }
  /**
   * Whether the dashboard's overlays are on the map: while its panel is open. A link may keep the dashboard's
   * settings without the panel; the overlays then wait until it opens, and leave when it closes.
   */
  onMap = $state(false);
  /** Whether an analysis is running (in the worker). */
  running = $state(false);
  /** Why the last run failed, in plain words; null when it did not. */
  error = $state<string | null>(null);

  /** What the map draws: the shown scenario's clusters, tree and coverage, and the drawn polygon. */
  get overlay(): FeatureCollection | null {
    const result = this.show === 'b' && this.compare ? this.resultB : this.resultA;
    const features: Feature[] = [...(result?.overlays.features ?? []), ...this.siteFeatures(), ...this.hubFeatures(), ...drawnAreaFeatures(this.area)];
    return features.length ? { type: 'FeatureCollection', features } : null;
  }

  /** The added sites, numbered as the panel names them, while hubs are asked for (they are only candidates for them). */
  private siteFeatures(): Feature[] {
    if (!this.hubsOn) return [];
    return this.sites.map((p, i) => ({ type: 'Feature', properties: { role: 'hub-site', n: i + 1 }, geometry: { type: 'Point', coordinates: [p[0], p[1]] } }));
  }

  /** The proposed hubs and a spoke from each park to its hub (scenario A's parks), while asked for. */
  private hubFeatures(): Feature[] {
    const c = this.hubsOn ? this.consolidation : null;
    const parks = new Map((this.resultA?.parks ?? []).map((p) => [p.id, p.centroid] as const));
    if (!c) return [];
    const hubAt = new Map(c.hubs.map((h) => [h.id, [h.lon, h.lat]]));
    return [
      ...c.assignments.flatMap((a): Feature[] => {
        const from = parks.get(a.parkId);
        const to = hubAt.get(a.hubId);
        return from && to && a.distanceM > 0
          ? [{ type: 'Feature', properties: { role: 'hub-spoke', lengthM: a.distanceM }, geometry: { type: 'LineString', coordinates: [from, to] } }]
          : [];
      }),
      ...c.hubs.map((h, i): Feature => ({
        type: 'Feature',
        properties: { role: 'hub', n: i + 1, parks: h.parks.length },
        geometry: { type: 'Point', coordinates: [h.lon, h.lat] },
      })),
    ];
  }

  /** A click while drawing: a vertex of the selection polygon or a hub site, as `drawMode` says. */
  addDrawPoint(point: [number, number]): void {
    if (this.drawMode === 'sites') this.addSite(point);
    else this.addVertex(point);
  }

  addVertex(point: [number, number]): void {
    this.area = withVertex(this.area, point);
  }

  /** Adds a candidate hub site, up to what a link carries. */
  addSite(point: [number, number]): void {
    if (this.sites.length < ANALYSIS_LIMITS.sites) this.sites = [...this.sites, roundSite(point)];
  }

  removeSite(index: number): void {
    this.sites = this.sites.filter((_, i) => i !== index);
  }

  sources(): Record<string, GeoJSONSourceSpecification> {
    return { analysis: { type: 'geojson', data: (this.onMap && this.overlay) || EMPTY_COLLECTION } };
  }

  /** The dashboard's part of a link: only what differs from the defaults. */
  toLink(): AnalysisLink | undefined {
    const out: AnalysisLink = {};
    if (this.clusterM !== ANALYSIS_DEFAULTS.clusterM) out.clusterM = this.clusterM;
    if (this.coverageM !== ANALYSIS_DEFAULTS.coverageM) out.coverageM = this.coverageM;
    if (this.minPoints !== ANALYSIS_DEFAULTS.minPoints) out.minPoints = this.minPoints;
    if (!same(this.a, SCENARIO_TODAY)) out.a = this.a;
    if (!same(this.b, SCENARIO_CONSOLIDATED)) out.b = this.b;
    if (this.compare) out.compare = true;
    if (this.show === 'b') out.show = 'b';
    if (this.area.length) out.area = this.area;
    if (this.hubsOn) out.hubs = { ...this.hubSettings };
    if (this.sites.length) out.sites = this.sites;
    return Object.keys(out).length ? out : undefined;
  }

  /** Restores the dashboard's part of a link (defaults where the link is silent). */
  apply(link: AnalysisLink | undefined): void {
    this.clusterM = link?.clusterM ?? ANALYSIS_DEFAULTS.clusterM;
    this.coverageM = link?.coverageM ?? ANALYSIS_DEFAULTS.coverageM;
    this.minPoints = link?.minPoints ?? ANALYSIS_DEFAULTS.minPoints;
    this.a = link?.a ?? SCENARIO_TODAY;
    this.b = link?.b ?? SCENARIO_CONSOLIDATED;
    this.compare = link?.compare ?? false;
    this.show = link?.show ?? 'a';
    this.area = link?.area ?? [];
    this.hubSettings = link?.hubs ?? HUBS_OFF;
    this.sites = link?.sites ?? [];
  }
}
