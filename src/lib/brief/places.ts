/*
 * The plan's places as a brief lists and pins them: a representative point per place, which places lie in a zone,
 * the box to frame, and the rows of a table of places (number, name, kind, precision, whether the location is
 * indicative). Pure: plan data in, new values out.
 */
import type { Position } from 'geojson';
import { boxOf, grow, type Box } from '../data/box.ts';
import { lineLabelPoint, polygonLabelPoint } from '../data/label-point.ts';
import type { PlanGeometry, PlanOutputFeature, PlanRecord } from '../data/plan-schema.ts';
import { langRuns } from '../data/quotes.ts';
import { CLASS_LABELS } from '../data/vocab.ts';
import { localName, t, type Lang } from '../i18n/index.ts';
import { dataRun, type TextRun } from '../import/runs.ts';
import './messages.ts';
import type { BriefBlock, BriefPin } from './types.ts';

/** Where a place's pin goes: a point is itself; an area its point farthest inside; a line its middle. */
export function pinPoint(g: PlanGeometry): Position | undefined {
  switch (g.type) {
    case 'Point':
      return g.coordinates;
    case 'LineString':
      return lineLabelPoint(g.coordinates);
    case 'Polygon':
      return polygonLabelPoint([g.coordinates]);
    case 'MultiPolygon':
      return polygonLabelPoint(g.coordinates);
  }
}

function* positions(g: PlanGeometry): Generator<Position> {
  if (g.type === 'Point') yield g.coordinates;
  else if (g.type === 'LineString') yield* g.coordinates;
  else if (g.type === 'Polygon') for (const ring of g.coordinates) yield* ring;
  else for (const polygon of g.coordinates) for (const ring of polygon) yield* ring;
}

/** The box around some places, grown by `marginM` metres so that pins near the edge stay whole. */
export function placesBox(features: readonly PlanOutputFeature[], marginM = 250): Box | undefined {
  if (!features.length) return undefined;
  return grow(boxOf(features.flatMap((f) => [...positions(f.geometry)])), marginM);
}

function inRing(p: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = [ring[i]![0]!, ring[i]![1]!];
    const [xj, yj] = [ring[j]![0]!, ring[j]![1]!];
    if (yi > p[1]! !== yj > p[1]! && p[0]! < ((xj - xi) * (p[1]! - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a point lies inside a polygon or multipolygon (holes excluded); false for other geometries. */
export function pointInArea(p: Position, g: PlanGeometry): boolean {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  return polygons.some(([outer, ...holes]) => outer !== undefined && inRing(p, outer) && !holes.some((h) => inRing(p, h)));
}

/** A place's name in the reader's language, marked as data. */
export const nameRun = (p: { name_zh: string; name_en: string }, lang: Lang): TextRun => dataRun(lang, localName(p, lang));

/**
 * A text from the plan's data written in the reader's language, as runs: the stretches in the other language (a
 * Chinese document number in an English source, say) marked, the rest left as the page's.
 */
export const textRuns = (lang: Lang, text: string): TextRun[] =>
  langRuns(text, lang).map((r) => (r.lang ? { text: r.text, lang: r.lang === 'zh' ? 'zh-Hans' : 'en' } : { text: r.text }));

/** A located place with its number on the map excerpt. */
export interface NumberedPlace {
  n: number;
  feature: PlanOutputFeature;
  at: Position | undefined;
}

/** Numbers places from `start` in the order given; those without a pin point keep their number but get no pin. */
export const numbered = (features: readonly PlanOutputFeature[], start = 1): NumberedPlace[] =>
  features.map((feature, i) => ({ n: start + i, feature, at: pinPoint(feature.geometry) }));

/** The pins of numbered places. */
export const pinsOf = (places: readonly NumberedPlace[]): BriefPin[] =>
  places.flatMap(({ n, at }) => (at ? [{ lon: at[0]!, lat: at[1]!, label: String(n) }] : []));

/** The table of numbered places: number, name, kind, precision, indicative or as published. */
export function placesTable(places: readonly NumberedPlace[], lang: Lang): BriefBlock {
  return {
    type: 'table',
    head: [t(lang, 'brief.col.no'), t(lang, 'brief.col.name'), t(lang, 'brief.col.class'), t(lang, 'brief.col.precision'), t(lang, 'brief.col.mark')],
    rows: places.map(({ n, feature: { properties: p } }) => [
      [{ text: String(n) }],
      [nameRun(p, lang)],
      [{ text: CLASS_LABELS[p.class][lang] }],
      [{ text: p.precision_m === null ? '—' : t(lang, 'brief.precision', { value: p.precision_m }) }],
      [{ text: t(lang, p.indicative ? 'brief.indicative' : 'brief.published') }],
    ]),
  };
}

/** Records whose location is not published, listed as such (never placed). */
export function unlocatedList(records: readonly PlanRecord[], lang: Lang): BriefBlock {
  return {
    type: 'list',
    items: records.map((r) => [nameRun(r, lang), { text: ` · ${CLASS_LABELS[r.class][lang]} · ${t(lang, 'brief.unpublished')}` }]),
  };
}
