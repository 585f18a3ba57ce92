import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

/** Quantisation of echarts' compressed map geometry: 1/1024 degree. */
export const ECHARTS_SCALE = 1024;

/**
 * Decodes one ring of echarts' `UTF8Encoding` geometry: pairs of characters, each minus 64,
 * zigzag-decoded, accumulated from the ring's `encodeOffsets` start and divided by 1024.
 */
export function decodeRing(encoded: string, offset: readonly [number, number], scale = ECHARTS_SCALE): Position[] {
  if (encoded.length % 2 !== 0) throw new Error(`echarts ring has an odd number of characters (${encoded.length})`);
  const ring: Position[] = [];
  let x = offset[0];
  let y = offset[1];
  for (let i = 0; i < encoded.length; i += 2) {
    const dx = encoded.charCodeAt(i) - 64;
    const dy = encoded.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    ring.push([x / scale, y / scale]);
  }
  return closeRing(ring);
}

function closeRing(ring: Position[]): Position[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([first[0]!, first[1]!]);
  return ring;
}

interface EchartsGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown;
  encodeOffsets: unknown;
}

interface EchartsMap {
  type: 'FeatureCollection';
  UTF8Encoding?: boolean;
  features: { type: 'Feature'; properties: Record<string, unknown>; geometry: EchartsGeometry }[];
}

/** Decodes an echarts 4 map file into plain GeoJSON, coordinates still in the file's own datum. */
export function decodeEchartsMap(map: EchartsMap): FeatureCollection<Polygon | MultiPolygon> {
  if (!map.UTF8Encoding) {
    return map as unknown as FeatureCollection<Polygon | MultiPolygon>;
  }
  const features = map.features.map((f): Feature<Polygon | MultiPolygon> => {
    const g = f.geometry;
    if (g.type === 'Polygon') {
      const rings = g.coordinates as string[];
      const offsets = g.encodeOffsets as [number, number][];
      return {
        type: 'Feature',
        properties: { ...f.properties },
        geometry: { type: 'Polygon', coordinates: rings.map((r, i) => decodeRing(r, offsets[i]!)) },
      };
    }
    const polys = g.coordinates as string[][];
    const offsets = g.encodeOffsets as [number, number][][];
    return {
      type: 'Feature',
      properties: { ...f.properties },
      geometry: {
        type: 'MultiPolygon',
        coordinates: polys.map((rings, i) => rings.map((r, j) => decodeRing(r, offsets[i]![j]!))),
      },
    };
  });
  return { type: 'FeatureCollection', features };
}
