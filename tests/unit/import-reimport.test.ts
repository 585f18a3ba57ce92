import { describe, expect, it } from 'vitest';
import { findReimport, fingerprint, fingerprinting, keyText, overlap, type KeptImport } from '../../src/lib/import/reimport.ts';
import type { ImportSpec, TableImport } from '../../src/lib/import/spec.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const kept = (id: string, keys: string[], sha256?: string): KeptImport => ({
  id,
  name: id,
  fileName: `${id}.csv`,
  importedAt: '2026-01-01T00:00:00.000Z',
  keys,
  ...(sha256 && { sha256 }),
});

describe('fingerprint', () => {
  it('is the SHA-256 of the bytes: the same bytes match, one byte more does not', async () => {
    const a = await fingerprint(bytes('name,area\nA,100\n'));
    // The known digest of "abc" shows it is SHA-256 and not some other hash.
    expect(await fingerprint(bytes('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await fingerprint(bytes('name,area\nA,100\n'))).toBe(a);
    expect(await fingerprint(bytes('name,area\nA,100\n\n'))).not.toBe(a);
  });
});

describe('overlap', () => {
  it('finds the same rows in another order', () => {
    expect(overlap(['a', 'b', 'c'], ['c', 'a', 'b'])).toEqual({ shared: 3, total: 3 });
  });
  it('counts a partial overlap', () => {
    expect(overlap(new Set(['a', 'b', 'c']), ['a', 'b', 'x', 'y'])).toEqual({ shared: 2, total: 4 });
  });
  it('finds nothing in common', () => {
    expect(overlap(['a'], ['b', 'c'])).toEqual({ shared: 0, total: 2 });
    expect(overlap([], [])).toEqual({ shared: 0, total: 0 });
  });
});

describe('keyText', () => {
  it('ignores case, spacing and full-width forms', () => {
    expect(keyText('  Ａ栋  Tower\t1 ')).toBe(keyText('a栋 tower 1'));
    expect(keyText('A栋')).not.toBe(keyText('B栋'));
    expect(keyText(undefined)).toBe('');
  });
});

describe('findReimport', () => {
  it('recognises the same bytes first, even when the rows differ', () => {
    const found = findReimport([kept('rows', ['a', 'b']), kept('file', ['z'], 'h1')], { sha256: 'h1', keys: ['a', 'b'] });
    expect(found?.kept.id).toBe('file');
    expect(found?.sameFile).toBe(true);
  });
  it('recognises the same rows from another file, and names the import holding most of them', () => {
    const found = findReimport([kept('some', ['a'], 'h1'), kept('most', ['a', 'b', 'c'], 'h2')], { sha256: 'h3', keys: ['c', 'b', 'a'] });
    expect(found).toMatchObject({ kept: { id: 'most' }, sameFile: false, overlap: { shared: 3, total: 3 } });
  });
  it('reports a partial overlap of at least half the rows', () => {
    const found = findReimport([kept('old', ['a', 'b', 'c'])], { sha256: 'h', keys: ['a', 'b', 'c', 'd'] });
    expect(found?.overlap).toEqual({ shared: 3, total: 4 });
  });
  it('leaves a file alone that shares little or nothing', () => {
    expect(findReimport([kept('old', ['a', 'b'])], { sha256: 'h', keys: ['a', 'x', 'y'] })).toBeNull();
    expect(findReimport([kept('old', ['a', 'b'])], { sha256: 'h', keys: ['x'] })).toBeNull();
    expect(findReimport([], { sha256: 'h', keys: ['a'] })).toBeNull();
  });
  it('never matches a kept import without a fingerprint by hash (saved before fingerprints were)', () => {
    expect(findReimport([kept('old', ['a'])], { sha256: null, keys: ['x'] })).toBeNull();
  });
});

describe('fingerprinting', () => {
  it('takes the fingerprint of the file its reader read last', async () => {
    const engine = { read: () => ({ fileErrors: [] }) } as unknown as TableImport<string, unknown, unknown>;
    const spec = { load: () => Promise.resolve(engine) } as unknown as ImportSpec<string, unknown, unknown>;
    const { spec: wrapped, latest } = fingerprinting(spec);
    expect(await latest()).toBeNull();
    const run = await wrapped.load();
    run.read({ name: 'a.csv', bytes: bytes('abc') });
    expect(await latest()).toBe(await fingerprint(bytes('abc')));
    run.read({ name: 'b.csv', bytes: bytes('abd') });
    expect(await latest()).toBe(await fingerprint(bytes('abd')));
  });
});
