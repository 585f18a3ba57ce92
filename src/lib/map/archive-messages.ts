import type { BasemapFault } from '../state/faults.ts';
import type { BasemapRange } from '../layers/basemap-range.ts';

/**
 * The message the page sends MapLibre's workers to open an archive (answered by map/archive-reader.ts in each
 * worker): its header and metadata, or the fault that stopped it. Kept apart from the reader so that the page's
 * first view imports only these words, not the PMTiles library the workers read with.
 */
export const OPEN_ARCHIVE = 'yangpu:open-archive';

export interface OpenArchiveRequest {
  /** The archive's address (http…, not pmtiles://). */
  url: string;
  /** Drop an earlier opening (a retry after a failure, which would otherwise answer with its cached failure). */
  fresh: boolean;
}

export type ArchiveOpening =
  | {
      ok: true;
      /** The archive's JSON metadata (vector_layers, and the site's own `missing` and `schematic_river`). */
      metadata: Record<string, unknown>;
      range: BasemapRange;
      /** Size of the archive when the host ignored Range requests and it came whole; null otherwise. */
      wholeBytes: number | null;
    }
  | { ok: false; fault: BasemapFault };
