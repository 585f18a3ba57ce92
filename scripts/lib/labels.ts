import polylabel from 'polylabel';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import area from '@turf/area';

/**
 * One label point per polygon feature, at the pole of inaccessibility of its largest part (so the label sits
 * well inside odd shapes, unlike a centroid); properties are copied.
 */
export function labelPoints<P extends Record<string, unknown>>(fc: FeatureCollection<Polygon | MultiPolygon, P>): FeatureCollection<Point, P> {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f): Feature<Point, P> => {
      const parts = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      let largest = parts[0]!;
      let best = -1;
      for (const rings of parts) {
        const a = area({ type: 'Polygon', coordinates: rings });
        if (a > best) [best, largest] = [a, rings];
      }
      // Precision in degrees: ~10 m is plenty for a label.
      const p = polylabel(largest as [number, number][][], 0.0001);
      return { type: 'Feature', id: f.id, properties: { ...f.properties }, geometry: { type: 'Point', coordinates: [p[0]!, p[1]!] } };
    }),
  };
}
