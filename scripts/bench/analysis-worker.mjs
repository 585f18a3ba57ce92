/**
 * The app's analysis worker (src/features/analysis/dispersion.worker.ts) on a Node worker thread, for the bench:
 * Node's worker_threads have no `self`, so a small one forwards the parent's messages to the worker's `onmessage`
 * and its `postMessage` to the parent (both structured clones, as between a page and its Web Worker). Plain .mjs:
 * a .ts entry is loaded before tsx's hooks apply in a worker (Node 20, tsx 4), so tsx is registered here first.
 */
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const scope = { onmessage: null, postMessage: (message) => parentPort.postMessage(message) };
globalThis.self = scope;
// A browser holds a module worker's messages until its module has run; so does this, or the first would be lost.
const early = [];
parentPort.on('message', (data) => (scope.onmessage ? scope.onmessage({ data }) : early.push(data)));
await import('../../src/features/analysis/dispersion.worker.ts');
for (const data of early.splice(0)) scope.onmessage({ data });
