/** Prefix of a listing in `AppState.selection` (and the link's `sel=`). */
export const LISTING_SELECTION = 'listing:';
/** The registry rows of the listings: imported ones, and the team's sample (never mistaken for real offers). */
export const LISTING_ROWS = { imported: 'listings', sample: 'listings_sample' } as const;
