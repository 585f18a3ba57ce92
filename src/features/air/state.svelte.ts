import type { GeoJSONSourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import { withVertex } from '../../lib/data/drawn-area.ts';
import type { AppState } from '../../lib/state/app.svelte.ts';
import type { FeatureState } from '../../lib/state/feature.ts';
import { AIR_DEFAULTS } from './defaults.ts';
import type { AirLink } from './link.ts';
import { airOverlay } from './overlay.ts';
import type { AirResult } from './types.ts';

/** The drawing target of the drone-route sketch (`app.drawing`). */
export const SKETCH_TARGET = 'sketch';
/** The layer row of the extruded corridors (layers.ts). */
export const CORRIDORS_ROW = 'corridors';
/** From this pitch (°) on the map counts as tilted: below it an extrusion of 120 m hardly stands out from its base. */
export const TILTED_DEG = 10;
/** The 3D view's pitch: MapLibre's default maximum, where the corridors' altitude bands stand out most. */
export const PITCH_3D = 60;

/** What the low-altitude state reads and asks of the application: the open panel, the rows and the camera. */
export type AirHost = Pick<AppState, 'panel' | 'visible' | 'view' | 'toggle' | 'requestCamera'>;

/** The low-altitude analysis's part of the application state (`app.features.air`). */
export class AirState implements FeatureState<AirLink> {
  /** Drone corridor width (m) and cruise speed (km/h). */
  corridorWidth = $state<number>(AIR_DEFAULTS.corridorWidth);
  cruiseKmh = $state<number>(AIR_DEFAULTS.cruiseKmh);
  /** The planner's drone-route sketch: vertices, lon/lat. */
  sketch = $state.raw<[number, number][]>([]);
  /** Corridors, profiles and conflicts of the routes and the sketch; null until computed. */
  result = $state.raw<AirResult | null>(null);
  /** Elevated roads and sensitive areas the conflict check uses (public/data/obstacles.geojson). */
  obstacles = $state.raw<FeatureCollection | null>(null);
  /**
   * Whether the 3D view switched the corridors' row on, so that leaving it puts the row back off. Not in the link:
   * the link has the row and the pitch, which are the 3D view; this only remembers how the user had the row.
   */
  private corridorsLent = false;
  private readonly app: AirHost;

  constructor(app: AirHost) {
    this.app = app;
  }

  /** Whether something asks for the analysis: its panel, the corridors on the map, or a sketch. */
  wanted(panel: string, visible: Record<string, boolean>): boolean {
    return panel === 'air' || Boolean(visible[CORRIDORS_ROW]) || this.sketch.length > 0;
  }

  /** The map is tilted enough for the corridors' extrusion to show (as the map last reported its camera). */
  get tilted(): boolean {
    return (this.app.view?.pitch ?? 0) >= TILTED_DEG;
  }

  /** The 3D view: derived from the camera and the corridors' row, the two things the link keeps. */
  get threeD(): boolean {
    return this.tilted && Boolean(this.app.visible[CORRIDORS_ROW]);
  }

  /** The map is tilted but there are no corridors to see standing: the drones panel suggests turning them on. */
  get tiltedWithoutCorridors(): boolean {
    return this.tilted && !this.app.visible[CORRIDORS_ROW];
  }

  /**
   * Turns the 3D view on (the corridors' row on, the map pitched to {@link PITCH_3D}, the bearing kept) or off (the
   * map flat, the row put back off if the 3D view switched it on and it is still on as it was left).
   */
  setThreeD(on: boolean): void {
    const view = this.app.view;
    if (on) {
      this.showCorridors();
      if (view && view.pitch !== PITCH_3D) this.app.requestCamera({ kind: 'view', view: { ...view, pitch: PITCH_3D } });
      return;
    }
    // A user who switched the row off meanwhile has it off already; one who left it on keeps it only if it was theirs.
    if (this.corridorsLent && this.app.visible[CORRIDORS_ROW]) this.app.toggle(CORRIDORS_ROW, false);
    this.corridorsLent = false;
    if (view && view.pitch !== 0) this.app.requestCamera({ kind: 'view', view: { ...view, pitch: 0 } });
  }

  /** Switches the corridors' row on, remembering that it was off (the tilt hint's button; the 3D view). */
  showCorridors(): void {
    if (this.app.visible[CORRIDORS_ROW]) return;
    this.app.toggle(CORRIDORS_ROW, true);
    this.corridorsLent = true;
  }

  /** Adds a vertex to the sketch (up to the link's limit), as a new array so every change is a clean update. */
  addDrawPoint(point: [number, number]): void {
    this.sketch = withVertex(this.sketch, point);
  }

  sources(): Record<string, GeoJSONSourceSpecification> {
    return { air: { type: 'geojson', data: airOverlay(this.result, this.sketch, { panel: this.app.panel === 'air' }) } };
  }

  toLink(): AirLink | undefined {
    const out: AirLink = {};
    if (this.sketch.length) out.sketch = this.sketch;
    if (this.corridorWidth !== AIR_DEFAULTS.corridorWidth) out.corridorWidth = this.corridorWidth;
    if (this.cruiseKmh !== AIR_DEFAULTS.cruiseKmh) out.cruiseKmh = this.cruiseKmh;
    return Object.keys(out).length ? out : undefined;
  }

  apply(link: AirLink | undefined): void {
    this.sketch = link?.sketch ?? [];
    this.corridorWidth = link?.corridorWidth ?? AIR_DEFAULTS.corridorWidth;
    this.cruiseKmh = link?.cruiseKmh ?? AIR_DEFAULTS.cruiseKmh;
    // A link (a load, back or forward) sets the row as it was then: whatever the 3D view switched on is no longer known.
    this.corridorsLent = false;
  }
}
