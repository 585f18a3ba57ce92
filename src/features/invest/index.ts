/*
 * The investors' view: available space from the team's sample and operators' files, filtered, compared and shared.
 * This door is the only way in; what the first view needs (the state, its part of the link, its layer rows, its
 * tab's name) is here, and the panel, the engine and the listing card are one lazy chunk (view.ts).
 */
import type { FeatureDef } from '../../lib/state/feature.ts';
import './labels.ts';
import { LISTING_REGISTRY } from './layers.ts';
import { parseInvestLink, writeInvestLink, type InvestLink } from './link.ts';
import { InvestState, LISTING_ROWS, LISTING_SELECTION } from './state.svelte.ts';

export type { InvestLink } from './link.ts';
export { InvestState } from './state.svelte.ts';

declare module '../../lib/state/feature.ts' {
  interface FeatureStates {
    invest: InvestState;
  }
}
declare module '../../lib/state/permalink.ts' {
  interface FeatureLinks {
    invest?: InvestLink;
  }
}

/** The drawing target of the investors' search area (`app.drawing`). */
const AREA_TARGET = 'invest';

export const invest: FeatureDef<InvestState> = {
  id: 'invest',
  panel: true,
  icon: 'M4 21V6l8-3v18M12 9h8v12M2 21h20M7 9h2M7 13h2M7 17h2M15 13h2M15 17h2',
  rows: LISTING_REGISTRY,
  link: { parse: parseInvestLink, write: (link, q) => writeInvestLink(link as InvestLink, q) },
  // Listing ids come from operators' files: their case is kept.
  selection: /^listing:[A-Za-z0-9][A-Za-z0-9:_-]{0,80}$/,
  pickable: [{ source: 'listings', selection: (p) => (typeof p.lid === 'string' ? `${LISTING_SELECTION}${p.lid}` : null) }],
  draws: AREA_TARGET,
  createState: () => new InvestState(),
  // "Near me" asks for the listings too (app.nearbyWanted), and so does a brief of a site or the shortlist.
  wanted: (app, state) =>
    app.panel === 'invest' || app.nearbyWanted || app.brief?.kind === 'site' || app.brief?.kind === 'shortlist' || state.wanted(app.visible, app.selection),
  // Opening the investors' view shows the listings on the map, unless a link or the user set their rows already;
  // in the same update as the tab opens, so the link gains one history entry, not two.
  opened: (app) => {
    if (!app.visible[LISTING_ROWS.imported] && !app.visible[LISTING_ROWS.sample]) {
      app.toggle(LISTING_ROWS.imported, true);
      app.toggle(LISTING_ROWS.sample, true);
    }
  },
  load: () => import('./view.ts'),
  // A site's brief and the shortlist's: their builder (and the finder's reasons it prints) load with the print view.
  briefs: {
    kinds: ['site', 'shortlist'],
    build: async (app, state, request, lang) => (await import('./brief.ts')).buildInvestBrief(app, state, request, lang),
  },
};
