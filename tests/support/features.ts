/*
 * The app with every feature defined from the start, for tests: what the app has once AppState.loadFeatures() is
 * done, without waiting for it. Tests reach the deferred features' definitions (def.ts) directly; the app reaches them
 * only through each feature's door.
 */
import { airDef } from '../../src/features/air/def.ts';
import { analysisDef } from '../../src/features/analysis/def.ts';
import { investDef } from '../../src/features/invest/def.ts';
import { monitorDef } from '../../src/features/monitor/def.ts';
import { nearDef } from '../../src/features/near/def.ts';
import { composeFeatures, createApp as startApp } from '../../src/app/features.ts';
import type { AppState } from '../../src/lib/state/app.svelte.ts';
import type { FeatureDef } from '../../src/lib/state/feature.ts';

/** Every feature's definition, in the app's order. */
export const FEATURES: readonly FeatureDef[] = [airDef, analysisDef, investDef, monitorDef, nearDef] as readonly FeatureDef[];

/** The whole layer registry. */
export const REGISTRY = composeFeatures(FEATURES);

/** The app as it starts, with every feature already defined. */
export function createApp(search = '', languages: readonly string[] = [], narrow = false): AppState {
  return startApp(search, languages, narrow, FEATURES);
}
