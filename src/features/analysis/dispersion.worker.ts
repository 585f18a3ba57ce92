/**
 * The analyses in a module worker. Each request is `{ id, … }` and is answered `{ id, result }` or `{ id, error }`;
 * dispersion-client.ts creates the worker and matches the answers to its requests. A request without `kind` is the
 * dispersion analysis (`{ id, parks, options }`, as it always was); `kind: 'significance'` runs the tests of
 * significance.ts, `kind: 'consolidation'` the hub choice of consolidate.ts.
 */
import { consolidate, type ConsolidationOptions, type ConsolidationResult, type ConsolidationSite } from './consolidate.ts';
import { analyseDispersion } from './dispersion.ts';
import type { DispersionOptions, DispersionResult, ParkFeature } from './dispersion-types.ts';
import { testSignificance, type SignificanceOptions, type SignificanceResult } from './significance.ts';

export interface DispersionRequest {
  id: number;
  kind?: undefined;
  parks: readonly ParkFeature[];
  options: DispersionOptions;
}

export interface SignificanceRequest {
  id: number;
  kind: 'significance';
  /** Lon/lat positions (e.g. the dispersion result's park centroids). */
  points: readonly (readonly [number, number])[];
  options: SignificanceOptions;
}

export interface ConsolidationRequest {
  id: number;
  kind: 'consolidation';
  parks: readonly ConsolidationSite[];
  candidates: readonly ConsolidationSite[];
  options: ConsolidationOptions;
}

export type AnalysisRequest = DispersionRequest | SignificanceRequest | ConsolidationRequest;

export type DispersionResponse = { id: number; result: DispersionResult } | { id: number; error: string };
export type AnalysisResponse = { id: number; result: DispersionResult | SignificanceResult | ConsolidationResult } | { id: number; error: string };

/** The part of a dedicated worker's global scope this worker uses. */
interface WorkerScope {
  onmessage: ((event: MessageEvent<AnalysisRequest>) => void) | null;
  postMessage(message: AnalysisResponse): void;
}

const scope = self as unknown as WorkerScope;

function answer(request: AnalysisRequest): DispersionResult | SignificanceResult | ConsolidationResult {
  switch (request.kind) {
    case 'significance':
      return testSignificance(request.points, request.options);
    case 'consolidation':
      return consolidate(request.parks, request.candidates, request.options);
    default:
      return analyseDispersion(request.parks, request.options);
  }
}

scope.onmessage = (event) => {
  const { id } = event.data;
  try {
    scope.postMessage({ id, result: answer(event.data) });
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
