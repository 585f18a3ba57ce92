/// <reference types="svelte" />
/// <reference types="vite/client" />

// MapLibre's worker module (its package has no types for it): the site's worker script makes it (map/map-worker.ts).
declare module 'maplibre-gl/dist/maplibre-gl-worker.mjs' {
  const MapLibreWorker: new (scope: unknown) => unknown;
  export default MapLibreWorker;
}
