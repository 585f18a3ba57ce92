import { getGlobalDispatcher } from 'maplibre-gl';
import { OPEN_ARCHIVE, type ArchiveOpening, type OpenArchiveRequest } from './archive-messages.ts';

let opening = 0;

/** Openings asked of the workers and not yet answered: while the first view is slow, they say the network is why. */
export const openingsInFlight = (): number => opening;

/**
 * Opens an archive in MapLibre's workers (each reads the tiles it parses: map/archive-reader.ts) and answers with
 * what its header and metadata say, or with the fault that stopped them. `fresh` drops an earlier, failed opening
 * (a retry). Every worker opens it; the first answer is the page's.
 */
export async function openArchive(url: string, fresh = false): Promise<ArchiveOpening> {
  opening += 1;
  try {
    const request: OpenArchiveRequest = { url, fresh };
    const answers = await getGlobalDispatcher().broadcast<OpenArchiveRequest, ArchiveOpening | null>(OPEN_ARCHIVE, request);
    return answers.find((a) => a?.ok) ?? answers.find((a) => a) ?? { ok: false, fault: { kind: 'corrupt', detail: 'no worker could read the archive' } };
  } catch (err) {
    return { ok: false, fault: { kind: 'network', detail: err instanceof Error ? err.message : String(err) } };
  } finally {
    opening -= 1;
  }
}
