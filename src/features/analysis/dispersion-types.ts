import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

/** A park the dispersion analysis reads: a polygon (with an area) or a point (location only). */
export type ParkFeature = Feature<Polygon | MultiPolygon | Point, { id: string; name_zh?: string; name_en?: string; [key: string]: unknown }>;

/** A named area parks may lie in (未来谷, 杨数浦). */
export interface ZoneInput {
  id: string;
  name_zh: string;
  name_en: string;
  geometry: Polygon | MultiPolygon;
}

/** Options of the dispersion analysis; every field has a default. */
export interface DispersionOptions {
  /** Study area of the Clark–Evans ratio (the district outline); without it, R is not computed and a message says so. */
  studyArea?: Polygon | MultiPolygon | null;
  /** DBSCAN neighbourhood distance, metres (default 500). */
  clusterDistanceM?: number;
  /** DBSCAN minimum points for a core park (default 2: two parks within the distance form a cluster). */
  clusterMinPoints?: number;
  /** Coverage distance from stations and campuses, metres (default 800, a ten-minute walk). */
  coverageDistanceM?: number;
  /** Metro stations, lon/lat. */
  stations?: readonly [number, number][];
  /** Campuses: polygons or points. */
  campuses?: readonly Feature<Polygon | MultiPolygon | Point>[];
  /** Zones whose share of park area (or of parks, for points) is reported. */
  zones?: readonly ZoneInput[];
  /** Whether to return the map overlays (default true). */
  overlays?: boolean;
  /** Whether to report how long each step took in `timingsMs` (default false; for the benchmark). */
  timings?: boolean;
}

/** Why a figure is missing or to be read with care; the UI words it in the user's language. */
export type DispersionMessageCode =
  | 'empty' // no parks at all
  | 'single' // one park: no distances, no clusters, no tree
  | 'no-area' // no park has an outline: area figures are missing
  | 'some-points' // some parks are points: area figures cover the outlined ones only
  | 'invalid-geometry' // a park's geometry is invalid (self-intersecting, too few vertices) and was left out
  | 'duplicate' // two parks share a location (or id); counted once
  | 'no-study-area' // Clark–Evans needs the study area
  | 'too-few-for-r' // fewer than 3 parks: R is not meaningful
  | 'no-stations'
  | 'no-campuses'
  | 'missing-id' // a park has no id (neither properties.id nor the feature's id) and was left out
  | 'outside-study-area'; // some parks' centroids lie outside the study area: Clark–Evans counts only those inside

export interface DispersionMessage {
  code: DispersionMessageCode;
  /** Ids of the parks concerned, when the message is about some of them. */
  ids?: string[];
  /** The message in English, for logs and tests. */
  text: string;
}

/** Figures of one park. Null where the figure does not exist (a point has no area). */
export interface ParkMetrics {
  id: string;
  areaM2: number | null;
  perimeterM: number | null;
  /** Polsby–Popper: 4πA/P², 1 for a circle. */
  compactness: number | null;
  centroid: [number, number];
  /** Nearest other park: its id, centroid-to-centroid and edge-to-edge distances (m); null for a lone park. */
  nearestId: string | null;
  nnCentroidM: number | null;
  nnEdgeM: number | null;
  /** The park nearest edge to edge (may differ from `nearestId`, which is nearest centroid to centroid). */
  nearestEdgeId?: string | null;
  /** DBSCAN cluster number (0, 1, …), or null for noise. */
  cluster: number | null;
}

/** Summary of a sample of distances. */
export interface DistanceSummary {
  meanM: number;
  medianM: number;
  minM: number;
  maxM: number;
}

/** The Clark–Evans nearest-neighbour ratio over the study area. */
export interface ClarkEvans {
  /** Observed mean nearest-neighbour distance / expected under complete spatial randomness. */
  R: number;
  z: number;
  observedMeanM: number;
  expectedMeanM: number;
  studyAreaM2: number;
  /** Parks counted: those whose centroid lies in the study area. */
  n?: number;
  /** R < 1 and significant: clustered; R > 1 and significant: dispersed; else not distinguishable from random. */
  reading: 'clustered' | 'random' | 'dispersed';
  /** |z| > 1.96 (5 % two-sided). */
  significant: boolean;
}

/** The whole result. Figures that cannot be computed are null, with a message saying why; never NaN. */
export interface DispersionResult {
  count: number;
  /** Parks with an outline (whose area is known). */
  withArea: number;
  totalAreaM2: number | null;
  meanAreaM2: number | null;
  medianAreaM2: number | null;
  /** Area of the largest park / total area. */
  largestShare: number | null;
  nnCentroid: DistanceSummary | null;
  nnEdge: DistanceSummary | null;
  clarkEvans: ClarkEvans | null;
  clusters: { distanceM: number; minPoints: number; count: number; noise: number; sizes: number[] };
  /** Minimum spanning tree over park centroids (great-circle distances). */
  mst: { edges: { from: string; to: string; lengthM: number }[]; totalM: number; longestM: number } | null;
  /** Share of park area (or of parks, when none has an area) within the distance of a station / a campus. */
  coverage: {
    distanceM: number;
    basis: 'area' | 'count';
    stations: number | null;
    campuses: number | null;
    /** Share of all parks (points, and outlined parks by their centroid) within the distance, whatever the basis. */
    byCount?: { stations: number | null; campuses: number | null };
  };
  /** Share of park area (or count) inside each zone; empty when there is no park. */
  zones: {
    id: string;
    name_zh: string;
    name_en: string;
    share: number;
    basis: 'area' | 'count';
    /** Share of all parks (points, and outlined parks by their centroid) inside the zone, whatever the basis. */
    countShare?: number;
  }[];
  parks: ParkMetrics[];
  messages: DispersionMessage[];
  /**
   * Map overlays, told apart by `role`: 'cluster' (hull of a cluster, with `cluster` and `size`), 'mst' (a
   * tree edge, with `lengthM`), 'coverage-station' and 'coverage-campus' (the buffers' union). Empty when
   * `overlays: false`.
   */
  overlays: FeatureCollection;
  /** Milliseconds per step, when `timings: true`. */
  timingsMs?: Record<string, number>;
}
