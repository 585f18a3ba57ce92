/**
 * The Clark–Evans nearest-neighbour ratio of the dispersion analysis: the parks' mean centroid-to-centroid
 * nearest-neighbour distance against the mean expected under complete spatial randomness in the study area, with
 * its z-score. Only parks whose centroid lies in the study area count; docs/data.md gives the formulas.
 */
import area from '@turf/area';
import type { MultiPolygon, Polygon } from 'geojson';
import { haversine, type LocalPlane } from './dispersion-geo.ts';
import { centroidIndex } from './dispersion-nn.ts';
import type { PreparedPark } from './dispersion-prepare.ts';
import { TriangleSet } from './dispersion-triangles.ts';
import type { ClarkEvans, DispersionMessage } from './dispersion-types.ts';

/** Two-sided 5 % critical value of the standard normal distribution. */
const Z_CRITICAL = 1.96;
/** Standard error constant of the Clark–Evans mean nearest-neighbour distance under complete spatial randomness. */
const CE_SE = 0.26136;

/**
 * The ratio over the study area, given each park's nearest neighbour (`nn`, from the Delaunay graph); null, with a
 * message in `messages`, when it cannot be computed (fewer than 3 parks in the study area, or no study area).
 */
export function clarkEvansOf(
  parks: readonly PreparedPark[],
  nn: { index: Int32Array; metres: Float64Array },
  studyArea: Polygon | MultiPolygon | null,
  plane: LocalPlane,
  messages: DispersionMessage[],
): ClarkEvans | null {
  const n = parks.length;
  if (n === 0) return null;
  if (n < 3) {
    messages.push({ code: 'too-few-for-r', text: `Clark–Evans needs at least 3 parks (${n} given)` });
    return null;
  }
  if (!studyArea || (studyArea.type !== 'Polygon' && studyArea.type !== 'MultiPolygon')) {
    messages.push({ code: 'no-study-area', text: 'No study area given: the Clark–Evans ratio is not computed' });
    return null;
  }
  const studyAreaM2 = area({ type: 'Feature', properties: {}, geometry: studyArea });
  if (!(studyAreaM2 > 0)) {
    messages.push({ code: 'no-study-area', text: 'The study area has no area: the Clark–Evans ratio is not computed' });
    return null;
  }
  const tris = new TriangleSet(studyArea, plane);
  const isIn = new Uint8Array(n);
  const inside: number[] = [];
  const outside: string[] = [];
  for (const p of parks) {
    if (tris.contains(p.cx, p.cy)) {
      isIn[p.index] = 1;
      inside.push(p.index);
    } else outside.push(p.id);
  }
  let distances: number[];
  if (inside.length === n) distances = Array.from(nn.metres);
  else {
    messages.push({
      code: 'outside-study-area',
      ids: outside,
      text: `${outside.length} park${outside.length === 1 ? ' lies' : 's lie'} outside the study area and ${outside.length === 1 ? 'is' : 'are'} not counted in Clark–Evans`,
    });
    if (inside.length < 3) {
      messages.push({ code: 'too-few-for-r', text: `Clark–Evans needs at least 3 parks inside the study area (${inside.length})` });
      return null;
    }
    // Only parks whose nearest neighbour lies outside need another search, among the parks inside.
    const index = centroidIndex(parks)!;
    distances = inside.map((i) => {
      if (isIn[nn.index[i]!]) return nn.metres[i]!;
      const p = parks[i]!;
      let best = Infinity;
      for (const j of index.neighbors(p.cx, p.cy, 4, Infinity, (j) => j !== i && isIn[j] === 1)) {
        const q = parks[j]!;
        best = Math.min(best, haversine(p.lon, p.lat, q.lon, q.lat));
      }
      return best;
    });
  }
  const k = distances.length;
  const observedMeanM = distances.reduce((s, d) => s + d, 0) / k;
  const density = k / studyAreaM2;
  const expectedMeanM = 0.5 / Math.sqrt(density);
  const se = CE_SE / Math.sqrt(k * density);
  const R = observedMeanM / expectedMeanM;
  const z = (observedMeanM - expectedMeanM) / se;
  const significant = Math.abs(z) > Z_CRITICAL;
  return {
    R,
    z,
    observedMeanM,
    expectedMeanM,
    studyAreaM2,
    n: k,
    reading: !significant ? 'random' : R < 1 ? 'clustered' : 'dispersed',
    significant,
  };
}
