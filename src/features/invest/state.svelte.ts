import type { GeoJSONSourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import { drawnAreaFeatures, withVertex } from '../../lib/data/drawn-area.ts';
import { EMPTY_COLLECTION } from '../../lib/layers/style.ts';
import { t, type MessageKey } from '../../lib/i18n/index.ts';
import type { FeatureState, NearbyPlace } from '../../lib/state/feature.ts';
import type { ListingFacts } from './compare.ts';
import { DEFAULT_SORT, type ListingFilters, type ListingSort } from './query.ts';
import type { Inventory, Listing } from './types.ts';
import type { ImportMessage } from '../../lib/import/types.ts';
import { listingFeatureId } from './layers.ts';
import { INVEST_LIMITS, type InvestLink } from './link.ts';
import type { FinderCodec } from './finder/link.ts';
import { EMPTY_FINDER, type FinderSpec } from './finder/needs.ts';

import { LISTING_ROWS, LISTING_SELECTION } from './ids.ts';

export { LISTING_ROWS, LISTING_SELECTION } from './ids.ts';

/** The listing id a selection names, or null. */
export function selectedListingId(selection: string | null | undefined): string | null {
  return selection?.startsWith(LISTING_SELECTION) ? selection.slice(LISTING_SELECTION.length) : null;
}

/**
 * The investors' view's part of the application state (`app.features.invest`). What the view derives
 * (results, facts, the map overlay) is computed by the lazily loaded view code and stored here, so that the first
 * page load carries none of it.
 */
export class InvestState implements FeatureState<InvestLink> {
  shortlist = $state<string[]>([]);
  /** A selection polygon the user draws on the map (vertices, lon/lat); empty when none. */
  area = $state.raw<[number, number][]>([]);
  /** The search; absent fields do not filter. */
  filters = $state.raw<ListingFilters>({});
  sort = $state.raw<ListingSort>(DEFAULT_SORT);
  /**
   * The site finder's part of the link as written (`fi=ai&fppl=40`): the state of the finder. Its codec comes with the
   * Space tab's chunk (`finderCodec`, handed over by InvestSync), so the first view carries the keys and nothing more.
   */
  finderQuery = $state.raw('');
  /** The finder's codec, once the investors' chunk has run. */
  finderCodec = $state.raw<FinderCodec | null>(null);

  /** The site finder: needs, must-haves and weights (the ranking itself is the panel's); none until its codec is here. */
  get finder(): FinderSpec {
    return this.finderCodec?.parse(this.finderQuery) ?? EMPTY_FINDER;
  }
  set finder(spec: FinderSpec) {
    if (this.finderCodec) this.finderQuery = this.finderCodec.write(spec);
  }

  /** Takes the finder's codec and rewrites the finder's part of the link as it reads it (a hostile value goes). */
  useFinderCodec(codec: FinderCodec): void {
    this.finderCodec = codec;
    this.finderQuery = codec.write(codec.parse(this.finderQuery));
  }

  /** Loaded inventories: the sample first, then the imported ones in the order they were imported. */
  inventories = $state.raw<Inventory[]>([]);
  /** Whether the inventories are loaded: nothing is read until the view is wanted. */
  load = $state<'idle' | 'loading' | 'ready'>('idle');
  /** A problem with the browser's storage (unavailable, full, failed), shown in the panel. */
  storageProblem = $state.raw<ImportMessage | null>(null);
  /** The listings that pass the filters, in the chosen order. */
  results = $state.raw<Listing[]>([]);
  /** Nearest station, zone and nearby science parks, per listing id. */
  facts = $state.raw<ReadonlyMap<string, ListingFacts>>(new Map());
  /** The listings that pass the filters, as map points. */
  overlay = $state.raw<FeatureCollection | null>(null);
  /** A file dropped on the page, waiting for the panel's import step. */
  pendingFile = $state.raw<File | null>(null);

  /** Every loaded listing, by id. */
  get byId(): Map<string, Listing> {
    return new Map(this.inventories.flatMap((inv) => inv.listings.map((l) => [l.id, l] as const)));
  }

  /** Whether a link or the state asks for the investors' data (so it must be loaded). */
  wanted(visible: Record<string, boolean>, selection: string | null): boolean {
    return (
      Boolean(visible[LISTING_ROWS.imported] || visible[LISTING_ROWS.sample]) ||
      this.shortlist.length > 0 ||
      Object.keys(this.filters).length > 0 ||
      this.area.length > 0 ||
      this.finderQuery !== '' ||
      selectedListingId(selection) !== null
    );
  }

  /** Changes some filters; `undefined` or an empty list clears one. */
  setFilters(patch: Partial<ListingFilters>): void {
    const next: Record<string, unknown> = { ...this.filters, ...patch };
    for (const [k, v] of Object.entries(next)) if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) delete next[k];
    this.filters = next as ListingFilters;
  }

  isPinned(id: string): boolean {
    return this.shortlist.includes(id);
  }

  /** Pins or unpins a listing (pins keep their order; the link holds at most {@link INVEST_LIMITS.pins}). */
  togglePin(id: string, on = !this.isPinned(id)): void {
    if (on && !this.isPinned(id) && this.shortlist.length < INVEST_LIMITS.pins) this.shortlist = [...this.shortlist, id];
    else if (!on) this.shortlist = this.shortlist.filter((x) => x !== id);
  }

  /** The drawn search area for the map: its outline once it has three vertices, and its vertices. */
  get areaOverlay(): FeatureCollection | undefined {
    return this.area.length ? { type: 'FeatureCollection', features: drawnAreaFeatures(this.area) } : undefined;
  }

  /** Adds a vertex to the drawn search area. */
  addDrawPoint(point: [number, number]): void {
    this.area = withVertex(this.area, point);
  }

  /**
   * The listings that pass the filters, clustered until the map is close enough to tell them apart (each cluster
   * counts its sample points, so a cluster of the team's sample is drawn as sample), and the drawn search area,
   * apart from them so that it is never clustered.
   */
  sources(): Record<string, GeoJSONSourceSpecification> {
    return {
      listings: {
        type: 'geojson',
        data: this.overlay ?? EMPTY_COLLECTION,
        cluster: true,
        clusterRadius: 40,
        clusterMaxZoom: 14,
        clusterProperties: { samples: ['+', ['case', ['get', 'sample'], 1, 0]] },
      },
      'listings-area': { type: 'geojson', data: this.areaOverlay ?? EMPTY_COLLECTION },
    };
  }

  /** The selected listing's point on the map (numeric ids from the listing's own id). */
  marked(selection: string | null): { source: string; id: number } | undefined {
    const id = selectedListingId(selection);
    return id === null ? undefined : { source: 'listings', id: listingFeatureId(id) };
  }

  /**
   * Every loaded listing, for "near me" (filters aside: a visitor asks what is near, not what matches a search);
   * null until the inventories are read. The kinds' words come with the view's chunk, which reading them loads.
   */
  nearby(): readonly NearbyPlace[] | null {
    if (this.load !== 'ready') return null;
    const kind = (lang: 'zh' | 'en', l: Listing) => t(lang, `import.type.${l.spaceType}` as MessageKey);
    return this.inventories.flatMap((inv) =>
      inv.listings.map((l) => ({
        selection: `${LISTING_SELECTION}${l.id}`,
        name: { zh: l.name, en: l.en?.name ?? l.name },
        kind: { zh: kind('zh', l), en: kind('en', l) },
        lon: l.lon,
        lat: l.lat,
        sample: l.sample,
      })),
    );
  }

  /** The investors' part of a link: only what differs from the defaults. */
  toLink(): InvestLink | undefined {
    const out: InvestLink = {};
    if (this.shortlist.length) out.shortlist = [...this.shortlist];
    if (Object.keys(this.filters).length) out.filters = { ...this.filters };
    if (this.sort.key !== DEFAULT_SORT.key || this.sort.desc !== DEFAULT_SORT.desc) out.sort = { ...this.sort };
    if (this.area.length) out.area = this.area;
    if (this.finderQuery) out.finder = this.finderQuery;
    return Object.keys(out).length ? out : undefined;
  }

  /** Restores the investors' part of a link (defaults where the link is silent). */
  apply(link: InvestLink | undefined): void {
    this.shortlist = link?.shortlist ?? [];
    this.filters = link?.filters ?? {};
    this.sort = link?.sort ?? DEFAULT_SORT;
    this.area = link?.area ?? [];
    this.finderQuery = link?.finder ? (this.finderCodec?.write(this.finderCodec.parse(link.finder)) ?? link.finder) : '';
  }
}
