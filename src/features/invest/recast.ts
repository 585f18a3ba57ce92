import { distanceM, fromWgs84, round6, toWgs84 } from '../../lib/import/coords.ts';
import type { Crs } from '../../lib/import/types.ts';
import type { Inventory, Listing } from './types.ts';

/**
 * A listing's numbers as its file wrote them: kept since the import; for a listing kept before that, worked back from
 * its position and the system its inventory was read in.
 */
export const writtenOf = (l: Listing, crs: Crs): [number, number] => l.written ?? fromWgs84([l.lon, l.lat], crs);

/**
 * An inventory read again in another coordinate system, without its file: each listing's numbers as the file wrote
 * them (`writtenOf`) are converted from `crs`. Ids, pins and everything else stay. Also says how far the listings moved (median, metres).
 */
export function recastInventory(inventory: Inventory, crs: Crs): { inventory: Inventory; movedM: number } {
  if (inventory.crs === crs) return { inventory, movedM: 0 };
  const moves: number[] = [];
  const listings = inventory.listings.map((l) => {
    const written = writtenOf(l, inventory.crs);
    const [lon, lat] = toWgs84(written, crs).map(round6) as [number, number];
    moves.push(distanceM([l.lon, l.lat], [lon, lat]));
    return { ...l, lon, lat, written: [written[0], written[1]] as [number, number] };
  });
  moves.sort((a, b) => a - b);
  const movedM = moves.length ? Math.round(moves[moves.length >> 1]!) : 0;
  return { inventory: { ...inventory, crs, listings }, movedM };
}
