import { describe, expect, it } from 'vitest';
import { bestOf, listingFacts, PARK_RADIUS_M, type FactsContext, type ListingFacts } from './compare.ts';
import type { Listing } from './types.ts';
import type { SearchEntry } from '../../lib/search/types.ts';

const ARC_001 = (6371008.8 * 0.01 * Math.PI) / 180; // 1111.95 m along a meridian

const station = (id: string, lon: number, lat: number): SearchEntry => ({
  id: `place:${id}`,
  kind: 'station',
  name_zh: `${id}站`,
  name_en: `${id} Station`,
  pinyin: id,
  initials: id,
  lon,
  lat,
  source: 'OpenStreetMap',
});

const listing = (id: string, over: Partial<Listing>): Listing => ({
  id: `t:${id}`,
  inventoryId: 't',
  name: id,
  areaM2: 100,
  spaceType: 'office',
  industries: [],
  source: 'hand-made',
  lon: 121.5,
  lat: 31.3,
  sample: false,
  ...over,
});

const context: FactsContext = {
  stations: [station('north', 121.5, 31.31), station('south', 121.5, 31.295)],
  zones: [
    {
      id: 'zone-future-valley',
      name_zh: '未来谷',
      name_en: 'Future Valley',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [121.49, 31.29],
            [121.51, 31.29],
            [121.51, 31.305],
            [121.49, 31.305],
            [121.49, 31.29],
          ],
        ],
      },
    },
  ],
  parks: [
    { id: 'sp-near', name_zh: '近园', name_en: 'Near park', geometry: { type: 'Point', coordinates: [121.5, 31.309] } },
    { id: 'sp-edge', name_zh: '边园', name_en: 'Edge park', geometry: { type: 'Point', coordinates: [121.5, 31.3134] } },
    { id: 'sp-far', name_zh: '远园', name_en: 'Far park', geometry: { type: 'Point', coordinates: [121.5, 31.33] } },
    {
      id: 'sp-area',
      name_zh: '片区园',
      name_en: 'Area park',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [121.49, 31.2],
            [121.51, 31.2],
            [121.51, 31.29],
            [121.49, 31.29],
            [121.49, 31.2],
          ],
        ],
      },
    },
  ],
};

describe('listingFacts', () => {
  it('names the nearest station and its distance, the zone and the science parks within the radius, nearest first', () => {
    const facts = listingFacts(listing('a', {}), context);
    expect(facts.station?.id).toBe('place:south');
    expect(facts.station?.distanceM).toBeCloseTo(ARC_001 * 0.5, 0);
    expect(facts.zones.map((z) => z.id)).toEqual(['zone-future-valley']);
    // 0.009° = 1000.8 m, the polygon's north edge 0.01° = 1112 m, 0.0134° = 1490 m; 0.03° is too far.
    expect(facts.parks.map((p) => p.id)).toEqual(['sp-near', 'sp-area', 'sp-edge']);
    expect(facts.parks[0]!.distanceM).toBeCloseTo(ARC_001 * 0.9, 0);
    expect(facts.parks[1]!.distanceM).toBeCloseTo(ARC_001, 0);
    expect(PARK_RADIUS_M).toBe(1500);
  });

  it('takes the radius as an option; outside every zone there is none', () => {
    const facts = listingFacts(listing('b', { lon: 121.52, lat: 31.3095 }), context, { parkRadiusM: 2500 });
    expect(facts.zones).toEqual([]);
    expect(facts.station?.id).toBe('place:north');
    // Near: 1.9 km east-west, 0.05 km north-south; the area park's corner about 2.37 km; the far park about 2.97 km.
    expect(facts.parks.map((p) => p.id)).toEqual(['sp-near', 'sp-edge', 'sp-area']);
    expect(listingFacts(listing('b', { lon: 121.52, lat: 31.3095 }), context, { parkRadiusM: 3000 }).parks.map((p) => p.id)).toContain('sp-far');
  });

  it('has no station when none is known', () => {
    expect(listingFacts(listing('c', {}), { ...context, stations: [] }).station).toBeNull();
  });

  it('does not change its inputs', () => {
    const before = JSON.stringify(context);
    listingFacts(listing('a', {}), context);
    expect(JSON.stringify(context)).toBe(before);
  });
});

describe('bestOf', () => {
  const facts = new Map<string, ListingFacts>();
  const a = listing('a', { areaM2: 300, rentMin: 3, rentMax: 4, availableFrom: '2026-01-01' });
  const b = listing('b', { areaM2: 800, rentMin: 5, availableFrom: '2025-09-01' });
  const c = listing('c', { areaM2: 800 });
  facts.set(a.id, { station: { id: 's', name_zh: 's', name_en: 's', distanceM: 420.4 }, zones: [], parks: [] });
  facts.set(b.id, { station: { id: 's', name_zh: 's', name_en: 's', distanceM: 900 }, zones: [], parks: [] });

  it('marks the largest area (ties all), the lowest rent, the earliest date, the nearest station', () => {
    const best = bestOf([a, b, c], (l) => facts.get(l.id));
    expect([...best.area].sort()).toEqual(['t:b', 't:c']);
    expect([...best.rent]).toEqual(['t:a']);
    expect([...best.available]).toEqual(['t:b']);
    expect([...best.station]).toEqual(['t:a']);
  });

  it('ranks rent by the range’s upper end, then its lower end: 4.2–4.8 is not cheaper than a flat 4.3', () => {
    const range = listing('r', { rentMin: 4.2, rentMax: 4.8 });
    const flat = listing('f', { rentMin: 4.3, rentMax: 4.3 });
    expect([...bestOf([range, flat], () => undefined).rent]).toEqual(['t:f']);
    // Same upper end: the lower start decides.
    const lower = listing('l', { rentMin: 3.9, rentMax: 4.8 });
    expect([...bestOf([range, lower], () => undefined).rent]).toEqual(['t:l']);
    // The same range twice is a tie, not a winner.
    expect(bestOf([range, listing('q', { rentMin: 4.2, rentMax: 4.8 })], () => undefined).rent.size).toBe(0);
  });

  it('marks nothing with fewer than two known values, or when all are equal', () => {
    const best = bestOf([a, c], (l) => facts.get(l.id));
    expect(best.rent.size).toBe(0);
    expect(best.station.size).toBe(0);
    expect(bestOf([b, c], () => undefined).area.size).toBe(0);
  });
});
