import latinFontUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { BASEMAP_RANGE, type BasemapRange } from '../layers/basemap-range.ts';
import { buildStyle } from '../layers/style.ts';
import type { AppState } from '../state/app.svelte.ts';

// Whole addresses: MapLibre fetches sources and fonts in its worker, which has no page to resolve a path against.
const siteUrl = (path: string): string => new URL(`${import.meta.env.BASE_URL}${path}`, location.href).href;

/** The site's basemap archive, as the map's workers open and read it. */
export const basemapArchiveUrl = (): string => siteUrl('tiles/basemap.pmtiles');

/**
 * The site's own files in a style: the basemap archive, with its range as the site builds it (or as a host's
 * archive's header says), and the Latin font the labels are drawn with.
 */
export function siteFiles(range: BasemapRange = BASEMAP_RANGE): { basemapUrl: string; basemapRange: BasemapRange; latinFontUrl: string } {
  return { basemapUrl: `pmtiles://${basemapArchiveUrl()}`, basemapRange: range, latinFontUrl: new URL(latinFontUrl, location.href).href };
}

/**
 * The map's style as the app's state has it: the live map's (`firstView` until its first idle, see
 * `LayersOptions.firstView`) and, whole, a brief's excerpt of it. The basemap is in it; the caller drops it while the
 * archive cannot be read.
 */
export function appStyle(app: AppState, options: { firstView?: boolean } = {}): StyleSpecification {
  return buildStyle({
    lang: app.lang,
    visible: { ...app.visible },
    ...siteFiles(app.basemap?.range),
    planUrl: siteUrl('data/plan.geojson'),
    available: app.basemap ? new Set(app.basemap.layers) : undefined,
    tasks: app.tasks,
    registry: app.registry,
    overlays: app.overlays,
    firstView: options.firstView,
  });
}
