import type { Polygon, Position } from 'geojson';
import type { Fix } from './near.ts';

// Apart from near.ts (and its Turf), because the state draws the ring in the first view's code.

const EARTH_RADIUS_M = 6371008.8;
const RAD = Math.PI / 180;

/**
 * A circle of `radiusM` around the fix as a polygon of `steps` vertices (the accuracy ring): each vertex the
 * great-circle destination at its bearing, so the ring stays round at any latitude the map shows.
 */
export function accuracyRing(fix: Fix, radiusM = fix.accuracy, steps = 64): Polygon {
  const φ1 = fix.lat * RAD;
  const λ1 = fix.lon * RAD;
  const δ = Math.max(0, radiusM) / EARTH_RADIUS_M;
  const ring: Position[] = [];
  for (let i = 0; i < steps; i++) {
    const θ = (2 * Math.PI * i) / steps;
    const φ2 = Math.asin(Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(θ));
    const λ2 = λ1 + Math.atan2(Math.sin(θ) * Math.sin(δ) * Math.cos(φ1), Math.cos(δ) - Math.sin(φ1) * Math.sin(φ2));
    ring.push([λ2 / RAD, φ2 / RAD]);
  }
  ring.push([...ring[0]!]);
  return { type: 'Polygon', coordinates: [ring] };
}
