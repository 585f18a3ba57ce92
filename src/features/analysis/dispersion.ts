/**
 * How scattered is the park space? Figures for a set of parks (polygons or points) in the manner of a Turf module:
 * plain GeoJSON in, an options object with defaults, inputs never mutated, no Svelte or MapLibre. The app runs it
 * in a Web Worker (dispersion.worker.ts, through dispersion-client.ts).
 *
 * Distances are great-circle metres (Turf's radius). Searches run in a stereographic plane centred on the parks,
 * with spatial indexes (Flatbush boxes and k-nearest searches, a Delaunator triangulation), so the whole set costs
 * O(n log n); the formulas and degenerate cases are described in docs/data.md ("Dispersion analysis").
 */
import area from '@turf/area';
import intersect from '@turf/intersect';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import { CoverageSet } from './dispersion-areal.ts';
import { clarkEvansOf } from './dispersion-clark-evans.ts';
import { clearOverlayCache, clusterHulls, coverageOverlay, overlayExtent } from './dispersion-overlay.ts';
import type { LocalPlane } from './dispersion-geo.ts';
import { dbscan, delaunayEdges, nearestInGraph, spanningTree, type TreeEdge } from './dispersion-graph.ts';
import { boxIndex, centroidIndex, nearestEdges, summarise } from './dispersion-nn.ts';
import { prepareParks, type PreparedPark } from './dispersion-prepare.ts';
import { TriangleSet } from './dispersion-triangles.ts';
import type { DispersionMessage, DispersionMessageCode, DispersionOptions, DispersionResult, ParkFeature, ParkMetrics, ZoneInput } from './dispersion-types.ts';

export type * from './dispersion-types.ts';

/** Defaults of {@link DispersionOptions}. */
export const DISPERSION_DEFAULTS = {
  clusterDistanceM: 500,
  clusterMinPoints: 2,
  coverageDistanceM: 800,
  overlays: true,
} as const;

const MESSAGE_ORDER: DispersionMessageCode[] = [
  'empty',
  'single',
  'missing-id',
  'invalid-geometry',
  'duplicate',
  'no-area',
  'some-points',
  'no-study-area',
  'too-few-for-r',
  'outside-study-area',
  'no-stations',
  'no-campuses',
];

function finiteOr(v: unknown, fallback: number, min = 0): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.max(min, v) : fallback;
}

/**
 * Dispersion figures of a set of parks: per park area, perimeter, Polsby–Popper compactness, centroid, nearest
 * neighbour and cluster; for the set counts and areas, nearest-neighbour distances (centroid to centroid and edge
 * to edge), the Clark–Evans ratio over the study area, DBSCAN clusters, the minimum spanning tree, coverage by
 * stations and campuses, the share in each zone, and map overlays. Figures that cannot be computed are null with
 * a message; never NaN.
 *
 * @param parks a FeatureCollection or a list of park features (Polygon, MultiPolygon or Point; `properties.id`)
 * @param options see {@link DispersionOptions}; every field has a default
 */
export function analyseDispersion(
  parks: FeatureCollection<Polygon | MultiPolygon | Point> | FeatureCollection | readonly ParkFeature[] | null | undefined,
  options: DispersionOptions = {},
): DispersionResult {
  const clusterDistanceM = finiteOr(options.clusterDistanceM, DISPERSION_DEFAULTS.clusterDistanceM);
  const clusterMinPoints = Math.max(1, Math.round(finiteOr(options.clusterMinPoints, DISPERSION_DEFAULTS.clusterMinPoints, 1)));
  const coverageDistanceM = finiteOr(options.coverageDistanceM, DISPERSION_DEFAULTS.coverageDistanceM);
  const wantOverlays = options.overlays ?? DISPERSION_DEFAULTS.overlays;
  const timings: Record<string, number> = {};
  let clock = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = (timings[name] ?? 0) + now - clock;
    clock = now;
  };

  const prepared = prepareParks(parks as FeatureCollection);
  const { plane } = prepared;
  const list = prepared.parks;
  const messages: DispersionMessage[] = [...prepared.messages];
  const n = list.length;
  const withArea = list.filter((p) => p.kind === 'polygon').length;
  if (n === 0) messages.push({ code: 'empty', text: 'No parks to analyse' });
  if (n === 1) messages.push({ code: 'single', text: 'One park: no distances, clusters or spanning tree' });
  if (n > 0 && withArea === 0) messages.push({ code: 'no-area', text: 'No park has an outline: area figures are missing' });
  if (withArea > 0 && withArea < n) {
    messages.push({
      code: 'some-points',
      ids: list.filter((p) => p.kind === 'point').map((p) => p.id),
      text: `${n - withArea} of ${n} parks are points: area figures cover the ${withArea} outlined parks only`,
    });
  }
  lap('prepare');

  // Areas.
  const areas = list.filter((p) => p.areaM2 !== null).map((p) => p.areaM2!);
  const totalAreaM2 = areas.length ? areas.reduce((s, a) => s + a, 0) : null;
  const sortedAreas = [...areas].sort((a, b) => a - b);
  const mid = sortedAreas.length >> 1;
  const medianAreaM2 = sortedAreas.length ? (sortedAreas.length % 2 ? sortedAreas[mid]! : (sortedAreas[mid - 1]! + sortedAreas[mid]!) / 2) : null;
  const largestShare = totalAreaM2 && totalAreaM2 > 0 ? sortedAreas[sortedAreas.length - 1]! / totalAreaM2 : null;

  // The Delaunay graph of the centroids holds each park's nearest neighbour and the spanning tree.
  const graph = delaunayEdges(list);
  lap('delaunay');
  const nnC = nearestInGraph(n, graph);
  lap('nnCentroid');
  const boxes = boxIndex(list);
  const nnE = nearestEdges(list, boxes, nnC.index, plane);
  lap('nnEdge');
  const tree: TreeEdge[] = spanningTree(list, undefined, graph);
  lap('mst');
  const db = dbscan(list, clusterDistanceM, clusterMinPoints, {
    centroids: clusterMinPoints > 2 ? centroidIndex(list) : null,
    nearestMetres: nnC.metres,
    tree,
  });
  lap('dbscan');

  const clarkEvans = clarkEvansOf(list, nnC, options.studyArea ?? null, plane, messages);
  lap('clarkEvans');

  // Coverage.
  const stations = (options.stations ?? []).filter(
    (s): s is [number, number] => Array.isArray(s) && Number.isFinite(s[0]) && Number.isFinite(s[1]) && Math.abs(s[0]) <= 180 && Math.abs(s[1]) <= 90,
  );
  const campuses = (options.campuses ?? []).filter(
    (f) => f && f.geometry && (f.geometry.type === 'Point' || f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'),
  );
  if (stations.length === 0) messages.push({ code: 'no-stations', text: 'No stations given: station coverage is missing' });
  if (campuses.length === 0) messages.push({ code: 'no-campuses', text: 'No campuses given: campus coverage is missing' });
  const basis: 'area' | 'count' = withArea > 0 ? 'area' : 'count';
  const stationSet = stations.length && n ? CoverageSet.of(stations, [], coverageDistanceM, plane) : null;
  const campusSet =
    campuses.length && n
      ? CoverageSet.of(
          campuses.filter((f) => f.geometry.type === 'Point').map((f) => (f.geometry as Point).coordinates as [number, number]),
          campuses.filter((f) => f.geometry.type !== 'Point').map((f) => f.geometry as Polygon | MultiPolygon),
          coverageDistanceM,
          plane,
        )
      : null;
  const coverageShare = (set: CoverageSet | null) =>
    set
      ? share(
          list,
          basis,
          (p) => set.coveredArea(p),
          (p) => set.contains(p.cx, p.cy),
        )
      : null;
  const countShare = (set: CoverageSet | null) =>
    set
      ? share(
          list,
          'count',
          () => 0,
          (p) => set.contains(p.cx, p.cy),
        )
      : null;
  const coverage: DispersionResult['coverage'] = {
    distanceM: coverageDistanceM,
    basis,
    stations: coverageShare(stationSet),
    campuses: coverageShare(campusSet),
    byCount: { stations: countShare(stationSet), campuses: countShare(campusSet) },
  };
  lap('coverage');

  const zones = n ? (options.zones ?? []).filter((z) => z && z.geometry).map((z) => zoneShare(z, list, basis, plane)) : [];
  lap('zones');

  const parkMetrics: ParkMetrics[] = list.map((p, i) => {
    const c = { index: nnC.index[i]!, metres: nnC.metres[i]! };
    const e = nnE[i]!;
    return {
      id: p.id,
      areaM2: p.areaM2,
      perimeterM: p.perimeterM,
      compactness: p.areaM2 !== null && p.perimeterM ? (4 * Math.PI * p.areaM2) / (p.perimeterM * p.perimeterM) : null,
      centroid: [p.lon, p.lat],
      nearestId: c.index >= 0 ? list[c.index]!.id : null,
      nnCentroidM: c.index >= 0 ? c.metres : null,
      nnEdgeM: e.index >= 0 ? e.metres : null,
      nearestEdgeId: e.index >= 0 ? list[e.index]!.id : null,
      cluster: db.labels[i] ?? null,
    };
  });

  const mst: DispersionResult['mst'] =
    n >= 2
      ? {
          edges: tree.map((e) => ({ from: list[e.a]!.id, to: list[e.b]!.id, lengthM: e.metres })),
          totalM: tree.reduce((s, e) => s + e.metres, 0),
          longestM: tree.reduce((m, e) => Math.max(m, e.metres), 0),
        }
      : null;

  const overlays: FeatureCollection = { type: 'FeatureCollection', features: [] };
  if (wantOverlays && n > 0) {
    overlays.features.push(...clusterHulls(list, db.labels, db.sizes, clusterDistanceM, plane));
    for (const e of tree) {
      const a = list[e.a]!;
      const b = list[e.b]!;
      overlays.features.push({
        type: 'Feature',
        properties: { role: 'mst', from: a.id, to: b.id, lengthM: e.metres },
        geometry: {
          type: 'LineString',
          coordinates: [
            [a.lon, a.lat],
            [b.lon, b.lat],
          ],
        },
      } satisfies Feature<LineString>);
    }
    lap('overlaysParks');
    const extent = overlayExtent(list, options.studyArea ?? null, plane);
    const st = stations.length ? coverageOverlay('coverage-station', stations, [], coverageDistanceM, options.studyArea ?? null, extent, plane) : null;
    if (st) overlays.features.push(st);
    const cp = campuses.length ? coverageOverlay('coverage-campus', [], campuses, coverageDistanceM, options.studyArea ?? null, extent, plane) : null;
    if (cp) overlays.features.push(cp);
    lap('overlaysCoverage');
  }

  messages.sort((a, b) => MESSAGE_ORDER.indexOf(a.code) - MESSAGE_ORDER.indexOf(b.code));
  const result: DispersionResult = {
    count: n,
    withArea,
    totalAreaM2,
    meanAreaM2: totalAreaM2 !== null ? totalAreaM2 / areas.length : null,
    medianAreaM2,
    largestShare,
    nnCentroid: summarise(Array.from(nnC.metres).filter((m) => m < Infinity)),
    nnEdge: summarise(nnE.filter((x) => x.index >= 0).map((x) => x.metres)),
    clarkEvans,
    clusters: {
      distanceM: clusterDistanceM,
      minPoints: clusterMinPoints,
      count: db.sizes.length,
      noise: db.labels.filter((l) => l === null).length,
      sizes: db.sizes,
    },
    mst,
    coverage,
    zones,
    parks: parkMetrics,
    messages,
    overlays,
  };
  if (options.timings) result.timingsMs = timings;
  return result;
}

/**
 * Share of the parks "in" something: by area (outlined parks only; `inside` gives the planar area inside) or by
 * count (all parks, an outline by its centroid).
 */
function share(
  parks: readonly PreparedPark[],
  basis: 'area' | 'count',
  inside: (p: PreparedPark) => number,
  centroidIn: (p: PreparedPark) => boolean,
): number | null {
  if (parks.length === 0) return null;
  if (basis === 'count') {
    let k = 0;
    for (const p of parks) if (centroidIn(p)) k++;
    return k / parks.length;
  }
  let total = 0;
  let covered = 0;
  for (const p of parks) {
    if (p.kind !== 'polygon' || !p.areaM2) continue;
    total += p.areaM2;
    covered += (inside(p) / p.planarArea) * p.areaM2;
  }
  return total > 0 ? Math.min(1, covered / total) : null;
}

function zoneShare(zone: ZoneInput, parks: readonly PreparedPark[], basis: 'area' | 'count', plane: LocalPlane): DispersionResult['zones'][number] {
  const tris = new TriangleSet(zone.geometry, plane);
  // A broken outline that the triangulation cannot cut exactly: fall back on polygon clipping for the parks it meets.
  const overlap = tris.exact
    ? (p: PreparedPark) => tris.overlapArea(p)
    : (p: PreparedPark) => {
        const f = intersect({
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', properties: {}, geometry: p.geometry as Polygon | MultiPolygon },
            { type: 'Feature', properties: {}, geometry: zone.geometry },
          ],
        });
        return f ? (area(f) / p.areaM2!) * p.planarArea : 0;
      };
  const contains = (p: PreparedPark) => tris.contains(p.cx, p.cy);
  return {
    id: zone.id,
    name_zh: zone.name_zh,
    name_en: zone.name_en,
    share: share(parks, basis, overlap, contains) ?? 0,
    basis,
    countShare: share(parks, 'count', () => 0, contains) ?? 0,
  };
}

/** Forgets the remembered coverage overlays (for benchmarks that time the first call). */
export function clearDispersionCache(): void {
  clearOverlayCache();
}
