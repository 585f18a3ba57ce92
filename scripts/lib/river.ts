import buffer from '@turf/buffer';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { DistrictProps } from './districts.ts';

/** How the schematic river is drawn. */
export interface SchematicRiverOptions {
  /** Districts whose boundary with Pudong runs down the middle of the Huangpu. */
  westBank?: string[];
  /** A boundary vertex this close to the east bank's outline counts as shared (m). */
  tolerance?: number;
  /** Half the band's width (m); the Huangpu is about 400 m wide where it passes Yangpu. */
  halfWidth?: number;
  /** Only boundary stretches inside this box are drawn. */
  bbox?: [number, number, number, number];
}

const DEFAULTS: Required<SchematicRiverOptions> = {
  westBank: ['310110', '310109', '310101'],
  tolerance: 150,
  halfWidth: 200,
  bbox: [121.3, 31.1, 121.8, 31.5],
};

function outerRings(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? [g.coordinates[0]!] : g.coordinates.map((p) => p[0]!);
}

const inBox = (p: Position, b: [number, number, number, number]) => p[0]! >= b[0] && p[0]! <= b[2] && p[1]! >= b[1] && p[1]! <= b[3];

/**
 * The Huangpu as a schematic band: no water polygon exists in the sources, so the river is drawn along the
 * district boundaries that follow it (the west-bank districts' edges shared with Pudong), buffered to a typical
 * width. Returns the centre line and the band, both flagged `schematic`.
 */
export function schematicHuangpu(
  districts: FeatureCollection<Polygon | MultiPolygon, DistrictProps>,
  options: SchematicRiverOptions = {},
): { centreline: Feature<MultiLineString>; band: Feature<Polygon | MultiPolygon> } {
  const o = { ...DEFAULTS, ...options };
  const pudong = districts.features.find((d) => d.properties.adcode === '310115');
  if (!pudong) throw new Error('Pudong is missing from the district outlines');
  const runs: Position[][] = [];
  for (const d of districts.features) {
    if (!o.westBank.includes(d.properties.adcode)) continue;
    for (const ring of outerRings(d.geometry)) {
      const shared = ring.map((p) => inBox(p, o.bbox) && Math.abs(pointToPolygonDistance(p, pudong, { units: 'meters' })) <= o.tolerance);
      // The ring is closed, so a shared stretch may wrap around its start: begin scanning at a non-shared vertex.
      const start = shared.findIndex((s) => !s);
      if (start < 0) continue;
      let run: Position[] = [];
      for (let k = 0; k < ring.length; k++) {
        const i = (start + k) % (ring.length - 1);
        if (shared[i]) run.push(ring[i]!);
        else if (run.length) {
          if (run.length > 1) runs.push(run);
          run = [];
        }
      }
      if (run.length > 1) runs.push(run);
    }
  }
  if (!runs.length) throw new Error('No district boundary is shared with Pudong: cannot place the schematic river');
  const centreline: Feature<MultiLineString> = {
    type: 'Feature',
    properties: { name_zh: '黄浦江', name_en: 'Huangpu River', schematic: true },
    geometry: { type: 'MultiLineString', coordinates: runs },
  };
  const band = buffer(centreline, o.halfWidth, { units: 'meters', steps: 4 });
  if (!band) throw new Error('Buffering the schematic river failed');
  band.properties = { name_zh: '黄浦江（示意）', name_en: 'Huangpu River (schematic)', schematic: true };
  return { centreline, band: band as Feature<Polygon | MultiPolygon> };
}
