/** What a link carries of the dispersion dashboard. Absent fields mean "the default". */
export interface AnalysisLink {
  /** Placeholder until the dashboard lands: the cluster distance (m). */
  clusterM?: number;
}

/** Reads the dashboard's part of a link; undefined when the link has none. */
export function parseAnalysisLink(q: URLSearchParams): AnalysisLink | undefined {
  const d = Number(q.get('cd'));
  return q.has('cd') && Number.isFinite(d) ? { clusterM: Math.round(d) } : undefined;
}

/** Writes the dashboard's part of a link, in a fixed order. */
export function writeAnalysisLink(state: AnalysisLink, q: URLSearchParams): void {
  if (state.clusterM !== undefined) q.set('cd', String(state.clusterM));
}
