/**
 * The dispersion analysis in a module worker: receives `{ id, parks, options }`, answers `{ id, result }` or
 * `{ id, error }`. dispersion-client.ts creates it and matches the answers to its requests.
 */
import { analyseDispersion } from './dispersion.ts';
import type { DispersionOptions, DispersionResult, ParkFeature } from './dispersion-types.ts';

export interface DispersionRequest {
  id: number;
  parks: readonly ParkFeature[];
  options: DispersionOptions;
}

export type DispersionResponse = { id: number; result: DispersionResult } | { id: number; error: string };

/** The part of a dedicated worker's global scope this worker uses. */
interface WorkerScope {
  onmessage: ((event: MessageEvent<DispersionRequest>) => void) | null;
  postMessage(message: DispersionResponse): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, parks, options } = event.data;
  try {
    scope.postMessage({ id, result: analyseDispersion(parks, options) });
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
