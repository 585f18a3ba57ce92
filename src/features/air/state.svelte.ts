import type { GeoJSONSourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import { withVertex } from '../../lib/data/drawn-area.ts';
import type { FeatureState } from '../../lib/state/feature.ts';
import { AIR_DEFAULTS } from './defaults.ts';
import type { AirLink } from './link.ts';
import { airOverlay } from './overlay.ts';
import type { AirResult } from './types.ts';

/** The drawing target of the drone-route sketch (`app.drawing`). */
export const SKETCH_TARGET = 'sketch';

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

  /** Whether something asks for the analysis: its panel, the corridors on the map, or a sketch. */
  wanted(panel: string, visible: Record<string, boolean>): boolean {
    return panel === 'air' || Boolean(visible.corridors) || this.sketch.length > 0;
  }

  /** Adds a vertex to the sketch (up to the link's limit), as a new array so every change is a clean update. */
  addDrawPoint(point: [number, number]): void {
    this.sketch = withVertex(this.sketch, point);
  }

  sources(): Record<string, GeoJSONSourceSpecification> {
    return { air: { type: 'geojson', data: airOverlay(this.result, this.sketch) } };
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
  }
}
