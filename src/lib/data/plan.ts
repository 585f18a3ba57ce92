import type { PlanRecord } from './plan-schema.ts';

/** Where the plan build puts its outputs, relative to the site's base URL. */
export const PLAN_PATHS = { located: 'data/plan.geojson', unlocated: 'data/plan-unlocated.json', places: 'data/search.json', obstacles: 'data/obstacles.geojson', studyArea: 'data/study-area.geojson' } as const;

/**
 * The plan's records whose location is not published. A failed or malformed download yields an error the
 * caller shows; it never yields invented records.
 */
export async function loadUnlocated(url: string, fetcher: typeof fetch = fetch): Promise<PlanRecord[]> {
  const res = await fetcher(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const body: unknown = await res.json();
  if (!Array.isArray(body)) throw new Error(`${url}: expected a list of records`);
  return body.filter(
    (r): r is PlanRecord =>
      typeof r === 'object' && r !== null && typeof (r as PlanRecord).id === 'string' && typeof (r as PlanRecord).name_zh === 'string',
  );
}
