/**
 * Why the basemap archive could not be used, or how it was served when that deserves a word. `served-whole` is not
 * a failure: the host ignored Range requests but the archive was small enough to take in one download.
 */
export type BasemapFault =
  | { kind: 'missing' | 'corrupt' | 'network' | 'changed' | 'browser'; detail: string }
  | { kind: 'http'; status: number; detail: string }
  | { kind: 'no-range'; bytes: number | null; limit: number; detail: string }
  | { kind: 'served-whole'; bytes: number; detail: string };

/** Whether a fault leaves the map without its basemap (everything but `served-whole`). */
export const isBlocking = (fault: BasemapFault | null): boolean => fault !== null && fault.kind !== 'served-whole';

/** A byte count for people: `0.6 MB`, `240 KB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
