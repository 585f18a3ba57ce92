import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import type { DispersionOptions } from './dispersion-types.ts';
import { hubCandidateSites } from './hub-sites.ts';
import { selectParks, zonesOf, type PlanLike } from './scenario.ts';
import { loadStudyArea } from '../../lib/data/load.ts';
import { PLAN_PATHS } from '../../lib/data/plan.ts';
import type { AppState } from '../../lib/state/app.svelte.ts';

/** The tests the dashboard runs: seeded, so that a link reproduces its p-values. */
export const SIGNIFICANCE = { simulations: 999, seed: 1, alpha: 0.05 } as const;

/** Up to this many parks the L function's envelope has its full 99 placements (≈ 0.3 s in the worker at 300). */
const L_FULL_N = 300;

/**
 * The L function's settings for n parks. Its envelope costs placements × n², 99 placements of 1,000 parks about
 * 3 s: beyond 300 parks the placements shrink to keep that cost (never below 19, the fewest a 5 % envelope test
 * has), and beyond 2,000 the L function is left out. The plan has a few dozen places today; this keeps a larger
 * selection from holding the worker for many seconds.
 */
export function lFunctionFor(n: number): { steps: number; simulations: number } | false {
  if (n > 2000) return false;
  return { steps: 20, simulations: n <= L_FULL_N ? 99 : Math.max(19, Math.floor((99 * L_FULL_N ** 2) / n ** 2)) };
}

const isAbort = (err: unknown) => err instanceof Error && err.name === 'AbortError';

/**
 * Runs the dashboard's scenarios in the analysis worker and puts the results into the state. Reads the state it
 * depends on synchronously (so an effect calling it re-runs on every change) and waits a moment before starting,
 * so that dragging a slider computes once at the end. Returns the cleanup, which drops a stale run's results.
 */
export function scheduleAnalysis(app: AppState, base: string): () => void {
  const an = app.features.analysis;
  const features = (app.plan?.features ?? []) as unknown as PlanLike[];
  const zones = zonesOf(features);
  const selectOptions = { zones, area: an.area };
  const parksA = selectParks(features, an.a, selectOptions);
  const parksB = an.compare ? selectParks(features, an.b, selectOptions) : null;
  const stations = app.places.filter((p) => p.kind === 'station').map((p): [number, number] => [p.lon, p.lat]);
  const campuses = features.filter((f) => f.properties.class === 'campus' && f.geometry) as unknown as Feature<Polygon | MultiPolygon | Point>[];
  const clusterDistanceM = an.clusterM;
  const coverageDistanceM = an.coverageM;
  const clusterMinPoints = an.minPoints;
  const hubs = an.hubsOn ? an.hubSettings : null;
  const sites = an.sites;
  // Hub sites among the plan's zone components sit at the search index's point inside each (as the cards do).
  const at = new Map(app.places.map((p) => [p.id, p] as const));
  const components = features
    .filter((f) => f.properties.class === 'zone_component')
    .flatMap((f) => {
      const e = at.get(`plan:${f.properties.id}`);
      return e ? [{ id: f.properties.id, lon: e.lon, lat: e.lat }] : [];
    });

  let cancelled = false;
  const timer = setTimeout(async () => {
    an.running = true;
    try {
      const [{ runDispersion, runSignificance, runConsolidation }, area] = await Promise.all([
        import('./dispersion-client.ts'),
        loadStudyArea(`${base}${PLAN_PATHS.studyArea}`),
      ]);
      const options: DispersionOptions = { studyArea: area, clusterDistanceM, clusterMinPoints, coverageDistanceM, stations, campuses, zones };
      // One after the other: the worker answers the latest request, and B must not cancel A.
      const a = await runDispersion(parksA, options);
      const b = parksB ? await runDispersion(parksB, options) : null;
      if (cancelled) return;
      an.resultA = a;
      an.resultB = b;
      an.placesA = parksA.length;
      an.placesB = parksB?.length ?? 0;
      an.error = null;
      // The tests come after the figures (which show at once): 999 placements and the L function's 99 take a moment.
      const significanceOf = (r: typeof a) =>
        runSignificance(
          r.parks.map((p) => p.centroid),
          { ...SIGNIFICANCE, lFunction: lFunctionFor(r.parks.length), studyArea: area },
        );
      const sa = await significanceOf(a);
      const sb = b ? await significanceOf(b) : null;
      if (cancelled) return;
      an.significanceA = sa;
      an.significanceB = sb;
      // Hubs for scenario A's parks, when asked for: the plan's task 2 asks to solve the scattering, not only to measure it.
      if (hubs) {
        const parks = a.parks.map((p) => ({ id: p.id, lon: p.centroid[0], lat: p.centroid[1] }));
        const candidates = hubCandidateSites(hubs.candidates, { components, parks, sites });
        const c = await runConsolidation(parks, candidates, hubs.by === 'distance' ? { distanceM: hubs.withinM } : { hubs: hubs.hubs, objective: 'median' });
        if (cancelled) return;
        an.consolidation = c;
      } else an.consolidation = null;
    } catch (err) {
      if (cancelled || isAbort(err)) return;
      an.error = err instanceof Error ? err.message : String(err);
    } finally {
      if (!cancelled) an.running = false;
    }
  }, 120);
  return () => {
    cancelled = true;
    clearTimeout(timer);
  };
}
