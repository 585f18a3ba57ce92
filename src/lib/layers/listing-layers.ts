import type { LayerDef } from './types.ts';

/** Layer rows of the investors' listings (source `listings`). */
export const LISTING_REGISTRY: LayerDef[] = [];
