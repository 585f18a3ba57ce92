import { prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

/**
 * Where every map of the page (the live map, a brief's excerpt, the import's readings) gets its worker's script,
 * and the start of that worker before the page has anything to draw. A map makes its worker only when its style loads,
 * and the worker then has half a megabyte of script to fetch and compile before it asks for a single tile; started
 * from the entry's first line, that happens while the main thread is still mounting the page.
 */
export function warmMap(): void {
  setWorkerUrl(workerUrl);
  prewarm();
}
