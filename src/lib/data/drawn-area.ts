import type { Feature, Polygon } from 'geojson';

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

/** The most vertices a drawing keeps (a drone sketch, a selection polygon): what a link can carry. */
export const DRAWN_VERTICES_MAX = 50;

// Six decimals: about 0.1 m, far finer than a click, and short in links.
export const roundVertex = ([lon, lat]: readonly [number, number]): [number, number] => [Number(lon.toFixed(6)), Number(lat.toFixed(6))];

/** A drawing's vertex list with one more vertex (rounded to ~0.1 m), up to the link's limit; a new array each time. */
export function withVertex(vertices: readonly [number, number][], point: [number, number]): [number, number][] {
  if (vertices.length >= DRAWN_VERTICES_MAX) return [...vertices];
  return [...vertices, roundVertex(point)];
}

