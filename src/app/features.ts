/*
 * The composition root: the one place that knows every feature. It lists them in the order of their tabs and link
 * parts, and places their layer rows in the registry's drawing order; the shared core receives both through
 * AppState and never imports a feature.
 */
import { air } from '../features/air/index.ts';
import { analysis } from '../features/analysis/index.ts';
import { invest } from '../features/invest/index.ts';
import { monitor } from '../features/monitor/index.ts';
import { near } from '../features/near/index.ts';
import { composeRegistry, CORE_REGISTRY } from '../lib/layers/registry.ts';
import { AppState } from '../lib/state/app.svelte.ts';
import type { FeatureDef } from '../lib/state/feature.ts';

/** Every feature, in the order of the sheet's tabs and of their parts in a link. */
export const FEATURES: readonly FeatureDef[] = [air, analysis, invest, monitor, near] as readonly FeatureDef[];

/**
 * The whole layer registry. The visitor's position ("near me") heads it; the monitor's symbols and the listings draw over everything of the plan, the drone
 * corridors, conflicts and sketch right after the plan's drone routes, the dispersion overlays after the plan's
 * overlays; the basemap's rows come last.
 */
export const REGISTRY = composeRegistry(CORE_REGISTRY, [
  { rows: near.rows, placement: 'top' },
  { rows: monitor.rows, placement: 'top' },
  { rows: invest.rows, placement: 'top' },
  { rows: air.rows, placement: { after: 'drone_routes' } },
  { rows: analysis.rows, placement: 'overlays' },
]);

/** The application's state with every feature registered: what the app runs on, and what tests build. */
export function createApp(search = '', languages: readonly string[] = [], narrow = false): AppState {
  return new AppState(search, languages, narrow, { features: FEATURES, registry: REGISTRY });
}
