import { Compression } from 'pmtiles';
import { ArchiveFault } from './faults.ts';

/**
 * How the archive's directories and tiles are unpacked: the browser's own `DecompressionStream`. pmtiles' default
 * does the same and falls back on a JavaScript inflater (fflate, 1.3 KB of the first view) for browsers without
 * it; every browser the site's code runs in (ES2022) has it but Firefox before 113, where the basemap is now
 * refused with a message saying why, and the rest of the map still works. fflate itself is aliased out of the
 * build (vite.config.ts).
 */
export async function decompress(data: ArrayBuffer, compression: Compression): Promise<ArrayBuffer> {
  if (compression === Compression.None || compression === Compression.Unknown) return data;
  if (compression !== Compression.Gzip) {
    throw new ArchiveFault({ kind: 'corrupt', detail: `the archive uses compression ${Compression[compression] ?? compression}, which this site cannot read` });
  }
  if (typeof DecompressionStream === 'undefined') {
    throw new ArchiveFault({ kind: 'browser', detail: 'this browser has no DecompressionStream to unpack the basemap with' });
  }
  const body = new Response(data).body;
  if (!body) throw new ArchiveFault({ kind: 'corrupt', detail: 'the archive’s bytes could not be read as a stream' });
  return new Response(body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
}
