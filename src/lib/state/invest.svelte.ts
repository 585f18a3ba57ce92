import type { FeatureCollection } from 'geojson';
import type { InvestLink } from './invest-link.ts';

/** The investors' view's part of the application state (owned by AppState as `app.invest`). */
export class InvestState {
  shortlist = $state<string[]>([]);
  /** A selection polygon the user draws on the map (vertices, lon/lat); empty when none. */
  area = $state.raw<[number, number][]>([]);
  /** The listings that pass the filters, as map points. */
  overlay = $state.raw<FeatureCollection | null>(null);

  /** The investors' part of a link: only what differs from the defaults. */
  toLink(): InvestLink | undefined {
    return this.shortlist.length ? { shortlist: [...this.shortlist] } : undefined;
  }

  /** Restores the investors' part of a link (defaults where the link is silent). */
  apply(link: InvestLink | undefined): void {
    this.shortlist = link?.shortlist ?? [];
  }
}
