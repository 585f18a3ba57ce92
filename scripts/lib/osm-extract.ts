import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Feature, Polygon } from 'geojson';
import { classify, EXPORT_CONFIG } from './osm/classify.ts';
import { mergeByOsmId } from './osm/merge.ts';
import { bboxPolygon, checkBbox, dataBox, headerBox, intersect, OSMIUM, osmium, osmiumAvailable, sniffFormat } from './osm/osmium.ts';
import type { Bbox, CoverageProps, ExtractLayers, RawFeature, ReadOptions } from './osm/types.ts';

/*
 * Reads raw OpenStreetMap extracts (OSM XML or PBF) with osmium-tool and sorts their ways and
 * multipolygon relations into the basemap's layers. osmium does the geometry work (node locations,
 * multipolygon assembly, area-vs-line rules); this module only picks features and a few properties.
 */

export { buildingHeight, CAMPUS_BUILDING_MIN_AREA_M2, METRES_PER_LEVEL, parseHeight, roadClass } from './osm/classify.ts';
export { osmiumAvailable } from './osm/osmium.ts';
export type {
  Bbox,
  BuildingProps,
  CampusProps,
  CoverageProps,
  ExtractLayers,
  GreenProps,
  ReadOptions,
  RoadClass,
  RoadProps,
  WaterKind,
  WaterProps,
} from './osm/types.ts';

interface FileResult {
  features: RawFeature[];
  coverage: Feature<Polygon, CoverageProps> | undefined;
}

/**
 * Reads every file with osmium, merges them by OSM object (a feature found in several files is kept
 * once, the copy with the most coordinates winning) and sorts the features into layers.
 */
export async function readOsmExtracts(files: string[], opts: ReadOptions = {}): Promise<ExtractLayers> {
  if (opts.clipBbox) checkBbox(opts.clipBbox);
  for (const file of files) {
    const st = await stat(file).catch(() => undefined);
    if (!st) throw new Error(`OSM extract not found: ${file}`);
    if (!st.isFile()) throw new Error(`OSM extract is not a file: ${file}`);
  }
  if (files.length > 0 && !osmiumAvailable()) {
    throw new Error(`osmium-tool is not installed (the "${OSMIUM}" command was not found); needed to read ${files.join(', ')}`);
  }

  const tmp = await mkdtemp(join(tmpdir(), 'osm-extract-'));
  try {
    await writeFile(join(tmp, 'export-config.json'), JSON.stringify(EXPORT_CONFIG));
    const results: FileResult[] = [];
    for (const [i, file] of files.entries()) results.push(await readOne(file, i, tmp, opts.clipBbox));

    const layers = classify(mergeByOsmId(results.map((r) => r.features)));
    for (const { coverage } of results) if (coverage) layers.coverage.features.push(coverage);
    return layers;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function readOne(file: string, index: number, tmp: string, clip: Bbox | undefined): Promise<FileResult> {
  const format = await sniffFormat(file);
  const fmtArgs = format ? ['-F', format] : [];
  const info = await osmium(file, ['fileinfo', '-j', ...fmtArgs, file]);
  let box = headerBox(info);
  if (!box) box = dataBox(await osmium(file, ['fileinfo', '-e', '-j', ...fmtArgs, file]));

  let input = file;
  let inputFmt = fmtArgs;
  if (clip) {
    input = join(tmp, `clip-${index}.osm.pbf`);
    await osmium(file, ['extract', '-b', clip.join(','), '-s', 'complete_ways', ...fmtArgs, '-O', '-o', input, file]);
    inputFmt = [];
    box = box && intersect(box, clip);
  }
  const out = join(tmp, `export-${index}.geojsonseq`);
  await osmium(file, [
    'export',
    '-c',
    join(tmp, 'export-config.json'),
    '-f',
    'geojsonseq',
    '--add-unique-id=type_id',
    '--geometry-types=linestring,polygon',
    ...inputFmt,
    '-O',
    '-o',
    out,
    input,
  ]);
  const features: RawFeature[] = [];
  const lines = createInterface({ input: createReadStream(out, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    const text = line.replace(/^\x1e/, '').trim();
    if (text) features.push(JSON.parse(text) as RawFeature);
  }
  const coverage: Feature<Polygon, CoverageProps> | undefined = box && {
    type: 'Feature',
    properties: { file: basename(file), source: 'OpenStreetMap' },
    geometry: bboxPolygon(box),
  };
  return { features, coverage };
}
