import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { BasemapFault } from '../state/faults.ts';

export { formatBytes, isBlocking, type BasemapFault } from '../state/faults.ts';

/**
 * An archive request that failed for a reason the user can be told about (thrown by the archive source, in MapLibre's
 * worker; map/archive-reader.ts classifies what else an opening throws).
 */
export class ArchiveFault extends Error {
  readonly fault: BasemapFault;
  constructor(fault: BasemapFault) {
    super(fault.detail);
    this.name = 'ArchiveFault';
    this.fault = fault;
  }
}

/** The style without the basemap's source and layers, for a map that must draw the rest without it. */
export function withoutBasemap(style: StyleSpecification): StyleSpecification {
  const sources = Object.fromEntries(Object.entries(style.sources).filter(([id]) => id !== 'basemap'));
  return { ...style, sources, layers: style.layers.filter((l) => !('source' in l) || l.source !== 'basemap') };
}
