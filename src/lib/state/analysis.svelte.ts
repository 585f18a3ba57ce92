import type { FeatureCollection } from 'geojson';
import type { AnalysisLink } from './analysis-link.ts';

/** The dispersion dashboard's part of the application state (owned by AppState as `app.analysis`). */
export class AnalysisState {
  clusterM = $state(500);
  /** A selection polygon the user draws on the map (vertices, lon/lat); empty when none. */
  area = $state.raw<[number, number][]>([]);
  /** What the map draws for the analysis: clusters, spanning tree, coverage buffers. */
  overlay = $state.raw<FeatureCollection | null>(null);

  /** The dashboard's part of a link: only what differs from the defaults. */
  toLink(): AnalysisLink | undefined {
    return this.clusterM !== 500 ? { clusterM: this.clusterM } : undefined;
  }

  /** Restores the dashboard's part of a link (defaults where the link is silent). */
  apply(link: AnalysisLink | undefined): void {
    this.clusterM = link?.clusterM ?? 500;
  }
}
