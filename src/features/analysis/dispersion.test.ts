import distance from '@turf/distance';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { analyseDispersion, DISPERSION_DEFAULTS } from './dispersion.ts';
import type { ParkFeature } from './dispersion-types.ts';
import { studyArea } from '../../../scripts/bench/synthetic.ts';
import { ll, pt, ring, poly, sq, codes, msg, noNaN, deepFreeze, randomParks, square4km } from './dispersion.fixtures.ts';

describe('analyseDispersion: degenerate input', () => {
  it('no parks (empty list, empty collection, null): counts 0, every figure null, message "empty"', () => {
    for (const input of [[], { type: 'FeatureCollection', features: [] }, null, undefined] as const) {
      const r = analyseDispersion(input as never, { studyArea: square4km });
      expect(r.count).toBe(0);
      expect([r.totalAreaM2, r.meanAreaM2, r.medianAreaM2, r.largestShare, r.nnCentroid, r.nnEdge, r.clarkEvans, r.mst]).toEqual([
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ]);
      expect(r.clusters).toMatchObject({ count: 0, noise: 0, sizes: [] });
      expect(r.coverage.stations).toBeNull();
      expect(codes(r)[0]).toBe('empty');
      noNaN(r);
    }
  });

  it('one park: area figures, no distance, cluster or tree; "single" and "too-few-for-r"', () => {
    const r = analyseDispersion([sq('a', 0, 0, 100)], { studyArea: square4km, stations: [ll(50, 50)] });
    expect(r.count).toBe(1);
    expect(r.nnCentroid).toBeNull();
    expect(r.mst).toBeNull();
    expect(r.clarkEvans).toBeNull();
    expect(r.parks[0]).toMatchObject({ id: 'a', nearestId: null, nnCentroidM: null, nnEdgeM: null, cluster: null });
    expect(r.coverage.stations).toBeCloseTo(1, 9);
    expect(codes(r)).toEqual(expect.arrayContaining(['single', 'too-few-for-r']));
    noNaN(r);
  });

  it('leaves out invalid polygons with a message naming them: self-intersecting, unclosed, too short, hole outside, spike', () => {
    const bowtie = poly('bowtie', [
      [0, 0],
      [100, 100],
      [100, 0],
      [0, 100],
    ]);
    const unclosed: ParkFeature = {
      type: 'Feature',
      properties: { id: 'unclosed' },
      geometry: { type: 'Polygon', coordinates: [[ll(0, 0), ll(100, 0), ll(100, 100), ll(0, 100)]] },
    };
    const short: ParkFeature = { type: 'Feature', properties: { id: 'short' }, geometry: { type: 'Polygon', coordinates: [[ll(0, 0), ll(100, 0), ll(0, 0)]] } };
    const holeOut = poly(
      'hole-out',
      [
        [0, 0],
        [100, 0],
        [100, 100],
        [0, 100],
      ],
      [
        [
          [200, 200],
          [210, 200],
          [210, 210],
          [200, 210],
        ],
      ],
    );
    const spike = poly('spike', [
      [0, 0],
      [100, 0],
      [200, 0],
      [100, 0],
      [100, 100],
    ]);
    const nan: ParkFeature = { type: 'Feature', properties: { id: 'nan' }, geometry: { type: 'Point', coordinates: [NaN, 31] } };
    const line = { type: 'Feature', properties: { id: 'line' }, geometry: { type: 'LineString', coordinates: [ll(0, 0), ll(1, 1)] } } as unknown as ParkFeature;
    const none = { type: 'Feature', properties: { id: 'none' }, geometry: null } as unknown as ParkFeature;
    const good = [sq('ok1', 1000, 0, 50), sq('ok2', 2000, 0, 50), pt('ok3', 3000, 0)];
    const r = analyseDispersion([bowtie, unclosed, short, holeOut, spike, nan, line, none, ...good], { studyArea: square4km });
    expect(r.count).toBe(3);
    expect(r.parks.map((p) => p.id)).toEqual(['ok1', 'ok2', 'ok3']);
    const m = msg(r, 'invalid-geometry');
    expect(m?.ids).toEqual(['bowtie', 'hole-out', 'line', 'nan', 'none', 'short', 'spike', 'unclosed']);
    expect(m?.text).toMatch(/bowtie \(self-intersecting/);
    expect(m?.text).toMatch(/unclosed \(a ring is not closed\)/);
    expect(m?.text).toMatch(/hole-out \(a hole lies outside its outer ring\)/);
    noNaN(r);
  });

  it('accepts valid polygons whatever their winding, holes and multipolygons', () => {
    const cw = poly('cw', [
      [0, 0],
      [0, 100],
      [100, 100],
      [100, 0],
    ]);
    const multi: ParkFeature = {
      type: 'Feature',
      properties: { id: 'multi' },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            ring([
              [500, 0],
              [600, 0],
              [600, 100],
              [500, 100],
            ]),
          ],
          [
            ring([
              [700, 0],
              [800, 0],
              [800, 100],
              [700, 100],
            ]),
          ],
        ],
      },
    };
    const r = analyseDispersion([cw, multi]);
    expect(r.count).toBe(2);
    expect(r.parks.find((p) => p.id === 'cw')!.areaM2).toBeCloseTo(10000, -1);
    expect(r.parks.find((p) => p.id === 'multi')!.areaM2).toBeCloseTo(20000, -1);
    // The multipolygon's centroid lies between its parts.
    expect(distance(r.parks.find((p) => p.id === 'multi')!.centroid, ll(650, 50)) * 1000).toBeLessThan(0.01);
    expect(codes(r)).not.toContain('invalid-geometry');
  });

  it('rejects overlapping parts of a multipolygon and a hole in a hole', () => {
    const overlapping: ParkFeature = {
      type: 'Feature',
      properties: { id: 'overlap' },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            ring([
              [0, 0],
              [100, 0],
              [100, 100],
              [0, 100],
            ]),
          ],
          [
            ring([
              [20, 20],
              [40, 20],
              [40, 40],
              [20, 40],
            ]),
          ],
        ],
      },
    };
    const nested = poly(
      'nested',
      [
        [0, 0],
        [300, 0],
        [300, 300],
        [0, 300],
      ],
      [
        [
          [50, 50],
          [50, 250],
          [250, 250],
          [250, 50],
        ],
        [
          [100, 100],
          [100, 200],
          [200, 200],
          [200, 100],
        ],
      ],
    );
    const r = analyseDispersion([overlapping, nested, pt('p', 1000, 1000)]);
    expect(msg(r, 'invalid-geometry')?.ids).toEqual(['nested', 'overlap']);
  });

  it('counts duplicates once: the same id twice, the same geometry under two ids', () => {
    const a1 = sq('a', 0, 0, 100);
    const a2 = sq('a', 500, 0, 100);
    const b = pt('b', 1000, 0);
    const c = pt('c', 1000, 0);
    const d = pt('d', 2000, 0);
    const r1 = analyseDispersion([a1, a2, b, c, d]);
    const r2 = analyseDispersion([d, c, b, a2, a1]);
    expect(r1.count).toBe(3);
    expect(r1.parks.map((p) => p.id)).toEqual(['a', 'b', 'd']);
    const m = msg(r1, 'duplicate')!;
    expect(m.ids).toEqual(['a', 'b', 'c']);
    expect(m.text).toMatch(/id a appears more than once/);
    expect(m.text).toMatch(/b, c share one location \(kept as b\)/);
    // Which of the two "a" is kept does not depend on the order.
    expect(r2).toEqual(r1);
    noNaN(r1);
  });

  it('takes the feature id when properties.id is missing, and leaves out parks with neither', () => {
    const withFeatureId = { type: 'Feature', id: 7, properties: {}, geometry: { type: 'Point', coordinates: ll(0, 0) } } as unknown as ParkFeature;
    const anonymous = { type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: ll(10, 0) } } as unknown as ParkFeature;
    const r = analyseDispersion([withFeatureId, anonymous, pt('x', 100, 0)]);
    expect(r.parks.map((p) => p.id)).toEqual(['7', 'x']);
    expect(msg(r, 'missing-id')?.text).toBe('1 park has no id and was left out');
  });

  it('says which parks lie outside the study area and leaves them out of Clark–Evans only', () => {
    const parks = [pt('in1', 0, 0), pt('in2', 300, 0), pt('in3', 0, 300), pt('in4', 300, 300), pt('out', 9000, 9000)];
    const r = analyseDispersion(parks, { studyArea: square4km });
    expect(msg(r, 'outside-study-area')?.ids).toEqual(['out']);
    expect(r.count).toBe(5);
    expect(r.clarkEvans?.n).toBe(4);
    expect(r.clarkEvans?.observedMeanM).toBeCloseTo(300, 1);
  });

  it('marks points among outlines ("some-points") and all points ("no-area"), with the area figures on outlines only', () => {
    const mixed = analyseDispersion([sq('a', 0, 0, 100), sq('b', 500, 0, 100), pt('c', 1000, 0)]);
    expect(msg(mixed, 'some-points')?.ids).toEqual(['c']);
    expect(mixed.withArea).toBe(2);
    expect(mixed.totalAreaM2).toBeCloseTo(20000, -1);
    expect(mixed.largestShare).toBeCloseTo(0.5, 4);
    const points = analyseDispersion([pt('a', 0, 0), pt('b', 100, 0)]);
    expect(codes(points)).toContain('no-area');
    expect(points.totalAreaM2).toBeNull();
    expect(points.coverage.basis).toBe('count');
  });

  it('reads bad option values as defaults or bounds, never as NaN', () => {
    const r = analyseDispersion(randomParks(20, 3), {
      clusterDistanceM: Number.NaN,
      coverageDistanceM: -5,
      clusterMinPoints: 0,
      stations: [[Number.NaN, 1], ll(0, 0)],
    });
    expect(r.clusters.distanceM).toBe(DISPERSION_DEFAULTS.clusterDistanceM);
    expect(r.clusters.minPoints).toBe(1);
    expect(r.coverage.distanceM).toBe(0);
    noNaN(r);
  });
});

describe('analyseDispersion: inputs', () => {
  it('never mutates its inputs (deep-frozen parks and options, compared with a clone)', () => {
    const parks = randomParks(40, 5);
    const options = {
      studyArea: square4km,
      stations: [ll(100, 100)] as [number, number][],
      campuses: [sq('c', 2000, 2000, 300) as Feature<Polygon>],
      zones: [{ id: 'z', name_zh: 'z', name_en: 'z', geometry: square4km }],
    };
    const before = structuredClone({ parks, options });
    deepFreeze(parks);
    deepFreeze(options);
    const r = analyseDispersion(parks, options);
    expect({ parks, options }).toEqual(before);
    expect(r.count).toBe(40);
  });

  it('takes a FeatureCollection or a list alike', () => {
    const parks = randomParks(15, 8);
    expect(analyseDispersion({ type: 'FeatureCollection', features: parks })).toEqual(analyseDispersion(parks));
  });

  it('runs on the real district outline with synthetic parks', () => {
    const outline = studyArea();
    const r = analyseDispersion(randomParks(30, 9), { studyArea: outline.geometry });
    expect(r.clarkEvans?.studyAreaM2).toBeGreaterThan(55e6);
  });
});
