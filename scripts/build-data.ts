#!/usr/bin/env -S npx tsx
/**
 * Builds what the map loads from its inputs: `npm run data [-- --osm extract.osm.pbf] [--if-stale]`.
 * The OSM data folder defaults to ../shared/data/osm and can be set with YANGPU_OSM_DIR or --osm-dir.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { assembleBasemap, tileBasemap } from './lib/basemap.ts';
import { echartsShanghaiPath } from './lib/districts.ts';
import { fingerprint, isStale, listFiles } from './lib/freshness.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    osm: { type: 'string', multiple: true, default: [] },
    'osm-dir': { type: 'string' },
    'if-stale': { type: 'boolean', default: false },
    out: { type: 'string', default: resolve(root, 'public') },
  },
});

const osmDir = resolve(values['osm-dir'] ?? process.env.YANGPU_OSM_DIR ?? resolve(root, '../shared/data/osm'));
const extracts = values.osm.map((p) => resolve(p));
const outDir = resolve(values.out);
const basemapPath = resolve(outDir, 'tiles/basemap.pmtiles');
// One record per output folder, so a build into a scratch folder does not make the real one look stale.
const recordPath = resolve(root, '.cache', `data-build-${createHash('sha256').update(outDir).digest('hex').slice(0, 12)}.json`);

const inputs = fingerprint([
  ...listFiles([osmDir, ...extracts]),
  echartsShanghaiPath(),
  ...listFiles([resolve(root, 'scripts'), resolve(root, 'data')]),
]);
// The output path and the explicit extracts are part of what was built, not only the files' contents.
const record = { ...inputs, '#out': outDir, '#extracts': extracts.join('|') };

if (values['if-stale'] && !isStale([basemapPath], recordPath, record)) {
  console.log('data: up to date');
  process.exit(0);
}

const started = performance.now();
const assembled = await assembleBasemap({ osmDir, extracts });
const { bytes, metadata, tileCount } = tileBasemap(assembled);
mkdirSync(dirname(basemapPath), { recursive: true });
writeFileSync(basemapPath, bytes);
for (const m of assembled.missing) console.warn(`data: missing layer ${m.layer}: ${m.reason}`);
console.log(
  `data: ${basemapPath} — ${tileCount} tiles, ${(bytes.length / 1024).toFixed(0)} KiB, layers ${metadata.vector_layers
    .map((l) => l.id)
    .join(', ')} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
mkdirSync(dirname(recordPath), { recursive: true });
writeFileSync(recordPath, JSON.stringify(record, null, 1));
