import type { Feature, Polygon } from 'geojson';
import { DRAWN_VERTICES_MAX, roundVertex } from './vertex.ts';

export { DRAWN_VERTICES_MAX, roundVertex } from './vertex.ts';

/** A drawn polygon (vertices lon/lat, open ring) as a closed GeoJSON polygon; null with fewer than three vertices. */
export function drawnPolygon(vertices: readonly (readonly [number, number])[] | undefined): Polygon | null {
  if (!vertices || vertices.length < 3) return null;
  const ring = vertices.map(([x, y]) => [x, y]);
  ring.push([vertices[0]![0], vertices[0]![1]]);
  return { type: 'Polygon', coordinates: [ring] };
}

/**
 * What the map draws of a polygon being drawn, told apart by `role`: the closed polygon ('area', from three
 * vertices), or its single edge ('area-line', with two), then the numbered vertices ('area-vertex', `n` from 1).
 */
export function drawnAreaFeatures(vertices: readonly (readonly [number, number])[]): Feature[] {
  const features: Feature[] = [];
  const polygon = drawnPolygon(vertices);
  if (polygon) features.push({ type: 'Feature', properties: { role: 'area' }, geometry: polygon });
  else if (vertices.length === 2) {
    features.push({ type: 'Feature', properties: { role: 'area-line' }, geometry: { type: 'LineString', coordinates: vertices.map(([x, y]) => [x, y]) } });
  }
  vertices.forEach(([x, y], i) => features.push({ type: 'Feature', properties: { role: 'area-vertex', n: i + 1 }, geometry: { type: 'Point', coordinates: [x, y] } }));
  return features;
}


/** A drawing's vertex list with one more vertex (rounded to ~0.1 m), up to the link's limit; a new array each time. */
export function withVertex(vertices: readonly [number, number][], point: [number, number]): [number, number][] {
  if (vertices.length >= DRAWN_VERTICES_MAX) return [...vertices];
  return [...vertices, roundVertex(point)];
}

