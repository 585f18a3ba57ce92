import type { LayerDef } from './types.ts';

/** Layer rows of the dispersion analysis's overlays (source `analysis`). */
export const ANALYSIS_REGISTRY: LayerDef[] = [];
