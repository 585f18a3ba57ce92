import type { Map as MlMap } from 'maplibre-gl';
import { REGISTRY_KEY } from '../layers/style.ts';

/**
 * The registry rows the map draws something of in its current viewport: a row counts when at least one feature of
 * one of its style layers is rendered on the canvas. A legend of these rows lists only what the reader can see —
 * a row that is switched on but has nothing in view (a zone off screen, an empty import) is not in it.
 *
 * Rows are named by each style layer's `metadata[REGISTRY_KEY]` (set by `layers()`); layers without it (the
 * background, a brief's own pins) are no row's.
 */
export function drawnRows(map: MlMap): Set<string> {
  const rowOf = new Map<string, string>();
  for (const layer of map.getStyle()?.layers ?? []) {
    const row = (layer.metadata as Record<string, unknown> | undefined)?.[REGISTRY_KEY];
    // A hidden layer renders nothing, and asking for it would only cost time.
    if (typeof row === 'string' && layer.layout?.visibility !== 'none') rowOf.set(layer.id, row);
  }
  const drawn = new Set<string>();
  if (!rowOf.size) return drawn;
  for (const f of map.queryRenderedFeatures({ layers: [...rowOf.keys()] })) {
    const row = rowOf.get(f.layer.id);
    if (row) drawn.add(row);
  }
  return drawn;
}
