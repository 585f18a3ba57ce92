import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyseDispersion } from './dispersion.ts';
import { disposeDispersionWorker, runDispersion } from './dispersion-client.ts';
import type { DispersionRequest, DispersionResponse } from './dispersion.worker.ts';
import type { ParkFeature } from './dispersion-types.ts';

const park = (id: string, lon: number, lat: number): ParkFeature => ({
  type: 'Feature',
  properties: { id },
  geometry: { type: 'Point', coordinates: [lon, lat] },
});
const setA = [park('a', 121.5, 31.3), park('b', 121.51, 31.3)];
const setB = [park('c', 121.5, 31.31), park('d', 121.52, 31.31), park('e', 121.53, 31.31)];
const setC = [park('f', 121.5, 31.32)];
const isAbort = (e: unknown) => e instanceof Error && e.name === 'AbortError';

/** A stand-in for a module worker that answers when the test says so. */
class FakeWorker extends EventTarget {
  static instances: FakeWorker[] = [];
  readonly url: string;
  readonly options: WorkerOptions | undefined;
  readonly received: DispersionRequest[] = [];
  terminated = false;
  constructor(url: URL | string, options?: WorkerOptions) {
    super();
    this.url = String(url);
    this.options = options;
    FakeWorker.instances.push(this);
  }
  postMessage(message: DispersionRequest): void {
    this.received.push(structuredClone(message));
  }
  /** Answers the oldest unanswered request as the real worker would. */
  answer(): void {
    const req = this.received.shift()!;
    const data: DispersionResponse = { id: req.id, result: analyseDispersion(req.parks, req.options) };
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
  fail(): void {
    this.dispatchEvent(new Event('error'));
  }
  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => {
  disposeDispersionWorker();
  vi.unstubAllGlobals();
  FakeWorker.instances = [];
});

describe('runDispersion without Worker (main-thread fallback)', () => {
  it('resolves with the analysis', async () => {
    vi.stubGlobal('Worker', undefined);
    expect(await runDispersion(setB, { clusterDistanceM: 2000 })).toEqual(analyseDispersion(setB, { clusterDistanceM: 2000 }));
  });

  it('lets the latest request win', async () => {
    vi.stubGlobal('Worker', undefined);
    const first = runDispersion(setA);
    const second = runDispersion(setB);
    await expect(first).rejects.toSatisfy(isAbort);
    expect((await second).count).toBe(3);
  });
});

describe('runDispersion with a worker', () => {
  it('creates one module worker lazily and matches answers to requests', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    expect(FakeWorker.instances).toHaveLength(0);
    const p = runDispersion(setA);
    const w = FakeWorker.instances[0]!;
    expect(w.url).toMatch(/dispersion\.worker\.ts$/);
    expect(w.options).toEqual({ type: 'module' });
    w.answer();
    expect((await p).count).toBe(2);
    const q = runDispersion(setB);
    w.answer();
    expect((await q).count).toBe(3);
    expect(FakeWorker.instances).toHaveLength(1);
  });

  it('rejects older requests with an AbortError and sends only the newest waiting one when the worker is free', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const first = runDispersion(setA);
    const w = FakeWorker.instances[0]!;
    const second = runDispersion(setB);
    const third = runDispersion(setC);
    await expect(first).rejects.toSatisfy(isAbort);
    await expect(second).rejects.toSatisfy(isAbort);
    // The worker is still busy with the first: nothing else was sent yet.
    expect(w.received.map((r) => r.parks.length)).toEqual([2]);
    w.answer(); // the first's answer, dropped
    expect(w.received.map((r) => r.parks.length)).toEqual([1]);
    w.answer();
    expect((await third).parks.map((p) => p.id)).toEqual(['f']);
  });

  it('rejects on abort: before sending, while waiting, and an already aborted signal', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const aborted = new AbortController();
    aborted.abort();
    await expect(runDispersion(setA, {}, aborted.signal)).rejects.toSatisfy(isAbort);
    const ctl = new AbortController();
    const p = runDispersion(setA, {}, ctl.signal);
    ctl.abort();
    await expect(p).rejects.toSatisfy(isAbort);
    const w = FakeWorker.instances[0]!;
    w.answer(); // dropped
    const q = runDispersion(setB);
    w.answer();
    expect((await q).count).toBe(3);
  });

  it('falls back to the main thread when the worker fails', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const p = runDispersion(setB);
    const w = FakeWorker.instances[0]!;
    w.fail();
    expect(w.terminated).toBe(true);
    expect((await p).count).toBe(3);
    // Later requests run on the main thread too, without a new worker.
    expect((await runDispersion(setA)).count).toBe(2);
    expect(FakeWorker.instances).toHaveLength(1);
  });
});

describe('dispersion.worker', () => {
  it('answers { id, result } and { id, error }', async () => {
    const posted: DispersionResponse[] = [];
    const scope: { onmessage: ((e: { data: DispersionRequest }) => void) | null; postMessage(m: DispersionResponse): void } = {
      onmessage: null,
      postMessage: (m) => posted.push(m),
    };
    vi.stubGlobal('self', scope);
    vi.resetModules();
    await import('./dispersion.worker.ts');
    expect(scope.onmessage).toBeTypeOf('function');
    scope.onmessage!({ data: { id: 7, parks: setB, options: {} } });
    const hostile = {
      get stations(): never {
        throw new Error('boom');
      },
    };
    scope.onmessage!({ data: { id: 8, parks: setB, options: hostile } });
    expect(posted[0]).toEqual({ id: 7, result: analyseDispersion(setB, {}) });
    expect(posted[1]).toEqual({ id: 8, error: 'boom' });
  });
});
