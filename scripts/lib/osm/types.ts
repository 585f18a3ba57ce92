import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';

export type RoadClass = 'motorway' | 'trunk' | 'primary' | 'secondary' | 'tertiary' | 'residential' | 'service' | 'path' | 'other';

export interface RoadProps {
  osm_id: string;
  class: RoadClass;
  name?: string;
  name_en?: string;
  bridge?: true;
  tunnel?: true;
}
export type WaterKind = 'water' | 'river' | 'canal' | 'stream';
export interface WaterProps {
  osm_id: string;
  kind: WaterKind;
  name?: string;
  name_en?: string;
}
export interface GreenProps {
  osm_id: string;
  /** The tag value: park, garden, pitch, playground, grass, forest, wood, … */
  kind: string;
  name?: string;
  name_en?: string;
}
export interface BuildingProps {
  osm_id: string;
  name?: string;
  /** Metres, from `height` or `building:levels` × 3.2; omitted when unknown. */
  height?: number;
}
export interface CampusProps {
  osm_id: string;
  name?: string;
  name_en?: string;
}
export interface CoverageProps {
  file: string;
  source: 'OpenStreetMap';
}

export interface ExtractLayers {
  roads: FeatureCollection<LineString | MultiLineString, RoadProps>;
  water: FeatureCollection<Polygon | MultiPolygon | LineString | MultiLineString, WaterProps>;
  green: FeatureCollection<Polygon | MultiPolygon, GreenProps>;
  buildings: FeatureCollection<Polygon | MultiPolygon, BuildingProps>;
  campuses: FeatureCollection<Polygon | MultiPolygon, CampusProps>;
  /** One polygon per input file: its header bounds (or its data's bbox), cut to `clipBbox`. */
  coverage: FeatureCollection<Polygon, CoverageProps>;
}

export type Bbox = [west: number, south: number, east: number, north: number];

export interface ReadOptions {
  /** Cut each file to this box with `osmium extract -b` (complete ways) before exporting. */
  clipBbox?: Bbox;
}

export type Tags = Record<string, string | number | undefined>;
export type RawFeature = Feature<Geometry, Tags>;
