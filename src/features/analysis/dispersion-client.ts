/**
 * Runs the analyses off the main thread: the dispersion figures, the significance tests and the consolidation
 * options. One module worker, created on first use; within each kind of request the latest wins: a newer request
 * rejects the older ones of its kind still waiting (with an AbortError) and only the newest waiting one is sent when
 * the worker has finished that kind's last, so dragging a slider never piles up work — and a significance test never
 * cancels the dispersion figures, nor the reverse. Without Worker support (or if the worker fails to start), the
 * analysis is loaded with a dynamic import and runs on the main thread.
 */
import type { ConsolidationOptions, ConsolidationResult, ConsolidationSite } from './consolidate.ts';
import type { DispersionOptions, DispersionResult, ParkFeature } from './dispersion-types.ts';
import type { SignificanceOptions, SignificanceResult } from './significance.ts';
import type { AnalysisRequest, AnalysisResponse } from './dispersion.worker.ts';

type Kind = 'dispersion' | 'significance' | 'consolidation';
/** A request without its id. */
type Job = AnalysisRequest extends infer R ? (R extends AnalysisRequest ? Omit<R, 'id'> : never) : never;

interface Pending {
  id: number;
  job: Job;
  resolve(result: unknown): void;
  reject(error: unknown): void;
  settled: boolean;
  cleanup(): void;
}

/** Each kind's request in the worker (its answer not yet in; it may already be settled, then the answer is dropped) and the one waiting. */
interface Channel {
  running: Pending | null;
  queued: Pending | null;
  inline: Set<Pending>;
}

const channels: Record<Kind, Channel> = {
  dispersion: { running: null, queued: null, inline: new Set() },
  significance: { running: null, queued: null, inline: new Set() },
  consolidation: { running: null, queued: null, inline: new Set() },
};
const kindOf = (job: Job): Kind => job.kind ?? 'dispersion';

let worker: Worker | null = null;
let broken = false;
let nextId = 1;

/** An error named AbortError, as `fetch` rejects with when aborted. */
function abortError(message: string): Error {
  if (typeof DOMException === 'function') return new DOMException(message, 'AbortError');
  const e = new Error(message);
  e.name = 'AbortError';
  return e;
}

function settle(p: Pending, outcome: { result: unknown } | { error: unknown }): void {
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
  worker.addEventListener('message', (event: MessageEvent<AnalysisResponse>) => {
    const kind = (Object.keys(channels) as Kind[]).find((k) => channels[k].running?.id === event.data.id);
    if (!kind) return;
    const ch = channels[kind];
    const done = ch.running!;
    ch.running = null;
    settle(done, 'result' in event.data ? { result: event.data.result } : { error: new Error(event.data.error) });
    pump(kind);
  });
  const fail = (event: Event) => {
    // The worker could not load or died: finish the work on the main thread from now on.
    event.preventDefault?.();
    worker?.terminate();
    worker = null;
    broken = true;
    for (const ch of Object.values(channels)) {
      const lost = [ch.running, ch.queued].filter((p): p is Pending => p !== null && !p.settled);
      ch.running = null;
      ch.queued = null;
      for (const p of lost) runInline(p);
    }
  };
  worker.addEventListener('error', fail);
  worker.addEventListener('messageerror', fail);
  return worker;
}

function pump(kind: Kind): void {
  const ch = channels[kind];
  if (ch.running || !ch.queued) return;
  const next = ch.queued;
  ch.queued = null;
  if (next.settled) return;
  const w = ensureWorker();
  if (!w) {
    runInline(next);
    return;
  }
  ch.running = next;
  const message = { id: next.id, ...next.job } as AnalysisRequest;
  try {
    w.postMessage(message);
  } catch (err) {
    // Data that cannot be cloned: say so rather than hang.
    ch.running = null;
    settle(next, { error: err });
    pump(kind);
  }
}

/** The code of a kind of request, loaded on demand, to compute it on this thread. */
async function load(kind: Kind): Promise<(job: Job) => unknown> {
  switch (kind) {
    case 'significance': {
      const { testSignificance } = await import('./significance.ts');
      return (job) => (job.kind === 'significance' ? testSignificance(job.points, job.options) : null);
    }
    case 'consolidation': {
      const { consolidate } = await import('./consolidate.ts');
      return (job) => (job.kind === 'consolidation' ? consolidate(job.parks, job.candidates, job.options) : null);
    }
    default: {
      const { analyseDispersion } = await import('./dispersion.ts');
      return (job) => (job.kind === undefined ? analyseDispersion(job.parks, job.options) : null);
    }
  }
}

async function runInline(p: Pending): Promise<void> {
  const kind = kindOf(p.job);
  const ch = channels[kind];
  ch.inline.add(p);
  try {
    const run = await load(kind);
    if (p.settled) return;
    settle(p, { result: run(p.job) });
  } catch (err) {
    settle(p, { error: err });
  } finally {
    ch.inline.delete(p);
  }
}

function request<T>(job: Job, signal?: AbortSignal): Promise<T> {
  if (signal?.aborted) return Promise.reject(abortError('Aborted'));
  const kind = kindOf(job);
  const ch = channels[kind];
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      if (ch.queued === p) ch.queued = null;
      settle(p, { error: abortError('Aborted') });
    };
    const p: Pending = {
      id: nextId++,
      job,
      resolve: resolve as (result: unknown) => void,
      reject,
      settled: false,
      cleanup: () => signal?.removeEventListener('abort', onAbort),
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    // Latest wins within the kind: whatever of it is waiting or running loses (a running job's answer is dropped).
    supersede(ch.queued);
    ch.queued = null;
    supersede(ch.running);
    for (const q of ch.inline) supersede(q);
    ch.queued = p;
    pump(kind);
  });
}

/**
 * The dispersion figures of `parks` (see `analyseDispersion`), computed in the worker. Rejects with an AbortError
 * when `signal` aborts or a newer call supersedes this one.
 */
export function runDispersion(parks: readonly ParkFeature[], options: DispersionOptions = {}, signal?: AbortSignal): Promise<DispersionResult> {
  return request<DispersionResult>({ parks, options }, signal);
}

/**
 * The significance tests of `points` (lon/lat, e.g. the dispersion result's `parks[].centroid`) in the study area
 * (see `testSignificance` in significance.ts), computed in the worker; the latest call wins, as for the figures.
 */
export function runSignificance(
  points: readonly (readonly [number, number])[],
  options: SignificanceOptions,
  signal?: AbortSignal,
): Promise<SignificanceResult> {
  return request<SignificanceResult>({ kind: 'significance', points, options }, signal);
}

/** Hubs for `parks` among `candidates` (see `consolidate` in consolidate.ts), computed in the worker; the latest call wins. */
export function runConsolidation(
  parks: readonly ConsolidationSite[],
  candidates: readonly ConsolidationSite[],
  options: ConsolidationOptions = {},
  signal?: AbortSignal,
): Promise<ConsolidationResult> {
  return request<ConsolidationResult>({ kind: 'consolidation', parks, candidates, options }, signal);
}

/** Ends the worker and rejects what is pending (for tests and teardown); the next call starts afresh. */
export function disposeDispersionWorker(): void {
  for (const ch of Object.values(channels)) {
    supersede(ch.queued);
    supersede(ch.running);
    for (const q of ch.inline) supersede(q);
    ch.queued = null;
    ch.running = null;
  }
  worker?.terminate();
  worker = null;
  broken = false;
}
