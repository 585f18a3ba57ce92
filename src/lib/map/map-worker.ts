/**
 * The script of MapLibre's workers on this site: MapLibre's own worker, and beside it the basemap's archive reader
 * (map/archive-reader.ts). Being one module, the reader is there before the worker takes its first message: no
 * tile can be asked for before the reader can answer it.
 */
import MapLibreWorker from 'maplibre-gl/dist/maplibre-gl-worker.mjs';
import type { AddProtocolAction } from 'maplibre-gl';
import { OPEN_ARCHIVE, type OpenArchiveRequest } from './archive-messages.ts';
import { ArchiveReader } from './archive-reader.ts';

/** What MapLibre's worker adds to its global scope for scripts beside it (MapLibre's `importScriptInWorkers` guide). */
interface MapLibreWorkerScope {
  addProtocol: (name: string, action: AddProtocolAction) => void;
  worker: { actor: { registerMessageHandler: (type: string, handler: (mapId: string, params: unknown) => Promise<unknown>) => void } };
}

const scope = self as unknown as MapLibreWorkerScope;
// MapLibre's module makes its worker as a side effect of being loaded; its package declares no side effects, so the
// bundler may leave that statement out: the worker is made here unless the module already made it.
scope.worker ??= new MapLibreWorker(self) as MapLibreWorkerScope['worker'];
const reader = new ArchiveReader();
scope.addProtocol('pmtiles', reader.tile);
scope.worker.actor.registerMessageHandler(OPEN_ARCHIVE, (_mapId, request) => reader.open(request as OpenArchiveRequest));
