import type { Map as MlMap } from 'maplibre-gl';
import { centreOffset } from './interactions.ts';

type Padding = { top: number; right: number; bottom: number; left: number };

/** Whether the screen point `p` lies in the part of a `width`×`height` map that `padding` leaves clear. */
export function inClear(p: { x: number; y: number }, width: number, height: number, padding: Padding): boolean {
  return p.x >= padding.left && p.x <= width - padding.right && p.y >= padding.top && p.y <= height - padding.bottom;
}

/** What to keep in sight: a place's point, and its extent when it has one. */
export type Target = { lon: number; lat: number; bbox?: [number, number, number, number] | number[] };

/**
 * Moves the map, if need be, so that `target` is out from under the panels and cards (the bands `padding` gives):
 * its extent fitted into the clear part, or its point eased to the middle of it. A map already moving (a flight to
 * the place, framed with the panels as they were) is checked again when it stops, as the overlays may have changed
 * meanwhile (a phone's card replacing the sheet). Returns what undoes the wait.
 */
export function keepClear(map: MlMap, target: Target, padding: () => Padding): () => void {
  const check = () => {
    const canvas = map.getCanvas();
    const [w, h] = [canvas.clientWidth, canvas.clientHeight];
    const pad = padding();
    // Too little is left to show anything in (a sheet pulled up over the whole map): the map stays where it is.
    if (w - pad.left - pad.right < 48 || h - pad.top - pad.bottom < 48) return;
    const b = target.bbox;
    const corners: [number, number][] = b
      ? [
          [b[0]!, b[1]!],
          [b[2]!, b[3]!],
          [b[0]!, b[3]!],
          [b[2]!, b[1]!],
        ]
      : [[target.lon, target.lat]];
    if (corners.every((c) => inClear(map.project(c), w, h, pad))) return;
    const duration = matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 400;
    if (b) map.fitBounds([b[0]!, b[1]!, b[2]!, b[3]!], { padding: pad, duration, maxZoom: Math.max(map.getZoom(), 12) });
    else map.easeTo({ center: [target.lon, target.lat], offset: centreOffset(pad), duration });
  };
  if (!map.isMoving()) {
    check();
    return () => {};
  }
  map.once('moveend', check);
  return () => map.off('moveend', check);
}
