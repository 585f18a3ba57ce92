import type { Feature, FeatureCollection } from 'geojson';
import type { AirResult, RouteAnalysis } from './types.ts';

function corridorFeature(r: RouteAnalysis, kind: 'route' | 'sketch'): Feature {
  return {
    type: 'Feature',
    properties: {
      role: 'corridor',
      kind,
      route: r.id,
      name_zh: r.name_zh,
      name_en: r.name_en,
      base: r.altitude[0],
      top: r.altitude[1],
      conflicts: r.obstacles.length,
    },
    geometry: r.corridor.geometry,
  };
}

// A point at each place the route meets an obstacle, numbered as the panel lists the obstacle: a road crossed twice
// has two points with one number.
function conflictFeatures(r: RouteAnalysis): Feature[] {
  return r.obstacles.flatMap((o, i) =>
    o.locations.map((location): Feature => ({
      type: 'Feature',
      properties: { role: 'conflict', route: r.id, kind: o.kind, how: o.how, n: i + 1, name_zh: o.name_zh, name_en: o.name_en },
      geometry: { type: 'Point', coordinates: location },
    })),
  );
}

/** What the overlay shows: everything while the drones panel is open; else only what a layer row asks for by itself. */
export interface AirOverlayOptions {
  /** Whether the drones panel is open. Default true. */
  panel?: boolean;
}

/**
 * What the map draws for the low-altitude analysis, as one GeoJSON collection told apart by `role`: corridors
 * (extruded to their altitude band), conflict points, and the sketch's line and numbered vertices.
 *
 * The conflicts and the sketch (its line, points and corridor) are the panel's working view: they leave the map with
 * the panel and come back with it. The reported routes' corridors are a layer row anyone may switch on from the layer
 * panel, so they stay whenever that row is on.
 */
export function airOverlay(air: AirResult | null, sketch: readonly [number, number][], options: AirOverlayOptions = {}): FeatureCollection {
  const panel = options.panel ?? true;
  const features: Feature[] = [];
  for (const r of air?.routes ?? []) {
    features.push(corridorFeature(r, 'route'));
    if (panel) features.push(...conflictFeatures(r));
  }
  if (!panel) return { type: 'FeatureCollection', features };
  if (air?.sketch) features.push(corridorFeature(air.sketch, 'sketch'), ...conflictFeatures(air.sketch));
  if (sketch.length >= 2) {
    features.push({ type: 'Feature', properties: { role: 'sketch-line' }, geometry: { type: 'LineString', coordinates: sketch.map((p) => [...p]) } });
  }
  sketch.forEach((p, i) =>
    features.push({ type: 'Feature', properties: { role: 'sketch-vertex', n: i + 1 }, geometry: { type: 'Point', coordinates: [...p] } }),
  );
  return { type: 'FeatureCollection', features };
}
