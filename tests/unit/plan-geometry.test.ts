import booleanValid from '@turf/boolean-valid';
import kinks from '@turf/kinks';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';
import distance from '@turf/distance';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { PlanSourceFeatureSchema, type PlanGeometry, type PlanSourceFeature } from '../../src/lib/data/plan-schema.ts';
import { yangpuOutline } from '../../scripts/lib/districts.ts';
import { loadPlanSources } from '../../scripts/lib/plan/load.ts';
import { geometryProblems } from '../../scripts/lib/plan/validate.ts';

const outline = yangpuOutline();
const features: PlanSourceFeature[] = loadPlanSources('data/plan').geojson.flatMap((f) =>
  (f.json as { features: unknown[] }).features.map((raw) => PlanSourceFeatureSchema.parse(raw)),
);
const located = features.filter((f): f is PlanSourceFeature & { geometry: PlanGeometry } => f.geometry !== null);
const byId = new Map(features.map((f) => [f.properties.id, f]));

function vertices(g: PlanGeometry): Position[] {
  if (g.type === 'Point') return [g.coordinates];
  if (g.type === 'LineString') return g.coordinates;
  if (g.type === 'Polygon') return g.coordinates.flat();
  return g.coordinates.flat(2);
}

/** Distance in metres from a point to a geometry (0 inside a polygon). */
function distanceTo(p: Position, g: PlanGeometry): number {
  if (g.type === 'Point') return distance(p, g.coordinates, { units: 'meters' });
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') return Math.max(0, pointToPolygonDistance(p, g, { units: 'meters' }));
  return Math.min(...g.coordinates.map((c) => distance(p, c, { units: 'meters' })));
}

describe('plan geometry: every located feature', () => {
  it('has longitude first, in Shanghai (lon 121.4–121.7, lat 31.2–31.4)', () => {
    for (const f of located) {
      for (const [lon, lat] of vertices(f.geometry)) {
        expect(lon, f.properties.id).toBeGreaterThan(121.4);
        expect(lon, f.properties.id).toBeLessThan(121.7);
        expect(lat, f.properties.id).toBeGreaterThan(31.2);
        expect(lat, f.properties.id).toBeLessThan(31.4);
      }
    }
  });

  it('has closed rings of at least four positions, no self-intersection and OGC-valid polygons', () => {
    const polys = located.filter((f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon');
    expect(polys.length).toBeGreaterThanOrEqual(11);
    for (const f of polys) {
      const g = f.geometry as Polygon | MultiPolygon;
      const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
      for (const ring of rings) {
        expect(ring.length, f.properties.id).toBeGreaterThanOrEqual(4);
        expect(ring[ring.length - 1], f.properties.id).toEqual(ring[0]);
      }
      expect(kinks(g).features, f.properties.id).toEqual([]);
      expect(booleanValid(g), f.properties.id).toBe(true);
    }
  });

  it("lies inside, or within 1 km of, Yangpu's outline (every vertex)", () => {
    for (const f of located) {
      for (const v of vertices(f.geometry)) {
        expect(pointToPolygonDistance(v, outline, { units: 'meters' }), f.properties.id).toBeLessThanOrEqual(1000);
      }
    }
  });

  it('has only zone components and campuses inside the outline proper (they build the zone outlines)', () => {
    for (const f of located.filter((x) => x.properties.class === 'zone_component' || x.properties.class === 'campus')) {
      for (const v of vertices(f.geometry)) {
        expect(pointToPolygonDistance(v, outline, { units: 'meters' }), f.properties.id).toBeLessThan(0);
      }
    }
  });

  it("passes the validator's geometric checks", () => {
    for (const f of located) expect(geometryProblems(f.geometry, outline), f.properties.id).toEqual([]);
  });

  it('marks every outline and track as indicative', () => {
    for (const f of located.filter((x) => x.geometry.type !== 'Point')) expect(f.properties.indicative, f.properties.id).toBe(true);
  });
});

describe('plan geometry: science parks and their campuses', () => {
  const parks = features.filter((f) => f.properties.class === 'university_science_park');

  it('has the eight national university science parks of tasks 10–11', () => {
    expect(parks.map((p) => p.properties.id).sort()).toEqual(
      ['sp-fudan', 'sp-shou', 'sp-suep', 'sp-sufe', 'sp-sus', 'sp-tongji', 'sp-tongji-autonomous-intelligence', 'sp-usst'].sort(),
    );
  });

  it("puts each science park within its stated precision of its university's campus feature", () => {
    for (const p of parks.filter((x) => x.properties.parent !== undefined)) {
      const campus = byId.get(p.properties.parent!);
      expect(campus?.properties.class, p.properties.id).toBe('campus');
      expect(p.geometry?.type).toBe('Point');
      const d = distanceTo((p.geometry as { coordinates: Position }).coordinates, campus!.geometry!);
      expect(d, `${p.properties.id} → ${campus?.properties.id}`).toBeLessThanOrEqual(p.properties.precision_m!);
    }
  });

  it('leaves only the Tongji future-industry park without a parent campus (its site is off campus, in the 江湾–五角场 core)', () => {
    expect(parks.filter((p) => p.properties.parent === undefined).map((p) => p.properties.id)).toEqual(['sp-tongji-autonomous-intelligence']);
  });

  it('gives each park the focus the plan gives it', () => {
    const focus = Object.fromEntries(parks.map((p) => [p.properties.id, p.properties.industries]));
    expect(focus['sp-sufe']).toEqual(expect.arrayContaining(['digital_economy', 'fintech']));
    expect(focus['sp-sus']).toEqual(['sport_health']);
    expect(focus['sp-suep']).toEqual(expect.arrayContaining(['new_energy', 'smart_energy']));
    expect(focus['sp-shou']).toEqual(['marine_biomedicine']);
    expect(focus['sp-usst']).toEqual(['life_health']);
    expect(focus['sp-tongji-autonomous-intelligence']).toEqual(expect.arrayContaining(['ai', 'smart_city']));
    expect(focus['sp-fudan']).toEqual(['tech_transfer']);
  });
});

describe('plan geometry: the validator detects bad geometry', () => {
  const square: Position[] = [
    [121.51, 31.29],
    [121.52, 31.29],
    [121.52, 31.3],
    [121.51, 31.3],
    [121.51, 31.29],
  ];
  it('accepts a valid polygon inside Yangpu', () => {
    expect(geometryProblems({ type: 'Polygon', coordinates: [square] }, outline)).toEqual([]);
  });
  it('flags swapped coordinates', () => {
    expect(geometryProblems({ type: 'Point', coordinates: [31.3, 121.51] }, outline)).toEqual([expect.stringContaining('coordinates look swapped (lat, lon)')]);
  });
  it('flags an unclosed ring', () => {
    expect(geometryProblems({ type: 'Polygon', coordinates: [square.slice(0, 4).concat([[121.511, 31.291]])] }, outline)).toEqual([
      expect.stringContaining('not closed'),
    ]);
  });
  it('flags a self-intersecting ring (bow-tie)', () => {
    const bowtie: Position[] = [square[0]!, square[2]!, square[1]!, square[3]!, square[0]!];
    expect(geometryProblems({ type: 'Polygon', coordinates: [bowtie] }, outline)).toEqual([expect.stringContaining('self-intersection')]);
  });
  it('flags a point more than 1 km outside the outline, but not one 500 m outside', () => {
    expect(geometryProblems({ type: 'Point', coordinates: [121.3, 31.3] }, outline)).toEqual([
      expect.stringMatching(/lies 1\d\.\d km outside Yangpu's outline/),
    ]);
    // The Huangpu's far bank (Pudong), opposite Yangpu Bridge: about 0.4–0.6 km from Yangpu's river edge.
    const farBank: Position = [121.5345, 31.249];
    const d = pointToPolygonDistance(farBank, outline, { units: 'meters' });
    expect(d).toBeGreaterThan(0);
    expect(d).toBeLessThan(1000);
    expect(geometryProblems({ type: 'Point', coordinates: farBank }, outline)).toEqual([]);
  });
});
