/**
 * The study area of the dispersion analysis (plan task 2): Yangpu's district outline as one GeoJSON Feature, from
 * echarts' Shanghai map (GCJ-02 → WGS-84, ±100 m; see districts.ts) — not from OpenStreetMap. The Clark–Evans
 * ratio's expected distance depends on this area, so a bounding box would not do.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { yangpuOutline } from './districts.ts';

export const STUDY_AREA_FILE = 'study-area.geojson';

/** Yangpu's outline with its names and source, coordinates rounded to 6 decimals (~0.1 m). */
export function buildStudyArea(outline = yangpuOutline()): Feature<Polygon | MultiPolygon> {
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  const g = outline.geometry;
  const geometry: Polygon | MultiPolygon =
    g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map((p) => [round(p[0]!), round(p[1]!)])) }
      : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((r) => r.map((p) => [round(p[0]!), round(p[1]!)]))) };
  return {
    type: 'Feature',
    properties: {
      id: 'study-area-yangpu',
      adcode: outline.properties.adcode,
      name_zh: outline.properties.name_zh,
      name_en: outline.properties.name_en,
      source: outline.properties.source,
      precision_m: 100,
    },
    geometry,
  };
}

export function writeStudyArea(outDir: string, feature = buildStudyArea()): { path: string; bytes: number } {
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, STUDY_AREA_FILE);
  const text = JSON.stringify(feature);
  writeFileSync(path, text);
  return { path, bytes: Buffer.byteLength(text) };
}
