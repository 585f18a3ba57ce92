import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { PlanOutputCollection } from './plan-schema.ts';
import type { SearchEntry } from '../search/types.ts';

async function getJson(url: string, fetcher: typeof fetch): Promise<unknown> {
  const res = await fetcher(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

/** The plan's located features (public/data/plan.geojson); anything but a FeatureCollection is an error. */
export async function loadPlan(url: string, fetcher: typeof fetch = fetch): Promise<PlanOutputCollection> {
  const body = (await getJson(url, fetcher)) as PlanOutputCollection;
  if (body?.type !== 'FeatureCollection' || !Array.isArray(body.features)) throw new Error(`${url}: not a FeatureCollection`);
  return { type: 'FeatureCollection', features: body.features.filter((f) => typeof f?.properties?.id === 'string' && f.geometry) };
}

const isEntry = (e: unknown): e is SearchEntry => {
  const x = e as SearchEntry;
  return (
    typeof x === 'object' && x !== null && typeof x.id === 'string' && typeof x.name_zh === 'string' && typeof x.name_en === 'string' &&
    Number.isFinite(x.lon) && Number.isFinite(x.lat)
  );
};

/** The search index (public/data/search.json); malformed entries are dropped, never repaired. */
export async function loadPlaces(url: string, fetcher: typeof fetch = fetch): Promise<SearchEntry[]> {
  const body = await getJson(url, fetcher);
  if (!Array.isArray(body)) throw new Error(`${url}: expected a list`);
  return body.filter(isEntry);
}

let studyArea: Promise<Polygon | MultiPolygon | null> | null = null;

/**
 * Yangpu's outline (public/data/study-area.geojson), fetched once and shared by whoever needs it (the dashboard's
 * study area, near me's "are you in Yangpu"); null when it cannot be had, which each says in its own words.
 */
export function loadStudyArea(url: string): Promise<Polygon | MultiPolygon | null> {
  studyArea ??= fetch(url)
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((f: Feature<Polygon | MultiPolygon>) => (f?.geometry?.type === 'Polygon' || f?.geometry?.type === 'MultiPolygon' ? f.geometry : null))
    .catch((err: unknown) => {
      console.warn('study area:', err);
      return null;
    });
  return studyArea;
}
