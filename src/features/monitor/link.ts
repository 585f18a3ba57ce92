import { INDICATOR_IDS, type IndicatorId } from './types.ts';

/** Limits of the monitor's part of a link: the years a figure may be for, and the longest snapshot kept. */
export const MONITOR_LIMITS = { year: [2000, 2100], snapshotChars: 60_000 } as const;

/** What a link carries of the plan monitor. Absent fields mean "the default". */
export interface MonitorLink {
  /** The indicator the chart and the map's symbols show (default: the three leading industries). */
  indicator?: IndicatorId;
  /** The year the map's symbols show (default: the latest year with figures). */
  year?: number;
  /** A read-only snapshot of figures and task progress, compressed and base64url-encoded (see src/lib/monitor/snapshot.ts). */
  snapshot?: string;
}

// base64url without padding: what the snapshot encoder writes.
const SNAPSHOT = /^[A-Za-z0-9_-]+$/;

/** Reads the monitor's part of a link (`mind`, `myr`, `msnap`); malformed values are ignored. */
export function parseMonitorLink(q: URLSearchParams): MonitorLink | undefined {
  const out: MonitorLink = {};
  const ind = q.get('mind');
  if (ind && (INDICATOR_IDS as readonly string[]).includes(ind)) out.indicator = ind as IndicatorId;
  const year = Number(q.get('myr'));
  if (q.has('myr') && Number.isInteger(year) && year >= MONITOR_LIMITS.year[0] && year <= MONITOR_LIMITS.year[1]) out.year = year;
  const snap = q.get('msnap');
  if (snap && snap.length <= MONITOR_LIMITS.snapshotChars && SNAPSHOT.test(snap)) out.snapshot = snap;
  return Object.keys(out).length ? out : undefined;
}

/** Writes the monitor's part of a link. */
export function writeMonitorLink(link: MonitorLink, q: URLSearchParams): void {
  if (link.indicator) q.set('mind', link.indicator);
  if (link.year !== undefined) q.set('myr', String(link.year));
  if (link.snapshot) q.set('msnap', link.snapshot);
}
