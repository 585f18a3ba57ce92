import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { EtagMismatch } from 'pmtiles';
import type { BasemapFault } from '../state/faults.ts';

export { formatBytes, isBlocking, type BasemapFault } from '../state/faults.ts';

/** An archive request that failed for a reason the user can be told about (thrown by the archive source). */
export class ArchiveFault extends Error {
  readonly fault: BasemapFault;
  constructor(fault: BasemapFault) {
    super(fault.detail);
    this.name = 'ArchiveFault';
    this.fault = fault;
  }
}

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

/** The style without the basemap's source and layers, for a map that must draw the rest without it. */
export function withoutBasemap(style: StyleSpecification): StyleSpecification {
  const sources = Object.fromEntries(Object.entries(style.sources).filter(([id]) => id !== 'basemap'));
  return { ...style, sources, layers: style.layers.filter((l) => !('source' in l) || l.source !== 'basemap') };
}
