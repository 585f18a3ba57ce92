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
