import type { Polygon } from 'geojson';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { consolidate } from './consolidate.ts';
import { analyseDispersion } from './dispersion.ts';
import { disposeDispersionWorker, runConsolidation, runDispersion, runSignificance } from './dispersion-client.ts';
import { ll, pt, ring } from './dispersion.fixtures.ts';
import type { AnalysisRequest, AnalysisResponse } from './dispersion.worker.ts';
import { testSignificance } from './significance.ts';

// The significance and consolidation requests beside the dispersion one (dispersion-client.test.ts has the rest).
const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    ring([
      [0, 0],
      [1000, 0],
      [1000, 1000],
      [0, 1000],
    ]),
  ],
};
const points = [ll(100, 100), ll(300, 200), ll(700, 800), ll(900, 400)];
const sigOptions = { studyArea: square, simulations: 19, lFunction: false as const };
const site = (id: string, x: number) => ({ id, lon: ll(x, 0)[0], lat: ll(x, 0)[1] });
const parks = [site('p0', 0), site('p1', 100), site('p2', 1000)];
const candidates = [site('A', 50), site('B', 1000)];
const isAbort = (e: unknown) => e instanceof Error && e.name === 'AbortError';

function compute(req: AnalysisRequest): unknown {
  if (req.kind === 'significance') return testSignificance(req.points, req.options);
  if (req.kind === 'consolidation') return consolidate(req.parks, req.candidates, req.options);
  return analyseDispersion(req.parks, req.options);
}

class FakeWorker extends EventTarget {
  static instances: FakeWorker[] = [];
  readonly received: AnalysisRequest[] = [];
  constructor() {
    super();
    FakeWorker.instances.push(this);
  }
  postMessage(message: AnalysisRequest): void {
    this.received.push(structuredClone(message));
  }
  /** Answers the request at `at` (default the oldest) as the real worker would. */
  answer(at = 0): void {
    const [req] = this.received.splice(at, 1);
    const data: AnalysisResponse = { id: req!.id, result: compute(req!) as never };
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
  terminate(): void {}
}

afterEach(() => {
  disposeDispersionWorker();
  vi.unstubAllGlobals();
  FakeWorker.instances = [];
});

describe('runSignificance and runConsolidation', () => {
  it('run on the main thread without Worker', async () => {
    vi.stubGlobal('Worker', undefined);
    expect(await runSignificance(points, sigOptions)).toEqual(testSignificance(points, sigOptions));
    expect(await runConsolidation(parks, candidates, { hubs: 1 })).toEqual(consolidate(parks, candidates, { hubs: 1 }));
  });

  it('send their kind to the one worker; a kind never supersedes another', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const d = runDispersion([pt('a', 0, 0), pt('b', 100, 0)]);
    const s = runSignificance(points, sigOptions);
    const c = runConsolidation(parks, candidates, { distanceM: 200 });
    const w = FakeWorker.instances[0]!;
    expect(FakeWorker.instances).toHaveLength(1);
    expect(w.received.map((r) => r.kind)).toEqual([undefined, 'significance', 'consolidation']);
    // Answers matched by id, in any order.
    w.answer(2);
    w.answer(1);
    w.answer(0);
    expect((await c).hubs.map((h) => h.id)).toEqual(['A', 'B']);
    expect((await s).monteCarlo!.simulations).toBe(19);
    expect((await d).count).toBe(2);
  });

  it('let the latest request of a kind win', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const first = runSignificance(points, sigOptions);
    const second = runSignificance(points, { ...sigOptions, seed: 2 });
    const third = runSignificance(points, { ...sigOptions, seed: 3 });
    await expect(first).rejects.toSatisfy(isAbort);
    await expect(second).rejects.toSatisfy(isAbort);
    const w = FakeWorker.instances[0]!;
    w.answer(); // the first's, dropped
    expect(w.received.map((r) => (r.kind === 'significance' ? r.options.seed : null))).toEqual([3]);
    w.answer();
    expect((await third).monteCarlo!.seed).toBe(3);
  });
});

describe('dispersion.worker with kinds', () => {
  it('answers significance and consolidation requests, and errors with their id', async () => {
    const posted: AnalysisResponse[] = [];
    const scope: { onmessage: ((e: { data: AnalysisRequest }) => void) | null; postMessage(m: AnalysisResponse): void } = {
      onmessage: null,
      postMessage: (m) => posted.push(m),
    };
    vi.stubGlobal('self', scope);
    vi.resetModules();
    await import('./dispersion.worker.ts');
    scope.onmessage!({ data: { id: 1, kind: 'significance', points, options: sigOptions } });
    scope.onmessage!({ data: { id: 2, kind: 'consolidation', parks, candidates, options: { hubs: 2 } } });
    scope.onmessage!({ data: { id: 3, kind: 'consolidation', parks: null as never, candidates, options: {} } });
    expect(posted[0]).toEqual({ id: 1, result: testSignificance(points, sigOptions) });
    expect(posted[1]).toEqual({ id: 2, result: consolidate(parks, candidates, { hubs: 2 }) });
    expect(posted[2]).toMatchObject({ id: 3, error: expect.any(String) });
  });
});
