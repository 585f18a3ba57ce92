import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import bbox from '@turf/bbox';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { loadShanghaiDistricts, YANGPU_ADCODE } from './districts.ts';
import { readContextLayers, type ContextLayerId } from './context.ts';
import { listFiles } from './freshness.ts';
import { labelPoints } from './labels.ts';
import { englishName } from './names.ts';
import { osmiumAvailable, readOsmExtracts, type ExtractLayers } from './osm-extract.ts';
import { schematicHuangpu } from './river.ts';
import { cutVectorTiles, type LayerInput } from './tiles.ts';
import { writePmtiles } from './pmtiles-writer.ts';
// The archive's extent and zooms: the app's style names its tiles with the same range.
import { BASEMAP_RANGE } from '../../src/lib/layers/basemap-range.ts';

/** A basemap layer that could not be built, and why; the map shows these to its users. */
export interface MissingLayer {
  layer: string;
  reason: string;
}

/** Everything the basemap build found, before tiling. */
export interface BasemapLayers {
  layers: LayerInput[];
  missing: MissingLayer[];
  /** Input files read, for the record. */
  inputs: string[];
  /** Whether the river is the schematic band (no real water polygon for it in the extracts). */
  schematicRiver: boolean;
  /** Yangpu's bounding box, which the map opens fitted to. */
  focusBounds: [number, number, number, number];
}

export interface BasemapOptions {
  /** Folder of the shared OSM-derived data; absent folders are reported as missing layers. */
  osmDir: string;
  /** Extra OSM extracts (.osm / .osm.pbf) given on the command line. */
  extracts?: string[];
}

const EXTRACT_LAYERS = ['roads', 'water', 'green', 'buildings', 'campuses', 'coverage'] as const;

function withIds<G extends Geometry>(features: Feature<G>[]): Feature<G>[] {
  return features.map((f, i) => ({ ...f, id: i + 1 }));
}

// Basemap labels need both languages; OSM often has only the Chinese name.
function named<G extends Geometry>(fc: FeatureCollection<G>): FeatureCollection<G> {
  return {
    type: 'FeatureCollection',
    features: withIds(
      fc.features.map((f) => {
        const { name, name_en, ...rest } = (f.properties ?? {}) as Record<string, unknown>;
        const zh = typeof name === 'string' ? name : '';
        return {
          ...f,
          properties: { ...rest, name_zh: zh, name_en: zh ? englishName(zh, typeof name_en === 'string' ? name_en : undefined) : '' },
        };
      }),
    ),
  };
}

const isHuangpu = (f: Feature) => /黄浦江|Huangpu/i.test(String(f.properties?.name_zh ?? '') + String(f.properties?.name_en ?? ''));

/** Reads every input and returns the basemap's layers, with what is missing and why. */
export async function assembleBasemap(options: BasemapOptions): Promise<BasemapLayers> {
  const missing: MissingLayer[] = [];
  const inputs: string[] = [];
  const districts = loadShanghaiDistricts();
  const districtFc: FeatureCollection = {
    type: 'FeatureCollection',
    features: districts.features.map((f, i) => ({
      type: 'Feature',
      id: i + 1,
      geometry: f.geometry,
      properties: { adcode: f.properties.adcode, name_zh: f.properties.name_zh, name_en: f.properties.name_en, focus: f.properties.adcode === YANGPU_ADCODE },
    })),
  };
  const layers: LayerInput[] = [
    { id: 'districts', features: districtFc, description: 'Shanghai districts (echarts 4.9.0, GCJ-02→WGS-84)' },
    { id: 'district_labels', features: labelPoints(districtFc as never), description: 'District label points' },
  ];

  const context = existsSync(options.osmDir)
    ? readContextLayers(options.osmDir)
    : {
        layers: {},
        missing: (['metro_lines', 'metro_stations', 'elevated_roads', 'subdistricts'] as ContextLayerId[]).map((layer) => ({
          layer,
          reason: `OSM data folder ${options.osmDir} not found`,
        })),
        inputs: [],
      };
  missing.push(...context.missing);
  inputs.push(...context.inputs);
  const c = context.layers;
  if (c.metro_lines) layers.push({ id: 'metro_lines', features: c.metro_lines, minZoom: 9, description: 'Metro lines (OSM)' });
  if (c.metro_stations) layers.push({ id: 'metro_stations', features: c.metro_stations, minZoom: 10, description: 'Metro stations (OSM)' });
  if (c.elevated_roads) layers.push({ id: 'elevated_roads', features: c.elevated_roads, minZoom: 9, description: 'Elevated roads (OSM)' });
  if (c.subdistricts) {
    layers.push({ id: 'subdistricts', features: c.subdistricts, minZoom: 10, description: 'Subdistricts, partial (OSM)' });
    layers.push({ id: 'subdistrict_labels', features: labelPoints(c.subdistricts as never), minZoom: 11, description: 'Subdistrict label points' });
  }

  const extractDir = join(options.osmDir, 'extracts');
  const extractFiles = [...listFiles([extractDir], (n) => /\.osm(\.pbf)?$/.test(n)), ...(options.extracts ?? [])];
  let extracts: ExtractLayers | null = null;
  if (!extractFiles.length) {
    for (const layer of EXTRACT_LAYERS) missing.push({ layer, reason: 'no OpenStreetMap extract was given' });
  } else if (!osmiumAvailable()) {
    for (const layer of EXTRACT_LAYERS) missing.push({ layer, reason: 'osmium-tool is not installed (apt-get install osmium-tool)' });
  } else {
    extracts = await readOsmExtracts(extractFiles, { clipBbox: BASEMAP_RANGE.bounds });
    inputs.push(...extractFiles);
  }

  const water = extracts ? named(extracts.water) : { type: 'FeatureCollection' as const, features: [] };
  const realRiver = water.features.some(isHuangpu);
  const waterPolys = water.features.filter((f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon');
  const waterLines = water.features
    .filter((f) => f.geometry.type === 'LineString' || f.geometry.type === 'MultiLineString')
    .map((f) => ({ ...f, properties: { ...f.properties, schematic: false, label_zh: f.properties?.name_zh ?? '', label_en: f.properties?.name_en ?? '' } }));
  const polys: Feature[] = waterPolys.map((f) => ({ ...f, properties: { ...f.properties, schematic: false } }));
  if (!realRiver) {
    const river = schematicHuangpu(districts, { bbox: BASEMAP_RANGE.bounds });
    polys.push({ ...river.band, properties: { name_zh: '黄浦江', name_en: 'Huangpu River', schematic: true } });
    waterLines.push({
      ...river.centreline,
      properties: { name_zh: '黄浦江', name_en: 'Huangpu River', schematic: true, label_zh: '黄浦江（示意）', label_en: 'Huangpu River (schematic)' },
    } as never);
  }
  layers.push({
    id: 'water',
    features: { type: 'FeatureCollection', features: withIds(polys) },
    description: 'Water; schematic=true marks the drawn Huangpu band',
  });
  layers.push({ id: 'waterways', features: { type: 'FeatureCollection', features: withIds(waterLines as Feature[]) }, description: 'River centre lines' });

  if (extracts) {
    layers.push({ id: 'green', features: named(extracts.green), minZoom: 11, description: 'Green space (OSM extracts)' });
    layers.push({ id: 'campuses', features: named(extracts.campuses), minZoom: 10, description: 'University campuses (OSM amenity=university)' });
    layers.push({ id: 'buildings', features: named(extracts.buildings), minZoom: 13, description: 'Buildings (OSM extracts)' });
    layers.push({ id: 'roads', features: named(extracts.roads), minZoom: 12, description: 'Streets (OSM extracts)' });
    layers.push({
      id: 'coverage',
      features: {
        type: 'FeatureCollection',
        features: withIds(extracts.coverage.features.map((f) => ({ ...f, properties: { file: basename(String(f.properties?.file ?? '')) } }))),
      },
      minZoom: 10,
      description: 'Where the OSM extracts have detail',
    });
    for (const id of ['green', 'campuses', 'buildings', 'roads'] as const) {
      if (!extracts[id].features.length) missing.push({ layer: id, reason: 'the OpenStreetMap extracts have no such features' });
    }
  }
  const focusBounds = bbox(districts.features.find((d) => d.properties.adcode === YANGPU_ADCODE)!) as [number, number, number, number];
  return { layers: layers.filter((l) => l.features.features.length > 0), missing, inputs, schematicRiver: !realRiver, focusBounds };
}

/** Cuts the assembled layers into tiles and writes a PMTiles archive, returning its bytes and metadata. */
export function tileBasemap(assembled: BasemapLayers, builtAt = new Date().toISOString()) {
  const { tiles, vectorLayers } = cutVectorTiles(assembled.layers, {
    minZoom: BASEMAP_RANGE.minzoom,
    maxZoom: BASEMAP_RANGE.maxzoom,
    bounds: BASEMAP_RANGE.bounds,
  });
  const metadata = {
    name: 'Yangpu basemap',
    format: 'pbf',
    vector_layers: vectorLayers,
    attribution: '© OpenStreetMap contributors; echarts 4.9.0',
    generator: 'yangpu-innovation-map scripts/build-data.ts',
    built_at: builtAt,
    missing: assembled.missing,
    schematic_river: assembled.schematicRiver,
    focus_bounds: assembled.focusBounds.map((v) => Math.round(v * 1e5) / 1e5),
  };
  const bytes = writePmtiles(tiles, {
    minZoom: BASEMAP_RANGE.minzoom,
    maxZoom: BASEMAP_RANGE.maxzoom,
    bounds: BASEMAP_RANGE.bounds,
    center: [121.525, 31.295, 12],
    metadata,
  });
  return { bytes, metadata, tileCount: tiles.length };
}
