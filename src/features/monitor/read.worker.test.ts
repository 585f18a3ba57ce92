import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerRead } from '../../lib/import/read-worker.ts';
import { INDICATOR_IMPORT } from './import.ts';
import { INDICATOR_SPEC } from './import-spec.ts';
import { readIndicatorFileInWorker } from './read.worker.ts';

// The statistics import's worker: what it answers for a file, and the spec reading through it.

const fixtures = resolve(import.meta.dirname, '../../../tests/fixtures');
const request = (path: string) => ({ id: 7, name: path.replace(/.*\//, ''), bytes: new Uint8Array(readFileSync(resolve(fixtures, path))) });

describe('the statistics read worker', () => {
  it('reads a table of figures as the import does on the main thread', () => {
    for (const path of ['monitor/chinese-headers.csv', 'monitor/gbk.csv', 'monitor/figures.geojson']) {
      const answer = answerRead(request(path), readIndicatorFileInWorker);
      expect(answer, path).toEqual({ id: 7, result: INDICATOR_IMPORT.read(request(path)) });
    }
  });

  it('refuses a map file, KML included, as not a table', () => {
    expect(answerRead(request('listings/listings.kml'), readIndicatorFileInWorker)).toMatchObject({
      result: { fileErrors: [{ code: 'monitor-file-not-table' }] },
    });
  });

  it('is what the spec reads with; without workers (here), on the main thread', async () => {
    const engine = await INDICATOR_SPEC.load();
    expect(await engine.read(request('monitor/chinese-headers.csv'))).toEqual(INDICATOR_IMPORT.read(request('monitor/chinese-headers.csv')));
  });
});
