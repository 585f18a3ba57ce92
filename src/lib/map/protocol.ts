import { addProtocol } from 'maplibre-gl';
import { PMTiles, Protocol } from 'pmtiles';

let protocol: Protocol | null = null;

/** Registers the `pmtiles://` protocol with MapLibre, once per page however often it is called. */
export function pmtilesProtocol(): Protocol {
  if (!protocol) {
    protocol = new Protocol({ metadata: true });
    addProtocol('pmtiles', protocol.tile);
  }
  return protocol;
}

/** Opens an archive and shares it with the protocol, so its header and directories are fetched once. */
export function openArchive(url: string): PMTiles {
  const p = pmtilesProtocol();
  const existing = p.get(url);
  if (existing) return existing;
  const archive = new PMTiles(url);
  p.add(archive);
  return archive;
}
