/**
 * The listings import's reading in a module worker (see lib/import/read-worker.ts): the spec (import-spec.ts)
 * posts each file's bytes here and gets its table or its file errors back.
 */
import { serveReadsInWorker } from '../../lib/import/read-worker.ts';
import type { ReadFileResult } from '../../lib/import/read.ts';
import { workerDomParser } from '../../lib/import/worker-dom.ts';
import { readListingFile as readListings } from './import.ts';

const domParser = workerDomParser();

/** The listings reader (`LISTING_IMPORT.read`) with xmldom for KML: a worker has no `DOMParser`. */
export const readListingFile = (file: { name: string; bytes: Uint8Array }): ReadFileResult => readListings(file, { domParser });

serveReadsInWorker(readListingFile);
