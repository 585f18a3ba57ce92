/**
 * The statistics import's reading in a module worker (see lib/import/read-worker.ts): the spec (import-spec.ts)
 * posts each file's bytes here and gets its table or its file errors back.
 */
import { serveReadsInWorker } from '../../lib/import/read-worker.ts';
import type { ReadFileResult } from '../../lib/import/read.ts';
import { workerDomParser } from '../../lib/import/worker-dom.ts';
import { readIndicatorFile } from './import.ts';

const domParser = workerDomParser();

/** The statistics reader (`INDICATOR_IMPORT.read`), with xmldom for a table that turns out to be XML. */
export const readIndicatorFileInWorker = (file: { name: string; bytes: Uint8Array }): ReadFileResult => readIndicatorFile(file, { domParser });

serveReadsInWorker(readIndicatorFileInWorker);
