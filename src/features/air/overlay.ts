import type { Feature, FeatureCollection } from 'geojson';
import type { AirResult, RouteAnalysis } from './types.ts';

function routeFeatures(r: RouteAnalysis, kind: 'route' | 'sketch'): Feature[] {
  return [
    {
      type: 'Feature',
      properties: {
        role: 'corridor',
        kind,
        route: r.id,
        name_zh: r.name_zh,
        name_en: r.name_en,
        base: r.altitude[0],
        top: r.altitude[1],
        conflicts: r.conflicts.length,
      },
      geometry: r.corridor.geometry,
    },
    ...r.conflicts.map((c, i): Feature => ({
      type: 'Feature',
      properties: { role: 'conflict', route: r.id, kind: c.kind, how: c.how, n: i + 1, name_zh: c.name_zh, name_en: c.name_en },
      geometry: { type: 'Point', coordinates: c.location },
    })),
  ];
}

/**
 * What the map draws for the low-altitude analysis, as one GeoJSON collection told apart by `role`: corridors
 * (extruded to their altitude band), conflict points, and the sketch's line and numbered vertices.
 */
export function airOverlay(air: AirResult | null, sketch: readonly [number, number][]): FeatureCollection {
  const features: Feature[] = [];
  for (const r of air?.routes ?? []) features.push(...routeFeatures(r, 'route'));
  if (air?.sketch) features.push(...routeFeatures(air.sketch, 'sketch'));
  if (sketch.length >= 2) {
    features.push({ type: 'Feature', properties: { role: 'sketch-line' }, geometry: { type: 'LineString', coordinates: sketch.map((p) => [...p]) } });
  }
  sketch.forEach((p, i) =>
    features.push({ type: 'Feature', properties: { role: 'sketch-vertex', n: i + 1 }, geometry: { type: 'Point', coordinates: [...p] } }),
  );
  return { type: 'FeatureCollection', features };
}
