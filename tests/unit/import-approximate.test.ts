import { describe, expect, it } from 'vitest';
import { parseArea, parseRent, rentApproxNote } from '../../src/features/invest/values.ts';
import { buildInventory } from '../../src/features/invest/import.ts';
import { suggestMapping } from '../../src/features/invest/mapping.ts';
import type { ImportTable } from '../../src/lib/import/types.ts';
import { withoutApproximation } from '../../src/lib/import/values.ts';

// Operators write "约200平" or "4.2-4.8元" when they have not settled a figure. The import keeps the value, and
// the report must say it was approximate rather than pass it off as exact.

describe('withoutApproximation (kernel)', () => {
  it('strips the words that make a figure approximate, before or after it, and says so', () => {
    expect(withoutApproximation('约200平')).toEqual({ text: '200平', about: true });
    expect(withoutApproximation('200左右')).toEqual({ text: '200', about: true });
    expect(withoutApproximation('200平 左右')).toEqual({ text: '200平', about: true });
    expect(withoutApproximation('大约 4.5')).toEqual({ text: '4.5', about: true });
    expect(withoutApproximation('approximately 200')).toEqual({ text: '200', about: true });
    expect(withoutApproximation('~200')).toEqual({ text: '200', about: true });
    // Full-width spaces and digits are the kernel's usual normalisation.
    expect(withoutApproximation('约２００')).toEqual({ text: '200', about: true });
  });

  it('leaves an exact figure, and a range, as they are', () => {
    expect(withoutApproximation('200平')).toEqual({ text: '200平', about: false });
    expect(withoutApproximation('200-300平')).toEqual({ text: '200-300平', about: false });
    expect(withoutApproximation('2.5~3.5')).toEqual({ text: '2.5~3.5', about: false });
  });
});

describe('parseArea: approximate forms keep their value and say how they were written', () => {
  it.each([
    ['约200平', 200, 'about'],
    ['200左右', 200, 'about'],
    ['200平左右', 200, 'about'],
    ['200平米 左右', 200, 'about'],
    ['about 200 sqm', 200, 'about'],
    ['200-300平', 300, 'range'],
    // The word is what the operator stressed; the range is still kept by its largest, as any range.
    ['约200-300平', 300, 'about'],
  ] as const)('%s → %d (%s)', (raw, value, approx) => {
    expect(parseArea(raw)).toEqual({ value, range: true, approx });
  });

  it('an exact area is not marked', () => {
    for (const raw of ['200', '200平', '200㎡', '0.02万㎡']) expect(parseArea(raw), raw).toEqual({ value: 200, range: false });
  });
});

describe('parseRent: approximate forms keep their value and say how they were written', () => {
  it.each([
    ['约4.5', 4.5, 4.5, 'about'],
    ['4.5左右', 4.5, 4.5, 'about'],
    ['约4.5元/㎡/天', 4.5, 4.5, 'about'],
    ['4.5元/平米/天左右', 4.5, 4.5, 'about'],
    ['¥约4.5', 4.5, 4.5, 'about'],
    ['4.2-4.8元', 4.2, 4.8, 'range'],
    ['4.2~4.8元/㎡/天', 4.2, 4.8, 'range'],
    ['约4.2-4.8', 4.2, 4.8, 'about'],
  ] as const)('%s → %d–%d (%s)', (raw, min, max, approx) => {
    expect(parseRent(raw)).toEqual({ min, max, period: 'day', approx });
  });

  it('an exact rent, or one figure written twice, is not marked', () => {
    expect(parseRent('4.5')).toEqual({ min: 4.5, max: 4.5, period: 'day' });
    expect(parseRent('4.5元/㎡/天')).toEqual({ min: 4.5, max: 4.5, period: 'day' });
    expect(parseRent('4.5-4.5')).toEqual({ min: 4.5, max: 4.5, period: 'day' });
  });

  it('a monthly approximate rent is converted and still marked', () => {
    expect(parseRent('约136.875元/㎡/月')).toEqual({ min: 4.5, max: 4.5, period: 'month', approx: 'about' });
  });
});

describe('rentApproxNote', () => {
  const note = (raw: string) => {
    const r = parseRent(raw);
    if (!r || 'error' in r) throw new Error(`not a rent: ${raw}`);
    return rentApproxNote(raw, r);
  };

  it('says an approximate figure was kept as it was written, a single one or a range', () => {
    expect(note('约4.5')).toMatchObject({ code: 'row-rent-approx', params: { value: '约4.5', rent: 4.5 } });
    expect(note('4.5左右')).toMatchObject({ code: 'row-rent-approx', params: { value: '4.5左右', rent: 4.5 } });
    expect(note('约4.2-4.8元')).toMatchObject({ code: 'row-rent-approx', params: { rent: '4.2–4.8' } });
    expect(note('约4.5')!.text).toBe('Rent "约4.5" is approximate: kept as 4.5 yuan/m²/day.');
  });

  it('gives no note for an exact rent, nor for a plain range (kept whole as rentMin–rentMax)', () => {
    expect(note('4.5')).toBeNull();
    expect(note('4.5元/㎡/天')).toBeNull();
    expect(note('4.2-4.8元')).toBeNull();
  });
});

/** One CSV row through the listings import (WGS-84, fixed id and time): its listing and its row's note codes. */
function importRow(values: Record<string, string>) {
  const headers = Object.keys(values);
  const t: ImportTable = { format: 'csv', fileName: 't.csv', encoding: 'UTF-8', rowKind: 'row', headers, rows: [{ row: 2, values }], notes: [] };
  const { inventory, report } = buildInventory(t, suggestMapping(headers), {
    crs: 'wgs84',
    name: 'n',
    fileName: 't.csv',
    id: 'x',
    now: new Date('2026-01-01T00:00:00Z'),
  });
  return { listing: inventory.listings[0], notes: report.rows[0]!.messages.map((m) => m.code) };
}

describe('the listings import notes an approximate area on its row', () => {
  const run = (area: string) => {
    const { listing, notes } = importRow({ name: 'A', area, lon: '121.5', lat: '31.3' });
    return { area: listing?.areaM2, notes };
  };

  it.each(['约200平', '200左右', '200平左右'])('%s: kept as 200, with a note', (raw) => {
    expect(run(raw)).toEqual({ area: 200, notes: ['row-area-range'] });
  });

  it('a range keeps its largest, with a note; an exact area has none', () => {
    expect(run('200-300平')).toEqual({ area: 300, notes: ['row-area-range'] });
    expect(run('200平')).toEqual({ area: 200, notes: [] });
  });
});

describe('the listings import notes an approximate rent on its row', () => {
  const run = (rent: string) => {
    const { listing, notes } = importRow({ name: 'A', area: '100', lon: '121.5', lat: '31.3', rent });
    return { rent: [listing!.rentMin, listing!.rentMax], notes };
  };

  it.each(['约4.5', '4.5左右'])('%s: kept as 4.5, with a note', (raw) => {
    expect(run(raw)).toEqual({ rent: [4.5, 4.5], notes: ['row-rent-approx'] });
  });

  it('a plain range is kept as its two ends without a note; an exact rent has none either', () => {
    expect(run('4.2-4.8元')).toEqual({ rent: [4.2, 4.8], notes: [] });
    expect(run('4.5')).toEqual({ rent: [4.5, 4.5], notes: [] });
  });
});
