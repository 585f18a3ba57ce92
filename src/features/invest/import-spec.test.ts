import { describe, expect, it } from 'vitest';
import type { ImportTable } from '../../lib/import/types.ts';
import { LISTING_IMPORT } from './import.ts';
import { LISTING_SPEC } from './import-spec.ts';
import { tableOf } from '../../../tests/fixtures/listings/helpers.ts';

// The listings' spec of the shared import flow: what the column step lists and requires, and the dry run's hint.

const table = (headers: string[], rows: string[][], lonlat?: [number, number]): ImportTable => ({
  format: lonlat ? 'geojson' : 'csv',
  fileName: 't.csv',
  encoding: 'UTF-8',
  rowKind: lonlat ? 'feature' : 'row',
  headers,
  rows: rows.map((cells, i) => ({ row: i + 2, values: Object.fromEntries(headers.map((h, k) => [h, cells[k] ?? ''])), ...(lonlat && { lonlat }) })),
  notes: [],
});

describe('the listings import in the shared flow', () => {
  it('lists the coordinate fields only for a file without points of its own', () => {
    const plain = table(['name'], [['A']]);
    expect(LISTING_IMPORT.fields(plain)).toContain('lonlat');
    const located = table(['name'], [['A']], [121.5, 31.3]);
    const fields = LISTING_IMPORT.fields(located);
    expect(fields).toContain('areaM2');
    expect(fields.filter((f) => f === 'lon' || f === 'lat' || f === 'lonlat')).toEqual([]);
  });

  it('marks what a mapping lacks: the name, the area, and every coordinate field while no position is given', () => {
    const plain = table(['x'], [['1']]);
    const missing = LISTING_IMPORT.missing({}, plain);
    expect(missing.map((m) => [m.message.code, m.fields])).toEqual([
      ['mapping-missing-name', ['name']],
      ['mapping-missing-area', ['areaM2']],
      ['mapping-missing-coordinates', ['lon', 'lat', 'lonlat']],
    ]);
    expect(LISTING_IMPORT.missing({ building: 'x', areaM2: 'y' }, table(['x', 'y'], [['1', '2']], [121.5, 31.3]))).toEqual([]);
  });

  it("judges the file's coordinate system in the dry run, whatever reading is chosen, and keeps the clues in the report", async () => {
    const t = tableOf('gcj02.csv');
    const mapping = LISTING_IMPORT.suggest(t.headers);
    const none = { places: [], outlines: [] };
    // Known places where the file's points truly are: the points read in the right system.
    const truth = LISTING_IMPORT.build(t, mapping, { crs: 'gcj02', references: none, name: 'n', final: false }).result.inventory.listings;
    expect(truth.length).toBeGreaterThan(5);
    const references = { places: truth.map((l) => ({ lonlat: [l.lon, l.lat] as [number, number], names: [], precisionM: 30 })), outlines: [] };
    const dry = LISTING_IMPORT.build(t, mapping, { crs: 'wgs84', references, name: 'n', final: false });
    expect((await dry.result.detection).choice).toBe('gcj02');
    expect(dry.report.notes.map((n) => n.code)).not.toContain('crs-clue-places');
    // The same judgement under another reading (it is worked out once per table and mapping).
    expect(LISTING_IMPORT.build(t, mapping, { crs: 'bd09', references, name: 'n', final: false }).result.detection).toBe(dry.result.detection);
    const done = LISTING_IMPORT.build(t, mapping, { crs: 'gcj02', references, name: ' ops ', final: true });
    expect(done.report.notes.map((n) => n.code)).toEqual(expect.arrayContaining(['crs-converted', 'crs-clue-file-name', 'crs-clue-places']));
    expect(done.result.inventory.name).toBe('ops');
    // Each listing keeps the numbers as written, for a later change of system.
    expect(done.result.inventory.listings[0]!.written).toEqual([121.511411, 31.290987]);
  });

  it('loads its engine with the first file and words its messages and fields from the kernel catalogue', async () => {
    // The engine itself, but reading in a worker of the flow's own (see read.worker.test.ts).
    expect({ ...(await LISTING_SPEC.load()), read: LISTING_IMPORT.read }).toEqual(LISTING_IMPORT);
    expect(LISTING_SPEC.fieldLabel('en', 'areaM2')).toBe('Floor area available (m²)');
    expect(LISTING_SPEC.message('zh', { code: 'mapping-missing-area', text: '' })).toEqual([{ text: '没有指定“面积”列：所有行都将被拒绝。' }]);
    // The text cleaning's notes name the column by the field's label in the reader's language.
    expect(LISTING_SPEC.message('zh', { code: 'row-markup', params: { field: 'operator' }, text: '' })).toEqual([
      { text: '“运营方”中含有标记代码（如 <script>）：按纯文本保存和显示，不会执行。' },
    ]);
  });
});
