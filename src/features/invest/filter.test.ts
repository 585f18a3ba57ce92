import type { Polygon } from 'geojson';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawnPolygon } from '../../lib/data/drawn-area.ts';
import { activeFilterCount, filterListings, sortListings, stationDistanceOf, type FilterContext } from './filter.ts';
import type { Listing } from './types.ts';

// 0.01° of latitude is 1111.95 m on Turf's sphere: distances below are worked from that.
const ARC_001 = (6371008.8 * 0.01 * Math.PI) / 180;

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

// A: small office by the station, inside the square zone; B: big lab 1.1 km north; C: coworking desk with no rent
// and no date, far east; D: light industrial, rent 2–3, inside the drawn triangle.
const A = listing('a', {
  areaM2: 80,
  spaceType: 'office',
  industries: ['人工智能', 'Software'],
  rentMin: 4,
  rentMax: 5,
  availableFrom: '2025-01-01',
  lon: 121.5,
  lat: 31.3,
});
const B = listing('b', {
  areaM2: 1200,
  spaceType: 'lab',
  industries: ['生物医药'],
  rentMin: 6,
  rentMax: 8,
  availableFrom: '2025-06-30',
  lon: 121.5,
  lat: 31.31,
});
const C = listing('c', { areaM2: 12, spaceType: 'coworking', industries: ['AI software'], lon: 121.56, lat: 31.3 });
const D = listing('d', {
  areaM2: 500,
  spaceType: 'light_industrial',
  industries: ['智能制造'],
  rentMin: 2,
  rentMax: 3,
  availableFrom: '2026-01-15',
  lon: 121.53,
  lat: 31.28,
});
const ALL = [A, B, C, D];

const square = (w: number, s: number, e: number, n: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

const context: FilterContext = {
  stations: [{ lon: 121.5, lat: 31.2995 }],
  zones: { 'zone-future-valley': square(121.49, 31.29, 121.51, 31.305), 'zone-yangshupu-belt': square(121.55, 31.29, 121.57, 31.31) },
  area: [
    [121.52, 31.27],
    [121.54, 31.27],
    [121.53, 31.29],
  ],
};

const ids = (ls: Listing[]) => ls.map((l) => l.id.slice(2)).join('');

describe('filterListings: each filter alone', () => {
  it('keeps everything without filters, as a new array of the same objects', () => {
    const out = filterListings(ALL, {}, context);
    expect(out).toEqual(ALL);
    expect(out).not.toBe(ALL);
    expect(out[0]).toBe(A);
  });

  it('area range, inclusive, either side open', () => {
    expect(ids(filterListings(ALL, { areaMin: 80, areaMax: 500 }, context))).toBe('ad');
    expect(ids(filterListings(ALL, { areaMin: 501 }, context))).toBe('b');
    expect(ids(filterListings(ALL, { areaMax: 12 }, context))).toBe('c');
  });

  it('space types: any of those chosen', () => {
    expect(ids(filterListings(ALL, { types: ['lab', 'coworking'] }, context))).toBe('bc');
    expect(ids(filterListings(ALL, { types: [] }, context))).toBe('abcd');
  });

  it('industry: a listing industry containing the term, ignoring case and blanks', () => {
    expect(ids(filterListings(ALL, { industries: ['software'] }, context))).toBe('ac');
    expect(ids(filterListings(ALL, { industries: ['生物', '制造'] }, context))).toBe('bd');
    expect(ids(filterListings(ALL, { industries: ['  '] }, context))).toBe('abcd');
    expect(ids(filterListings(ALL, { industries: ['航天'] }, context))).toBe('');
  });

  it('industry: one the plan names is found in either language, and only that one', () => {
    // "人工智能" in A is the plan's "Artificial intelligence"; C's "AI software" is not that word.
    expect(ids(filterListings(ALL, { industries: ['Artificial intelligence'] }, context))).toBe('a');
    expect(ids(filterListings(ALL, { industries: ['人工智能'] }, context))).toBe('a');
    // "AI" is the plan's word too, and C's words contain it.
    expect(ids(filterListings(ALL, { industries: ['AI'] }, context))).toBe('ac');
    // 生物医药 (B) is not the plan's biotechnology.
    expect(ids(filterListings(ALL, { industries: ['Biotechnology'] }, context))).toBe('');
  });

  it('rent: the listing’s whole range lies within the wanted one; no rent, no match', () => {
    // A (4–5) overlaps "≤ 4" but may cost 5: only D (2–3) is sure to be at most 4.
    expect(ids(filterListings(ALL, { rentMax: 4 }, context))).toBe('d');
    expect(ids(filterListings(ALL, { rentMax: 5 }, context))).toBe('ad');
    expect(ids(filterListings(ALL, { rentMin: 5 }, context))).toBe('b');
    expect(ids(filterListings(ALL, { rentMin: 3.5, rentMax: 5.5 }, context))).toBe('a');
    expect(ids(filterListings(ALL, { rentMin: 4.5, rentMax: 5.5 }, context))).toBe('');
    // A one-sided rent counts as a point.
    expect(ids(filterListings([listing('e', { rentMax: 3 })], { rentMin: 2, rentMax: 3 }, context))).toBe('e');
    expect(ids(filterListings([listing('e', { rentMin: 3 })], { rentMax: 2.9 }, context))).toBe('');
  });

  it('rent: the issue’s case, "≤ 4.5" drops a 4.5–5.2 offer and keeps a 4.2–4.5 one', () => {
    const wide = listing('w', { rentMin: 4.5, rentMax: 5.2 });
    const fits = listing('f', { rentMin: 4.2, rentMax: 4.5 });
    expect(ids(filterListings([wide, fits], { rentMax: 4.5 }, context))).toBe('f');
    // The lower limit binds on the range's lower end the same way.
    expect(ids(filterListings([wide, fits], { rentMin: 4.3 }, context))).toBe('w');
  });

  it('rent (property): every kept listing’s whole range lies within the filter, and every such listing is kept', () => {
    const rent = fc.integer({ min: 0, max: 2000 }).map((n) => n / 100);
    const offer = fc.record({ rentMin: fc.option(rent, { nil: undefined }), rentMax: fc.option(rent, { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(offer, { maxLength: 12 }), fc.option(rent, { nil: undefined }), fc.option(rent, { nil: undefined }), (offers, lo, hi) => {
        fc.pre(lo !== undefined || hi !== undefined);
        const ls = offers.map((o, i) => listing(String(i), o));
        const kept = new Set(filterListings(ls, { rentMin: lo, rentMax: hi }, context));
        for (const l of ls) {
          const ends = [l.rentMin, l.rentMax].filter((v): v is number => v !== undefined);
          const inside = ends.length > 0 && ends.every((v) => (lo === undefined || v >= lo) && (hi === undefined || v <= hi));
          expect(kept.has(l)).toBe(inside);
        }
      }),
    );
  });

  it('available by a date: on or before it; no date, no match', () => {
    expect(ids(filterListings(ALL, { availableBy: '2025-06-30' }, context))).toBe('ab');
    expect(ids(filterListings(ALL, { availableBy: '2024-12-31' }, context))).toBe('');
  });

  it('within a distance of a metro station', () => {
    // A is 0.0005° (55.6 m) from the station; B 0.0105° (1167.5 m).
    expect(stationDistanceOf(A, context.stations)).toBeCloseTo(ARC_001 * 0.05, 1);
    expect(ids(filterListings(ALL, { stationWithinM: 100 }, context))).toBe('a');
    expect(ids(filterListings(ALL, { stationWithinM: 1200 }, context))).toBe('ab');
    // Without stations nothing can be shown to be near one.
    expect(ids(filterListings(ALL, { stationWithinM: 5000 }, { ...context, stations: [] }))).toBe('');
    // A cached distance is used when given.
    expect(ids(filterListings(ALL, { stationWithinM: 10 }, { ...context, stationDistance: (l) => (l === D ? 5 : 9999) }))).toBe('d');
  });

  it('inside a zone of the plan, or nothing when the zone is not known', () => {
    expect(ids(filterListings(ALL, { within: 'zone-future-valley' }, context))).toBe('a');
    expect(ids(filterListings(ALL, { within: 'zone-yangshupu-belt' }, context))).toBe('c');
    expect(ids(filterListings(ALL, { within: 'zone-yangshupu-belt' }, { ...context, zones: {} }))).toBe('');
  });

  it('inside the drawn polygon, once it has three vertices', () => {
    expect(ids(filterListings(ALL, { within: 'drawn' }, context))).toBe('d');
    expect(ids(filterListings(ALL, { within: 'drawn' }, { ...context, area: context.area!.slice(0, 2) }))).toBe('abcd');
    expect(drawnPolygon(context.area)!.coordinates[0]).toHaveLength(4);
    expect(drawnPolygon([])).toBeNull();
  });
});

describe('filterListings: combined', () => {
  it('every filter that is set must pass', () => {
    expect(ids(filterListings(ALL, { areaMin: 50, rentMax: 8 }, context))).toBe('abd');
    expect(ids(filterListings(ALL, { areaMin: 50, rentMax: 8, availableBy: '2025-12-31' }, context))).toBe('ab');
    expect(ids(filterListings(ALL, { areaMin: 50, rentMax: 8, availableBy: '2025-12-31', stationWithinM: 500 }, context))).toBe('a');
    expect(ids(filterListings(ALL, { areaMin: 50, rentMax: 6 }, context))).toBe('ad');
    expect(ids(filterListings(ALL, { types: ['office', 'lab'], within: 'zone-future-valley', industries: ['人工智能'] }, context))).toBe('a');
    expect(ids(filterListings(ALL, { types: ['lab'], within: 'zone-future-valley' }, context))).toBe('');
  });

  it('does not change its inputs', () => {
    const filters = { types: ['office' as const], industries: ['AI'] };
    const before = JSON.stringify([ALL, filters, context.area]);
    filterListings(ALL, filters, context);
    expect(JSON.stringify([ALL, filters, context.area])).toBe(before);
  });

  it('counts the filters that are set', () => {
    expect(activeFilterCount({})).toBe(0);
    expect(activeFilterCount({ areaMin: 1, areaMax: 2, types: ['lab'], industries: [], within: 'drawn' })).toBe(3);
  });
});

describe('sortListings', () => {
  const dist = (l: Listing) => stationDistanceOf(l, context.stations);

  it('by area, rent, availability and station distance, either way', () => {
    expect(ids(sortListings(ALL, { key: 'area', desc: false }))).toBe('cadb');
    expect(ids(sortListings(ALL, { key: 'area', desc: true }))).toBe('bdac');
    expect(ids(sortListings(ALL, { key: 'station', desc: false }, dist))).toBe('abdc');
  });

  it('ranks rent by the range’s upper end, ties by its lower end', () => {
    const range = listing('r', { rentMin: 4.2, rentMax: 4.8 });
    const flat = listing('f', { rentMin: 4.3, rentMax: 4.3 });
    const sameTop = listing('s', { rentMin: 3.9, rentMax: 4.8 });
    const oneEnd = listing('o', { rentMax: 4.5 });
    // By the lower end the range (4.2) would come before the flat 4.3; it may cost 4.8.
    expect(ids(sortListings([range, flat, sameTop, oneEnd], { key: 'rent', desc: false }))).toBe('fosr');
    expect(ids(sortListings([range, flat, sameTop, oneEnd], { key: 'rent', desc: true }))).toBe('rsof');
  });

  it('puts unknown values last in both directions', () => {
    expect(ids(sortListings(ALL, { key: 'rent', desc: false }))).toBe('dabc');
    expect(ids(sortListings(ALL, { key: 'rent', desc: true }))).toBe('badc');
    expect(ids(sortListings(ALL, { key: 'available', desc: true }))).toBe('dbac');
    // Without distances, every listing is "unknown": the order falls back to the name.
    expect(ids(sortListings([D, C, B, A], { key: 'station', desc: false }))).toBe('abcd');
  });

  it('breaks ties by name, then id', () => {
    const x = listing('x', { name: 'same', areaM2: 5 });
    const y = listing('y', { name: 'same', areaM2: 5 });
    expect(ids(sortListings([y, x], { key: 'area', desc: true }))).toBe('xy');
  });
});
