/*
 * The composition root: the one place that knows every feature. It lists them in the order of their tabs and link
 * parts, and places their layer rows in the registry's drawing order; the shared core receives both through
 * AppState and never imports a feature. The first view carries only the features' doors; the definitions of the
 * deferred ones (rows, states, link codecs) are chunks the app loads after it (AppState.loadFeatures).
 */
import { air } from '../features/air/index.ts';
import { analysis } from '../features/analysis/index.ts';
import { invest } from '../features/invest/index.ts';
import { monitor } from '../features/monitor/index.ts';
import { near } from '../features/near/index.ts';
import { composeRegistry, CORE_REGISTRY, type LayerDef, type RowPlacement } from '../lib/layers/registry.ts';
import { AppState } from '../lib/state/app.svelte.ts';
import type { FeatureDef, FeatureDoor } from '../lib/state/feature.ts';

/** Every feature, in the order of the sheet's tabs and of their parts in a link. */
export const FEATURES: readonly FeatureDoor[] = [air, analysis, invest, monitor, near];

/**
 * Where each feature's rows go in the registry, in this order. The visitor's position ("near me") heads it; the
 * monitor's symbols and the listings draw over everything of the plan, the drone corridors, conflicts and sketch
 * right after the plan's drone routes, the dispersion overlays after the plan's overlays; the basemap's rows come last.
 */
const PLACEMENTS: readonly [string, RowPlacement][] = [
  ['near', 'top'],
  ['monitor', 'top'],
  ['invest', 'top'],
  ['air', { after: 'drone_routes' }],
  ['analysis', 'overlays'],
];

/** The layer registry with the rows of the features defined so far. */
export function composeFeatures(defined: readonly FeatureDef[]): LayerDef[] {
  const parts = PLACEMENTS.flatMap(([id, placement]) => {
    const def = defined.find((d) => d.id === id);
    return def ? [{ rows: def.rows, placement }] : [];
  });
  return composeRegistry(CORE_REGISTRY, parts);
}

/**
 * The application's state with every feature registered, as the app starts it: the features deferred to after the
 * first view are defined by `loadFeatures()`. Tests hand `defined` (every definition) to start with all of them.
 */
export function createApp(search = '', languages: readonly string[] = [], narrow = false, defined?: readonly FeatureDef[]): AppState {
  const features = defined ? FEATURES.map((door) => defined.find((d) => d.id === door.id) ?? door) : FEATURES;
  return new AppState(search, languages, narrow, { features, compose: composeFeatures });
}
