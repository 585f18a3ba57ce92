import type { Feature, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { nearestStation } from '../../src/lib/data/nearest.ts';
import type { SearchEntry } from '../../src/lib/search/types.ts';

// Hand-worked values. Turf's earth radius R = 6 371 008.8 m, so 0.01° of arc is R · 0.01 · π/180 = 1111.951 m.
// Along a meridian the great-circle distance is exactly that; across a meridian at latitude φ, the distance from a
// point to the meridian 0.01° of longitude away is R · asin(sin 0.01° · cos φ) ≈ 1111.951 · cos φ.
const ARC_001 = (6371008.8 * 0.01 * Math.PI) / 180; // 1111.9508 m
const COS_313 = Math.cos((31.3 * Math.PI) / 180); // 0.854459…
const ACROSS_001 = 6371008.8 * Math.asin(Math.sin((0.01 * Math.PI) / 180) * COS_313); // 950.1 m

const entry = (id: string, lon: number, lat: number): SearchEntry => ({
  id: `place:${id}`,
  kind: 'station',
  name_zh: id,
  name_en: id,
  pinyin: id,
  initials: id,
  lon,
  lat,
  source: 'OpenStreetMap',
});
const pointFeature = (lon: number, lat: number, name: string): Feature<Point> => ({
  type: 'Feature',
  properties: { name },
  geometry: { type: 'Point', coordinates: [lon, lat] },
});
// A 0.02° × 0.02° square whose west edge is the meridian 121.50 between 31.29 and 31.31.
const square: Feature<Polygon> = {
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [121.5, 31.29],
        [121.52, 31.29],
        [121.52, 31.31],
        [121.5, 31.31],
        [121.5, 31.29],
      ],
    ],
  },
};
const meridianLine: Feature<LineString> = {
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'LineString',
    coordinates: [
      [121.5, 31.29],
      [121.5, 31.3],
      [121.5, 31.31],
    ],
  },
};

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('nearestStation', () => {
  it('point to point: 0.01° north is 1111.95 m, and the nearer of two stations wins', () => {
    const far = entry('far', 121.5, 31.33);
    const near = entry('near', 121.5, 31.31);
    const result = nearestStation([121.5, 31.3], [far, near]);
    expect(result?.station).toBe(near);
    expect(result!.distance).toBeCloseTo(ARC_001, 1);
  });

  it('reports kilometres when asked', () => {
    const result = nearestStation([121.5, 31.3], [entry('n', 121.5, 31.31)], { units: 'kilometers' });
    expect(result!.distance).toBeCloseTo(ARC_001 / 1000, 4);
  });

  it('a station inside a polygon is 0 m away, even if another is listed first', () => {
    const outside = entry('outside', 121.49, 31.3);
    const inside = entry('inside', 121.51, 31.3);
    const result = nearestStation(square, [outside, inside]);
    expect(result).toEqual({ station: inside, distance: 0 });
  });

  it('a polygon whose nearest edge is 0.01° of longitude west of the station: 950.1 m, not the corner', () => {
    const result = nearestStation(square, [entry('west', 121.49, 31.3)]);
    expect(ACROSS_001).toBeCloseTo(950.1, 1);
    expect(result!.distance).toBeCloseTo(ACROSS_001, 0);
    // A station due south of the square's south-west corner is 0.01° of latitude from it.
    expect(nearestStation(square, [entry('south', 121.5, 31.28)])!.distance).toBeCloseTo(ARC_001, 0);
  });

  it('measures from the edge of a hole, and from the nearest polygon of a MultiPolygon', () => {
    const holed: Polygon = {
      type: 'Polygon',
      coordinates: [
        square.geometry.coordinates[0]!,
        // Hole: 121.505–121.515 × 31.295–31.305. From its centre, the east and west edges (0.005° of longitude,
        // ≈ 950.1 / 2 = 475.1 m) are nearer than the north and south edges (0.005° of latitude, 556.0 m).
        [
          [121.505, 31.295],
          [121.505, 31.305],
          [121.515, 31.305],
          [121.515, 31.295],
          [121.505, 31.295],
        ],
      ],
    };
    const inHole = nearestStation(holed, [entry('hole', 121.51, 31.3)]);
    expect(inHole!.distance).toBeCloseTo(ACROSS_001 / 2, 0);

    const multi: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [square.geometry.coordinates[0]!.map(([x, y]) => [x! + 1, y!])], // far east
        square.geometry.coordinates,
      ],
    };
    expect(nearestStation(multi, [entry('west', 121.49, 31.3)])!.distance).toBeCloseTo(ACROSS_001, 0);
  });

  it('a line: the perpendicular distance beside it, the endpoint distance beyond it', () => {
    const beside = nearestStation(meridianLine, [entry('east', 121.51, 31.3)]);
    expect(beside!.distance).toBeCloseTo(ACROSS_001, 0);
    const beyond = nearestStation(meridianLine, [entry('north', 121.5, 31.32)]);
    expect(beyond!.distance).toBeCloseTo(ARC_001, 1);
  });

  it('accepts Point features as stations and returns the same object', () => {
    const a = pointFeature(121.6, 31.3, 'a');
    const b = pointFeature(121.5, 31.31, 'b');
    const result = nearestStation(pointFeature(121.5, 31.3, 'target'), [a, b]);
    expect(result?.station).toBe(b);
    expect(result!.distance).toBeCloseTo(ARC_001, 1);
  });

  it('returns null without stations, without geometry, or when no station has coordinates', () => {
    expect(nearestStation([121.5, 31.3], [])).toBeNull();
    expect(nearestStation({ type: 'Feature', properties: {}, geometry: null } as unknown as Feature, [entry('a', 121.5, 31.3)])).toBeNull();
    expect(nearestStation([121.5, 31.3], [entry('nan', Number.NaN, 31.3)])).toBeNull();
  });

  it('skips stations without coordinates and still finds the others', () => {
    const good = entry('good', 121.5, 31.31);
    expect(nearestStation([121.5, 31.3], [entry('nan', Number.NaN, 31.3), good])?.station).toBe(good);
  });

  it('gives the same answer as a plain scan when pruning skips stations (many stations, polygon target)', () => {
    const stations = Array.from({ length: 60 }, (_, i) => entry(`s${i}`, 121.45 + (i % 10) * 0.012, 31.25 + Math.floor(i / 10) * 0.015));
    const result = nearestStation(square, stations)!;
    const each = stations.map((s) => nearestStation(square, [s])!.distance);
    expect(result.distance).toBe(Math.min(...each));
    expect(result.station).toBe(stations[each.indexOf(Math.min(...each))]);
  });

  it('never mutates its inputs', () => {
    const target = deepFreeze(structuredClone(square));
    const stations = deepFreeze([entry('a', 121.49, 31.3), entry('b', 121.51, 31.3)]);
    const before = JSON.stringify({ target, stations });
    expect(() => nearestStation(target, stations, deepFreeze({ units: 'meters' as const }))).not.toThrow();
    expect(JSON.stringify({ target, stations })).toBe(before);
    const line = deepFreeze(structuredClone(meridianLine));
    const lineBefore = JSON.stringify(line);
    nearestStation(line, stations);
    expect(JSON.stringify(line)).toBe(lineBefore);
  });
});
