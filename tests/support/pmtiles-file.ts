import { readFileSync } from 'node:fs';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';

/** A `pmtiles` Source over bytes in memory, for reading archives back in tests. */
export class BytesSource implements Source {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly key = 'memory',
  ) {}
  getKey(): string {
    return this.key;
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    // Copy: a Node Buffer may be a view into a shared pool, and the reader takes `.buffer`.
    const slice = new Uint8Array(this.bytes.subarray(offset, offset + length));
    return { data: slice.buffer };
  }
}

/** Opens an archive file with the `pmtiles` reader. */
export function openPmtilesFile(path: string): PMTiles {
  return new PMTiles(new BytesSource(new Uint8Array(readFileSync(path)), path));
}
