import type { ReadFileResult } from './read.ts';
import type { ImportMessage } from './types.ts';

/*
 * Reading a file off the main thread. Each import has a module worker of its own (its reading options hold a
 * function, which cannot be posted): the worker entry calls `serveReads` with the import's reader, and the import's
 * spec reads through `workerReader`, which starts that worker on the first file. The worker answers once it has
 * loaded, so a worker that cannot start (no worker support, a policy refusing it) leaves the bytes on this side:
 * they are then read on the main thread, as before. The bytes are handed to the worker (transferred, not copied).
 */

/** Reads a file's bytes into a table (an import's `TableImport.read`, run where it is called). */
export type FileReader = (file: { name: string; bytes: Uint8Array }) => ReadFileResult;

/** A file to read, posted to the worker. */
export interface ReadRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
}

/** The worker's answers: once loaded `{ ready: true }`, then one per request. */
export type ReadResponse = { ready: true } | { id: number; result: ReadFileResult } | { id: number; error: string };

/** The worker's answer to one request: the reader's result, or what it threw. */
export function answerRead(request: ReadRequest, read: FileReader): ReadResponse {
  try {
    return { id: request.id, result: read({ name: request.name, bytes: request.bytes }) };
  } catch (err) {
    return { id: request.id, error: err instanceof Error ? err.message : String(err) };
  }
}

/** The part of a dedicated worker's global scope `serveReads` uses. */
export interface ReadWorkerScope {
  onmessage: ((event: MessageEvent<ReadRequest>) => void) | null;
  postMessage(message: ReadResponse): void;
}

/** Run by a worker entry: answers every file posted to it with `read`, and says it is ready. */
export function serveReads(scope: ReadWorkerScope, read: FileReader): void {
  scope.onmessage = (event) => scope.postMessage(answerRead(event.data, read));
  scope.postMessage({ ready: true });
}

/**
 * Run by a worker entry: serves `read` when this is a worker; imported anywhere else (a unit test of its reader),
 * does nothing.
 */
export function serveReadsInWorker(read: FileReader): void {
  const scope = globalThis as { WorkerGlobalScope?: abstract new () => unknown };
  if (typeof scope.WorkerGlobalScope === 'function' && globalThis instanceof scope.WorkerGlobalScope)
    serveReads(globalThis as unknown as ReadWorkerScope, read);
}

/** What the flow shows for a file the worker could not read: the file could not be read, and why. */
export const readFailure = (text: string): ReadFileResult => ({ fileErrors: [{ code: 'file-format-unknown', text } satisfies ImportMessage] });

/** The part of a `Worker` the client uses (a fake one in tests). */
export interface ReadWorker {
  postMessage(message: ReadRequest, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ReadResponse>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

export interface WorkerReaderOptions {
  /**
   * Starts the import's worker: `new Worker(new URL('./read.worker.ts', import.meta.url), { type: 'module' })`
   * written in the feature, so that Vite bundles the entry. May throw (no worker support).
   */
  create: () => ReadWorker;
  /** The same reader on the main thread, for when no worker can start. */
  fallback: (file: { name: string; bytes: Uint8Array }) => ReadFileResult | Promise<ReadFileResult>;
}

interface Pending {
  id: number;
  file: { name: string; bytes: Uint8Array };
  resolve(result: ReadFileResult): void;
  reject(error: unknown): void;
}

/** An error named AbortError: a file superseded by a later one. */
function abortError(): Error {
  const e = new Error('Superseded by a later file');
  e.name = 'AbortError';
  return e;
}

const why = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * A reader that reads each file in a worker of its own, ended once it has answered (a flow reads a file now and
 * then; an idle worker would only hold memory). The latest file wins: a file given while another is being read ends
 * that reading (its promise rejects with an AbortError: the flow has moved on). A worker that fails or dies while
 * reading answers the flow's "file could not be read", never a rejection; the next file has a new worker. Where no
 * worker can start (none loads, or constructing one throws), files are read on the main thread from then on.
 */
export function workerReader({ create, fallback }: WorkerReaderOptions): (file: { name: string; bytes: Uint8Array }) => Promise<ReadFileResult> {
  let unsupported = false;
  let nextId = 1;
  /** The file being read and its worker. */
  let current: { worker: ReadWorker; pending: Pending; ready: boolean } | null = null;

  const inline = async (p: Pending) => {
    try {
      p.resolve(await fallback(p.file));
    } catch (err) {
      p.resolve(readFailure(why(err)));
    }
  };

  const end = () => {
    current?.worker.terminate();
    current = null;
  };

  const run = (p: Pending) => {
    let worker: ReadWorker;
    try {
      // Throws where there are no workers (`Worker` undefined) or the browser refuses this one.
      worker = create();
    } catch {
      unsupported = true;
      void inline(p);
      return;
    }
    const job = { worker, pending: p, ready: false };
    current = job;
    worker.addEventListener('message', (event) => {
      if (current !== job) return;
      const data = event.data;
      if ('ready' in data) {
        job.ready = true;
        try {
          worker.postMessage({ id: p.id, name: p.file.name, bytes: p.file.bytes }, [p.file.bytes.buffer as ArrayBuffer]);
        } catch {
          // Bytes that cannot be handed over (a shared buffer): a failed transfer leaves them here, to read here.
          end();
          void inline(p);
        }
        return;
      }
      if (data.id !== p.id) return;
      end();
      // Unpacking a big table is a task of its own: what the flow does with it (the review) comes in the next one.
      const result = 'result' in data ? data.result : readFailure(data.error);
      setTimeout(() => p.resolve(result), 0);
    });
    const fail = (event: Event) => {
      if (current !== job) return;
      event.preventDefault();
      end();
      if (!job.ready) {
        // It never started (a policy or a browser refusing module workers): the bytes are still here; read them
        // here, and the next files too.
        unsupported = true;
        void inline(p);
        return;
      }
      // It died reading this file: the file could not be read; the next file has a new worker.
      p.resolve(readFailure((event as ErrorEvent).message || 'The file reader stopped.'));
    };
    worker.addEventListener('error', fail);
    worker.addEventListener('messageerror', fail);
  };

  return (file) =>
    new Promise<ReadFileResult>((resolve, reject) => {
      const p: Pending = { id: nextId++, file, resolve, reject };
      if (current) {
        // A later file wins: the earlier reading is of no use any more, and would hold this one up.
        current.pending.reject(abortError());
        end();
      }
      if (unsupported) void inline(p);
      else run(p);
    });
}
