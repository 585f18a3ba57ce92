import gcoord from 'gcoord';
import { message } from './messages.ts';
import type { Crs, ImportMessage } from './types.ts';

/** West, south, east, north in degrees. */
export type BBox = readonly [number, number, number, number];

/** A generous box around Shanghai municipality: listings outside it are refused. */
export const SHANGHAI_BBOX: BBox = [120.8, 30.6, 122.2, 31.9];

const GCOORD_CRS = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

/** Converts a lon/lat from `crs` to WGS-84 (GCJ-02 and BD-09 through `gcoord`; about 1 m accuracy in China). */
export function toWgs84(lonlat: readonly [number, number], crs: Crs): [number, number] {
  if (crs === 'wgs84') return [lonlat[0], lonlat[1]];
  const [lon, lat] = gcoord.transform([lonlat[0], lonlat[1]], GCOORD_CRS[crs], gcoord.WGS84) as [number, number];
  return [lon, lat];
}

/** Converts a WGS-84 lon/lat to `crs`: how a point would be written by a map that uses it. */
export function fromWgs84(lonlat: readonly [number, number], crs: Crs): [number, number] {
  if (crs === 'wgs84') return [lonlat[0], lonlat[1]];
  const [lon, lat] = gcoord.transform([lonlat[0], lonlat[1]], gcoord.WGS84, GCOORD_CRS[crs]) as [number, number];
  return [lon, lat];
}

const inBox = (lon: number, lat: number, b: BBox) => lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];
/** Degrees to six decimals (about 0.1 m): as positions are kept. */
export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Checks a lon/lat as written in the file and converts it to WGS-84. Refused: values that are no longitude and
 * latitude at all, points outside `bbox`, and points that would be inside it with the two numbers exchanged —
 * those are reported as swapped (with a hint to swap the columns) rather than silently swapped, because a file
 * that mixes both orders deserves a look.
 */
export function checkPoint(lonlat: readonly [number, number], crs: Crs, bbox: BBox = SHANGHAI_BBOX): { lonlat: [number, number] } | { error: ImportMessage } {
  const [lon, lat] = lonlat;
  const params = { lon: round6(lon), lat: round6(lat) };
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return { error: message('row-bad-coordinates', { value: `${lon}, ${lat}` }) };
  // The conversions move a point by at most ~1.3 km: the box test on the written values is as good as after.
  if (!inBox(lon, lat, bbox) && inBox(lat, lon, bbox)) return { error: message('row-coordinates-swapped', params) };
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return { error: message('row-out-of-range', params) };
  const wgs = toWgs84([lon, lat], crs);
  if (!inBox(wgs[0], wgs[1], bbox)) return { error: message('row-outside-area', params) };
  return { lonlat: [round6(wgs[0]), round6(wgs[1])] };
}

/** Great-circle distance in metres (haversine, mean Earth radius). */
export function distanceM(a: readonly [number, number], b: readonly [number, number]): number {
  const r = Math.PI / 180;
  const dLat = (b[1] - a[1]) * r;
  const dLon = (b[0] - a[0]) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * r) * Math.cos(b[1] * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}
