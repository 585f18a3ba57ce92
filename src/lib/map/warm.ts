import { prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from './map-worker.ts?worker&url';

/**
 * Where every map of the page (the live map, a brief's excerpt, the import's readings) gets its worker's script,
 * and the start of that worker before the page has anything to draw. A map makes its worker only when its style loads,
 * and the worker then has half a megabyte of script to fetch and compile before it asks for a single tile; started
 * from the entry's first line, that happens while the main thread is still mounting the page.
 *
 * The script is MapLibre's worker with the basemap's archive reader beside it (map/map-worker.ts): tiles are read
 * from the archive in the worker that parses them. Through a `pmtiles://` protocol on the page, every tile would go
 * worker → main thread → network → main thread → worker, and the main thread is busiest exactly while the first
 * tiles are wanted (the first frame compiles its shader programs, and on a software GPU waits for them).
 */
export function warmMap(): void {
  setWorkerUrl(workerUrl);
  prewarm();
}
