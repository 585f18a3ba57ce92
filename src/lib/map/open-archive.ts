import { getGlobalDispatcher } from 'maplibre-gl';
import { OPEN_ARCHIVE, type ArchiveOpening, type OpenArchiveRequest } from './archive-messages.ts';

/**
 * Opens an archive in MapLibre's workers (each reads the tiles it parses: map/archive-reader.ts) and answers with
 * what its header and metadata say, or with the fault that stopped them. `fresh` drops an earlier, failed opening
 * (a retry). Every worker opens it; the first answer is the page's. The first call starts the workers (the global
 * dispatcher takes them from MapLibre's pool), so that they fetch and compile their script while the map is made.
 */
export async function openArchive(url: string, fresh = false): Promise<ArchiveOpening> {
  try {
    const request: OpenArchiveRequest = { url, fresh };
    const answers = await getGlobalDispatcher().broadcast<OpenArchiveRequest, ArchiveOpening | null>(OPEN_ARCHIVE, request);
    return answers.find((a) => a?.ok) ?? answers.find((a) => a) ?? { ok: false, fault: { kind: 'corrupt', detail: 'no worker could read the archive' } };
  } catch (err) {
    return { ok: false, fault: { kind: 'network', detail: err instanceof Error ? err.message : String(err) } };
  }
}
