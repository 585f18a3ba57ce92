import { clamp, parseVertices, formatVertices } from '../../lib/state/permalink.ts';
import { AIR_LIMITS } from './defaults.ts';

/** What a link carries of the low-altitude analysis. Absent fields mean "the default". */
export interface AirLink {
  /** The drone-route sketch's vertices, lon/lat. */
  sketch?: [number, number][];
  /** Drone corridor width (m). */
  corridorWidth?: number;
  /** Drone cruise speed (km/h). */
  cruiseKmh?: number;
}

/** Reads the low-altitude part of a link (`sketch`, `cw`, `speed`); undefined when the link has none. */
export function parseAirLink(q: URLSearchParams): AirLink | undefined {
  const out: AirLink = {};
  const sketch = parseVertices(q.get('sketch'));
  if (sketch) out.sketch = sketch;
  const cw = Number(q.get('cw'));
  if (q.has('cw') && Number.isFinite(cw)) out.corridorWidth = clamp(Math.round(cw), AIR_LIMITS.corridorWidth);
  const speed = Number(q.get('speed'));
  if (q.has('speed') && Number.isFinite(speed)) out.cruiseKmh = clamp(Math.round(speed), AIR_LIMITS.cruiseKmh);
  return Object.keys(out).length ? out : undefined;
}

/** Writes the low-altitude part of a link. */
export function writeAirLink(link: AirLink, q: URLSearchParams): void {
  if (link.sketch?.length) q.set('sketch', formatVertices(link.sketch));
  if (link.corridorWidth !== undefined) q.set('cw', String(link.corridorWidth));
  if (link.cruiseKmh !== undefined) q.set('speed', String(link.cruiseKmh));
}
