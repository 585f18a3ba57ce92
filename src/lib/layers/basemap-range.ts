/**
 * What the site's basemap archive covers, as `npm run data` builds it (scripts/lib/basemap.ts takes its extent and
 * zooms from here). The map's style names the archive's tiles directly with this range, so the map asks for its
 * first tiles without reading the archive's header first; an archive that says otherwise (a host's own) replaces
 * the range once its header is read (lib/map/MapView.svelte).
 */
export interface BasemapRange {
  minzoom: number;
  maxzoom: number;
  /** West, south, east, north. */
  bounds: [number, number, number, number];
}

/** Yangpu with its neighbours (Hongkou, Baoshan, Pudong, Huangpu) around it, zooms 8 to 16. */
export const BASEMAP_RANGE: BasemapRange = { minzoom: 8, maxzoom: 16, bounds: [121.4, 31.2, 121.66, 31.4] };
