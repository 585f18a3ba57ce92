/**
 * Runs the dispersion analysis off the main thread. One module worker, created on first use; the latest request
 * wins: a newer request rejects the older ones still waiting (with an AbortError) and only the newest waiting one
 * is sent when the worker is free, so dragging a slider never piles up work. Without Worker support (or if the
 * worker fails to start), the analysis is loaded with a dynamic import and runs on the main thread.
 */
import type { DispersionOptions, DispersionResult, ParkFeature } from './dispersion-types.ts';
import type { DispersionRequest, DispersionResponse } from './dispersion.worker.ts';

interface Pending {
  id: number;
  parks: readonly ParkFeature[];
  options: DispersionOptions;
  resolve(result: DispersionResult): void;
  reject(error: unknown): void;
  settled: boolean;
  cleanup(): void;
}

let worker: Worker | null = null;
let broken = false;
let nextId = 1;
/** Sent to the worker, answer not yet in (it may already be settled: then the answer is dropped). */
let running: Pending | null = null;
/** Waiting for the worker to be free. */
let queued: Pending | null = null;
const inline = new Set<Pending>();

/** An error named AbortError, as `fetch` rejects with when aborted. */
function abortError(message: string): Error {
  if (typeof DOMException === 'function') return new DOMException(message, 'AbortError');
  const e = new Error(message);
  e.name = 'AbortError';
  return e;
}

function settle(p: Pending, outcome: { result: DispersionResult } | { error: unknown }): void {
  if (p.settled) return;
  p.settled = true;
  p.cleanup();
  if ('result' in outcome) p.resolve(outcome.result);
  else p.reject(outcome.error);
}

function supersede(p: Pending | null): void {
  if (p) settle(p, { error: abortError('Superseded by a newer analysis') });
}

function ensureWorker(): Worker | null {
  if (worker || broken) return worker;
  if (typeof Worker === 'undefined') {
    broken = true;
    return null;
  }
  try {
    worker = new Worker(new URL('./dispersion.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    broken = true;
    return null;
  }
  worker.addEventListener('message', (event: MessageEvent<DispersionResponse>) => {
    const done = running;
    if (!done || event.data.id !== done.id) return;
    running = null;
    settle(done, 'result' in event.data ? { result: event.data.result } : { error: new Error(event.data.error) });
    pump();
  });
  const fail = (event: Event) => {
    // The worker could not load or died: finish the work on the main thread from now on.
    event.preventDefault?.();
    worker?.terminate();
    worker = null;
    broken = true;
    const lost = [running, queued].filter((p): p is Pending => p !== null && !p.settled);
    running = null;
    queued = null;
    for (const p of lost) runInline(p);
  };
  worker.addEventListener('error', fail);
  worker.addEventListener('messageerror', fail);
  return worker;
}

function pump(): void {
  if (running || !queued) return;
  const next = queued;
  queued = null;
  if (next.settled) return;
  const w = ensureWorker();
  if (!w) {
    runInline(next);
    return;
  }
  running = next;
  const message: DispersionRequest = { id: next.id, parks: next.parks, options: next.options };
  try {
    w.postMessage(message);
  } catch (err) {
    // Data that cannot be cloned: say so rather than hang.
    running = null;
    settle(next, { error: err });
    pump();
  }
}

async function runInline(p: Pending): Promise<void> {
  inline.add(p);
  try {
    const { analyseDispersion } = await import('./dispersion.ts');
    if (p.settled) return;
    settle(p, { result: analyseDispersion(p.parks, p.options) });
  } catch (err) {
    settle(p, { error: err });
  } finally {
    inline.delete(p);
  }
}

/**
 * The dispersion figures of `parks` (see `analyseDispersion`), computed in the worker. Rejects with an AbortError
 * when `signal` aborts or a newer call supersedes this one.
 */
export function runDispersion(parks: readonly ParkFeature[], options: DispersionOptions = {}, signal?: AbortSignal): Promise<DispersionResult> {
  if (signal?.aborted) return Promise.reject(abortError('Aborted'));
  return new Promise<DispersionResult>((resolve, reject) => {
    const onAbort = () => {
      if (queued === p) queued = null;
      settle(p, { error: abortError('Aborted') });
    };
    const p: Pending = {
      id: nextId++,
      parks,
      options,
      resolve,
      reject,
      settled: false,
      cleanup: () => signal?.removeEventListener('abort', onAbort),
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    // Latest wins: whatever is waiting or running loses (a running job's answer will be dropped).
    supersede(queued);
    queued = null;
    supersede(running);
    for (const q of inline) supersede(q);
    queued = p;
    pump();
  });
}

/** Ends the worker and rejects what is pending (for tests and teardown); the next call starts afresh. */
export function disposeDispersionWorker(): void {
  supersede(queued);
  supersede(running);
  for (const q of inline) supersede(q);
  queued = null;
  running = null;
  worker?.terminate();
  worker = null;
  broken = false;
}
