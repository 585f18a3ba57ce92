import { ANALYSIS_REGISTRY } from '../../features/analysis/layers.ts';
import { BASEMAP_REGISTRY } from './basemap-layers.ts';
import { LISTING_REGISTRY } from '../../features/invest/layers.ts';
import { MONITOR_REGISTRY } from '../../features/monitor/layers.ts';
import { PLAN_REGISTRY } from './plan-layers.ts';
import type { LayerDef } from './types.ts';

export * from './types.ts';
export { bilingualLabel } from './helpers.ts';

/**
 * The layer registry: one list that drives the panel, the legend and the style. Its order is the drawing order
 * within a slot: plan overlays come first so that zones lie under the points drawn after them.
 */
export const REGISTRY: LayerDef[] = [...MONITOR_REGISTRY, ...LISTING_REGISTRY, ...PLAN_REGISTRY, ...ANALYSIS_REGISTRY, ...BASEMAP_REGISTRY];

/** Default visibility of every registry row. */
export function defaultVisibility(registry: readonly LayerDef[] = REGISTRY): Record<string, boolean> {
  return Object.fromEntries(registry.map((d) => [d.id, d.defaultVisible]));
}
