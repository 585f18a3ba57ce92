import type { ImportSpec, TableImport } from './spec.ts';

/*
 * Recognising a re-import: operators send the same file again (or an export of the same table in another order),
 * and importing it twice would silently double everything. A file is recognised by its bytes (SHA-256) or by its
 * rows: each import gives its rows a stable key (a listing's name, address, area and type; a figure's indicator,
 * year, place and value), and a file whose rows are mostly in a kept import is asked about before it is kept.
 */

/** The SHA-256 of a file's bytes, as hex; null where the browser has no Web Crypto (an insecure origin). */
export async function fingerprint(bytes: Uint8Array): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  try {
    const digest = await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  } catch {
    return null;
  }
}

/** How many of a file's rows are already kept: `shared` of `total`. */
export interface Overlap {
  shared: number;
  total: number;
}

/** Counts the new rows whose key is among the existing ones (a row twice in the new file counts twice). */
export function overlap(existingKeys: Iterable<string>, newKeys: readonly string[]): Overlap {
  const existing = existingKeys instanceof Set ? (existingKeys as Set<string>) : new Set(existingKeys);
  let shared = 0;
  for (const k of newKeys) if (existing.has(k)) shared++;
  return { shared, total: newKeys.length };
}

/**
 * A text as a row key compares it: Unicode-normalised (full-width letters and digits as ASCII), case and spacing
 * ignored, so that an export from another program still matches.
 */
export function keyText(text: string | undefined): string {
  return (text ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A kept import as the matching sees it. */
export interface KeptImport {
  id: string;
  name: string;
  fileName: string;
  importedAt: string;
  /** Absent on imports kept before fingerprints were: they match by rows only. */
  sha256?: string;
  keys: readonly string[];
}

/** A file recognised as a re-import of `kept`. */
export interface Reimport {
  kept: KeptImport;
  /** The same bytes. */
  sameFile: boolean;
  overlap: Overlap;
}

/**
 * The kept import a new file re-imports, or null: the same bytes first, else the one holding the most of its rows,
 * when that is at least half of them (an updated export shares most rows with the last one; a file that shares a
 * few rows with another is a different file).
 */
export function findReimport(kept: readonly KeptImport[], file: { sha256: string | null; keys: readonly string[] }): Reimport | null {
  let best: Reimport | null = null;
  for (const k of kept) {
    const sameFile = file.sha256 !== null && k.sha256 === file.sha256;
    const o = overlap(k.keys, file.keys);
    const candidate = { kept: k, sameFile, overlap: o };
    if (sameFile) return candidate;
    if (o.total > 0 && o.shared * 2 >= o.total && (!best || o.shared > best.overlap.shared)) best = candidate;
  }
  return best;
}

/** What the reader chose for a re-import. */
export type ReimportChoice = 'replace' | 'both' | 'cancel';

/**
 * An import spec whose reader also takes the fingerprint of every file it reads; `latest()` is that of the file
 * read last (the flow reviews and keeps one file at a time).
 */
export function fingerprinting<F extends string, R, O>(spec: ImportSpec<F, R, O>): { spec: ImportSpec<F, R, O>; latest(): Promise<string | null> } {
  let last: Promise<string | null> = Promise.resolve(null);
  const wrapped: ImportSpec<F, R, O> = {
    ...spec,
    async load(): Promise<TableImport<F, R, O>> {
      const engine = await spec.load();
      return {
        ...engine,
        read(file) {
          last = fingerprint(file.bytes);
          return engine.read(file);
        },
      };
    },
  };
  return { spec: wrapped, latest: () => last };
}
