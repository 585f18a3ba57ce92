import type { Feature, FeatureCollection, GeoJsonProperties } from 'geojson';
import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { TileEntry } from './pmtiles-writer.ts';

/** One named layer to cut. Its zoom range is clipped to the cut's `minZoom..maxZoom`. */
export interface LayerInput {
  id: string;
  features: FeatureCollection;
  minZoom?: number;
  maxZoom?: number;
  description?: string;
}

/** Settings for {@link cutVectorTiles}. */
export interface CutOptions {
  minZoom: number;
  maxZoom: number;
  /** West, south, east, north in WGS-84 degrees: only tiles touching this box are produced. */
  bounds: [number, number, number, number];
  /** Tile extent in tile units; default 4096. */
  extent?: number;
  /** Buffer around each tile in tile units; default 64. */
  buffer?: number;
  /** geojson-vt simplification tolerance in tile units; default 3 (no simplification at a layer's last zoom). */
  tolerance?: number;
}

/** Field type names as used by TileJSON `vector_layers`. */
export type FieldType = 'String' | 'Number' | 'Boolean';

/** TileJSON `vector_layers` item for a layer that appears in at least one tile. */
export interface VectorLayer {
  id: string;
  fields: Record<string, FieldType>;
  minzoom: number;
  maxzoom: number;
  description?: string;
}

/** Inclusive tile x/y range at one zoom. */
export interface TileRange {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

// geojson-vt accepts no deeper zoom.
const MAX_ZOOM = 24;
const MAX_MERCATOR_LAT = 85.0511287798066;

/**
 * Tiles at zoom `z` (web mercator, XYZ scheme) that intersect `bounds` = [w, s, e, n].
 * A box edge lying exactly on a tile edge does not pull in the neighbouring tile.
 */
export function tileRangeForBounds(z: number, bounds: readonly [number, number, number, number]): TileRange {
  const [w, s, e, n] = bounds;
  const size = 2 ** z;
  const fx = (lon: number) => ((lon + 180) / 360) * size;
  const fy = (lat: number) => {
    const phi = (Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat)) * Math.PI) / 180;
    return ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * size;
  };
  const clamp = (v: number) => Math.max(0, Math.min(size - 1, v));
  const minX = clamp(Math.floor(fx(w)));
  const minY = clamp(Math.floor(fy(n)));
  return {
    minX,
    maxX: clamp(Math.max(minX, Math.ceil(fx(e)) - 1)),
    minY,
    maxY: clamp(Math.max(minY, Math.ceil(fy(s)) - 1)),
  };
}

interface PreparedLayer {
  id: string;
  minZoom: number;
  maxZoom: number;
  description: string | undefined;
  fields: Map<string, FieldType>;
  index: GeoJSONVT;
  used: boolean;
}

/**
 * Cuts several GeoJSON layers into Mapbox Vector Tiles (spec v2), one PBF per tile holding every layer
 * present there, for each zoom in `minZoom..maxZoom` and each tile touching `bounds`.
 * A layer is left out of tiles outside its own zoom range; tiles with no features in any layer are skipped.
 * Numeric feature ids (non-negative integers) are kept for feature-state; string ids are dropped, because
 * MVT ids are unsigned integers. Properties must be strings, finite numbers or booleans (null/undefined are
 * dropped); anything else, or one field with two types in a layer, throws so the data gets fixed upstream.
 * `vectorLayers` lists, in input order, only the layers that appear in at least one tile.
 * Inputs are not mutated.
 */
export function cutVectorTiles(layers: LayerInput[], opts: CutOptions): { tiles: TileEntry[]; vectorLayers: VectorLayer[] } {
  const { minZoom, maxZoom } = opts;
  const extent = opts.extent ?? 4096;
  const buffer = opts.buffer ?? 64;
  const tolerance = opts.tolerance ?? 3;
  checkZoom(minZoom, 'minZoom');
  checkZoom(maxZoom, 'maxZoom');
  if (minZoom > maxZoom) throw new Error(`tiles: minZoom ${minZoom} is greater than maxZoom ${maxZoom}`);
  if (!Number.isInteger(extent) || extent <= 0) throw new Error(`tiles: extent must be a positive integer, got ${extent}`);
  if (!Number.isInteger(buffer) || buffer < 0) throw new Error(`tiles: buffer must be a non-negative integer, got ${buffer}`);
  if (!Number.isFinite(tolerance) || tolerance < 0) throw new Error(`tiles: tolerance must be >= 0, got ${tolerance}`);
  const bounds = checkBounds(opts.bounds);

  const seen = new Set<string>();
  const prepared: PreparedLayer[] = [];
  for (const layer of layers) {
    if (typeof layer.id !== 'string' || layer.id === '') throw new Error('tiles: every layer needs a non-empty string id');
    if (seen.has(layer.id)) throw new Error(`tiles: duplicate layer id "${layer.id}"`);
    seen.add(layer.id);
    if (layer.features?.type !== 'FeatureCollection' || !Array.isArray(layer.features.features)) {
      throw new Error(`tiles: layer "${layer.id}" features must be a FeatureCollection`);
    }
    if (layer.minZoom !== undefined) checkZoom(layer.minZoom, `layer "${layer.id}" minZoom`);
    if (layer.maxZoom !== undefined) checkZoom(layer.maxZoom, `layer "${layer.id}" maxZoom`);
    const lo = Math.max(minZoom, layer.minZoom ?? minZoom);
    const hi = Math.min(maxZoom, layer.maxZoom ?? maxZoom);
    if (lo > hi) {
      throw new Error(`tiles: layer "${layer.id}" zoom range ${layer.minZoom}..${layer.maxZoom} misses ${minZoom}..${maxZoom}`);
    }
    if (layer.features.features.length === 0) continue;
    const { collection, fields } = sanitizeLayer(layer);
    prepared.push({
      id: layer.id,
      minZoom: lo,
      maxZoom: hi,
      description: layer.description,
      fields,
      // geojson-vt's maxZoom is the last zoom it simplifies for; the layer's own last zoom keeps full detail.
      index: new GeoJSONVT(collection, { maxZoom: hi, extent, buffer, tolerance }),
      used: false,
    });
  }

  const tiles: TileEntry[] = [];
  for (let z = minZoom; z <= maxZoom; z++) {
    const active = prepared.filter((l) => l.minZoom <= z && z <= l.maxZoom);
    if (active.length === 0) continue;
    const range = tileRangeForBounds(z, bounds);
    for (let x = range.minX; x <= range.maxX; x++) {
      for (let y = range.minY; y <= range.maxY; y++) {
        const present: Record<string, GeoJSONVTTile> = {};
        let any = false;
        for (const layer of active) {
          const tile = layer.index.getTile(z, x, y);
          if (tile && tile.features.length > 0) {
            present[layer.id] = tile;
            layer.used = true;
            any = true;
          }
        }
        if (any) tiles.push({ z, x, y, data: fromGeojsonVt(present, { version: 2, extent }) });
      }
    }
  }

  const vectorLayers: VectorLayer[] = prepared
    .filter((l) => l.used)
    .map((l) => {
      const fields: Record<string, FieldType> = {};
      for (const key of [...l.fields.keys()].sort()) fields[key] = l.fields.get(key)!;
      const vl: VectorLayer = { id: l.id, fields, minzoom: l.minZoom, maxzoom: l.maxZoom };
      if (l.description !== undefined) vl.description = l.description;
      return vl;
    });
  return { tiles, vectorLayers };
}

function checkZoom(z: number, name: string): void {
  if (!Number.isInteger(z) || z < 0 || z > MAX_ZOOM) throw new Error(`tiles: ${name} must be an integer from 0 to ${MAX_ZOOM}, got ${z}`);
}

function checkBounds(b: readonly number[]): [number, number, number, number] {
  const [w, s, e, n] = b;
  if (b.length !== 4 || w === undefined || s === undefined || e === undefined || n === undefined || !b.every(Number.isFinite)) {
    throw new Error(`tiles: bounds must be four finite numbers [w, s, e, n], got ${JSON.stringify(b)}`);
  }
  if (w < -180 || e > 180 || s < -90 || n > 90 || w > e || s > n) {
    throw new Error(`tiles: bounds ${JSON.stringify(b)} are not a w <= e, s <= n box in degrees`);
  }
  return [w, s, e, n];
}

/** Copies the layer's features with checked properties and ids, so geojson-vt never holds the caller's objects. */
function sanitizeLayer(layer: LayerInput): { collection: FeatureCollection; fields: Map<string, FieldType> } {
  const fields = new Map<string, FieldType>();
  const features = layer.features.features.map((f: Feature, i: number): Feature => {
    const where = `layer "${layer.id}" feature #${i}`;
    const properties: GeoJsonProperties = {};
    for (const [key, value] of Object.entries(f.properties ?? {})) {
      if (value === null || value === undefined) continue;
      let type: FieldType;
      if (typeof value === 'string') type = 'String';
      else if (typeof value === 'boolean') type = 'Boolean';
      else if (typeof value === 'number') {
        if (!Number.isFinite(value)) throw new Error(`tiles: ${where} property "${key}" is ${value}; MVT needs finite numbers`);
        type = 'Number';
      } else {
        throw new Error(`tiles: ${where} property "${key}" is a ${Array.isArray(value) ? 'array' : typeof value}; flatten it to strings/numbers/booleans`);
      }
      const known = fields.get(key);
      if (known === undefined) fields.set(key, type);
      else if (known !== type) throw new Error(`tiles: ${where} property "${key}" is ${type} but earlier features have ${known}`);
      properties[key] = value;
    }
    const copy: Feature = { type: 'Feature', geometry: f.geometry, properties };
    if (typeof f.id === 'number') {
      // vt-pbf writes ids as unsigned varints: anything else would come out as a different id.
      if (!Number.isSafeInteger(f.id) || f.id < 0) throw new Error(`tiles: ${where} id ${f.id} is not a non-negative integer`);
      copy.id = f.id;
    }
    return copy;
  });
  return { collection: { type: 'FeatureCollection', features }, fields };
}
