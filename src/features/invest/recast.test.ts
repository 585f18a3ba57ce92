import { describe, expect, it } from 'vitest';
import { distanceM, fromWgs84, toWgs84 } from '../../lib/import/coords.ts';
import { recastInventory, writtenOf } from './recast.ts';
import type { Inventory, Listing } from './types.ts';

// Two offers at known places (WGS-84), as a GCJ-02 file writes them.
const TRUE: [number, number][] = [
  [121.51007, 31.29974],
  [121.52605, 31.25691],
];
const listing = (i: number, lonlat: [number, number], written?: [number, number]): Listing => ({
  id: `inv:${i}`,
  inventoryId: 'inv',
  name: `offer ${i}`,
  areaM2: 100,
  spaceType: 'office',
  industries: [],
  source: 'test',
  lon: lonlat[0],
  lat: lonlat[1],
  sample: false,
  ...(written && { written }),
});
// Imported in error as WGS-84: the positions are the file's numbers.
const wrong = (keepWritten: boolean): Inventory => ({
  id: 'inv',
  name: 'offers',
  fileName: 'offers.csv',
  importedAt: '2026-12-05T00:00:00Z',
  crs: 'wgs84',
  sample: false,
  listings: TRUE.map((p, i) => {
    const w = fromWgs84(p, 'gcj02');
    return listing(i, w, keepWritten ? w : undefined);
  }),
});

describe('recastInventory', () => {
  for (const keepWritten of [true, false])
    it(`moves every listing onto its place when the right system is chosen (${keepWritten ? 'numbers kept' : 'older inventory'})`, () => {
      const before = wrong(keepWritten);
      const snapshot = JSON.stringify(before);
      const { inventory, movedM } = recastInventory(before, 'gcj02');
      expect(inventory.crs).toBe('gcj02');
      inventory.listings.forEach((l, i) => expect(distanceM([l.lon, l.lat], TRUE[i]!)).toBeLessThan(1));
      expect(inventory.listings.map((l) => l.id)).toEqual(['inv:0', 'inv:1']);
      // GCJ-02 read as WGS-84 is about 480 m off in Shanghai.
      expect(movedM).toBeGreaterThan(400);
      expect(movedM).toBeLessThan(600);
      expect(JSON.stringify(before)).toBe(snapshot);
    });

  it('comes back to the same place after changing there and back', () => {
    const start = wrong(true);
    const there = recastInventory(start, 'bd09').inventory;
    const back = recastInventory(there, 'wgs84').inventory;
    back.listings.forEach((l, i) => expect(distanceM([l.lon, l.lat], [start.listings[i]!.lon, start.listings[i]!.lat])).toBeLessThan(0.2));
  });

  it("works back an older listing's numbers from the system its inventory was read in", () => {
    // Kept before listings carried their numbers, read (rightly) as GCJ-02: its position is the truth.
    const older = listing(0, TRUE[0]!);
    expect(distanceM(writtenOf(older, 'gcj02'), fromWgs84(TRUE[0]!, 'gcj02'))).toBeLessThan(0.2);
    expect(distanceM(toWgs84(writtenOf(older, 'gcj02'), 'gcj02'), TRUE[0]!)).toBeLessThan(1);
    // A listing that has its numbers gives them whatever the system.
    expect(writtenOf(listing(1, TRUE[1]!, [1, 2]), 'bd09')).toEqual([1, 2]);
  });

  it('changes nothing when the system is the same', () => {
    const start = wrong(true);
    expect(recastInventory(start, 'wgs84')).toEqual({ inventory: start, movedM: 0 });
  });
});
