import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerRead } from '../../lib/import/read-worker.ts';
import { LISTING_IMPORT } from './import.ts';
import { LISTING_SPEC } from './import-spec.ts';
import { readListingFile } from './read.worker.ts';

// The listings import's worker: what it answers for a file, KML included (xmldom stands in for the DOMParser a
// worker lacks), and the spec reading through it.

const fixtures = resolve(import.meta.dirname, '../../../tests/fixtures/listings');
const request = (name: string) => ({ id: 1, name, bytes: new Uint8Array(readFileSync(resolve(fixtures, name))) });

describe('the listings read worker', () => {
  it('reads a KML file with xmldom: its placemarks become rows with their points', () => {
    const answer = answerRead(request('listings.kml'), readListingFile);
    if (!('result' in answer) || !answer.result.table) throw new Error(JSON.stringify(answer));
    const { table } = answer.result;
    expect(table.format).toBe('kml');
    expect(table.rows.length).toBeGreaterThanOrEqual(3);
    expect(table.rows[0]).toMatchObject({ values: { name: '长阳创谷（测试）', 面积: '1200' }, lonlat: [121.52756, 31.27487] });
    // What the flow gets back is data only: it survives the trip through postMessage.
    expect(structuredClone(answer)).toEqual(answer);
  });

  it('refuses a KML file declaring entities, and a broken one, as the browser’s reader does', () => {
    expect(answerRead(request('entity.kml'), readListingFile)).toMatchObject({ result: { fileErrors: [{ code: 'file-kml-entities' }] } });
    expect(answerRead(request('broken.kml'), readListingFile)).toMatchObject({ result: { fileErrors: [{ code: 'file-kml-syntax' }] } });
  });

  it('reads a table as the import does on the main thread', () => {
    for (const name of ['valid-utf8.csv', 'valid-gbk.csv', 'listings.geojson', 'workbook.xlsx', 'empty.csv'])
      expect(readListingFile(request(name)), name).toEqual(LISTING_IMPORT.read(request(name)));
  });

  it('is what the spec reads with; without workers (here), on the main thread', async () => {
    const engine = await LISTING_SPEC.load();
    expect(await engine.read(request('valid-utf8.csv'))).toEqual(LISTING_IMPORT.read(request('valid-utf8.csv')));
    expect(engine.suggest).toBe(LISTING_IMPORT.suggest);
  });
});
