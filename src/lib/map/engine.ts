import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from './map-worker.ts?worker&url';

/**
 * MapLibre, the door every map of the page goes through (the live map, a brief's excerpt, the import's readings): a
 * chunk of its own, which the live map loads once the header is on screen (map/first-paint.ts). In the entry, its
 * million bytes of script (280 KB gzip) came before anything else could be drawn: on a phone's network the header,
 * the search box and the welcome waited seconds for a map library they do not use.
 *
 * Its workers run the site's own script, MapLibre's worker with the basemap's archive reader beside it
 * (map/map-worker.ts): tiles are read from the archive in the worker that parses them. Through a `pmtiles://`
 * protocol on the page, every tile would go worker → main thread → network → main thread → worker, and the main
 * thread is busiest exactly while the first tiles are wanted.
 */
setWorkerUrl(workerUrl);

export { AttributionControl, Map, NavigationControl, ScaleControl } from 'maplibre-gl';
export { openArchive } from './open-archive.ts';
