import { addProtocol } from 'maplibre-gl';
import { PMTiles, Protocol } from 'pmtiles';
import { ArchiveSource } from './archive-source.ts';
import { decompress } from './decompress.ts';

let protocol: Protocol | null = null;

/** Registers the `pmtiles://` protocol with MapLibre, once per page however often it is called. */
export function pmtilesProtocol(): Protocol {
  if (!protocol) {
    protocol = new Protocol({ metadata: true });
    addProtocol('pmtiles', protocol.tile);
  }
  return protocol;
}

/**
 * Opens an archive and shares it with the protocol, so its header and directories are fetched once. Its source
 * ({@link ArchiveSource}) says why a read failed and copes with a host that ignores Range requests. `fresh` drops
 * an earlier, failed opening (a retry), which would otherwise answer with its cached failure.
 */
export function openArchive(url: string, fresh = false): { archive: PMTiles; source: ArchiveSource } {
  const p = pmtilesProtocol();
  const existing = fresh ? undefined : p.get(url);
  if (existing && existing.source instanceof ArchiveSource) return { archive: existing, source: existing.source };
  const source = new ArchiveSource(url);
  const archive = new PMTiles(source, undefined, decompress);
  p.add(archive);
  return { archive, source };
}
