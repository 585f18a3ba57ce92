import { BASEMAP_REGISTRY } from './basemap-layers.ts';
import { PLAN_REGISTRY } from './plan-layers.ts';
import type { Lang } from '../i18n/index.ts';
import type { Theme } from './theme.ts';
import type { LayerDef, LegendSymbol } from './types.ts';

export * from './types.ts';
export { bilingualLabel } from './helpers.ts';

/**
 * The shared core's layer rows: the plan's overlays, then the basemap. The registry is one list that drives the
 * panel, the legend and the style; its order is the drawing order within a slot, so the plan's overlays come first
 * and zones lie under the points drawn after them. Features add their rows through the composition root.
 */
export const CORE_REGISTRY: readonly LayerDef[] = [...PLAN_REGISTRY, ...BASEMAP_REGISTRY];

/** A row as a legend keys it: its label in `lang`, its symbol in `theme` (the PNG export's legend, a brief's). */
export function legendEntry(def: LayerDef, lang: Lang, theme: Theme): { id: string; label: string; symbol: LegendSymbol } {
  return { id: def.id, label: def.label[lang], symbol: def.legend(theme) };
}

/** Default visibility of every registry row. */
export function defaultVisibility(registry: readonly LayerDef[] = CORE_REGISTRY): Record<string, boolean> {
  return Object.fromEntries(registry.map((d) => [d.id, d.defaultVisible]));
}

/** Where a feature's rows go in the registry: before the plan's (drawn under nothing of it), after a row, or at the end of the overlays. */
export type RowPlacement = 'top' | 'overlays' | { after: string };

/** The registry with each feature's rows placed in the drawing order (and panel order) they ask for. */
export function composeRegistry(core: readonly LayerDef[], parts: readonly { rows: readonly LayerDef[]; placement: RowPlacement }[]): LayerDef[] {
  const top = parts.filter((p) => p.placement === 'top').flatMap((p) => p.rows);
  const overlays = parts.filter((p) => p.placement === 'overlays').flatMap((p) => p.rows);
  const out: LayerDef[] = [];
  for (const row of core) {
    // The features' overlays go after the plan's rows, before the basemap's.
    if (row.source === 'basemap' && overlays.length && !out.includes(overlays[0]!)) out.push(...overlays);
    out.push(row);
    for (const p of parts) if (typeof p.placement === 'object' && p.placement.after === row.id) out.push(...p.rows);
  }
  if (overlays.length && !out.includes(overlays[0]!)) out.push(...overlays);
  return [...top, ...out];
}
