/*
 * What the site finder measures listings against: the metro stations and the plan's located zones, university
 * science parks, platforms and incubators, each with its summary split per task (the plan's words). Pure.
 */
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import type { Industry, PlanOutputCollection } from '../../../lib/data/plan-schema.ts';
import { splitTaskQuotes, type TaskQuote } from '../../../lib/data/quotes.ts';
import type { SearchEntry } from '../../../lib/search/types.ts';
import type { PlaceRef } from '../compare.ts';

/** The plan's classes the finder quotes and measures. */
export const FINDER_CLASSES = ['zone', 'university_science_park', 'platform', 'incubator'] as const;
export type FinderClass = (typeof FINDER_CLASSES)[number];

/** A located place of the plan with its words per task. */
export interface PlanPlace extends PlaceRef {
  class: FinderClass;
  geometry: Geometry;
  /** The summary split per task; empty when the summary does not split (then nothing of it is quoted). */
  tasks: TaskQuote[];
  /** The industries the plan states for this place. */
  industries: Industry[];
}

export interface FinderContext {
  /** Metro stations (search entries of kind 'station'). */
  stations: readonly Pick<SearchEntry, 'id' | 'name_zh' | 'name_en' | 'lon' | 'lat' | 'kind'>[];
  places: readonly PlanPlace[];
}

/** The finder's context from the loaded plan and search index; empty lists while they load. */
export function finderContext(plan: PlanOutputCollection | null, places: readonly SearchEntry[]): FinderContext {
  const out: PlanPlace[] = [];
  for (const f of plan?.features ?? []) {
    const p = f.properties;
    if (!(FINDER_CLASSES as readonly string[]).includes(p.class) || !f.geometry) continue;
    if (p.class === 'zone' && !/Polygon$/.test(f.geometry.type)) continue;
    out.push({
      id: p.id,
      name_zh: p.name_zh,
      name_en: p.name_en,
      class: p.class as FinderClass,
      geometry: f.geometry as unknown as Geometry,
      tasks: splitTaskQuotes(p.summary_zh, p.summary_en, p.plan_tasks).tasks,
      industries: [...p.industries],
    });
  }
  return { stations: places.filter((s) => s.kind === 'station'), places: out };
}

/** The places a user may ask to be near: the plan's university science parks and platforms, by class then id. */
export function nearChoices(context: FinderContext): PlanPlace[] {
  const order: FinderClass[] = ['university_science_park', 'platform'];
  return context.places
    .filter((p) => order.includes(p.class))
    .sort((a, b) => order.indexOf(a.class) - order.indexOf(b.class) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export const isArea = (g: Geometry): g is Polygon | MultiPolygon => g.type === 'Polygon' || g.type === 'MultiPolygon';
