import { EtagMismatch, PMTiles } from 'pmtiles';
import type { AddProtocolAction } from 'maplibre-gl';
import type { BasemapFault } from '../state/faults.ts';
import { ArchiveSource, type ArchiveSourceOptions } from './archive-source.ts';
import type { ArchiveOpening, OpenArchiveRequest } from './archive-messages.ts';
import type { BasemapRange } from '../layers/basemap-range.ts';
import { decompress } from './decompress.ts';
import { ArchiveFault } from './faults.ts';

const messageOf = (err: unknown): string => (err instanceof Error ? `${err.name}: ${err.message}` : String(err));

/**
 * What went wrong with the basemap, from whatever opening it threw. The archive source reports the host's and the
 * network's failures itself; anything else was thrown while reading bytes that did arrive (a wrong magic number, a
 * truncated or undecodable directory, metadata that is not JSON), so the archive itself is damaged.
 */
export function classifyArchiveError(err: unknown): BasemapFault {
  if (err instanceof ArchiveFault) return err.fault;
  if (err instanceof EtagMismatch) return { kind: 'changed', detail: messageOf(err) };
  return { kind: 'corrupt', detail: messageOf(err) };
}

const TILE_URL = /^pmtiles:\/\/(.+)\/(\d+)\/(\d+)\/(\d+)$/;

interface Opened {
  archive: PMTiles;
  /** The header and metadata read, or the fault that stopped them. */
  opening: Promise<ArchiveOpening>;
}

/**
 * The basemap archives as MapLibre's worker reads them (map/map-worker.ts installs one per worker): each archive
 * is opened once (header, root directory, metadata) and its tiles are read where they are parsed, never through the
 * page's main thread. The page asks for the opening to learn what the archive holds or why it cannot be used
 * ({@link open}); MapLibre asks for tiles through the `pmtiles://` protocol ({@link tile}).
 */
export class ArchiveReader {
  private readonly archives = new Map<string, Opened>();

  constructor(private readonly sourceOptions: ArchiveSourceOptions = {}) {}

  /** Opens `url` (again when `fresh`), answering with what its header and metadata say or with its fault. */
  open = ({ url, fresh }: OpenArchiveRequest): Promise<ArchiveOpening> => {
    const known = this.archives.get(url);
    if (known && !fresh) return known.opening;
    const source = new ArchiveSource(url, this.sourceOptions);
    const archive = new PMTiles(source, undefined, decompress);
    const opening = (async (): Promise<ArchiveOpening> => {
      try {
        const header = await archive.getHeader();
        const metadata = (await archive.getMetadata()) as Record<string, unknown>;
        const range: BasemapRange = { minzoom: header.minZoom, maxzoom: header.maxZoom, bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat] };
        return { ok: true, metadata, range, wholeBytes: source.wholeBytes };
      } catch (err) {
        return { ok: false, fault: classifyArchiveError(err) };
      }
    })();
    this.archives.set(url, { archive, opening });
    return opening;
  };

  /**
   * MapLibre's `pmtiles://URL/z/x/y` requests. A tile of an archive that could not be opened answers empty: the page
   * says why the basemap is missing (its opening's fault), not once per tile. A tile that fails on its own throws,
   * and the page counts it.
   */
  tile: AddProtocolAction = async (params, abort) => {
    const match = TILE_URL.exec(params.url);
    if (!match) throw new Error(`not a tile of an archive: ${params.url}`);
    const [, url, z, x, y] = match;
    if (!this.archives.has(url!)) void this.open({ url: url!, fresh: false });
    const { archive, opening } = this.archives.get(url!)!;
    if (!(await opening).ok) return { data: new ArrayBuffer(0) };
    const found = await archive.getZxy(Number(z), Number(x), Number(y), abort.signal);
    abort.signal.throwIfAborted();
    return found ? { data: found.data, cacheControl: found.cacheControl, expires: found.expires } : { data: new ArrayBuffer(0) };
  };
}
