/**
 * The benchmark's baseline: the app's basemap (same archive, same basemap style layers, same font) on a bare
 * MapLibre map, with nothing else. The camera and language come from the query string, so it frames what the app
 * framed; it sets `window.__yangpu` like the app, so one hook times both. With `window.__benchStyle` set before it
 * runs, it shows that style instead (the benchmark's "app's style on a bare page" variant).
 */
/// <reference types="vite/client" />
import { addProtocol, Map as MlMap, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import latinFontUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import './baseline.css';
import { Protocol } from 'pmtiles';
import { BASEMAP_REGISTRY } from '../../../src/lib/layers/basemap-layers.ts';
import { buildStyle } from '../../../src/lib/layers/style.ts';

const q = new URLSearchParams(location.search);
const lang = q.get('lang') === 'en' ? 'en' : 'zh';
setWorkerUrl(workerUrl);
addProtocol('pmtiles', new Protocol({ metadata: true }).tile);

const built = buildStyle({
  lang,
  basemapUrl: `pmtiles://${new URL('/tiles/basemap.pmtiles', location.href).href}`,
  latinFontUrl: new URL(latinFontUrl, location.href).href,
  registry: BASEMAP_REGISTRY,
});
// Only the basemap's source: buildStyle also declares the app's (empty) overlay sources, which a plain page lacks.
built.sources = { basemap: built.sources.basemap! };
// The basemap layers the app's own style held at its first idle (it leaves out those the archive lacks).
const only = q.get('layers')?.split(',');
if (only) built.layers = built.layers.filter((l) => l.type === 'background' || only.includes(l.id));
// The benchmark may hand over the app's whole style instead (overlays and all), to tell the style's cost from the app's.
const style = (window as unknown as { __benchStyle?: StyleSpecification }).__benchStyle ?? built;

// The map's size in CSS pixels when the benchmark gives it (the app's map, under its header): the same view and the
// same pixels to draw. Without it the map fills the window (Lighthouse's runs).
const size = ['w', 'h'].map((k) => Number(q.get(k)));
if (size.every((v) => v > 0)) Object.assign(document.getElementById('map')!.style, { width: `${size[0]}px`, height: `${size[1]}px` });

const map = new MlMap({
  container: 'map',
  style,
  // A camera from the query string, or bounds fitted as the app fits them (padding as with no panel open).
  ...(q.has('bounds')
    ? {
        bounds: q.get('bounds')!.split(',').map(Number) as [number, number, number, number],
        fitBoundsOptions: { padding: matchMedia('(max-width: 640px)').matches ? 16 : 24 },
      }
    : { center: [Number(q.get('lon') ?? 121.53), Number(q.get('lat') ?? 31.3)] as [number, number], zoom: Number(q.get('zoom') ?? 12) }),
  maxBounds: [121.25, 31.1, 121.8, 31.5],
  minZoom: 8,
  maxZoom: 18,
  localIdeographFontFamily: "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
});
(window as unknown as { __yangpu: { map: MlMap } }).__yangpu = { map };
