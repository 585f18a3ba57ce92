import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { polygonLabelPoint } from '../../src/lib/data/label-point.ts';

// An L whose centroid and bounding-box centre both fall in the notch, outside the shape.
const L: Position[][] = [
  [
    [121.5, 31.3],
    [121.52, 31.3],
    [121.52, 31.302],
    [121.502, 31.302],
    [121.502, 31.32],
    [121.5, 31.32],
    [121.5, 31.3],
  ],
];

describe('polygonLabelPoint', () => {
  it('puts the point inside an L-shaped outline, where its centre would not be', () => {
    const p = polygonLabelPoint([L])!;
    expect(booleanPointInPolygon(p, { type: 'Polygon', coordinates: L })).toBe(true);
    expect(booleanPointInPolygon([121.51, 31.31], { type: 'Polygon', coordinates: L })).toBe(false);
  });

  it('takes the part with the largest area, not the widest extent: a long thin diagonal sliver loses', () => {
    const block: Position[][] = [
      [
        [121.53, 31.33],
        [121.535, 31.33],
        [121.535, 31.335],
        [121.53, 31.335],
        [121.53, 31.33],
      ],
    ];
    const sliver: Position[][] = [
      [
        [121.4, 31.2],
        [121.6, 31.4],
        [121.6001, 31.4],
        [121.4001, 31.2],
        [121.4, 31.2],
      ],
    ];
    const p = polygonLabelPoint([sliver, block])!;
    expect(p[0]).toBeCloseTo(121.5325, 4);
    expect(p[1]).toBeCloseTo(31.3325, 4);
  });

  it('leaves its input alone and gives nothing for rings too short to be polygons', () => {
    const copy = structuredClone(L);
    polygonLabelPoint([L]);
    expect(L).toEqual(copy);
    expect(polygonLabelPoint([])).toBeUndefined();
    expect(
      polygonLabelPoint([
        [
          [
            [121.5, 31.3],
            [121.6, 31.3],
            [121.5, 31.3],
          ],
        ],
      ]),
    ).toBeUndefined();
  });
});
