import type { Geometry } from 'geojson';
import type { RawFeature } from './types.ts';

export function osmId(f: RawFeature): string {
  const type = String(f.properties['@type'] ?? '');
  const prefix = type === 'relation' ? 'r' : type === 'way' ? 'w' : 'n';
  return `${prefix}${String(f.properties['@id'])}`;
}

function isAreaGeometry(g: Geometry): boolean {
  return g.type === 'Polygon' || g.type === 'MultiPolygon';
}

/** One OSM object may legitimately yield a line and an area; each is merged separately. */
function mergeKey(f: RawFeature): string {
  return `${osmId(f)}:${isAreaGeometry(f.geometry) ? 'area' : 'line'}`;
}

function countCoords(g: Geometry): number {
  switch (g.type) {
    case 'Point':
      return 1;
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates.length;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.reduce((n, r) => n + r.length, 0);
    case 'MultiPolygon':
      return g.coordinates.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
    case 'GeometryCollection':
      return g.geometries.reduce((n, x) => n + countCoords(x), 0);
  }
}

const TYPE_ORDER: Record<string, number> = { n: 0, w: 1, r: 2 };
function byOsmId(a: RawFeature, b: RawFeature): number {
  const ia = osmId(a);
  const ib = osmId(b);
  const t = (TYPE_ORDER[ia[0] ?? ''] ?? 3) - (TYPE_ORDER[ib[0] ?? ''] ?? 3);
  if (t !== 0) return t;
  const n = Number(ia.slice(1)) - Number(ib.slice(1));
  if (n !== 0) return n;
  return Number(isAreaGeometry(a.geometry)) - Number(isAreaGeometry(b.geometry));
}

/**
 * Keeps one feature per OSM object and geometry kind, the copy with the most coordinates winning, in OSM id
 * order so that the layers do not depend on the order of the files.
 */
export function mergeByOsmId(lists: readonly RawFeature[][]): RawFeature[] {
  const merged = new Map<string, RawFeature>();
  for (const features of lists) {
    for (const f of features) {
      const key = mergeKey(f);
      const prev = merged.get(key);
      if (!prev || countCoords(f.geometry) > countCoords(prev.geometry)) merged.set(key, f);
    }
  }
  return [...merged.values()].sort(byOsmId);
}
