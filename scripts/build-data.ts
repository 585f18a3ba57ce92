#!/usr/bin/env -S npx tsx
/**
 * Builds what the map loads from its inputs: `npm run data [-- --osm extract.osm.pbf] [--if-stale]`.
 * The OSM data folder defaults to ../shared/data/osm and can be set with YANGPU_OSM_DIR or --osm-dir.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { assembleBasemap, tileBasemap } from './lib/basemap.ts';
import { buildPlanDataset, LOCATED_FILE, UNLOCATED_FILE, writePlanDataset } from './lib/plan/build.ts';
import { DEFAULT_GAZETTEER, loadGazetteer } from './lib/plan/gazetteer.ts';
import { applyOsmCampuses } from './lib/plan/osm-campuses.ts';
import { PlanValidationError } from './lib/plan/validate.ts';
import { buildSearchIndex, SEARCH_FILE, withEnglishAddresses, writeSearchIndex } from './lib/search-index.ts';
import { buildObstacles, OBSTACLES_FILE, writeObstacles } from './lib/obstacles.ts';
import { echartsShanghaiPath } from './lib/districts.ts';
import { STUDY_AREA_FILE, writeStudyArea } from './lib/study-area.ts';
import { fingerprint, isStale, listFiles } from './lib/freshness.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    osm: { type: 'string', multiple: true, default: [] },
    'osm-dir': { type: 'string' },
    'if-stale': { type: 'boolean', default: false },
    out: { type: 'string', default: resolve(root, 'public') },
    'plan-text': { type: 'string' },
  },
});

const osmDir = resolve(values['osm-dir'] ?? process.env.YANGPU_OSM_DIR ?? resolve(root, '../shared/data/osm'));
const extracts = values.osm.map((p) => resolve(p));
const outDir = resolve(values.out);
const basemapPath = resolve(outDir, 'tiles/basemap.pmtiles');
const planDir = resolve(outDir, 'data');
// The plan's text lets the build check every quotation in the dataset; without it the check is skipped.
const planTextPath = resolve(values['plan-text'] ?? process.env.PLAN_TEXT ?? resolve(root, '../shared/seed/yangpu-action-plan-2024-2026.zh.txt'));
// The gazetteer adds the addresses its notes give for plan places to search; without it search has the plan's own.
const gazetteerPath = resolve(process.env.GAZETTEER ?? resolve(root, DEFAULT_GAZETTEER));
// One record per output folder, so a build into a scratch folder does not make the real one look stale.
const recordPath = resolve(root, '.cache', `data-build-${createHash('sha256').update(outDir).digest('hex').slice(0, 12)}.json`);

const inputs = fingerprint([
  ...listFiles([osmDir, ...extracts]),
  echartsShanghaiPath(),
  ...listFiles([resolve(root, 'scripts'), resolve(root, 'data'), resolve(root, 'src/lib/data'), planTextPath, gazetteerPath]),
]);
// The output path and the explicit extracts are part of what was built, not only the files' contents.
const record = { ...inputs, '#out': outDir, '#extracts': extracts.join('|') };

const outputs = [
  basemapPath,
  resolve(planDir, LOCATED_FILE),
  resolve(planDir, UNLOCATED_FILE),
  resolve(planDir, SEARCH_FILE),
  resolve(planDir, OBSTACLES_FILE),
  resolve(planDir, STUDY_AREA_FILE),
];
if (values['if-stale'] && !isStale(outputs, recordPath, record)) {
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
let plan;
try {
  plan = buildPlanDataset({
    dataDir: resolve(root, 'data/plan'),
    planText: existsSync(planTextPath) ? readFileSync(planTextPath, 'utf8') : undefined,
  });
} catch (e) {
  if (e instanceof PlanValidationError) {
    console.error(`data: the plan dataset is invalid:\n${e.errors.map((m) => `  ${m}`).join('\n')}`);
    process.exit(1);
  }
  throw e;
}
if (!existsSync(planTextPath)) console.warn(`data: ${planTextPath} not found — plan quotations not checked`);
const osmCampuses = assembled.layers.find((l) => l.id === 'campuses')?.features;
if (osmCampuses) {
  const { collection, replaced } = applyOsmCampuses(plan.located, osmCampuses as never);
  plan = { ...plan, located: collection };
  for (const r of replaced) console.log(`data: campus ${r.id} drawn from OpenStreetMap ${r.osmId}`);
}
plan = { ...plan, located: withEnglishAddresses(plan.located, assembled.layers) };
for (const w of writePlanDataset(planDir, plan)) console.log(`data: ${w.path} (${(w.bytes / 1024).toFixed(0)} KiB)`);
const gazetteer = existsSync(gazetteerPath) ? loadGazetteer(gazetteerPath) : undefined;
if (!gazetteer) console.warn(`data: ${gazetteerPath} not found — search has only the plan's own addresses`);
const places = buildSearchIndex({ plan: plan.located, layers: assembled.layers, gazetteer });
const searchOut = writeSearchIndex(planDir, places);
console.log(`data: ${searchOut.path} — ${places.length} places (${(searchOut.bytes / 1024).toFixed(0)} KiB)`);
const obstacles = buildObstacles({ assembledLayers: assembled.layers, plan: plan.located });
const obstaclesOut = writeObstacles(planDir, obstacles);
console.log(`data: ${obstaclesOut.path} — ${obstacles.features.length} obstacles (${(obstaclesOut.bytes / 1024).toFixed(0)} KiB)`);
const studyAreaOut = writeStudyArea(planDir);
console.log(`data: ${studyAreaOut.path} — Yangpu's outline, the dispersion analysis's study area (${(studyAreaOut.bytes / 1024).toFixed(1)} KiB)`);

mkdirSync(dirname(recordPath), { recursive: true });
writeFileSync(recordPath, JSON.stringify(record, null, 1));
